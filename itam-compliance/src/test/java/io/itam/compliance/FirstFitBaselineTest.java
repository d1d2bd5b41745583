package io.itam.compliance;

import static io.itam.compliance.TestEstates.allocations;
import static io.itam.compliance.TestEstates.assertProducts;
import static io.itam.compliance.TestEstates.devices;
import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.eur;
import static io.itam.compliance.TestEstates.install;
import static io.itam.compliance.TestEstates.po;
import static io.itam.compliance.TestEstates.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first-fit baseline ({@link AllocationStrategy#FIRST_FIT}): consumers in canonical order, each
 * taking its first cover that the remaining entitlements satisfy in full (else its first cover,
 * short), units drawn from eligible entitlements in id order. The exact engine is run on the same
 * estates where the two differ, to show what the baseline gets wrong.
 */
class FirstFitBaselineTest {
  private static final Reconciler FIRST_FIT =
      Reconciler.create(ReconcileOptions.DEFAULTS.withStrategy(AllocationStrategy.FIRST_FIT));

  @Test
  void firstFit_scarceGroupLicenceGoesToTheFirstConsumer_leavingTheOtherShort() {
    Estate estate =
        devices("de1", "us1")
            .add(po("PO-A-GROUP", 1).scope("acme").build())
            .add(po("PO-B-DE", 1).scope("acme-de").build())
            .build();

    Position greedy = FIRST_FIT.reconcile(estate);
    // de1 comes first and draws from PO-A-GROUP (first by id); us1 is eligible for nothing else.
    assertEquals(List.of("de1←PO-A-GROUP×1"), allocations(greedy));
    assertEquals(1, TestEstates.shortOf(greedy, "us1", "p"));
    assertFalse(greedy.compliant());
    assertTrue(
        TestEstates.reasonsOf(greedy, "us1")
            .contains("not covered: PO-A-GROUP fully consumed (1 of 1)"),
        TestEstates.reasonsOf(greedy, "us1"));
    assertEquals(1, TestEstates.licenseRow(greedy, "m").surplus(), "PO-B-DE left unused");
    assertTrue(greedy.notes().isEmpty(), "the baseline carries no solver notes");

    Position exact = Reconciler.create().reconcile(estate);
    assertTrue(exact.compliant());
    assertEquals(List.of("de1←PO-B-DE×1", "us1←PO-A-GROUP×1"), allocations(exact));
  }

  @Test
  void firstFit_drawsInIdOrder_notCheapestFirst() {
    Estate estate =
        devices("a")
            .add(po("PO-1", 1).unitPrice(eur("400")).build())
            .add(po("PO-2", 1).unitPrice(eur("100")).build())
            .build();
    assertEquals(List.of("a←PO-1×1"), allocations(FIRST_FIT.reconcile(estate)));
    assertEquals(List.of("a←PO-2×1"), allocations(Reconciler.create().reconcile(estate)));
  }

  @Test
  void firstFit_consumersInCanonicalOrder_unitsSpillToTheNextEntitlement() {
    Position position =
        FIRST_FIT.reconcile(
            devices("a", "b", "c", "d")
                .add(po("PO-1", 1).build())
                .add(po("PO-2", 2).build())
                .build());
    assertEquals(List.of("a←PO-1×1", "b←PO-2×1", "c←PO-2×1"), allocations(position));
    assertEquals(1, TestEstates.shortOf(position, "d", "p"));
    assertProducts(position, List.of("p/m 4=3+1"));
  }

  @Test
  void firstFit_siteLicenceIsUnlimited() {
    Estate.Builder estate =
        estate()
            .add(product("p"))
            .add(LicenseModel.builder("site", "p").metric(MetricType.SITE).build())
            .add(Entitlement.builder("SITE-DE", "site").quantity(1).scope("acme-de").build());
    for (int i = 0; i < 3; i++) {
      estate.add(Device.desktop("pc" + i, "acme-de", null)).add(install("pc" + i, "p"));
    }
    Position position = FIRST_FIT.reconcile(estate.build());
    assertTrue(position.compliant());
    assertEquals(
        3,
        TestEstates.allocated(position, "pc0", "p")
            + TestEstates.allocated(position, "pc1", "p")
            + TestEstates.allocated(position, "pc2", "p"));
  }

  /**
   * Two hosts of 1 CPU × 16 cores, each with 4 VMs running Windows Server Standard: each host needs
   * Datacenter 16 cores (WS-01, WS-05) or Standard 16 × 2 = 32 (WS-04, WS-E10). Datacenter's option
   * is the first cover (options are in model id order: ws-dc before ws-std).
   */
  private static Estate.Builder twoHostsStandardOrDatacenter(long dcQuantity, long stdQuantity) {
    return TestEstates.twoHostsStandardOrDatacenter()
        .add(TestEstates.entitlement("PO-DC", "ws-dc", dcQuantity))
        .add(TestEstates.entitlement("PO-STD", "ws-std", stdQuantity));
  }

  @Test
  void firstFit_eachMemberTakesTheFirstCoverThatFitsInFull() {
    // Datacenter 20 fits one host (16), not two; Standard 40 fits the other host (32).
    Position position = FIRST_FIT.reconcile(twoHostsStandardOrDatacenter(20, 40).build());
    assertTrue(position.compliant());
    assertProducts(position, List.of("p/ws-dc 16=16+0", "p/ws-std 32=32+0"));
    assertEquals(16, TestEstates.allocated(position, "h1", "p"));
    assertEquals(32, TestEstates.allocated(position, "h2", "p"));
  }

  @Test
  void firstFit_whenNoCoverFitsInFull_theFirstCoverIsTakenShort() {
    // Neither 10 Datacenter (16 per host) nor 10 Standard (32 per host) covers a host in full.
    Position position = FIRST_FIT.reconcile(twoHostsStandardOrDatacenter(10, 10).build());
    assertProducts(position, List.of("p/ws-dc 32=10+22"));
    assertEquals(10, TestEstates.allocated(position, "h1", "p"));
    assertEquals(6, TestEstates.shortOf(position, "h1", "p"));
    assertEquals(16, TestEstates.shortOf(position, "h2", "p"));
  }
}
