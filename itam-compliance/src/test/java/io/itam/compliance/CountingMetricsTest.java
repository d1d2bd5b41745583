package io.itam.compliance;

import static io.itam.compliance.TestEstates.allocated;
import static io.itam.compliance.TestEstates.entitlement;
import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.install;
import static io.itam.compliance.TestEstates.product;
import static io.itam.compliance.TestEstates.reconcile;
import static io.itam.compliance.TestEstates.required;
import static io.itam.compliance.TestEstates.shortfall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The counting metrics (design §Metrics), with the examples of vendor-rules.md §3 and §7. */
class CountingMetricsTest {

  private static LicenseModel model(String id, MetricType type) {
    return LicenseModel.builder(id, "p").metric(type).build();
  }

  private static Device desktop(String id, String user) {
    return Device.desktop(id, "acme-de", user);
  }

  @Nested
  class Installations {
    @Test
    void everyInstallationRecordIsAUnit() {
      Position position =
          reconcile(
              estate()
                  .add(io.itam.model.catalog.Product.builder("p").version("1").version("2").build())
                  .add(model("m", MetricType.INSTALLATION))
                  .add(entitlement("PO", "m", 2))
                  .add(desktop("pc1", null))
                  .add(desktop("pc2", null))
                  .add(Installation.of("pc1", "p", "1"))
                  .add(Installation.of("pc1", "p", "2"))
                  .add(Installation.of("pc2", "p", "2")));
      assertEquals(3, required(position, "p", "m"));
      assertEquals(1, shortfall(position, "p", "m"));
    }
  }

  @Nested
  class Devices {
    @Test
    void perDevice_tenPcsFiveInUseAtOnce_tenLicences() {
      Estate.Builder estate = estate().add(product("p")).add(model("m", MetricType.DEVICE));
      for (int i = 0; i < 10; i++) {
        estate.add(desktop("pc" + i, null)).add(install("pc" + i, "p"));
      }
      assertEquals(10, required(reconcile(estate), "p", "m"), "§7 per device: 10 PCs → 10");
    }

    @Test
    void severalInstallationsOnOneDeviceCountOnce() {
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("m", MetricType.DEVICE))
                  .add(desktop("pc1", null))
                  .add(install("pc1", "p"))
                  .add(install("pc1", "p")));
      assertEquals(1, required(position, "p", "m"));
    }

    @Test
    void calE2_deviceCalsForSharedTerminals() {
      LicenseModel deviceCal =
          LicenseModel.builder("cal-d", "p").metric(MetricType.DEVICE).clientAccess(true).build();
      Estate.Builder estate = estate().add(product("p")).add(deviceCal);
      for (int i = 0; i < 5; i++) {
        estate.add(desktop("term" + i, null)).add(Access.byDevice("p", "term" + i));
      }
      for (int i = 0; i < 20; i++) {
        estate.add(User.of("shift" + i, "acme-de"));
      }
      assertEquals(5, required(reconcile(estate), "p", "cal-d"), "CAL-E2");
    }
  }

  @Nested
  class Users {
    @Test
    void calE1_userCalsForStaffWithLaptopAndPhone() {
      LicenseModel userCal =
          LicenseModel.builder("cal-u", "p").metric(MetricType.USER).clientAccess(true).build();
      Estate.Builder estate = estate().add(product("p")).add(userCal);
      for (int i = 0; i < 30; i++) {
        estate
            .add(User.of("u" + i, "acme-de"))
            .add(Device.laptop("lt" + i, "acme-de", "u" + i))
            .add(
                Device.builder("ph" + i, DeviceKind.MOBILE)
                    .unit("acme-de")
                    .primaryUser("u" + i)
                    .build())
            .add(Access.byUser("p", "u" + i));
      }
      assertEquals(30, required(reconcile(estate), "p", "cal-u"), "CAL-E1");
    }

    @Test
    void calE3_userAndDeviceCalsMixed() {
      LicenseModel userCal =
          LicenseModel.builder("cal-u", "p").metric(MetricType.USER).clientAccess(true).build();
      LicenseModel deviceCal =
          LicenseModel.builder("cal-d", "p").metric(MetricType.DEVICE).clientAccess(true).build();
      Estate.Builder estate = estate().add(product("p")).add(userCal).add(deviceCal);
      for (int i = 0; i < 40; i++) {
        estate
            .add(User.of("office" + i, "acme-de"))
            .add(desktop("pc" + i, "office" + i))
            .add(Device.laptop("lt" + i, "acme-de", "office" + i))
            .add(Access.byUser("p", "office" + i));
      }
      for (int i = 0; i < 10; i++) {
        estate.add(desktop("kiosk" + i, null)).add(Access.byDevice("p", "kiosk" + i));
      }
      Position position = reconcile(estate);
      assertEquals(40, required(position, "p", "cal-u"), "CAL-E3 users");
      assertEquals(10, required(position, "p", "cal-d"), "CAL-E3 kiosks");
    }

    @Test
    void namedUsersCountRegardlessOfActivity_inactiveUsersDoNot() {
      Estate.Builder estate = estate().add(product("p")).add(model("m", MetricType.USER));
      for (int i = 0; i < 120; i++) {
        estate.add(User.of("u" + i, "acme-de")).add(Access.byUser("p", "u" + i));
      }
      estate.add(new User("gone", "acme-de", false)).add(Access.byUser("p", "gone"));
      Position position = reconcile(estate);
      assertEquals(120, required(position, "p", "m"), "§7 named user: every authorised individual");
      assertTrue(
          position.rejected().stream()
              .anyMatch(r -> r.consumer().equals("gone") && r.reason().contains("inactive")));
    }

    @Test
    void primaryUsersOfInstallingDevicesCountOnce() {
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("m", MetricType.USER))
                  .add(User.of("u1", "acme-de"))
                  .add(desktop("pc1", "u1"))
                  .add(Device.laptop("lt1", "acme-de", "u1"))
                  .add(install("pc1", "p"))
                  .add(install("lt1", "p")));
      assertEquals(1, required(position, "p", "m"), "AD-E1: one user, desktop + laptop → 1");
    }

    @Test
    void deviceWithoutPrimaryUser_cannotBeCountedPerUser() {
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("m", MetricType.USER))
                  .add(desktop("pc1", null))
                  .add(install("pc1", "p")));
      assertFalse(position.compliant());
      assertTrue(position.shortfalls().get(0).reason().contains("has no primary user"));
    }
  }

  @Nested
  class ConcurrentUsers {
    private Usage usage(long peak, String from, String until) {
      return Usage.of("p", peak, LocalDate.parse(from), LocalDate.parse(until));
    }

    @Test
    void highestPeakInTheWindow() {
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("m", MetricType.CONCURRENT_USER))
                  .add(entitlement("PO", "m", 5))
                  .add(usage(3, "2026-09-01", "2026-09-30"))
                  .add(usage(7, "2026-10-01", "2026-10-31"))
                  .add(usage(5, "2026-11-01", "2026-11-27")));
      assertEquals(7, required(position, "p", "m"), "§7 concurrent user: peaks [3, 7, 5] → 7");
      assertEquals(2, shortfall(position, "p", "m"));
      assertEquals(5, allocated(position, "usage:all", "p"));
    }

    @Test
    void usageOutsideTheWindowDoesNotCount() {
      LicenseModel thirtyDays =
          LicenseModel.builder("m", "p")
              .metric(Metric.builder(MetricType.CONCURRENT_USER).windowDays(30).build())
              .build();
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(thirtyDays)
                  .add(usage(9, "2026-09-01", "2026-09-30"))
                  .add(usage(4, "2026-11-01", "2026-11-27")));
      assertEquals(4, required(position, "p", "m"));
      assertTrue(
          position.rejected().stream()
              .anyMatch(
                  r -> r.reason().contains("outside the 30-day window 2026-10-29..2026-11-27")));
    }

    @Test
    void installationsJoinTheUsagePoolOfTheirUnit_perUnitScopes() {
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("m", MetricType.CONCURRENT_USER))
                  .add(
                      io.itam.model.entitlement.Entitlement.builder("PO-DE", "m")
                          .quantity(5)
                          .scope("acme-de")
                          .build())
                  .add(
                      new Usage(
                          "p",
                          4,
                          LocalDate.parse("2026-11-01"),
                          LocalDate.parse("2026-11-20"),
                          "acme-de"))
                  .add(
                      new Usage(
                          "p",
                          3,
                          LocalDate.parse("2026-11-01"),
                          LocalDate.parse("2026-11-20"),
                          "acme-us"))
                  .add(desktop("pc1", null))
                  .add(install("pc1", "p")));
      assertEquals(7, required(position, "p", "m"));
      assertEquals(4, allocated(position, "usage:acme-de", "p"));
      assertEquals(
          3, TestEstates.shortOf(position, "usage:acme-us", "p"), "PO-DE does not reach acme-us");
    }

    @Test
    void installationJoinsTheDeepestPoolContainingItsUnit_reasonsCountRecordsAndInstallations() {
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("m", MetricType.CONCURRENT_USER))
                  .add(
                      new Usage(
                          "p",
                          3,
                          LocalDate.parse("2026-11-01"),
                          LocalDate.parse("2026-11-20"),
                          "acme"))
                  .add(
                      new Usage(
                          "p",
                          2,
                          LocalDate.parse("2026-11-02"),
                          LocalDate.parse("2026-11-21"),
                          "acme"))
                  .add(
                      new Usage(
                          "p",
                          4,
                          LocalDate.parse("2026-11-01"),
                          LocalDate.parse("2026-11-20"),
                          "acme-de"))
                  .add(desktop("pc1", null))
                  .add(install("pc1", "p")));
      assertEquals(7, required(position, "p", "m"), "acme 3 + acme-de 4");
      String group = TestEstates.reasonsOf(position, "usage:acme");
      assertTrue(group.contains("highest peak 3 among 2 usage records in the "), group);
      assertTrue(group.contains(" (acme)"), group);
      assertFalse(group.contains("installation"), group);
      String de = TestEstates.reasonsOf(position, "usage:acme-de");
      assertTrue(de.contains("highest peak 4 among 1 usage record in the "), de);
      assertTrue(de.contains(" (acme-de); covers 1 installation"), de);
    }

    @Test
    void installationWithoutMeasuredUsage_isShortWithTheReason() {
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(model("m", MetricType.CONCURRENT_USER))
                  .add(desktop("pc1", null))
                  .add(install("pc1", "p")));
      assertFalse(position.compliant());
      assertTrue(position.shortfalls().get(0).reason().contains("no usage of p"));
    }
  }

  @Nested
  class CapacityAndSite {
    @Test
    void capacityReadsTheDeviceAttribute_roundedUp() {
      LicenseModel storage =
          LicenseModel.builder("m", "p")
              .metric(Metric.builder(MetricType.CAPACITY).capacityAttribute("storageTB").build())
              .build();
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(storage)
                  .add(
                      Device.builder("nas", DeviceKind.SERVER)
                          .unit("acme-de")
                          .attribute("storageTB", new BigDecimal("12.5"))
                          .build())
                  .add(install("nas", "p")));
      assertEquals(13, required(position, "p", "m"));
      assertTrue(
          position
              .shortfalls()
              .get(0)
              .reason()
              .contains("storageTB = 12.5 on nas, rounded up to 13"));
    }

    @Test
    void capacityWithoutTheAttribute_isNeverZero() {
      LicenseModel storage =
          LicenseModel.builder("m", "p")
              .metric(Metric.builder(MetricType.CAPACITY).capacityAttribute("storageTB").build())
              .build();
      Position position =
          reconcile(
              estate()
                  .add(product("p"))
                  .add(storage)
                  .add(Device.builder("nas", DeviceKind.SERVER).unit("acme-de").build())
                  .add(install("nas", "p")));
      assertFalse(position.compliant());
      assertTrue(position.shortfalls().get(0).reason().contains("does not declare"));
    }

    @Test
    void siteNeverShortWithinScope_butOutsideItIs() {
      Estate.Builder estate =
          estate()
              .add(product("p"))
              .add(model("site", MetricType.SITE))
              .add(
                  io.itam.model.entitlement.Entitlement.builder("SITE-DE", "site")
                      .quantity(1)
                      .scope("acme-de")
                      .build());
      for (int i = 0; i < 50; i++) {
        estate.add(desktop("pc" + i, null)).add(install("pc" + i, "p"));
      }
      estate.add(Device.desktop("us1", "acme-us", null)).add(install("us1", "p"));
      Position position = reconcile(estate);
      assertEquals(51, required(position, "p", "site"));
      assertEquals(1, shortfall(position, "p", "site"));
      var licence = TestEstates.licenseRow(position, "site");
      assertTrue(licence.unlimited());
      assertEquals(50, licence.consumed());
      assertEquals(0, licence.surplus());
    }
  }
}
