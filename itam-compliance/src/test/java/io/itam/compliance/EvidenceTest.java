package io.itam.compliance;

import static io.itam.compliance.TestEstates.entitlement;
import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.product;
import static io.itam.compliance.TestEstates.reasonsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import org.junit.jupiter.api.Test;

/**
 * What discovery found for an installation (a SWID tag's Meta: entitlementKey, activationStatus,
 * channelType; iso19770-formats.md §1) is quoted in the reasons of the rows it leads to, and
 * devices with different evidence are not merged into one representative.
 */
class EvidenceTest {
  private static final String KEY_A =
      "SWID tag db-12: entitlementKey ENT-A, activationStatus Licensed";
  private static final String KEY_B =
      "SWID tag db-12: entitlementKey ENT-B, activationStatus Trial";

  private static Estate.Builder withDevices(int devices) {
    Estate.Builder estate =
        estate()
            .add(product("db"))
            .add(LicenseModel.builder("db-device", "db").metric(MetricType.DEVICE).build());
    for (int i = 1; i <= devices; i++) {
      estate.add(Device.builder("pc-" + i, DeviceKind.DESKTOP).unit("acme-de").build());
    }
    return estate;
  }

  @Test
  void evidenceIsQuotedInAllocationAndShortfallReasons() {
    Estate estate =
        withDevices(2)
            .add(entitlement("E-1", "db-device", 1))
            .add(Installation.of("pc-1", "db").withEvidence(KEY_A))
            .add(Installation.of("pc-2", "db").withEvidence(KEY_B))
            .build();
    Position position = Reconciler.create().reconcile(estate);

    String pc1 = reasonsOf(position, "pc-1");
    String pc2 = reasonsOf(position, "pc-2");
    assertTrue(pc1.contains("evidence: " + KEY_A), pc1);
    assertFalse(pc1.contains(KEY_B), pc1);
    assertTrue(pc2.contains("evidence: " + KEY_B), pc2);
    assertEquals(1, position.shortfalls().size(), position.shortfalls().toString());
  }

  @Test
  void devicesWithDifferentEvidenceKeepTheirOwnReasons_fastEqualsReference() {
    Estate.Builder builder = withDevices(6).add(entitlement("E-1", "db-device", 2));
    for (int i = 1; i <= 6; i++) {
      builder.add(Installation.of("pc-" + i, "db").withEvidence(i % 2 == 0 ? KEY_A : KEY_B));
    }
    Estate estate = builder.build();
    Position fast = Reconciler.create().reconcile(estate);
    Position reference =
        Reconciler.create(ReconcileOptions.DEFAULTS.withReferenceEngine(true)).reconcile(estate);
    assertEquals(reference, fast);
    for (int i = 1; i <= 6; i++) {
      String reasons = reasonsOf(fast, "pc-" + i);
      assertTrue(reasons.contains(i % 2 == 0 ? KEY_A : KEY_B), reasons);
    }
  }

  @Test
  void anInstallationNoModelCoversNamesItsEvidence() {
    Estate estate =
        estate()
            .add(product("db"))
            .add(Device.builder("pc-1", DeviceKind.DESKTOP).unit("acme-de").build())
            .add(Installation.of("pc-1", "db").withEvidence(KEY_A))
            .build();
    Position position = Reconciler.create().reconcile(estate);
    String reasons = reasonsOf(position, "pc-1");
    assertTrue(reasons.contains(KEY_A), reasons);
  }
}
