package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;

/**
 * Metric {@code site}: unlimited use within the entitlement's scope. Consumption is reported (one
 * unit per device, per accessing user, and the peak of measured usage) but a site entitlement never
 * runs short; only consumption outside every site entitlement's scope is a shortfall.
 */
final class SiteRule extends MetricRule {
  private static final String NAME = "site licence";

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
    int[] onDevice = new int[count];
    int[] ofUser = new int[count];
    int[] usage = new int[count];
    int usages = 0;
    for (int i = 0; i < count; i++) {
      int f = facts[i];
      onDevice[i] = -1;
      ofUser[i] = -1;
      if (context.facts.kind(f) == Fact.Kind.USAGE) {
        usage[usages++] = f;
      } else if (context.facts.device(f) >= 0) {
        onDevice[i] = context.facts.device(f);
      } else {
        ofUser[i] = context.facts.user(f);
      }
    }
    int[] order = Grouping.byKey(onDevice);
    for (int start = 0; start < order.length; ) {
      int device = onDevice[order[start]];
      int end = Grouping.runEnd(onDevice, order, start);
      out.begin(m, index.device(device).id(), device);
      for (int k = start; k < end; k++) {
        out.fact(facts[order[k]], device, (byte) 0);
      }
      out.units(UnitsRule.CONSTANT, 1, 0);
      out.scope(Grouping.scopeOf(index.deviceUnit(device)), false, false);
      out.keep(Boolean.TRUE);
      out.end();
      start = end;
    }
    order = Grouping.byKey(ofUser);
    for (int start = 0; start < order.length; ) {
      int user = ofUser[order[start]];
      int end = Grouping.runEnd(ofUser, order, start);
      out.begin(m, index.user(user).id(), user);
      for (int k = start; k < end; k++) {
        out.fact(facts[order[k]], user, (byte) 0);
      }
      out.units(UnitsRule.CONSTANT, 1, 0);
      out.scope(Grouping.scopeOf(index.userUnit(user)), false, false);
      out.keep(Boolean.FALSE);
      out.end();
      start = end;
    }
    if (usages > 0) {
      UsagePools.offer(
          context, model, m, usage, usages, Metric.DEFAULT_WINDOW_DAYS, NAME, out, refusals);
    }
  }

  @Override
  Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    Object payload = table.payload(option);
    if (payload == Boolean.TRUE) {
      Device device = context.index.device(context.facts.device(assigned[0]));
      Option.Builder builder =
          Option.builder(model, device.id())
              .units(1)
              .line(device.id(), 1, "")
              .arithmetic("site licence: device " + device.id() + " within the site")
              .scope(device.unit())
              .device(device.id())
              .user(device.primaryUser());
      return context.withCoverage(builder, model, assigned).build();
    }
    if (payload == Boolean.FALSE) {
      User user = context.index.user(context.facts.user(assigned[0]));
      Option.Builder builder =
          Option.builder(model, user.id())
              .units(1)
              .line(user.id(), 1, "")
              .arithmetic("site licence: user " + user.id() + " within the site")
              .scope(user.unit())
              .user(user.id());
      return context.withCoverage(builder, model, assigned).build();
    }
    return UsagePools.explain(context, model, table, option, assigned);
  }
}
