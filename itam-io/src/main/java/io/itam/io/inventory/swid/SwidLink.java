package io.itam.io.inventory.swid;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A link of a tag to another tag or resource (iso19770-formats.md §1, {@code Link}): {@code
 * rel="supplemental"} joins a supplemental tag to the tag it adds to, {@code rel="patches"} a patch
 * to the release it patches, {@code rel="license"} points at licence terms.
 *
 * <p>CoSWID relation numbers are read as their names ({@code 11} is {@code supplemental}, {@code 7}
 * {@code patches}).
 *
 * @param rel the relation
 * @param href the target: {@code swid:<tagId>} for another tag, else a URI
 */
public record SwidLink(String rel, String href) {

  public SwidLink {
    requireNonNull(rel, "rel");
    requireNonNull(href, "href");
  }

  /** The tag id this link points at ({@code swid:<tagId>}), or {@code null} for another target. */
  public @Nullable String targetTagId() {
    return href.regionMatches(true, 0, "swid:", 0, 5) ? href.substring(5).trim() : null;
  }
}
