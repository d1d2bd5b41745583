package io.itam.compliance;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.itam.model.position.Detail;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Reconciler} works. The position never depends on {@code threads}, nor on {@code
 * referenceEngine}.
 *
 * @param asOf the date to compute the position for, overriding the estate's {@code asOf}; {@code
 *     null} to use the estate's
 * @param nodeBudget branch-and-bound nodes per licence pool and objective tier before a documented
 *     heuristic finishes the pool (the position then reports the pool, its bound and gap)
 * @param threads threads that solve independent pools; 1 solves on the calling thread
 * @param detail which per-consumer lists the position holds
 * @param referenceEngine evaluate every device on its own (the straightforward reference engine)
 *     instead of once per group of devices with equal records (the default); for verification
 * @param strategy the exact allocation (the default) or the first-fit baseline
 * @param heapCheck fail early with {@link InsufficientHeapException} when the heap looks too small
 *     for the estate (the default), rather than risk an {@link OutOfMemoryError} halfway
 */
public record ReconcileOptions(
    @Nullable LocalDate asOf,
    long nodeBudget,
    int threads,
    Detail detail,
    boolean referenceEngine,
    AllocationStrategy strategy,
    boolean heapCheck) {

  /** Default {@link #nodeBudget()}. */
  public static final long DEFAULT_NODE_BUDGET = 2_000;

  /**
   * The estate's own date, the default budget, one thread, every detail, the fast engine, the exact
   * allocation.
   */
  public static final ReconcileOptions DEFAULTS =
      new ReconcileOptions(
          null, DEFAULT_NODE_BUDGET, 1, Detail.ALL, false, AllocationStrategy.OPTIMAL, true);

  public ReconcileOptions {
    checkArgument(nodeBudget >= 1, "nodeBudget: must be at least 1, was %s", nodeBudget);
    checkArgument(threads >= 1, "threads: must be at least 1, was %s", threads);
    requireNonNull(detail, "detail");
    requireNonNull(strategy, "strategy");
  }

  public ReconcileOptions withAsOf(@Nullable LocalDate asOf) {
    return new ReconcileOptions(
        asOf, nodeBudget, threads, detail, referenceEngine, strategy, heapCheck);
  }

  public ReconcileOptions withNodeBudget(long nodeBudget) {
    return new ReconcileOptions(
        asOf, nodeBudget, threads, detail, referenceEngine, strategy, heapCheck);
  }

  public ReconcileOptions withThreads(int threads) {
    return new ReconcileOptions(
        asOf, nodeBudget, threads, detail, referenceEngine, strategy, heapCheck);
  }

  public ReconcileOptions withDetail(Detail detail) {
    return new ReconcileOptions(
        asOf, nodeBudget, threads, detail, referenceEngine, strategy, heapCheck);
  }

  public ReconcileOptions withReferenceEngine(boolean referenceEngine) {
    return new ReconcileOptions(
        asOf, nodeBudget, threads, detail, referenceEngine, strategy, heapCheck);
  }

  public ReconcileOptions withStrategy(AllocationStrategy strategy) {
    return new ReconcileOptions(
        asOf, nodeBudget, threads, detail, referenceEngine, strategy, heapCheck);
  }

  public ReconcileOptions withHeapCheck(boolean heapCheck) {
    return new ReconcileOptions(
        asOf, nodeBudget, threads, detail, referenceEngine, strategy, heapCheck);
  }
}
