package io.itam.compliance.internal;

import java.util.concurrent.CancellationException;

/**
 * Where a reconciliation checks whether it was cancelled. A reconciliation is cancelled by
 * interrupting its thread (for example {@code Future.cancel(true)} on the task that runs it); the
 * engine checks the thread's interrupt status between phases, every few thousand records, per
 * licence pool and per search node, and stops with a {@link CancellationException}, leaving the
 * status set.
 */
public final class Cancellation {
  private Cancellation() {}

  /** Throws when the current thread was interrupted. */
  public static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("reconciliation cancelled: its thread was interrupted");
    }
  }

  /** Every this many records, loops over records check for cancellation. */
  public static final int EVERY = 4096;
}
