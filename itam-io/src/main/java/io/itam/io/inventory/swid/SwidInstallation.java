package io.itam.io.inventory.swid;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.itam.io.internal.JsonFormat;
import io.itam.model.inventory.Installation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An installation found from a SWID or CoSWID tag, with the tag data that matters for licensing
 * kept beside it (iso19770-formats.md §1: Meta {@code edition}, {@code entitlementKey}, {@code
 * activationStatus}, {@code channelType}; the licensor), since {@link Installation} has no field
 * for them.
 *
 * <p>{@link #describe()} is the text a position's reason can quote, for example {@code SWID tag
 * example.com-exampledb-enterprise-12.1.0 (tagVersion 1): "Example Database Server" 12.1.0,
 * licensor Example Software Ltd (example.com); edition Enterprise, entitlementKey
 * ENT-0000-EXAMPLE-0042, activationStatus Licensed, channelType Volume; mapped by name and
 * publisher}.
 *
 * @param installation the installation record for the estate
 * @param tagId the primary (or patch, or Evidence) tag's id
 * @param tagVersion its tag revision
 * @param name the software's name as the tag writes it
 * @param version the software's version as the tag writes it; {@code null} when absent
 * @param licensor the licensor (else software creator) named by the tags; {@code null} when none
 * @param meta the Meta values of the tag and of its supplemental tags (the primary's win), sorted
 * @param sources the files read: the tag's first, then its supplemental and patch tags'
 * @param mapping how the tag was matched to the catalogue product, edition and version
 */
public record SwidInstallation(
    Installation installation,
    String tagId,
    long tagVersion,
    String name,
    @Nullable String version,
    @Nullable String licensor,
    Map<String, String> meta,
    List<String> sources,
    String mapping) {

  /** The Meta values a reason shows, in this order. */
  static final List<String> SHOWN =
      List.of(
          "edition",
          "colloquialVersion",
          "entitlementKey",
          "serialNumber",
          "activationStatus",
          "channelType",
          "customerType");

  public SwidInstallation {
    requireNonNull(installation, "installation");
    requireNonNull(tagId, "tagId");
    requireNonNull(name, "name");
    meta = ImmutableSortedMap.copyOf(meta);
    sources = ImmutableList.copyOf(sources);
    requireNonNull(mapping, "mapping");
  }

  /**
   * The entitlement key the tags carry (Meta {@code entitlementKey}, 2009 {@code serial_number}).
   */
  public @Nullable String entitlementKey() {
    String key = meta.get("entitlementKey");
    return key != null ? key : meta.get("serialNumber");
  }

  /** The tag data a licence reason should show, in one line (see the type's description). */
  public String describe() {
    StringBuilder text =
        new StringBuilder("SWID tag ")
            .append(tagId)
            .append(" (tagVersion ")
            .append(tagVersion)
            .append("): ")
            .append(JsonFormat.quote(name));
    if (version != null) {
      text.append(' ').append(version);
    }
    if (licensor != null) {
      text.append(", licensor ").append(licensor);
    }
    String separator = "; ";
    for (String key : SHOWN) {
      String value = meta.get(key);
      if (value != null) {
        text.append(separator).append(key).append(' ').append(value);
        separator = ", ";
      }
    }
    return text.append("; mapped ").append(mapping).toString();
  }
}
