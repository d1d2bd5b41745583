package io.itam.compliance;

import java.util.Locale;

/**
 * The heap cannot hold the reconciliation of an estate: thrown before the work starts, instead of
 * an {@link OutOfMemoryError} halfway. The estimate is {@link Reconciler#BYTES_PER_RECORD} per
 * input record for the chosen {@link io.itam.model.position.Detail detail}; the heap available is
 * the JVM's maximum less what the last garbage collection left in use.
 */
public final class InsufficientHeapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long neededBytes;
  private final long availableBytes;

  InsufficientHeapException(
      long records, String detail, long neededBytes, long availableBytes, long maxBytes) {
    super(
        String.format(
            Locale.ROOT,
            "not enough memory: reconciling %,d records with detail %s needs about %,d MB of heap,"
                + " but %,d MB of the maximum %,d MB is free; give the JVM more heap (-Xmx) or ask"
                + " for less detail (summary)",
            records,
            detail,
            neededBytes >> 20,
            availableBytes >> 20,
            maxBytes >> 20));
    this.neededBytes = neededBytes;
    this.availableBytes = availableBytes;
  }

  /** The estimated heap the reconciliation needs, in bytes. */
  public long neededBytes() {
    return neededBytes;
  }

  /** The heap that was available, in bytes. */
  public long availableBytes() {
    return availableBytes;
  }
}
