package io.itam.model.inventory;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Consumption left out of the position on purpose (a test lab covered by MSDN, a product the
 * publisher licenses elsewhere). Exactly one of {@code device} and {@code user} is set. An
 * exemption of a suite also exempts its components.
 *
 * @param device the device whose use of {@code product} is exempt; {@code null} when a user is
 *     given
 * @param user the user whose use is exempt: access records of the user and installations on devices
 *     whose primary user they are; {@code null} when a device is given
 * @param product the product exempted
 * @param reason why, for the auditor
 */
public record Exemption(
    @Nullable String device, @Nullable String user, String product, String reason) {

  public Exemption {
    requireNonNull(product, "product");
    requireNonNull(reason, "reason");
  }

  public static Exemption ofDevice(String device, String product, String reason) {
    return new Exemption(requireNonNull(device, "device"), null, product, reason);
  }

  public static Exemption ofUser(String user, String product, String reason) {
    return new Exemption(null, requireNonNull(user, "user"), product, reason);
  }
}
