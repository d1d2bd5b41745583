package io.itam.benchmarks;

import io.itam.compliance.AllocationStrategy;
import io.itam.compliance.Reconciler;
import io.itam.model.Estate;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * What the first-fit allocation of the commercial engines costs in quality: the exact allocation
 * and {@link AllocationStrategy#FIRST_FIT} on the same benchmark estate, side by side, as a
 * markdown table (shortfall units and cost, product rows short, licence units consumed, surplus).
 * Both count the same demand; only the allocation differs, so any extra shortfall first fit reports
 * is shortfall the exact allocation avoids with the same entitlements.
 *
 * <pre>
 * java -Xmx12g -cp itam-benchmarks/target/benchmarks.jar io.itam.benchmarks.QualityReport \
 *     --records 1000000 [--seed 42] [--threads 0]
 * </pre>
 */
public final class QualityReport {
  private QualityReport() {}

  /** The two positions of one estate and how long each took. */
  record Comparison(Position exact, Position firstFit, long exactNanos, long firstFitNanos) {}

  /** Reconciles {@code estate} exactly and first fit on {@code threads} threads (0 for all). */
  static Comparison compare(Estate estate, int threads) {
    Reconciler exact =
        Reconciler.create(ReconcileBenchmark.options(AllocationStrategy.OPTIMAL, threads));
    Reconciler firstFit =
        Reconciler.create(ReconcileBenchmark.options(AllocationStrategy.FIRST_FIT, threads));
    long start = System.nanoTime();
    Position exactPosition = exact.reconcile(estate);
    long middle = System.nanoTime();
    Position firstFitPosition = firstFit.reconcile(estate);
    long end = System.nanoTime();
    return new Comparison(exactPosition, firstFitPosition, middle - start, end - middle);
  }

  /** Units short over every product row (each in its licence model's metric). */
  static long shortfallUnits(Position position) {
    return position.products().stream().mapToLong(ProductPosition::shortfall).sum();
  }

  /** Product rows with a shortfall. */
  static long productsShort(Position position) {
    return position.products().stream().filter(p -> p.shortfall() > 0).count();
  }

  /** Licence units allocated over every licence row. */
  static long unitsConsumed(Position position) {
    return position.licenses().stream().mapToLong(LicensePosition::consumed).sum();
  }

  /** Writes the comparison of {@code estate} as markdown to {@code out}. */
  static void print(BenchmarkEstate estate, int threads, Comparison comparison, PrintStream out) {
    String currency =
        comparison.exact().currency() == null ? "" : " (" + comparison.exact().currency() + ")";
    out.printf(
        Locale.ROOT,
        "Exact vs first-fit allocation on %s, as of %s, %d threads, detail summary%n%n",
        estate.describe(),
        comparison.exact().asOf(),
        Threads.resolve(threads));
    out.printf(
        Locale.ROOT,
        "| allocation | shortfall units | shortfall cost%s | product rows short | unpriced rows short"
            + " | licence units consumed | surplus value%s | one cold run (ms) |%n",
        currency,
        currency);
    out.println("|---|--:|--:|--:|--:|--:|--:|--:|");
    row(out, "exact", comparison.exact(), comparison.exactNanos());
    row(out, "first fit", comparison.firstFit(), comparison.firstFitNanos());
    long units = shortfallUnits(comparison.firstFit()) - shortfallUnits(comparison.exact());
    BigDecimal exactCost = comparison.exact().summary().shortfallCost();
    BigDecimal cost = comparison.firstFit().summary().shortfallCost().subtract(exactCost);
    out.println();
    if (cost.signum() == 0 && units == 0) {
      out.println("First fit reports the same shortfall as the exact allocation on this estate.");
    } else {
      out.printf(
          Locale.ROOT,
          "On the same entitlements, first fit reports a shortfall costing %s%s %s than the exact"
              + " allocation's%s, with %,d %s units short.%n",
          money(cost.abs()),
          comparison.exact().currency() == null ? "" : " " + comparison.exact().currency(),
          cost.signum() >= 0 ? "more" : "less",
          exactCost.signum() == 0
              ? ""
              : String.format(
                  Locale.ROOT, " (%+.1f %%)", cost.doubleValue() * 100 / exactCost.doubleValue()),
          Math.abs(units),
          units >= 0 ? "more" : "fewer");
    }
    long consumed = unitsConsumed(comparison.firstFit()) - unitsConsumed(comparison.exact());
    BigDecimal surplus =
        comparison
            .firstFit()
            .summary()
            .surplusValue()
            .subtract(comparison.exact().summary().surplusValue());
    if (consumed != 0 || surplus.signum() != 0) {
      out.printf(
          Locale.ROOT,
          "First fit consumes %,d %s licence units and leaves %s%s %s surplus value.%n",
          Math.abs(consumed),
          consumed >= 0 ? "more" : "fewer",
          money(surplus.abs()),
          comparison.exact().currency() == null ? "" : " " + comparison.exact().currency(),
          surplus.signum() >= 0 ? "more" : "less");
    }
  }

  private static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }

  private static void row(PrintStream out, String label, Position position, long nanos) {
    out.printf(
        Locale.ROOT,
        "| %s | %,d | %s | %,d | %,d | %,d | %s | %,d |%n",
        label,
        shortfallUnits(position),
        money(position.summary().shortfallCost()),
        productsShort(position),
        position.summary().unpricedShortfalls(),
        unitsConsumed(position),
        money(position.summary().surplusValue()),
        nanos / 1_000_000);
  }

  public static void main(String[] args) {
    long records = 1_000_000;
    long seed = BenchmarkEstate.SEED;
    int threads = 0;
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        String value = i + 1 < args.length ? args[++i] : "";
        switch (option) {
          case "--records" -> records = Long.parseLong(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--threads" -> threads = Threads.resolve(Integer.parseInt(value));
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if (records < BenchmarkEstate.MIN_RECORDS) {
        throw new IllegalArgumentException("--records: at least " + BenchmarkEstate.MIN_RECORDS);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: QualityReport [--records N (1000000)] [--seed S (42)] [--threads T (0: all"
              + " processors)]");
      System.exit(2);
      return;
    }
    System.err.printf(Locale.ROOT, "generating about %,d records...%n", records);
    BenchmarkEstate estate = BenchmarkEstate.generate(records, seed);
    System.err.println("reconciling " + estate.describe() + ", exact and first fit...");
    print(estate, threads, compare(estate.estate(), threads), System.out);
  }
}
