package io.itam.examples.publisher;

import io.itam.model.terms.FactorTable;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A publisher's licence terms written in code: the (fictional) Acme Analytics, whose terms read
 *
 * <ul>
 *   <li>ACME-01: count the cores of every processor × the core factor, at least 4 per processor;
 *   <li>ACME-02: at least 8 per server;
 *   <li>ACME-03: a VM counts its vCPUs, at least 4, and the VMs of one host never more than the
 *       host;
 *   <li>ACME-04: core licences are sold in packs of 4;
 *   <li>ACME-05: every named user of the Enterprise server needs a Viewer licence.
 * </ul>
 *
 * The same terms as data are {@code examples/data/publisher/acme-library.json}; the test checks
 * that both are the same and reproduce the publisher's worked examples.
 */
public final class AcmeAnalyticsModels {
  private AcmeAnalyticsModels() {}

  /** Acme Analytics Enterprise per core (ACME-01 to ACME-04), as a library model. */
  public static LicenseModel enterpriseCore() {
    FactorTable factors =
        FactorTable.of(
            Map.of("Ampere Altra", new BigDecimal("0.25"), "EPYC", new BigDecimal("0.75")),
            BigDecimal.ONE);
    return LicenseModel.builder("acme/analytics-core", "acme-analytics")
        .edition("Enterprise")
        .title(
            "Acme Analytics Enterprise, per core: cores × core factor per processor (at least 4),"
                + " at least 8 per server; VMs by vCPUs (at least 4 each), never more than their"
                + " host; sold in packs of 4")
        .metric(
            Metric.builder(MetricType.CORE)
                .minimumPerProcessor(4)
                .minimumPerDevice(8)
                .packSize(4)
                .coreFactors(FactorTableRef.inline(factors))
                .build())
        .virtualization(
            Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(4).withCapAtHost(true))
        .rights(Rights.NONE.withEditionDowngrade())
        .rules("ACME-01", "ACME-02", "ACME-03", "ACME-04")
        .build();
  }

  /** Acme Analytics Viewer, a named-user access licence (ACME-05), as a library model. */
  public static LicenseModel viewer() {
    return LicenseModel.builder("acme/analytics-viewer", "acme-analytics")
        .clientAccess(true)
        .title("Acme Analytics Viewer, per named user of the Enterprise server")
        .metric(MetricType.USER)
        .rules("ACME-05")
        .build();
  }
}
