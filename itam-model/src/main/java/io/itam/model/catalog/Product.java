package io.itam.model.catalog;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A software product of the catalogue: a publisher's product with its editions (lowest first) and
 * versions (oldest first). A product with {@code components} is a <em>suite</em>: a licence for the
 * suite covers its component products on the same device, once.
 *
 * @param id unique id of the product
 * @param publisher the publisher ({@code "Microsoft"}); {@code null} when not given
 * @param name the product's name; {@code null} when not given
 * @param editions editions, lowest first; empty when the product has no editions
 * @param versions versions, oldest first; empty when none are declared
 * @param components ids of the products a suite covers; empty for a product that is no suite
 */
public record Product(
    String id,
    @Nullable String publisher,
    @Nullable String name,
    List<String> editions,
    List<ProductVersion> versions,
    List<String> components) {

  public Product {
    requireNonNull(id, "id");
    editions = ImmutableList.copyOf(editions);
    versions = ImmutableList.copyOf(versions);
    components = ImmutableList.copyOf(components);
  }

  /** A product with no editions, versions or components. */
  public static Product of(String id, String publisher, String name) {
    return new Product(id, publisher, name, List.of(), List.of(), List.of());
  }

  public boolean isSuite() {
    return !components.isEmpty();
  }

  /** The rank of {@code edition} (0 = lowest), or empty when the product does not declare it. */
  public OptionalInt editionRank(String edition) {
    int index = editions.indexOf(edition);
    return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /** The position of version {@code name} (0 = oldest), or empty when not declared. */
  public OptionalInt versionIndex(String name) {
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).name().equals(name)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** The declared version called {@code name}, or {@code null}. */
  public @Nullable ProductVersion version(String name) {
    OptionalInt index = versionIndex(name);
    return index.isPresent() ? versions.get(index.getAsInt()) : null;
  }

  /** Fluent construction. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds a {@link Product}. */
  public static final class Builder {
    private final String id;
    private @Nullable String publisher;
    private @Nullable String name;
    private final ImmutableList.Builder<String> editions = ImmutableList.builder();
    private final ImmutableList.Builder<ProductVersion> versions = ImmutableList.builder();
    private final ImmutableList.Builder<String> components = ImmutableList.builder();

    private Builder(String id) {
      this.id = requireNonNull(id, "id");
    }

    public Builder publisher(String publisher) {
      this.publisher = publisher;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Adds editions, lowest first. */
    public Builder editions(String... editions) {
      this.editions.add(editions);
      return this;
    }

    /** Adds a version (call oldest first). */
    public Builder version(String name) {
      versions.add(ProductVersion.of(name));
      return this;
    }

    /** Adds a version with its release date (call oldest first). */
    public Builder version(String name, java.time.LocalDate released) {
      versions.add(ProductVersion.of(name, released));
      return this;
    }

    /** Makes the product a suite of {@code components}. */
    public Builder components(String... components) {
      this.components.add(components);
      return this;
    }

    public Product build() {
      return new Product(
          id, publisher, name, editions.build(), versions.build(), components.build());
    }
  }
}
