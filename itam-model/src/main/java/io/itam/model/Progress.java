package io.itam.model;

/**
 * Where a long job stands: the phase it is in, and how much of the phase is done. Readers and the
 * reconciler report to it; the CLI renders it on standard error. Implementations must be cheap:
 * {@link #advance} is called often.
 */
public interface Progress {

  /** Reports nothing. */
  Progress NONE = new Progress() {};

  /**
   * A phase started: {@code "read"}, {@code "index"}, {@code "demand"}, {@code "allocate"}, {@code
   * "position"}, {@code "write"}.
   */
  default void phase(String name) {}

  /** {@code done} units of the current phase are done (records read, pools solved). */
  default void advance(long done) {}
}
