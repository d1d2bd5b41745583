package io.itam.benchmarks;

import io.itam.compliance.AllocationStrategy;
import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.model.Estate;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full in-memory reconciliation with the exact allocation, from a prepared estate to a position
 * with {@link Detail#SUMMARY} detail (licence and product rows, summary, accounting; no
 * per-consumer lists). The estate ({@link BenchmarkEstate}, seed 42) is generated once per trial
 * and is not timed. Sampled times: the median is the figure to quote.
 *
 * <pre>
 * mvn -q -B -DskipTests package
 * java -jar itam-benchmarks/target/benchmarks.jar ReconcileBenchmark -p records=10000,1000000
 * java -jar itam-benchmarks/target/benchmarks.jar ReconcileBenchmark -p records=20000000
 * </pre>
 *
 * <p>{@code -p threads=1} measures one core; the default {@code 0} uses every available processor.
 * {@code -prof io.itam.benchmarks.HeapProfiler} adds the heap the estate and the reconciliation
 * need.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx12g"})
public class ReconcileBenchmark {
  /** Target size of the estate in records; 20 M needs a 12 GB heap and a few minutes of setup. */
  @Param({"10000", "1000000", "20000000"})
  public long records;

  /** Threads that solve pools; 0 for one per available processor. */
  @Param({"0"})
  public int threads;

  private Estate estate;
  private Reconciler reconciler;

  @Setup(Level.Trial)
  public void prepare() {
    BenchmarkEstate prepared = BenchmarkEstate.generate(records, BenchmarkEstate.SEED);
    System.err.println("estate: " + prepared.describe());
    estate = prepared.estate();
    reconciler = Reconciler.create(options(AllocationStrategy.OPTIMAL, threads));
  }

  @Benchmark
  public Position reconcile() {
    return reconciler.reconcile(estate);
  }

  /** The options every benchmark and report reconciles with. */
  static ReconcileOptions options(AllocationStrategy strategy, int threads) {
    return ReconcileOptions.DEFAULTS
        .withDetail(Detail.SUMMARY)
        .withThreads(Threads.resolve(threads))
        .withStrategy(strategy);
  }
}
