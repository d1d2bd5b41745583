package io.itam.compliance;

import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.reasonsOf;
import static io.itam.compliance.TestEstates.reconcile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.catalog.Product;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which editions and versions a licence model covers (DG-01 version downgrade, DG-05 edition
 * downgrade, DG-E4 upgrades), and the reason given when it does or does not: one device, one
 * installation, one per-device model and one licence.
 */
class EditionAndVersionTest {

  private static Position one(
      String grantedEdition,
      String grantedVersion,
      Rights rights,
      String installedEdition,
      String installedVersion) {
    Product p =
        Product.builder("p")
            .editions("Standard", "Enterprise")
            .version("2019", LocalDate.parse("2019-11-04"))
            .version("2022", LocalDate.parse("2022-11-16"))
            .build();
    Installation installation =
        Installation.of("pc", "p", installedVersion.isEmpty() ? null : installedVersion)
            .withEdition(installedEdition.isEmpty() ? null : installedEdition);
    return reconcile(
        estate()
            .add(p)
            .add(
                LicenseModel.builder("m", "p")
                    .metric(MetricType.DEVICE)
                    .edition(grantedEdition.isEmpty() ? null : grantedEdition)
                    .version(grantedVersion.isEmpty() ? null : grantedVersion)
                    .rights(rights)
                    .build())
            .add(TestEstates.entitlement("PO", "m", 1))
            .add(Device.desktop("pc", "acme-de", null))
            .add(installation));
  }

  private static Rights rights(String which) {
    return switch (which) {
      case "edition-downgrade" -> Rights.NONE.withEditionDowngrade();
      case "version-downgrade" -> Rights.NONE.withVersionDowngrade();
      case "none" -> Rights.NONE;
      default -> throw new IllegalArgumentException(which);
    };
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DG-05 higher edition | Standard | | none | Enterprise | | edition Enterprise is higher than"
            + " the Standard that model m grants",
        "DG-05 no downgrade right | Enterprise | | none | Standard | | edition Standard differs from"
            + " the Enterprise that model m grants (no edition-downgrade right)",
        "DG-05 unknown edition | Standard | | edition-downgrade | | | edition unknown; model m grants"
            + " Standard only",
        "DG-05 unknown edition, no right | Enterprise | | none | | | edition unknown; model m grants"
            + " Enterprise only",
        "DG-01 older version | | 2022 | none | | 2019 | version 2019 is older than the 2022 that"
            + " model m grants (no version-downgrade right)",
        "DG-E4 newer version | | 2019 | none | | 2022 | version 2022 is newer than the 2019 that"
            + " model m grants (an upgrade needs maintenance or a new licence, DG-E4)",
        "DG-01 unknown version | | 2019 | version-downgrade | | | version unknown; model m grants"
            + " 2019 only",
      })
  void notCovered_reasonNamesTheRule(
      String name,
      String grantedEdition,
      String grantedVersion,
      String rights,
      String installedEdition,
      String installedVersion,
      String refusal) {
    Position position =
        one(
            grantedEdition == null ? "" : grantedEdition,
            grantedVersion == null ? "" : grantedVersion,
            rights(rights),
            installedEdition == null ? "" : installedEdition,
            installedVersion == null ? "" : installedVersion);
    assertEquals(1, TestEstates.shortOf(position, "pc", "p"), name);
    String reasons = reasonsOf(position, "pc");
    assertTrue(reasons.contains(refusal), () -> name + ": «" + refusal + "» not in " + reasons);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DG-05 downgrade | Enterprise | | edition-downgrade | Standard | | edition downgrade"
            + " Enterprise→Standard (DG-05)",
        "DG-05 unknown edition, top edition | Enterprise | | edition-downgrade | | | edition"
            + " unknown: covered by the top edition Enterprise with edition downgrade (DG-05)",
        "DG-01 downgrade | | 2022 | version-downgrade | | 2019 | version downgrade 2022→2019"
            + " (DG-01)",
        "DG-01 unknown version, newest | | 2022 | version-downgrade | | | version unknown: covered"
            + " by the newest version 2022 with version downgrade (DG-01)",
      })
  void covered_reasonNamesTheRightUsed(
      String name,
      String grantedEdition,
      String grantedVersion,
      String rights,
      String installedEdition,
      String installedVersion,
      String right) {
    Position position =
        one(
            grantedEdition == null ? "" : grantedEdition,
            grantedVersion == null ? "" : grantedVersion,
            rights(rights),
            installedEdition == null ? "" : installedEdition,
            installedVersion == null ? "" : installedVersion);
    assertTrue(position.compliant(), name);
    assertEquals(1, TestEstates.allocated(position, "pc", "p"), name);
    String reasons = reasonsOf(position, "pc");
    assertTrue(reasons.contains(right), () -> name + ": «" + right + "» not in " + reasons);
  }
}
