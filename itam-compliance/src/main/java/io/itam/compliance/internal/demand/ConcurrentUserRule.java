package io.itam.compliance.internal.demand;

import io.itam.model.terms.LicenseModel;

/**
 * Metric {@code concurrent-user}: the highest peak of concurrent users among the usage records
 * overlapping the {@code windowDays}-day window that ends on the as-of date (a licence server's
 * measurement; inventory cannot measure it). Installations are covered by the usage pool of their
 * unit. The window and sampling are vendor-specific (UNVERIFIED in vendor-rules.md), hence the
 * parameter.
 */
final class ConcurrentUserRule extends MetricRule {
  private static final String NAME = "concurrent-user metric";

  @Override
  void offer(
      RuleContext context,
      LicenseModel model,
      int m,
      int[] facts,
      int count,
      OptionTable out,
      Refusals refusals) {
    UsagePools.offer(
        context, model, m, facts, count, model.metric().windowDays(), NAME, out, refusals);
  }

  @Override
  Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    return UsagePools.explain(context, model, table, option, assigned);
  }
}
