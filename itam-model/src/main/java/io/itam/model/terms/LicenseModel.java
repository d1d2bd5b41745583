package io.itam.model.terms;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.model.Money;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A licence model: the terms of a SKU as its publisher writes them. It grants a product (and
 * optionally one edition and one version of it), counts consumption with a {@link Metric}, counts
 * virtual machines with a {@link Virtualization} rule (hardware metrics only) and grants {@link
 * Rights}.
 *
 * @param id unique id of the model
 * @param product the product granted; a suite's model covers the suite's components
 * @param edition the edition granted; {@code null} for any edition
 * @param version the version granted; {@code null} for any version
 * @param metric how consumption is counted
 * @param virtualization how VMs are counted; {@code null} for the default ({@code physical}) or for
 *     metrics that do not count hardware
 * @param rights use rights beyond the granted product, edition and version
 * @param clientAccess a Client Access License (CAL-01..03): counts access records only, never
 *     installations. Extension of format 1; default {@code false}.
 * @param unitPrice the price of one unit when buying more (a list price), used for remedies when no
 *     entitlement of the model carries a price; {@code null} when unknown. Extension of format 1.
 * @param title a name for people ({@code "Windows Server 2022 Standard, per core"}); {@code null}
 *     when none. Extension of format 1.
 * @param rules ids of the licensing rules the model implements ({@code WS-01}, see
 *     vendor-rules.md); empty when none are named. Extension of format 1.
 */
public record LicenseModel(
    String id,
    String product,
    @Nullable String edition,
    @Nullable String version,
    Metric metric,
    @Nullable Virtualization virtualization,
    Rights rights,
    boolean clientAccess,
    @Nullable Money unitPrice,
    @Nullable String title,
    List<String> rules) {

  public LicenseModel {
    requireNonNull(id, "id");
    requireNonNull(product, "product");
    requireNonNull(metric, "metric");
    requireNonNull(rights, "rights");
    rules = ImmutableList.copyOf(rules);
  }

  /** The virtualization rule in force: the declared one, or {@code physical}. */
  public Virtualization effectiveVirtualization() {
    return virtualization == null ? Virtualization.PHYSICAL : virtualization;
  }

  public static Builder builder(String id, String product) {
    return new Builder(id, product);
  }

  /** A builder holding this model's terms under another id and product (a template's use). */
  public Builder toBuilder(String id, String product) {
    return new Builder(id, product)
        .edition(edition)
        .version(version)
        .metric(metric)
        .virtualization(virtualization)
        .rights(rights)
        .clientAccess(clientAccess)
        .unitPrice(unitPrice)
        .title(title)
        .rules(rules);
  }

  /** A builder holding this model's terms. */
  public Builder toBuilder() {
    return toBuilder(id, product);
  }

  /** Builds a {@link LicenseModel}. */
  public static final class Builder {
    private final String id;
    private final String product;
    private @Nullable String edition;
    private @Nullable String version;
    private Metric metric = Metric.of(MetricType.DEVICE);
    private @Nullable Virtualization virtualization;
    private Rights rights = Rights.NONE;
    private boolean clientAccess;
    private @Nullable Money unitPrice;
    private @Nullable String title;
    private List<String> rules = List.of();

    private Builder(String id, String product) {
      this.id = requireNonNull(id, "id");
      this.product = requireNonNull(product, "product");
    }

    public Builder edition(@Nullable String edition) {
      this.edition = edition;
      return this;
    }

    public Builder version(@Nullable String version) {
      this.version = version;
      return this;
    }

    public Builder metric(Metric metric) {
      this.metric = requireNonNull(metric, "metric");
      return this;
    }

    public Builder metric(MetricType type) {
      return metric(Metric.of(type));
    }

    public Builder virtualization(@Nullable Virtualization virtualization) {
      this.virtualization = virtualization;
      return this;
    }

    public Builder rights(Rights rights) {
      this.rights = requireNonNull(rights, "rights");
      return this;
    }

    public Builder clientAccess(boolean clientAccess) {
      this.clientAccess = clientAccess;
      return this;
    }

    public Builder unitPrice(@Nullable Money unitPrice) {
      this.unitPrice = unitPrice;
      return this;
    }

    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    public Builder rules(List<String> rules) {
      this.rules = ImmutableList.copyOf(rules);
      return this;
    }

    public Builder rules(String... rules) {
      return rules(List.of(rules));
    }

    public LicenseModel build() {
      return new LicenseModel(
          id,
          product,
          edition,
          version,
          metric,
          virtualization,
          rights,
          clientAccess,
          unitPrice,
          title,
          rules);
    }
  }
}
