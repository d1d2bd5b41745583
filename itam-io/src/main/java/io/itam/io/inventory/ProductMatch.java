package io.itam.io.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What {@link ProductMapping} made of a tag: a catalogue product (with the catalogue's edition and
 * version), a deliberate exclusion, or no product and why.
 *
 * @param status mapped, ignored or unmapped
 * @param product the catalogue product id; {@code null} unless mapped
 * @param edition the catalogue edition; {@code null} when unknown or the product has no editions
 * @param version the catalogue version; {@code null} when unknown or the product declares none
 * @param explanation for a mapped tag how it was matched ({@code "by name and publisher; version
 *     12.1.0 as 12"}); otherwise why not
 */
public record ProductMatch(
    Status status,
    @Nullable String product,
    @Nullable String edition,
    @Nullable String version,
    String explanation) {

  /** Whether a tag became a product. */
  public enum Status {
    /** Matched to a catalogue product. */
    MAPPED,
    /** Excluded on purpose by a mapping rule with {@code "ignore"} (freeware, a driver, …). */
    IGNORED,
    /** No product, or a version or edition the catalogue does not declare. */
    UNMAPPED
  }

  public ProductMatch {
    requireNonNull(status, "status");
    requireNonNull(explanation, "explanation");
    checkArgument(
        (status == Status.MAPPED) == (product != null),
        "a product exactly when mapped: %s",
        status);
  }

  static ProductMatch mapped(
      String product, @Nullable String edition, @Nullable String version, String how) {
    return new ProductMatch(Status.MAPPED, product, edition, version, how);
  }

  static ProductMatch ignored(String why) {
    return new ProductMatch(Status.IGNORED, null, null, null, why);
  }

  static ProductMatch unmapped(String why) {
    return new ProductMatch(Status.UNMAPPED, null, null, null, why);
  }

  /** Whether the tag became a product. */
  public boolean isMapped() {
    return status == Status.MAPPED;
  }
}
