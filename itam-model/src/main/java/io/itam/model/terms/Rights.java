package io.itam.model.terms;

/**
 * The use rights a licence model grants beyond its product, edition and version.
 *
 * @param versionDowngrade the licence covers older versions than the one granted (DG-01)
 * @param editionDowngrade the licence covers lower editions than the one granted (DG-05)
 * @param secondUse the licence of a primary user's device also covers one portable device (laptop,
 *     mobile) of the same primary user (SU-01)
 * @param upgradeWithMaintenance maintenance active on the release date of an installed newer
 *     version covers that version
 * @param failover one passive failover device needs no licence while its active partner is licensed
 *     under this model (SQL-06)
 */
public record Rights(
    boolean versionDowngrade,
    boolean editionDowngrade,
    boolean secondUse,
    boolean upgradeWithMaintenance,
    boolean failover,
    long failoverDevices) {

  /** Default of {@link #failoverDevices()}. */
  public static final long DEFAULT_FAILOVER_DEVICES = 1;

  /** No rights beyond the licensed product, edition and version. */
  public static final Rights NONE =
      new Rights(false, false, false, false, false, DEFAULT_FAILOVER_DEVICES);

  /** The five rights of format 1, with the default number of failover devices. */
  public static Rights of(
      boolean versionDowngrade,
      boolean editionDowngrade,
      boolean secondUse,
      boolean upgradeWithMaintenance,
      boolean failover) {
    return new Rights(
        versionDowngrade,
        editionDowngrade,
        secondUse,
        upgradeWithMaintenance,
        failover,
        DEFAULT_FAILOVER_DEVICES);
  }

  public Rights withVersionDowngrade() {
    return new Rights(
        true, editionDowngrade, secondUse, upgradeWithMaintenance, failover, failoverDevices);
  }

  public Rights withEditionDowngrade() {
    return new Rights(
        versionDowngrade, true, secondUse, upgradeWithMaintenance, failover, failoverDevices);
  }

  public Rights withSecondUse() {
    return new Rights(
        versionDowngrade,
        editionDowngrade,
        true,
        upgradeWithMaintenance,
        failover,
        failoverDevices);
  }

  public Rights withUpgradeWithMaintenance() {
    return new Rights(
        versionDowngrade, editionDowngrade, secondUse, true, failover, failoverDevices);
  }

  public Rights withFailover() {
    return new Rights(
        versionDowngrade,
        editionDowngrade,
        secondUse,
        upgradeWithMaintenance,
        true,
        failoverDevices);
  }

  /** With the failover right for {@code devices} passive devices per active device. */
  public Rights withFailover(long devices) {
    return new Rights(
        versionDowngrade, editionDowngrade, secondUse, upgradeWithMaintenance, true, devices);
  }
}
