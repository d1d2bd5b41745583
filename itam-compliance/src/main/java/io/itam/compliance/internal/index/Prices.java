package io.itam.compliance.internal.index;

import io.itam.model.Money;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.terms.LicenseModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What licence units cost. The price of buying more of a licence model (its remedy price) is the
 * unit price of its most recent priced entitlement (latest {@code validFrom}; on a tie the lower
 * price, then the lower id), or else the model's own list price; {@code null} when neither is
 * known.
 */
public final class Prices {
  private static final Comparator<Entitlement> MOST_RECENT_FIRST =
      Comparator.comparing(
              Entitlement::validFrom, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
          .thenComparing(e -> e.unitPrice().amount())
          .thenComparing(Entitlement::id);

  private final Map<String, BigDecimal> remedyPrice = new HashMap<>();

  public Prices(EstateIndex index) {
    for (LicenseModel model : index.models()) {
      Entitlement latest =
          index.entitlementsOf(model.id()).stream()
              .filter(e -> e.unitPrice() != null)
              .min(MOST_RECENT_FIRST)
              .orElse(null);
      Money price = latest != null ? latest.unitPrice() : model.unitPrice();
      if (price != null) {
        remedyPrice.put(model.id(), price.amount());
      }
    }
  }

  /** The price of one more unit of {@code model}; {@code null} when unknown. */
  public @Nullable BigDecimal remedyPrice(LicenseModel model) {
    return remedyPrice.get(model.id());
  }

  /** The price paid per unit of {@code entitlement}; {@code null} when unknown. */
  public static @Nullable BigDecimal unitPrice(Entitlement entitlement) {
    Money price = entitlement.unitPrice();
    return price == null ? null : price.amount();
  }
}
