package io.itam.compliance.internal.demand;

import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;

/**
 * A metric's rule: which facts a licence model of that metric counts, which consumer each counts
 * under (the options it offers), how many units an option needs, and how that reads in words. One
 * implementation per metric, each quoting the rule it implements; {@link #of} maps every {@link
 * io.itam.model.terms.MetricType} to its rule with an exhaustive {@code switch}, so a new metric
 * cannot be forgotten.
 *
 * <p>The same rule serves both engines: {@link #offer} groups facts into options (with the units
 * rule and the scope the allocation needs), and {@link #explain} builds the option as people read
 * it for the facts the allocation gave it.
 */
abstract class MetricRule {

  /**
   * Adds to {@code out} the options of {@code model} (dense index {@code m}) over {@code facts}
   * (the first {@code count} entries: ascending ids of the facts whose product, edition and version
   * the model's terms cover), and reports each fact the metric cannot count to {@code refusals}.
   */
  abstract void offer(
      RuleContext context,
      LicenseModel model,
      int m,
      int[] facts,
      int count,
      OptionTable out,
      Refusals refusals);

  /**
   * Option {@code option} of {@code table} covering {@code assigned} (ascending; a non-empty subset
   * of the option's facts), as people read it: units, lines, arithmetic, rights and terms.
   */
  abstract Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned);

  private static final MetricRule DEVICE = new DeviceRule();
  private static final MetricRule INSTALLATION = new InstallationRule();
  private static final MetricRule USER = new UserRule();
  private static final MetricRule NAMED_USER = new NamedUserRule();
  private static final MetricRule CONCURRENT_USER = new ConcurrentUserRule();
  private static final MetricRule HARDWARE = new HardwareRule();
  private static final MetricRule CAPACITY = new CapacityRule();
  private static final MetricRule SITE = new SiteRule();

  /** The rule of {@code model}'s metric. */
  static MetricRule of(LicenseModel model) {
    Metric metric = model.metric();
    return switch (metric.type()) {
      case DEVICE -> DEVICE;
      case INSTALLATION -> INSTALLATION;
      case USER ->
          metric.userMinimumPerProcessor() > 0 || metric.minimumPerDevice() > 0 ? NAMED_USER : USER;
      case CONCURRENT_USER -> CONCURRENT_USER;
      case PROCESSOR, CORE, PVU -> HARDWARE;
      case CAPACITY -> CAPACITY;
      case SITE -> SITE;
    };
  }
}
