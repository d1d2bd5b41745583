package io.itam.compliance;

import static java.util.Objects.requireNonNull;

import io.itam.compliance.internal.Cancellation;
import io.itam.compliance.internal.allocation.Allocation;
import io.itam.compliance.internal.allocation.Allocator;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.eligibility.Eligibility;
import io.itam.compliance.internal.eligibility.SlotTypes;
import io.itam.compliance.internal.facts.Facts;
import io.itam.compliance.internal.facts.RecordColumns;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.compliance.internal.index.Prices;
import io.itam.compliance.internal.position.PositionAssembler;
import io.itam.compliance.internal.position.SummaryAssembler;
import io.itam.model.Estate;
import io.itam.model.Progress;
import io.itam.model.columnar.ColumnarEstate;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.LocalDate;
import java.util.Map;
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

  /**
   * The heap a reconciliation needs per input record, beyond the estate itself, by detail level:
   * measured on generated estates (about 390 bytes with detail {@code summary}, 820 with {@code
   * all}), plus a margin.
   */
  public static final Map<Detail, Long> BYTES_PER_RECORD =
      Map.of(Detail.SUMMARY, 500L, Detail.SHORTFALLS, 550L, Detail.ALL, 1_000L);

  /**
   * Fails early when the heap cannot hold the reconciliation: the JVM's maximum heap less what the
   * last garbage collection left in use must hold {@link #BYTES_PER_RECORD} per record.
   */
  static void checkHeap(long records, Detail detail) {
    long needed = Math.multiplyExact(records, BYTES_PER_RECORD.get(detail));
    Runtime runtime = Runtime.getRuntime();
    long max = runtime.maxMemory();
    if (max == Long.MAX_VALUE || needed < 64L << 20) {
      return; // no limit, or small enough that no heap worth running in is too small
    }
    long inUse = 0;
    boolean collected = false;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != MemoryType.HEAP) {
        continue;
      }
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (afterGc != null && afterGc.getUsed() > 0) {
        collected = true;
        inUse += afterGc.getUsed();
      }
    }
    if (!collected) {
      inUse = runtime.totalMemory() - runtime.freeMemory();
    }
    long available = max - inUse;
    if (needed > available) {
      throw new InsufficientHeapException(records, detail.id(), needed, available, max);
    }
  }

  /** The position of {@code estate} on its as-of date (or the options' date). */
  public Position reconcile(Estate estate) {
    return reconcile(estate, Progress.NONE);
  }

  /**
   * The position of {@code estate}, reporting the phases ({@code index}, {@code demand}, {@code
   * allocate}, {@code position}) to {@code progress}.
   *
   * @throws java.util.concurrent.CancellationException when the calling thread is interrupted (the
   *     reconciliation is cancelled; the interrupt status stays set)
   * @throws InsufficientHeapException when the heap cannot hold the reconciliation (checked before
   *     any work, see {@link #BYTES_PER_RECORD}; {@link ReconcileOptions#withHeapCheck} turns it
   *     off)
   * @throws io.itam.model.ValidationException when a licence count of the estate exceeds what a
   *     {@code long} holds (every value within its limit, their product not)
   */
  public Position reconcile(Estate estate, Progress progress) {
    requireNonNull(estate, "estate");
    requireNonNull(progress, "progress");
    return reconcile(ColumnarEstate.of(estate), progress);
  }

  /** The position of {@code estate}, read in columns, on its as-of date (or the options'). */
  public Position reconcile(ColumnarEstate estate) {
    return reconcile(estate, Progress.NONE);
  }

  /**
   * The position of {@code estate}, read in columns, reporting the phases to {@code progress}; as
   * {@link #reconcile(Estate, Progress)}, without building one object per record.
   */
  public Position reconcile(ColumnarEstate estate, Progress progress) {
    requireNonNull(estate, "estate");
    requireNonNull(progress, "progress");
    LocalDate asOf = options.asOf() != null ? options.asOf() : estate.asOf();
    long start = System.nanoTime();
    if (options.heapCheck()) {
      checkHeap(estate.recordCount(), options.detail());
    }
    ExecutorService executor =
        options.threads() > 1 ? Executors.newFixedThreadPool(options.threads()) : null;
    Allocation allocation;
    Demand demand;
    Prices prices;
    try {
      Cancellation.check();
      progress.phase("index");
      EstateIndex index = EstateIndex.of(estate.frame(), asOf);
      Facts facts = Facts.of(index, RecordColumns.of(estate, index));
      Cancellation.check();
      progress.phase("demand");
      SlotTypes types = new SlotTypes(index, new Eligibility(index));
      demand = Demand.of(index, facts, types, options.referenceEngine());
      prices = new Prices(index);
      Cancellation.check();
      progress.phase("allocate");
      boolean firstFit = options.strategy() == AllocationStrategy.FIRST_FIT;
      allocation = Allocator.allocate(demand, prices, options.nodeBudget(), firstFit, executor);
    } finally {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
    Cancellation.check();
    progress.phase("position");
    Position position =
        options.detail() == Detail.SUMMARY && !options.referenceEngine()
            ? SummaryAssembler.assemble(demand, allocation, prices)
            : PositionAssembler.assemble(demand, allocation, prices, options.detail());
    if (log.isDebugEnabled()) {
      log.debug(
          "reconciled {} records ({} facts, {} demand classes) as of {} in {} ms with {} threads:"
              + " {} shortfall rows",
          estate.recordCount(),
          demand.facts().size(),
          demand.classes().size(),
          asOf,
          (System.nanoTime() - start) / 1_000_000,
          options.threads(),
          position.summary().shortfalls());
    }
    if (!position.notes().isEmpty()) {
      // Not an error, but the position says less than "optimal": worth a line in a batch log.
      log.info(
          "{} licence pools not proven optimal within the node budget of {}; see the position's"
              + " notes for their bound and gap",
          position.notes().size(),
          options.nodeBudget());
    }
    return position;
  }
}
