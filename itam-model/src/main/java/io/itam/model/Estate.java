package io.itam.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.LicenseModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An estate: everything an organisation owns (licence models, entitlements) and uses (devices,
 * users, installations, access, usage), as of a date. The in-memory form of the estate document of
 * {@code estate-format.md}.
 *
 * <p>An {@code Estate} is always valid: {@link Builder#build()} checks every reference, range, date
 * order and currency, and throws one {@link ValidationException} listing every problem. Lists keep
 * the order they were given in; the reconciliation does not depend on that order.
 */
public final class Estate {
  /** The only document format this version reads and writes. */
  public static final int FORMAT = 1;

  private final int format;
  private final LocalDate asOf;
  private final @Nullable String currency;
  private final ImmutableList<OrganizationUnit> organization;
  private final ImmutableList<Product> products;
  private final ImmutableList<LicenseModel> licenseModels;
  private final ImmutableList<Entitlement> entitlements;
  private final ImmutableList<Cluster> clusters;
  private final ImmutableList<Device> devices;
  private final ImmutableList<User> users;
  private final ImmutableList<Installation> installations;
  private final ImmutableList<Access> access;
  private final ImmutableList<Usage> usage;
  private final ImmutableList<PinnedAllocation> allocations;
  private final ImmutableList<Exemption> exemptions;

  private Estate(Builder b) {
    this.format = b.format;
    this.asOf = b.asOf;
    this.currency = b.currency;
    this.organization = b.organization.build();
    this.products = b.products.build();
    this.licenseModels = b.licenseModels.build();
    this.entitlements = b.entitlements.build();
    this.clusters = b.clusters.build();
    this.devices = b.devices.build();
    this.users = b.users.build();
    this.installations = b.installations.build();
    this.access = b.access.build();
    this.usage = b.usage.build();
    this.allocations = b.allocations.build();
    this.exemptions = b.exemptions.build();
  }

  /** {@code source} with other installations, access and usage. */
  private Estate(
      Estate source,
      ImmutableList<Installation> installations,
      ImmutableList<Access> access,
      ImmutableList<Usage> usage) {
    this.format = source.format;
    this.asOf = source.asOf;
    this.currency = source.currency;
    this.organization = source.organization;
    this.products = source.products;
    this.licenseModels = source.licenseModels;
    this.entitlements = source.entitlements;
    this.clusters = source.clusters;
    this.devices = source.devices;
    this.users = source.users;
    this.installations = installations;
    this.access = access;
    this.usage = usage;
    this.allocations = source.allocations;
    this.exemptions = source.exemptions;
  }

  /** Starts an estate as of {@code asOf}. */
  public static Builder builder(LocalDate asOf) {
    return new Builder(asOf);
  }

  /** A builder holding this estate's content, to derive another estate from it. */
  public Builder toBuilder() {
    Builder b = new Builder(asOf).format(format).currency(currency);
    b.organization.addAll(organization);
    b.products.addAll(products);
    b.licenseModels.addAll(licenseModels);
    b.entitlements.addAll(entitlements);
    b.clusters.addAll(clusters);
    b.devices.addAll(devices);
    b.users.addAll(users);
    b.installations.addAll(installations);
    b.access.addAll(access);
    b.usage.addAll(usage);
    b.allocations.addAll(allocations);
    b.exemptions.addAll(exemptions);
    return b;
  }

  public int format() {
    return format;
  }

  /** The date the position is computed for. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The ISO 4217 code of every price; {@code null} when the estate has no prices. */
  public @Nullable String currency() {
    return currency;
  }

  public ImmutableList<OrganizationUnit> organization() {
    return organization;
  }

  public ImmutableList<Product> products() {
    return products;
  }

  public ImmutableList<LicenseModel> licenseModels() {
    return licenseModels;
  }

  public ImmutableList<Entitlement> entitlements() {
    return entitlements;
  }

  public ImmutableList<Cluster> clusters() {
    return clusters;
  }

  public ImmutableList<Device> devices() {
    return devices;
  }

  public ImmutableList<User> users() {
    return users;
  }

  public ImmutableList<Installation> installations() {
    return installations;
  }

  public ImmutableList<Access> access() {
    return access;
  }

  public ImmutableList<Usage> usage() {
    return usage;
  }

  /** Pinned allocations: entitlements reserved for devices or users. */
  public ImmutableList<PinnedAllocation> allocations() {
    return allocations;
  }

  public ImmutableList<Exemption> exemptions() {
    return exemptions;
  }

  /**
   * This estate without its installations, access and usage: what a {@code
   * io.itam.model.columnar.ColumnarEstate} keeps beside the columns that hold those records. Valid,
   * since no other record refers to them.
   */
  public Estate frame() {
    if (installations.isEmpty() && access.isEmpty() && usage.isEmpty()) {
      return this;
    }
    return new Estate(this, ImmutableList.of(), ImmutableList.of(), ImmutableList.of());
  }

  /** Number of records of every list, for sizing and progress. */
  public long recordCount() {
    return (long) organization.size()
        + products.size()
        + licenseModels.size()
        + entitlements.size()
        + clusters.size()
        + devices.size()
        + users.size()
        + installations.size()
        + access.size()
        + usage.size()
        + allocations.size()
        + exemptions.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Estate e
        && format == e.format
        && asOf.equals(e.asOf)
        && Objects.equals(currency, e.currency)
        && organization.equals(e.organization)
        && products.equals(e.products)
        && licenseModels.equals(e.licenseModels)
        && entitlements.equals(e.entitlements)
        && clusters.equals(e.clusters)
        && devices.equals(e.devices)
        && users.equals(e.users)
        && installations.equals(e.installations)
        && access.equals(e.access)
        && usage.equals(e.usage)
        && allocations.equals(e.allocations)
        && exemptions.equals(e.exemptions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        format,
        asOf,
        currency,
        organization,
        products,
        licenseModels,
        entitlements,
        clusters,
        devices,
        users,
        installations,
        access,
        usage,
        allocations,
        exemptions);
  }

  @Override
  public String toString() {
    return "Estate{asOf="
        + asOf
        + ", products="
        + products.size()
        + ", licenseModels="
        + licenseModels.size()
        + ", entitlements="
        + entitlements.size()
        + ", devices="
        + devices.size()
        + ", users="
        + users.size()
        + ", installations="
        + installations.size()
        + "}";
  }

  /**
   * Builds an {@link Estate}. Records are added in any order; {@link #build()} validates the whole
   * estate at once.
   */
  public static final class Builder {
    private int format = FORMAT;
    private LocalDate asOf;
    private @Nullable String currency;
    private final ImmutableList.Builder<OrganizationUnit> organization = ImmutableList.builder();
    private final ImmutableList.Builder<Product> products = ImmutableList.builder();
    private final ImmutableList.Builder<LicenseModel> licenseModels = ImmutableList.builder();
    private final ImmutableList.Builder<Entitlement> entitlements = ImmutableList.builder();
    private final ImmutableList.Builder<Cluster> clusters = ImmutableList.builder();
    private final ImmutableList.Builder<Device> devices = ImmutableList.builder();
    private final ImmutableList.Builder<User> users = ImmutableList.builder();
    private final ImmutableList.Builder<Installation> installations = ImmutableList.builder();
    private final ImmutableList.Builder<Access> access = ImmutableList.builder();
    private final ImmutableList.Builder<Usage> usage = ImmutableList.builder();
    private final ImmutableList.Builder<PinnedAllocation> allocations = ImmutableList.builder();
    private final ImmutableList.Builder<Exemption> exemptions = ImmutableList.builder();

    private Builder(LocalDate asOf) {
      this.asOf = requireNonNull(asOf, "asOf");
    }

    /** The document format (only {@value Estate#FORMAT} is valid). */
    public Builder format(int format) {
      this.format = format;
      return this;
    }

    public Builder asOf(LocalDate asOf) {
      this.asOf = requireNonNull(asOf, "asOf");
      return this;
    }

    public Builder currency(@Nullable String currency) {
      this.currency = currency;
      return this;
    }

    /** Adds a root organisation unit. */
    public Builder unit(String id) {
      organization.add(OrganizationUnit.root(id));
      return this;
    }

    /** Adds an organisation unit below {@code parent}. */
    public Builder unit(String id, String parent) {
      organization.add(OrganizationUnit.of(id, parent));
      return this;
    }

    public Builder add(OrganizationUnit unit) {
      organization.add(unit);
      return this;
    }

    public Builder add(Product product) {
      products.add(product);
      return this;
    }

    public Builder add(LicenseModel model) {
      licenseModels.add(model);
      return this;
    }

    public Builder add(Entitlement entitlement) {
      entitlements.add(entitlement);
      return this;
    }

    public Builder add(Cluster cluster) {
      clusters.add(cluster);
      return this;
    }

    public Builder add(Device device) {
      devices.add(device);
      return this;
    }

    public Builder add(User user) {
      users.add(user);
      return this;
    }

    public Builder add(Installation installation) {
      installations.add(installation);
      return this;
    }

    public Builder add(Access record) {
      access.add(record);
      return this;
    }

    public Builder add(Usage record) {
      usage.add(record);
      return this;
    }

    public Builder add(PinnedAllocation allocation) {
      allocations.add(allocation);
      return this;
    }

    public Builder add(Exemption exemption) {
      exemptions.add(exemption);
      return this;
    }

    /** Adds every organisation unit, product, … of {@code records}, by type. */
    public Builder addAll(Iterable<?> records) {
      for (Object record : records) {
        if (record instanceof OrganizationUnit r) {
          add(r);
        } else if (record instanceof Product r) {
          add(r);
        } else if (record instanceof LicenseModel r) {
          add(r);
        } else if (record instanceof Entitlement r) {
          add(r);
        } else if (record instanceof Cluster r) {
          add(r);
        } else if (record instanceof Device r) {
          add(r);
        } else if (record instanceof User r) {
          add(r);
        } else if (record instanceof Installation r) {
          add(r);
        } else if (record instanceof Access r) {
          add(r);
        } else if (record instanceof Usage r) {
          add(r);
        } else if (record instanceof PinnedAllocation r) {
          add(r);
        } else if (record instanceof Exemption r) {
          add(r);
        } else {
          throw new IllegalArgumentException(
              "records: not an estate record: " + (record == null ? "null" : record.getClass()));
        }
      }
      return this;
    }

    /** Every problem of the estate as it stands, without building it. */
    public List<Problem> problems() {
      return EstateValidator.validate(unvalidated(), ValidationContext.IN_CODE);
    }

    /**
     * Every problem of this builder's records together with {@code records}, which stand in for the
     * installations, access and usage, without building anything.
     *
     * @throws IllegalStateException if this builder holds installations, access or usage itself
     */
    public List<Problem> problems(ConsumptionRecords records, ValidationContext context) {
      return EstateValidator.validate(frameOnly(), records, context);
    }

    /**
     * Validates this builder's records together with {@code records}, the installations, access and
     * usage held elsewhere (in the columns of a {@code io.itam.model.columnar.ColumnarEstate}), and
     * builds the {@linkplain Estate#frame() frame}: the estate of this builder's records alone. The
     * problems are exactly those of an estate holding both, located by {@code context}.
     *
     * @throws ValidationException listing every problem, when the records are invalid together
     * @throws IllegalStateException if this builder holds installations, access or usage itself
     */
    public Estate buildFrame(ConsumptionRecords records, ValidationContext context) {
      Estate frame = frameOnly();
      List<Problem> problems = EstateValidator.validate(frame, records, context);
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return frame;
    }

    /** The estate as it stands, not validated; for the validator and its tests. */
    Estate unvalidated() {
      return new Estate(this);
    }

    private Estate frameOnly() {
      Estate frame = unvalidated();
      if (!frame.installations.isEmpty() || !frame.access.isEmpty() || !frame.usage.isEmpty()) {
        throw new IllegalStateException(
            "a frame holds no installations, access or usage: they are given as records");
      }
      return frame;
    }

    /**
     * Validates and builds the estate.
     *
     * @throws ValidationException listing every problem, when the estate is invalid
     */
    public Estate build() {
      return build(ValidationContext.IN_CODE);
    }

    /**
     * Validates and builds the estate, locating problems in a source document.
     *
     * @throws ValidationException listing every problem, when the estate is invalid
     */
    public Estate build(ValidationContext context) {
      Estate estate = unvalidated();
      List<Problem> problems = EstateValidator.validate(estate, context);
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return estate;
    }
  }
}
