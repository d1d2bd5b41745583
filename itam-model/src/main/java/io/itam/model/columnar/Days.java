package io.itam.model.columnar;

import io.itam.model.ConsumptionRecords;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Dates as the {@code int} epoch days of the columns, {@link ColumnarEstate#NO_DATE} for none. */
final class Days {
  private Days() {}

  /**
   * The epoch day of {@code date}, or {@link ColumnarEstate#NO_DATE} for {@code null}.
   *
   * @throws IllegalArgumentException for a date more than 5.8 million years from 1970, whose epoch
   *     day does not fit an {@code int}
   */
  static int of(@Nullable LocalDate date, String field) {
    if (date == null) {
      return ColumnarEstate.NO_DATE;
    }
    long day = date.toEpochDay();
    if (day <= ColumnarEstate.NO_DATE || day > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          field + ": " + date + " is beyond the dates a columnar estate holds (an int epoch day)");
    }
    return (int) day;
  }

  /** The date of epoch day {@code day}, or {@code null} for {@link ColumnarEstate#NO_DATE}. */
  static @Nullable LocalDate date(int day) {
    return day == ColumnarEstate.NO_DATE ? null : LocalDate.ofEpochDay(day);
  }

  /** Epoch day {@code day} as {@link ConsumptionRecords} gives it. */
  static long view(int day) {
    return day == ColumnarEstate.NO_DATE ? ConsumptionRecords.NO_DAY : day;
  }
}
