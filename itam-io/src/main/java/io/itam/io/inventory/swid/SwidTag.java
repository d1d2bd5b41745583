package io.itam.io.inventory.swid;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.itam.io.inventory.SoftwareIdentity;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One software identification tag as read from a file: ISO/IEC 19770-2:2015 or 2009 XML, or CoSWID
 * (iso19770-formats.md §1–3), in the 2015 model.
 *
 * <p>A 2009 tag is read into the same model: its tag id is {@code <tag_creator_regid>_<unique_id>}
 * (the usual file name), its version the {@code numeric} parts joined with dots (else the version
 * {@code name}), and its {@code license_linkage}, {@code serial_number} and {@code
 * entitlement_required_indicator} become Meta values {@code activationStatus}, {@code channelType},
 * {@code channelName}, {@code customerType}, {@code serialNumber} and {@code
 * entitlementDataRequired}; the version {@code name} becomes {@code colloquialVersion}.
 *
 * <p>Example, the primary tag of {@code fixtures/iso19770/authored}:
 *
 * <pre>{@code
 * SwidTag tag = SwidTags.parse(path, "host42");
 * tag.tagId();                 // "example.com-exampledb-enterprise-12.1.0"
 * tag.type();                  // PRIMARY
 * tag.licensor();              // Example Software Ltd (example.com)
 * tag.meta().get("edition");   // "Enterprise"
 * }</pre>
 *
 * @param format the edition of the standard the tag follows
 * @param source where it was read from (a file path), for messages
 * @param device the device the tag was collected from (the directory it was read from); {@code
 *     null} when not known from where it was read (see {@link #installedOn()})
 * @param tagId the tag's identity
 * @param tagVersion the revision of the tag (a producer re-issues a corrected tag with a higher
 *     one); 0 when absent
 * @param name the software's name
 * @param version the software's version; {@code null} when the tag leaves it out (the standard's
 *     default is {@code "0.0"}, which says nothing)
 * @param versionScheme how versions compare ({@code multipartnumeric}, {@code semver}, …); {@code
 *     null} when absent
 * @param type primary, patch, corpus or supplemental
 * @param entities the organisations named, in the tag's order
 * @param links the links, in the tag's order
 * @param meta the {@code Meta} attributes by name ({@code edition}, {@code entitlementKey}, {@code
 *     activationStatus}, {@code channelType}, …; attributes of other namespaces as {@code
 *     prefix:name}), sorted; with several {@code Meta} elements the first value of a name wins
 * @param evidenceDevice the {@code deviceId} of the tag's {@code Evidence}; {@code null} when none
 * @param evidenceDate the {@code date} of the tag's {@code Evidence}, as written; {@code null} when
 *     none
 * @param hasEvidence whether the tag has {@code Evidence}: a discovery tool saw the software
 *     installed
 */
public record SwidTag(
    SwidFormat format,
    String source,
    @Nullable String device,
    String tagId,
    long tagVersion,
    String name,
    @Nullable String version,
    @Nullable String versionScheme,
    SwidTagType type,
    List<SwidEntity> entities,
    List<SwidLink> links,
    Map<String, String> meta,
    @Nullable String evidenceDevice,
    @Nullable String evidenceDate,
    boolean hasEvidence) {

  public SwidTag {
    requireNonNull(format, "format");
    requireNonNull(source, "source");
    requireNonNull(tagId, "tagId");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    entities = ImmutableList.copyOf(entities);
    links = ImmutableList.copyOf(links);
    meta = ImmutableSortedMap.copyOf(meta);
  }

  /**
   * The device the software is installed on: the device the tag was collected from, else its
   * Evidence {@code deviceId}; {@code null} when neither is known.
   */
  public @Nullable String installedOn() {
    return device != null ? device : evidenceDevice;
  }

  /**
   * Whether the tag says the software is installed: a primary or patch tag, or any tag but a
   * supplemental one that carries Evidence. A corpus tag describes an installer; a supplemental tag
   * adds to another tag.
   */
  public boolean isInstalled() {
    return switch (type) {
      case PRIMARY, PATCH -> true;
      case CORPUS -> hasEvidence;
      case SUPPLEMENTAL -> false;
    };
  }

  /**
   * The organisation whose licence terms apply: the entity with role {@code licensor}, else the one
   * with role {@code softwareCreator}; {@code null} when the tag names neither (a tag made by a
   * scanner often names only itself as {@code tagCreator}).
   */
  public @Nullable SwidEntity licensor() {
    for (SwidEntity entity : entities) {
      if (entity.has(SwidEntity.LICENSOR)) {
        return entity;
      }
    }
    for (SwidEntity entity : entities) {
      if (entity.has(SwidEntity.SOFTWARE_CREATOR)) {
        return entity;
      }
    }
    return null;
  }

  /** The tag ids this tag links to with relation {@code rel}, in the tag's order. */
  public List<String> linked(String rel) {
    ImmutableList.Builder<String> targets = ImmutableList.builder();
    for (SwidLink link : links) {
      String target = link.targetTagId();
      if (link.rel().equalsIgnoreCase(rel) && target != null && !target.isEmpty()) {
        targets.add(target);
      }
    }
    return targets.build();
  }

  /** What the tag says the software is, for matching it to a catalogue product. */
  public SoftwareIdentity identity() {
    SwidEntity licensor = licensor();
    return new SoftwareIdentity(
        tagId,
        name,
        version,
        meta.get("colloquialVersion"),
        meta.get("edition"),
        meta.get("product"),
        licensor == null ? null : licensor.name(),
        licensor == null ? null : licensor.regid());
  }

  /** A copy with {@code meta} and {@code entities} (a supplemental tag's data merged in). */
  SwidTag with(Map<String, String> meta, List<SwidEntity> entities) {
    return new SwidTag(
        format,
        source,
        device,
        tagId,
        tagVersion,
        name,
        version,
        versionScheme,
        type,
        entities,
        links,
        meta,
        evidenceDevice,
        evidenceDate,
        hasEvidence);
  }
}
