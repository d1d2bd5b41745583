package io.itam.io.position;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.itam.model.entitlement.Entitlement;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The licence types a position written as CycloneDX gives an entitlement (the BOM itself, and
 * reading it back, are tested with the reader in {@code CycloneDxLicensingTest}).
 */
class PositionCycloneDxTest {
  @Test
  void licenseTypes_fromMetricAndTerm() {
    LicenseModel cal =
        LicenseModel.builder("cal", "visio")
            .metric(Metric.of(MetricType.USER))
            .clientAccess(true)
            .build();
    assertEquals(
        List.of("client-access", "perpetual"),
        PositionCycloneDx.licenseTypes(cal, Entitlement.builder("e", "cal").build()));
    LicenseModel core =
        LicenseModel.builder("c", "visio").metric(Metric.of(MetricType.CORE)).build();
    assertEquals(
        List.of("core-points", "subscription"),
        PositionCycloneDx.licenseTypes(
            core, Entitlement.builder("e", "c").validUntil(LocalDate.parse("2027-01-01")).build()));
  }
}
