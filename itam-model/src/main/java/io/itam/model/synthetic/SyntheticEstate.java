package io.itam.model.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.columnar.ColumnarEstate;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded generator of synthetic estates with a realistic shape, for benchmarks, tests and the CLI
 * ({@code itam generate}): an organisation tree of regions, countries and cost centres; users with
 * desktops, laptops and phones; a catalogue whose popularity follows a Zipf law, with versions,
 * editions and office suites; a datacentre of clusters, hosts, VMs and cloud instances running
 * server products licensed per core, per VM, per processor and by named users; CALs and concurrent
 * use; entitlements in many purchase lines per model and region that leave some products short and
 * others spare. The same {@code (devices, seed)} always gives the same estate.
 *
 * <p>About 40 installations per desktop, 30 per device: {@code devices = 500_000} gives 15.1
 * million installation records and 100 000 entitlement lines, {@code devices = 665_000} 20.1
 * million. {@link #generateColumnar} builds the latter, frame included, in 952 MB of heap (it runs
 * in {@code -Xmx1200m}; measured once with {@code ColumnarMemory} of the test sources).
 */
public final class SyntheticEstate {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");
  private static final String[] REGIONS = {"emea", "amer", "apac", "latam"};
  private static final String[] CPUS = {
    "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
    "Intel(R) Xeon(R) CPU E5-2690 v4 @ 2.60GHz",
    "AMD EPYC 7543 32-Core Processor"
  };

  private final int devices;
  private final SplittableRandom random;
  private final Records records;
  private final List<String> costCentres = new ArrayList<>();
  private final List<CatalogueProduct> catalogue = new ArrayList<>();
  private final double[] zipf;

  private record CatalogueProduct(
      String id, List<String> versions, boolean editions, String model) {}

  private SyntheticEstate(int devices, long seed, Records records) {
    checkArgument(devices >= 10, "devices: at least 10, was %s", devices);
    this.devices = devices;
    this.random = new SplittableRandom(seed);
    this.records = records;
    int products = Math.max(50, Math.min(4000, devices / 100));
    this.zipf = new double[products];
  }

  /** The estate of about {@code devices} end-user devices generated from {@code seed}. */
  public static Estate generate(int devices, long seed) {
    Estate.Builder estate = Estate.builder(AS_OF).currency("EUR");
    new SyntheticEstate(devices, seed, Records.into(estate)).generate();
    return estate.build();
  }

  /**
   * The same estate as {@link #generate(int, long)}, built straight into the columnar form: {@code
   * ColumnarEstate.of(generate(d, s)).equals(generateColumnar(d, s))}, without one object per
   * installation ever being kept, so that 20 million installations fit a small heap.
   */
  public static ColumnarEstate generateColumnar(int devices, long seed) {
    ColumnarEstate.Builder estate = ColumnarEstate.builder(AS_OF).currency("EUR");
    new SyntheticEstate(devices, seed, Records.into(estate)).generate();
    return estate.build();
  }

  private void generate() {
    organisation();
    catalogue();
    people();
    datacentre();
    entitlements();
  }

  /** Where the generated records go, each list in the order generated. */
  private record Records(
      Consumer<Object> frameRecords,
      Consumer<Installation> installations,
      Consumer<Access> accessRecords,
      Consumer<Usage> usageRecords) {
    /** Records into {@code estate}. */
    static Records into(Estate.Builder estate) {
      return new Records(r -> estate.addAll(List.of(r)), estate::add, estate::add, estate::add);
    }

    /** Records into {@code estate}, its installations, access and usage into columns. */
    static Records into(ColumnarEstate.Builder estate) {
      return new Records(r -> estate.addAll(List.of(r)), estate::add, estate::add, estate::add);
    }

    /** A record of the frame: a unit, product, licence model, entitlement, device, … */
    void frame(Object record) {
      frameRecords.accept(record);
    }

    void add(Installation installation) {
      installations.accept(installation);
    }

    void add(Access access) {
      accessRecords.accept(access);
    }

    void add(Usage usage) {
      usageRecords.accept(usage);
    }
  }

  private void organisation() {
    records.frame(OrganizationUnit.root("corp"));
    for (String region : REGIONS) {
      records.frame(OrganizationUnit.of(region, "corp"));
      for (int c = 0; c < 5; c++) {
        String country = region + "-" + c;
        records.frame(OrganizationUnit.of(country, region));
        for (int cc = 0; cc < 3; cc++) {
          String centre = country + "-cc" + cc;
          records.frame(OrganizationUnit.of(centre, country));
          costCentres.add(centre);
        }
      }
    }
  }

  private void catalogue() {
    // Office suites with their components, licensed per device with second use and downgrade.
    for (int s = 0; s < 2; s++) {
      List<String> components = new ArrayList<>();
      for (int c = 0; c < 5; c++) {
        String id = "suite" + s + "-app" + c;
        components.add(id);
        records.frame(
            Product.builder(id)
                .publisher("Suite Corp")
                .name(id)
                .version("2021")
                .version("2024")
                .build());
      }
      String suite = "suite" + s;
      records.frame(
          Product.builder(suite)
              .publisher("Suite Corp")
              .name(suite)
              .version("2021", LocalDate.parse("2021-09-16"))
              .version("2024", LocalDate.parse("2024-10-01"))
              .components(components.toArray(new String[0]))
              .build());
      records.frame(
          LicenseModel.builder(suite + "-device", suite)
              .version("2024")
              .metric(MetricType.DEVICE)
              .rights(Rights.NONE.withSecondUse().withVersionDowngrade())
              .unitPrice(Money.of(s == 0 ? "420.00" : "260.00", "EUR"))
              .build());
      // The first two components are also sold alone.
      for (int c = 0; c < 2; c++) {
        String id = "suite" + s + "-app" + c;
        records.frame(
            LicenseModel.builder(id + "-device", id)
                .metric(MetricType.DEVICE)
                .rights(Rights.NONE.withVersionDowngrade())
                .unitPrice(Money.of("150.00", "EUR"))
                .build());
      }
    }
    double total = 0;
    for (int p = 0; p < zipf.length; p++) {
      total += 1.0 / Math.pow(p + 1, 1.1);
      zipf[p] = total;
    }
    for (int p = 0; p < zipf.length; p++) {
      zipf[p] /= total;
      String id = "app" + p;
      int versionCount = 1 + random.nextInt(3);
      Product.Builder product =
          Product.builder(id).publisher("Vendor " + (p % 97)).name("App " + p);
      List<String> versions = new ArrayList<>();
      for (int v = 0; v < versionCount; v++) {
        String version = String.valueOf(2020 + 2 * v);
        versions.add(version);
        product.version(version, LocalDate.of(2020 + 2 * v, 3, 1));
      }
      boolean editions = p % 7 == 0;
      if (editions) {
        product.editions("Standard", "Professional");
      }
      records.frame(product.build());
      String modelId = id + "-lic";
      LicenseModel.Builder model = LicenseModel.builder(modelId, id);
      switch (p % 10) {
        case 0 -> model.metric(MetricType.USER);
        case 1 -> model.metric(MetricType.INSTALLATION);
        case 2 -> model.metric(Metric.of(MetricType.CONCURRENT_USER));
        default -> model.metric(MetricType.DEVICE);
      }
      if (editions) {
        model
            .edition("Professional")
            .rights(Rights.NONE.withEditionDowngrade().withVersionDowngrade());
      } else {
        model.rights(Rights.NONE.withVersionDowngrade());
      }
      model.unitPrice(Money.of(String.valueOf(20 + (p * 37) % 900) + ".00", "EUR"));
      records.frame(model.build());
      catalogue.add(new CatalogueProduct(id, versions, editions, modelId));
      if (p % 10 == 2) {
        for (String region : REGIONS) {
          LocalDate from = AS_OF.minusDays(60);
          records.add(
              new Usage(
                  id,
                  1 + random.nextInt(Math.max(2, devices / (50 * (p + 1)))),
                  from,
                  AS_OF,
                  region));
        }
      }
    }
    // Server products.
    records.frame(
        Product.builder("winsrv")
            .publisher("Microsoft")
            .name("Windows Server")
            .editions("Standard", "Datacenter")
            .build());
    records.frame(
        LicenseModel.builder("winsrv-dc", "winsrv")
            .edition("Datacenter")
            .metric(
                Metric.builder(MetricType.CORE)
                    .minimumPerProcessor(8)
                    .minimumPerDevice(16)
                    .packSize(2)
                    .build())
            .rights(Rights.NONE.withEditionDowngrade())
            .unitPrice(Money.of("392.00", "EUR"))
            .build());
    records.frame(
        LicenseModel.builder("winsrv-std", "winsrv")
            .edition("Standard")
            .metric(
                Metric.builder(MetricType.CORE)
                    .minimumPerProcessor(8)
                    .minimumPerDevice(16)
                    .packSize(2)
                    .build())
            .virtualization(Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2))
            .unitPrice(Money.of("110.00", "EUR"))
            .build());
    records.frame(
        LicenseModel.builder("winsrv-cal", "winsrv")
            .clientAccess(true)
            .metric(MetricType.USER)
            .unitPrice(Money.of("41.00", "EUR"))
            .build());
    records.frame(Product.builder("dbms").publisher("DB Inc").name("DBMS").build());
    records.frame(
        LicenseModel.builder("dbms-core", "dbms")
            .metric(Metric.builder(MetricType.CORE).minimumPerProcessor(4).packSize(2).build())
            .virtualization(Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(4))
            .unitPrice(Money.of("1800.00", "EUR"))
            .build());
    records.frame(Product.builder("odb").publisher("Oracle").name("Oracle Database").build());
    records.frame(
        LicenseModel.builder("odb-proc", "odb")
            .metric(
                Metric.builder(MetricType.CORE)
                    .coreFactors(FactorTableRef.builtIn("oracle"))
                    .build())
            .virtualization(Virtualization.of(VirtualizationMode.CLUSTER))
            .unitPrice(Money.of("47500.00", "EUR"))
            .build());
  }

  private void people() {
    int users = devices * 4 / 5;
    for (int u = 0; u < users; u++) {
      String unit = costCentres.get(random.nextInt(costCentres.size()));
      String user = "u" + u;
      records.frame(User.of(user, unit));
      if (random.nextInt(10) < 8 || u == 0) {
        personalDevice("pc" + u, DeviceKind.DESKTOP, unit, user, 35);
      }
      if (random.nextInt(10) < 4) {
        personalDevice("lt" + u, DeviceKind.LAPTOP, unit, user, 20);
      }
      if (random.nextInt(10) < 3) {
        personalDevice("ph" + u, DeviceKind.MOBILE, unit, user, 3);
      }
      if (u % 3 == 0) {
        records.add(Access.byUser("winsrv", user));
      }
    }
  }

  private void personalDevice(String id, DeviceKind kind, String unit, String user, int installs) {
    records.frame(Device.builder(id, kind).unit(unit).primaryUser(user).build());
    int suite = random.nextInt(10);
    if (suite < 7) {
      records.add(
          Installation.of(
              id, suite < 5 ? "suite0" : "suite1", random.nextInt(4) == 0 ? "2021" : "2024"));
    } else if (suite < 9) {
      records.add(Installation.of(id, "suite0-app0", "2024"));
      records.add(Installation.of(id, "suite0-app1", "2024"));
    }
    int count = installs / 2 + random.nextInt(installs);
    for (int i = 0; i < count; i++) {
      CatalogueProduct product = catalogue.get(zipfPick());
      String version = product.versions().get(random.nextInt(product.versions().size()));
      Installation installation = Installation.of(id, product.id(), version);
      if (product.editions()) {
        installation =
            installation.withEdition(random.nextInt(3) == 0 ? "Professional" : "Standard");
      }
      records.add(installation);
    }
  }

  private int zipfPick() {
    double r = random.nextDouble();
    int lo = 0;
    int hi = zipf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (zipf[mid] < r) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void datacentre() {
    int hosts = Math.max(4, devices / 40);
    int clusterSize = 8;
    List<String> hostIds = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      String id = "esx" + h;
      String unit = REGIONS[h % REGIONS.length];
      records.frame(
          Device.builder(id, DeviceKind.SERVER)
              .unit(unit)
              .processors(2L, 8L + 8L * random.nextInt(4))
              .maxProcessors(2L)
              .cpu(CPUS[random.nextInt(CPUS.length)])
              .build());
      hostIds.add(id);
    }
    for (int c = 0; c * clusterSize < hosts; c++) {
      List<String> members =
          hostIds.subList(c * clusterSize, Math.min(hosts, (c + 1) * clusterSize));
      records.frame(new Cluster("cl" + c, List.copyOf(members)));
    }
    int vms = devices / 8;
    for (int v = 0; v < vms; v++) {
      String id = "vm" + v;
      String host = hostIds.get(random.nextInt(hosts));
      records.frame(
          Device.builder(id, DeviceKind.VM)
              .unit(REGIONS[v % REGIONS.length])
              .host(host)
              .vcpus(2L + 2L * random.nextInt(4))
              .build());
      records.add(
          Installation.of(id, "winsrv")
              .withEdition(random.nextInt(4) == 0 ? "Datacenter" : "Standard"));
      if (v % 5 == 0) {
        records.add(Installation.of(id, "dbms"));
      }
      if (v % 97 == 0) {
        records.add(Installation.of(id, "odb"));
      }
      for (int i = random.nextInt(4); i > 0; i--) {
        CatalogueProduct product = catalogue.get(zipfPick());
        records.add(Installation.of(id, product.id(), product.versions().get(0)));
      }
    }
    int cloud = devices / 50;
    for (int c = 0; c < cloud; c++) {
      String id = "ec2-" + c;
      records.frame(
          Device.builder(id, DeviceKind.CLOUD)
              .unit(REGIONS[c % REGIONS.length])
              .vcpus(2L + 2L * random.nextInt(8))
              .build());
      records.add(Installation.of(id, "dbms"));
    }
  }

  private void entitlements() {
    int lines = 0;
    List<String> models = new ArrayList<>();
    models.add("suite0-device");
    models.add("suite1-device");
    models.add("suite0-app0-device");
    models.add("suite0-app1-device");
    for (CatalogueProduct product : catalogue) {
      models.add(product.model());
    }
    models.add("winsrv-dc");
    models.add("winsrv-std");
    models.add("winsrv-cal");
    models.add("dbms-core");
    models.add("odb-proc");
    int target = Math.max(models.size(), devices / 5);
    for (int m = 0; m < models.size(); m++) {
      String model = models.get(m);
      // Popular models get many purchase lines; their total tracks the demand loosely.
      double share =
          m < 4
              ? 0.15
              : (m < 4 + catalogue.size() ? (m == 4 ? zipf[0] : zipf[m - 4] - zipf[m - 5]) : 0.01);
      long demand = Math.max(1, Math.round(share * devices * 30 * (m < 4 ? 0.2 : 1)));
      int perRegion = Math.max(1, (int) Math.min(50, Math.round((double) target * share)));
      for (String region : REGIONS) {
        for (int l = 0; l < perRegion; l++) {
          long quantity =
              Math.max(0, Math.round(demand / 4.0 / perRegion * (0.7 + 0.6 * random.nextDouble())));
          Entitlement.Builder line =
              Entitlement.builder("PO-" + lines++, model)
                  .quantity(
                      model.startsWith("winsrv-d") || model.startsWith("dbms")
                          ? quantity * 16
                          : quantity)
                  .scope(region)
                  .validFrom(AS_OF.minusDays(120 + random.nextInt(1500)))
                  .unitPrice(Money.of(String.valueOf(10 + random.nextInt(400)) + ".00", "EUR"));
          if (random.nextInt(5) == 0) {
            line.validUntil(AS_OF.plusDays(random.nextInt(700) - 100));
          }
          if (random.nextInt(3) == 0) {
            line.maintenanceUntil(AS_OF.plusDays(random.nextInt(900) - 300));
          }
          records.frame(line.build());
        }
      }
    }
  }
}
