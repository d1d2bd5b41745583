package io.itam.io.estate;

import io.itam.model.Estate;
import io.itam.model.Limits;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.catalog.ProductVersion;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.DeviceOwner;
import io.itam.model.inventory.DeviceRole;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;

/**
 * Random valid estates: every field varied, optional ones present or absent, extensions of format
 * 1, built-in and inline factor tables, prices with 0 to 6 decimals, unicode ids. Every estate is
 * built through {@link Estate.Builder#build()}, so a generator bug shows as a validation failure.
 */
final class EstateGenerator {
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY", "BHD", "CHF");

  /**
   * CPUs that the built-in {@code oracle} table prices, and that the built-in {@code ibm} table
   * leaves to its default (its rows are limited by socket capacity), and patterns matching them.
   */
  private static final List<String> PRICED_CPUS =
      List.of("AMD Opteron(TM) Processor 6380", "SPARC T3-1");

  private static final List<String> PRICED_PATTERNS = List.of("Opteron", "SPARC");

  private EstateGenerator() {}

  static Gen<Estate> estates() {
    Gen<Estate> estates = in -> new Estates(new Draw(in)).estate();
    return estates.describedAs(estate -> EstateWriter.create().writeString(estate));
  }

  private static final class Estates {
    private final Draw draw;
    private @Nullable String currency;
    private boolean everyCpuPriced;
    private final List<String> units = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private final List<Product> products = new ArrayList<>();
    private final List<String> models = new ArrayList<>();
    private final List<String> entitlements = new ArrayList<>();
    private final List<String> devices = new ArrayList<>();

    Estates(Draw draw) {
      this.draw = draw;
    }

    Estate estate() {
      currency = draw.maybe(() -> draw.pick(CURRENCIES));
      Estate.Builder estate = Estate.builder(draw.date()).currency(currency);
      for (int i = draw.count(4); i > 0; i--) {
        String id = draw.id("unit", units.size());
        String parent = units.isEmpty() || draw.chance() ? null : draw.pick(units);
        estate.add(new OrganizationUnit(id, parent));
        units.add(id);
      }
      for (int i = draw.count(3); i > 0; i--) {
        String id = draw.id("user", users.size());
        estate.add(new User(id, unit(), draw.chance()));
        users.add(id);
      }
      for (int i = draw.count(5); i > 0; i--) {
        Product product = product();
        estate.add(product);
        products.add(product);
      }
      if (!products.isEmpty()) {
        for (int i = draw.count(4); i > 0; i--) {
          estate.add(licenseModel());
        }
      }
      if (!models.isEmpty()) {
        for (int i = draw.count(4); i > 0; i--) {
          estate.add(entitlement());
        }
      }
      devices(estate);
      if (!products.isEmpty()) {
        for (int i = draw.count(4); i > 0; i--) {
          if (!devices.isEmpty()) {
            estate.add(installation());
          }
          if (!devices.isEmpty() || !users.isEmpty()) {
            estate.add(access());
            estate.add(exemption());
          }
          estate.add(usage());
        }
      }
      if (!entitlements.isEmpty() && (!devices.isEmpty() || !users.isEmpty())) {
        for (int i = draw.count(2); i > 0; i--) {
          boolean user = devices.isEmpty() || (!users.isEmpty() && draw.chance());
          String entitlement = draw.pick(entitlements);
          estate.add(
              user
                  ? PinnedAllocation.toUser(entitlement, draw.pick(users))
                  : PinnedAllocation.toDevice(entitlement, draw.pick(devices)));
        }
      }
      return estate.build();
    }

    private @Nullable String unit() {
      return units.isEmpty() || draw.chance() ? null : draw.pick(units);
    }

    private @Nullable String text() {
      return draw.maybe(() -> draw.text(12));
    }

    private Product product() {
      String id = draw.id("product", products.size());
      List<String> editions = new ArrayList<>();
      for (int i = draw.count(3); i > 0; i--) {
        editions.add(draw.id("ed", editions.size()));
      }
      List<ProductVersion> versions = new ArrayList<>();
      LocalDate released = draw.date();
      for (int i = draw.count(3); i > 0; i--) {
        String name = draw.id("v", versions.size());
        if (draw.chance()) {
          versions.add(ProductVersion.of(name));
        } else {
          released = released.plusDays(draw.between(0, 900));
          versions.add(ProductVersion.of(name, released));
        }
      }
      List<String> components = new ArrayList<>();
      for (Product earlier : products) {
        if (draw.between(0, 3) == 0) {
          components.add(earlier.id());
        }
      }
      return new Product(id, text(), text(), editions, versions, components);
    }

    private LicenseModel licenseModel() {
      String id = draw.id("model", models.size());
      models.add(id);
      Product product = draw.pick(products);
      MetricType type = draw.pick(MetricType.values());
      LicenseModel.Builder model =
          LicenseModel.builder(id, product.id())
              .edition(
                  product.editions().isEmpty()
                      ? null
                      : draw.maybe(() -> draw.pick(product.editions())))
              .version(
                  product.versions().isEmpty()
                      ? null
                      : draw.maybe(() -> draw.pick(product.versions()).name()))
              .metric(metric(type))
              .rights(
                  new Rights(
                      draw.chance(),
                      draw.chance(),
                      type == MetricType.DEVICE && draw.chance(),
                      draw.chance(),
                      draw.chance(),
                      draw.chance() ? Rights.DEFAULT_FAILOVER_DEVICES : draw.between(1, 3)))
              .clientAccess(
                  (type == MetricType.USER || type == MetricType.DEVICE) && draw.chance());
      Metric metric = model.build().metric();
      boolean countsVms =
          type.isHardware()
              || (type == MetricType.USER
                  && (metric.userMinimumPerProcessor() > 0 || metric.minimumPerDevice() > 0));
      if (countsVms && draw.chance()) {
        model.virtualization(virtualization(type));
      }
      model.unitPrice(price());
      return model.build();
    }

    private @Nullable Money price() {
      String code = currency;
      if (code == null || draw.chance()) {
        return null;
      }
      return Money.of(draw.decimal(Limits.MAX_QUANTITY / 1000, 6).max(BigDecimal.ZERO), code);
    }

    private Metric metric(MetricType type) {
      Metric.Builder metric = Metric.builder(type);
      if (draw.chance()) {
        metric.packSize(draw.between(1, 1000));
      }
      if ((type.isHardware() || type == MetricType.USER) && draw.chance()) {
        metric.maximumSockets(draw.between(0, 8)).maximumVcpus(draw.between(0, 64));
      }
      switch (type) {
        case CORE, PVU -> {
          if (draw.chance()) {
            metric.minimumPerProcessor(draw.between(0, 64));
          }
          if (draw.chance()) {
            metric.minimumPerDevice(draw.between(0, 64));
          }
          if (draw.chance()) {
            metric.rounding(draw.pick(Rounding.values()));
          }
          if (draw.chance()) {
            if (type == MetricType.CORE) {
              metric.coreFactors(table(false));
            } else {
              metric.pvuTable(table(true));
            }
          }
        }
        case PROCESSOR -> {
          if (draw.chance()) {
            metric.minimumPerDevice(draw.between(0, 8));
          }
          if (draw.chance()) {
            metric.processorsPerUnit(draw.between(1, 4));
          }
          if (draw.chance()) {
            metric.rounding(draw.pick(Rounding.values()));
          }
        }
        case USER -> {
          if (draw.chance()) {
            metric.userMinimumPerProcessor(draw.between(0, 25));
          }
          if (draw.chance()) {
            metric.minimumPerDevice(draw.between(0, 25));
          }
          if (draw.chance()) {
            metric.coreFactors(table(false));
          }
        }
        case CAPACITY -> metric.capacityAttribute(draw.id("attr", 0));
        case CONCURRENT_USER -> {
          if (draw.chance()) {
            metric.windowDays(draw.between(1, Limits.MAX_WINDOW_DAYS));
          }
        }
        default -> {}
      }
      return metric.build();
    }

    /**
     * A built-in table ({@code ibm} has a default, {@code oracle} has none) or an inline one. A
     * table without a default must price every CPU it may meet: it makes every device's CPU one of
     * {@link #PRICED_CPUS}.
     */
    private FactorTableRef table(boolean pvu) {
      if (draw.chance()) {
        if (!pvu) {
          everyCpuPriced = true;
        }
        return FactorTableRef.builtIn(pvu ? "ibm" : "oracle");
      }
      Map<String, BigDecimal> factors = new TreeMap<>();
      for (int i = draw.count(3); i > 0; i--) {
        factors.put(draw.id("cpu", factors.size()), factor());
      }
      BigDecimal defaultFactor = null;
      if (factors.isEmpty() || draw.chance()) {
        defaultFactor = factor();
      } else {
        everyCpuPriced = true;
        for (String pattern : PRICED_PATTERNS) {
          factors.put(pattern, factor());
        }
      }
      return FactorTableRef.inline(FactorTable.of(factors, defaultFactor));
    }

    private BigDecimal factor() {
      BigDecimal factor = draw.decimal(10_000_000, 6);
      return factor.signum() == 0 ? BigDecimal.ONE : factor;
    }

    private Virtualization virtualization(MetricType type) {
      VirtualizationMode mode = draw.pick(VirtualizationMode.values());
      Virtualization v = Virtualization.of(mode).withRequiresMaintenance(draw.chance());
      if (type == MetricType.PROCESSOR && draw.chance()) {
        v = v.withVcpusPerProcessor(draw.between(0, 8));
      }
      if (draw.chance()) {
        v = v.withThreadsPerCore(draw.between(1, 4));
      }
      if (mode == VirtualizationMode.PER_VM) {
        v = v.withMinimumPerVm(draw.between(0, 16)).withCapAtHost(draw.chance());
      } else if (mode == VirtualizationMode.HOST_PER_VM_SET) {
        v = v.withVmsPerSet(draw.between(1, 10));
      }
      return v;
    }

    private Entitlement entitlement() {
      String id = draw.id("PO-", entitlements.size());
      entitlements.add(id);
      LocalDate from = draw.maybe(draw::date);
      LocalDate until =
          draw.chance()
              ? null
              : (from == null ? draw.date() : from.plusDays(draw.between(0, 5000)));
      return Entitlement.builder(id, draw.pick(models))
          .quantity(draw.chance() ? draw.between(0, 1000) : draw.between(0, Limits.MAX_QUANTITY))
          .scope(unit())
          .validFrom(from)
          .validUntil(until)
          .maintenanceUntil(draw.maybe(draw::date))
          .unitPrice(price())
          .reference(text())
          .build();
    }

    private void devices(Estate.Builder estate) {
      int count = draw.count(6);
      List<DeviceKind> kinds = new ArrayList<>();
      List<String> servers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        DeviceKind kind = draw.pick(DeviceKind.values());
        kinds.add(kind);
        devices.add(draw.id("dev", i));
        if (kind == DeviceKind.SERVER) {
          servers.add(devices.get(i));
        }
      }
      for (int i = 0; i < count; i++) {
        DeviceKind kind = kinds.get(i);
        if (kind == DeviceKind.VM && servers.isEmpty()) {
          kind = DeviceKind.DESKTOP;
        }
        Device.Builder device = Device.builder(devices.get(i), kind).unit(unit());
        if (draw.chance()) {
          long processors = draw.between(1, 8);
          device
              .processors(processors)
              .coresPerProcessor(draw.between(1, 128))
              .threadsPerCore(draw.maybe(() -> draw.between(1, 4)))
              .maxProcessors(draw.maybe(() -> processors + draw.between(0, 4)));
        } else if (draw.chance()) {
          device.coresPerProcessor(draw.between(1, Limits.MAX_QUANTITY));
        }
        device.cpu(everyCpuPriced ? draw.pick(PRICED_CPUS) : text());
        if (kind == DeviceKind.VM) {
          device.host(draw.pick(servers));
        }
        if (kind == DeviceKind.VM || kind == DeviceKind.CLOUD) {
          device.vcpus(draw.maybe(() -> draw.between(1, 256)));
        }
        if (!users.isEmpty() && draw.chance()) {
          device.primaryUser(draw.pick(users));
        }
        device.owner(draw.maybe(() -> draw.pick(DeviceOwner.values())));
        DeviceRole role = draw.maybe(() -> draw.pick(DeviceRole.values()));
        device.role(role);
        if (role == DeviceRole.PASSIVE_FAILOVER && count > 1 && draw.chance()) {
          device.failoverFor(devices.get((i + 1 + draw.count(count - 2)) % count));
        }
        for (int a = draw.count(3); a > 0; a--) {
          device.attribute(draw.id("attr", a), draw.decimal(Limits.MAX_QUANTITY / 1000, 6));
        }
        estate.add(device.build());
      }
      List<List<String>> clusters = new ArrayList<>();
      for (int c = draw.count(2); c > 0; c--) {
        clusters.add(new ArrayList<>());
      }
      if (!clusters.isEmpty()) {
        for (String server : servers) {
          int c = draw.count(clusters.size());
          if (c < clusters.size()) {
            clusters.get(c).add(server);
          }
        }
      }
      for (int c = 0; c < clusters.size(); c++) {
        if (!clusters.get(c).isEmpty()) {
          estate.add(new Cluster(draw.id("cluster", c), clusters.get(c)));
        }
      }
    }

    private Installation installation() {
      Product product = draw.pick(products);
      LocalDate installed = draw.maybe(draw::date);
      LocalDate lastUsed =
          draw.chance()
              ? null
              : (installed == null ? draw.date() : installed.plusDays(draw.between(0, 3000)));
      return new Installation(
          draw.pick(devices),
          product.id(),
          product.versions().isEmpty()
              ? null
              : draw.maybe(() -> draw.pick(product.versions()).name()),
          product.editions().isEmpty() ? null : draw.maybe(() -> draw.pick(product.editions())),
          installed,
          lastUsed,
          draw.chance() ? null : "SWID tag " + draw.text(24));
    }

    private boolean byUser() {
      return devices.isEmpty() || (!users.isEmpty() && draw.chance());
    }

    private Access access() {
      String product = draw.pick(products).id();
      return byUser()
          ? Access.byUser(product, draw.pick(users))
          : Access.byDevice(product, draw.pick(devices));
    }

    private Exemption exemption() {
      String product = draw.pick(products).id();
      String reason = "r" + draw.text(20);
      return byUser()
          ? Exemption.ofUser(draw.pick(users), product, reason)
          : Exemption.ofDevice(draw.pick(devices), product, reason);
    }

    private Usage usage() {
      LocalDate from = draw.date();
      return new Usage(
          draw.pick(products).id(),
          draw.between(0, 1_000_000),
          from,
          from.plusDays(draw.between(0, 400)),
          unit());
    }
  }
}
