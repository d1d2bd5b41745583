package io.itam.model.columnar;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.DeviceOwner;
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

/** Small valid estates for the columnar tests, built like the estate document's example. */
final class SampleEstates {
  static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

  private SampleEstates() {}

  /** The example of {@code estate-format.md}, with evidence, dates, and every kind of record. */
  static Estate.Builder documentExample() {
    return Estate.builder(AS_OF)
        .currency("EUR")
        .unit("acme")
        .unit("acme-de", "acme")
        .unit("acme-us", "acme")
        .add(
            Product.builder("sqlserver")
                .publisher("Microsoft")
                .name("SQL Server")
                .editions("Express", "Standard", "Enterprise")
                .version("2019", LocalDate.parse("2019-11-04"))
                .version("2022", LocalDate.parse("2022-11-16"))
                .build())
        .add(
            Product.builder("office-pro")
                .publisher("Microsoft")
                .name("Office Professional Plus")
                .version("2021", LocalDate.parse("2021-10-05"))
                .components("word", "excel")
                .build())
        .add(Product.builder("word").publisher("Microsoft").name("Word").version("2021").build())
        .add(Product.builder("excel").publisher("Microsoft").name("Excel").version("2021").build())
        .add(
            LicenseModel.builder("sql-ent-core", "sqlserver")
                .edition("Enterprise")
                .version("2022")
                .metric(Metric.builder(MetricType.CORE).minimumPerProcessor(4).packSize(2).build())
                .virtualization(Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(4))
                .rights(Rights.NONE.withVersionDowngrade().withEditionDowngrade())
                .build())
        .add(
            LicenseModel.builder("office-pro-device", "office-pro")
                .version("2021")
                .metric(MetricType.DEVICE)
                .rights(Rights.NONE.withVersionDowngrade().withSecondUse())
                .build())
        .add(
            Entitlement.builder("PO-1001/1", "sql-ent-core")
                .quantity(32)
                .scope("acme")
                .unitPrice(Money.of("3586.00", "EUR"))
                .validFrom(LocalDate.parse("2023-01-01"))
                .maintenanceUntil(LocalDate.parse("2026-12-31"))
                .build())
        .add(
            Entitlement.builder("PO-1002/1", "office-pro-device")
                .quantity(250)
                .scope("acme-de")
                .unitPrice(Money.of("420.00", "EUR"))
                .build())
        .add(Cluster.of("vc-prod", "esx-01", "esx-02"))
        .add(
            Device.builder("esx-01", DeviceKind.SERVER)
                .unit("acme-de")
                .processors(2L, 16L)
                .cpu("Intel Xeon Gold 6338")
                .build())
        .add(
            Device.builder("esx-02", DeviceKind.SERVER)
                .unit("acme-de")
                .processors(2L, 16L)
                .cpu("Intel Xeon Gold 6338")
                .build())
        .add(
            Device.builder("vm-sql-01", DeviceKind.VM)
                .unit("acme-de")
                .host("esx-01")
                .vcpus(8L)
                .build())
        .add(
            Device.builder("pc-0001", DeviceKind.DESKTOP)
                .unit("acme-de")
                .primaryUser("u-0001")
                .build())
        .add(
            Device.builder("lt-0001", DeviceKind.LAPTOP)
                .unit("acme-de")
                .primaryUser("u-0001")
                .owner(DeviceOwner.ORGANIZATION)
                .build())
        .add(User.of("u-0001", "acme-de"))
        .add(User.of("u-0002", "acme-us"))
        .add(
            new Installation(
                "vm-sql-01",
                "sqlserver",
                "2019",
                "Standard",
                LocalDate.parse("2024-02-01"),
                LocalDate.parse("2026-11-20"),
                "swid:regid.1991-06.com.microsoft; activationStatus=activated"))
        .add(Installation.of("pc-0001", "office-pro", "2021"))
        .add(
            Installation.of("lt-0001", "excel", "2021")
                .withInstalled(LocalDate.parse("1969-07-20")))
        .add(Installation.of("esx-02", "sqlserver").withEdition("Enterprise"))
        .add(Installation.of("pc-0001", "office-pro", "2021")) // a duplicate record is kept
        .add(Access.byUser("sqlserver", "u-0001"))
        .add(Access.byDevice("sqlserver", "pc-0001"))
        .add(Access.byUser("sqlserver", "u-0002"))
        .add(
            Usage.of("sqlserver", 12, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")))
        .add(
            new Usage(
                "sqlserver",
                3,
                LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-31"),
                "acme-us"))
        .add(PinnedAllocation.toDevice("PO-1001/1", "vm-sql-01"))
        .add(Exemption.ofDevice("pc-0001", "office-pro", "test lab, covered by MSDN"));
  }

  /**
   * A valid estate whose installation, last-use and usage dates are the first and last days a
   * {@code LocalDate} has, as the engine's overflow tests reconcile them.
   */
  static Estate.Builder datesAtTheEnds() {
    LocalDate min = LocalDate.MIN;
    LocalDate max = LocalDate.MAX;
    return frameOnly()
        .add(Product.builder("p").build())
        .add(new Installation("pc", "p", null, null, max, max))
        .add(new Installation("pc", "p", null, null, min, min))
        .add(new Installation("pc", "p", null, null, min, max))
        .add(new Installation("pc", "p", null, null, max, null))
        .add(new Installation("pc", "p", null, null, null, min))
        .add(Usage.of("p", 3, min, min.plusDays(10)))
        .add(Usage.of("p", 2, max.minusDays(10), max))
        .add(Usage.of("p", 1, min, max));
  }

  /** An estate with a frame and no installations, access or usage. */
  static Estate.Builder frameOnly() {
    return Estate.builder(AS_OF).unit("acme").add(Device.desktop("pc", "acme", null));
  }
}
