package io.itam.compliance;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Small random estates for the property tests, built from a list of choices so that QuickTheories
 * shrinks a failure towards a smaller estate (fewer choices, smaller values). Every estate is
 * valid. It mixes suites, second use, editions and versions with downgrade and upgrade rights, user
 * and device metrics, concurrent use, a server product counted per core and per VM, scopes,
 * validity, pins and exemptions; prices are either on every model or nowhere.
 */
final class RandomEstates {
  static final LocalDate AS_OF = LocalDate.parse("2026-11-27");
  private static final String[] UNITS = {"acme", "acme-de", "acme-us"};
  private static final String[] PRODUCTS = {"suite", "a", "b", "c", "srv"};

  private RandomEstates() {}

  /** Estates for the invariants: up to a dozen devices. */
  static Gen<Estate> estates() {
    return lists()
        .of(integers().between(0, 999))
        .ofSizeBetween(0, 120)
        .map(c -> build(new Choices(c), 12));
  }

  /** Estates small enough for the brute-force oracle. */
  static Gen<Estate> tinyEstates() {
    return lists()
        .of(integers().between(0, 999))
        .ofSizeBetween(0, 60)
        .map(c -> build(new Choices(c), 4));
  }

  /** Reads choices in order; past the end, every choice is 0. */
  static final class Choices {
    private final List<Integer> values;
    private int next;

    Choices(List<Integer> values) {
      this.values = values;
    }

    int pick(int bound) {
      int value = next < values.size() ? values.get(next) : 0;
      next++;
      return Math.floorMod(value, bound);
    }

    boolean flip() {
      return pick(2) == 1;
    }

    <T> T one(T[] options) {
      return options[pick(options.length)];
    }
  }

  static Estate build(Choices c, int maxDevices) {
    boolean priced = c.flip();
    Estate.Builder estate =
        Estate.builder(AS_OF)
            .currency("EUR")
            .unit("acme")
            .unit("acme-de", "acme")
            .unit("acme-us", "acme");
    estate
        .add(Product.builder("suite").components("a", "b").version("2021").build())
        .add(
            Product.builder("a")
                .version("2019", LocalDate.parse("2019-01-01"))
                .version("2021", LocalDate.parse("2021-01-01"))
                .build())
        .add(Product.builder("b").version("2021").build())
        .add(Product.builder("c").editions("Std", "Pro").build())
        .add(Product.builder("srv").build());

    // Licence models: a random subset of a fixed menu, at least one.
    List<LicenseModel> menu = new ArrayList<>();
    menu.add(
        model(
            "suite-dev",
            "suite",
            Metric.of(MetricType.DEVICE),
            null,
            c.flip() ? Rights.NONE.withSecondUse() : Rights.NONE,
            priced,
            "500"));
    menu.add(
        model(
            "a-dev",
            "a",
            Metric.of(MetricType.DEVICE),
            null,
            c.flip()
                ? Rights.NONE.withVersionDowngrade()
                : Rights.NONE.withUpgradeWithMaintenance(),
            priced,
            "200"));
    menu.add(
        model(
            "a-inst",
            "a",
            Metric.of(MetricType.INSTALLATION),
            null,
            Rights.NONE.withVersionDowngrade(),
            priced,
            "150"));
    menu.add(model("b-dev", "b", Metric.of(MetricType.DEVICE), null, Rights.NONE, priced, "200"));
    menu.add(
        edition(
            model(
                "c-pro-user",
                "c",
                Metric.of(MetricType.USER),
                null,
                Rights.NONE.withEditionDowngrade(),
                priced,
                "300"),
            "Pro"));
    menu.add(
        edition(
            model("c-std-dev", "c", Metric.of(MetricType.DEVICE), null, Rights.NONE, priced, "100"),
            "Std"));
    menu.add(
        model(
            "c-conc",
            "c",
            Metric.of(MetricType.CONCURRENT_USER),
            null,
            Rights.NONE,
            priced,
            "250"));
    menu.add(
        model(
            "srv-core",
            "srv",
            Metric.builder(MetricType.CORE).minimumPerProcessor(4).build(),
            Virtualization.PHYSICAL,
            Rights.NONE,
            priced,
            "50"));
    menu.add(
        model(
            "srv-vm",
            "srv",
            Metric.of(MetricType.CORE),
            Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(2),
            Rights.NONE,
            priced,
            "60"));
    List<LicenseModel> models = new ArrayList<>();
    for (LicenseModel m : menu) {
      if (c.pick(3) > 0) {
        models.add(m);
      }
    }
    if (models.isEmpty()) {
      models.add(menu.get(c.pick(menu.size())));
    }
    models.forEach(estate::add);

    int users = 1 + c.pick(3);
    for (int u = 0; u < users; u++) {
      estate.add(new User("u" + u, c.one(UNITS), c.pick(5) > 0));
    }
    estate.add(
        Device.builder("host", DeviceKind.SERVER)
            .unit("acme-de")
            .processors(1L + c.pick(2), 2L + c.pick(4))
            .build());
    int devices = 1 + c.pick(maxDevices);
    List<String> deviceIds = new ArrayList<>();
    for (int d = 0; d < devices; d++) {
      String id = "d" + d;
      deviceIds.add(id);
      int kind = c.pick(4);
      Device.Builder device;
      if (kind == 3) {
        device = Device.builder(id, DeviceKind.VM).host("host").vcpus(1L + c.pick(4));
      } else {
        device = Device.builder(id, kind == 2 ? DeviceKind.LAPTOP : DeviceKind.DESKTOP);
        if (c.pick(4) > 0) {
          device.primaryUser("u" + c.pick(users));
        }
      }
      estate.add(device.unit(c.pick(6) == 0 ? null : c.one(UNITS)).build());
    }

    int installations = 1 + c.pick(maxDevices + 2);
    for (int i = 0; i < installations; i++) {
      String device = deviceIds.get(c.pick(deviceIds.size()));
      String product = c.one(PRODUCTS);
      Installation installation = Installation.of(device, product);
      if (product.equals("a") || product.equals("b") || product.equals("suite")) {
        String version = product.equals("a") ? c.one(new String[] {"2019", "2021"}) : "2021";
        installation = Installation.of(device, product, c.pick(5) == 0 ? null : version);
      } else if (product.equals("c")) {
        installation =
            installation.withEdition(c.pick(5) == 0 ? null : c.one(new String[] {"Std", "Pro"}));
      }
      if (c.pick(8) == 0) {
        installation = installation.withInstalled(AS_OF.plusDays(1 + c.pick(30)));
      }
      estate.add(installation);
    }
    for (int i = c.pick(4); i > 0; i--) {
      String product = c.pick(2) == 0 ? "c" : c.one(PRODUCTS);
      estate.add(
          c.pick(3) == 0
              ? Access.byDevice(product, deviceIds.get(c.pick(deviceIds.size())))
              : Access.byUser(product, "u" + c.pick(users)));
    }
    for (int i = c.pick(3); i > 0; i--) {
      LocalDate from = AS_OF.minusDays(c.pick(200));
      estate.add(
          new Usage(
              "c",
              c.pick(4),
              from,
              from.plusDays(c.pick(40)),
              c.pick(2) == 0 ? null : c.one(UNITS)));
    }

    int entitlements = c.pick(4);
    List<String> entitlementIds = new ArrayList<>();
    for (int e = 0; e < entitlements; e++) {
      // Half the time one of the first two models, so that models often have several entitlements.
      LicenseModel m = models.get(c.pick(c.flip() ? Math.min(2, models.size()) : models.size()));
      Entitlement.Builder entitlement =
          Entitlement.builder("PO-" + e, m.id())
              .quantity(c.pick(4) + (m.metric().type() == MetricType.CORE ? 4 * c.pick(3) : 0))
              .scope(c.pick(3) == 0 ? null : c.one(UNITS));
      if (c.pick(4) == 0) {
        entitlement.validUntil(AS_OF.minusDays(c.pick(3) - 1));
      }
      if (c.flip()) {
        entitlement.maintenanceUntil(LocalDate.parse(c.flip() ? "2020-06-30" : "2027-06-30"));
      }
      if (priced && c.pick(3) > 0) {
        entitlement.unitPrice(Money.of(String.valueOf(100 + 50 * c.pick(8)), "EUR"));
      }
      estate.add(entitlement.build());
      entitlementIds.add("PO-" + e);
    }
    if (!entitlementIds.isEmpty() && c.pick(4) == 0) {
      estate.add(
          PinnedAllocation.toDevice(
              entitlementIds.get(c.pick(entitlementIds.size())),
              deviceIds.get(c.pick(deviceIds.size()))));
    }
    if (c.pick(5) == 0) {
      estate.add(
          Exemption.ofDevice(deviceIds.get(c.pick(deviceIds.size())), c.one(PRODUCTS), "lab"));
    }
    return estate.build();
  }

  private static LicenseModel model(
      String id,
      String product,
      Metric metric,
      Virtualization v,
      Rights rights,
      boolean priced,
      String price) {
    return LicenseModel.builder(id, product)
        .metric(metric)
        .virtualization(v)
        .rights(rights)
        .unitPrice(priced ? Money.of(price, "EUR") : null)
        .build();
  }

  private static LicenseModel version(LicenseModel model, String version) {
    return model.toBuilder().version(version).build();
  }

  private static LicenseModel edition(LicenseModel model, String edition) {
    return model.toBuilder().edition(edition).build();
  }
}
