package io.itam.benchmarks;

import io.itam.compliance.Reconciler;
import io.itam.model.Estate;
import io.itam.model.position.Position;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full in-memory reconciliation, from a prepared estate to a position. The estate is built once
 * per trial from a fixed seed.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -jar itam-benchmarks/target/benchmarks.jar ReconcileBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReconcileBenchmark {
  @Param({"1000", "10000"})
  public int devices;

  private Estate estate;
  private Reconciler reconciler;

  @Setup
  public void prepare() {
    estate = SyntheticEstates.generate(devices, 42L);
    reconciler = Reconciler.create();
  }

  @Benchmark
  public Position reconcile() {
    return reconciler.reconcile(estate);
  }
}
