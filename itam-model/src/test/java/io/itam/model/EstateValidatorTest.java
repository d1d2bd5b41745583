package io.itam.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.catalog.Product;
import io.itam.model.columnar.ColumnarParity;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.DeviceRole;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.FactorTable;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Rounding;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check of {@link EstateValidator} on estates built in code: each estate breaks one rule (or
 * a few related ones) and the test asserts the exact list of problems, paths and messages, that
 * {@link Estate.Builder#problems()} returns and {@link Estate.Builder#build()} throws.
 */
class EstateValidatorTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");
  private static final String LIMIT = String.valueOf(Limits.MAX_QUANTITY);
  private static final String OVER_LIMIT = String.valueOf(Limits.MAX_QUANTITY + 1);
  private static final FactorTableRef ORACLE = FactorTableRef.builtIn("oracle");

  // ---- helpers -----------------------------------------------------------------------------

  /** A valid estate in EUR with one root unit, {@code acme}, at {@code organization[0]}. */
  private static Estate.Builder estate() {
    return Estate.builder(AS_OF).currency("EUR").unit("acme");
  }

  private static Product product(String id) {
    return Product.builder(id).publisher("Test").name(id).build();
  }

  /** Product {@code p}: editions Std, Ent; versions 2019, 2022 with release dates. */
  private static Product versioned() {
    return Product.builder("p")
        .editions("Std", "Ent")
        .version("2019", LocalDate.parse("2019-11-04"))
        .version("2022", LocalDate.parse("2022-11-16"))
        .build();
  }

  private static LicenseModel model(String id, String product, Metric metric) {
    return LicenseModel.builder(id, product).metric(metric).build();
  }

  private static LicenseModel model(String id, Metric metric, Virtualization v) {
    return LicenseModel.builder(id, "p").metric(metric).virtualization(v).build();
  }

  private static Device server(String id) {
    return Device.builder(id, DeviceKind.SERVER).unit("acme").processors(2L, 8L).build();
  }

  private static Device server(String id, String cpu) {
    return Device.builder(id, DeviceKind.SERVER).unit("acme").processors(2L, 8L).cpu(cpu).build();
  }

  private static Device vm(String id, String host) {
    return Device.builder(id, DeviceKind.VM).unit("acme").host(host).vcpus(4L).build();
  }

  private static Device desktop(String id) {
    return Device.builder(id, DeviceKind.DESKTOP).unit("acme").build();
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static Problem p(String path, String message) {
    return Problem.at(path, message);
  }

  private static String repeat(char c, int times) {
    return String.valueOf(c).repeat(times);
  }

  /**
   * Asserts that {@code estate} has exactly {@code expected}, in this order, both from {@code
   * problems()} and from the exception of {@code build()}; no problems means it builds. The same
   * records in a {@link io.itam.model.columnar.ColumnarEstate} must have the same problems.
   */
  private static void assertProblems(Estate.Builder estate, Problem... expected) {
    List<Problem> list = List.of(expected);
    assertEquals(list, estate.problems());
    if (list.isEmpty()) {
      assertDoesNotThrow(() -> estate.build());
    } else {
      ValidationException e = assertThrows(ValidationException.class, estate::build);
      assertEquals(list, e.problems());
    }
    ColumnarParity.assertSameProblems(estate.unvalidated(), ValidationContext.IN_CODE, list);
  }

  private static void assertValid(Estate.Builder estate) {
    assertProblems(estate);
  }

  // ---- the document ------------------------------------------------------------------------

  @Nested
  class Document {
    @Test
    void validEstate_noProblems() {
      assertValid(
          estate()
              .unit("acme-de", "acme")
              .add(versioned())
              .add(
                  LicenseModel.builder("m", "p")
                      .edition("Ent")
                      .version("2022")
                      .metric(Metric.builder(MetricType.CORE).minimumPerProcessor(4).build())
                      .virtualization(
                          Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(4))
                      .unitPrice(eur("100"))
                      .build())
              .add(
                  Entitlement.builder("PO-1", "m")
                      .quantity(Limits.MAX_QUANTITY)
                      .scope("acme-de")
                      .validFrom(AS_OF)
                      .validUntil(AS_OF)
                      .unitPrice(eur("3586.00"))
                      .build())
              .add(server("s1"))
              .add(vm("v1", "s1"))
              .add(Installation.of("v1", "p", "2019").withEdition("Std")));
    }

    @Test
    void format_unsupported() {
      assertProblems(
          estate().format(2), p("format", "unsupported format 2; this version reads format 1"));
    }

    @Test
    void currency_notIso4217() {
      assertProblems(
          estate().currency("EURO"), p("currency", "not an ISO 4217 currency code: \"EURO\""));
      assertProblems(
          estate().currency("eur"), p("currency", "not an ISO 4217 currency code: \"eur\""));
    }

    @Test
    void currency_absentIsValidWithoutPrices() {
      assertValid(estate().currency(null));
    }
  }

  // ---- ids ---------------------------------------------------------------------------------

  @Nested
  class Ids {
    /** An estate whose {@code section} holds two records with ids {@code a} and {@code b}. */
    private Estate.Builder twoRecords(EstateSection section, String a, String b) {
      Estate.Builder estate = Estate.builder(AS_OF).currency("EUR");
      switch (section) {
        case ORGANIZATION -> estate.unit(a).unit(b);
        case PRODUCTS -> estate.add(product(a)).add(product(b));
        case LICENSE_MODELS ->
            estate
                .add(product("p"))
                .add(model(a, "p", Metric.of(MetricType.DEVICE)))
                .add(model(b, "p", Metric.of(MetricType.DEVICE)));
        case ENTITLEMENTS ->
            estate
                .add(product("p"))
                .add(model("m", "p", Metric.of(MetricType.DEVICE)))
                .add(Entitlement.builder(a, "m").quantity(1).build())
                .add(Entitlement.builder(b, "m").quantity(1).build());
        case CLUSTERS ->
            estate
                .add(server("s1"))
                .add(server("s2"))
                .add(Cluster.of(a, "s1"))
                .add(Cluster.of(b, "s2"));
        case DEVICES ->
            estate
                .add(Device.builder(a, DeviceKind.DESKTOP).build())
                .add(Device.builder(b, DeviceKind.DESKTOP).build());
        case USERS -> estate.add(User.of(a, null)).add(User.of(b, null));
        default -> throw new IllegalArgumentException(section + " has no ids");
      }
      // Units for the servers of CLUSTERS.
      if (section == EstateSection.CLUSTERS) {
        estate.unit("acme");
      }
      return estate;
    }

    @ParameterizedTest
    @EnumSource(
        value = EstateSection.class,
        names = {
          "ORGANIZATION",
          "PRODUCTS",
          "LICENSE_MODELS",
          "ENTITLEMENTS",
          "CLUSTERS",
          "DEVICES",
          "USERS"
        })
    void id_distinctIsValid(EstateSection section) {
      assertValid(twoRecords(section, "a", "b"));
      assertValid(twoRecords(section, "a", repeat('x', Limits.MAX_ID_LENGTH)));
    }

    @ParameterizedTest
    @EnumSource(
        value = EstateSection.class,
        names = {
          "ORGANIZATION",
          "PRODUCTS",
          "LICENSE_MODELS",
          "ENTITLEMENTS",
          "CLUSTERS",
          "DEVICES",
          "USERS"
        })
    void id_empty(EstateSection section) {
      assertProblems(
          twoRecords(section, "", " "),
          p(section.path(0) + ".id", "must not be empty"),
          p(section.path(1) + ".id", "must not be empty"));
    }

    @ParameterizedTest
    @EnumSource(
        value = EstateSection.class,
        names = {
          "ORGANIZATION",
          "PRODUCTS",
          "LICENSE_MODELS",
          "ENTITLEMENTS",
          "CLUSTERS",
          "DEVICES",
          "USERS"
        })
    void id_tooLong(EstateSection section) {
      assertProblems(
          twoRecords(section, "a", repeat('x', Limits.MAX_ID_LENGTH + 1)),
          p(section.path(1) + ".id", "longer than 256 characters"));
    }

    @ParameterizedTest
    @EnumSource(
        value = EstateSection.class,
        names = {
          "ORGANIZATION",
          "PRODUCTS",
          "LICENSE_MODELS",
          "ENTITLEMENTS",
          "CLUSTERS",
          "DEVICES",
          "USERS"
        })
    void id_duplicate(EstateSection section) {
      assertProblems(
          twoRecords(section, "a", "a"),
          p(section.path(1) + ".id", "duplicate id \"a\" (first at " + section.path(0) + ")"));
    }
  }

  // ---- references --------------------------------------------------------------------------

  @Nested
  class References {
    @Test
    void organization_unknownParent() {
      assertProblems(
          estate().unit("de", "nowhere"),
          p("organization[1].parent", "unknown organisation unit \"nowhere\""));
    }

    @Test
    void products_unknownAndDuplicateComponents() {
      assertProblems(
          estate()
              .add(product("word"))
              .add(Product.builder("office").components("word", "excel", "word").build()),
          p("products[1].components[1]", "unknown product \"excel\""),
          p("products[1].components[2]", "duplicate component \"word\""));
    }

    @Test
    void licenseModels_unknownProduct() {
      assertProblems(
          estate().add(model("m", "nothing", Metric.of(MetricType.DEVICE))),
          p("licenseModels[0].product", "unknown product \"nothing\""));
    }

    @Test
    void entitlements_unknownLicenseModelAndScope() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(model("m", "p", Metric.of(MetricType.DEVICE)))
              .add(Entitlement.builder("PO-1", "nothing").quantity(1).scope("nowhere").build()),
          p("entitlements[0].licenseModel", "unknown licence model \"nothing\""),
          p("entitlements[0].scope", "unknown organisation unit \"nowhere\""));
    }

    @Test
    void clusters_unknownHost() {
      assertProblems(
          estate().add(server("s1")).add(Cluster.of("c", "s1", "ghost")),
          p("clusters[0].hosts[1]", "unknown device \"ghost\""));
    }

    @Test
    void devices_unknownUnitHostPrimaryUserFailoverFor() {
      assertProblems(
          estate()
              .add(
                  Device.builder("pc", DeviceKind.DESKTOP)
                      .unit("nowhere")
                      .primaryUser("nobody")
                      .build())
              .add(vm("v", "ghost"))
              .add(
                  Device.builder("standby", DeviceKind.SERVER)
                      .unit("acme")
                      .role(DeviceRole.PASSIVE_FAILOVER)
                      .failoverFor("ghost")
                      .build()),
          p("devices[0].primaryUser", "unknown user \"nobody\""),
          p("devices[0].unit", "unknown organisation unit \"nowhere\""),
          p("devices[1].host", "unknown device \"ghost\""),
          p("devices[2].failoverFor", "unknown device \"ghost\""));
    }

    @Test
    void users_unknownUnit() {
      assertProblems(
          estate().add(User.of("u", "nowhere")),
          p("users[0].unit", "unknown organisation unit \"nowhere\""));
    }

    @Test
    void installations_unknownDeviceAndProduct() {
      assertProblems(
          estate().add(Installation.of("ghost", "nothing")),
          p("installations[0].device", "unknown device \"ghost\""),
          p("installations[0].product", "unknown product \"nothing\""));
    }

    @Test
    void access_unknownProductUserDevice() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(Access.byUser("nothing", "nobody"))
              .add(Access.byDevice("p", "ghost")),
          p("access[0].product", "unknown product \"nothing\""),
          p("access[0].user", "unknown user \"nobody\""),
          p("access[1].device", "unknown device \"ghost\""));
    }

    @Test
    void usage_unknownProductAndUnit() {
      assertProblems(
          estate().add(new Usage("nothing", 3, AS_OF.minusDays(10), AS_OF, "nowhere")),
          p("usage[0].product", "unknown product \"nothing\""),
          p("usage[0].unit", "unknown organisation unit \"nowhere\""));
    }

    @Test
    void allocations_unknownEntitlementDeviceUser() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(model("m", "p", Metric.of(MetricType.DEVICE)))
              .add(Entitlement.builder("PO-1", "m").quantity(1).build())
              .add(PinnedAllocation.toDevice("PO-9", "ghost"))
              .add(PinnedAllocation.toUser("PO-1", "nobody")),
          p("allocations[0].device", "unknown device \"ghost\""),
          p("allocations[0].entitlement", "unknown entitlement \"PO-9\""),
          p("allocations[1].user", "unknown user \"nobody\""));
    }

    @Test
    void exemptions_unknownProductDeviceUser() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(Exemption.ofDevice("ghost", "nothing", "lab"))
              .add(Exemption.ofUser("nobody", "p", "lab")),
          p("exemptions[0].device", "unknown device \"ghost\""),
          p("exemptions[0].product", "unknown product \"nothing\""),
          p("exemptions[1].user", "unknown user \"nobody\""));
    }

    @Test
    void unreadIds_areNotReportedAgain() {
      ValidationContext context =
          new ValidationContext(
              EstateSection::path,
              Map.of(
                  EstateSection.DEVICES,
                  Set.of("ghost"),
                  EstateSection.PRODUCTS,
                  Set.of("broken")));
      Estate.Builder estate =
          estate().add(Installation.of("ghost", "broken")).add(Installation.of("pc", "p"));
      ValidationException e = assertThrows(ValidationException.class, () -> estate.build(context));
      List<Problem> expected =
          List.of(
              p("installations[1].device", "unknown device \"pc\""),
              p("installations[1].product", "unknown product \"p\""));
      assertEquals(expected, e.problems());
      ColumnarParity.assertSameProblems(estate.unvalidated(), context, expected);
    }

    @Test
    void locator_placesProblemsInTheSourceDocument() {
      ValidationContext context =
          new ValidationContext((section, i) -> "$." + section.path(i + 1), Map.of());
      Estate.Builder estate = estate().add(Installation.of("ghost", "nothing"));
      ValidationException e = assertThrows(ValidationException.class, () -> estate.build(context));
      List<Problem> expected =
          List.of(
              p("$.installations[1].device", "unknown device \"ghost\""),
              p("$.installations[1].product", "unknown product \"nothing\""));
      assertEquals(expected, e.problems());
      ColumnarParity.assertSameProblems(estate.unvalidated(), context, expected);
    }
  }

  // ---- organisation ------------------------------------------------------------------------

  @Nested
  class Organisation {
    @Test
    void cycle_reportedWhereItIsFound() {
      List<Problem> problems = estate().unit("a", "b").unit("b", "a").unit("tail", "a").problems();
      assertTrue(
          problems.contains(p("organization[1].parent", "cycle in the organisation: a → b → a")),
          problems.toString());
      assertTrue(
          problems.stream().allMatch(x -> x.message().startsWith("cycle in the organisation: ")),
          problems.toString());
    }

    @Test
    void cycle_reportedOnce() {
      assertProblems(
          estate().unit("a", "b").unit("b", "a").unit("tail", "a"),
          p("organization[1].parent", "cycle in the organisation: a → b → a"));
    }

    @Test
    void ownParent_reported() {
      List<Problem> problems = estate().unit("a", "a").problems();
      assertTrue(
          problems.contains(p("organization[1].parent", "a unit cannot be its own parent")),
          problems.toString());
    }

    @Test
    void depth_sixtyFourLevelsIsTheLimit() {
      Estate.Builder estate = estate();
      String parent = "acme";
      for (int level = 2; level <= Limits.MAX_ORGANIZATION_DEPTH; level++) {
        estate.unit("u" + level, parent);
        parent = "u" + level;
      }
      assertValid(estate);
      estate.unit("u65", parent);
      assertProblems(estate, p("organization[64].parent", "organisation deeper than 64 levels"));
    }
  }

  // ---- products ----------------------------------------------------------------------------

  @Nested
  class Products {
    @Test
    void suiteCycle_reportedOnce() {
      assertProblems(
          estate()
              .add(Product.builder("a").components("b").build())
              .add(Product.builder("b").components("c").build())
              .add(Product.builder("c").components("a").build()),
          p("products[0].components", "cycle of suites: a → b → c → a"));
    }

    @Test
    void suiteContainingItself() {
      List<Problem> problems =
          estate().add(Product.builder("s").components("s").build()).problems();
      assertTrue(
          problems.contains(p("products[0].components[0]", "a suite cannot contain itself")),
          problems.toString());
    }

    @Test
    void suiteDepth_sixteenLevelsIsTheLimit() {
      Estate.Builder estate = estate();
      for (int i = 0; i < Limits.MAX_SUITE_DEPTH - 1; i++) {
        estate.add(Product.builder("s" + i).components("s" + (i + 1)).build());
      }
      estate.add(product("s" + (Limits.MAX_SUITE_DEPTH - 1)));
      assertValid(estate);

      Estate.Builder deeper = estate();
      for (int i = 0; i < Limits.MAX_SUITE_DEPTH; i++) {
        deeper.add(Product.builder("s" + i).components("s" + (i + 1)).build());
      }
      deeper.add(product("s" + Limits.MAX_SUITE_DEPTH));
      assertProblems(deeper, p("products[0].components", "suites nested deeper than 16 levels"));
    }

    @Test
    void editions_emptyAndDuplicate() {
      assertProblems(
          estate().add(Product.builder("p").editions("Std", "", "Std").build()),
          p("products[0].editions[1]", "must not be empty"),
          p("products[0].editions[2]", "duplicate edition \"Std\""));
    }

    @Test
    void versions_emptyAndDuplicate() {
      assertProblems(
          estate().add(Product.builder("p").version("").version("2019").version("2019").build()),
          p("products[0].versions[0].name", "must not be empty"),
          p("products[0].versions[2].name", "duplicate version \"2019\""));
    }

    @Test
    void versions_outOfReleaseOrder_undatedVersionsSkipped() {
      assertProblems(
          estate()
              .add(
                  Product.builder("p")
                      .version("2022", LocalDate.parse("2022-11-16"))
                      .version("vNext")
                      .version("2019", LocalDate.parse("2019-11-04"))
                      .build()),
          p(
              "products[0].versions[2].released",
              "2019-11-04 is before the release of \"2022\" listed earlier (2022-11-16);"
                  + " versions are listed oldest first"));
    }

    @Test
    void texts_longerThanTheLimit() {
      String long_ = repeat('n', Limits.MAX_TEXT_LENGTH + 1);
      assertProblems(
          estate().add(Product.builder("p").publisher(long_).name(long_).build()),
          p("products[0].name", "longer than 4096 characters"),
          p("products[0].publisher", "longer than 4096 characters"));
      assertValid(
          estate()
              .add(
                  Product.builder("p")
                      .publisher(repeat('n', Limits.MAX_TEXT_LENGTH))
                      .name("P")
                      .build()));
    }
  }

  // ---- editions and versions declared ------------------------------------------------------

  @Nested
  class EditionsAndVersions {
    @Test
    void licenseModel_editionAndVersionNotDeclared() {
      assertProblems(
          estate()
              .add(versioned())
              .add(LicenseModel.builder("m", "p").edition("Pro").version("2020").build()),
          p(
              "licenseModels[0].edition",
              "edition \"Pro\" is not declared by product \"p\" (editions: Std, Ent)"),
          p(
              "licenseModels[0].version",
              "version \"2020\" is not declared by product \"p\" (versions: 2019, 2022)"));
    }

    @Test
    void licenseModel_productWithoutEditionsOrVersions() {
      assertProblems(
          estate()
              .add(product("q"))
              .add(LicenseModel.builder("m", "q").edition("Std").version("1").build()),
          p("licenseModels[0].edition", "product \"q\" declares no editions"),
          p("licenseModels[0].version", "product \"q\" declares no versions"));
    }

    @Test
    void installation_editionAndVersionNotDeclared() {
      assertProblems(
          estate()
              .add(versioned())
              .add(product("q"))
              .add(desktop("pc"))
              .add(Installation.of("pc", "p", "2020").withEdition("Pro"))
              .add(Installation.of("pc", "q", "1").withEdition("Std"))
              .add(Installation.of("pc", "p", "2019").withEdition("Ent")),
          p(
              "installations[0].edition",
              "edition \"Pro\" is not declared by product \"p\" (editions: Std, Ent)"),
          p(
              "installations[0].version",
              "version \"2020\" is not declared by product \"p\" (versions: 2019, 2022)"),
          p("installations[1].edition", "product \"q\" declares no editions"),
          p("installations[1].version", "product \"q\" declares no versions"));
    }
  }

  // ---- metrics -----------------------------------------------------------------------------

  @Nested
  class Metrics {
    private Estate.Builder withModel(Metric metric) {
      return estate().add(product("p")).add(model("m", "p", metric));
    }

    @Test
    void parametersThatDoNotApply_deviceMetric() {
      Metric metric =
          Metric.builder(MetricType.DEVICE)
              .minimumPerProcessor(4)
              .minimumPerDevice(16)
              .coreFactors(ORACLE)
              .pvuTable(FactorTableRef.builtIn("ibm"))
              .userMinimumPerProcessor(25)
              .capacityAttribute("gb")
              .processorsPerUnit(2)
              .windowDays(30)
              .rounding(Rounding.AGGREGATE)
              .maximumSockets(2)
              .maximumVcpus(8)
              .packSize(5)
              .build();
      String ignored = "not a parameter of metric \"device\" (ignored)";
      assertProblems(
          withModel(metric),
          p("licenseModels[0].metric.capacityAttribute", ignored),
          p("licenseModels[0].metric.coreFactors", ignored),
          p("licenseModels[0].metric.maximumSockets", ignored),
          p("licenseModels[0].metric.maximumVcpus", ignored),
          p("licenseModels[0].metric.minimumPerDevice", ignored),
          p("licenseModels[0].metric.minimumPerProcessor", ignored),
          p("licenseModels[0].metric.processorsPerUnit", ignored),
          p("licenseModels[0].metric.pvuTable", ignored),
          p("licenseModels[0].metric.rounding", ignored),
          p("licenseModels[0].metric.userMinimumPerProcessor", ignored),
          p("licenseModels[0].metric.windowDays", ignored));
    }

    @Test
    void parametersThatDoNotApply_hardwareMetrics() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(
                  model(
                      "core",
                      "p",
                      Metric.builder(MetricType.CORE)
                          .processorsPerUnit(2)
                          .pvuTable(FactorTableRef.builtIn("ibm"))
                          .build()))
              .add(
                  model(
                      "proc",
                      "p",
                      Metric.builder(MetricType.PROCESSOR)
                          .minimumPerProcessor(1)
                          .coreFactors(ORACLE)
                          .build()))
              .add(
                  model(
                      "pvu",
                      "p",
                      Metric.builder(MetricType.PVU)
                          .pvuTable(FactorTableRef.builtIn("ibm"))
                          .userMinimumPerProcessor(25)
                          .build())),
          p(
              "licenseModels[0].metric.processorsPerUnit",
              "not a parameter of metric \"core\" (ignored)"),
          p("licenseModels[0].metric.pvuTable", "not a parameter of metric \"core\" (ignored)"),
          p(
              "licenseModels[1].metric.coreFactors",
              "not a parameter of metric \"processor\" (ignored)"),
          p(
              "licenseModels[1].metric.minimumPerProcessor",
              "not a parameter of metric \"processor\" (ignored)"),
          p(
              "licenseModels[2].metric.userMinimumPerProcessor",
              "not a parameter of metric \"pvu\" (ignored)"));
    }

    @Test
    void ranges_minimumsAndPackSize() {
      assertProblems(
          withModel(
              Metric.builder(MetricType.CORE)
                  .minimumPerProcessor(-1)
                  .minimumPerDevice(Limits.MAX_QUANTITY + 1)
                  .packSize(0)
                  .maximumSockets(-2)
                  .build()),
          p("licenseModels[0].metric.maximumSockets", "must not be negative, was -2"),
          p(
              "licenseModels[0].metric.minimumPerDevice",
              "larger than the limit of " + LIMIT + ", was " + OVER_LIMIT),
          p("licenseModels[0].metric.minimumPerProcessor", "must not be negative, was -1"),
          p("licenseModels[0].metric.packSize", "must be at least 1, was 0"));
      assertValid(
          withModel(
              Metric.builder(MetricType.CORE)
                  .minimumPerDevice(Limits.MAX_QUANTITY)
                  .packSize(Limits.MAX_QUANTITY)
                  .build()));
      assertProblems(
          withModel(Metric.builder(MetricType.CORE).packSize(Limits.MAX_QUANTITY + 1).build()),
          p(
              "licenseModels[0].metric.packSize",
              "larger than the limit of " + LIMIT + ", was " + OVER_LIMIT));
    }

    @Test
    void ranges_processorsPerUnitAndUserMinimum() {
      assertProblems(
          withModel(Metric.builder(MetricType.PROCESSOR).processorsPerUnit(0).build()),
          p("licenseModels[0].metric.processorsPerUnit", "must be at least 1, was 0"));
      assertProblems(
          withModel(Metric.builder(MetricType.USER).userMinimumPerProcessor(-25).build()),
          p("licenseModels[0].metric.userMinimumPerProcessor", "must not be negative, was -25"));
    }

    @Test
    void ranges_windowDays() {
      assertProblems(
          withModel(Metric.builder(MetricType.CONCURRENT_USER).windowDays(0).build()),
          p("licenseModels[0].metric.windowDays", "must be between 1 and 3660, was 0"));
      assertProblems(
          withModel(Metric.builder(MetricType.CONCURRENT_USER).windowDays(3661).build()),
          p("licenseModels[0].metric.windowDays", "must be between 1 and 3660, was 3661"));
      assertValid(withModel(Metric.builder(MetricType.CONCURRENT_USER).windowDays(1).build()));
      assertValid(withModel(Metric.builder(MetricType.CONCURRENT_USER).windowDays(3660).build()));
    }

    @Test
    void capacity_withoutAttribute() {
      assertProblems(
          withModel(Metric.of(MetricType.CAPACITY)),
          p("licenseModels[0].metric.capacityAttribute", "required by metric \"capacity\""));
      assertProblems(
          withModel(Metric.builder(MetricType.CAPACITY).capacityAttribute(" ").build()),
          p("licenseModels[0].metric.capacityAttribute", "required by metric \"capacity\""));
      assertValid(withModel(Metric.builder(MetricType.CAPACITY).capacityAttribute("gb").build()));
    }
  }

  // ---- factor tables -----------------------------------------------------------------------

  @Nested
  class FactorTables {
    @Test
    void builtIn_unknownIds() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(
                  model(
                      "core",
                      "p",
                      Metric.builder(MetricType.CORE)
                          .coreFactors(FactorTableRef.builtIn("sap"))
                          .build()))
              .add(
                  model(
                      "pvu",
                      "p",
                      Metric.builder(MetricType.PVU)
                          .pvuTable(FactorTableRef.builtIn("oracle"))
                          .build())),
          p(
              "licenseModels[0].metric.coreFactors",
              "unknown built-in core-factor table \"sap\" (built in: oracle)"),
          p(
              "licenseModels[1].metric.pvuTable",
              "unknown built-in PVU table \"oracle\" (built in: ibm)"));
    }

    @Test
    void builtIn_knownIds() {
      assertValid(
          estate()
              .add(product("p"))
              .add(model("core", "p", Metric.builder(MetricType.CORE).coreFactors(ORACLE).build()))
              .add(
                  model(
                      "pvu",
                      "p",
                      Metric.builder(MetricType.PVU)
                          .pvuTable(FactorTableRef.builtIn("ibm"))
                          .build())));
    }

    static Stream<Arguments> inlineTableProblems() {
      BigDecimal one = BigDecimal.ONE;
      return Stream.of(
          Arguments.of(
              FactorTable.of(Map.of(), null),
              "",
              "an inline table needs at least one pattern or a default"),
          Arguments.of(
              FactorTable.of(Map.of("Xeon", BigDecimal.ZERO), one),
              ".Xeon",
              "must be positive, was 0"),
          Arguments.of(
              FactorTable.of(Map.of("Xeon", new BigDecimal("-0.50")), one),
              ".Xeon",
              "must be positive, was -0.5"),
          Arguments.of(
              FactorTable.of(Map.of("Xeon", one), new BigDecimal("0.0")),
              ".default",
              "must be positive, was 0"),
          Arguments.of(
              FactorTable.of(Map.of("default", one), null),
              ".default",
              "\"default\" names the default factor, not a CPU pattern; set it as the table's"
                  + " default"),
          Arguments.of(
              FactorTable.of(Map.of("Xeon", new BigDecimal("0.1234567")), null),
              ".Xeon",
              "more than 6 decimal places: 0.1234567"),
          Arguments.of(
              FactorTable.of(Map.of("Xeon", one), new BigDecimal("1.0000001")),
              ".default",
              "more than 6 decimal places: 1.0000001"),
          Arguments.of(
              FactorTable.of(Map.of(" ", one), null), "", "a CPU pattern must not be empty"));
    }

    @ParameterizedTest
    @MethodSource("inlineTableProblems")
    void inline_problems(FactorTable table, String suffix, String message) {
      assertProblems(
          estate()
              .add(product("p"))
              .add(
                  model(
                      "core",
                      "p",
                      Metric.builder(MetricType.CORE)
                          .coreFactors(FactorTableRef.inline(table))
                          .build())),
          p("licenseModels[0].metric.coreFactors" + suffix, message));
      assertProblems(
          estate()
              .add(product("p"))
              .add(
                  model(
                      "pvu",
                      "p",
                      Metric.builder(MetricType.PVU)
                          .pvuTable(FactorTableRef.inline(table))
                          .build())),
          p("licenseModels[0].metric.pvuTable" + suffix, message));
    }

    @Test
    void inline_sixDecimalsAndTrailingZerosAreFine() {
      FactorTable table =
          FactorTable.of(
              Map.of("Xeon", new BigDecimal("0.123456"), "EPYC", new BigDecimal("0.50000000")),
              new BigDecimal("1.000000000"));
      assertValid(
          estate()
              .add(product("p"))
              .add(
                  model(
                      "core",
                      "p",
                      Metric.builder(MetricType.CORE)
                          .coreFactors(FactorTableRef.inline(table))
                          .build())));
    }
  }

  // ---- virtualization ----------------------------------------------------------------------

  @Nested
  class Virtualizations {
    private final Metric core = Metric.of(MetricType.CORE);

    private Estate.Builder withModel(Metric metric, Virtualization v) {
      return estate().add(product("p")).add(model("m", metric, v));
    }

    @Test
    void nonHardwareMetrics_rejectVirtualization() {
      String message =
          "only hardware metrics (processor, core, pvu) and user metrics with a per-processor or"
              + " per-server minimum count virtual machines; metric is ";
      assertProblems(
          withModel(Metric.of(MetricType.DEVICE), Virtualization.of(VirtualizationMode.PER_VM)),
          p("licenseModels[0].virtualization", message + "\"device\""));
      assertProblems(
          withModel(Metric.of(MetricType.USER), Virtualization.PHYSICAL),
          p("licenseModels[0].virtualization", message + "\"user\""));
      assertProblems(
          withModel(
              Metric.builder(MetricType.CAPACITY).capacityAttribute("gb").build(),
              Virtualization.of(VirtualizationMode.CLUSTER)),
          p("licenseModels[0].virtualization", message + "\"capacity\""));
    }

    @Test
    void userMetricWithNamedUserMinimum_mayCountVirtualMachines() {
      Virtualization cluster = Virtualization.of(VirtualizationMode.CLUSTER);
      assertValid(
          withModel(Metric.builder(MetricType.USER).userMinimumPerProcessor(25).build(), cluster));
      assertValid(withModel(Metric.builder(MetricType.USER).minimumPerDevice(10).build(), cluster));
    }

    @Test
    void hardwareMetrics_everyMode() {
      for (MetricType type : List.of(MetricType.CORE, MetricType.PROCESSOR)) {
        assertValid(withModel(Metric.of(type), Virtualization.PHYSICAL));
        assertValid(
            withModel(
                Metric.of(type),
                Virtualization.of(VirtualizationMode.PER_VM)
                    .withMinimumPerVm(4)
                    .withCapAtHost(true)
                    .withThreadsPerCore(2)));
        assertValid(withModel(Metric.of(type), Virtualization.of(VirtualizationMode.CLUSTER)));
        assertValid(
            withModel(
                Metric.of(type),
                Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2)));
      }
    }

    @Test
    void perVmParameters_inOtherModes() {
      assertProblems(
          withModel(core, Virtualization.PHYSICAL.withMinimumPerVm(4).withCapAtHost(true)),
          p(
              "licenseModels[0].virtualization.capAtHost",
              "applies to mode \"per-vm\" only; mode is \"physical\""),
          p(
              "licenseModels[0].virtualization.minimumPerVm",
              "applies to mode \"per-vm\" only; mode is \"physical\""));
      assertProblems(
          withModel(core, Virtualization.of(VirtualizationMode.CLUSTER).withCapAtHost(true)),
          p(
              "licenseModels[0].virtualization.capAtHost",
              "applies to mode \"per-vm\" only; mode is \"cluster\""));
    }

    @Test
    void vmsPerSet_requiredByHostPerVmSetOnly() {
      assertProblems(
          withModel(core, Virtualization.of(VirtualizationMode.HOST_PER_VM_SET)),
          p(
              "licenseModels[0].virtualization.vmsPerSet",
              "required by mode \"host-per-vm-set\" (at least 1)"));
      assertProblems(
          withModel(core, Virtualization.of(VirtualizationMode.PER_VM).withVmsPerSet(2)),
          p(
              "licenseModels[0].virtualization.vmsPerSet",
              "applies to mode \"host-per-vm-set\" only; mode is \"per-vm\""));
      assertProblems(
          withModel(core, Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(-1)),
          p("licenseModels[0].virtualization.vmsPerSet", "must not be negative, was -1"),
          p(
              "licenseModels[0].virtualization.vmsPerSet",
              "required by mode \"host-per-vm-set\" (at least 1)"));
    }

    @Test
    void ranges_threadsPerCoreMinimumPerVm() {
      assertProblems(
          withModel(
              core,
              Virtualization.of(VirtualizationMode.PER_VM)
                  .withThreadsPerCore(0)
                  .withMinimumPerVm(-4)),
          p("licenseModels[0].virtualization.minimumPerVm", "must not be negative, was -4"),
          p("licenseModels[0].virtualization.threadsPerCore", "must be at least 1, was 0"));
    }

    @Test
    void vcpusPerProcessor_processorMetricOnly() {
      assertProblems(
          withModel(core, Virtualization.PHYSICAL.withVcpusPerProcessor(4)),
          p(
              "licenseModels[0].virtualization.vcpusPerProcessor",
              "applies to metric \"processor\" only"));
      assertValid(
          withModel(
              Metric.of(MetricType.PROCESSOR), Virtualization.PHYSICAL.withVcpusPerProcessor(4)));
    }
  }

  // ---- rights, CALs, prices ----------------------------------------------------------------

  @Nested
  class RightsAndPrices {
    @Test
    void secondUse_deviceMetricOnly() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(
                  LicenseModel.builder("m", "p")
                      .metric(MetricType.USER)
                      .rights(Rights.NONE.withSecondUse())
                      .build())
              .add(
                  LicenseModel.builder("d", "p")
                      .metric(MetricType.DEVICE)
                      .rights(Rights.NONE.withSecondUse())
                      .build()),
          p(
              "licenseModels[0].rights.secondUse",
              "the second-use right applies to the device metric only, not \"user\""));
    }

    @Test
    void clientAccess_userOrDeviceMetricOnly() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(
                  LicenseModel.builder("m", "p").metric(MetricType.CORE).clientAccess(true).build())
              .add(
                  LicenseModel.builder("u", "p").metric(MetricType.USER).clientAccess(true).build())
              .add(
                  LicenseModel.builder("d", "p")
                      .metric(MetricType.DEVICE)
                      .clientAccess(true)
                      .build()),
          p(
              "licenseModels[0].clientAccess",
              "a Client Access License counts users or devices; metric is \"core\""));
    }

    @Test
    void failoverDevices_atLeastOne() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(
                  LicenseModel.builder("m", "p")
                      .metric(MetricType.CORE)
                      .rights(Rights.NONE.withFailover(0))
                      .build()),
          p("licenseModels[0].rights.failoverDevices", "must be at least 1, was 0"));
    }

    @Test
    void money_withoutDocumentCurrency() {
      assertProblems(
          Estate.builder(AS_OF)
              .unit("acme")
              .add(product("p"))
              .add(LicenseModel.builder("m", "p").unitPrice(eur("100")).build())
              .add(Entitlement.builder("PO-1", "m").quantity(1).unitPrice(eur("90")).build()),
          p("entitlements[0].unitPrice", "a price needs the document's \"currency\""),
          p("licenseModels[0].unitPrice", "a price needs the document's \"currency\""));
    }

    @Test
    void money_inAnotherCurrency() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(LicenseModel.builder("m", "p").unitPrice(Money.of("100", "USD")).build())
              .add(
                  Entitlement.builder("PO-1", "m")
                      .quantity(1)
                      .unitPrice(Money.of("90", "CHF"))
                      .build()),
          p(
              "entitlements[0].unitPrice",
              "amount in CHF but the document's currency is EUR; convert it first"),
          p(
              "licenseModels[0].unitPrice",
              "amount in USD but the document's currency is EUR; convert it first"));
    }

    @Test
    void money_negativeTooPreciseTooLarge() {
      assertProblems(
          estate()
              .add(product("p"))
              .add(LicenseModel.builder("m", "p").unitPrice(eur("-1.00")).build())
              .add(Entitlement.builder("PO-1", "m").unitPrice(eur("0.1234567")).build())
              .add(Entitlement.builder("PO-2", "m").unitPrice(eur(OVER_LIMIT)).build())
              .add(Entitlement.builder("PO-3", "m").unitPrice(eur("0.1234560")).build()),
          p("entitlements[0].unitPrice", "more than 6 decimal places: 0.1234567"),
          p("entitlements[1].unitPrice", "larger than the limit of " + LIMIT),
          p("licenseModels[0].unitPrice", "must not be negative, was -1.00"));
    }
  }

  // ---- entitlements and consumption records -----------------------------------------------

  @Nested
  class QuantitiesAndDates {
    private Estate.Builder withModel() {
      return estate().add(product("p")).add(LicenseModel.builder("m", "p").build());
    }

    @Test
    void entitlement_quantityRange() {
      assertProblems(
          withModel()
              .add(Entitlement.builder("PO-1", "m").quantity(-1).build())
              .add(Entitlement.builder("PO-2", "m").quantity(Limits.MAX_QUANTITY + 1).build())
              .add(Entitlement.builder("PO-3", "m").quantity(Limits.MAX_QUANTITY).build())
              .add(Entitlement.builder("PO-4", "m").quantity(0).build()),
          p("entitlements[0].quantity", "must not be negative, was -1"),
          p(
              "entitlements[1].quantity",
              "larger than the limit of " + LIMIT + ", was " + OVER_LIMIT));
    }

    @Test
    void entitlement_validUntilBeforeValidFrom() {
      assertProblems(
          withModel()
              .add(
                  Entitlement.builder("PO-1", "m")
                      .validFrom(LocalDate.parse("2026-02-01"))
                      .validUntil(LocalDate.parse("2026-01-31"))
                      .build())
              .add(
                  Entitlement.builder("PO-2", "m")
                      .validFrom(LocalDate.parse("2026-02-01"))
                      .validUntil(LocalDate.parse("2026-02-01"))
                      .build()),
          p("entitlements[0].validUntil", "2026-01-31 is before validFrom 2026-02-01"));
    }

    @Test
    void entitlement_referenceTooLong() {
      assertProblems(
          withModel()
              .add(
                  Entitlement.builder("PO-1", "m")
                      .reference(repeat('r', Limits.MAX_TEXT_LENGTH + 1))
                      .build()),
          p("entitlements[0].reference", "longer than 4096 characters"));
    }

    @Test
    void installation_lastUsedBeforeInstalled() {
      assertProblems(
          withModel()
              .add(desktop("pc"))
              .add(
                  new Installation(
                      "pc",
                      "p",
                      null,
                      null,
                      LocalDate.parse("2026-02-01"),
                      LocalDate.parse("2026-01-31"))),
          p("installations[0].lastUsed", "2026-01-31 is before installed 2026-02-01"));
    }

    @Test
    void usage_untilBeforeFromAndNegativePeak() {
      assertProblems(
          withModel()
              .add(Usage.of("p", -1, LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-01")))
              .add(Usage.of("p", Limits.MAX_QUANTITY + 1, AS_OF, AS_OF)),
          p("usage[0].peakConcurrentUsers", "must not be negative, was -1"),
          p("usage[0].until", "2026-11-01 is before from 2026-11-10"),
          p(
              "usage[1].peakConcurrentUsers",
              "larger than the limit of " + LIMIT + ", was " + OVER_LIMIT));
    }
  }

  // ---- devices and clusters ----------------------------------------------------------------

  @Nested
  class Devices {
    @Test
    void vm_withoutHost() {
      assertProblems(
          estate().add(Device.builder("v", DeviceKind.VM).vcpus(2L).build()),
          p("devices[0].host", "a VM needs a host"));
    }

    @Test
    void host_onAnotherKindThanVm() {
      assertProblems(
          estate()
              .add(server("s"))
              .add(Device.builder("pc", DeviceKind.DESKTOP).host("s").build())
              .add(Device.builder("s2", DeviceKind.SERVER).host("s").build()),
          p("devices[1].host", "only a VM has a host; this device is a desktop"),
          p("devices[2].host", "only a VM has a host; this device is a server"));
    }

    @Test
    void host_notAServer_orItself() {
      assertProblems(
          estate()
              .add(desktop("pc"))
              .add(vm("v1", "pc"))
              .add(vm("v2", "v2"))
              .add(Device.builder("c", DeviceKind.CLOUD).vcpus(4L).build())
              .add(vm("v3", "c")),
          p("devices[1].host", "\"pc\" is a desktop, not a server"),
          p("devices[2].host", "a device cannot host itself"),
          p("devices[4].host", "\"c\" is a cloud, not a server"));
    }

    @Test
    void vcpus_onlyOnVmsAndCloudInstances() {
      assertProblems(
          estate()
              .add(Device.builder("s", DeviceKind.SERVER).processors(1L, 4L).vcpus(8L).build())
              .add(Device.builder("pc", DeviceKind.DESKTOP).vcpus(2L).build())
              .add(Device.builder("c", DeviceKind.CLOUD).vcpus(8L).build()),
          p("devices[0].vcpus", "only a VM or a cloud instance has vCPUs; this device is a server"),
          p(
              "devices[1].vcpus",
              "only a VM or a cloud instance has vCPUs; this device is a desktop"));
    }

    @Test
    void maxProcessors_belowOccupiedProcessors() {
      assertProblems(
          estate()
              .add(
                  Device.builder("s", DeviceKind.SERVER)
                      .processors(2L, 8L)
                      .maxProcessors(1L)
                      .build())
              .add(
                  Device.builder("t", DeviceKind.SERVER)
                      .processors(2L, 8L)
                      .maxProcessors(2L)
                      .build()),
          p(
              "devices[0].maxProcessors",
              "socket capacity 1 is less than the 2 occupied processors"));
    }

    @Test
    void counts_positive() {
      assertProblems(
          estate()
              .add(
                  Device.builder("s", DeviceKind.SERVER)
                      .processors(0L, 0L)
                      .threadsPerCore(0L)
                      .build())
              .add(
                  Device.builder("t", DeviceKind.SERVER)
                      .processors(Limits.MAX_QUANTITY + 1, 1L)
                      .maxProcessors(0L)
                      .build())
              .add(Device.builder("c", DeviceKind.CLOUD).vcpus(-1L).build()),
          p("devices[0].coresPerProcessor", "must be at least 1, was 0"),
          p("devices[0].processors", "must be at least 1, was 0"),
          p("devices[0].threadsPerCore", "must be at least 1, was 0"),
          p("devices[1].maxProcessors", "must be at least 1, was 0"),
          p(
              "devices[1].maxProcessors",
              "socket capacity 0 is less than the " + OVER_LIMIT + " occupied processors"),
          p("devices[1].processors", "larger than the limit of " + LIMIT + ", was " + OVER_LIMIT),
          p("devices[2].vcpus", "must be at least 1, was -1"));
    }

    @Test
    void failoverFor_onAnActiveDevice_orItself() {
      assertProblems(
          estate()
              .add(server("s1"))
              .add(Device.builder("s2", DeviceKind.SERVER).unit("acme").failoverFor("s1").build())
              .add(
                  Device.builder("s3", DeviceKind.SERVER)
                      .role(DeviceRole.ACTIVE)
                      .failoverFor("s1")
                      .build())
              .add(
                  Device.builder("s4", DeviceKind.SERVER)
                      .role(DeviceRole.PASSIVE_FAILOVER)
                      .failoverFor("s4")
                      .build())
              .add(
                  Device.builder("s5", DeviceKind.SERVER)
                      .role(DeviceRole.PASSIVE_FAILOVER)
                      .failoverFor("s1")
                      .build()),
          p(
              "devices[1].failoverFor",
              "only a device with role \"passive-failover\" stands in for another"),
          p(
              "devices[2].failoverFor",
              "only a device with role \"passive-failover\" stands in for another"),
          p("devices[3].failoverFor", "a device cannot fail over for itself"));
    }

    @Test
    void attributes_rangesAndNames() {
      assertProblems(
          estate()
              .add(
                  Device.builder("s", DeviceKind.SERVER)
                      .attribute("gb", new BigDecimal("-1"))
                      .attribute("tb", new BigDecimal("1.1234567"))
                      .attribute("users", new BigDecimal(OVER_LIMIT))
                      .attribute("ok", new BigDecimal("1.123456"))
                      .build())
              .add(Device.builder("t", DeviceKind.SERVER).attribute(" ", BigDecimal.ONE).build()),
          p("devices[0].attributes.gb", "must not be negative, was -1"),
          p("devices[0].attributes.tb", "more than 6 decimal places: 1.1234567"),
          p("devices[0].attributes.users", "larger than the limit of " + LIMIT),
          p("devices[1].attributes", "an attribute name must not be empty"));
    }

    @Test
    void cpu_tooLong() {
      assertProblems(
          estate()
              .add(
                  Device.builder("s", DeviceKind.SERVER)
                      .cpu(repeat('c', Limits.MAX_TEXT_LENGTH + 1))
                      .build()),
          p("devices[0].cpu", "longer than 4096 characters"));
    }
  }

  @Nested
  class Clusters {
    @Test
    void empty() {
      assertProblems(
          estate().add(Cluster.of("c")),
          p("clusters[0].hosts", "a cluster needs at least one host"));
    }

    @Test
    void hostNotAServer() {
      assertProblems(
          estate().add(server("s")).add(vm("v", "s")).add(Cluster.of("c", "s", "v")),
          p("clusters[0].hosts[1]", "\"v\" is a vm, not a server"));
    }

    @Test
    void hostInTwoClusters_orTwiceInOne() {
      assertProblems(
          estate()
              .add(server("s1"))
              .add(server("s2"))
              .add(Cluster.of("c1", "s1", "s2", "s1"))
              .add(Cluster.of("c2", "s2")),
          p("clusters[0].hosts[2]", "duplicate host \"s1\""),
          p("clusters[1].hosts[0]", "\"s2\" is already a host of cluster \"c1\""));
    }
  }

  // ---- access, allocations, exemptions -----------------------------------------------------

  @Nested
  class UserOrDevice {
    private Estate.Builder base() {
      return estate()
          .add(product("p"))
          .add(LicenseModel.builder("m", "p").build())
          .add(Entitlement.builder("PO-1", "m").quantity(1).build())
          .add(User.of("u", "acme"))
          .add(desktop("pc"));
    }

    @Test
    void access_neitherOrBoth() {
      assertProblems(
          base().add(new Access("p", null, null)).add(new Access("p", "u", "pc")),
          p("access[0]", "needs a \"user\" or a \"device\""),
          p("access[1]", "gives both \"user\" and \"device\"; give one"));
    }

    @Test
    void allocations_neitherOrBoth() {
      assertProblems(
          base()
              .add(new PinnedAllocation("PO-1", null, null))
              .add(new PinnedAllocation("PO-1", "pc", "u")),
          p("allocations[0]", "needs a \"user\" or a \"device\""),
          p("allocations[1]", "gives both \"user\" and \"device\"; give one"));
    }

    @Test
    void exemptions_neitherOrBoth() {
      assertProblems(
          base()
              .add(new Exemption(null, null, "p", "lab"))
              .add(new Exemption("pc", "u", "p", "lab")),
          p("exemptions[0]", "needs a \"user\" or a \"device\""),
          p("exemptions[1]", "gives both \"user\" and \"device\"; give one"));
    }

    @Test
    void exemption_withoutReason() {
      assertProblems(
          base()
              .add(Exemption.ofDevice("pc", "p", ""))
              .add(Exemption.ofUser("u", "p", " "))
              .add(Exemption.ofUser("u", "p", repeat('r', Limits.MAX_TEXT_LENGTH + 1))),
          p("exemptions[0].reason", "must not be empty: say why the consumption is exempt"),
          p("exemptions[1].reason", "must not be empty: say why the consumption is exempt"),
          p("exemptions[2].reason", "longer than 4096 characters"));
    }
  }

  // ---- the CPU rule ------------------------------------------------------------------------

  /**
   * A device counted by a core-factor or PVU table whose CPU no row matches, in a table without a
   * default, is an error at {@code devices[i].cpu} naming the device and the CPU string.
   */
  @Nested
  class CpuRule {
    private static final String UNKNOWN = "Acme Quantum 9000";
    private final Metric oracleCores = Metric.builder(MetricType.CORE).coreFactors(ORACLE).build();

    private String noRow(String table, String cpu, String model, String device) {
      return "no row of the "
          + table
          + " matches CPU \""
          + cpu
          + "\", and the table has no default (licence model "
          + model
          + " counts device "
          + device
          + ")";
    }

    private Estate.Builder db(Metric metric, Virtualization v) {
      return estate()
          .add(product("db"))
          .add(LicenseModel.builder("ee", "db").metric(metric).virtualization(v).build());
    }

    @Test
    void server_unknownCpu() {
      assertProblems(
          db(oracleCores, null)
              .add(server("s1", UNKNOWN))
              .add(Installation.of("s1", "db"))
              .add(Installation.of("s1", "db", null)),
          p("devices[0].cpu", noRow("core-factor table \"oracle\"", UNKNOWN, "ee", "s1")));
    }

    @Test
    void server_noCpu() {
      assertProblems(
          db(oracleCores, null).add(server("s1")).add(Installation.of("s1", "db")),
          p(
              "devices[0].cpu",
              "no CPU model given, which the core-factor table \"oracle\" needs, and the table has"
                  + " no default (licence model ee counts device s1)"));
    }

    @Test
    void server_knownCpu_valid() {
      assertValid(
          db(oracleCores, null)
              .add(server("s1", "Intel(R) Xeon(R) CPU E5-2690 v4 @ 2.60GHz"))
              .add(Installation.of("s1", "db")));
    }

    @Test
    void server_withoutInstallation_notChecked() {
      assertValid(db(oracleCores, null).add(server("s1", UNKNOWN)));
    }

    @Test
    void vmHost_physicalMode() {
      assertProblems(
          db(oracleCores, Virtualization.PHYSICAL)
              .add(server("s1", UNKNOWN))
              .add(vm("v1", "s1"))
              .add(Installation.of("v1", "db")),
          p("devices[0].cpu", noRow("core-factor table \"oracle\"", UNKNOWN, "ee", "s1")));
    }

    @Test
    void vmHost_hostPerVmSetMode() {
      assertProblems(
          db(oracleCores, Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2))
              .add(server("s1", UNKNOWN))
              .add(vm("v1", "s1"))
              .add(Installation.of("v1", "db")),
          p("devices[0].cpu", noRow("core-factor table \"oracle\"", UNKNOWN, "ee", "s1")));
    }

    @Test
    void clusterMode_everyHostOfTheCluster() {
      Estate.Builder estate =
          db(oracleCores, Virtualization.of(VirtualizationMode.CLUSTER))
              .add(server("s1", "Intel Xeon Gold 6338"))
              .add(server("s2", UNKNOWN))
              .add(server("s3"))
              .add(Cluster.of("vc", "s1", "s2", "s3"))
              .add(vm("v1", "s1"))
              .add(Installation.of("v1", "db"));
      assertProblems(
          estate,
          p("devices[1].cpu", noRow("core-factor table \"oracle\"", UNKNOWN, "ee", "s2")),
          p(
              "devices[2].cpu",
              "no CPU model given, which the core-factor table \"oracle\" needs, and the table has"
                  + " no default (licence model ee counts device s3)"));
    }

    @Test
    void physicalMode_onlyTheHostOfTheVm() {
      assertValid(
          db(oracleCores, Virtualization.PHYSICAL)
              .add(server("s1", "Intel Xeon Gold 6338"))
              .add(server("s2", UNKNOWN))
              .add(Cluster.of("vc", "s1", "s2"))
              .add(vm("v1", "s1"))
              .add(Installation.of("v1", "db")));
    }

    @Test
    void perVmUnderACoreTable_vmCountedByItself_noError() {
      assertValid(
          db(oracleCores, Virtualization.of(VirtualizationMode.PER_VM))
              .add(server("s1", UNKNOWN))
              .add(vm("v1", "s1"))
              .add(Installation.of("v1", "db")));
      assertValid(
          db(oracleCores, Virtualization.of(VirtualizationMode.PER_VM).withCapAtHost(true))
              .add(server("s1", UNKNOWN))
              .add(vm("v1", "s1"))
              .add(Installation.of("v1", "db")));
    }

    @Test
    void tableWithDefault_noError() {
      FactorTable withDefault =
          FactorTable.of(Map.of("Xeon", new BigDecimal("0.5")), BigDecimal.ONE);
      assertValid(
          db(
                  Metric.builder(MetricType.CORE)
                      .coreFactors(FactorTableRef.inline(withDefault))
                      .build(),
                  null)
              .add(server("s1", UNKNOWN))
              .add(server("s2"))
              .add(Installation.of("s1", "db"))
              .add(Installation.of("s2", "db")));
      assertValid(
          db(Metric.builder(MetricType.PVU).pvuTable(FactorTableRef.builtIn("ibm")).build(), null)
              .add(server("s1", UNKNOWN))
              .add(server("s2"))
              .add(Installation.of("s1", "db"))
              .add(Installation.of("s2", "db")));
    }

    @Test
    void inlineTableWithoutDefault() {
      FactorTable noDefault = FactorTable.of(Map.of("Xeon", new BigDecimal("0.5")), null);
      assertProblems(
          db(
                  Metric.builder(MetricType.CORE)
                      .coreFactors(FactorTableRef.inline(noDefault))
                      .build(),
                  null)
              .add(server("s1", "Intel Xeon Gold 6338"))
              .add(server("s2", UNKNOWN))
              .add(Installation.of("s1", "db"))
              .add(Installation.of("s2", "db")),
          p("devices[1].cpu", noRow("inline table", UNKNOWN, "ee", "s2")));
    }

    @Test
    void pvuPerVm_pricesTheHostAndCloudInstances() {
      FactorTable noDefault = FactorTable.of(Map.of("POWER9", new BigDecimal("70")), null);
      assertProblems(
          db(
                  Metric.builder(MetricType.PVU).pvuTable(FactorTableRef.inline(noDefault)).build(),
                  Virtualization.of(VirtualizationMode.PER_VM))
              .add(server("s1", UNKNOWN))
              .add(vm("v1", "s1"))
              .add(
                  Device.builder("c1", DeviceKind.CLOUD)
                      .unit("acme")
                      .vcpus(4L)
                      .cpu(UNKNOWN)
                      .build())
              .add(Installation.of("v1", "db"))
              .add(Installation.of("c1", "db")),
          p("devices[0].cpu", noRow("inline table", UNKNOWN, "ee", "s1")),
          p("devices[2].cpu", noRow("inline table", UNKNOWN, "ee", "c1")));
    }

    @Test
    void namedUserPlusMinimum_countsTheServerProcessors() {
      assertProblems(
          db(
                  Metric.builder(MetricType.USER)
                      .userMinimumPerProcessor(25)
                      .coreFactors(ORACLE)
                      .build(),
                  null)
              .add(server("s1", UNKNOWN))
              .add(Installation.of("s1", "db")),
          p("devices[0].cpu", noRow("core-factor table \"oracle\"", UNKNOWN, "ee", "s1")));
    }

    @Test
    void suiteModel_countsItsComponents() {
      assertProblems(
          estate()
              .add(product("db"))
              .add(Product.builder("stack").components("db").build())
              .add(LicenseModel.builder("ee", "stack").metric(oracleCores).build())
              .add(server("s1", UNKNOWN))
              .add(Installation.of("s1", "db")),
          p("devices[0].cpu", noRow("core-factor table \"oracle\"", UNKNOWN, "ee", "s1")));
    }

    @Test
    void eachModelReportedOncePerDevice() {
      assertProblems(
          estate()
              .add(product("db"))
              .add(LicenseModel.builder("ee", "db").metric(oracleCores).build())
              .add(LicenseModel.builder("ee2", "db").metric(oracleCores).build())
              .add(server("s1", UNKNOWN))
              .add(vm("v1", "s1"))
              .add(Installation.of("s1", "db"))
              .add(Installation.of("v1", "db")),
          p("devices[0].cpu", noRow("core-factor table \"oracle\"", UNKNOWN, "ee", "s1")),
          p("devices[0].cpu", noRow("core-factor table \"oracle\"", UNKNOWN, "ee2", "s1")));
    }
  }

  // ---- order and the exception -------------------------------------------------------------

  @Nested
  class Order {
    @Test
    void problems_sortedByPathWithNumericIndexes() {
      Estate.Builder estate = estate();
      for (int i = 0; i <= 10; i++) {
        Device.Builder device = Device.builder("d" + i, DeviceKind.DESKTOP);
        if (i == 2 || i == 9 || i == 10) {
          device.processors(0L);
        }
        estate.add(device.build());
      }
      estate.add(new OrganizationUnit("x", "nowhere"));
      List<Problem> expected =
          List.of(
              p("devices[2].processors", "must be at least 1, was 0"),
              p("devices[9].processors", "must be at least 1, was 0"),
              p("devices[10].processors", "must be at least 1, was 0"),
              p("organization[1].parent", "unknown organisation unit \"nowhere\""));
      assertEquals(expected, estate.problems());
      ValidationException e = assertThrows(ValidationException.class, estate::build);
      assertEquals(expected, e.problems());
      String nl = System.lineSeparator();
      assertEquals(
          "4 problems:"
              + nl
              + "  devices[2].processors: must be at least 1, was 0"
              + nl
              + "  devices[9].processors: must be at least 1, was 0"
              + nl
              + "  devices[10].processors: must be at least 1, was 0"
              + nl
              + "  organization[1].parent: unknown organisation unit \"nowhere\"",
          e.getMessage());
    }

    @Test
    void exception_oneProblem() {
      ValidationException e =
          assertThrows(ValidationException.class, () -> estate().format(0).build());
      assertEquals(
          "1 problem:"
              + System.lineSeparator()
              + "  format: unsupported format 0; this version"
              + " reads format 1",
          e.getMessage());
    }

    @Test
    void exception_needsAProblem() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new ValidationException(List.of()));
      assertEquals("problems: must not be empty", e.getMessage());
    }

    @Test
    void exception_sortsWhatItIsGiven() {
      ValidationException e =
          new ValidationException(
              List.of(p("devices[10].id", "b"), p("", "whole"), p("devices[9].id", "a")));
      assertEquals(
          List.of(p("", "whole"), p("devices[9].id", "a"), p("devices[10].id", "b")), e.problems());
    }
  }

  // ---- many rules at once ------------------------------------------------------------------

  @Test
  void manyRulesAtOnce_everyProblemReported() {
    Estate.Builder estate =
        Estate.builder(AS_OF)
            .format(3)
            .currency("EURO")
            .unit("acme")
            .unit("de", "nowhere")
            .unit("acme")
            .add(versioned())
            .add(Product.builder("suite").components("p", "ghost").build())
            .add(
                LicenseModel.builder("m", "p")
                    .edition("Pro")
                    .metric(Metric.builder(MetricType.DEVICE).minimumPerProcessor(2).build())
                    .virtualization(Virtualization.of(VirtualizationMode.PER_VM))
                    .build())
            .add(
                LicenseModel.builder("ee", "p")
                    .metric(Metric.builder(MetricType.CORE).coreFactors(ORACLE).packSize(0).build())
                    .build())
            .add(Entitlement.builder("PO-1", "m").quantity(-5).scope("nowhere").build())
            .add(Entitlement.builder("PO-1", "ee").quantity(1).build())
            .add(server("s1", "Acme Quantum 9000"))
            .add(Device.builder("v1", DeviceKind.VM).vcpus(2L).build())
            .add(Device.builder("pc", DeviceKind.DESKTOP).primaryUser("nobody").build())
            .add(Cluster.of("c", "pc"))
            .add(User.of("", null))
            .add(Installation.of("s1", "p", "2025"))
            .add(new Access("p", null, null))
            .add(Usage.of("p", 1, AS_OF, AS_OF.minusDays(1)))
            .add(PinnedAllocation.toUser("PO-9", "nobody"))
            .add(Exemption.ofDevice("pc", "p", ""));
    assertProblems(
        estate,
        p("access[0]", "needs a \"user\" or a \"device\""),
        p("allocations[0].entitlement", "unknown entitlement \"PO-9\""),
        p("allocations[0].user", "unknown user \"nobody\""),
        p("clusters[0].hosts[0]", "\"pc\" is a desktop, not a server"),
        p("currency", "not an ISO 4217 currency code: \"EURO\""),
        p(
            "devices[0].cpu",
            "no row of the core-factor table \"oracle\" matches CPU \"Acme Quantum 9000\", and the"
                + " table has no default (licence model ee counts device s1)"),
        p("devices[1].host", "a VM needs a host"),
        p("devices[2].primaryUser", "unknown user \"nobody\""),
        p("entitlements[0].quantity", "must not be negative, was -5"),
        p("entitlements[0].scope", "unknown organisation unit \"nowhere\""),
        p("entitlements[1].id", "duplicate id \"PO-1\" (first at entitlements[0])"),
        p("exemptions[0].reason", "must not be empty: say why the consumption is exempt"),
        p("format", "unsupported format 3; this version reads format 1"),
        p(
            "installations[0].version",
            "version \"2025\" is not declared by product \"p\" (versions: 2019, 2022)"),
        p(
            "licenseModels[0].edition",
            "edition \"Pro\" is not declared by product \"p\" (editions: Std, Ent)"),
        p(
            "licenseModels[0].metric.minimumPerProcessor",
            "not a parameter of metric \"device\" (ignored)"),
        p(
            "licenseModels[0].virtualization",
            "only hardware metrics (processor, core, pvu) and user metrics with a per-processor or"
                + " per-server minimum count virtual machines; metric is \"device\""),
        p("licenseModels[1].metric.packSize", "must be at least 1, was 0"),
        p("organization[1].parent", "unknown organisation unit \"nowhere\""),
        p("organization[2].id", "duplicate id \"acme\" (first at organization[0])"),
        p("products[1].components[1]", "unknown product \"ghost\""),
        p("usage[0].until", "2026-11-26 is before from 2026-11-27"),
        p("users[0].id", "must not be empty"));
  }
}
