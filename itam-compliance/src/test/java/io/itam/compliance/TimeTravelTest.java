package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Time travel: one estate whose entitlements start, expire and lose maintenance, reconciled for a
 * series of as-of dates ({@link ReconcileOptions#withAsOf}). Every boundary is tested on the day
 * before, the day itself and the day after: a term's {@code validFrom} and {@code validUntil} (both
 * inclusive), {@code maintenanceUntil} (inclusive) where the virtualization rights need active
 * maintenance, an installation's {@code installed} date, and both ends of a usage record seen
 * through the concurrent-use window that ends on the as-of date.
 *
 * <p>The estate (in the organisation {@code acme}):
 *
 * <ul>
 *   <li>Visio per device on {@code pc-1..3}, and on {@code pc-4} installed 2026-07-01: term
 *       subscriptions {@code T-2025} (2 devices, 2025) and {@code T-2026} (3 devices, 2026).
 *   <li>A CAD tool by concurrent use, a 30-day window, 5 licences ({@code C-1}, perpetual): peaks
 *       of 4 measured 2026-03-01..03-31 and of 7 measured 2026-05-01..05-10.
 *   <li>A database licensed per device for version 2019 with the upgrade right: {@code P-1}, a
 *       perpetual licence for 2 devices valid from 2020-01-01 with maintenance until 2025-08-31;
 *       {@code pc-db-1} runs version 2022, released during maintenance. (The upgrade test adds
 *       version 2025, released 2025-09-01, on a second device.)
 *   <li>SQL Server per core, the physical host covering its VMs only while maintenance is active
 *       (SQL-04): {@code Q-1}, 16 cores, maintenance until 2026-09-30; a VM on a 2 × 8-core host.
 * </ul>
 */
class TimeTravelTest {
  private static final LocalDate T_2025_FROM = date("2025-01-01");
  private static final LocalDate T_2025_UNTIL = date("2025-12-31");
  private static final LocalDate T_2026_FROM = date("2026-01-01");
  private static final LocalDate T_2026_UNTIL = date("2026-12-31");
  private static final LocalDate PC_4_INSTALLED = date("2026-07-01");
  private static final LocalDate P_1_FROM = date("2020-01-01");
  private static final LocalDate P_1_MAINTENANCE = date("2025-08-31");
  private static final LocalDate Q_1_MAINTENANCE = date("2026-09-30");
  private static final LocalDate PEAK_4_FROM = date("2026-03-01");
  private static final LocalDate PEAK_4_UNTIL = date("2026-03-31");
  private static final LocalDate PEAK_7_FROM = date("2026-05-01");
  private static final LocalDate PEAK_7_UNTIL = date("2026-05-10");
  private static final int WINDOW_DAYS = 30;

  /**
   * The CAD installation when no usage is measured in the window: short, as a record no model
   * covers (estate-format.md: "without a measurement covering them they are short").
   */
  private static final String UNMEASURED = "(no model) 1=0+1";

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  /** The estate, its own as-of date irrelevant: every test chooses the date. */
  static Estate estate() {
    return estate(P_1_MAINTENANCE, false);
  }

  /**
   * The estate with {@code P-1}'s maintenance ending on {@code dbMaintenanceUntil}, and with
   * version 2025 of the database installed on a second device when {@code version2025}.
   */
  static Estate estate(LocalDate dbMaintenanceUntil, boolean version2025) {
    Estate.Builder estate = Estate.builder(date("2026-11-27"));
    if (version2025) {
      estate
          .add(desktop("pc-db-2"))
          .add(new Installation("pc-db-2", "db", "2025", null, null, null));
    }
    return estate
        .currency("EUR")
        .unit("acme")
        // Visio: two term subscriptions, one after the other; pc-4 installed mid-2026.
        .add(product("visio"))
        .add(LicenseModel.builder("visio-device", "visio").metric(MetricType.DEVICE).build())
        .add(
            Entitlement.builder("T-2025", "visio-device")
                .quantity(2)
                .validFrom(T_2025_FROM)
                .validUntil(T_2025_UNTIL)
                .build())
        .add(
            Entitlement.builder("T-2026", "visio-device")
                .quantity(3)
                .validFrom(T_2026_FROM)
                .validUntil(T_2026_UNTIL)
                .build())
        .add(desktop("pc-1"))
        .add(desktop("pc-2"))
        .add(desktop("pc-3"))
        .add(desktop("pc-4"))
        .add(Installation.of("pc-1", "visio"))
        .add(Installation.of("pc-2", "visio"))
        .add(Installation.of("pc-3", "visio"))
        .add(new Installation("pc-4", "visio", null, null, PC_4_INSTALLED, null))
        // CAD: concurrent use measured twice.
        .add(product("cad"))
        .add(
            LicenseModel.builder("cad-float", "cad")
                .metric(Metric.builder(MetricType.CONCURRENT_USER).windowDays(WINDOW_DAYS).build())
                .build())
        .add(Entitlement.builder("C-1", "cad-float").quantity(5).build())
        .add(Installation.of("pc-1", "cad"))
        .add(new Usage("cad", 4, PEAK_4_FROM, PEAK_4_UNTIL, "acme"))
        .add(new Usage("cad", 7, PEAK_7_FROM, PEAK_7_UNTIL, "acme"))
        // The database: a perpetual licence with maintenance and the upgrade right.
        .add(
            Product.builder("db")
                .publisher("Test")
                .name("db")
                .version("2019", date("2019-11-04"))
                .version("2022", date("2022-11-16"))
                .version("2025", date("2025-09-01"))
                .build())
        .add(
            LicenseModel.builder("db-2019", "db")
                .version("2019")
                .metric(MetricType.DEVICE)
                .rights(Rights.NONE.withUpgradeWithMaintenance())
                .build())
        .add(
            Entitlement.builder("P-1", "db-2019")
                .quantity(2)
                .validFrom(P_1_FROM)
                .maintenanceUntil(dbMaintenanceUntil)
                .build())
        .add(desktop("pc-db-1"))
        .add(new Installation("pc-db-1", "db", "2022", null, null, null))
        // SQL Server: the host covers its VMs while maintenance is active (SQL-04).
        .add(product("sql"))
        .add(
            LicenseModel.builder("sql-core", "sql")
                .metric(MetricType.CORE)
                .virtualization(
                    Virtualization.of(VirtualizationMode.PHYSICAL).withRequiresMaintenance(true))
                .build())
        .add(
            Entitlement.builder("Q-1", "sql-core")
                .quantity(16)
                .validFrom(date("2023-01-01"))
                .maintenanceUntil(Q_1_MAINTENANCE)
                .build())
        .add(Device.builder("esx-1", DeviceKind.SERVER).unit("acme").processors(2L, 8L).build())
        .add(Device.builder("vm-1", DeviceKind.VM).unit("acme").host("esx-1").vcpus(4L).build())
        .add(Installation.of("vm-1", "sql"))
        .build();
  }

  private static Product product(String id) {
    return Product.builder(id).publisher("Test").name(id).build();
  }

  private static Device desktop(String id) {
    return Device.builder(id, DeviceKind.DESKTOP).unit("acme").build();
  }

  private static Position on(Estate estate, LocalDate asOf) {
    return Reconciler.create(ReconcileOptions.DEFAULTS.withAsOf(asOf)).reconcile(estate);
  }

  private static Position on(LocalDate asOf) {
    return on(estate(), asOf);
  }

  // ---- what a position says ------------------------------------------------------------------

  /**
   * {@code required=covered+shortfall} of {@code product} measured by {@code model}; {@code (no
   * model) n=0+n} for use no model can cover; {@code none} without demand.
   */
  private static String row(Position position, String product, String model) {
    List<String> rows = new ArrayList<>();
    for (ProductPosition p : position.products()) {
      if (p.product().equals(product)
          && (model.equals(p.licenseModel()) || p.licenseModel() == null)) {
        rows.add(
            (p.licenseModel() == null ? "(no model) " : "")
                + p.required()
                + "="
                + p.covered()
                + "+"
                + p.shortfall());
      }
    }
    return rows.isEmpty() ? "none" : String.join(", ", rows);
  }

  /** The entitlements the position rejects, {@code id: not valid yet | expired}. */
  private static List<String> rejectedEntitlements(Position position) {
    List<String> rows = new ArrayList<>();
    for (Rejected r : position.rejected()) {
      if (r.record().equals("entitlement")) {
        rows.add(
            r.consumer()
                + ": "
                + (r.reason().startsWith("not valid yet")
                    ? "not valid yet"
                    : r.reason().startsWith("expired") ? "expired" : r.reason()));
      }
    }
    return rows;
  }

  /** The records other than entitlements the position rejects, {@code record consumer product}. */
  private static List<String> rejectedRecords(Position position) {
    List<String> rows = new ArrayList<>();
    for (Rejected r : position.rejected()) {
      if (!r.record().equals("entitlement")) {
        rows.add(r.record() + " " + r.consumer() + " " + r.product());
      }
    }
    return rows;
  }

  // ---- the whole position on a series of dates ----------------------------------------------

  /**
   * The position on each date: compliant, then per product {@code required=covered+shortfall} (in
   * the model's units), the rejected entitlements, and the other rejected records.
   */
  static Stream<Arguments> series() {
    return Stream.of(
        Arguments.of(
            // Before everything but the database licence and SQL Server: no Visio term yet.
            "2024-12-31",
            "not compliant; visio 3=0+3; cad (no model) 1=0+1; db 1=1+0; sql 16=16+0",
            List.of("T-2025: not valid yet", "T-2026: not valid yet"),
            List.of("installation pc-4 visio", "usage usage:acme cad", "usage usage:acme cad")),
        Arguments.of(
            "2025-06-15",
            "not compliant; visio 3=2+1; cad (no model) 1=0+1; db 1=1+0; sql 16=16+0",
            List.of("T-2026: not valid yet"),
            List.of("installation pc-4 visio", "usage usage:acme cad", "usage usage:acme cad")),
        Arguments.of(
            // The only compliant date: the 2026 term covers pc-1..3, the March peak is within C-1.
            "2026-03-15",
            "compliant; visio 3=3+0; cad 4=4+0; db 1=1+0; sql 16=16+0",
            List.of("T-2025: expired"),
            List.of("installation pc-4 visio", "usage usage:acme cad")),
        Arguments.of(
            "2026-05-05",
            "not compliant; visio 3=3+0; cad 7=5+2; db 1=1+0; sql 16=16+0",
            List.of("T-2025: expired"),
            List.of("installation pc-4 visio", "usage usage:acme cad")),
        Arguments.of(
            "2026-08-01",
            "not compliant; visio 4=3+1; cad (no model) 1=0+1; db 1=1+0; sql 16=16+0",
            List.of("T-2025: expired"),
            List.of("usage usage:acme cad", "usage usage:acme cad")),
        Arguments.of(
            "2026-11-27",
            "not compliant; visio 4=3+1; cad (no model) 1=0+1; db 1=1+0; sql 16=0+16",
            List.of("T-2025: expired"),
            List.of("usage usage:acme cad", "usage usage:acme cad")),
        Arguments.of(
            "2027-06-30",
            "not compliant; visio 4=0+4; cad (no model) 1=0+1; db 1=1+0; sql 16=0+16",
            List.of("T-2025: expired", "T-2026: expired"),
            List.of("usage usage:acme cad", "usage usage:acme cad")));
  }

  private static String summary(Position position) {
    return (position.compliant() ? "compliant" : "not compliant")
        + "; visio "
        + row(position, "visio", "visio-device")
        + "; cad "
        + row(position, "cad", "cad-float")
        + "; db "
        + row(position, "db", "db-2019")
        + "; sql "
        + row(position, "sql", "sql-core");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("series")
  void reconcile_onEachDate_givesThatDatesPosition(
      String asOf, String summary, List<String> entitlements, List<String> records) {
    Position position = on(date(asOf));

    assertEquals(date(asOf), position.asOf());
    assertEquals(summary, summary(position));
    assertEquals(entitlements, rejectedEntitlements(position));
    assertEquals(records, rejectedRecords(position));
  }

  // ---- each boundary: the day before, the day itself, the day after ------------------------

  /** Visio devices covered (of pc-1..3, plus pc-4 once installed). */
  private static String visio(LocalDate asOf) {
    return row(on(asOf), "visio", "visio-device");
  }

  @Test
  void termSubscription_validFrom_countsFromTheDayItself() {
    assertEquals("3=0+3", visio(T_2025_FROM.minusDays(1)));
    assertEquals("3=2+1", visio(T_2025_FROM));
    assertEquals("3=2+1", visio(T_2025_FROM.plusDays(1)));
  }

  @Test
  void termSubscription_validUntil_countsUntilTheDayItself() {
    // T-2025 ends as T-2026 starts: each counts on its own days only, never both, never neither.
    assertEquals("3=2+1", visio(T_2025_UNTIL.minusDays(1)));
    assertEquals("3=2+1", visio(T_2025_UNTIL));
    assertEquals("3=3+0", visio(T_2026_FROM));
    assertEquals("4=3+1", visio(T_2026_UNTIL));
    assertEquals("4=0+4", visio(T_2026_UNTIL.plusDays(1)));
  }

  @Test
  void entitlementsNotValid_areRejectedAsNotYetValidOrExpired() {
    assertEquals(
        List.of("T-2025: not valid yet", "T-2026: not valid yet"),
        rejectedEntitlements(on(T_2025_FROM.minusDays(1))));
    assertEquals(List.of("T-2026: not valid yet"), rejectedEntitlements(on(T_2025_FROM)));
    assertEquals(List.of("T-2026: not valid yet"), rejectedEntitlements(on(T_2025_UNTIL)));
    assertEquals(List.of("T-2025: expired"), rejectedEntitlements(on(T_2026_FROM)));
    assertEquals(List.of("T-2025: expired"), rejectedEntitlements(on(T_2026_UNTIL)));
    assertEquals(
        List.of("T-2025: expired", "T-2026: expired"),
        rejectedEntitlements(on(T_2026_UNTIL.plusDays(1))));
    assertEquals(
        List.of(
            "P-1: not valid yet",
            "Q-1: not valid yet",
            "T-2025: not valid yet",
            "T-2026: not valid yet"),
        rejectedEntitlements(on(P_1_FROM.minusDays(1))));
  }

  @Test
  void installed_countsFromTheDayItself() {
    assertEquals("3=3+0", visio(PC_4_INSTALLED.minusDays(1)));
    assertEquals(
        List.of("installation pc-4 visio", "usage usage:acme cad", "usage usage:acme cad"),
        rejectedRecords(on(PC_4_INSTALLED.minusDays(1))));
    assertEquals("4=3+1", visio(PC_4_INSTALLED));
    assertEquals(
        List.of("usage usage:acme cad", "usage usage:acme cad"),
        rejectedRecords(on(PC_4_INSTALLED)));
    assertEquals("4=3+1", visio(PC_4_INSTALLED.plusDays(1)));
  }

  /** CAD licences required: the highest peak measured in the 30 days that end on the date. */
  private static String cad(LocalDate asOf) {
    return row(on(asOf), "cad", "cad-float");
  }

  @Test
  void usage_countsFromTheDayItsMeasurementStarts() {
    assertEquals(UNMEASURED, cad(PEAK_4_FROM.minusDays(1)));
    assertEquals("4=4+0", cad(PEAK_4_FROM));
    assertEquals("4=4+0", cad(PEAK_4_FROM.plusDays(1)));
    // 2026-04-30: the March peak left the window the day before, the May peak starts tomorrow.
    assertEquals(UNMEASURED, cad(PEAK_7_FROM.minusDays(1)));
    assertEquals("7=5+2", cad(PEAK_7_FROM));
    assertEquals("7=5+2", cad(PEAK_7_FROM.plusDays(1)));
  }

  @Test
  void usage_countsUntilTheWindowNoLongerReachesItsLastDay() {
    LocalDate lastDaySeen = PEAK_4_UNTIL.plusDays(WINDOW_DAYS - 1); // 2026-04-29
    assertEquals("4=4+0", cad(PEAK_4_UNTIL));
    assertEquals("4=4+0", cad(lastDaySeen.minusDays(1)));
    assertEquals("4=4+0", cad(lastDaySeen));
    assertEquals(UNMEASURED, cad(lastDaySeen.plusDays(1)));
    LocalDate lastDaySeen7 = PEAK_7_UNTIL.plusDays(WINDOW_DAYS - 1); // 2026-06-08
    assertEquals("7=5+2", cad(lastDaySeen7.minusDays(1)));
    assertEquals("7=5+2", cad(lastDaySeen7));
    assertEquals(UNMEASURED, cad(lastDaySeen7.plusDays(1)));
  }

  /** SQL Server cores covered: the host covers its VM only while maintenance is active. */
  private static String sql(LocalDate asOf) {
    return row(on(asOf), "sql", "sql-core");
  }

  @Test
  void maintenanceUntil_activeUntilTheDayItself() {
    assertEquals("16=16+0", sql(Q_1_MAINTENANCE.minusDays(1)));
    assertEquals("16=16+0", sql(Q_1_MAINTENANCE));
    assertEquals("16=0+16", sql(Q_1_MAINTENANCE.plusDays(1)));
  }

  /**
   * The upgrade right: maintenance active on the release date of the installed version covers it.
   * Version 2025 was released 2025-09-01: covered when maintenance runs until that day or later,
   * not when it ended the day before; version 2022, released during maintenance, always.
   */
  @Test
  void upgradeRight_maintenanceUntilTheReleaseDate_coversTheNewVersion() {
    LocalDate asOf = date("2026-11-27");
    LocalDate released = date("2025-09-01");
    assertEquals("2=1+1", row(on(estate(released.minusDays(1), true), asOf), "db", "db-2019"));
    assertEquals("2=2+0", row(on(estate(released, true), asOf), "db", "db-2019"));
    assertEquals("2=2+0", row(on(estate(released.plusDays(1), true), asOf), "db", "db-2019"));
    assertEquals("2=1+1", row(on(estate(date("2022-11-16"), true), asOf), "db", "db-2019"));
    assertEquals("2=0+2", row(on(estate(date("2022-11-15"), true), asOf), "db", "db-2019"));
  }

  /** A perpetual licence stays valid after its maintenance ends: only upgrades stop. */
  @Test
  void perpetualLicence_afterMaintenance_stillCoversWhatItCovered() {
    assertEquals("1=0+1", row(on(P_1_FROM.minusDays(1)), "db", "db-2019"));
    assertEquals("1=1+0", row(on(P_1_FROM), "db", "db-2019"));
    assertEquals("1=1+0", row(on(P_1_MAINTENANCE), "db", "db-2019"));
    assertEquals("1=1+0", row(on(P_1_MAINTENANCE.plusDays(1)), "db", "db-2019"));
    assertEquals("1=1+0", row(on(date("2099-12-31")), "db", "db-2019"));
  }

  /** The as-of date of the options wins over the estate's own. */
  @Test
  void withAsOf_overridesTheEstatesDate() {
    Estate estate = estate();
    assertEquals(date("2026-11-27"), Reconciler.create().reconcile(estate).asOf());
    assertEquals(
        summary(Reconciler.create().reconcile(estate)), summary(on(estate, date("2026-11-27"))));
  }
}
