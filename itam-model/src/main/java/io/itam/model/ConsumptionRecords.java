package io.itam.model;

import org.jspecify.annotations.Nullable;

/**
 * The three large record lists of an estate, installations, access and usage, read row by row
 * without one object per record: what {@link EstateValidator} checks, whether the records are held
 * in the lists of an {@link Estate} ({@link #of(Estate)}) or in the primitive columns of a {@code
 * io.itam.model.columnar.ColumnarEstate}. Every check of those records and every message is written
 * once, against this view.
 *
 * <p>Rows are numbered as in the document ({@code installations[17]} is row 17). Dates are epoch
 * days ({@link java.time.LocalDate#toEpochDay()}), {@link #NO_DAY} when absent; strings are as in
 * the records ({@code null} when absent).
 *
 * <p>A view may also give each row's device, product and user as a <em>key</em>, a dense {@code
 * int} standing for the string (a columnar estate's dictionary id): rows with one key name one
 * string, in every list of the view. The validator then looks each distinct id up once instead of
 * once per row, which at 20 million installations over half a million devices is the difference
 * between a cache miss per row and none. Keys only speed the checks up; without them ({@link
 * #NO_KEY}, the default) every row is looked up by its string, with the same outcome.
 */
public interface ConsumptionRecords {
  /** The epoch day that stands for an absent date. */
  long NO_DAY = Long.MIN_VALUE;

  /** The key of a row whose value has none: absent, or a view without keys. */
  int NO_KEY = -1;

  /** The installations, as {@code installations[]} of the document. */
  InstallationRows installations();

  /** The access records, as {@code access[]}. */
  AccessRows access();

  /** The usage records, as {@code usage[]}. */
  UsageRows usage();

  /** The number of device keys, {@code 0} to {@code deviceKeys() - 1}; {@code 0} without keys. */
  default int deviceKeys() {
    return 0;
  }

  /** The number of product keys; {@code 0} without keys. */
  default int productKeys() {
    return 0;
  }

  /** The number of user keys; {@code 0} without keys. */
  default int userKeys() {
    return 0;
  }

  /** The records of the lists of {@code estate}. */
  static ConsumptionRecords of(Estate estate) {
    return new EstateRecords(estate);
  }

  /** Installations by row: {@link io.itam.model.inventory.Installation}'s fields. */
  interface InstallationRows {
    int size();

    String device(int row);

    String product(int row);

    @Nullable String version(int row);

    @Nullable String edition(int row);

    /** The installation date's epoch day, or {@link #NO_DAY}. */
    long installed(int row);

    /** The last date of use's epoch day, or {@link #NO_DAY}. */
    long lastUsed(int row);

    @Nullable String evidence(int row);

    /** The key of {@link #device(int)}, or {@link #NO_KEY}. */
    default int deviceKey(int row) {
      return NO_KEY;
    }

    /** The key of {@link #product(int)}, or {@link #NO_KEY}. */
    default int productKey(int row) {
      return NO_KEY;
    }
  }

  /** Access records by row: {@link io.itam.model.inventory.Access}'s fields. */
  interface AccessRows {
    int size();

    String product(int row);

    @Nullable String user(int row);

    @Nullable String device(int row);

    /** The key of {@link #product(int)}, or {@link #NO_KEY}. */
    default int productKey(int row) {
      return NO_KEY;
    }

    /** The key of {@link #user(int)}, or {@link #NO_KEY} (also when there is no user). */
    default int userKey(int row) {
      return NO_KEY;
    }

    /** The key of {@link #device(int)}, or {@link #NO_KEY} (also when there is no device). */
    default int deviceKey(int row) {
      return NO_KEY;
    }
  }

  /** Usage records by row: {@link io.itam.model.inventory.Usage}'s fields. */
  interface UsageRows {
    int size();

    String product(int row);

    long peakConcurrentUsers(int row);

    /** The first day's epoch day. */
    long from(int row);

    /** The last day's epoch day. */
    long until(int row);

    @Nullable String unit(int row);

    /** The key of {@link #product(int)}, or {@link #NO_KEY}. */
    default int productKey(int row) {
      return NO_KEY;
    }
  }
}
