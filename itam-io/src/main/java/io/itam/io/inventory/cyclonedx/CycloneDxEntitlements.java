package io.itam.io.inventory.cyclonedx;

import com.google.common.collect.ImmutableList;
import io.itam.model.Estate;
import io.itam.model.entitlement.Entitlement;
import java.util.List;

/**
 * The entitlements read from the commercial licensing data of a CycloneDX bill of materials, and
 * the licences with such data that did not become one, with the reason.
 *
 * @param entitlements entitlements, in document order
 * @param sources where each entitlement was read, in the order of {@code entitlements}
 * @param skipped licences with commercial data that are no entitlement, in document order
 */
public record CycloneDxEntitlements(
    List<Entitlement> entitlements, List<String> sources, List<SkippedLicence> skipped) {

  public CycloneDxEntitlements {
    entitlements = ImmutableList.copyOf(entitlements);
    sources = ImmutableList.copyOf(sources);
    skipped = ImmutableList.copyOf(skipped);
  }

  /** Adds the entitlements to {@code estate}; returns it. */
  public Estate.Builder addTo(Estate.Builder estate) {
    return estate.addAll(entitlements);
  }
}
