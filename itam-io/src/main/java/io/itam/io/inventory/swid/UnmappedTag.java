package io.itam.io.inventory.swid;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.io.internal.JsonFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tag that did not become an installation, and why: nothing read is dropped silently
 * (iso19770-formats.md §1 and §9). Reasons include a corpus tag (an installer, not an
 * installation), a supplemental tag whose primary is missing, a tag superseded by a higher {@code
 * tagVersion}, a tag without a device, a tag ignored by a mapping rule, and a tag no catalogue
 * product, edition or version matches.
 *
 * @param tagId the tag id
 * @param name the software's name as the tag writes it
 * @param version the software's version as the tag writes it; {@code null} when absent
 * @param device the device the tag was found on; {@code null} when unknown
 * @param why why it is not an installation, for a person to read
 * @param sources the files of the tag and of the supplemental tags merged into it
 */
public record UnmappedTag(
    String tagId,
    String name,
    @Nullable String version,
    @Nullable String device,
    String why,
    List<String> sources) {

  public UnmappedTag {
    requireNonNull(tagId, "tagId");
    requireNonNull(name, "name");
    requireNonNull(why, "why");
    sources = ImmutableList.copyOf(sources);
  }

  /** {@code device: tagId "name" version: why}. */
  @Override
  public String toString() {
    return (device == null ? "(no device)" : device)
        + ": "
        + tagId
        + " "
        + JsonFormat.quote(name)
        + (version == null ? "" : " " + version)
        + ": "
        + why;
  }
}
