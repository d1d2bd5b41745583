package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.itam.model.Estate;
import io.itam.model.Limits;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import io.itam.model.position.Position;
import io.itam.model.terms.FactorTable;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Estates at the edges of {@link Limits}: every value within its limit, yet a count derived from
 * them exceeds a {@code long}, or a date sits at the end of {@link LocalDate}'s range. Overflow
 * must throw, never wrap; and a valid estate gives a position or a validation problem naming the
 * licence model and the servers, never an internal error.
 */
class OverflowTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

  /**
   * A named estate.
   *
   * @param name what overflows
   * @param estate the estate, valid
   */
  record Case(String name, Estate estate) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Estate.Builder withModel(Metric metric) {
    return Estate.builder(AS_OF)
        .add(Product.builder("p").build())
        .add(LicenseModel.builder("m", "p").metric(metric).build());
  }

  /** 10^6 × 10^6 cores (the limit) × an inline core factor of 10^12 (the limit): 10^24. */
  static Case factorTimesCores() {
    FactorTable table = FactorTable.of(Map.of(), BigDecimal.valueOf(Limits.MAX_QUANTITY));
    return new Case(
        "core factor × cores",
        withModel(Metric.builder(MetricType.CORE).coreFactors(FactorTableRef.inline(table)).build())
            .add(Device.builder("s", DeviceKind.SERVER).processors(1_000_000L, 1_000_000L).build())
            .add(Installation.of("s", "p"))
            .build());
  }

  /** A minimum of 10^12 cores per processor on 10^7 processors: 10^19. */
  static Case minimumTimesProcessors() {
    return new Case(
        "minimum per processor × processors",
        withModel(Metric.builder(MetricType.CORE).minimumPerProcessor(Limits.MAX_QUANTITY).build())
            .add(Device.builder("s", DeviceKind.SERVER).processors(10_000_000L, 1L).build())
            .add(Installation.of("s", "p"))
            .build());
  }

  /** Twelve hosts of 10^12 cores × factor 10^6 licensed together (cluster mode): 1.2 × 10^19. */
  static Case clusterSum() {
    FactorTable table = FactorTable.of(Map.of(), BigDecimal.valueOf(1_000_000));
    Estate.Builder estate =
        Estate.builder(AS_OF)
            .add(Product.builder("p").build())
            .add(
                LicenseModel.builder("m", "p")
                    .metric(
                        Metric.builder(MetricType.CORE)
                            .coreFactors(FactorTableRef.inline(table))
                            .build())
                    .virtualization(Virtualization.of(VirtualizationMode.CLUSTER))
                    .build());
    String[] hosts = new String[12];
    for (int i = 0; i < hosts.length; i++) {
      hosts[i] = "h" + i;
      estate.add(
          Device.builder(hosts[i], DeviceKind.SERVER).processors(1_000_000L, 1_000_000L).build());
    }
    return new Case(
        "hosts of a cluster summed",
        estate
            .add(Cluster.of("c", hosts))
            .add(Device.builder("v", DeviceKind.VM).host("h0").vcpus(2L).build())
            .add(Installation.of("v", "p"))
            .build());
  }

  static Stream<Case> overflowing() {
    return Stream.of(factorTimesCores(), minimumTimesProcessors(), clusterSum());
  }

  /** The counts cannot be held in a {@code long}: reconciling throws, it never wraps. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("overflowing")
  void reconcile_countPastALong_throwsInsteadOfWrapping(Case overflow) {
    try {
      Position position = Reconciler.create().reconcile(overflow.estate());
      fail("a count past a long cannot be right: " + position.products());
    } catch (ArithmeticException | ValidationException expected) {
      // thrown, not wrapped
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overflowing")
  void reconcile_validEstateWhoseCountsOverflow_isNoInternalError(Case overflow) {
    try {
      assertNotNull(Reconciler.create().reconcile(overflow.estate()));
    } catch (ValidationException expected) {
      assertTrue(expected.problems().size() > 0);
    }
  }

  @Test
  void reconcile_overflow_namesTheModelAndTheServer() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> Reconciler.create().reconcile(factorTimesCores().estate()));
    assertEquals(1, e.problems().size(), e.problems().toString());
    assertEquals("licenseModels[0]", e.problems().get(0).path());
    String message = e.problems().get(0).message();
    assertTrue(message.startsWith("licence model \"m\" would need more than "), message);
    assertTrue(message.contains("the core count of s overflows"), message);
  }

  // ---- dates at the ends of LocalDate ----------------------------------------------------------

  private static Estate concurrentUse(LocalDate asOf, LocalDate from, LocalDate until) {
    return withModel(Metric.of(MetricType.CONCURRENT_USER))
        .asOf(asOf)
        .add(Usage.of("p", 3, from, until))
        .build();
  }

  @Test
  void reconcile_lastDayThereIs_givesAPosition() {
    Estate estate = concurrentUse(LocalDate.MAX, LocalDate.MAX.minusDays(10), LocalDate.MAX);
    Position position = Reconciler.create().reconcile(estate);
    assertEquals(3, position.products().get(0).shortfall());
  }

  @Test
  void reconcile_firstDayThereIs_givesAPosition() {
    Estate estate = concurrentUse(LocalDate.MIN, LocalDate.MIN, LocalDate.MIN.plusDays(10));
    Position position = Reconciler.create().reconcile(estate);
    assertEquals(3, position.products().get(0).shortfall());
    Position viaOptions =
        Reconciler.create(ReconcileOptions.DEFAULTS.withAsOf(LocalDate.MIN.plusDays(5)))
            .reconcile(concurrentUse(AS_OF, LocalDate.MIN, LocalDate.MIN.plusDays(10)));
    assertEquals(3, viaOptions.products().get(0).shortfall());
  }
}
