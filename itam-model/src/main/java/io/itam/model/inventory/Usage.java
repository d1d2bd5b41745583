package io.itam.model.inventory;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A measured peak of concurrent users of a product over a period (a licence server's report).
 *
 * @param product the product
 * @param peakConcurrentUsers the highest number of simultaneous users in the period
 * @param from first day of the period
 * @param until last day of the period
 * @param unit the organisation unit measured; {@code null} for the whole organisation
 */
public record Usage(
    String product,
    long peakConcurrentUsers,
    LocalDate from,
    LocalDate until,
    @Nullable String unit) {

  public Usage {
    requireNonNull(product, "product");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
  }

  public static Usage of(String product, long peak, LocalDate from, LocalDate until) {
    return new Usage(product, peak, from, until, null);
  }
}
