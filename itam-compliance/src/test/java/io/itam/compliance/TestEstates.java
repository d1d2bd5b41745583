package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Allocation;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Shortfall;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Small estates and position lookups for the example tests. */
final class TestEstates {
  static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

  private TestEstates() {}

  /** An estate as of 2026-11-27 in EUR with units acme → acme-de, acme-us. */
  static Estate.Builder estate() {
    return Estate.builder(AS_OF)
        .currency("EUR")
        .unit("acme")
        .unit("acme-de", "acme")
        .unit("acme-us", "acme");
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  static Product product(String id) {
    return Product.builder(id).publisher("Test").name(id).build();
  }

  static Entitlement entitlement(String id, String model, long quantity) {
    return Entitlement.builder(id, model).quantity(quantity).build();
  }

  static Entitlement entitlement(String id, String model, long quantity, String price) {
    return Entitlement.builder(id, model).quantity(quantity).unitPrice(eur(price)).build();
  }

  static Device server(String id, long processors, long cores) {
    return Device.builder(id, DeviceKind.SERVER)
        .unit("acme-de")
        .processors(processors, cores)
        .build();
  }

  static Device server(String id, long processors, long cores, String cpu) {
    return Device.builder(id, DeviceKind.SERVER)
        .unit("acme-de")
        .processors(processors, cores)
        .cpu(cpu)
        .build();
  }

  static Device vm(String id, String host, long vcpus) {
    return Device.builder(id, DeviceKind.VM).unit("acme-de").host(host).vcpus(vcpus).build();
  }

  static Installation install(String device, String product) {
    return Installation.of(device, product);
  }

  static Position reconcile(Estate.Builder estate) {
    return Reconciler.create().reconcile(estate.build());
  }

  static ProductPosition productRow(Position position, String product, String model) {
    return position.products().stream()
        .filter(p -> p.product().equals(product) && model.equals(p.licenseModel()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no product row " + product + "/" + model + " in " + position.products()));
  }

  /** Units {@code model} requires for {@code product}. */
  static long required(Position position, String product, String model) {
    return productRow(position, product, model).required();
  }

  static long shortfall(Position position, String product, String model) {
    return productRow(position, product, model).shortfall();
  }

  static LicensePosition licenseRow(Position position, String model) {
    return position.licenses().stream()
        .filter(l -> l.licenseModel().equals(model))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no licence row " + model));
  }

  /** Units allocated to {@code consumer} for {@code product}, over every entitlement. */
  static long allocated(Position position, String consumer, String product) {
    return position.allocations().stream()
        .filter(a -> a.consumer().equals(consumer) && a.product().equals(product))
        .mapToLong(Allocation::units)
        .sum();
  }

  static long shortOf(Position position, String consumer, String product) {
    return position.shortfalls().stream()
        .filter(s -> s.consumer().equals(consumer) && s.product().equals(product))
        .mapToLong(Shortfall::units)
        .sum();
  }

  static String reasonsOf(Position position, String consumer) {
    String text =
        position.allocations().stream()
                .filter(a -> a.consumer().equals(consumer))
                .map(Allocation::reason)
                .collect(Collectors.joining("\n"))
            + "\n"
            + position.shortfalls().stream()
                .filter(s -> s.consumer().equals(consumer))
                .map(Shortfall::reason)
                .collect(Collectors.joining("\n"));
    if (text.isBlank()) {
      fail("no rows for consumer " + consumer + ": " + position);
    }
    return text;
  }

  /**
   * Product {@code p} with the per-device model {@code m}, and a desktop with {@code p} installed
   * for each id: in acme-us when the id starts with {@code us}, else in acme-de.
   */
  static Estate.Builder devices(String... ids) {
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

  /** An entitlement of model {@code m} (see {@link #devices}). */
  static Entitlement.Builder po(String id, long quantity) {
    return Entitlement.builder(id, "m").quantity(quantity);
  }

  /** The position's allocations as {@code consumer←entitlement×units}, in order. */
  static List<String> allocations(Position position) {
    return position.allocations().stream()
        .map(a -> a.consumer() + "←" + a.entitlement() + "×" + a.units())
        .toList();
  }

  /**
   * Windows Server {@code p} in editions Standard and Datacenter, licensed per core (8 per
   * processor, 16 per server, packs of 2): Standard ({@code ws-std}) per set of 2 VMs on the host
   * (WS-04, WS-E10), Datacenter ({@code ws-dc}) with edition downgrade, unlimited VMs (WS-05). Two
   * hosts h1, h2 of 1 CPU × 16 cores, each with 4 VMs of 2 vCPUs running Standard: a host needs
   * Datacenter 16 or Standard 32 cores. No entitlements.
   */
  static Estate.Builder twoHostsStandardOrDatacenter() {
    Metric perCore =
        Metric.builder(MetricType.CORE)
            .minimumPerProcessor(8)
            .minimumPerDevice(16)
            .packSize(2)
            .build();
    Estate.Builder estate =
        estate()
            .add(Product.builder("p").editions("Standard", "Datacenter").build())
            .add(
                LicenseModel.builder("ws-std", "p")
                    .edition("Standard")
                    .metric(perCore)
                    .virtualization(
                        Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2))
                    .build())
            .add(
                LicenseModel.builder("ws-dc", "p")
                    .edition("Datacenter")
                    .metric(perCore)
                    .rights(Rights.NONE.withEditionDowngrade())
                    .build());
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

  static void assertProducts(Position position, List<String> expected) {
    assertEquals(
        expected,
        position.products().stream()
            .map(
                p ->
                    p.product()
                        + "/"
                        + p.licenseModel()
                        + " "
                        + p.required()
                        + "="
                        + p.covered()
                        + "+"
                        + p.shortfall())
            .toList());
  }
}
