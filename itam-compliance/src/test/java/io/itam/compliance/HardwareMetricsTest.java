package io.itam.compliance;

import static io.itam.compliance.TestEstates.entitlement;
import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.install;
import static io.itam.compliance.TestEstates.product;
import static io.itam.compliance.TestEstates.reconcile;
import static io.itam.compliance.TestEstates.required;
import static io.itam.compliance.TestEstates.server;
import static io.itam.compliance.TestEstates.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.DeviceRole;
import io.itam.model.position.Position;
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
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hardware metrics against the worked examples of vendor-rules.md, each test named by its
 * example id. Models are written here in code; the bundled library repeats them as data.
 */
class HardwareMetricsTest {

  private static LicenseModel model(String id, Metric metric, Virtualization virtualization) {
    return LicenseModel.builder(id, "p").metric(metric).virtualization(virtualization).build();
  }

  private static Position one(LicenseModel model, Device... devices) {
    Estate.Builder estate = estate().add(product("p")).add(model);
    for (Device device : devices) {
      estate.add(device);
      if (device.kind() != DeviceKind.SERVER || devices.length == 1) {
        estate.add(install(device.id(), "p"));
      }
    }
    return reconcile(estate);
  }

  @Nested
  class WindowsServer {
    private final Metric perCore =
        Metric.builder(MetricType.CORE)
            .minimumPerProcessor(8)
            .minimumPerDevice(16)
            .packSize(2)
            .build();

    @ParameterizedTest(name = "{0}: {1} × {2} cores → {3}")
    @CsvSource({
      "WS-E1, 1, 4, 16",
      "WS-E2, 1, 8, 16",
      "WS-E3, 2, 4, 16",
      "WS-E4, 2, 6, 16",
      "WS-E5, 2, 12, 24",
      "WS-E6, 2, 16, 32",
      "WS-E7, 4, 4, 32",
      "WS-E8a, 4, 6, 32",
      "WS-E8b, 4, 8, 32",
    })
    void physicalCores_minimumsPerProcessorAndServer(
        String id, long cpus, long cores, long expected) {
      Position position =
          one(model("ws-dc", perCore, Virtualization.PHYSICAL), server("s1", cpus, cores));
      assertEquals(expected, required(position, "p", "ws-dc"), id);
    }

    @Test
    void wsE5_remedyInTwoPacks() {
      Position position =
          one(model("ws-dc", perCore, Virtualization.PHYSICAL), server("s1", 2, 12));
      var row = TestEstates.productRow(position, "p", "ws-dc");
      assertEquals(24, row.shortfall());
      assertEquals(12, row.remedy().packs(), "WS-E5: 12 two-packs");
    }

    @Test
    void wsE9_fiveServers() {
      Estate.Builder estate =
          estate().add(product("p")).add(model("ws-dc", perCore, Virtualization.PHYSICAL));
      for (int i = 1; i <= 5; i++) {
        estate.add(server("s" + i, 1, 24)).add(install("s" + i, "p"));
      }
      Position position = reconcile(estate);
      assertEquals(120, required(position, "p", "ws-dc"), "WS-E9");
      assertEquals(60, TestEstates.productRow(position, "p", "ws-dc").remedy().packs());
    }

    @ParameterizedTest(name = "{0}: {1}-core host, {2} VMs → {3}")
    @CsvSource({"WS-E10a, 16, 4, 32", "WS-E10b, 16, 6, 48", "WS-E11, 16, 5, 48"})
    void standardStacksPerTwoVms(String id, long cores, int vms, long expected) {
      Virtualization sets = Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2);
      Estate.Builder estate =
          estate().add(product("p")).add(model("ws-std", perCore, sets)).add(server("h", 1, cores));
      for (int i = 0; i < vms; i++) {
        estate.add(vm("v" + i, "h", 2)).add(install("v" + i, "p"));
      }
      assertEquals(expected, required(reconcile(estate), "p", "ws-std"), id);
    }

    @Test
    void wsE12_standardOrDatacenter_cheaperChosen() {
      Product ws = Product.builder("p").editions("Standard", "Datacenter").build();
      Virtualization sets = Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2);
      LicenseModel std =
          LicenseModel.builder("ws-std", "p")
              .edition("Standard")
              .metric(perCore)
              .virtualization(sets)
              .build();
      LicenseModel dc =
          LicenseModel.builder("ws-dc", "p")
              .edition("Datacenter")
              .metric(perCore)
              .rights(Rights.NONE.withEditionDowngrade())
              .build();
      Estate.Builder estate =
          estate()
              .add(ws)
              .add(std)
              .add(dc)
              .add(entitlement("PO-STD", "ws-std", 0, "120.00"))
              .add(entitlement("PO-DC", "ws-dc", 0, "700.00"))
              .add(server("h", 4, 8));
      for (int i = 0; i < 10; i++) {
        estate
            .add(vm("v" + i, "h", 4))
            .add(io.itam.model.inventory.Installation.of("v" + i, "p").withEdition("Standard"));
      }
      Position position = reconcile(estate);
      // Standard needs 32 × 5 = 160 cores (19,200.00); Datacenter 32 (22,400.00): Standard wins.
      assertEquals(160, required(position, "p", "ws-std"), "WS-E12 Standard");
      assertTrue(
          TestEstates.reasonsOf(position, "h")
              .contains("chose ws-std ×160 (19200.00) over ws-dc ×32 (22400.00)"));
    }
  }

  @Nested
  class SqlServer {
    private final Metric perCore =
        Metric.builder(MetricType.CORE).minimumPerProcessor(4).packSize(2).build();

    @Test
    void sqlE1_physicalTwelveCores() {
      Position position = one(model("sql", perCore, Virtualization.PHYSICAL), server("s", 2, 6));
      assertEquals(12, required(position, "p", "sql"), "SQL-E1");
      assertEquals(6, TestEstates.productRow(position, "p", "sql").remedy().packs());
    }

    @Test
    void sqlE2_historicalAmdCoreFactor() {
      Metric factored =
          Metric.builder(MetricType.CORE)
              .minimumPerProcessor(4)
              .coreFactors(
                  FactorTableRef.inline(
                      FactorTable.of(Map.of("Opteron 62", new BigDecimal("0.75")), BigDecimal.ONE)))
              .build();
      Position position =
          one(
              model("sql2012", factored, Virtualization.PHYSICAL),
              server("s", 2, 6, "AMD Opteron 6234"));
      assertEquals(9, required(position, "p", "sql2012"), "SQL-E2: 12 × 0.75");
    }

    @ParameterizedTest(name = "SQL-E3: {0} × {1} cores → {2}")
    @CsvSource({"1, 2, 4", "2, 2, 8"})
    void sqlE3_fourPerProcessor(long cpus, long cores, long expected) {
      Position position =
          one(model("sql", perCore, Virtualization.PHYSICAL), server("s", cpus, cores));
      assertEquals(expected, required(position, "p", "sql"));
    }

    @Test
    void sqlE4_sevenCoresBuyFourPacks() {
      Position position = one(model("sql", perCore, Virtualization.PHYSICAL), server("s", 1, 7));
      assertEquals(7, required(position, "p", "sql"), "SQL-E4");
      assertEquals(4, TestEstates.productRow(position, "p", "sql").remedy().packs());
      assertEquals(8, TestEstates.productRow(position, "p", "sql").remedy().units());
    }

    @ParameterizedTest(name = "SQL-E5: VM with {0} vCPUs → {1}")
    @CsvSource({"2, 4", "6, 6"})
    void sqlE5_perVmMinimumFour(long vcpus, long expected) {
      Virtualization perVm = Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(4);
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("sql", perCore, perVm))
                  .add(server("h", 2, 16))
                  .add(vm("v", "h", vcpus))
                  .add(install("v", "p")));
      assertEquals(expected, required(position, "p", "sql"));
    }

    @Test
    void sqlE6_enterpriseWithMaintenance_hostCoversTwelveVms() {
      Virtualization unlimited = Virtualization.PHYSICAL.withRequiresMaintenance(true);
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("sql-ent", perCore, unlimited))
              .add(
                  io.itam.model.entitlement.Entitlement.builder("PO", "sql-ent")
                      .quantity(32)
                      .maintenanceUntil(java.time.LocalDate.parse("2027-06-30"))
                      .build())
              .add(server("h", 2, 16));
      for (int i = 0; i < 12; i++) {
        estate.add(vm("v" + i, "h", 8)).add(install("v" + i, "p"));
      }
      Position position = reconcile(estate);
      assertEquals(32, required(position, "p", "sql-ent"), "SQL-E6");
      assertEquals(0, TestEstates.shortfall(position, "p", "sql-ent"));
      assertTrue(position.compliant());
    }

    @Test
    void sqlE6_withoutMaintenance_hostLicensingDoesNotHold() {
      Virtualization unlimited = Virtualization.PHYSICAL.withRequiresMaintenance(true);
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("sql-ent", perCore, unlimited))
              .add(
                  io.itam.model.entitlement.Entitlement.builder("PO", "sql-ent")
                      .quantity(32)
                      .maintenanceUntil(java.time.LocalDate.parse("2025-06-30"))
                      .build())
              .add(server("h", 2, 16))
              .add(vm("v", "h", 8))
              .add(install("v", "p"));
      Position position = reconcile(estate);
      assertEquals(32, TestEstates.shortfall(position, "p", "sql-ent"));
      assertTrue(
          TestEstates.reasonsOf(position, "h").contains("maintenance not active on 2026-11-27"));
    }

    @Test
    void sqlE8_passiveReplicasFreeWithFailoverRight() {
      LicenseModel withFailover =
          LicenseModel.builder("sql", "p")
              .metric(perCore)
              .rights(Rights.NONE.withFailover(2))
              .build();
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(withFailover)
                  .add(entitlement("PO", "sql", 8))
                  .add(server("active", 1, 8))
                  .add(passive("ha", "active"))
                  .add(passive("dr", "active"))
                  .add(install("active", "p"))
                  .add(install("ha", "p"))
                  .add(install("dr", "p")));
      assertEquals(8, required(position, "p", "sql"), "SQL-E8: passives free");
      assertTrue(position.compliant());
      assertTrue(TestEstates.reasonsOf(position, "active").contains("passive dr, ha covered free"));
    }

    @Test
    void failover_oneFreeDeviceByDefault() {
      LicenseModel withFailover =
          LicenseModel.builder("sql", "p")
              .metric(perCore)
              .rights(Rights.NONE.withFailover())
              .build();
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(withFailover)
                  .add(server("active", 1, 8))
                  .add(passive("ha", "active"))
                  .add(passive("dr", "active"))
                  .add(install("active", "p"))
                  .add(install("ha", "p"))
                  .add(install("dr", "p")));
      assertEquals(16, required(position, "p", "sql"), "one passive free, the other licensed");
    }

    @Test
    void failover_withoutTheRight_passiveNeedsLicence() {
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("sql", perCore, Virtualization.PHYSICAL))
                  .add(server("active", 1, 8))
                  .add(passive("ha", "active"))
                  .add(install("active", "p"))
                  .add(install("ha", "p")));
      assertEquals(16, required(position, "p", "sql"));
    }

    private Device passive(String id, String active) {
      return Device.builder(id, DeviceKind.SERVER)
          .unit("acme-de")
          .processors(1L, 8L)
          .role(DeviceRole.PASSIVE_FAILOVER)
          .failoverFor(active)
          .build();
    }
  }

  @Nested
  class Oracle {
    private final FactorTableRef oracle = FactorTableRef.builtIn("oracle");
    private final Metric processor = Metric.builder(MetricType.CORE).coreFactors(oracle).build();

    @Test
    void orE1_xeonFourByFour() {
      Position position =
          one(
              model("ee", processor, Virtualization.PHYSICAL),
              server("s", 4, 4, "Intel Xeon E7-4830"));
      assertEquals(8, required(position, "p", "ee"), "OR-E1: 16 × 0.5");
    }

    @Test
    void orE2_power8TwoByEight_unverifiedRowFlagged() {
      Position position =
          one(model("ee", processor, Virtualization.PHYSICAL), server("s", 2, 8, "IBM POWER8"));
      assertEquals(16, required(position, "p", "ee"), "OR-E2: 16 × 1.0");
      assertTrue(TestEstates.reasonsOf(position, "s").contains("UNVERIFIED"));
    }

    @Test
    void orE3_x86TwoBySixteen() {
      Position position =
          one(
              model("ee", processor, Virtualization.PHYSICAL),
              server("s", 2, 16, "Intel(R) Xeon(R) CPU E5-2697A v4"));
      assertEquals(16, required(position, "p", "ee"), "OR-E3");
      assertTrue(TestEstates.reasonsOf(position, "s").contains("oracle row \"E5-2\" 0.5 (OR-P1)"));
    }

    @Test
    void orE5_ultraSparcT1SixCores() {
      Position position =
          one(
              model("ee", processor, Virtualization.PHYSICAL),
              server("s", 1, 6, "UltraSPARC T1 1.2GHz"));
      assertEquals(2, required(position, "p", "ee"), "OR-E5: 1.5 → 2");
    }

    @Test
    void orE6_halfFactorThreeCores() {
      Position position =
          one(
              model("ee", processor, Virtualization.PHYSICAL),
              server("s", 1, 3, "AMD Opteron 6134"));
      assertEquals(2, required(position, "p", "ee"), "OR-E6: 1.5 → 2");
    }

    @Test
    void orE7_aggregateRounding_threeNotFour() {
      Metric aggregate =
          Metric.builder(MetricType.CORE).coreFactors(oracle).rounding(Rounding.AGGREGATE).build();
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("ee", aggregate, Virtualization.PHYSICAL))
              .add(server("a", 1, 3, "Intel Xeon E5-2620"))
              .add(server("b", 1, 3, "Intel Xeon E5-2620"))
              .add(install("a", "p"))
              .add(install("b", "p"));
      assertEquals(3, required(reconcile(estate), "p", "ee"), "OR-E7 aggregated (Flexera)");
    }

    @Test
    void orE7_perDeviceRounding_four() {
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("ee", processor, Virtualization.PHYSICAL))
              .add(server("a", 1, 3, "Intel Xeon E5-2620"))
              .add(server("b", 1, 3, "Intel Xeon E5-2620"))
              .add(install("a", "p"))
              .add(install("b", "p"));
      assertEquals(4, required(reconcile(estate), "p", "ee"), "OR-E7 per-server rounding");
    }

    @Test
    void orE11_vmInVmwareClusterCountsEveryHost() {
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("ee", processor, Virtualization.of(VirtualizationMode.CLUSTER)))
              .add(server("esx1", 2, 16, "Intel Xeon Gold 6338"))
              .add(server("esx2", 2, 16, "Intel Xeon Gold 6338"))
              .add(server("esx3", 2, 16, "Intel Xeon Gold 6338"))
              .add(Cluster.of("vc", "esx1", "esx2", "esx3"))
              .add(vm("db", "esx2", 4))
              .add(install("db", "p"));
      Position position = reconcile(estate);
      assertEquals(48, required(position, "p", "ee"), "OR-E11: 96 × 0.5");
      assertTrue(TestEstates.reasonsOf(position, "vc").contains("soft partitioning, OR-07"));
    }

    @ParameterizedTest(name = "OR-E12: {0} vCPUs, {1} threads per core → {2}")
    @CsvSource({"32, 2, 16", "8, 1, 8"})
    void orE12_authorizedCloud(long vcpus, long threads, long expected) {
      Virtualization cloud = Virtualization.PHYSICAL.withThreadsPerCore(2);
      LicenseModel ee = model("ee", processor, cloud);
      Device instance =
          Device.builder("ec2", DeviceKind.CLOUD)
              .unit("acme-de")
              .vcpus(vcpus)
              .threadsPerCore(threads)
              .build();
      assertEquals(expected, required(one(ee, instance), "p", "ee"));
    }

    @Test
    void orE8_se2ProcessorTwoSockets() {
      Metric sockets = Metric.builder(MetricType.PROCESSOR).maximumSockets(2).build();
      Position position =
          one(
              model("se2", sockets, Virtualization.PHYSICAL),
              server("s", 2, 24, "Intel Xeon Gold 6338"));
      assertEquals(2, required(position, "p", "se2"), "OR-E8");
    }

    @Test
    void orE9_se2OnFourSocketServerNotPermitted() {
      Metric sockets = Metric.builder(MetricType.PROCESSOR).maximumSockets(2).build();
      Device fourSocket =
          Device.builder("s", DeviceKind.SERVER)
              .unit("acme-de")
              .processors(2L, 8L)
              .maxProcessors(4L)
              .build();
      Position position = one(model("se2", sockets, Virtualization.PHYSICAL), fourSocket);
      assertEquals(1, position.shortfalls().size(), "OR-E9: not permitted");
      assertEquals(null, position.shortfalls().get(0).licenseModel());
      assertTrue(position.shortfalls().get(0).reason().contains("at most 2 sockets (OR-04)"));
    }

    @ParameterizedTest(name = "{0}: {1} vCPUs → {2}")
    @CsvSource({"OR-E13, 8, 2", "OR-E14, 10, 3"})
    void standardEditionInCloud_fourVcpusPerSocket(String id, long vcpus, long expected) {
      Metric sockets = Metric.builder(MetricType.PROCESSOR).maximumVcpus(16).build();
      Virtualization cloud = Virtualization.PHYSICAL.withVcpusPerProcessor(4);
      Device instance =
          Device.builder("ec2", DeviceKind.CLOUD).unit("acme-de").vcpus(vcpus).build();
      assertEquals(expected, required(one(model("se", sockets, cloud), instance), "p", "se"), id);
    }

    @ParameterizedTest(name = "OR-E4: {0} named users → {1}")
    @CsvSource({"150, 400", "650, 650"})
    void orE4_namedUserPlusMinimum(int users, long expected) {
      Metric nup =
          Metric.builder(MetricType.USER).userMinimumPerProcessor(25).coreFactors(oracle).build();
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("nup", nup, null))
              .add(server("s", 2, 16, "Intel Xeon E5-2690"))
              .add(install("s", "p"));
      for (int i = 0; i < users; i++) {
        estate.add(io.itam.model.inventory.User.of("u" + i, "acme-de"));
        estate.add(io.itam.model.inventory.Access.byUser("p", "u" + i));
      }
      Position position = reconcile(estate);
      assertEquals(expected, required(position, "p", "nup"));
    }

    @Test
    void orE1_namedUserPlusMinimumTwoHundred() {
      Metric nup =
          Metric.builder(MetricType.USER).userMinimumPerProcessor(25).coreFactors(oracle).build();
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("nup", nup, null))
                  .add(server("s", 4, 4, "Intel Xeon E7-4830"))
                  .add(install("s", "p")));
      assertEquals(200, required(position, "p", "nup"), "OR-E1: 8 processors × 25");
    }

    @Test
    void orE10_se2NamedUsersClusterOfFourHosts() {
      Metric nup = Metric.builder(MetricType.USER).minimumPerDevice(10).maximumSockets(2).build();
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("se2-nup", nup, Virtualization.of(VirtualizationMode.CLUSTER)))
              .add(Cluster.of("vc", "h1", "h2", "h3", "h4"));
      for (int h = 1; h <= 4; h++) {
        estate.add(server("h" + h, 2, 8));
      }
      estate.add(vm("db", "h1", 4)).add(install("db", "p"));
      for (int i = 0; i < 15; i++) {
        estate.add(io.itam.model.inventory.User.of("u" + i, "acme-de"));
        estate.add(io.itam.model.inventory.Access.byUser("p", "u" + i));
      }
      assertEquals(40, required(reconcile(estate), "p", "se2-nup"), "OR-E10: 4 × 10");
    }

    @Test
    void processorOrNamedUserPlus_cheaperChosen_accessCountedOnlyUnderNup() {
      Metric nup =
          Metric.builder(MetricType.USER).userMinimumPerProcessor(25).coreFactors(oracle).build();
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("ee-proc", processor, Virtualization.PHYSICAL))
              .add(model("ee-nup", nup, null))
              .add(entitlement("PO-P", "ee-proc", 0, "47500.00"))
              .add(entitlement("PO-N", "ee-nup", 0, "950.00"))
              .add(server("s", 2, 8, "Intel Xeon E5-2690"))
              .add(install("s", "p"));
      for (int i = 0; i < 30; i++) {
        estate.add(io.itam.model.inventory.User.of("u" + i, "acme-de"));
        estate.add(io.itam.model.inventory.Access.byUser("p", "u" + i));
      }
      Position position = reconcile(estate);
      // 8 processors: 8 × 47,500 = 380,000 vs NUP max(30, 200) × 950 = 190,000.
      assertEquals(200, required(position, "p", "ee-nup"));
      assertEquals(190000, position.summary().shortfallCost().intValueExact());
    }
  }

  @Nested
  class IbmPvu {
    private final Metric pvu =
        Metric.builder(MetricType.PVU).pvuTable(FactorTableRef.builtIn("ibm")).build();

    private Device power(String id, long cores, long maxSockets, String cpu) {
      return Device.builder(id, DeviceKind.SERVER)
          .unit("acme-de")
          .processors(1L, cores)
          .maxProcessors(maxSockets)
          .cpu(cpu)
          .build();
    }

    @Test
    void ibmE1_power9S922FullCapacity() {
      Position position =
          one(model("ibm", pvu, Virtualization.PHYSICAL), power("s922", 20, 2, "POWER9"));
      assertEquals(1400, required(position, "p", "ibm"), "IBM-E1: 20 × 70");
    }

    @Test
    void ibmE2_power9E980FullCapacity() {
      Position position =
          one(model("ibm", pvu, Virtualization.PHYSICAL), power("e980", 32, 16, "POWER9"));
      assertEquals(3840, required(position, "p", "ibm"), "IBM-E2: 32 × 120");
    }

    @ParameterizedTest(name = "{0}: LPARs {1} + {2} cores → {3}")
    @CsvSource({"IBM-E3, 4, 6, 700", "IBM-E4, 16, 16, 1400"})
    void subCapacity_cappedAtHost(String id, long a, long b, long expected) {
      Virtualization sub = Virtualization.of(VirtualizationMode.PER_VM).withCapAtHost(true);
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("ibm-sub", pvu, sub))
                  .add(power("s922", 20, 2, "POWER9"))
                  .add(vm("lpar1", "s922", a))
                  .add(vm("lpar2", "s922", b))
                  .add(install("lpar1", "p"))
                  .add(install("lpar2", "p")));
      assertEquals(expected, required(position, "p", "ibm-sub"), id);
    }

    @Test
    void ibmE5_unidentifiedProcessor120() {
      Device instance = Device.builder("vm-x", DeviceKind.CLOUD).unit("acme-de").vcpus(4L).build();
      assertEquals(
          480,
          required(one(model("ibm", pvu, Virtualization.PHYSICAL), instance), "p", "ibm"),
          "IBM-E5");
    }

    @Test
    void ibmE6_nehalemExFourSocketMax() {
      Device server =
          Device.builder("x", DeviceKind.SERVER)
              .unit("acme-de")
              .processors(4L, 8L)
              .maxProcessors(4L)
              .cpu("Intel Xeon X7560")
              .build();
      assertEquals(
          3200,
          required(one(model("ibm", pvu, Virtualization.PHYSICAL), server), "p", "ibm"),
          "IBM-E6");
    }
  }

  @Nested
  class VmwareAndRedHat {
    private final Metric vcf = Metric.builder(MetricType.CORE).minimumPerProcessor(16).build();

    @Test
    void vmE1_twoHosts() {
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("vcf", vcf, Virtualization.PHYSICAL))
              .add(server("a", 2, 8))
              .add(server("b", 2, 24))
              .add(install("a", "p"))
              .add(install("b", "p"));
      assertEquals(80, required(reconcile(estate), "p", "vcf"), "VM-E1");
    }

    @ParameterizedTest(name = "{0}: {1} hosts × {2} CPU × {3} cores → {4}")
    @CsvSource({"VM-E2, 3, 1, 8, 48", "VM-E3, 1, 2, 12, 32", "VM-E4, 1, 2, 32, 64"})
    void vcfSixteenPerCpu(String id, int hosts, long cpus, long cores, long expected) {
      Estate.Builder estate =
          estate().add(product("p")).add(model("vcf", vcf, Virtualization.PHYSICAL));
      for (int h = 0; h < hosts; h++) {
        estate.add(server("h" + h, cpus, cores)).add(install("h" + h, "p"));
      }
      assertEquals(expected, required(reconcile(estate), "p", "vcf"), id);
    }

    @ParameterizedTest(name = "RH-E1..E4: {0} sockets → {1}")
    @CsvSource({"4, 2", "6, 3", "1, 1", "3, 2", "10, 5"})
    void rhelSocketPairs(long sockets, long expected) {
      Metric pairs = Metric.builder(MetricType.PROCESSOR).processorsPerUnit(2).build();
      Position position =
          one(model("rhel", pairs, Virtualization.PHYSICAL), server("s", sockets, 8));
      assertEquals(expected, required(position, "p", "rhel"));
    }

    @Test
    void rhE3_fourSocketBoardTwoCpusOccupied() {
      Metric pairs = Metric.builder(MetricType.PROCESSOR).processorsPerUnit(2).build();
      Device board =
          Device.builder("s", DeviceKind.SERVER)
              .unit("acme-de")
              .processors(2L, 8L)
              .maxProcessors(4L)
              .build();
      assertEquals(
          1,
          required(one(model("rhel", pairs, Virtualization.PHYSICAL), board), "p", "rhel"),
          "RH-E3");
    }

    @ParameterizedTest(name = "RH-E4: {0} VMs → {1}")
    @CsvSource({"6, 3", "1, 1"})
    void rhelVmsInPairs(int vms, long expected) {
      Metric pairs =
          Metric.builder(MetricType.PROCESSOR)
              .processorsPerUnit(2)
              .rounding(Rounding.AGGREGATE)
              .build();
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("rhel-vm", pairs, Virtualization.of(VirtualizationMode.PER_VM)));
      for (int i = 0; i < vms; i++) {
        estate.add(server("h" + i, 2, 8)).add(vm("v" + i, "h" + i, 2)).add(install("v" + i, "p"));
      }
      assertEquals(expected, required(reconcile(estate), "p", "rhel-vm"));
    }
  }
}
