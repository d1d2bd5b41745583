package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.itam.model.Estate;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Accounting;
import io.itam.model.position.Allocation;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Shortfall;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The invariants of design.md §Invariants on random estates. */
class ReconcilerProperties {
  private static final long SEED = 20261127L;

  @Test
  void conservation_rowsAddUpAndNothingIsOverConsumed() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(RandomEstates.estates())
        .checkAssert(
            estate -> {
              Position position = Reconciler.create().reconcile(estate);
              Map<String, Long> byEntitlement = new HashMap<>();
              Map<List<String>, Long> covered = new HashMap<>();
              for (Allocation a : position.allocations()) {
                assertTrue(a.units() > 0);
                byEntitlement.merge(a.entitlement(), a.units(), Long::sum);
                covered.merge(List.of(a.product(), a.licenseModel()), a.units(), Long::sum);
              }
              for (Entitlement e : estate.entitlements()) {
                boolean site =
                    estate.licenseModels().stream()
                        .anyMatch(
                            m ->
                                m.id().equals(e.licenseModel())
                                    && m.metric().type() == MetricType.SITE);
                long used = byEntitlement.getOrDefault(e.id(), 0L);
                assertTrue(site || used <= e.quantity(), e.id() + " over-consumed: " + used);
                assertTrue(used == 0 || e.isValidOn(estate.asOf()), e.id() + " used while invalid");
              }
              for (LicensePosition l : position.licenses()) {
                long sum =
                    l.entitlements().stream()
                        .mapToLong(id -> byEntitlement.getOrDefault(id, 0L))
                        .sum();
                assertEquals(sum, l.consumed(), l.licenseModel());
              }
              Map<List<String>, Long> short_ = new HashMap<>();
              for (Shortfall s : position.shortfalls()) {
                short_.merge(
                    java.util.Arrays.asList(s.product(), s.licenseModel()), s.units(), Long::sum);
              }
              for (ProductPosition p : position.products()) {
                List<String> key = java.util.Arrays.asList(p.product(), p.licenseModel());
                assertEquals(
                    covered.getOrDefault(key, 0L).longValue(), p.covered(), key.toString());
                assertEquals(
                    short_.getOrDefault(key, 0L).longValue(), p.shortfall(), key.toString());
              }
              assertEquals(position.shortfalls().isEmpty(), position.compliant());
            });
  }

  @Test
  void everyRecordIsAccountedFor() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(RandomEstates.estates())
        .checkAssert(
            estate -> {
              Position position = Reconciler.create().reconcile(estate);
              Map<String, Accounting> byRecord = new HashMap<>();
              position.accounting().forEach(a -> byRecord.put(a.record(), a));
              assertEquals(estate.installations().size(), byRecord.get("installations").total());
              assertEquals(estate.access().size(), byRecord.get("access").total());
              assertEquals(estate.usage().size(), byRecord.get("usage").total());
              long exemptRecords = position.exempt().stream().mapToLong(x -> x.records()).sum();
              assertEquals(
                  exemptRecords,
                  byRecord.get("installations").exempt() + byRecord.get("access").exempt());
            });
  }

  @Test
  void orderOfTheInputListsChangesNothing() {
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(RandomEstates.estates())
        .checkAssert(
            estate -> {
              Position expected = Reconciler.create().reconcile(estate);
              assertEquals(expected, Reconciler.create().reconcile(shuffled(estate, 1)));
              assertEquals(expected, Reconciler.create().reconcile(shuffled(estate, 2)));
            });
  }

  @Test
  void threadCountChangesNothing() {
    qt().withFixedSeed(SEED)
        .withExamples(100)
        .forAll(RandomEstates.estates())
        .checkAssert(
            estate ->
                assertEquals(
                    Reconciler.create().reconcile(estate),
                    Reconciler.create(ReconcileOptions.DEFAULTS.withThreads(4)).reconcile(estate)));
  }

  @Test
  void addingAnEntitlementNeverRaisesTheShortfall() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(
            RandomEstates.estates(),
            org.quicktheories.generators.SourceDSL.integers().between(0, 99))
        .checkAssert(
            (estate, pick) -> {
              Position before = Reconciler.create().reconcile(estate);
              var model = estate.licenseModels().get(pick % estate.licenseModels().size());
              Estate more =
                  estate.toBuilder()
                      .add(
                          Entitlement.builder("PO-EXTRA", model.id())
                              .quantity(1 + pick % 5)
                              .build())
                      .build();
              Position after = Reconciler.create().reconcile(more);
              assertTrue(
                  shortfall(more, after).compareTo(shortfall(estate, before)) <= 0,
                  "shortfall rose from "
                      + shortfall(estate, before)
                      + " to "
                      + shortfall(more, after));
            });
  }

  @Test
  void addingConsumptionNeverLowersTheShortfall() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(
            RandomEstates.estates(),
            org.quicktheories.generators.SourceDSL.integers().between(0, 99))
        .checkAssert(
            (estate, pick) -> {
              Position before = Reconciler.create().reconcile(estate);
              var device = estate.devices().get(pick % estate.devices().size());
              String product = new String[] {"a", "b", "c", "suite", "srv"}[pick % 5];
              Estate more = estate.toBuilder().add(Installation.of(device.id(), product)).build();
              Position after = Reconciler.create().reconcile(more);
              assertTrue(
                  shortfall(more, after).compareTo(shortfall(estate, before)) >= 0,
                  "shortfall fell from "
                      + shortfall(estate, before)
                      + " to "
                      + shortfall(more, after));
            });
  }

  /**
   * The primary objective as the position shows it, over rows with a licence model: the shortfall
   * cost when the estate is priced (pack size 1 here, so the remedy cost), else the units.
   */
  static BigDecimal shortfall(Estate estate, Position position) {
    boolean priced = estate.licenseModels().stream().allMatch(m -> m.unitPrice() != null);
    BigDecimal total = BigDecimal.ZERO;
    for (ProductPosition p : position.products()) {
      if (p.licenseModel() != null && p.shortfall() > 0) {
        total = total.add(priced ? p.shortfallCost() : BigDecimal.valueOf(p.shortfall()));
      }
    }
    return total;
  }

  /** The estate with every list shuffled. */
  static Estate shuffled(Estate estate, long seed) {
    Random random = new Random(seed);
    Estate.Builder b = Estate.builder(estate.asOf()).currency(estate.currency());
    for (List<?> list :
        List.of(
            estate.organization(),
            estate.products(),
            estate.licenseModels(),
            estate.entitlements(),
            estate.clusters(),
            estate.devices(),
            estate.users(),
            estate.installations(),
            estate.access(),
            estate.usage(),
            estate.allocations(),
            estate.exemptions())) {
      List<Object> copy = new ArrayList<>(list);
      Collections.shuffle(copy, random);
      b.addAll(copy);
    }
    return b.build();
  }
}
