package io.itam.model.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Consumption left out on purpose by an exemption.
 *
 * @param consumer the exempt device or user
 * @param product the exempt product
 * @param reason the exemption's reason
 * @param records input records (installations, access) the exemption took out of the count
 */
public record Exempt(String consumer, String product, String reason, long records) {

  public Exempt {
    requireNonNull(consumer, "consumer");
    requireNonNull(product, "product");
    requireNonNull(reason, "reason");
    checkArgument(records >= 0, "records must not be negative");
  }
}
