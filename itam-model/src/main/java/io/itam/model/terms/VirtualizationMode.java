package io.itam.model.terms;

import java.util.Optional;

/** How a hardware metric counts virtual machines. See estate-format.md, {@code virtualization}. */
public enum VirtualizationMode {
  /** Count the physical host once, whatever runs on it (unlimited virtualization). */
  PHYSICAL("physical"),
  /** Count each VM's vCPUs, with a per-VM minimum and optionally capped at the host. */
  PER_VM("per-vm"),
  /** Soft partitioning: every host of the VM's cluster is counted in full. */
  CLUSTER("cluster"),
  /** Licensing all host cores covers a set of VMs; more VMs stack more full licences. */
  HOST_PER_VM_SET("host-per-vm-set");

  private final String id;

  VirtualizationMode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<VirtualizationMode> parse(String id) {
    for (VirtualizationMode mode : values()) {
      if (mode.id.equals(id)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
