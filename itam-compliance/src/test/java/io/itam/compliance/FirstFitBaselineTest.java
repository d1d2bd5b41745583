package io.itam.compliance;

import static io.itam.compliance.TestEstates.assertProducts;
import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.eur;
import static io.itam.compliance.TestEstates.install;
import static io.itam.compliance.TestEstates.product;
import static io.itam.compliance.TestEstates.server;
import static io.itam.compliance.TestEstates.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
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

  private static Estate.Builder devices(String... ids) {
    Estate.Builder estate =
        estate()
            .add(product("p"))
            .add(LicenseModel.builder("m", "p").metric(MetricType.DEVICE).build());
    for (String id : ids) {
      String unit = id.startsWith("us") ? "acme-us" : "acme-de";
      estate.add(Device.desktop(id, unit, null)).add(install(id, "p"));
    }
    return estate;
  }

  private static Entitlement.Builder po(String id, long quantity) {
    return Entitlement.builder(id, "m").quantity(quantity);
  }

  private static List<String> allocations(Position position) {
    return position.allocations().stream()
        .map(a -> a.consumer() + "←" + a.entitlement() + "×" + a.units())
        .toList();
  }

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
    Metric perCore =
        Metric.builder(MetricType.CORE)
            .minimumPerProcessor(8)
            .minimumPerDevice(16)
            .packSize(2)
            .build();
    LicenseModel std =
        LicenseModel.builder("ws-std", "p")
            .edition("Standard")
            .metric(perCore)
            .virtualization(Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2))
            .build();
    LicenseModel dc =
        LicenseModel.builder("ws-dc", "p")
            .edition("Datacenter")
            .metric(perCore)
            .rights(Rights.NONE.withEditionDowngrade())
            .build();
    Estate.Builder estate =
        estate()
            .add(Product.builder("p").editions("Standard", "Datacenter").build())
            .add(std)
            .add(dc)
            .add(TestEstates.entitlement("PO-DC", "ws-dc", dcQuantity))
            .add(TestEstates.entitlement("PO-STD", "ws-std", stdQuantity));
    for (String host : List.of("h1", "h2")) {
      estate.add(server(host, 1, 16));
      for (int i = 0; i < 4; i++) {
        estate
            .add(vm(host + "v" + i, host, 2))
            .add(Installation.of(host + "v" + i, "p").withEdition("Standard"));
      }
    }
    return estate;
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
