package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.terms.LicenseModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Metric {@code capacity}: a declared quantity (GB, employees, …) read from the attribute {@code
 * capacityAttribute} of each device the product is installed on. A fractional quantity is rounded
 * up to whole units, and the reason says so. A device without the attribute cannot be measured: its
 * installations are refused, never counted as zero.
 */
final class CapacityRule extends MetricRule {

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
    String attribute = Objects.requireNonNull(model.metric().capacityAttribute());
    int[] anchors = new int[count];
    for (int i = 0; i < count; i++) {
      int f = facts[i];
      if (context.facts.kind(f) == Fact.Kind.INSTALLATION) {
        anchors[i] = context.facts.device(f);
      } else {
        anchors[i] = -1;
        refusals.refuse(f, "model " + model.id() + " (capacity metric) counts installations only");
      }
    }
    int[] order = Grouping.byKey(anchors);
    for (int start = 0; start < order.length; ) {
      int device = anchors[order[start]];
      int end = Grouping.runEnd(anchors, order, start);
      Device d = index.device(device);
      BigDecimal value = d.attributes().get(attribute);
      if (value == null) {
        for (int k = start; k < end; k++) {
          refusals.refuse(
              facts[order[k]],
              "model "
                  + model.id()
                  + " counts attribute \""
                  + attribute
                  + "\", which device "
                  + d.id()
                  + " does not declare");
        }
      } else {
        out.begin(m, d.id(), device);
        for (int k = start; k < end; k++) {
          out.fact(facts[order[k]], device, (byte) 0);
        }
        out.units(UnitsRule.CONSTANT, value.setScale(0, RoundingMode.CEILING).longValueExact(), 0);
        out.scope(Grouping.scopeOf(index.deviceUnit(device)), false, false);
        out.end();
      }
      start = end;
    }
  }

  @Override
  Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    String attribute = Objects.requireNonNull(model.metric().capacityAttribute());
    Device device = context.index.device(context.facts.device(assigned[0]));
    BigDecimal value = Objects.requireNonNull(device.attributes().get(attribute));
    long units = value.setScale(0, RoundingMode.CEILING).longValueExact();
    String quantity = value.stripTrailingZeros().toPlainString();
    Option.Builder builder =
        Option.builder(model, device.id())
            .units(units)
            .line(device.id(), units, "")
            .arithmetic(
                "capacity metric: "
                    + attribute
                    + " = "
                    + quantity
                    + " on "
                    + device.id()
                    + (BigDecimal.valueOf(units).compareTo(value) == 0
                        ? ""
                        : ", rounded up to " + units))
            .scope(device.unit())
            .device(device.id())
            .user(device.primaryUser());
    return context.withCoverage(builder, model, assigned).build();
  }
}
