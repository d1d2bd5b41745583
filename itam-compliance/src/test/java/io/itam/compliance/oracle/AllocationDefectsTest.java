package io.itam.compliance.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The defects of issue 10 as small estates with the position the documented objective gives them:
 * the engine's numbers are asserted, and so are the oracle's (both its integer programme and its
 * enumeration), so each example also checks the oracle against a figure worked out by hand.
 *
 * <p>(a) An installation is a unit any covering model may take: a device whose installations
 * different licences cover is not forced under one model's option. (b) An installation counts once,
 * under the one model it is assigned to. (c) A shortfall is priced in whole packs of the model that
 * would be bought.
 */
class AllocationDefectsTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

  /**
   * (a) d1 runs a 2019 and a 2021: the any-version installation licence (1 unit) takes the 2021 and
   * the 2019 device licence (4 units) the 2019, so nothing is short. Forcing both installations
   * under the installation licence (2 units of 1) leaves one short.
   */
  @Test
  void secondModelForSomeInstallations_nothingShort() {
    Estate estate =
        estate()
            .add(installationModel("a-inst", "a", null))
            .add(deviceModel("a-2019-dev", "a", "2019"))
            .add(entitlement("E-INST", "a-inst", 1, null))
            .add(entitlement("E-DEV", "a-2019-dev", 4, null))
            .build();
    assertOracle(estate, 0, 0);
    assertRows(estate, "a-2019-dev a: 1 = 1 + 0; a-inst a: 1 = 1 + 0");
  }

  /**
   * (a) through a suite: a suite licence per installation counts the most installations of one
   * component on the device; given only the 2021 it needs 1 unit, its quantity, and the 2019 device
   * licence takes the 2019. Counting both installations of {@code a} under the suite needs 2 units
   * of 1.
   */
  @Test
  void secondModelBesideASuite_nothingShort() {
    Estate estate =
        estate()
            .add(installationModel("suite-inst", "suite", null))
            .add(deviceModel("a-2019-dev", "a", "2019"))
            .add(entitlement("E-SUITE", "suite-inst", 1, null))
            .add(entitlement("E-DEV", "a-2019-dev", 4, null))
            .build();
    assertOracle(estate, 0, 0);
    assertRows(estate, "a-2019-dev a: 1 = 1 + 0; suite-inst suite: 1 = 1 + 0");
  }

  /**
   * (a) at tier 3: nothing is short either way, but the 2019 under the 5.00 device licence and the
   * 2021 under the 20.00 installation licence consume 25.00, where both under the installation
   * licence consume 40.00.
   */
  @Test
  void secondModelForSomeInstallations_leastValueConsumed() {
    Estate estate =
        estate()
            .add(installationModel("a-inst", "a", null))
            .add(deviceModel("a-2019-dev", "a", "2019"))
            .add(entitlement("E-INST", "a-inst", 2, "20.00"))
            .add(entitlement("E-DEV", "a-2019-dev", 4, "5.00"))
            .build();
    assertOracle(estate, 0, 2500);
    Position position = EnginePosition.reconcile(estate);
    assertEquals(new Objective(0, 2500), EnginePosition.objective(estate, position, true));
    assertRows(estate, "a-2019-dev a: 1 = 1 + 0; a-inst a: 1 = 1 + 0");
  }

  /**
   * (b) 2019, 2021 and 2024 on d1; "a-down" (2021 with version downgrade) covers the 2019 and the
   * 2021, "a-up" (2021 with upgrade under maintenance) the 2021 and the 2024; nothing is owned.
   * Each installation needs one unit of one model: required 3, costing 30.00 at 10.00, not 4 and
   * 40.00 with the 2021 counted under both.
   */
  @Test
  void installationLicensableByTwoModelsOfOneCover_countsOnce() {
    Estate estate =
        estate()
            .add(Installation.of("d1", "a", "2024"))
            .add(
                model("a-down", "a", MetricType.INSTALLATION, "2021", 1, "10.00")
                    .rights(Rights.NONE.withVersionDowngrade())
                    .build())
            .add(
                model("a-up", "a", MetricType.INSTALLATION, "2021", 1, "10.00")
                    .rights(Rights.NONE.withUpgradeWithMaintenance())
                    .build())
            .build();
    assertOracle(estate, 3000, 0);
    Position position = EnginePosition.reconcile(estate);
    long required =
        position.products().stream()
            .filter(p -> p.licenseModel() != null)
            .mapToLong(ProductPosition::required)
            .sum();
    assertEquals(3, required, "required over the model rows");
    assertEquals("30.00", Money.format(position.summary().shortfallCost(), 2));
  }

  /**
   * (c) One unit short, to be bought as a 10-pack at 10.00 a unit (100.00) or as a single at 11.00:
   * the shortfall costs 11.00, under the single.
   */
  @Test
  void shortfallPricedInWholePacks_cheapestRemedyWins() {
    Estate estate =
        Estate.builder(AS_OF)
            .currency("EUR")
            .unit("acme")
            .add(versioned("a"))
            .add(Device.desktop("d1", "acme", null))
            .add(Installation.of("d1", "a", "2021"))
            .add(model("a-10pack", "a", MetricType.DEVICE, null, 10, "10.00").build())
            .add(model("a-single", "a", MetricType.DEVICE, null, 1, "11.00").build())
            .build();
    assertOracle(estate, 1100, 0);
    Position position = EnginePosition.reconcile(estate);
    assertEquals("11.00", Money.format(position.summary().shortfallCost(), 2));
    assertRows(estate, "a-single a: 1 = 0 + 1");
  }

  // ---- estates ---------------------------------------------------------------------------------

  /** acme; product a (2019, 2021, 2024), b and the suite of both; d1 running a 2019 and a 2021. */
  private static Estate.Builder estate() {
    return Estate.builder(AS_OF)
        .currency("EUR")
        .unit("acme")
        .add(versioned("a"))
        .add(versioned("b"))
        .add(
            Product.builder("suite")
                .components("a", "b")
                .version("2019", LocalDate.parse("2019-06-01"))
                .version("2021", LocalDate.parse("2021-06-01"))
                .version("2024", LocalDate.parse("2024-06-01"))
                .build())
        .add(Device.desktop("d1", "acme", null))
        .add(Installation.of("d1", "a", "2019"))
        .add(Installation.of("d1", "a", "2021"));
  }

  private static Product versioned(String id) {
    return Product.builder(id)
        .version("2019", LocalDate.parse("2019-06-01"))
        .version("2021", LocalDate.parse("2021-06-01"))
        .version("2024", LocalDate.parse("2024-06-01"))
        .build();
  }

  private static LicenseModel.Builder model(
      String id, String product, MetricType metric, String version, long pack, String price) {
    return LicenseModel.builder(id, product)
        .metric(Metric.builder(metric).packSize(pack).build())
        .version(version)
        .unitPrice(price == null ? null : Money.of(price, "EUR"));
  }

  private static LicenseModel installationModel(String id, String product, String version) {
    return model(id, product, MetricType.INSTALLATION, version, 1, null).build();
  }

  private static LicenseModel deviceModel(String id, String product, String version) {
    return model(id, product, MetricType.DEVICE, version, 1, null).build();
  }

  private static Entitlement entitlement(String id, String model, long quantity, String price) {
    return Entitlement.builder(id, model)
        .quantity(quantity)
        .unitPrice(price == null ? null : Money.of(price, "EUR"))
        .build();
  }

  // ---- assertions ------------------------------------------------------------------------------

  /** Both statements of the oracle reach (tier 1, tier 3). */
  private static void assertOracle(Estate estate, long shortfall, long consumed) {
    Problem problem = Problem.of(estate);
    Objective expected = new Objective(shortfall, consumed);
    assertEquals(expected, IntegerProgrammeOracle.optimum(problem), "integer programme");
    assertEquals(expected, EnumerationOracle.optimum(problem), "enumeration");
    assertEquals(
        expected,
        EnumerationOracle.optimumShortingLeast(problem),
        "enumeration, least short units at remedy prices between the tiers");
  }

  /** The engine's product rows, "model product: required = covered + shortfall", by model. */
  private static void assertRows(Estate estate, String expected) {
    Position position = EnginePosition.reconcile(estate);
    assertTrue(EnginePosition.infeasibilities(estate, position).isEmpty());
    String rows =
        position.products().stream()
            .map(
                p ->
                    p.licenseModel()
                        + " "
                        + p.product()
                        + ": "
                        + p.required()
                        + " = "
                        + p.covered()
                        + " + "
                        + p.shortfall())
            .collect(Collectors.joining("; "));
    assertEquals(expected, rows);
  }
}
