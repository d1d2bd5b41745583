package io.itam.io.inventory.swid;

import java.util.Locale;

/**
 * The kind of a tag (iso19770-formats.md §1, after NISTIR 8060): from its {@code corpus}, {@code
 * patch} and {@code supplemental} flags, the first set of supplemental, corpus, patch; else
 * primary.
 *
 * <p>A primary or patch tag means the software is installed, and so does any tag with {@code
 * Evidence}; a corpus tag describes an installer, not an installation; a supplemental tag only adds
 * data to the tag it links to.
 */
public enum SwidTagType {
  /** The tag of an installed release. */
  PRIMARY,
  /** The tag of an installed patch. */
  PATCH,
  /** The tag of an installation package, before installation. */
  CORPUS,
  /** Data added to another tag ({@code Link rel="supplemental"}). */
  SUPPLEMENTAL;

  /** {@code "primary"}, {@code "patch"}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}
