package io.itam.model.columnar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Dates as the {@code long} epoch days of the columns ({@link LocalDate#toEpochDay()}, which covers
 * every {@code LocalDate}), {@link ColumnarEstate#NO_DATE} for none.
 */
final class Days {
  private static final long FIRST = LocalDate.MIN.toEpochDay();
  private static final long LAST = LocalDate.MAX.toEpochDay();

  private Days() {}

  /** The epoch day of {@code date}, or {@link ColumnarEstate#NO_DATE} for {@code null}. */
  static long of(@Nullable LocalDate date) {
    return date == null ? ColumnarEstate.NO_DATE : date.toEpochDay();
  }

  /** The date of epoch day {@code day}, or {@code null} for {@link ColumnarEstate#NO_DATE}. */
  static @Nullable LocalDate date(long day) {
    return day == ColumnarEstate.NO_DATE ? null : LocalDate.ofEpochDay(day);
  }

  /**
   * {@code day}, when it is {@link ColumnarEstate#NO_DATE} or the epoch day of a {@code LocalDate}.
   *
   * @throws IllegalArgumentException for any other {@code long}, a day no {@code LocalDate} (and so
   *     no {@code Estate}) has
   */
  static long checked(long day, String field) {
    if (day != ColumnarEstate.NO_DATE && (day < FIRST || day > LAST)) {
      throw new IllegalArgumentException(
          field
              + ": epoch day "
              + day
              + " is no date (a LocalDate's epoch day is from "
              + FIRST
              + " to "
              + LAST
              + ")");
    }
    return day;
  }
}
