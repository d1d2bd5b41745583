package io.itam.io.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.io.position.PositionReport.Ending;
import io.itam.io.position.PositionReport.Expiry;
import io.itam.io.position.PositionReport.PublisherRow;
import io.itam.io.position.PositionReport.UnitRow;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The breakdowns, expiries and trend of a report, on the sample and on estates made to show them.
 */
class PositionReportTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

  @Test
  void sample_breakdownsAddUpToTheSummary() {
    PositionReport report = Samples.report();
    Position position = report.position();
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal surplus = BigDecimal.ZERO;
    for (PublisherRow row : report.publishers()) {
      cost = cost.add(row.shortfallCost());
      surplus = surplus.add(row.surplusValue());
    }
    assertEquals(0, cost.compareTo(position.summary().shortfallCost()), "publishers' cost");
    assertEquals(0, surplus.compareTo(position.summary().surplusValue()), "publishers' surplus");
    cost = BigDecimal.ZERO;
    surplus = BigDecimal.ZERO;
    for (UnitRow row : report.units()) {
      cost = cost.add(row.shortfallCost());
      surplus = surplus.add(row.surplusValue());
    }
    assertEquals(0, cost.compareTo(position.summary().shortfallCost()), "units' cost");
    assertEquals(0, surplus.compareTo(position.summary().surplusValue()), "units' surplus");
    assertEquals("Frameworks Inc.", report.publishers().get(0).publisher(), "largest cost first");
    assertEquals("acme-de-eng", report.units().get(0).unit());
    assertEquals(List.of("acme", "acme-de"), report.units().get(0).parents());
    assertEquals("Windows Server", report.productName("windows-server"));
    assertEquals("Microsoft", report.publisher("windows-server"));
  }

  @Test
  void sample_expiries_withinTheHorizon_soonestFirst() {
    List<Expiry> expiries = Samples.report().expiries();
    assertEquals(6, expiries.size(), expiries.toString());
    Expiry first = expiries.get(0);
    assertEquals(LocalDate.parse("2026-12-31"), first.date());
    assertEquals(34, first.daysLeft());
    for (int i = 1; i < expiries.size(); i++) {
      assertTrue(!expiries.get(i).date().isBefore(expiries.get(i - 1).date()));
    }
    assertEquals(List.of(), Samples.report().withExpiryHorizon(10).expiries(), "none in 10 days");
    assertTrue(Samples.report().withExpiryHorizon(365).expiries().size() > expiries.size());
    assertThrows(IllegalArgumentException.class, () -> Samples.report().withExpiryHorizon(-1));
  }

  /** Two units short of one priced product row: the cost shared by units, to the cent. */
  @Test
  void units_shareARowsCostByTheirUnits_toTheCent() {
    Estate estate =
        Estate.builder(AS_OF)
            .currency("EUR")
            .unit("acme")
            .unit("sales", "acme")
            .unit("lab", "acme")
            .add(Product.of("cad", "Frameworks", "CAD"))
            .add(
                LicenseModel.builder("cad-device", "cad")
                    .metric(Metric.builder(MetricType.DEVICE).packSize(3).build())
                    .unitPrice(Money.of("100.00", "EUR"))
                    .build())
            .add(Device.desktop("pc-1", "sales", null))
            .add(Device.desktop("pc-2", "lab", null))
            .add(Device.desktop("pc-3", "lab", null))
            .add(Installation.of("pc-1", "cad"))
            .add(Installation.of("pc-2", "cad"))
            .add(Installation.of("pc-3", "cad"))
            .add(Entitlement.builder("PO-1", "cad-device").quantity(0).build())
            .build();
    PositionReport report =
        PositionReport.of(Reconciler.create().reconcile(estate)).withEstate(estate);
    assertEquals(2, report.units().size(), report.units().toString());
    assertEquals("lab", report.units().get(0).unit());
    assertEquals(0, report.units().get(0).shortfallCost().compareTo(new BigDecimal("200.00")));
    assertEquals(0, report.units().get(1).shortfallCost().compareTo(new BigDecimal("100.00")));
  }

  @Test
  void expiries_ofValidityAndMaintenance_eachAreListed() {
    Estate estate =
        Estate.builder(AS_OF)
            .currency("EUR")
            .unit("acme")
            .add(Product.of("db", "Oracle", "Database"))
            .add(LicenseModel.builder("db-core", "db").metric(MetricType.DEVICE).build())
            .add(
                Entitlement.builder("SUB-1", "db-core")
                    .quantity(2)
                    .validUntil(AS_OF.plusDays(30))
                    .maintenanceUntil(AS_OF.plusDays(10))
                    .unitPrice(Money.of("50.00", "EUR"))
                    .build())
            .add(
                Entitlement.builder("OLD", "db-core")
                    .quantity(1)
                    .validUntil(AS_OF.minusDays(1))
                    .build())
            .build();
    PositionReport report =
        PositionReport.of(Reconciler.create().reconcile(estate)).withEstate(estate);
    List<Expiry> expiries = report.expiries();
    assertEquals(2, expiries.size(), expiries.toString());
    assertEquals(Ending.MAINTENANCE, expiries.get(0).ending());
    assertEquals(10, expiries.get(0).daysLeft());
    assertEquals(Ending.VALIDITY, expiries.get(1).ending());
    assertEquals(0, expiries.get(1).value().compareTo(new BigDecimal("100.00")));
    assertEquals(0L, expiries.get(1).consumed());
  }

  @Test
  void withoutTheEstate_thereAreIdsOnly() {
    PositionReport report = PositionReport.of(Samples.position());
    assertEquals(List.of(), report.publishers());
    assertEquals(List.of(), report.units());
    assertEquals(List.of(), report.expiries());
    assertNull(report.productName("windows-server"));
    assertNull(report.trend());
  }

  @Test
  void withLessDetail_theUnitsAreNotCharged() {
    Estate estate = Samples.estate();
    Position summary =
        Reconciler.create(ReconcileOptions.DEFAULTS.withDetail(Detail.SUMMARY)).reconcile(estate);
    PositionReport report = PositionReport.of(summary).withEstate(estate);
    assertEquals(List.of(), report.units(), "no shortfalls and allocations to charge");
    assertEquals(8, report.publishers().size(), "the publishers need only the product rows");
  }

  @Test
  void numbers_areGroupedAsTheLocaleDoes() {
    PositionReport report = Samples.report();
    assertEquals("20,468.00", report.money(new BigDecimal("20468")));
    assertEquals("20.468,00", report.withLocale(Locale.GERMAN).money(new BigDecimal("20468")));
    assertEquals("1,234", report.count(1234));
  }

  @Test
  void withPrevious_ofAnotherCurrency_isRefused() {
    Position sample = Samples.position();
    Position yen = Positions.compliantYen();
    assertThrows(IllegalArgumentException.class, () -> PositionReport.of(sample).withPrevious(yen));
  }
}
