package io.itam.benchmarks;

import io.itam.compliance.AllocationStrategy;
import io.itam.compliance.Reconciler;
import io.itam.model.Estate;
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
 * The first-fit priority allocation of the commercial engines ({@link
 * AllocationStrategy#FIRST_FIT}) on the same estates as {@link ReconcileBenchmark}, timed the same
 * way: same demand, same position assembly, a greedy allocation in a fixed order instead of the
 * exact one. What the greedy allocation costs in quality (shortfall it reports that the exact
 * allocation avoids) is printed by {@link QualityReport}.
 *
 * <pre>
 * java -jar itam-benchmarks/target/benchmarks.jar GreedyBaselineBenchmark -p records=10000,1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx12g"})
public class GreedyBaselineBenchmark {
  /** Target size of the estate in records, as in {@link ReconcileBenchmark}. */
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
    reconciler =
        Reconciler.create(ReconcileBenchmark.options(AllocationStrategy.FIRST_FIT, threads));
  }

  @Benchmark
  public Position reconcileFirstFit() {
    return reconciler.reconcile(estate);
  }
}
