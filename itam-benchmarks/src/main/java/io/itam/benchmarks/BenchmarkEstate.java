package io.itam.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.itam.model.Estate;
import io.itam.model.synthetic.SyntheticEstate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A synthetic estate ({@link SyntheticEstate}) sized by its number of records rather than its
 * number of devices, so that benchmarks, the results table and the README speak of the same "10
 * 000, 1 000 000, 20 000 000 records". The device count for a target is found by a linear fit
 * through two small estates generated with the same seed; the estate then has about, not exactly,
 * the target number of records, and {@link #records()} is the exact count.
 */
public final class BenchmarkEstate {
  /** The seed of every benchmark estate. */
  public static final long SEED = 42;

  /** The smallest target: the generator needs at least 10 devices. */
  public static final long MIN_RECORDS = 1_000;

  private static final int SMALL_DEVICES = 1_000;
  private static final int LARGE_DEVICES = 4_000;

  /** Records of the estate generated last in this JVM, for {@link HeapProfiler}. */
  private static final AtomicLong lastRecords = new AtomicLong();

  private final Estate estate;
  private final long targetRecords;
  private final int devices;
  private final long seed;

  private BenchmarkEstate(Estate estate, long targetRecords, int devices, long seed) {
    this.estate = requireNonNull(estate, "estate");
    this.targetRecords = targetRecords;
    this.devices = devices;
    this.seed = seed;
  }

  /** The estate of about {@code targetRecords} records generated from {@code seed}. */
  public static BenchmarkEstate generate(long targetRecords, long seed) {
    int devices = devicesFor(targetRecords, seed);
    Estate estate = SyntheticEstate.generate(devices, seed);
    lastRecords.set(estate.recordCount());
    return new BenchmarkEstate(estate, targetRecords, devices, seed);
  }

  /**
   * The {@code devices} argument of {@link SyntheticEstate#generate} that gives about {@code
   * targetRecords} records. Records grow linearly with devices (about 33 per device) plus a
   * catalogue, so a line through two small estates extrapolates well to large targets; below the
   * larger of the two the catalogue does not grow yet, and a few Newton steps on the generator
   * itself (cheap at that size) find the device count.
   */
  public static int devicesFor(long targetRecords, long seed) {
    checkArgument(
        targetRecords >= MIN_RECORDS,
        "targetRecords: at least %s, was %s",
        MIN_RECORDS,
        targetRecords);
    long small = records(SMALL_DEVICES, seed);
    long large = records(LARGE_DEVICES, seed);
    double perDevice = (double) (large - small) / (LARGE_DEVICES - SMALL_DEVICES);
    double fixed = small - perDevice * SMALL_DEVICES;
    long estimate = Math.max(10, Math.round((targetRecords - fixed) / perDevice));
    checkArgument(
        estimate <= Integer.MAX_VALUE,
        "targetRecords: %s needs more devices than the generator takes",
        targetRecords);
    int devices = (int) estimate;
    if (devices >= LARGE_DEVICES) {
      return devices;
    }
    int best = devices;
    long bestError = Long.MAX_VALUE;
    for (int step = 0; step < 5; step++) {
      long error = records(devices, seed) - targetRecords;
      if (Math.abs(error) < bestError) {
        best = devices;
        bestError = Math.abs(error);
      }
      int next = (int) Math.max(10, devices - Math.round(error / perDevice));
      if (bestError <= perDevice || next == devices) {
        break;
      }
      devices = next;
    }
    return best;
  }

  private static long records(int devices, long seed) {
    return SyntheticEstate.generate(devices, seed).recordCount();
  }

  /** Records of the estate that {@link #generate} built last in this JVM; 0 before the first. */
  static long lastGeneratedRecords() {
    return lastRecords.get();
  }

  public Estate estate() {
    return estate;
  }

  /** The number of records asked for. */
  public long targetRecords() {
    return targetRecords;
  }

  /** The exact number of records ({@link Estate#recordCount()}). */
  public long records() {
    return estate.recordCount();
  }

  /** The number of end-user devices the generator was asked for. */
  public int devices() {
    return devices;
  }

  public long seed() {
    return seed;
  }

  /** One line for logs and reports, e.g. {@code "1,000,123 records (30,298 devices, seed 42)"}. */
  public String describe() {
    return String.format(
        Locale.ROOT, "%,d records (%,d devices, seed %d)", records(), devices, seed);
  }

  @Override
  public String toString() {
    return describe();
  }
}
