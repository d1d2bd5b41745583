package io.itam.model;

/**
 * The documented limits of an estate. Values beyond them are validation errors, so that no
 * arithmetic downstream can overflow silently (and any that still could throws).
 */
public final class Limits {
  /** Largest quantity, count or attribute: 10^12 units. */
  public static final long MAX_QUANTITY = 1_000_000_000_000L;

  /** Longest id, in characters. */
  public static final int MAX_ID_LENGTH = 256;

  /** Longest free text (names, reasons, references, CPU strings), in characters. */
  public static final int MAX_TEXT_LENGTH = 4096;

  /** Deepest organisation tree (a root has depth 1). */
  public static final int MAX_ORGANIZATION_DEPTH = 64;

  /** Deepest nesting of suites within suites. */
  public static final int MAX_SUITE_DEPTH = 16;

  /** Most decimal places of a price, a factor or an attribute. */
  public static final int MAX_DECIMAL_PLACES = 6;

  /** Largest concurrent-user window, in days (about 10 years). */
  public static final long MAX_WINDOW_DAYS = 3660;

  private Limits() {}
}
