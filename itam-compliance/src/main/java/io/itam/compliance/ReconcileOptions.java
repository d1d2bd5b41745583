package io.itam.compliance;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Reconciler} works. The position never depends on {@code threads}.
 *
 * @param asOf the date to compute the position for, overriding the estate's {@code asOf}; {@code
 *     null} to use the estate's
 * @param nodeBudget branch-and-bound nodes per licence pool before a documented heuristic finishes
 *     the pool (the position then reports the pool, its bound and gap)
 * @param threads threads that solve independent pools; 1 solves on the calling thread
 */
public record ReconcileOptions(@Nullable LocalDate asOf, long nodeBudget, int threads) {

  /** Default {@link #nodeBudget()}. */
  public static final long DEFAULT_NODE_BUDGET = 2_000;

  /** The estate's own date, the default budget, one thread. */
  public static final ReconcileOptions DEFAULTS =
      new ReconcileOptions(null, DEFAULT_NODE_BUDGET, 1);

  public ReconcileOptions {
    checkArgument(nodeBudget >= 1, "nodeBudget: must be at least 1, was %s", nodeBudget);
    checkArgument(threads >= 1, "threads: must be at least 1, was %s", threads);
  }

  public ReconcileOptions withAsOf(@Nullable LocalDate asOf) {
    return new ReconcileOptions(asOf, nodeBudget, threads);
  }

  public ReconcileOptions withNodeBudget(long nodeBudget) {
    return new ReconcileOptions(asOf, nodeBudget, threads);
  }

  public ReconcileOptions withThreads(int threads) {
    return new ReconcileOptions(asOf, nodeBudget, threads);
  }
}
