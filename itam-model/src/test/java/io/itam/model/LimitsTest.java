package io.itam.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.itam.model.catalog.Product;
import io.itam.model.columnar.ColumnarParity;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.FactorTable;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every limit of {@link Limits}, everywhere it applies, both ways: a value at the limit is valid,
 * one past it is exactly one problem at its path. Also: the derived limit on a server's cores,
 * limits found whatever the order of the lists, and overflow that throws instead of wrapping.
 */
class LimitsTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");
  private static final long MAX = Limits.MAX_QUANTITY;
  private static final BigDecimal MAX_DECIMAL = BigDecimal.valueOf(MAX);
  private static final BigDecimal ONE_MILLIONTH = new BigDecimal("0.000001");

  /** An estate in EUR with root unit {@code acme} and product {@code p}. */
  private static Estate.Builder estate() {
    return Estate.builder(AS_OF)
        .currency("EUR")
        .unit("acme")
        .add(Product.builder("p").publisher("Test").name("p").build());
  }

  private static Estate.Builder withModel(Metric metric) {
    return estate().add(LicenseModel.builder("m", "p").metric(metric).build());
  }

  private static Estate.Builder withModel(Metric metric, Virtualization virtualization) {
    return estate()
        .add(LicenseModel.builder("m", "p").metric(metric).virtualization(virtualization).build());
  }

  private static Estate.Builder withDevice(Device.Builder device) {
    return estate().add(device.build());
  }

  private static Device.Builder server() {
    return Device.builder("s", DeviceKind.SERVER).unit("acme");
  }

  private static Problem p(String path, String message) {
    return Problem.at(path, message);
  }

  /** Asserts that {@code estate} builds, and so do the same records as a columnar estate. */
  private static void assertValid(Estate.Builder estate) {
    assertEquals(List.of(), estate.problems());
    assertDoesNotThrow(() -> estate.build());
    ColumnarParity.assertSameProblems(estate.unvalidated(), ValidationContext.IN_CODE, List.of());
  }

  /** Asserts that {@code estate} has exactly {@code expected}, and so has its columnar form. */
  private static void assertProblems(Estate.Builder estate, Problem... expected) {
    assertEquals(List.of(expected), estate.problems());
    ValidationException e = assertThrows(ValidationException.class, estate::build);
    assertEquals(List.of(expected), e.problems());
    ColumnarParity.assertSameProblems(
        estate.unvalidated(), ValidationContext.IN_CODE, List.of(expected));
  }

  /**
   * A field with a limit.
   *
   * @param path where a value past the limit is reported
   * @param estate an estate whose only questionable value is {@code value} in this field
   */
  private record Field<T>(String path, Function<T, Estate.Builder> estate) {
    @Override
    public String toString() {
      return path;
    }
  }

  private static Field<Long> count(String path, LongFunction<Estate.Builder> estate) {
    return new Field<>(path, estate::apply);
  }

  // ---- MAX_QUANTITY --------------------------------------------------------------------------

  static Stream<Field<Long>> counts() {
    Metric core = Metric.of(MetricType.CORE);
    return Stream.of(
        count(
            "entitlements[0].quantity",
            v ->
                withModel(Metric.of(MetricType.DEVICE))
                    .add(Entitlement.builder("E", "m").quantity(v).build())),
        count("usage[0].peakConcurrentUsers", v -> estate().add(Usage.of("p", v, AS_OF, AS_OF))),
        count("devices[0].processors", v -> withDevice(server().processors(v, 1L))),
        count("devices[0].coresPerProcessor", v -> withDevice(server().processors(1L, v))),
        count(
            "devices[0].threadsPerCore",
            v -> withDevice(server().processors(1L, 1L).threadsPerCore(v))),
        count(
            "devices[0].maxProcessors",
            v -> withDevice(server().processors(1L, 1L).maxProcessors(v))),
        count("devices[0].vcpus", v -> withDevice(Device.builder("c", DeviceKind.CLOUD).vcpus(v))),
        count(
            "licenseModels[0].metric.packSize",
            v -> withModel(Metric.builder(MetricType.DEVICE).packSize(v).build())),
        count(
            "licenseModels[0].metric.minimumPerProcessor",
            v -> withModel(Metric.builder(MetricType.CORE).minimumPerProcessor(v).build())),
        count(
            "licenseModels[0].metric.minimumPerDevice",
            v -> withModel(Metric.builder(MetricType.CORE).minimumPerDevice(v).build())),
        count(
            "licenseModels[0].metric.userMinimumPerProcessor",
            v -> withModel(Metric.builder(MetricType.USER).userMinimumPerProcessor(v).build())),
        count(
            "licenseModels[0].metric.processorsPerUnit",
            v -> withModel(Metric.builder(MetricType.PROCESSOR).processorsPerUnit(v).build())),
        count(
            "licenseModels[0].metric.maximumSockets",
            v -> withModel(Metric.builder(MetricType.CORE).maximumSockets(v).build())),
        count(
            "licenseModels[0].metric.maximumVcpus",
            v -> withModel(Metric.builder(MetricType.CORE).maximumVcpus(v).build())),
        count(
            "licenseModels[0].virtualization.minimumPerVm",
            v -> withModel(core, Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(v))),
        count(
            "licenseModels[0].virtualization.threadsPerCore",
            v ->
                withModel(
                    core, Virtualization.of(VirtualizationMode.PER_VM).withThreadsPerCore(v))),
        count(
            "licenseModels[0].virtualization.vmsPerSet",
            v ->
                withModel(
                    core, Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(v))),
        count(
            "licenseModels[0].virtualization.vcpusPerProcessor",
            v ->
                withModel(
                    Metric.of(MetricType.PROCESSOR),
                    Virtualization.of(VirtualizationMode.PER_VM).withVcpusPerProcessor(v))),
        count(
            "licenseModels[0].rights.failoverDevices",
            v ->
                estate()
                    .add(
                        LicenseModel.builder("m", "p")
                            .metric(core)
                            .rights(Rights.NONE.withFailover(v))
                            .build())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("counts")
  void count_atTheLimit_isValid(Field<Long> field) {
    assertValid(field.estate().apply(MAX));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("counts")
  void count_pastTheLimit_isOneProblem(Field<Long> field) {
    assertProblems(
        field.estate().apply(MAX + 1),
        p(field.path(), "larger than the limit of " + MAX + ", was " + (MAX + 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("counts")
  void count_atLongsEnd_isOneProblem(Field<Long> field) {
    assertProblems(
        field.estate().apply(Long.MAX_VALUE),
        p(field.path(), "larger than the limit of " + MAX + ", was " + Long.MAX_VALUE));
  }

  // ---- decimals: MAX_QUANTITY and MAX_DECIMAL_PLACES ---------------------------------------

  static Stream<Field<BigDecimal>> decimals() {
    return Stream.of(
        new Field<BigDecimal>(
            "entitlements[0].unitPrice",
            v ->
                withModel(Metric.of(MetricType.DEVICE))
                    .add(Entitlement.builder("E", "m").unitPrice(Money.of(v, "EUR")).build())),
        new Field<BigDecimal>(
            "licenseModels[0].unitPrice",
            v ->
                estate()
                    .add(
                        LicenseModel.builder("m", "p")
                            .metric(MetricType.DEVICE)
                            .unitPrice(Money.of(v, "EUR"))
                            .build())),
        new Field<BigDecimal>(
            "licenseModels[0].metric.coreFactors.Xeon",
            v -> withModel(factors(MetricType.CORE, FactorTable.of(Map.of("Xeon", v), null)))),
        new Field<BigDecimal>(
            "licenseModels[0].metric.coreFactors.default",
            v -> withModel(factors(MetricType.CORE, FactorTable.of(Map.of(), v)))),
        new Field<BigDecimal>(
            "licenseModels[0].metric.pvuTable.POWER",
            v -> withModel(factors(MetricType.PVU, FactorTable.of(Map.of("POWER", v), null)))),
        new Field<BigDecimal>(
            "devices[0].attributes.tb", v -> withDevice(server().attribute("tb", v))));
  }

  private static Metric factors(MetricType type, FactorTable table) {
    FactorTableRef ref = FactorTableRef.inline(table);
    return type == MetricType.PVU
        ? Metric.builder(type).pvuTable(ref).build()
        : Metric.builder(type).coreFactors(ref).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decimals")
  void decimal_atTheLimitWithSixPlaces_isValid(Field<BigDecimal> field) {
    assertValid(field.estate().apply(MAX_DECIMAL));
    assertValid(field.estate().apply(new BigDecimal("0.000001")));
    assertValid(
        field.estate().apply(new BigDecimal("999999999999.999999").subtract(BigDecimal.ONE)));
    assertValid(field.estate().apply(new BigDecimal("1.5000000000"))); // trailing zeros
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decimals")
  void decimal_pastTheLimit_isOneProblem(Field<BigDecimal> field) {
    assertProblems(
        field.estate().apply(MAX_DECIMAL.add(ONE_MILLIONTH)),
        p(field.path(), "larger than the limit of " + MAX));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decimals")
  void decimal_withSevenPlaces_isOneProblem(Field<BigDecimal> field) {
    assertProblems(
        field.estate().apply(new BigDecimal("0.0000015")),
        p(field.path(), "more than 6 decimal places: 0.0000015"));
  }

  // ---- MAX_TEXT_LENGTH -----------------------------------------------------------------------

  static Stream<Field<String>> texts() {
    return Stream.of(
        new Field<String>(
            "products[1].publisher",
            t -> estate().add(Product.builder("q").publisher(t).name("q").build())),
        new Field<String>(
            "products[1].name",
            t -> estate().add(Product.builder("q").publisher("Test").name(t).build())),
        new Field<String>(
            "products[1].editions[0]", t -> estate().add(Product.builder("q").editions(t).build())),
        new Field<String>(
            "products[1].versions[0].name",
            t -> estate().add(Product.builder("q").version(t).build())),
        new Field<String>(
            "licenseModels[0].title",
            t ->
                estate()
                    .add(
                        LicenseModel.builder("m", "p").metric(MetricType.DEVICE).title(t).build())),
        new Field<String>(
            "licenseModels[0].rules[0]",
            t ->
                estate()
                    .add(
                        LicenseModel.builder("m", "p").metric(MetricType.DEVICE).rules(t).build())),
        new Field<String>(
            "licenseModels[0].metric.capacityAttribute",
            t -> withModel(Metric.builder(MetricType.CAPACITY).capacityAttribute(t).build())),
        new Field<String>(
            "entitlements[0].reference",
            t ->
                withModel(Metric.of(MetricType.DEVICE))
                    .add(Entitlement.builder("E", "m").reference(t).build())),
        new Field<String>("devices[0].cpu", t -> withDevice(server().cpu(t))),
        new Field<String>(
            "exemptions[0].reason",
            t -> estate().add(new User("u", null, true)).add(Exemption.ofUser("u", "p", t))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void text_atTheLimit_isValid(Field<String> field) {
    assertValid(field.estate().apply("t".repeat(Limits.MAX_TEXT_LENGTH)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void text_pastTheLimit_isOneProblem(Field<String> field) {
    assertProblems(
        field.estate().apply("t".repeat(Limits.MAX_TEXT_LENGTH + 1)),
        p(field.path(), "longer than " + Limits.MAX_TEXT_LENGTH + " characters"));
  }

  /** Names that are also paths: shown cut in the path of their problem. */
  @Test
  void text_pastTheLimitAsAName_isOneProblemAtItsCutPath() {
    String name = "n".repeat(Limits.MAX_TEXT_LENGTH + 1);
    String shown = "n".repeat(61) + "…";
    assertValid(withDevice(server().attribute("n".repeat(Limits.MAX_TEXT_LENGTH), BigDecimal.ONE)));
    assertProblems(
        withDevice(server().attribute(name, BigDecimal.ONE)),
        p("devices[0].attributes." + shown, "longer than 4096 characters"));
    assertValid(
        withModel(
            factors(
                MetricType.CORE, FactorTable.of(Map.of("n".repeat(4096), BigDecimal.ONE), null))));
    assertProblems(
        withModel(factors(MetricType.CORE, FactorTable.of(Map.of(name, BigDecimal.ONE), null))),
        p("licenseModels[0].metric.coreFactors." + shown, "longer than 4096 characters"));
  }

  // ---- MAX_ID_LENGTH -------------------------------------------------------------------------

  static Stream<Field<String>> ids() {
    return Stream.of(
        new Field<String>("organization[1].id", id -> estate().add(new OrganizationUnit(id, null))),
        new Field<String>(
            "products[1].id",
            id -> estate().add(Product.builder(id).publisher("Test").name("q").build())),
        new Field<String>(
            "licenseModels[0].id",
            id -> estate().add(LicenseModel.builder(id, "p").metric(MetricType.DEVICE).build())),
        new Field<String>(
            "entitlements[0].id",
            id ->
                withModel(Metric.of(MetricType.DEVICE))
                    .add(Entitlement.builder(id, "m").quantity(1).build())),
        new Field<String>(
            "clusters[0].id",
            id -> withDevice(server().processors(1L, 1L)).add(Cluster.of(id, "s"))),
        new Field<String>(
            "devices[0].id", id -> withDevice(Device.builder(id, DeviceKind.DESKTOP).unit("acme"))),
        new Field<String>("users[0].id", id -> estate().add(new User(id, "acme", true))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void id_atTheLimit_isValid(Field<String> field) {
    assertValid(field.estate().apply("i".repeat(Limits.MAX_ID_LENGTH)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void id_pastTheLimit_isOneProblem(Field<String> field) {
    assertProblems(
        field.estate().apply("i".repeat(Limits.MAX_ID_LENGTH + 1)),
        p(field.path(), "longer than " + Limits.MAX_ID_LENGTH + " characters"));
  }

  /** A reference longer than any id names nothing; the message shows it cut. */
  @Test
  void reference_pastTheIdLimit_isUnknownAndShownCut() {
    String unit = "u".repeat(Limits.MAX_ID_LENGTH + 1);
    assertProblems(
        estate().add(new User("x", unit, true)),
        p("users[0].unit", "unknown organisation unit \"" + "u".repeat(61) + "…\""));
  }

  // ---- MAX_ORGANIZATION_DEPTH ----------------------------------------------------------------

  /** A chain of {@code levels} units, {@code u1} the root, listed root first or deepest first. */
  private static Estate.Builder organisation(int levels, boolean deepestFirst) {
    List<OrganizationUnit> units = new ArrayList<>();
    units.add(OrganizationUnit.root("u1"));
    for (int level = 2; level <= levels; level++) {
      units.add(OrganizationUnit.of("u" + level, "u" + (level - 1)));
    }
    if (deepestFirst) {
      Collections.reverse(units);
    }
    Estate.Builder estate = Estate.builder(AS_OF);
    units.forEach(estate::add);
    return estate;
  }

  @Test
  void organisation_atTheLimit_isValidInEitherOrder() {
    assertValid(organisation(Limits.MAX_ORGANIZATION_DEPTH, false));
    assertValid(organisation(Limits.MAX_ORGANIZATION_DEPTH, true));
  }

  @Test
  void organisation_oneLevelPastTheLimit_isOneProblemInEitherOrder() {
    int levels = Limits.MAX_ORGANIZATION_DEPTH + 1;
    assertProblems(
        organisation(levels, false),
        p("organization[64].parent", "organisation deeper than 64 levels"));
    assertProblems(
        organisation(levels, true),
        p("organization[0].parent", "organisation deeper than 64 levels"));
  }

  @Test
  void organisation_farPastTheLimit_isOneProblemWhereItFirstGoesTooDeep() {
    assertProblems(
        organisation(20_000, false),
        p("organization[64].parent", "organisation deeper than 64 levels"));
    assertProblems(
        organisation(20_000, true),
        p("organization[19935].parent", "organisation deeper than 64 levels"));
  }

  /** Two branches too deep: one problem each. */
  @Test
  void organisation_twoBranchesTooDeep_oneProblemEach() {
    Estate.Builder estate = organisation(Limits.MAX_ORGANIZATION_DEPTH, false);
    estate.unit("a", "u64").unit("b", "u64").unit("a2", "a");
    assertProblems(
        estate,
        p("organization[64].parent", "organisation deeper than 64 levels"),
        p("organization[65].parent", "organisation deeper than 64 levels"));
  }

  /** A cycle longer than the depth limit is a cycle, reported once, not units too deep. */
  @Test
  void organisation_cycleLongerThanTheLimit_isOneCycle() {
    Estate.Builder estate = Estate.builder(AS_OF);
    for (int i = 0; i < 100; i++) {
      estate.unit("u" + i, "u" + ((i + 1) % 100));
    }
    estate.unit("below", "u50");
    assertProblems(
        estate,
        p(
            "organization[0].parent",
            "cycle in the organisation: u0 → u1 → u2 → u3 → … → u99 → u0 (100 in the cycle)"));
  }

  @Test
  void organisation_cycleFoundFromBelow_isReportedAtItsFirstUnit() {
    assertProblems(
        Estate.builder(AS_OF).unit("tail", "b").unit("a", "b").unit("b", "a"),
        p("organization[1].parent", "cycle in the organisation: a → b → a"));
  }

  // ---- MAX_SUITE_DEPTH -----------------------------------------------------------------------

  /** Suites s1 ⊃ s2 ⊃ … nested {@code levels} deep, listed outermost first or innermost first. */
  private static Estate.Builder suites(int levels, boolean innermostFirst) {
    List<Product> products = new ArrayList<>();
    for (int level = 1; level < levels; level++) {
      products.add(Product.builder("s" + level).components("s" + (level + 1)).build());
    }
    products.add(Product.builder("s" + levels).build());
    if (innermostFirst) {
      Collections.reverse(products);
    }
    Estate.Builder estate = Estate.builder(AS_OF);
    products.forEach(estate::add);
    return estate;
  }

  @Test
  void suites_atTheLimit_areValidInEitherOrder() {
    assertValid(suites(Limits.MAX_SUITE_DEPTH, false));
    assertValid(suites(Limits.MAX_SUITE_DEPTH, true));
  }

  @Test
  void suites_oneLevelPastTheLimit_areOneProblemAtTheOutermostInEitherOrder() {
    int levels = Limits.MAX_SUITE_DEPTH + 1;
    assertProblems(
        suites(levels, false), p("products[0].components", "suites nested deeper than 16 levels"));
    assertProblems(
        suites(levels, true), p("products[16].components", "suites nested deeper than 16 levels"));
  }

  /** 20 000 levels: one problem, no stack overflow, no quadratic search. */
  @Test
  void suites_farPastTheLimit_areOneProblem() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          assertProblems(
              suites(20_000, false),
              p("products[0].components", "suites nested deeper than 16 levels"));
          assertProblems(
              suites(20_000, true),
              p("products[19999].components", "suites nested deeper than 16 levels"));
        });
  }

  @Test
  void suites_longCycle_isOneCycle() {
    Estate.Builder estate = Estate.builder(AS_OF);
    for (int i = 0; i < 20_000; i++) {
      estate.add(Product.builder("s" + i).components("s" + ((i + 1) % 20_000)).build());
    }
    assertProblems(
        estate,
        p(
            "products[0].components",
            "cycle of suites: s0 → s1 → s2 → s3 → … → s19999 → s0 (20000 in the cycle)"));
  }

  // ---- MAX_WINDOW_DAYS -----------------------------------------------------------------------

  private static Estate.Builder window(long days) {
    return withModel(Metric.builder(MetricType.CONCURRENT_USER).windowDays(days).build());
  }

  @Test
  void windowDays_atBothEnds_isValid() {
    assertValid(window(1));
    assertValid(window(Limits.MAX_WINDOW_DAYS));
  }

  @Test
  void windowDays_pastBothEnds_isOneProblem() {
    assertProblems(
        window(0), p("licenseModels[0].metric.windowDays", "must be between 1 and 3660, was 0"));
    assertProblems(
        window(Limits.MAX_WINDOW_DAYS + 1),
        p("licenseModels[0].metric.windowDays", "must be between 1 and 3660, was 3661"));
  }

  // ---- derived: a server's cores, and overflow ----------------------------------------------

  @Test
  void serverCores_atTheLimit_isValid() {
    assertValid(withDevice(server().processors(1_000_000L, 1_000_000L)));
    assertValid(withDevice(server().processors(1L, 1_000_000L).maxProcessors(1_000_000L)));
  }

  @Test
  void serverCores_pastTheLimit_isOneProblem() {
    assertProblems(
        withDevice(server().processors(1_000_000L, 1_000_001L)),
        p(
            "devices[0].coresPerProcessor",
            "1000000 processors × 1000001 cores is more cores than the limit of 1000000000000"));
    assertProblems(
        withDevice(server().processors(1L, 1_000_001L).maxProcessors(1_000_000L)),
        p(
            "devices[0].coresPerProcessor",
            "1000000 processors × 1000001 cores is more cores than the limit of 1000000000000"));
    assertProblems(
        withDevice(server().processors(MAX, MAX)),
        p(
            "devices[0].coresPerProcessor",
            "1000000000000 processors × 1000000000000 cores is more cores than the limit of"
                + " 1000000000000"));
  }

  /** Arithmetic past a {@code long} throws instead of wrapping. */
  @Test
  void physicalCores_pastALong_throwsInsteadOfWrapping() {
    Device device = server().processors(MAX, MAX).build(); // not validated: built alone
    assertThrows(ArithmeticException.class, device::physicalCores);
    assertEquals(MAX, server().processors(1_000_000L, 1_000_000L).build().physicalCores());
  }
}
