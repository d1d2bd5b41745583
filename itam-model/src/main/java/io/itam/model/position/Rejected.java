package io.itam.model.position;

import static java.util.Objects.requireNonNull;

/**
 * An input record that does not count on the as-of date, and why: an installation dated later, an
 * access of an inactive user, usage outside the window, an entitlement not yet or no longer valid,
 * a pinned allocation that pins nothing. Nothing is dropped silently.
 *
 * @param record the kind of record ({@code "installation"}, {@code "access"}, {@code "usage"},
 *     {@code "entitlement"}, {@code "allocation"})
 * @param consumer the device, user or unit the record is about (the entitlement id for
 *     entitlements)
 * @param product the product concerned (the licence model for entitlements)
 * @param reason why it does not count
 */
public record Rejected(String record, String consumer, String product, String reason) {

  public Rejected {
    requireNonNull(record, "record");
    requireNonNull(consumer, "consumer");
    requireNonNull(product, "product");
    requireNonNull(reason, "reason");
  }
}
