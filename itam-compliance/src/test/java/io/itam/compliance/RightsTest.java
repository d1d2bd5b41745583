package io.itam.compliance;

import static io.itam.compliance.TestEstates.allocated;
import static io.itam.compliance.TestEstates.entitlement;
import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.reconcile;
import static io.itam.compliance.TestEstates.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Use rights: downgrades, upgrades under maintenance, second use and suites (vendor-rules.md §8).
 */
class RightsTest {
  private static final Product OFFICE =
      Product.builder("office")
          .editions("Standard", "ProPlus")
          .version("2013", LocalDate.parse("2013-01-29"))
          .version("2016", LocalDate.parse("2015-09-22"))
          .version("2019", LocalDate.parse("2018-09-24"))
          .version("2021", LocalDate.parse("2021-10-05"))
          .build();

  private static Position covering(LicenseModel model, Installation installation) {
    return reconcile(
        estate()
            .add(OFFICE)
            .add(model)
            .add(entitlement("PO", model.id(), 1))
            .add(Device.desktop("pc1", "acme-de", null))
            .add(installation));
  }

  private static LicenseModel office(String edition, String version, Rights rights) {
    return LicenseModel.builder("m", "office")
        .edition(edition)
        .version(version)
        .metric(MetricType.DEVICE)
        .rights(rights)
        .build();
  }

  @Nested
  class Downgrades {
    @Test
    void dgE1_olderVersionWithDowngradeRight() {
      Position position =
          covering(
              office("ProPlus", "2021", Rights.NONE.withVersionDowngrade()),
              Installation.of("pc1", "office", "2019").withEdition("ProPlus"));
      assertTrue(position.compliant(), "DG-E1");
      assertTrue(
          position.allocations().get(0).reason().contains("version downgrade 2021→2019 (DG-01)"));
    }

    @Test
    void dgE2_downgradeRightsDoNotChangeTheEdition() {
      Position position =
          covering(
              office("ProPlus", "2013", Rights.NONE.withVersionDowngrade()),
              Installation.of("pc1", "office", "2013").withEdition("Standard"));
      assertFalse(position.compliant(), "DG-E2");
      assertNull(position.shortfalls().get(0).licenseModel());
      assertTrue(position.shortfalls().get(0).reason().contains("no edition-downgrade right"));
    }

    @Test
    void editionDowngradeRight_coversALowerEdition() {
      Position position =
          covering(
              office("ProPlus", "2021", Rights.NONE.withEditionDowngrade()),
              Installation.of("pc1", "office", "2021").withEdition("Standard"));
      assertTrue(position.compliant());
      assertTrue(
          position
              .allocations()
              .get(0)
              .reason()
              .contains("edition downgrade ProPlus→Standard (DG-05)"));
    }

    @Test
    void dgE3_noDowngradeRight_olderVersionNotCovered() {
      Position position =
          covering(
              office("ProPlus", "2019", Rights.NONE),
              Installation.of("pc1", "office", "2016").withEdition("ProPlus"));
      assertFalse(position.compliant(), "DG-E3: OEM Office 2019 running 2016");
    }

    @Test
    void dgE4_newerVersionNeedsMaintenanceOrANewLicence() {
      Position position =
          covering(
              office("ProPlus", "2019", Rights.NONE.withVersionDowngrade()),
              Installation.of("pc1", "office", "2021").withEdition("ProPlus"));
      assertFalse(position.compliant(), "DG-E4");
      assertTrue(position.shortfalls().get(0).reason().contains("newer than the 2019"));
    }

    @Test
    void unknownVersion_coveredOnlyByTheNewestWithDowngrade() {
      Position newest =
          covering(
              office("ProPlus", "2021", Rights.NONE.withVersionDowngrade()),
              Installation.of("pc1", "office").withEdition("ProPlus"));
      assertTrue(newest.compliant());
      Position older =
          covering(
              office("ProPlus", "2019", Rights.NONE.withVersionDowngrade()),
              Installation.of("pc1", "office").withEdition("ProPlus"));
      assertFalse(older.compliant());
    }
  }

  @Nested
  class UpgradeWithMaintenance {
    private Position withMaintenanceUntil(String date) {
      LicenseModel model = office("ProPlus", "2019", Rights.NONE.withUpgradeWithMaintenance());
      return reconcile(
          estate()
              .add(OFFICE)
              .add(model)
              .add(
                  Entitlement.builder("PO", "m")
                      .quantity(1)
                      .maintenanceUntil(LocalDate.parse(date))
                      .build())
              .add(Device.desktop("pc1", "acme-de", null))
              .add(Installation.of("pc1", "office", "2021").withEdition("ProPlus")));
    }

    @Test
    void maintenanceOnTheReleaseDate_coversTheNewerVersion() {
      Position position = withMaintenanceUntil("2021-10-05");
      assertTrue(position.compliant());
      assertTrue(
          position
              .allocations()
              .get(0)
              .reason()
              .contains("upgrade with maintenance 2019→2021 (released 2021-10-05)"));
    }

    @Test
    void maintenanceEndingTheDayBefore_doesNot() {
      Position position = withMaintenanceUntil("2021-10-04");
      assertFalse(position.compliant());
      assertTrue(
          position
              .shortfalls()
              .get(0)
              .reason()
              .contains(
                  "maintenance ended 2021-10-04, before the installed version was released (2021-10-05)"));
    }

    @Test
    void expiredMaintenanceStillCoversVersionsReleasedDuringIt() {
      assertTrue(withMaintenanceUntil("2023-12-31").compliant());
    }
  }

  @Nested
  class SecondUse {
    private Estate.Builder twoDevices(String laptopUser) {
      return estate()
          .add(OFFICE)
          .add(office(null, null, Rights.NONE.withSecondUse()))
          .add(User.of("u1", "acme-de"))
          .add(User.of("u2", "acme-de"))
          .add(Device.desktop("pc1", "acme-de", "u1"))
          .add(Device.laptop("lt1", "acme-de", laptopUser))
          .add(Installation.of("pc1", "office", "2021"))
          .add(Installation.of("lt1", "office", "2021"));
    }

    @Test
    void suE1_desktopAndLaptopOfOnePrimaryUser_oneLicence() {
      Position position = reconcile(twoDevices("u1"));
      assertEquals(1, required(position, "office", "m"), "SU-E1");
      assertTrue(
          TestEstates.reasonsOf(position, "pc1")
              .contains("also covers laptop lt1 of primary user u1"));
    }

    @Test
    void suE2_laptopOfAnotherPerson_twoLicences() {
      assertEquals(2, required(reconcile(twoDevices("u2")), "office", "m"), "SU-E2");
    }

    @Test
    void suE3_companyWideWithoutTheRight_everyDevice() {
      Estate.Builder estate = estate().add(OFFICE).add(office(null, null, Rights.NONE));
      for (int i = 0; i < 1000; i++) {
        estate
            .add(User.of("u" + i, "acme-de"))
            .add(Device.desktop("pc" + i, "acme-de", "u" + i))
            .add(Device.laptop("lt" + i, "acme-de", "u" + i))
            .add(Installation.of("pc" + i, "office", "2021"))
            .add(Installation.of("lt" + i, "office", "2021"));
      }
      assertEquals(2000, required(reconcile(estate), "office", "m"), "SU-E3");
    }

    @Test
    void oneLicensedDeviceCoversAtMostOnePortable() {
      Estate.Builder estate =
          twoDevices("u1")
              .add(
                  Device.builder("ph1", io.itam.model.inventory.DeviceKind.MOBILE)
                      .unit("acme-de")
                      .primaryUser("u1")
                      .build())
              .add(Installation.of("ph1", "office", "2021"));
      assertEquals(2, required(reconcile(estate), "office", "m"), "desktop + laptop + phone → 2");
    }
  }

  @Nested
  class Suites {
    private Estate.Builder suiteEstate() {
      return estate()
          .add(Product.builder("suite").components("word", "excel").build())
          .add(Product.builder("word").build())
          .add(Product.builder("excel").build())
          .add(LicenseModel.builder("suite-dev", "suite").metric(MetricType.DEVICE).build())
          .add(LicenseModel.builder("word-dev", "word").metric(MetricType.DEVICE).build())
          .add(Device.desktop("pc1", "acme-de", null))
          .add(Installation.of("pc1", "word"))
          .add(Installation.of("pc1", "excel"));
    }

    @Test
    void suiteLicenceCoversItsComponentsOnADeviceOnce() {
      Position position = reconcile(suiteEstate().add(entitlement("PO-S", "suite-dev", 1)));
      assertTrue(position.compliant());
      assertEquals(1, allocated(position, "pc1", "suite"));
      assertTrue(
          position.allocations().get(0).reason().contains("suite suite covers excel, word once"));
    }

    @Test
    void standaloneLicencesLeftFreeWhenTheSuiteCoversTheDevice() {
      Position position =
          reconcile(
              suiteEstate()
                  .add(entitlement("PO-S", "suite-dev", 1))
                  .add(entitlement("PO-W", "word-dev", 1)));
      assertTrue(position.compliant());
      assertEquals(1, TestEstates.licenseRow(position, "word-dev").surplus());
    }

    @Test
    void withoutASuiteLicence_theCheapestRemedyIsBought() {
      Position position =
          reconcile(
              estate()
                  .add(Product.builder("suite").components("word", "excel").build())
                  .add(Product.builder("word").build())
                  .add(Product.builder("excel").build())
                  .add(
                      LicenseModel.builder("suite-dev", "suite")
                          .metric(MetricType.DEVICE)
                          .unitPrice(TestEstates.eur("500"))
                          .build())
                  .add(
                      LicenseModel.builder("word-dev", "word")
                          .metric(MetricType.DEVICE)
                          .unitPrice(TestEstates.eur("200"))
                          .build())
                  .add(
                      LicenseModel.builder("excel-dev", "excel")
                          .metric(MetricType.DEVICE)
                          .unitPrice(TestEstates.eur("200"))
                          .build())
                  .add(Device.desktop("pc1", "acme-de", null))
                  .add(Installation.of("pc1", "word"))
                  .add(Installation.of("pc1", "excel")));
      assertEquals(
          400,
          position.summary().shortfallCost().intValueExact(),
          "two standalones (400) beat the suite (500)");
    }
  }
}
