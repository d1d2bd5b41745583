package io.itam.model.inventory;

import java.util.Optional;

/** Whether a device is in active use or a passive failover (SQL-06). */
public enum DeviceRole {
  ACTIVE("active"),
  /** A passive failover replica, free under a licence model with the failover right. */
  PASSIVE_FAILOVER("passive-failover");

  private final String id;

  DeviceRole(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<DeviceRole> parse(String id) {
    for (DeviceRole role : values()) {
      if (role.id.equals(id)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
