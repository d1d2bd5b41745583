package io.itam.io.inventory.swid;

import io.itam.io.inventory.ProductMapping;
import io.itam.io.inventory.ProductMatch;
import io.itam.model.inventory.Installation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns the tags of an estate into installations (iso19770-formats.md §1 and §9), per device: keeps
 * the highest {@code tagVersion} of each tag id, merges supplemental tags into the tag they link to
 * ({@code Link rel="supplemental"}, followed through chains) and patch tags into the release they
 * patch when it is on the device too; a primary tag, a patch without its release, and a tag with
 * Evidence each become one installation, mapped to the catalogue by the {@link ProductMapping}.
 * Every other tag is reported, with the reason.
 */
final class TagMerge {
  private static final int MAX_CHAIN = 16;
  private static final Comparator<SwidTag> ORDER =
      Comparator.comparing(SwidTag::source)
          .thenComparing(SwidTag::tagId)
          .thenComparing(SwidTag::tagVersion);

  private final ProductMapping mapping;
  private final List<SwidInstallation> installations = new ArrayList<>();
  private final List<UnmappedTag> unmapped = new ArrayList<>();

  private TagMerge(ProductMapping mapping) {
    this.mapping = mapping;
  }

  static SwidInventory inventory(Iterable<SwidTag> tags, ProductMapping mapping) {
    TagMerge merge = new TagMerge(mapping);
    List<SwidTag> sorted = new ArrayList<>();
    tags.forEach(sorted::add);
    sorted.sort(ORDER);
    // device ("" for none) → tag id → the tags of that id, in source order
    Map<String, Map<String, List<SwidTag>>> byDevice = new TreeMap<>();
    for (SwidTag tag : sorted) {
      String device = tag.installedOn() == null ? "" : tag.installedOn();
      byDevice
          .computeIfAbsent(device, d -> new TreeMap<>())
          .computeIfAbsent(tag.tagId(), id -> new ArrayList<>())
          .add(tag);
    }
    byDevice.forEach(
        (device, tagsById) -> merge.device(device.isEmpty() ? null : device, tagsById));
    merge.installations.sort(
        Comparator.comparing((SwidInstallation i) -> i.installation().device())
            .thenComparing(i -> i.installation().product())
            .thenComparing(SwidInstallation::tagId)
            .thenComparing(i -> i.sources().get(0)));
    merge.unmapped.sort(
        Comparator.comparing((UnmappedTag u) -> u.device() == null ? "" : u.device())
            .thenComparing(UnmappedTag::tagId)
            .thenComparing(u -> u.sources().isEmpty() ? "" : u.sources().get(0)));
    return new SwidInventory(merge.installations, merge.unmapped);
  }

  private void device(@Nullable String device, Map<String, List<SwidTag>> tagsById) {
    String among =
        device == null ? "among the tags without a device" : "among the tags of device " + device;
    // 1. one tag per id: the highest tagVersion; the first file of it on ties
    Map<String, SwidTag> current = new TreeMap<>();
    tagsById.forEach(
        (id, tags) -> {
          SwidTag best = tags.get(0);
          for (SwidTag tag : tags) {
            if (tag.tagVersion() > best.tagVersion()) {
              best = tag;
            }
          }
          current.put(id, best);
          for (SwidTag tag : tags) {
            if (tag != best) {
              report(
                  tag,
                  tag.tagVersion() < best.tagVersion()
                      ? "superseded by tagVersion " + best.tagVersion() + " in " + best.source()
                      : "duplicate of " + best.source() + " (same tag id and tagVersion)",
                  List.of(tag.source()));
            }
          }
        });
    // 2. supplemental and patch tags join the tag they add to
    Map<String, List<SwidTag>> added = new TreeMap<>();
    Set<String> joined = new LinkedHashSet<>();
    for (SwidTag tag : current.values()) {
      if (tag.type() == SwidTagType.SUPPLEMENTAL) {
        List<String> targets = tag.linked("supplemental");
        if (targets.isEmpty()) {
          report(
              tag,
              "supplemental tag without a Link rel=\"supplemental\" to the tag it adds to",
              List.of(tag.source()));
          continue;
        }
        String target = base(targets.get(0), current);
        if (target == null) {
          report(
              tag,
              "supplemental to " + targets.get(0) + ", which is not " + among,
              List.of(tag.source()));
          continue;
        }
        added.computeIfAbsent(target, t -> new ArrayList<>()).add(tag);
        joined.add(tag.tagId());
      } else if (tag.type() == SwidTagType.PATCH) {
        for (String target : tag.linked("patches")) {
          SwidTag release = current.get(target);
          if (release != null
              && release.type() != SwidTagType.SUPPLEMENTAL
              && release.type() != SwidTagType.PATCH
              && release.isInstalled()) {
            added.computeIfAbsent(target, t -> new ArrayList<>()).add(tag);
            joined.add(tag.tagId());
            break;
          }
        }
      }
    }
    // 3. the rest: installed or not
    for (SwidTag tag : current.values()) {
      if (joined.contains(tag.tagId()) || tag.type() == SwidTagType.SUPPLEMENTAL) {
        continue;
      }
      List<SwidTag> additions = added.getOrDefault(tag.tagId(), List.of());
      SwidTag merged = merge(tag, additions);
      List<String> sources = new ArrayList<>();
      sources.add(tag.source());
      additions.forEach(a -> sources.add(a.source()));
      if (!tag.isInstalled()) {
        report(
            merged,
            "corpus tag: it describes an installation package, not an installed product",
            sources);
      } else if (device == null) {
        report(
            merged,
            "no device: put the tag in a directory named after its device, or give it Evidence"
                + " with a deviceId",
            sources);
      } else {
        ProductMatch match = mapping.map(merged.identity());
        if (match.isMapped()) {
          SwidEntity licensor = merged.licensor();
          installations.add(
              new SwidInstallation(
                  new Installation(
                      device, match.product(), match.version(), match.edition(), null, null),
                  merged.tagId(),
                  merged.tagVersion(),
                  merged.name(),
                  merged.version(),
                  licensor == null ? null : licensor.toString(),
                  merged.meta(),
                  sources,
                  match.explanation()));
        } else {
          report(merged, match.explanation(), sources);
        }
      }
    }
  }

  /** The tag a supplemental chain starting at {@code tagId} ends at; {@code null} when broken. */
  private static @Nullable String base(String tagId, Map<String, SwidTag> current) {
    String id = tagId;
    for (int hop = 0; hop < MAX_CHAIN; hop++) {
      SwidTag tag = current.get(id);
      if (tag == null) {
        return null;
      }
      if (tag.type() != SwidTagType.SUPPLEMENTAL) {
        return id;
      }
      List<String> next = tag.linked("supplemental");
      if (next.isEmpty()) {
        return null;
      }
      id = next.get(0);
    }
    return null;
  }

  /** {@code tag} with the Meta values and entities of its supplemental tags added (its own win). */
  private static SwidTag merge(SwidTag tag, List<SwidTag> additions) {
    if (additions.isEmpty()) {
      return tag;
    }
    Map<String, String> meta = new LinkedHashMap<>(tag.meta());
    Set<SwidEntity> entities = new LinkedHashSet<>(tag.entities());
    for (SwidTag addition : additions) {
      if (addition.type() == SwidTagType.SUPPLEMENTAL) {
        addition.meta().forEach(meta::putIfAbsent);
        entities.addAll(addition.entities());
      }
    }
    return tag.with(meta, List.copyOf(entities));
  }

  private void report(SwidTag tag, String why, List<String> sources) {
    unmapped.add(
        new UnmappedTag(tag.tagId(), tag.name(), tag.version(), tag.installedOn(), why, sources));
  }
}
