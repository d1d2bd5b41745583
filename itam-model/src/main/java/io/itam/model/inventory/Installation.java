package io.itam.model.inventory;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A product installed on a device, as discovered by inventory.
 *
 * @param device the device
 * @param product the product installed
 * @param version the installed version; {@code null} when unknown
 * @param edition the installed edition; {@code null} when unknown
 * @param installed the installation date; {@code null} when unknown. An installation dated after
 *     the as-of date does not exist yet on that date.
 * @param lastUsed the last date of use; {@code null} when unknown (informational)
 * @param evidence what discovery found, quoted in the position's reasons: for an installation read
 *     from a SWID tag, the tag id, licensor and Meta values such as {@code entitlementKey}, {@code
 *     activationStatus} and {@code channelType} (iso19770-formats.md §1); {@code null} when none
 */
public record Installation(
    String device,
    String product,
    @Nullable String version,
    @Nullable String edition,
    @Nullable LocalDate installed,
    @Nullable LocalDate lastUsed,
    @Nullable String evidence) {

  public Installation {
    requireNonNull(device, "device");
    requireNonNull(product, "product");
  }

  /** An installation without evidence. */
  public Installation(
      String device,
      String product,
      @Nullable String version,
      @Nullable String edition,
      @Nullable LocalDate installed,
      @Nullable LocalDate lastUsed) {
    this(device, product, version, edition, installed, lastUsed, null);
  }

  public static Installation of(String device, String product) {
    return new Installation(device, product, null, null, null, null);
  }

  public static Installation of(String device, String product, @Nullable String version) {
    return new Installation(device, product, version, null, null, null);
  }

  public Installation withEdition(@Nullable String edition) {
    return new Installation(device, product, version, edition, installed, lastUsed, evidence);
  }

  public Installation withInstalled(@Nullable LocalDate installed) {
    return new Installation(device, product, version, edition, installed, lastUsed, evidence);
  }

  public Installation withEvidence(@Nullable String evidence) {
    return new Installation(device, product, version, edition, installed, lastUsed, evidence);
  }
}
