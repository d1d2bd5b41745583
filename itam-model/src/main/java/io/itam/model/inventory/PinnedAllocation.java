package io.itam.model.inventory;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * An entitlement reserved for a device or a user: its units are consumed first by the consumers
 * pinned to it, and by no one else. Exactly one of {@code device} and {@code user} is set.
 *
 * @param entitlement the reserved entitlement
 * @param device the device it is reserved for; {@code null} when a user is given
 * @param user the user it is reserved for; {@code null} when a device is given
 */
public record PinnedAllocation(String entitlement, @Nullable String device, @Nullable String user) {

  public PinnedAllocation {
    requireNonNull(entitlement, "entitlement");
  }

  public static PinnedAllocation toDevice(String entitlement, String device) {
    return new PinnedAllocation(entitlement, requireNonNull(device, "device"), null);
  }

  public static PinnedAllocation toUser(String entitlement, String user) {
    return new PinnedAllocation(entitlement, null, requireNonNull(user, "user"));
  }
}
