package io.itam.model.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Units of one entitlement allocated to one consumer for one product, and why.
 *
 * @param consumer the device, user or usage pool that consumes
 * @param product the product licensed (for a suite licence, the suite)
 * @param licenseModel the entitlement's licence model
 * @param entitlement the entitlement consumed
 * @param units units consumed
 * @param reason the rules applied: metric arithmetic, minimums, rights used
 */
public record Allocation(
    String consumer,
    String product,
    String licenseModel,
    String entitlement,
    long units,
    String reason) {

  public Allocation {
    requireNonNull(consumer, "consumer");
    requireNonNull(product, "product");
    requireNonNull(licenseModel, "licenseModel");
    requireNonNull(entitlement, "entitlement");
    requireNonNull(reason, "reason");
    checkArgument(units >= 0, "units must not be negative");
  }
}
