package io.itam.compliance.oracle;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;

/**
 * Tiny random estates for the oracle, built from a list of int choices so that QuickTheories
 * shrinks a failure towards fewer and smaller choices (past the end of the list every choice is 0,
 * the simplest). 1–4 devices, 1–6 installations, 1–4 licence models drawn from a menu mixing the
 * {@code device} and {@code installation} metrics, a suite, versions 2019/2021/2024 with release
 * dates, editions, downgrade and upgrade rights and pack sizes 1/2/5/10, and 0–4 entitlements with
 * scopes, validity, maintenance and prices. Prices are on every model (a list price) or nowhere.
 * Every estate is valid.
 */
final class OracleEstates {
  static final LocalDate AS_OF = LocalDate.parse("2026-11-27");
  private static final String[] UNITS = {null, "acme", "acme-de", "acme-us"};
  private static final String[] PRODUCTS = {"a", "b", "suite", "c"};
  private static final String[] VERSIONS = {null, "2019", "2021", "2024"};
  private static final String[] EDITIONS = {null, "Std", "Pro"};
  private static final DeviceKind[] KINDS = {
    DeviceKind.DESKTOP, DeviceKind.LAPTOP, DeviceKind.SERVER
  };
  private static final long[] PACK_SIZES = {1, 1, 2, 5, 10};
  private static final String[] PRICES = {"5.00", "10.00", "11.00", "20.00"};
  private static final String[] INSTALLED = {null, null, "2025-01-01", "2027-01-01"};
  private static final String[] SCOPES = {null, null, "acme", "acme-de", "acme-us"};
  private static final long[] QUANTITIES = {0, 1, 1, 2, 2, 3, 4};
  private static final int[] DEVICE_COUNTS = {1, 1, 2, 2, 3, 4};
  private static final int[] INSTALLATION_COUNTS = {1, 2, 3, 3, 4, 4, 5, 5, 6, 6};
  private static final int[] ENTITLEMENT_COUNTS = {0, 1, 2, 2, 3, 3, 4, 4};
  private static final String[] VALID_FROM = {null, null, null, "2020-01-01", "2027-01-01"};
  private static final String[] VALID_UNTIL = {null, null, null, "2026-01-01", "2028-12-31"};
  private static final String[] MAINTENANCE = {
    null, "2020-12-31", "2021-06-01", "2023-12-31", "2026-12-31"
  };

  private OracleEstates() {}

  /** Tiny estates of the oracle's subset. */
  static Gen<Estate> tiny() {
    return lists()
        .of(integers().between(0, 999))
        .ofSizeBetween(0, 90)
        .map(choices -> build(new Choices(choices)))
        .describedAs(OracleEstates::describe);
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

    @Nullable LocalDate date(String[] options) {
      String date = one(options);
      return date == null ? null : LocalDate.parse(date);
    }
  }

  static Estate build(Choices c) {
    boolean priced = c.flip();
    Estate.Builder estate = catalogue();
    int models = 1 + c.pick(4);
    List<String> licensed = new ArrayList<>();
    for (int m = 0; m < models; m++) {
      LicenseModel model = model(c, "m" + m, priced);
      licensed.add(model.product());
      estate.add(model);
    }
    int devices = DEVICE_COUNTS[c.pick(DEVICE_COUNTS.length)];
    for (int d = 0; d < devices; d++) {
      estate.add(Device.builder("d" + d, c.one(KINDS)).unit(c.one(UNITS)).build());
    }
    int installations = INSTALLATION_COUNTS[c.pick(INSTALLATION_COUNTS.length)];
    for (int i = 0; i < installations; i++) {
      String product = installedProduct(c, licensed);
      String version = product.equals("c") ? null : c.one(VERSIONS);
      String edition = product.equals("a") ? c.one(EDITIONS) : null;
      estate.add(
          new Installation(
              "d" + c.pick(devices), product, version, edition, c.date(INSTALLED), null));
    }
    int entitlements = ENTITLEMENT_COUNTS[c.pick(ENTITLEMENT_COUNTS.length)];
    for (int e = 0; e < entitlements; e++) {
      estate.add(entitlement(c, "e" + e, "m" + c.pick(models), priced));
    }
    return estate.build();
  }

  /** Mostly a product some model licenses (a suite's component half the time), else any. */
  private static String installedProduct(Choices c, List<String> licensed) {
    if (c.pick(4) == 0) {
      return c.one(PRODUCTS);
    }
    String product = licensed.get(c.pick(licensed.size()));
    return product.equals("suite") ? c.one(new String[] {"a", "b", "suite"}) : product;
  }

  private static Estate.Builder catalogue() {
    Estate.Builder estate =
        Estate.builder(AS_OF)
            .currency("EUR")
            .unit("acme")
            .unit("acme-de", "acme")
            .unit("acme-us", "acme");
    estate.add(versioned(Product.builder("a").editions("Std", "Pro")).build());
    estate.add(versioned(Product.builder("b")).build());
    estate.add(versioned(Product.builder("suite").components("a", "b")).build());
    estate.add(Product.builder("c").build());
    return estate;
  }

  private static Product.Builder versioned(Product.Builder product) {
    return product
        .version("2019", LocalDate.parse("2019-06-01"))
        .version("2021", LocalDate.parse("2021-06-01"))
        .version("2024", LocalDate.parse("2024-06-01"));
  }

  private static LicenseModel model(Choices c, String id, boolean priced) {
    String product = c.one(PRODUCTS);
    MetricType metric = c.flip() ? MetricType.INSTALLATION : MetricType.DEVICE;
    Rights rights = Rights.NONE;
    if (c.flip()) {
      rights = rights.withVersionDowngrade();
    }
    if (c.flip()) {
      rights = rights.withEditionDowngrade();
    }
    if (c.flip()) {
      rights = rights.withUpgradeWithMaintenance();
    }
    return LicenseModel.builder(id, product)
        .metric(Metric.builder(metric).packSize(PACK_SIZES[c.pick(PACK_SIZES.length)]).build())
        .edition(product.equals("a") ? c.one(EDITIONS) : null)
        .version(product.equals("c") ? null : c.one(VERSIONS))
        .rights(rights)
        .unitPrice(priced ? Money.of(c.one(PRICES), "EUR") : null)
        .build();
  }

  private static Entitlement entitlement(Choices c, String id, String model, boolean priced) {
    LocalDate from = c.date(VALID_FROM);
    LocalDate until = c.date(VALID_UNTIL);
    if (from != null && until != null && until.isBefore(from)) {
      until = null;
    }
    String price = priced ? c.one(new String[] {null, "5.00", "10.00", "11.00", "20.00"}) : null;
    return Entitlement.builder(id, model)
        .quantity(QUANTITIES[c.pick(QUANTITIES.length)])
        .scope(c.one(SCOPES))
        .validFrom(from)
        .validUntil(until)
        .maintenanceUntil(c.date(MAINTENANCE))
        .unitPrice(price == null ? null : Money.of(price, "EUR"))
        .build();
  }

  /** {@code estate} with every pack size 1: to tell a pack-pricing defect from a demand defect. */
  static Estate withSinglePacks(Estate estate) {
    Estate.Builder single = Estate.builder(estate.asOf()).currency(estate.currency());
    single.addAll(estate.organization()).addAll(estate.products());
    for (LicenseModel m : estate.licenseModels()) {
      Metric metric = Metric.builder(m.metric().type()).packSize(1).build();
      single.add(m.toBuilder().metric(metric).build());
    }
    single.addAll(estate.entitlements()).addAll(estate.devices());
    return single.addAll(estate.installations()).build();
  }

  /** The estate in a few lines, for failure reports and hand checks. */
  static String describe(Estate estate) {
    StringBuilder text = new StringBuilder("estate as of ").append(estate.asOf()).append('\n');
    for (LicenseModel m : estate.licenseModels()) {
      Rights r = m.rights();
      text.append(
          String.format(
              "  model %s: %s per %s, edition %s, version %s,%s%s%s pack %d, list %s%n",
              m.id(),
              m.product(),
              m.metric().type().id(),
              m.edition(),
              m.version(),
              r.versionDowngrade() ? " versionDowngrade" : "",
              r.editionDowngrade() ? " editionDowngrade" : "",
              r.upgradeWithMaintenance() ? " upgradeWithMaintenance" : "",
              m.metric().packSize(),
              m.unitPrice()));
    }
    for (Entitlement e : estate.entitlements()) {
      text.append(
          String.format(
              "  entitlement %s: %s × %d, scope %s, valid %s..%s, maintenance %s, price %s%n",
              e.id(),
              e.licenseModel(),
              e.quantity(),
              e.scope(),
              e.validFrom(),
              e.validUntil(),
              e.maintenanceUntil(),
              e.unitPrice()));
    }
    text.append("  devices: ")
        .append(
            estate.devices().stream()
                .map(d -> d.id() + "@" + d.unit())
                .collect(Collectors.joining(", ")))
        .append('\n');
    for (Installation i : estate.installations()) {
      text.append(
          String.format(
              "  installation %s on %s, version %s, edition %s, installed %s%n",
              i.product(), i.device(), i.version(), i.edition(), i.installed()));
    }
    return text.toString();
  }
}
