package io.itam.cli;

import io.itam.model.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Renders progress on standard error: one line when a phase starts (with the time the previous one
 * took) and, within a phase, the count done and the rate at most once a second.
 */
final class StderrProgress implements Progress {
  private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

  private final PrintStream err;
  private final long start = System.nanoTime();
  private String phase = "";
  private long phaseStart = System.nanoTime();
  private long lastReport = System.nanoTime();
  private long lastDone;

  StderrProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void phase(String name) {
    long now = System.nanoTime();
    if (!phase.isEmpty()) {
      err.println(
          "progress: "
              + phase
              + " done in "
              + millis(now - phaseStart)
              + (lastDone > 0 ? ", " + count(lastDone) + " " + unit(phase) : ""));
    }
    phase = name;
    phaseStart = now;
    lastReport = now;
    lastDone = 0;
    err.println("progress: " + name + "…");
    err.flush();
  }

  @Override
  public void advance(long done) {
    lastDone = done;
    long now = System.nanoTime();
    if (now - lastReport < REPORT_EVERY_NANOS) {
      return;
    }
    lastReport = now;
    long elapsed = Math.max(1, now - phaseStart);
    long rate = Math.round(done * 1e9 / elapsed);
    err.println(
        "progress: " + phase + " " + count(done) + " " + unit(phase) + " (" + count(rate) + "/s)");
    err.flush();
  }

  /** Ends the last phase and reports the total time and the peak heap used. */
  void finish() {
    long now = System.nanoTime();
    if (!phase.isEmpty()) {
      err.println("progress: " + phase + " done in " + millis(now - phaseStart));
    }
    phase = "";
    long peak = 0;
    for (java.lang.management.MemoryPoolMXBean pool :
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    err.println(
        "progress: finished in "
            + millis(now - start)
            + ", peak heap "
            + String.format(Locale.ROOT, "%,d MB", peak >> 20));
    err.flush();
  }

  private static String unit(String phase) {
    return phase.equals("read") ? "records" : "items";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
  }
}
