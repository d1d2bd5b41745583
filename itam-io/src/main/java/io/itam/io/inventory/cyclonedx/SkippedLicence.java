package io.itam.io.inventory.cyclonedx;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A licence with commercial data in a bill of materials that did not become an entitlement, and
 * why: CycloneDX {@code licensing} has no quantity (iso19770-formats.md §6), so a licence without
 * the property {@code itam:quantity} is reported here rather than guessed; so is one whose licence
 * model cannot be told.
 *
 * @param path where the licence is in the BOM ({@code bom.json:components[0].licenses[0]})
 * @param component the component's name
 * @param version the component's version; {@code null} when absent
 * @param licence the licence's name, SPDX id or expression; {@code null} when none
 * @param licensing what the {@code licensing} says, in a line ({@code purchase order PO-12345,
 *     licensee Example Co., types appliance, expires 2023-04-13T20:20:39+00:00}); empty when none
 * @param why why it is not an entitlement, for a person to read
 */
public record SkippedLicence(
    String path,
    String component,
    @Nullable String version,
    @Nullable String licence,
    String licensing,
    String why) {

  public SkippedLicence {
    requireNonNull(path, "path");
    requireNonNull(component, "component");
    requireNonNull(licensing, "licensing");
    requireNonNull(why, "why");
  }

  /** {@code path: component version, licence (licensing): why}. */
  @Override
  public String toString() {
    return path
        + ": "
        + component
        + (version == null ? "" : " " + version)
        + (licence == null ? "" : ", " + licence)
        + (licensing.isEmpty() ? "" : " (" + licensing + ")")
        + ": "
        + why;
  }
}
