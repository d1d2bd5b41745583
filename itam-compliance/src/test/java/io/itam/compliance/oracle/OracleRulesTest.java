package io.itam.compliance.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The oracle's own reading of the documented rules (DG-01, DG-05, scopes, remedy prices). */
class OracleRulesTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");
  private static final LocalDate RELEASED_2024 = LocalDate.parse("2024-06-01");

  private static Estate.Builder estate() {
    return Estate.builder(AS_OF)
        .currency("EUR")
        .unit("acme")
        .unit("acme-de", "acme")
        .add(
            Product.builder("a")
                .editions("Std", "Pro")
                .version("2019", LocalDate.parse("2019-06-01"))
                .version("2024", RELEASED_2024)
                .build())
        .add(Product.builder("b").version("2019").version("2024").build())
        .add(Product.builder("suite").components("a", "b").version("2019").version("2024").build())
        .add(Device.builder("d1", DeviceKind.DESKTOP).unit("acme-de").build());
  }

  private static Optional<CoverageRules.Cover> cover(LicenseModel model, Installation i) {
    return new CoverageRules(estate().add(model).add(i).build()).cover(model, i);
  }

  private static LicenseModel.Builder model(String product) {
    return LicenseModel.builder("m", product).metric(MetricType.DEVICE);
  }

  @Test
  void cover_unknownEditionNeedsTheTopEditionWithDowngrade() {
    Installation unknown = Installation.of("d1", "a");
    assertEquals(Optional.empty(), cover(model("a").edition("Pro").build(), unknown));
    LicenseModel top = model("a").edition("Pro").rights(Rights.NONE.withEditionDowngrade()).build();
    assertEquals(Optional.of(new CoverageRules.Cover(null)), cover(top, unknown));
    LicenseModel std = model("a").edition("Std").rights(Rights.NONE.withEditionDowngrade()).build();
    assertEquals(Optional.empty(), cover(std, unknown));
    assertEquals(Optional.empty(), cover(std, unknown.withEdition("Pro")), "higher edition");
    assertEquals(
        Optional.of(new CoverageRules.Cover(null)), cover(top, unknown.withEdition("Std")));
  }

  @Test
  void cover_suiteComponentsIgnoreEditionsAndCompareVersionsByTheSuite() {
    LicenseModel suite = model("suite").version("2019").build();
    Installation proOf2019 = Installation.of("d1", "a", "2019").withEdition("Pro");
    assertEquals(Optional.of(new CoverageRules.Cover(null)), cover(suite, proOf2019));
    assertEquals(Optional.empty(), cover(suite, Installation.of("d1", "a", "2024")));
  }

  @Test
  void cover_unknownVersionNeedsTheNewestWithDowngrade() {
    Installation unknown = Installation.of("d1", "a");
    LicenseModel newest =
        model("a").version("2024").rights(Rights.NONE.withVersionDowngrade()).build();
    LicenseModel older =
        model("a").version("2019").rights(Rights.NONE.withVersionDowngrade()).build();
    assertEquals(Optional.of(new CoverageRules.Cover(null)), cover(newest, unknown));
    assertEquals(Optional.empty(), cover(older, unknown));
    assertEquals(Optional.empty(), cover(model("a").version("2024").build(), unknown));
  }

  @Test
  void cover_upgradeNeedsMaintenanceToTheReleaseDate() {
    LicenseModel upgrade =
        model("a").version("2019").rights(Rights.NONE.withUpgradeWithMaintenance()).build();
    assertEquals(
        Optional.of(new CoverageRules.Cover(RELEASED_2024)),
        cover(upgrade, Installation.of("d1", "a", "2024")));
    assertEquals(
        Optional.empty(),
        cover(model("a").version("2019").build(), Installation.of("d1", "a", "2024")));
    LicenseModel unknownRelease =
        model("b").version("2019").rights(Rights.NONE.withUpgradeWithMaintenance()).build();
    assertEquals(Optional.empty(), cover(unknownRelease, Installation.of("d1", "b", "2024")));
  }

  @Test
  void scope_subtreeAndTheSoleRootForADeviceWithoutUnit() {
    CoverageRules rules = new CoverageRules(estate().build());
    assertEquals(true, rules.scopeContains("acme", "acme-de"));
    assertEquals(false, rules.scopeContains("acme-de", "acme"));
    assertEquals(true, rules.scopeContains("acme", null));
    assertEquals(false, rules.scopeContains("acme-de", null));
    assertEquals(true, rules.scopeContains(null, null));
  }

  @Test
  void remedyPrice_mostRecentPricedEntitlementElseListPrice() {
    Estate estate =
        estate()
            .add(model("a").unitPrice(Money.of("9.00", "EUR")).build())
            .add(priced("e-old", "2020-01-01", "7.00"))
            .add(priced("e-new-b", "2023-01-01", "8.00"))
            .add(priced("e-new-a", "2023-01-01", "8.00"))
            .add(priced("e-new-dear", "2023-01-01", "12.00"))
            .build();
    assertEquals(new BigDecimal("8.00"), Problem.remedyPrices(estate).get("m"));
    Estate listOnly = estate().add(model("a").unitPrice(Money.of("9.00", "EUR")).build()).build();
    assertEquals(new BigDecimal("9.00"), Problem.remedyPrices(listOnly).get("m"));
  }

  private static Entitlement priced(String id, String from, String price) {
    return Entitlement.builder(id, "m")
        .quantity(1)
        .validFrom(LocalDate.parse(from))
        .unitPrice(Money.of(price, "EUR"))
        .build();
  }

  /**
   * The documented objective read literally: once a 10-pack must be bought for one short unit, the
   * second short unit is free at tier 1, so tier 3 prefers leaving the 5.00 licence idle (two
   * short, nothing consumed) to consuming it (one short, 5.00 consumed). Both cost one 10-pack at
   * the remedy price of 5.00, 50.00.
   */
  @Test
  void objective_shortUnitsInsideABoughtPackAreFree() {
    Estate estate =
        estate()
            .add(Device.builder("d2", DeviceKind.DESKTOP).unit("acme-de").build())
            .add(model("a").metric(Metric.builder(MetricType.DEVICE).packSize(10).build()).build())
            .add(
                Entitlement.builder("e", "m")
                    .quantity(1)
                    .unitPrice(Money.of("5.00", "EUR"))
                    .build())
            .add(Installation.of("d1", "a"))
            .add(Installation.of("d2", "a"))
            .build();
    Problem problem = Problem.of(estate);
    assertEquals(new Objective(5000, 0), IntegerProgrammeOracle.optimum(problem));
    assertEquals(new Objective(5000, 0), EnumerationOracle.optimum(problem));
    assertEquals(new Objective(5000, 500), EnumerationOracle.optimumShortingLeast(problem));
  }

  @Test
  void problem_rejectsWhatTheOracleDoesNotModel() {
    Estate exempt =
        estate()
            .add(model("a").build())
            .add(Installation.of("d1", "a"))
            .add(new Exemption("d1", null, "a", "lab"))
            .build();
    assertThrows(IllegalArgumentException.class, () -> Problem.of(exempt));
    Estate mixedPrices =
        estate()
            .add(model("a").unitPrice(Money.of("1.00", "EUR")).build())
            .add(LicenseModel.builder("n", "b").metric(MetricType.DEVICE).build())
            .build();
    assertThrows(IllegalArgumentException.class, () -> Problem.of(mixedPrices));
  }
}
