package io.itam.compliance;

import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.install;
import static io.itam.compliance.TestEstates.product;
import static io.itam.compliance.TestEstates.reasonsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.User;
import io.itam.model.position.Allocation;
import io.itam.model.position.Detail;
import io.itam.model.position.Exempt;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Shortfall;
import io.itam.model.position.Summary;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The position document (design §Position): summary counts at every detail level, rows in their
 * documented order, and the reasons for rejected pins, uncounted access and shortfalls.
 */
class PositionRowsTest {
  private static final Comparator<String> NULLS_LAST =
      Comparator.nullsLast(Comparator.<String>naturalOrder());

  private static LicenseModel perDevice(String id, String product) {
    return LicenseModel.builder(id, product).metric(MetricType.DEVICE).build();
  }

  /** Product p: 4 devices, 3 licences, no price. Product q: 1 device, 1 licence. */
  private static Estate threeOfFourAndOneOfOne() {
    Estate.Builder estate =
        estate()
            .add(product("p"))
            .add(product("q"))
            .add(perDevice("m", "p"))
            .add(perDevice("mq", "q"))
            .add(Entitlement.builder("PO", "m").quantity(3).build())
            .add(Entitlement.builder("PO-Q", "mq").quantity(1).build());
    for (String id : List.of("a", "b", "c", "d")) {
      estate.add(Device.desktop(id, "acme-de", null)).add(install(id, "p"));
    }
    estate.add(install("a", "q"));
    return estate.build();
  }

  @Test
  void summaryCounts_equalAtEveryDetailLevel() {
    Estate estate = threeOfFourAndOneOfOne();
    Position all = Reconciler.create().reconcile(estate);
    assertEquals(4, all.allocations().size(), "a, b, c from PO; a from PO-Q");
    assertEquals(1, all.shortfalls().size(), "d");
    Summary summary = all.summary();
    assertEquals(4, summary.allocations());
    assertEquals(1, summary.shortfalls());
    assertEquals(1, summary.unpricedShortfalls(), "p is short and unpriced; q is not short");
    assertEquals(2, summary.products());
    assertEquals(2, summary.licenses());
    for (Detail detail : new Detail[] {Detail.SUMMARY, Detail.SHORTFALLS}) {
      Position less =
          Reconciler.create(ReconcileOptions.DEFAULTS.withDetail(detail)).reconcile(estate);
      assertEquals(summary, less.summary(), detail.id());
      assertEquals(List.of(), less.allocations(), detail.id());
      assertEquals(
          detail == Detail.SUMMARY ? List.of() : all.shortfalls(), less.shortfalls(), detail.id());
      assertEquals(all.products(), less.products(), detail.id());
    }
  }

  @Test
  void rows_sortedByModelProductConsumer() {
    Estate.Builder estate = estate();
    for (String p : List.of("p3", "p1", "p2")) {
      estate.add(product(p)).add(perDevice("m-" + p, p));
      estate.add(Entitlement.builder("PO-" + p, "m-" + p).quantity(4).build());
    }
    estate.add(perDevice("m-0-p2", "p2")); // a second model of p2, with no entitlement
    for (int i = 9; i >= 0; i--) {
      String device = "pc" + i;
      estate.add(Device.desktop(device, "acme-de", null));
      for (String p : List.of("p3", "p1", "p2")) {
        estate.add(install(device, p));
      }
      if (i % 3 == 0) {
        estate.add(Exemption.ofDevice(device, "p" + (1 + i % 2), "lab " + (9 - i)));
      }
      if (i % 4 == 1) {
        estate.add(
            Installation.of(device, "p" + (1 + i % 3))
                .withInstalled(TestEstates.AS_OF.plusDays(10 - i)));
      }
    }
    Position position = Reconciler.create().reconcile(estate.build());

    assertTrue(position.allocations().size() > 8);
    assertTrue(position.shortfalls().size() > 8);
    assertTrue(position.exempt().size() > 2);
    assertTrue(position.rejected().size() > 2);
    assertSorted(
        position.allocations(),
        Comparator.comparing(Allocation::licenseModel)
            .thenComparing(Allocation::product)
            .thenComparing(Allocation::consumer)
            .thenComparing(Allocation::entitlement));
    assertSorted(
        position.shortfalls(),
        Comparator.comparing(Shortfall::licenseModel, NULLS_LAST)
            .thenComparing(Shortfall::product)
            .thenComparing(Shortfall::consumer));
    assertSorted(
        position.products(),
        Comparator.comparing(ProductPosition::licenseModel, NULLS_LAST)
            .thenComparing(ProductPosition::product));
    assertSorted(
        position.rejected(),
        Comparator.comparing(Rejected::record)
            .thenComparing(Rejected::consumer)
            .thenComparing(Rejected::product)
            .thenComparing(Rejected::reason));
    assertSorted(
        position.exempt(),
        Comparator.comparing(Exempt::product)
            .thenComparing(Exempt::consumer)
            .thenComparing(Exempt::reason));
  }

  private static <T> void assertSorted(List<T> rows, Comparator<T> order) {
    List<T> sorted = new ArrayList<>(rows);
    sorted.sort(order);
    assertEquals(sorted, rows);
  }

  @Test
  void usedPin_notReported_pinToExpiredEntitlement_reportedWithItsValidity() {
    Estate.Builder estate =
        estate()
            .add(product("p"))
            .add(perDevice("m", "p"))
            .add(Device.desktop("a", "acme-de", null))
            .add(install("a", "p"))
            .add(Device.desktop("b", "acme-de", null))
            .add(Entitlement.builder("PO-A", "m").quantity(1).build())
            .add(PinnedAllocation.toDevice("PO-A", "a"));
    Position used = Reconciler.create().reconcile(estate.build());
    assertTrue(used.compliant());
    assertEquals(List.of(), used.rejected(), "a consumes its pinned PO-A");

    Position expired =
        Reconciler.create()
            .reconcile(
                estate
                    .add(
                        Entitlement.builder("PO-OLD", "m")
                            .quantity(1)
                            .validUntil(TestEstates.AS_OF.minusDays(1))
                            .build())
                    .add(PinnedAllocation.toDevice("PO-OLD", "b"))
                    .build());
    List<Rejected> pins =
        expired.rejected().stream().filter(r -> r.record().equals("allocation")).toList();
    assertEquals(1, pins.size(), expired.rejected().toString());
    assertEquals("b", pins.get(0).consumer());
    assertEquals(
        "entitlement PO-OLD is pinned to b, which consumes none of it (the entitlement is not valid"
            + " on 2026-11-27); its units stay reserved",
        pins.get(0).reason());
  }

  @Test
  void accessToAProductLicensedPerServer_rejectedAsNotCounted() {
    Position position =
        Reconciler.create()
            .reconcile(
                estate()
                    .add(product("p"))
                    .add(LicenseModel.builder("p-core", "p").metric(MetricType.CORE).build())
                    .add(LicenseModel.builder("p-user", "p").metric(MetricType.USER).build())
                    .add(TestEstates.server("s", 1, 4))
                    .add(install("s", "p"))
                    .add(User.of("u1", "acme-de"))
                    .add(Access.byUser("p", "u1"))
                    .build());
    assertEquals(
        List.of(
            new Rejected(
                "access",
                "u1",
                "p",
                "not counted: p is licensed per server here, which includes unlimited users")),
        position.rejected());
    assertEquals(1, position.summary().rejected());
  }

  private static Estate.Builder shortDevice(int refusedEntitlements) {
    Estate.Builder estate =
        estate()
            .add(product("p"))
            .add(perDevice("m", "p"))
            .add(Device.desktop("a", "acme-de", null))
            .add(install("a", "p"))
            .add(Device.desktop("b", "acme-de", null))
            .add(install("b", "p"))
            .add(Entitlement.builder("PO-1", "m").quantity(1).build());
    for (int i = 0; i < refusedEntitlements; i++) {
      estate.add(Entitlement.builder("PO-US-" + i, "m").quantity(1).scope("acme-us").build());
    }
    return estate;
  }

  @Test
  void shortfallReason_namesThreeEntitlements_andCountsTheRest() {
    String three = reasonsOf(Reconciler.create().reconcile(shortDevice(2).build()), "b");
    assertTrue(
        three.endsWith(
            "not covered: PO-1 fully consumed (1 of 1); PO-US-0 scope acme-us does not contain"
                + " acme-de; PO-US-1 scope acme-us does not contain acme-de"),
        three);
    String five = reasonsOf(Reconciler.create().reconcile(shortDevice(4).build()), "b");
    assertTrue(
        five.endsWith(
            "not covered: PO-1 fully consumed (1 of 1); PO-US-0 scope acme-us does not contain"
                + " acme-de; PO-US-1 scope acme-us does not contain acme-de; and 2 more"),
        five);
  }

  @Test
  void shortfallReason_modelWithoutEntitlements() {
    Position position =
        Reconciler.create()
            .reconcile(
                estate()
                    .add(product("p"))
                    .add(perDevice("m", "p"))
                    .add(Device.desktop("a", "acme-de", null))
                    .add(install("a", "p"))
                    .build());
    assertFalse(position.compliant());
    assertTrue(
        reasonsOf(position, "a").endsWith("not covered: no entitlement of m"),
        reasonsOf(position, "a"));
  }
}
