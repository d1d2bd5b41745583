package io.itam.model.inventory;

import java.util.Optional;

/** What a device is. */
public enum DeviceKind {
  /** A physical server; may host VMs and belong to a cluster. */
  SERVER("server"),
  /** A virtual machine on a host server. */
  VM("vm"),
  /** A cloud instance, counted by its vCPUs. */
  CLOUD("cloud"),
  DESKTOP("desktop"),
  LAPTOP("laptop"),
  MOBILE("mobile");

  private final String id;

  DeviceKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Laptops and mobiles: the devices a second-use right may cover (SU-01). */
  public boolean isPortable() {
    return this == LAPTOP || this == MOBILE;
  }

  /** Devices a person works on: desktops, laptops, mobiles. */
  public boolean isPersonal() {
    return this == DESKTOP || this == LAPTOP || this == MOBILE;
  }

  public static Optional<DeviceKind> parse(String id) {
    for (DeviceKind kind : values()) {
      if (kind.id.equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
