package io.itam.io.inventory.cyclonedx;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One licence of one component of a bill of materials, with its commercial {@code licensing} data
 * and properties, as read from JSON or XML (iso19770-formats.md §6).
 *
 * @param path where the licence is ({@code components[0].licenses[1]}, or {@code line:column} in
 *     XML), for messages
 * @param component the component's name
 * @param version the component's version; {@code null} when absent
 * @param publisher the component's publisher; {@code null} when absent
 * @param swidTagId the component's {@code swid.tagId}; {@code null} when absent
 * @param name the licence's name, SPDX id or expression; {@code null} when none
 * @param bomRef the licence's {@code bom-ref}; {@code null} when none
 * @param hasLicensing whether the licence has a {@code licensing} object
 * @param altIds {@code licensing.altIds}
 * @param licensor the licensor's organisation or individual name; {@code null} when absent
 * @param licensee the licensee's name; {@code null} when absent
 * @param purchaseOrder {@code licensing.purchaseOrder}; {@code null} when absent
 * @param licenseTypes {@code licensing.licenseTypes}
 * @param lastRenewal {@code licensing.lastRenewal} as written; {@code null} when absent
 * @param expiration {@code licensing.expiration} as written; {@code null} when absent
 * @param properties the licence's properties, then the component's for names the licence lacks
 *     (first value of a name wins)
 * @param propertiesPath where the properties are, for messages
 * @param licensingPath where the {@code licensing} is (or would be), for messages
 */
record BomLicence(
    String path,
    String component,
    @Nullable String version,
    @Nullable String publisher,
    @Nullable String swidTagId,
    @Nullable String name,
    @Nullable String bomRef,
    boolean hasLicensing,
    List<String> altIds,
    @Nullable String licensor,
    @Nullable String licensee,
    @Nullable String purchaseOrder,
    List<String> licenseTypes,
    @Nullable String lastRenewal,
    @Nullable String expiration,
    Map<String, String> properties,
    String propertiesPath,
    String licensingPath) {

  BomLicence {
    altIds = ImmutableList.copyOf(altIds);
    licenseTypes = ImmutableList.copyOf(licenseTypes);
    properties = ImmutableMap.copyOf(properties);
  }

  /**
   * Whether the licence carries commercial data: {@code licensing} or an {@code itam:} property.
   */
  boolean isCommercial() {
    return hasLicensing || properties.keySet().stream().anyMatch(k -> k.startsWith("itam:"));
  }
}
