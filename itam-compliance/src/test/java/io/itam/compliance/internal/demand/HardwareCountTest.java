package io.itam.compliance.internal.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.terms.BuiltInTables;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rounding;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The hardware arithmetic of one device, units and words, on the vendor rules' worked examples and
 * on the boundaries of every minimum and maximum (vendor-rules.md).
 */
class HardwareCountTest {
  private static final FactorTableRef ORACLE = FactorTableRef.builtIn("oracle");
  private static final FactorTableRef IBM = FactorTableRef.builtIn("ibm");
  private static final String XEON = "Intel Xeon E5-2620";

  private static LicenseModel model(Metric metric, Virtualization v) {
    return LicenseModel.builder("m", "p").metric(metric).virtualization(v).build();
  }

  private static LicenseModel model(Metric metric) {
    return model(metric, Virtualization.PHYSICAL);
  }

  private static Device server(long processors, long cores) {
    return Device.builder("s", DeviceKind.SERVER).processors(processors, cores).build();
  }

  private static Device server(long processors, long cores, String cpu) {
    return Device.builder("s", DeviceKind.SERVER).processors(processors, cores).cpu(cpu).build();
  }

  private static HardwareCount count(HardwareCount.Result result) {
    assertNull(result.refusal(), "refused");
    return result.count();
  }

  private static String refusal(HardwareCount.Result result) {
    assertNull(result.count(), "counted");
    return result.refusal();
  }

  private static String factor(FactorTableRef table, boolean pvu, String cpu, @Nullable Long cap) {
    return BuiltInTables.resolve(table, pvu)
        .orElseThrow()
        .lookup(cpu, cap)
        .orElseThrow()
        .describe();
  }

  private static void assertCount(long units, String words, HardwareCount count) {
    assertEquals(words, count.words());
    assertEquals(units, count.units(), words);
  }

  @Nested
  class WindowsServerCores {
    private final LicenseModel ws =
        model(Metric.builder(MetricType.CORE).minimumPerProcessor(8).minimumPerDevice(16).build());

    @Test
    void wsE1_oneByFour_sixteen() {
      HardwareCount c = count(HardwareCount.ofServer(ws, server(1, 4)));
      assertCount(16, "s: 1 × max(8, 4 cores) = 8, minimum 16 per server", c);
      assertEquals(0, new BigDecimal(16).compareTo(c.exact()));
      assertEquals(1, c.divisor());
    }

    @Test
    void wsE2_oneByEight_theProcessorMinimumIsMetExactly() {
      assertCount(
          16,
          "s: 1 × 8 cores = 8, minimum 16 per server",
          count(HardwareCount.ofServer(ws, server(1, 8))));
    }

    @Test
    void wsE3_twoByFour_theServerMinimumIsMetExactly() {
      assertCount(
          16, "s: 2 × max(8, 4 cores) = 16", count(HardwareCount.ofServer(ws, server(2, 4))));
      assertCount(16, "s: 2 × 8 cores = 16", count(HardwareCount.ofServer(ws, server(2, 8))));
    }

    @Test
    void wsE5_twoByTwelve() {
      HardwareCount c = count(HardwareCount.ofServer(ws, server(2, 12)));
      assertCount(24, "s: 2 × 12 cores = 24", c);
      assertEquals(0, new BigDecimal(24).compareTo(c.exact()));
    }

    @Test
    void oneCore_isSingular() {
      LicenseModel plain = model(Metric.of(MetricType.CORE));
      assertCount(1, "s: 1 × 1 core = 1", count(HardwareCount.ofServer(plain, server(1, 1))));
    }
  }

  @Nested
  class OracleProcessors {
    private final LicenseModel ee =
        model(Metric.builder(MetricType.CORE).coreFactors(ORACLE).build());

    @Test
    void orE6_halfFactorThreeCores_roundedUpPerServer() {
      HardwareCount c = count(HardwareCount.ofServer(ee, server(1, 3, XEON)));
      assertCount(
          2,
          "s: 1 × 3 cores × " + factor(ORACLE, false, XEON, 1L) + " = 1.5, rounded up to 2 (OR-01)",
          c);
      assertEquals(0, new BigDecimal(2).compareTo(c.exact()), "rounded per device");
      assertEquals(1, c.divisor());
    }

    @Test
    void orE7_aggregateRounding_keepsTheFraction() {
      LicenseModel aggregate =
          model(
              Metric.builder(MetricType.CORE)
                  .coreFactors(ORACLE)
                  .rounding(Rounding.AGGREGATE)
                  .build());
      HardwareCount c = count(HardwareCount.ofServer(aggregate, server(1, 3, XEON)));
      assertCount(2, "s: 1 × 3 cores × " + factor(ORACLE, false, XEON, 1L) + " = 1.5", c);
      assertEquals(0, new BigDecimal("1.5").compareTo(c.exact()), "exact for the sum");
    }

    @Test
    void aCpuNoRowCovers_isRefused() {
      assertEquals(
          "no row of the "
              + BuiltInTables.resolve(ORACLE, false).orElseThrow().describe()
              + " matches the CPU of s (none given)",
          refusal(HardwareCount.ofServer(ee, server(1, 4))));
    }

    @Test
    void orE5_namedUserMinimumCountsProcessorsWithoutTheCoreMinimum() {
      // OR-05: the NUP minimum counts processors = cores × factor, no per-processor minimum.
      LicenseModel nup =
          model(
              Metric.builder(MetricType.USER)
                  .userMinimumPerProcessor(25)
                  .minimumPerProcessor(8)
                  .coreFactors(ORACLE)
                  .build());
      HardwareCount c = count(HardwareCount.ofServer(nup, server(2, 3, XEON)));
      assertCount(3, "s: 2 × 3 cores × " + factor(ORACLE, false, XEON, 2L), c);
      assertEquals(0, new BigDecimal(3).compareTo(c.exact()));
    }
  }

  @Nested
  class Sockets {
    private final LicenseModel rhel =
        model(Metric.builder(MetricType.PROCESSOR).processorsPerUnit(2).build());

    @Test
    void rh01_socketPairs() {
      assertCount(
          1,
          "s: 2 occupied sockets ÷ 2 per unit = 1",
          count(HardwareCount.ofServer(rhel, server(2, 8))));
      HardwareCount three = count(HardwareCount.ofServer(rhel, server(3, 8)));
      assertCount(2, "s: 3 occupied sockets ÷ 2 per unit = 3/2, rounded up to 2 (OR-01)", three);
      assertEquals(1, three.divisor());
    }

    @Test
    void processorsAggregated_keepTheDivisor() {
      LicenseModel aggregate =
          model(
              Metric.builder(MetricType.PROCESSOR)
                  .processorsPerUnit(2)
                  .rounding(Rounding.AGGREGATE)
                  .build());
      HardwareCount c = count(HardwareCount.ofServer(aggregate, server(3, 8)));
      assertCount(2, "s: 3 occupied sockets ÷ 2 per unit = 3/2", c);
      assertEquals(2, c.divisor());
      assertEquals(0, new BigDecimal(3).compareTo(c.exact()));
    }

    @Test
    void orE8_oneSocketPerUnit() {
      LicenseModel se2 = model(Metric.of(MetricType.PROCESSOR));
      assertCount(1, "s: 1 occupied socket = 1", count(HardwareCount.ofServer(se2, server(1, 24))));
      assertCount(
          2, "s: 2 occupied sockets = 2", count(HardwareCount.ofServer(se2, server(2, 24))));
    }

    @Test
    void aPerServerMinimumRaisesTheCount() {
      LicenseModel min = model(Metric.builder(MetricType.PROCESSOR).minimumPerDevice(2).build());
      assertCount(
          2,
          "s: 1 occupied socket = 1, minimum 2 per server",
          count(HardwareCount.ofServer(min, server(1, 4))));
      assertCount(2, "s: 2 occupied sockets = 2", count(HardwareCount.ofServer(min, server(2, 4))));
    }

    @Test
    void orE9_maximumSockets_isTheCapacity() {
      LicenseModel se2 = model(Metric.builder(MetricType.PROCESSOR).maximumSockets(2).build());
      Device twoOfFour =
          Device.builder("s", DeviceKind.SERVER).processors(2L, 8L).maxProcessors(4L).build();
      assertEquals(
          "model m may run only on servers of at most 2 sockets (OR-04); s has 4",
          refusal(HardwareCount.ofServer(se2, twoOfFour)));
      Device twoOfTwo =
          Device.builder("s", DeviceKind.SERVER).processors(2L, 8L).maxProcessors(2L).build();
      assertEquals(2, count(HardwareCount.ofServer(se2, twoOfTwo)).units(), "at the maximum");
      assertEquals(2L, HardwareCount.socketCapacity(twoOfTwo));
      assertEquals(4L, HardwareCount.socketCapacity(twoOfFour));
      assertEquals(3L, HardwareCount.socketCapacity(server(3, 1)), "occupied when no maximum");
    }

    @Test
    void aServerWithoutProcessorsOrCores_isRefused() {
      Device bare = Device.builder("s", DeviceKind.SERVER).build();
      assertEquals(
          "server s has no \"processors\", which processor counting needs",
          refusal(HardwareCount.ofServer(rhel, bare)));
      Device noCores = Device.builder("s", DeviceKind.SERVER).processors(2L).build();
      assertEquals(
          "server s has no \"coresPerProcessor\", which core counting needs",
          refusal(HardwareCount.ofServer(model(Metric.of(MetricType.CORE)), noCores)));
    }

    @Test
    void notAHardwareMetric_isAnError() {
      assertThrows(
          IllegalArgumentException.class,
          () -> HardwareCount.ofServer(model(Metric.of(MetricType.DEVICE)), server(1, 1)));
    }
  }

  @Nested
  class Pvu {
    private final LicenseModel ibm = model(Metric.builder(MetricType.PVU).pvuTable(IBM).build());

    @Test
    void ibmE6_nehalemExAtFourSockets() {
      Device x =
          Device.builder("x", DeviceKind.SERVER)
              .processors(4L, 8L)
              .maxProcessors(4L)
              .cpu("Intel Xeon X7560")
              .build();
      HardwareCount c = count(HardwareCount.ofServer(ibm, x));
      assertCount(
          3200, "x: 4 × 8 cores × " + factor(IBM, true, "Intel Xeon X7560", 4L) + " = 3200", c);
    }

    @Test
    void withoutATable_isRefused() {
      LicenseModel none = model(Metric.of(MetricType.PVU));
      assertEquals(
          "model m counts PVU but names no pvuTable",
          refusal(HardwareCount.ofServer(none, server(1, 4, XEON))));
      Device vm = Device.builder("vm", DeviceKind.VM).host("s").vcpus(2L).build();
      assertEquals(
          "model m counts PVU but names no pvuTable",
          refusal(HardwareCount.ofVirtual(none, vm, server(1, 4, XEON))));
    }

    @Test
    void ibmE5_anUnidentifiedInstanceIsCharged120PerCore() {
      Device instance = Device.builder("c", DeviceKind.CLOUD).vcpus(4L).build();
      HardwareCount c = count(HardwareCount.ofVirtual(ibm, instance, null));
      assertEquals(480, c.units(), "IBM-E5: 4 × 120");
      assertEquals("c: 4 vCPUs = 4 virtual cores × " + factor(IBM, true, null, null), c.words());
    }

    @Test
    void aVmIsPricedAtItsHostsCpu() {
      Device host = server(2, 8, "Intel Xeon X7560");
      Device vm = Device.builder("vm", DeviceKind.VM).host("s").vcpus(3L).build();
      HardwareCount c = count(HardwareCount.ofVirtual(ibm, vm, host));
      String row = factor(IBM, true, "Intel Xeon X7560", 2L);
      assertEquals("vm: 3 vCPUs = 3 virtual cores × " + row + " of host s", c.words());
      assertEquals(0, new BigDecimal(3 * 70).compareTo(c.exact()), row);
      assertEquals(210, c.units());
    }

    @Test
    void aPerVmMinimumRaisesThePvu() {
      LicenseModel min =
          model(
              Metric.builder(MetricType.PVU).pvuTable(IBM).build(),
              Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(300));
      Device host = server(2, 8, "Intel Xeon X7560");
      Device vm = Device.builder("vm", DeviceKind.VM).host("s").vcpus(3L).build();
      HardwareCount c = count(HardwareCount.ofVirtual(min, vm, host));
      assertEquals(300, c.units());
      assertEquals(0, new BigDecimal(300).compareTo(c.exact()));
      assertEquals(
          "vm: 3 vCPUs = 3 virtual cores × "
              + factor(IBM, true, "Intel Xeon X7560", 2L)
              + " of host s, minimum 300 per VM",
          c.words());
      Device big = Device.builder("vm", DeviceKind.VM).host("s").vcpus(5L).build();
      assertEquals(350, count(HardwareCount.ofVirtual(min, big, host)).units(), "above it");
    }
  }

  @Nested
  class PerVm {
    private final Virtualization perVm = Virtualization.of(VirtualizationMode.PER_VM);

    private Device vm(long vcpus) {
      return Device.builder("vm", DeviceKind.VM).host("h").vcpus(vcpus).build();
    }

    @Test
    void sqlE5_minimumFourPerVm() {
      LicenseModel sql = model(Metric.of(MetricType.CORE), perVm.withMinimumPerVm(4));
      assertCount(
          4, "vm: 2 vCPUs, minimum 4 per VM", count(HardwareCount.ofVirtual(sql, vm(2), null)));
      assertCount(4, "vm: 4 vCPUs", count(HardwareCount.ofVirtual(sql, vm(4), null)));
      assertCount(6, "vm: 6 vCPUs", count(HardwareCount.ofVirtual(sql, vm(6), null)));
    }

    @Test
    void threadsPerCore_divideTheVcpus_unlessTheDeviceHasNoMultithreading() {
      LicenseModel ee = model(Metric.of(MetricType.CORE), perVm.withThreadsPerCore(2));
      assertCount(
          16,
          "vm: 32 vCPUs ÷ 2 threads per core = 16 cores",
          count(HardwareCount.ofVirtual(ee, vm(32), null)));
      assertCount(
          3,
          "vm: 5 vCPUs ÷ 2 threads per core = 3 cores",
          count(HardwareCount.ofVirtual(ee, vm(5), null)));
      Device noHt =
          Device.builder("vm", DeviceKind.VM).host("h").vcpus(8L).threadsPerCore(1L).build();
      assertCount(8, "vm: 8 vCPUs", count(HardwareCount.ofVirtual(ee, noHt, null)));
      Device ht =
          Device.builder("vm", DeviceKind.VM).host("h").vcpus(8L).threadsPerCore(2L).build();
      assertEquals(4, count(HardwareCount.ofVirtual(ee, ht, null)).units());
    }

    @Test
    void maximumVcpus_isInclusive() {
      LicenseModel se2 = model(Metric.builder(MetricType.CORE).maximumVcpus(8).build(), perVm);
      assertEquals(8, count(HardwareCount.ofVirtual(se2, vm(8), null)).units());
      assertEquals(
          "model m may run only on instances of at most 8 vCPUs (OR-08); vm has 9",
          refusal(HardwareCount.ofVirtual(se2, vm(9), null)));
    }

    @Test
    void withoutVcpus_isRefused() {
      Device unknown = Device.builder("vm", DeviceKind.VM).host("h").build();
      assertEquals(
          "vm vm has no \"vcpus\", which per-VM counting needs",
          refusal(
              HardwareCount.ofVirtual(model(Metric.of(MetricType.CORE), perVm), unknown, null)));
    }

    @Test
    void orE14_processorsPerFourVcpus() {
      LicenseModel se =
          model(
              Metric.builder(MetricType.PROCESSOR).minimumPerDevice(5).build(),
              perVm.withVcpusPerProcessor(4));
      assertCount(
          3,
          "vm: 10 vCPUs, one processor per 4 = 3 = 3",
          count(HardwareCount.ofVirtual(se, vm(10), null)));
      assertCount(
          2,
          "vm: 8 vCPUs, one processor per 4 = 2 = 2",
          count(HardwareCount.ofVirtual(se, vm(8), null)));
    }

    @Test
    void rh02_oneProcessorPerVm_inPairs() {
      LicenseModel rhel =
          model(Metric.builder(MetricType.PROCESSOR).processorsPerUnit(2).build(), perVm);
      HardwareCount c = count(HardwareCount.ofVirtual(rhel, vm(16), null));
      assertCount(1, "vm: one processor per VM ÷ 2 per unit = 1/2, rounded up to 1 (OR-01)", c);
      LicenseModel single = model(Metric.of(MetricType.PROCESSOR), perVm);
      assertCount(
          1, "vm: one processor per VM = 1", count(HardwareCount.ofVirtual(single, vm(16), null)));
    }

    @Test
    void notAHardwareMetric_isAnError() {
      assertThrows(
          IllegalArgumentException.class,
          () -> HardwareCount.ofVirtual(model(Metric.of(MetricType.USER)), vm(2), null));
    }
  }

  @Test
  void ceilDiv_roundsUp() {
    assertEquals(0, HardwareCount.ceilDiv(0, 4));
    assertEquals(1, HardwareCount.ceilDiv(1, 4));
    assertEquals(1, HardwareCount.ceilDiv(4, 4));
    assertEquals(2, HardwareCount.ceilDiv(5, 4));
    assertEquals(3, HardwareCount.ceilDiv(10, 4));
    assertThrows(ArithmeticException.class, () -> HardwareCount.ceilDiv(Long.MAX_VALUE, 2));
  }
}
