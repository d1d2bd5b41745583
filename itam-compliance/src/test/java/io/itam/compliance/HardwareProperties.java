package io.itam.compliance;

import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.install;
import static io.itam.compliance.TestEstates.product;
import static io.itam.compliance.TestEstates.reconcile;
import static io.itam.compliance.TestEstates.shortOf;
import static io.itam.compliance.TestEstates.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.itam.model.Estate;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.position.Position;
import io.itam.model.terms.BuiltInTables;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the hardware metrics (issue "hardware metrics") on random servers, VMs and licence
 * models, checked on the reconciled position: the units required on the product row.
 *
 * <ul>
 *   <li>Per-core counts never fall below the minimums (WS-01, SQL-01, SQL-02, WS-06).
 *   <li>Adding a core or a processor never lowers a count, whatever the virtualization mode.
 *   <li>Sub-capacity never exceeds full capacity, and is exactly the lower of the VMs' total and
 *       the host's full count (IBM-03, IBM-04).
 * </ul>
 */
class HardwareProperties {
  private static final long SEED = 0x1BB_2026_11_27L;
  private static final int EXAMPLES = 300;

  /** CPU strings that both built-in tables know (the Oracle table has no default). */
  private static final List<Optional<String>> CPUS =
      List.of(
          Optional.of("Intel(R) Xeon(R) CPU E5-2690 v4 @ 2.60GHz"),
          Optional.of("Intel Xeon Gold 6338"),
          Optional.of("Intel Xeon X7560"),
          Optional.of("AMD EPYC 7763 64-Core Processor"),
          Optional.of("IBM POWER9"),
          Optional.of("IBM POWER8"),
          Optional.of("UltraSPARC T1 1.2GHz"),
          Optional.of("SPARC64 VII"),
          Optional.empty());

  // ---- generated inputs --------------------------------------------------------------------

  /** A physical server: occupied sockets, cores per socket, CPU string, socket capacity. */
  record Server(long processors, long cores, Optional<String> cpu, Optional<Long> maxProcessors) {
    Device device(String id) {
      return Device.builder(id, DeviceKind.SERVER)
          .unit("acme-de")
          .processors(processors, cores)
          .cpu(cpu.orElse(null))
          .maxProcessors(maxProcessors.orElse(null))
          .build();
    }

    Server withCores(long more) {
      return new Server(processors, cores + more, cpu, maxProcessors);
    }

    /** One more occupied socket; a full board becomes one socket bigger. */
    Server withProcessors(long more) {
      long p = processors + more;
      return new Server(p, cores, cpu, maxProcessors.map(max -> Math.max(max, p)));
    }
  }

  /** A hardware licence model's metric. */
  record Model(
      MetricType type,
      long minimumPerProcessor,
      long minimumPerDevice,
      boolean oracleFactors,
      long processorsPerUnit) {

    Metric metric() {
      Metric.Builder metric = Metric.builder(type);
      switch (type) {
        case CORE ->
            metric
                .minimumPerProcessor(minimumPerProcessor)
                .minimumPerDevice(minimumPerDevice)
                .coreFactors(oracleFactors ? FactorTableRef.builtIn("oracle") : null);
        case PVU -> metric.pvuTable(FactorTableRef.builtIn("ibm"));
        case PROCESSOR -> metric.processorsPerUnit(processorsPerUnit);
        default -> throw new IllegalArgumentException(type.id());
      }
      return metric.build();
    }

    /** Whether the model can price {@code server} (the Oracle table has no default). */
    boolean prices(Server server) {
      return !oracleFactors || server.cpu().isPresent();
    }
  }

  /** Where the product runs and how the model counts it. */
  enum Layout {
    /** Installed on the server itself, {@code physical}. */
    ON_SERVER,
    /** Installed in VMs, the host counted once ({@code physical}). */
    PHYSICAL,
    /** Installed in VMs, the host counted once per two VMs ({@code host-per-vm-set}). */
    HOST_PER_VM_SET,
    /** Installed in VMs, each by its vCPUs, capped at the host ({@code per-vm}, capAtHost). */
    PER_VM_CAPPED,
    /** Installed in VMs, every host of the cluster counted ({@code cluster}). */
    CLUSTER;

    Virtualization virtualization() {
      return switch (this) {
        case ON_SERVER, PHYSICAL -> Virtualization.PHYSICAL;
        case HOST_PER_VM_SET ->
            Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2);
        case PER_VM_CAPPED -> Virtualization.of(VirtualizationMode.PER_VM).withCapAtHost(true);
        case CLUSTER -> Virtualization.of(VirtualizationMode.CLUSTER);
      };
    }
  }

  static Gen<Server> servers() {
    return integers()
        .between(1, 8)
        .zip(
            integers().between(1, 64),
            Generate.pick(CPUS),
            integers().between(-8, 8),
            (processors, cores, cpu, extra) ->
                new Server(
                    processors,
                    cores,
                    cpu,
                    extra < 0 ? Optional.empty() : Optional.of((long) processors + extra)));
  }

  static Gen<Model> coreModels() {
    return integers()
        .between(0, 16)
        .zip(
            integers().between(0, 32),
            booleans().all(),
            (perProcessor, perDevice, oracle) ->
                new Model(MetricType.CORE, perProcessor, perDevice, oracle, 1));
  }

  static Gen<Model> pvuModels() {
    return Generate.constant(new Model(MetricType.PVU, 0, 0, false, 1));
  }

  static Gen<Model> processorModels() {
    return integers()
        .between(1, 2)
        .map(perUnit -> new Model(MetricType.PROCESSOR, 0, 0, false, perUnit));
  }

  static Gen<Model> hardwareModels() {
    return integers()
        .between(0, 2)
        .<Model>flatMap(
            kind -> kind == 0 ? coreModels() : kind == 1 ? pvuModels() : processorModels());
  }

  /** vCPUs of one to four VMs. */
  static Gen<List<Long>> vms() {
    return lists().of(integers().between(1, 64).map(Integer::longValue)).ofSizeBetween(1, 4);
  }

  // ---- estates -----------------------------------------------------------------------------

  private static LicenseModel licenseModel(Model model, Virtualization v) {
    return LicenseModel.builder("m", "p").metric(model.metric()).virtualization(v).build();
  }

  /** Units required for product {@code p} under {@code model} in {@code layout}. */
  private static long required(Model model, Layout layout, Server host, List<Long> vms) {
    return required(licenseModel(model, layout.virtualization()), layout, host, vms);
  }

  private static long required(LicenseModel model, Layout layout, Server host, List<Long> vms) {
    Estate.Builder estate = estate().add(product("p")).add(model).add(host.device("h"));
    if (layout == Layout.ON_SERVER) {
      estate.add(install("h", "p"));
    } else {
      for (int i = 0; i < vms.size(); i++) {
        estate.add(vm("v" + i, "h", vms.get(i))).add(install("v" + i, "p"));
      }
    }
    if (layout == Layout.CLUSTER) {
      estate.add(new Server(2, 8, host.cpu(), Optional.empty()).device("h2"));
      estate.add(Cluster.of("vc", "h", "h2"));
    }
    return TestEstates.required(reconcile(estate), "p", "m");
  }

  private static Position perVm(Model model, long minimumPerVm, Server host, List<Long> vms) {
    Virtualization perVm =
        Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(minimumPerVm);
    Estate.Builder estate =
        estate().add(product("p")).add(licenseModel(model, perVm)).add(host.device("h"));
    for (int i = 0; i < vms.size(); i++) {
      estate.add(vm("v" + i, "h", vms.get(i))).add(install("v" + i, "p"));
    }
    return reconcile(estate);
  }

  // ---- minimums ----------------------------------------------------------------------------

  @Test
  void core_physicalNeverBelowTheMinimumsOrTheFactoredCores() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(coreModels(), servers())
        .assuming(Model::prices)
        .checkAssert(
            (model, server) -> {
              long units = required(model, Layout.ON_SERVER, server, List.of());
              assertTrue(units >= model.minimumPerDevice(), "minimumPerDevice: " + units);
              assertTrue(
                  units >= server.processors() * model.minimumPerProcessor(),
                  "processors × minimumPerProcessor: " + units);
              BigDecimal factor =
                  model.oracleFactors()
                      ? BuiltInTables.coreFactors("oracle")
                          .orElseThrow()
                          .lookup(server.cpu().orElseThrow(), null)
                          .orElseThrow()
                          .factor()
                      : BigDecimal.ONE;
              long factored =
                  BigDecimal.valueOf(server.processors() * server.cores())
                      .multiply(factor)
                      .setScale(0, RoundingMode.CEILING)
                      .longValueExact();
              assertTrue(units >= factored, "all physical cores × factor " + factor + ": " + units);
            });
  }

  @Test
  void core_perVmNeverBelowMinimumPerVm_andCountsVcpusWithoutFactor() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(coreModels(), integers().between(0, 16), servers(), vms())
        .checkAssert(
            (model, minimumPerVm, host, vms) -> {
              Position position = perVm(model, minimumPerVm, host, vms);
              long total = 0;
              for (int i = 0; i < vms.size(); i++) {
                long units = shortOf(position, "v" + i, "p");
                assertTrue(units >= minimumPerVm, "v" + i + ": " + units);
                assertEquals(Math.max(minimumPerVm, vms.get(i)), units, "v" + i);
                total += units;
              }
              assertEquals(total, TestEstates.required(position, "p", "m"));
            });
  }

  // ---- monotonicity ------------------------------------------------------------------------

  @Test
  void addingACore_neverLowersTheCount() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(hardwareModels(), Generate.enumValues(Layout.class), servers(), vms())
        .assuming((model, layout, server, vms) -> model.prices(server))
        .checkAssert(
            (model, layout, server, vms) -> {
              long before = required(model, layout, server, vms);
              long after = required(model, layout, server.withCores(1), vms);
              assertTrue(after >= before, layout + ": " + before + " → " + after);
            });
  }

  @Test
  void addingAProcessor_neverLowersTheCount() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(hardwareModels(), Generate.enumValues(Layout.class), servers(), vms())
        .assuming((model, layout, server, vms) -> model.prices(server))
        .checkAssert(
            (model, layout, server, vms) -> {
              long before = required(model, layout, server, vms);
              long after = required(model, layout, server.withProcessors(1), vms);
              assertTrue(after >= before, layout + ": " + before + " → " + after);
            });
  }

  // ---- sub-capacity ------------------------------------------------------------------------

  static Gen<Model> coreOrPvuModels() {
    return booleans().all().<Model>flatMap(core -> core ? coreModels() : pvuModels());
  }

  @Test
  void subCapacity_neverExceedsFullCapacity() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(coreOrPvuModels(), integers().between(0, 16), servers(), vms())
        .assuming((model, minimumPerVm, server, vms) -> model.prices(server))
        .checkAssert(
            (model, minimumPerVm, host, vms) -> {
              long sub = required(capped(model, minimumPerVm), Layout.PER_VM_CAPPED, host, vms);
              long full = required(model, Layout.PHYSICAL, host, vms);
              assertTrue(sub <= full, "per-vm capAtHost " + sub + " > physical " + full);
            });
  }

  /**
   * The issue says "licensing a host under physical never costs more units than the VMs it covers
   * would under per-vm with capAtHost". With IBM-03/IBM-04 the relation runs the other way:
   * sub-capacity is the lower of the VMs' total and the host's full capacity, so physical is never
   * cheaper than capped per-VM counting, and equal exactly when the VMs reach the host's count.
   */
  @Test
  void subCapacity_isTheLowerOfTheVmTotalAndFullCapacity() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(coreOrPvuModels(), integers().between(0, 16), servers(), vms())
        .assuming((model, minimumPerVm, server, vms) -> model.prices(server))
        .checkAssert(
            (model, minimumPerVm, host, vms) -> {
              long capped = required(capped(model, minimumPerVm), Layout.PER_VM_CAPPED, host, vms);
              long uncapped = TestEstates.required(perVm(model, minimumPerVm, host, vms), "p", "m");
              long physical = required(model, Layout.PHYSICAL, host, vms);
              assertEquals(
                  Math.min(uncapped, physical),
                  capped,
                  "per-vm " + uncapped + ", physical " + physical);
            });
  }

  /** IBM-E3: the wording fails on the first worked example. */
  @Test
  void subCapacity_physicalCostsMoreThanCappedVms_ibmE3() {
    Model pvu = new Model(MetricType.PVU, 0, 0, false, 1);
    Server s922 = new Server(1, 20, Optional.of("POWER9"), Optional.of(2L));
    List<Long> lpars = List.of(4L, 6L);
    long physical = required(pvu, Layout.PHYSICAL, s922, lpars);
    long capped = required(pvu, Layout.PER_VM_CAPPED, s922, lpars);
    assertEquals(1400, physical, "IBM-E1: 20 × 70");
    assertEquals(700, capped, "IBM-E3: min(10, 20) × 70");
    assertEquals(
        1400, required(pvu, Layout.PER_VM_CAPPED, s922, List.of(16L, 16L)), "IBM-E4: capped");
  }

  private static LicenseModel capped(Model model, long minimumPerVm) {
    return licenseModel(
        model,
        Virtualization.of(VirtualizationMode.PER_VM)
            .withCapAtHost(true)
            .withMinimumPerVm(minimumPerVm));
  }
}
