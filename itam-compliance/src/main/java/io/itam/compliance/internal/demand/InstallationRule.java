package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.terms.LicenseModel;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metric {@code installation}: one unit per installation record. Every installation is a unit any
 * eligible model may take, so an option of a device takes only the installations the allocation
 * gives it. A suite licence covers its components on the device once per copy, so a device needs as
 * many suite units as the most-installed of the products it covers there.
 */
final class InstallationRule extends MetricRule {

  /** The device an installation counts under, or -1 (and the reason) for other records. */
  static int anchor(
      RuleContext context,
      LicenseModel model,
      int fact,
      @org.jspecify.annotations.Nullable Refusals refusals) {
    Fact.Kind kind = context.facts.kind(fact);
    if (kind != Fact.Kind.INSTALLATION) {
      if (refusals != null) {
        refusals.refuse(
            fact,
            "model "
                + model.id()
                + " (installation metric) counts installations, not "
                + kind.id()
                + " records");
      }
      return -1;
    }
    return context.facts.device(fact);
  }

  @Override
  void offer(
      RuleContext context,
      LicenseModel model,
      int m,
      int[] facts,
      int count,
      OptionTable out,
      Refusals refusals) {
    EstateIndex index = context.index;
    int[] anchors = new int[count];
    for (int i = 0; i < count; i++) {
      anchors[i] = anchor(context, model, facts[i], refusals);
    }
    int[] order = Grouping.byKey(anchors);
    for (int start = 0; start < order.length; ) {
      int device = anchors[order[start]];
      int end = Grouping.runEnd(anchors, order, start);
      out.begin(m, index.device(device).id(), device);
      for (int k = start; k < end; k++) {
        int f = facts[order[k]];
        out.fact(f, context.facts.product(f), (byte) 0);
      }
      out.units(UnitsRule.MAX_PER_TAG, 0, 0);
      out.scope(Grouping.scopeOf(index.deviceUnit(device)), false, false);
      out.end();
      start = end;
    }
  }

  @Override
  Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    Device device = context.index.device(context.facts.device(assigned[0]));
    Map<Integer, Long> perProduct = new TreeMap<>();
    for (int f : assigned) {
      perProduct.merge(context.facts.product(f), 1L, Long::sum);
    }
    long units = perProduct.values().stream().mapToLong(Long::longValue).max().orElse(0);
    String arithmetic =
        perProduct.size() == 1
            ? "installation metric: "
                + RuleContext.plural(units, "installation", "installations")
                + " on the device"
            : "installation metric: suite "
                + model.product()
                + " covers its components once per copy; most installed "
                + units
                + "× on the device";
    Option.Builder builder =
        Option.builder(model, device.id())
            .units(units)
            .line(device.id(), units, "")
            .arithmetic(arithmetic)
            .scope(device.unit())
            .device(device.id())
            .user(device.primaryUser());
    return context.withCoverage(builder, model, assigned).build();
  }
}
