package io.itam.model.catalog;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A released version of a product.
 *
 * @param name the version's name as the publisher writes it ({@code "2022"}, {@code "19c"})
 * @param released the release date; {@code null} when unknown. Upgrade rights under maintenance
 *     need it: a version whose release date is unknown is never covered through maintenance.
 */
public record ProductVersion(String name, @Nullable LocalDate released) {

  public ProductVersion {
    requireNonNull(name, "name");
  }

  public static ProductVersion of(String name) {
    return new ProductVersion(name, null);
  }

  public static ProductVersion of(String name, LocalDate released) {
    return new ProductVersion(name, requireNonNull(released, "released"));
  }
}
