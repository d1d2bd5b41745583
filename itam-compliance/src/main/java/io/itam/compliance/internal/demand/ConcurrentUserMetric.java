package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.terms.LicenseModel;
import java.util.List;
import java.util.Map;

/**
 * Metric {@code concurrent-user}: the highest peak of concurrent users among the usage records
 * overlapping the {@code windowDays}-day window that ends on the as-of date (a licence server's
 * measurement; inventory cannot measure it). Installations are covered by the usage pool of their
 * unit. The window and sampling are vendor-specific (UNVERIFIED in vendor-rules.md), hence the
 * parameter.
 */
final class ConcurrentUserMetric implements MetricEvaluator {

  @Override
  public void evaluate(
      LicenseModel model,
      List<Coverable> facts,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals) {
    UsagePools.evaluate(
        model,
        facts,
        model.metric().windowDays(),
        "concurrent-user metric",
        index,
        options,
        refusals);
  }
}
