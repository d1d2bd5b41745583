package io.itam.compliance;

import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.install;
import static io.itam.compliance.TestEstates.product;
import static io.itam.compliance.TestEstates.reasonsOf;
import static io.itam.compliance.TestEstates.reconcile;
import static io.itam.compliance.TestEstates.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import org.junit.jupiter.api.Test;

/**
 * The user metric counts each user once, whatever the devices and access records (CAL-01), and says
 * what it counted; installations on devices without an active primary user cannot be counted.
 */
class UserMetricReasonsTest {

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "«" + part + "» not in «" + text + "»");
  }

  @Test
  void perUser_oneUnitPerUser_reasonNamesTheDevices() {
    Position position =
        reconcile(
            estate()
                .add(product("p"))
                .add(LicenseModel.builder("m", "p").metric(MetricType.USER).build())
                .add(User.of("u1", "acme-de"))
                .add(Device.desktop("pc1", "acme-de", "u1"))
                .add(Device.laptop("lt1", "acme-de", "u1"))
                .add(install("pc1", "p"))
                .add(install("lt1", "p")));
    assertEquals(1, required(position, "p", "m"));
    assertContains(reasonsOf(position, "u1"), "user metric: 1 user (primary user of lt1, pc1)");
  }

  /** CAL-01: a User CAL covers one named user, however many access records. */
  @Test
  void userCal_oneUnitPerUser_reasonCountsTheAccessRecords() {
    Estate.Builder estate =
        estate()
            .add(product("p"))
            .add(
                LicenseModel.builder("cal", "p").metric(MetricType.USER).clientAccess(true).build())
            .add(User.of("u1", "acme-de"))
            .add(User.of("u2", "acme-de"))
            .add(Access.byUser("p", "u1"))
            .add(Access.byUser("p", "u1"))
            .add(Access.byUser("p", "u2"));
    Position position = reconcile(estate);
    assertEquals(2, required(position, "p", "cal"));
    assertContains(reasonsOf(position, "u1"), "User CAL (CAL-01): 1 user (2 access records)");
    assertContains(reasonsOf(position, "u2"), "User CAL (CAL-01): 1 user (1 access record)");
  }

  @Test
  void deviceWithoutPrimaryUser_orWithAnInactiveOne_cannotBeCounted() {
    Position position =
        reconcile(
            estate()
                .add(product("p"))
                .add(LicenseModel.builder("m", "p").metric(MetricType.USER).build())
                .add(new User("gone", "acme-de", false))
                .add(Device.desktop("shared", "acme-de", null))
                .add(Device.desktop("old", "acme-de", "gone"))
                .add(install("shared", "p"))
                .add(install("old", "p")));
    assertContains(
        reasonsOf(position, "shared"),
        "model m counts users, and device shared has no primary user");
    assertContains(
        reasonsOf(position, "old"),
        "model m counts users, and the primary user gone of device old is inactive");
  }
}
