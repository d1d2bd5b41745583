package io.itam.model.terms;

import static java.util.Objects.requireNonNull;

/**
 * How a hardware metric counts virtual machines (estate-format.md, {@code virtualization}). Absent
 * parameters hold their defaults: {@code 0} (none) for {@code minimumPerVm} and {@code vmsPerSet},
 * {@code 1} for {@code threadsPerCore}, {@code false} for the flags.
 *
 * @param mode how VMs are counted
 * @param minimumPerVm {@code per-vm}: at least this many units per VM (WS-06: 8, SQL-02: 4)
 * @param threadsPerCore vCPUs per licensable core of a VM counted by itself or of a cloud instance
 *     (any mode), unless the device declares no multithreading ({@code threadsPerCore: 1}) (OR-08:
 *     2 with multithreading)
 * @param capAtHost {@code per-vm}: sub-capacity, never more than the host's full count (IBM-04)
 * @param vmsPerSet {@code host-per-vm-set}: VMs covered by one full licensing of the host (WS-03:
 *     2)
 * @param requiresMaintenance the mode holds only while the entitlement's maintenance is active
 *     (SQL-04)
 * @param vcpusPerProcessor {@code processor} metric on VMs and cloud instances: one processor per
 *     this many vCPUs (OR-08: "every 4 or fewer vCPUs = 1 socket"); 0 counts one processor per VM
 *     (RH-02). Extension of format 1.
 * @param virtualOnly the model licenses VMs and cloud instances only, never a physical server
 *     (WS-06 licensing by VM, RH-02 guest subscriptions). Extension of format 1.
 */
public record Virtualization(
    VirtualizationMode mode,
    long minimumPerVm,
    long threadsPerCore,
    boolean capAtHost,
    long vmsPerSet,
    boolean requiresMaintenance,
    long vcpusPerProcessor,
    boolean virtualOnly) {

  /** Physical counting, the default when a hardware model gives no virtualization rule. */
  public static final Virtualization PHYSICAL =
      new Virtualization(VirtualizationMode.PHYSICAL, 0, 1, false, 0, false, 0, false);

  public Virtualization {
    requireNonNull(mode, "mode");
  }

  public static Virtualization of(VirtualizationMode mode) {
    return new Virtualization(mode, 0, 1, false, 0, false, 0, false);
  }

  public Virtualization withMinimumPerVm(long value) {
    return new Virtualization(
        mode,
        value,
        threadsPerCore,
        capAtHost,
        vmsPerSet,
        requiresMaintenance,
        vcpusPerProcessor,
        virtualOnly);
  }

  public Virtualization withThreadsPerCore(long value) {
    return new Virtualization(
        mode,
        minimumPerVm,
        value,
        capAtHost,
        vmsPerSet,
        requiresMaintenance,
        vcpusPerProcessor,
        virtualOnly);
  }

  public Virtualization withCapAtHost(boolean value) {
    return new Virtualization(
        mode,
        minimumPerVm,
        threadsPerCore,
        value,
        vmsPerSet,
        requiresMaintenance,
        vcpusPerProcessor,
        virtualOnly);
  }

  public Virtualization withVmsPerSet(long value) {
    return new Virtualization(
        mode,
        minimumPerVm,
        threadsPerCore,
        capAtHost,
        value,
        requiresMaintenance,
        vcpusPerProcessor,
        virtualOnly);
  }

  public Virtualization withRequiresMaintenance(boolean value) {
    return new Virtualization(
        mode,
        minimumPerVm,
        threadsPerCore,
        capAtHost,
        vmsPerSet,
        value,
        vcpusPerProcessor,
        virtualOnly);
  }

  public Virtualization withVirtualOnly(boolean value) {
    return new Virtualization(
        mode,
        minimumPerVm,
        threadsPerCore,
        capAtHost,
        vmsPerSet,
        requiresMaintenance,
        vcpusPerProcessor,
        value);
  }

  public Virtualization withVcpusPerProcessor(long value) {
    return new Virtualization(
        mode,
        minimumPerVm,
        threadsPerCore,
        capAtHost,
        vmsPerSet,
        requiresMaintenance,
        value,
        virtualOnly);
  }
}
