package io.itam.model.entitlement;

import static java.util.Objects.requireNonNull;

import io.itam.model.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A purchase of a licence model: so many units, usable within an organisation subtree, valid
 * between two dates, with maintenance (software assurance) until a date.
 *
 * @param id unique id (a purchase-order line such as {@code "PO-1001/1"})
 * @param licenseModel the licence model bought
 * @param quantity units bought; ignored for {@code site} models
 * @param scope the organisation unit whose subtree it may cover; {@code null} for the whole
 *     organisation
 * @param validFrom first day of validity; {@code null} when valid since ever
 * @param validUntil last day of validity; {@code null} for a perpetual licence
 * @param maintenanceUntil last day of maintenance; {@code null} when there is none
 * @param unitPrice the price paid per unit; {@code null} when unknown
 * @param reference a free reference (contract, invoice); {@code null} when none
 */
public record Entitlement(
    String id,
    String licenseModel,
    long quantity,
    @Nullable String scope,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validUntil,
    @Nullable LocalDate maintenanceUntil,
    @Nullable Money unitPrice,
    @Nullable String reference) {

  public Entitlement {
    requireNonNull(id, "id");
    requireNonNull(licenseModel, "licenseModel");
  }

  /** Whether the entitlement is valid on {@code date} (both ends inclusive). */
  public boolean isValidOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validUntil == null || !date.isAfter(validUntil));
  }

  /** Whether maintenance is active on {@code date} (until {@code maintenanceUntil}, inclusive). */
  public boolean hasMaintenanceOn(LocalDate date) {
    return maintenanceUntil != null && !date.isAfter(maintenanceUntil);
  }

  public static Builder builder(String id, String licenseModel) {
    return new Builder(id, licenseModel);
  }

  /** Builds an {@link Entitlement}. */
  public static final class Builder {
    private final String id;
    private final String licenseModel;
    private long quantity;
    private @Nullable String scope;
    private @Nullable LocalDate validFrom;
    private @Nullable LocalDate validUntil;
    private @Nullable LocalDate maintenanceUntil;
    private @Nullable Money unitPrice;
    private @Nullable String reference;

    private Builder(String id, String licenseModel) {
      this.id = requireNonNull(id, "id");
      this.licenseModel = requireNonNull(licenseModel, "licenseModel");
    }

    public Builder quantity(long quantity) {
      this.quantity = quantity;
      return this;
    }

    public Builder scope(@Nullable String scope) {
      this.scope = scope;
      return this;
    }

    public Builder validFrom(@Nullable LocalDate validFrom) {
      this.validFrom = validFrom;
      return this;
    }

    public Builder validUntil(@Nullable LocalDate validUntil) {
      this.validUntil = validUntil;
      return this;
    }

    public Builder maintenanceUntil(@Nullable LocalDate maintenanceUntil) {
      this.maintenanceUntil = maintenanceUntil;
      return this;
    }

    public Builder unitPrice(@Nullable Money unitPrice) {
      this.unitPrice = unitPrice;
      return this;
    }

    public Builder reference(@Nullable String reference) {
      this.reference = reference;
      return this;
    }

    public Entitlement build() {
      return new Entitlement(
          id,
          licenseModel,
          quantity,
          scope,
          validFrom,
          validUntil,
          maintenanceUntil,
          unitPrice,
          reference);
    }
  }
}
