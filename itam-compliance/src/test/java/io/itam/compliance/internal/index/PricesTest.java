package io.itam.compliance.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The remedy price of a licence model: the unit price of its most recent priced entitlement (latest
 * {@code validFrom}, then the lower price), else the model's list price, else unknown.
 */
class PricesTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

  private static Entitlement po(String id, @Nullable String validFrom, @Nullable String price) {
    return Entitlement.builder(id, "m")
        .quantity(1)
        .validFrom(validFrom == null ? null : LocalDate.parse(validFrom))
        .unitPrice(price == null ? null : Money.of(price, "EUR"))
        .build();
  }

  private static @Nullable BigDecimal remedy(@Nullable String listPrice, Entitlement... pos) {
    Estate.Builder estate =
        Estate.builder(AS_OF)
            .currency("EUR")
            .add(Product.of("p", "Test", "p"))
            .add(
                LicenseModel.builder("m", "p")
                    .metric(MetricType.DEVICE)
                    .unitPrice(listPrice == null ? null : Money.of(listPrice, "EUR"))
                    .build());
    for (Entitlement e : pos) {
      estate.add(e);
    }
    EstateIndex index = EstateIndex.of(estate.build(), AS_OF);
    return new Prices(index).remedyPrice(index.model("m"));
  }

  @Test
  void remedyPrice_unknownWithoutAnyPrice() {
    assertNull(remedy(null));
    assertNull(remedy(null, po("PO-1", "2025-01-01", null)));
  }

  @Test
  void remedyPrice_isTheListPriceWhenNoEntitlementIsPriced() {
    assertEquals(new BigDecimal("99.00"), remedy("99.00", po("PO-1", "2025-01-01", null)));
  }

  @Test
  void remedyPrice_aPricedEntitlementBeatsTheListPrice() {
    assertEquals(new BigDecimal("80"), remedy("99.00", po("PO-1", "2020-01-01", "80")));
  }

  @Test
  void remedyPrice_isTheMostRecentPurchase() {
    assertEquals(
        new BigDecimal("120"),
        remedy(null, po("PO-1", "2024-01-01", "100"), po("PO-2", "2025-06-01", "120")));
    assertEquals(
        new BigDecimal("120"),
        remedy(null, po("PO-2", "2025-06-01", "120"), po("PO-3", "2024-01-01", "100")));
  }

  @Test
  void remedyPrice_anUndatedPurchaseIsTheLeastRecent() {
    assertEquals(
        new BigDecimal("80"), remedy(null, po("PO-1", null, "50"), po("PO-2", "2020-01-01", "80")));
    assertEquals(new BigDecimal("50"), remedy(null, po("PO-1", null, "50")));
  }

  @Test
  void remedyPrice_onTheSameDateTheLowerPrice() {
    assertEquals(
        new BigDecimal("70"),
        remedy(null, po("PO-1", "2025-01-01", "90"), po("PO-2", "2025-01-01", "70")));
    assertEquals(
        new BigDecimal("70"),
        remedy(null, po("PO-1", "2025-01-01", "70"), po("PO-2", "2025-01-01", "90")));
  }

  @Test
  void remedyPrice_ignoresUnpricedPurchases() {
    assertEquals(
        new BigDecimal("60"),
        remedy("99", po("PO-1", "2026-01-01", null), po("PO-2", "2020-01-01", "60")));
  }

  @Test
  void unitPrice_isTheAmountOrNull() {
    assertEquals(new BigDecimal("12.50"), Prices.unitPrice(po("PO-1", null, "12.50")));
    assertNull(Prices.unitPrice(po("PO-1", null, null)));
  }
}
