package io.itam.model.inventory;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A user or a device that uses a server product: what Client Access Licenses and named-user metrics
 * count (CAL-01). Exactly one of {@code user} and {@code device} is set.
 *
 * @param product the server product used
 * @param user the user; {@code null} when a device is given
 * @param device the device; {@code null} when a user is given
 */
public record Access(String product, @Nullable String user, @Nullable String device) {

  public Access {
    requireNonNull(product, "product");
  }

  public static Access byUser(String product, String user) {
    return new Access(product, requireNonNull(user, "user"), null);
  }

  public static Access byDevice(String product, String device) {
    return new Access(product, null, requireNonNull(device, "device"));
  }
}
