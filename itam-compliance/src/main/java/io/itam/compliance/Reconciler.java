package io.itam.compliance;

import static java.util.Objects.requireNonNull;

import io.itam.compliance.internal.allocation.Allocation;
import io.itam.compliance.internal.allocation.Allocator;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.compliance.internal.index.Prices;
import io.itam.compliance.internal.position.PositionAssembler;
import io.itam.model.Estate;
import io.itam.model.Progress;
import io.itam.model.position.Position;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the effective licence position of an estate: allocates entitlements to consumption
 * exactly (least shortfall cost, then least value consumed, then a deterministic tie-break) and
 * explains every unit.
 *
 * <pre>{@code
 * Position position = Reconciler.create().reconcile(estate);
 * }</pre>
 *
 * <p>A reconciler is immutable and thread-safe; reconciliations of different estates may run
 * concurrently. The same estate gives an equal position whatever the order of its lists and the
 * number of threads.
 */
public final class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final ReconcileOptions options;

  private Reconciler(ReconcileOptions options) {
    this.options = requireNonNull(options, "options");
  }

  /** A reconciler with the default options. */
  public static Reconciler create() {
    return new Reconciler(ReconcileOptions.DEFAULTS);
  }

  /** A reconciler with {@code options}. */
  public static Reconciler create(ReconcileOptions options) {
    return new Reconciler(options);
  }

  public ReconcileOptions options() {
    return options;
  }

  /** The position of {@code estate} on its as-of date (or the options' date). */
  public Position reconcile(Estate estate) {
    return reconcile(estate, Progress.NONE);
  }

  /**
   * The position of {@code estate}, reporting the phases ({@code index}, {@code demand}, {@code
   * allocate}, {@code position}) to {@code progress}.
   */
  public Position reconcile(Estate estate, Progress progress) {
    requireNonNull(estate, "estate");
    requireNonNull(progress, "progress");
    LocalDate asOf = options.asOf() != null ? options.asOf() : estate.asOf();
    long start = System.nanoTime();
    progress.phase("index");
    EstateIndex index = EstateIndex.of(estate, asOf);
    progress.phase("demand");
    Demand demand = Demand.of(index, !options.referenceEngine());
    Prices prices = new Prices(index);
    progress.phase("allocate");
    Allocation allocation;
    boolean firstFit = options.strategy() == AllocationStrategy.FIRST_FIT;
    if (options.threads() > 1) {
      ExecutorService executor = Executors.newFixedThreadPool(options.threads());
      try {
        allocation =
            Allocator.allocate(index, demand, prices, options.nodeBudget(), firstFit, executor);
      } finally {
        executor.shutdownNow();
      }
    } else {
      allocation = Allocator.allocate(index, demand, prices, options.nodeBudget(), firstFit, null);
    }
    progress.phase("position");
    Position position =
        PositionAssembler.assemble(index, demand, allocation, prices, options.detail());
    if (log.isDebugEnabled()) {
      log.debug(
          "reconciled {} facts, {} options as of {} in {} ms: {} shortfalls",
          demand.facts().size(),
          demand.options().size(),
          asOf,
          (System.nanoTime() - start) / 1_000_000,
          position.shortfalls().size());
    }
    return position;
  }
}
