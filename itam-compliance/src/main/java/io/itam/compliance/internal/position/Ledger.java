package io.itam.compliance.internal.position;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Remedy;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of the position that do not list consumers, whichever way the allocation's totals were
 * reached: per licence, entitled, consumed, surplus and its value; the remedy of a shortfall in
 * whole packs.
 */
final class Ledger {
  private Ledger() {}

  /** Whole packs covering {@code shortfall} units (WS-02, SQL-03); one licence for a site. */
  static Remedy remedy(LicenseModel model, long shortfall, Prices prices) {
    long packs;
    long units;
    if (model.metric().type() == MetricType.SITE) {
      packs = 1;
      units = 1;
    } else {
      long packSize = model.metric().packSize();
      packs = Math.addExact(shortfall, packSize - 1) / packSize;
      units = Math.multiplyExact(packs, packSize);
    }
    BigDecimal price = prices.remedyPrice(model);
    BigDecimal cost = price == null ? null : price.multiply(BigDecimal.valueOf(units));
    return new Remedy(model.id(), packs, units, cost);
  }

  static List<LicensePosition> licenseRows(
      EstateIndex index, Map<String, Long> consumedOf, List<Rejected> rejected) {
    List<LicensePosition> rows = new ArrayList<>();
    for (LicenseModel model : index.models()) {
      List<Entitlement> ofModel = index.entitlementsOf(model.id());
      if (ofModel.isEmpty()) {
        continue;
      }
      boolean unlimited = model.metric().type() == MetricType.SITE;
      List<String> valid = new ArrayList<>();
      long entitled = 0;
      long consumed = 0;
      BigDecimal surplusValue = BigDecimal.ZERO;
      for (Entitlement e : ofModel) {
        if (!e.isValidOn(index.asOf())) {
          rejected.add(
              new Rejected("entitlement", e.id(), model.id(), eligibilityOfDates(e, index)));
          continue;
        }
        valid.add(e.id());
        long used = consumedOf.getOrDefault(e.id(), 0L);
        consumed = Math.addExact(consumed, used);
        if (!unlimited) {
          entitled = Math.addExact(entitled, e.quantity());
          BigDecimal price = Prices.unitPrice(e);
          if (price != null) {
            surplusValue =
                surplusValue.add(price.multiply(BigDecimal.valueOf(e.quantity() - used)));
          }
        }
      }
      if (unlimited) {
        entitled = consumed;
      }
      rows.add(
          new LicensePosition(
              model.id(),
              valid,
              model.metric().type(),
              entitled,
              consumed,
              entitled - consumed,
              surplusValue,
              unlimited));
    }
    return rows;
  }

  private static String eligibilityOfDates(Entitlement e, EstateIndex index) {
    if (e.validFrom() != null && index.asOf().isBefore(e.validFrom())) {
      return "not valid yet on " + index.asOf() + ": valid from " + e.validFrom();
    }
    return "expired: valid until " + e.validUntil() + ", before " + index.asOf();
  }
}
