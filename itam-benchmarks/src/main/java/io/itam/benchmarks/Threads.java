package io.itam.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The {@code threads} benchmark parameter: {@code 0} means one thread per available processor, the
 * same number for itam and for DuckDB.
 */
final class Threads {
  private Threads() {}

  /** {@code threads}, or the number of available processors when it is 0. */
  static int resolve(int threads) {
    checkArgument(threads >= 0, "threads: 0 (all processors) or more, was %s", threads);
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
