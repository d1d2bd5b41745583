package io.itam.model.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Units one consumer needs and no entitlement covers: under-licensing, and why.
 *
 * @param consumer the device, user or usage pool short of licences
 * @param product the product to license (for a suite licence, the suite)
 * @param units units missing
 * @param licenseModel the model those units are measured in; {@code null} when no model covers the
 *     use at all (then units are records)
 * @param reason what is needed and why nothing covers it
 */
public record Shortfall(
    String consumer, String product, long units, @Nullable String licenseModel, String reason) {

  public Shortfall {
    requireNonNull(consumer, "consumer");
    requireNonNull(product, "product");
    requireNonNull(reason, "reason");
    checkArgument(units > 0, "a shortfall is at least one unit");
  }
}
