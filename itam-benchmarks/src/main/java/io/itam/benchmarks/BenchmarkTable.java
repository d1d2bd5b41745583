package io.itam.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link ReconcileBenchmark}, {@link DuckDbBaselineBenchmark} and {@link
 * GreedyBaselineBenchmark} for a list of estate sizes in one JMH run and prints the results as a
 * markdown table ready for the README: per size the exact record count, itam's median time, records
 * per second per core, DuckDB's median time, the ratio of the two, first fit's median time and the
 * heap itam needs ({@link HeapProfiler}). Medians of sampled times, not means; every ratio is of
 * numbers measured in the same run. JMH's progress goes to stderr, the table to stdout.
 *
 * <pre>
 * java -cp itam-benchmarks/target/benchmarks.jar io.itam.benchmarks.BenchmarkTable \
 *     --records 10000,1000000 [--threads 0] [--jvm-args "-Xmx12g"] [--smoke]
 * </pre>
 */
public final class BenchmarkTable {
  static final String RECONCILE = ReconcileBenchmark.class.getName() + ".reconcile";
  static final String DUCKDB = DuckDbBaselineBenchmark.class.getName() + ".countOnlyPosition";
  static final String FIRST_FIT = GreedyBaselineBenchmark.class.getName() + ".reconcileFirstFit";

  private BenchmarkTable() {}

  /**
   * One estate size: median times in milliseconds, heap in MB; {@code NaN} where a benchmark did
   * not run.
   */
  record Row(
      long targetRecords,
      long records,
      double itamMillis,
      double duckDbMillis,
      double firstFitMillis,
      double heapEstateMb,
      double heapPeakMb) {

    /** The exact record count, or the target when no benchmark reported it. */
    long recordsOrTarget() {
      return records > 0 ? records : targetRecords;
    }

    /** Records reconciled per second per thread of the exact engine. */
    double recordsPerSecondPerCore(int threads) {
      return recordsOrTarget() / (itamMillis / 1_000.0) / threads;
    }

    /** itam's median over DuckDB's: below 1 when itam is faster. */
    double ratio() {
      return itamMillis / duckDbMillis;
    }
  }

  /**
   * JMH options for the three benchmarks at {@code records} on {@code threads} threads (0 for one
   * per available processor), with {@link HeapProfiler}. A {@code smoke} run is one iteration of
   * one second without warm-up, to check that the benchmarks run, not to measure; {@code jvmArgs}
   * replace the forks' {@code -Xmx12g} when not empty.
   */
  static Options options(List<Long> records, int threads, boolean smoke, List<String> jvmArgs) {
    checkArgument(!records.isEmpty(), "records: at least one size");
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(
                "^("
                    + Pattern.quote(RECONCILE)
                    + "|"
                    + Pattern.quote(DUCKDB)
                    + "|"
                    + Pattern.quote(FIRST_FIT)
                    + ")$")
            .param("records", records.stream().map(String::valueOf).toArray(String[]::new))
            .param("threads", String.valueOf(threads))
            .addProfiler(HeapProfiler.class)
            .shouldFailOnError(true);
    if (smoke) {
      options
          .forks(1)
          .warmupIterations(0)
          .measurementIterations(1)
          .measurementTime(TimeValue.seconds(1));
    }
    if (!jvmArgs.isEmpty()) {
      options.jvmArgs(jvmArgs.toArray(new String[0]));
    }
    return options.build();
  }

  /** Runs {@code options} (JMH's progress on stderr) and gathers one row per estate size. */
  static List<Row> measure(Options options) throws RunnerException {
    Collection<RunResult> results =
        new Runner(
                options, OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL))
            .run();
    return rows(results);
  }

  /** One row per {@code records} parameter, in the order the sizes ran. */
  static List<Row> rows(Collection<RunResult> results) {
    Map<String, Map<String, RunResult>> bySize = new LinkedHashMap<>();
    for (RunResult result : results) {
      bySize
          .computeIfAbsent(result.getParams().getParam("records"), size -> new LinkedHashMap<>())
          .put(result.getParams().getBenchmark(), result);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, RunResult>> size : bySize.entrySet()) {
      Map<String, RunResult> runs = size.getValue();
      @Nullable RunResult itam = runs.get(RECONCILE);
      long records = 0;
      for (RunResult run : runs.values()) {
        records = Math.max(records, (long) secondary(run, HeapProfiler.RECORDS).orElse(0));
      }
      rows.add(
          new Row(
              Long.parseLong(size.getKey()),
              records,
              median(itam),
              median(runs.get(DUCKDB)),
              median(runs.get(FIRST_FIT)),
              itam == null ? Double.NaN : secondary(itam, HeapProfiler.ESTATE).orElse(Double.NaN),
              itam == null ? Double.NaN : secondary(itam, HeapProfiler.PEAK).orElse(Double.NaN)));
    }
    return rows;
  }

  /** The rows as a markdown table, with a line saying how they were measured. */
  static String markdown(List<Row> rows, int threads, boolean smoke) {
    int cores = Threads.resolve(threads);
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "JMH sample time, %s, 1 fork; itam (exact and first fit, detail summary) and DuckDB on"
                + " %d threads, %d processors; Java %s; seed %d.%n%n",
            smoke
                ? "SMOKE RUN (1 x 1 s, no warm-up): not a measurement"
                : "median after 3 x 5 s warm-up, 5 x 2 s measured",
            cores,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version(),
            BenchmarkEstate.SEED));
    table.append(
        "| records | itam median (ms) | records/s per core | DuckDB count-only median (ms)"
            + " | itam / DuckDB | first fit median (ms) | heap: estate / peak after GC (MB) |\n");
    table.append("|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Row row : rows) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %,d | %s | %s | %s | %s | %s | %s / %s |%n",
              row.recordsOrTarget(),
              millis(row.itamMillis()),
              number(row.recordsPerSecondPerCore(cores), "%,.0f"),
              millis(row.duckDbMillis()),
              number(row.ratio(), "%.2f"),
              millis(row.firstFitMillis()),
              number(row.heapEstateMb(), "%,.0f"),
              number(row.heapPeakMb(), "%,.0f")));
    }
    return table.toString();
  }

  public static void main(String[] args) throws RunnerException {
    List<Long> records = List.of(10_000L, 1_000_000L);
    int threads = 0;
    boolean smoke = false;
    List<String> jvmArgs = List.of();
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        switch (option) {
          case "--records" -> {
            records = new ArrayList<>();
            for (String size : value(args, ++i, option).split(",")) {
              long target = Long.parseLong(size.strip());
              checkArgument(
                  target >= BenchmarkEstate.MIN_RECORDS,
                  "--records: at least %s, was %s",
                  BenchmarkEstate.MIN_RECORDS,
                  target);
              records.add(target);
            }
          }
          case "--threads" -> threads = Integer.parseInt(value(args, ++i, option));
          case "--jvm-args" -> jvmArgs = List.of(value(args, ++i, option).strip().split("\\s+"));
          case "--smoke" -> smoke = true;
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      Threads.resolve(threads);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: BenchmarkTable [--records 10000,1000000] [--threads 0 (all processors)]"
              + " [--jvm-args \"-Xmx12g\"] [--smoke]");
      System.exit(2);
      return;
    }
    List<Row> rows = measure(options(records, threads, smoke, jvmArgs));
    System.out.println();
    System.out.print(markdown(rows, threads, smoke));
  }

  private static String value(String[] args, int i, String option) {
    checkArgument(i < args.length, "%s: a value is missing", option);
    return args[i];
  }

  private static double median(@Nullable RunResult result) {
    return result == null
        ? Double.NaN
        : result.getPrimaryResult().getStatistics().getPercentile(50.0);
  }

  private static OptionalDouble secondary(RunResult result, String label) {
    Result<?> value = result.getSecondaryResults().get(label);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value.getScore());
  }

  private static String millis(double millis) {
    return number(millis, millis < 100 ? "%,.2f" : "%,.0f");
  }

  private static String number(double value, String format) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? "n/a"
        : String.format(Locale.ROOT, format, value);
  }
}
