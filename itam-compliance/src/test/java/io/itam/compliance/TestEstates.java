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
