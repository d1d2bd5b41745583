package io.itam.compliance;

import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.install;
import static io.itam.compliance.TestEstates.product;
import static io.itam.compliance.TestEstates.reasonsOf;
import static io.itam.compliance.TestEstates.reconcile;
import static io.itam.compliance.TestEstates.required;
import static io.itam.compliance.TestEstates.server;
import static io.itam.compliance.TestEstates.shortOf;
import static io.itam.compliance.TestEstates.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.position.Position;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rounding;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import org.junit.jupiter.api.Test;

/**
 * The reasons of the hardware metrics name where the installations were counted (the virtualization
 * rule) and the arithmetic, with the rule ids of vendor-rules.md.
 */
class HardwareReasonsTest {
  private static final Metric SQL_CORE =
      Metric.builder(MetricType.CORE).minimumPerProcessor(4).packSize(2).build();
  private static final Metric ORACLE_CORE =
      Metric.builder(MetricType.CORE).coreFactors(FactorTableRef.builtIn("oracle")).build();

  private static LicenseModel model(String id, Metric metric, Virtualization virtualization) {
    return LicenseModel.builder(id, "p").metric(metric).virtualization(virtualization).build();
  }

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "«" + part + "» not in «" + text + "»");
  }

  /** SQL-02, SQL-E5: a VM of 2 vCPUs counts 4 cores. */
  @Test
  void perVm_reasonSaysPerVm_andTheMinimum() {
    Position position =
        reconcile(
            estate()
                .add(product("p"))
                .add(
                    model(
                        "sql",
                        SQL_CORE,
                        Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(4)))
                .add(server("h", 2, 16))
                .add(vm("v", "h", 2))
                .add(install("v", "p")));
    assertEquals(4, required(position, "p", "sql"));
    String reason = reasonsOf(position, "v");
    assertContains(reason, "per VM: v: 2 vCPUs");
    assertContains(reason, "minimum 4 per VM");
  }

  /** SQL-04, SQL-E6: the host in full covers its VMs while maintenance is active. */
  @Test
  void physicalWithMaintenance_reasonCountsTheVmsOnTheHost() {
    Estate.Builder estate =
        estate()
            .add(product("p"))
            .add(model("sql-ent", SQL_CORE, Virtualization.PHYSICAL.withRequiresMaintenance(true)))
            .add(
                io.itam.model.entitlement.Entitlement.builder("PO", "sql-ent")
                    .quantity(32)
                    .maintenanceUntil(java.time.LocalDate.parse("2027-06-30"))
                    .build())
            .add(server("h", 2, 16));
    for (int i = 0; i < 3; i++) {
      estate.add(vm("v" + i, "h", 8)).add(install("v" + i, "p"));
    }
    Position position = reconcile(estate);
    assertEquals(32, required(position, "p", "sql-ent"));
    String reason = reasonsOf(position, "h");
    assertContains(reason, "physical host counted once");
    assertContains(
        reason,
        "covers 3 VMs on the licensed host (unlimited virtualization while maintenance is active,"
            + " SQL-04)");
  }

  /** WS-05, WS-E14: Datacenter on the host covers any number of VMs; here one. */
  @Test
  void physicalWithoutMaintenanceRule_oneVm() {
    Position position =
        reconcile(
            estate()
                .add(product("p"))
                .add(model("ws-dc", SQL_CORE, Virtualization.PHYSICAL))
                .add(server("h", 1, 16))
                .add(vm("v", "h", 2))
                .add(install("v", "p")));
    assertEquals(16, required(position, "p", "ws-dc"));
    assertContains(
        reasonsOf(position, "h"), "covers 1 VM on the licensed host (unlimited virtualization)");
  }

  /** OR-07, OR-E11: a VM in a cluster counts every host of the cluster. */
  @Test
  void cluster_reasonNamesEveryHost() {
    Position position =
        reconcile(
            estate()
                .add(product("p"))
                .add(model("ee", ORACLE_CORE, Virtualization.of(VirtualizationMode.CLUSTER)))
                .add(server("esx1", 2, 16, "Intel Xeon Gold 6338"))
                .add(server("esx2", 2, 16, "Intel Xeon Gold 6338"))
                .add(Cluster.of("vc", "esx1", "esx2"))
                .add(vm("db", "esx2", 4))
                .add(install("db", "p")));
    assertEquals(32, required(position, "p", "ee"), "64 × 0.5");
    String reason = reasonsOf(position, "vc");
    assertContains(reason, "every host of the cluster");
    assertContains(reason, "covers 1 VM in the cluster");
    assertContains(reason, "; total 32");
  }

  /** OR-08, OR-E12: a cloud instance counts by its own vCPUs, two per core with threads. */
  @Test
  void cloud_reasonSaysByItsVcpus() {
    Device instance =
        Device.builder("ec2", DeviceKind.CLOUD)
            .unit("acme-de")
            .vcpus(32L)
            .threadsPerCore(2L)
            .build();
    Position position =
        reconcile(
            estate()
                .add(product("p"))
                .add(model("ee", ORACLE_CORE, Virtualization.PHYSICAL.withThreadsPerCore(2)))
                .add(instance)
                .add(install("ec2", "p")));
    assertEquals(16, required(position, "p", "ee"));
    assertContains(reasonsOf(position, "ec2"), "cloud instance by its vCPUs");
    assertContains(reasonsOf(position, "ec2"), "32 vCPUs ÷ 2 threads per core = 16 cores");
  }

  /** WS-04, WS-E10: Standard relicenses the host per two VMs. */
  @Test
  void hostPerVmSet_reasonShowsTheSets() {
    Metric wsCore =
        Metric.builder(MetricType.CORE)
            .minimumPerProcessor(8)
            .minimumPerDevice(16)
            .packSize(2)
            .build();
    Estate.Builder estate =
        estate()
            .add(product("p"))
            .add(
                model(
                    "ws-std",
                    wsCore,
                    Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2)))
            .add(server("h", 1, 16));
    for (int i = 0; i < 4; i++) {
      estate.add(vm("v" + i, "h", 2)).add(install("v" + i, "p"));
    }
    Position position = reconcile(estate);
    assertEquals(32, required(position, "p", "ws-std"));
    String reason = reasonsOf(position, "h");
    assertContains(reason, "host licensed in full per set of VMs");
    assertContains(reason, "4 VMs, 2 per full licensing of the host: 2 × 16 = 32 (WS-04)");
  }

  /**
   * OR-02, OR-E7: with aggregate rounding, 5 UltraSPARC T1 cores × 0.25 = 1.25 and 3 Xeon cores ×
   * 0.5 = 1.5 sum to 2.75, rounded up once to 3; each server gets its whole part (1 and 1) and the
   * remaining unit goes to the larger remainder (b's 0.5 over a's 0.25).
   */
  @Test
  void aggregateRounding_unitsSpreadByLargestRemainder() {
    Metric aggregate =
        Metric.builder(MetricType.CORE)
            .coreFactors(FactorTableRef.builtIn("oracle"))
            .rounding(Rounding.AGGREGATE)
            .build();
    Position position =
        reconcile(
            estate()
                .add(product("p"))
                .add(model("ee", aggregate, Virtualization.PHYSICAL))
                .add(server("a", 1, 5, "UltraSPARC T1 1.2GHz"))
                .add(server("b", 1, 3, "Intel Xeon E5-2620"))
                .add(install("a", "p"))
                .add(install("b", "p")));
    assertEquals(3, required(position, "p", "ee"));
    assertEquals(1, shortOf(position, "a", "p"));
    assertEquals(2, shortOf(position, "b", "p"));
    String reason = reasonsOf(position, "b");
    assertContains(reason, "core metric, aggregate rounding (OR-02)");
    assertContains(reason, "summed 2.75, rounded up once to 3");
  }
}
