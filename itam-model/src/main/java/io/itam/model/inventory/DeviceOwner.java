package io.itam.model.inventory;

import java.util.Optional;

/** Who owns a device (ISO/IEC 19770-1 8.8: BYOD, outsourcing). */
public enum DeviceOwner {
  ORGANIZATION("organization"),
  /** Bring your own device. */
  PERSONAL("personal"),
  /** A service provider's device (outsourcing, hosting). */
  PROVIDER("provider");

  private final String id;

  DeviceOwner(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<DeviceOwner> parse(String id) {
    for (DeviceOwner owner : values()) {
      if (owner.id.equals(id)) {
        return Optional.of(owner);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
