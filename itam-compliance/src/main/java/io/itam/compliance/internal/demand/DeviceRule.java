package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.facts.Facts;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Metric {@code device}: one unit per device with at least one covered installation or device
 * access record; several installations or versions on one device count once. A Client Access
 * License (Device CAL, CAL-01) counts device access records only.
 *
 * <p>Second use (SU-01): "the single primary user may install a second copy on one portable
 * device". With that right, the devices of one active primary user may also be covered together,
 * needing {@code max(desktops, ⌈devices / 2⌉)} units: every licensed device covers at most one
 * extra laptop or mobile of the same person (SU-E1: desktop + laptop → 1; SU-E2: another person's
 * laptop → 2).
 */
final class DeviceRule extends MetricRule {

  /** The device a fact counts under, or -1 with the reason given to {@code refusals}. */
  static int anchor(
      RuleContext context,
      LicenseModel model,
      int fact,
      @org.jspecify.annotations.Nullable Refusals refusals) {
    Facts facts = context.facts;
    Fact.Kind kind = facts.kind(fact);
    String why = null;
    if (kind == Fact.Kind.USAGE) {
      why = "model " + model.id() + " counts devices, not usage measurements";
    } else if (kind == Fact.Kind.ACCESS && facts.device(fact) < 0) {
      why =
          "model "
              + model.id()
              + " counts devices; access by user "
              + context.index.user(facts.user(fact)).id()
              + " names no device";
    } else if (kind == Fact.Kind.INSTALLATION && model.clientAccess()) {
      why = "model " + model.id() + " is a Client Access License: it counts access only";
    }
    if (why != null) {
      if (refusals != null) {
        refusals.refuse(fact, why);
      }
      return -1;
    }
    return facts.device(fact);
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
        out.fact(facts[order[k]], device, (byte) 0);
      }
      out.units(UnitsRule.CONSTANT, 1, 0);
      out.scope(Grouping.scopeOf(index.deviceUnit(device)), false, false);
      out.end();
      start = end;
    }
    if (model.rights().secondUse() && !model.clientAccess()) {
      secondUse(context, m, facts, anchors, order, out);
    }
  }

  /** One option per active primary user with a portable device among their devices. */
  private static void secondUse(
      RuleContext context, int m, int[] facts, int[] anchors, int[] order, OptionTable out) {
    EstateIndex index = context.index;
    int[] userOf = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      int device = anchors[order[k]];
      int user = index.primaryUser(device);
      boolean personal = index.device(device).kind().isPersonal();
      userOf[k] = user >= 0 && personal && index.user(user).active() ? user : -1;
    }
    int[] byUser = Grouping.byKey(userOf);
    for (int start = 0; start < byUser.length; ) {
      int user = userOf[byUser[start]];
      int end = Grouping.runEnd(userOf, byUser, start);
      List<Integer> devices = new ArrayList<>();
      int fixed = 0;
      boolean portable = false;
      for (int k = start; k < end; k++) {
        int device = anchors[order[byUser[k]]];
        if (devices.isEmpty() || devices.get(devices.size() - 1) != device) {
          devices.add(device);
          if (index.device(device).kind().isPortable()) {
            portable = true;
          } else {
            fixed++;
          }
        }
      }
      int n = devices.size();
      long units = Math.max(fixed, (n + 1) / 2);
      if (portable && units < n) {
        int[] covered = new int[end - start];
        for (int k = start; k < end; k++) {
          covered[k - start] = facts[order[byUser[k]]];
        }
        java.util.Arrays.sort(covered);
        out.begin(m, index.user(user).id(), user);
        for (int f : covered) {
          int device = context.facts.device(f);
          boolean isPortable = index.device(device).kind().isPortable();
          out.fact(f, device, isPortable ? OptionTable.PORTABLE : 0);
        }
        out.units(UnitsRule.SECOND_USE, 0, 0);
        out.scope(OptionTable.NONE, true, false);
        out.keep(user);
        out.end();
      }
      start = end;
    }
  }

  @Override
  Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    if (table.unitsRule(option) == UnitsRule.SECOND_USE) {
      return explainSecondUse(context, model, table, option, assigned);
    }
    Device device = context.index.device(context.facts.device(assigned[0]));
    Option.Builder builder =
        Option.builder(model, device.id())
            .units(1)
            .line(device.id(), 1, "")
            .arithmetic(
                (model.clientAccess() ? "Device CAL (CAL-01)" : "device metric")
                    + ": 1 device ("
                    + RuleContext.plural(assigned.length, "record", "records")
                    + ")")
            .scope(device.unit())
            .device(device.id())
            .user(device.primaryUser());
    return context.withCoverage(builder, model, assigned).build();
  }

  private static Option explainSecondUse(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    EstateIndex index = context.index;
    User user = index.user((Integer) java.util.Objects.requireNonNull(table.payload(option)));
    List<Device> fixed = new ArrayList<>();
    List<Device> portable = new ArrayList<>();
    int last = -1;
    for (int f : assigned) {
      int d = context.facts.device(f);
      if (d != last) {
        Device device = index.device(d);
        (device.kind().isPortable() ? portable : fixed).add(device);
        last = d;
      }
    }
    int n = fixed.size() + portable.size();
    long units = Math.max(fixed.size(), (n + 1) / 2);
    Option.Builder builder =
        Option.builder(model, user.id())
            .units(units)
            .arithmetic(
                "device metric with second use (SU-01): "
                    + RuleContext.plural(n, "device", "devices")
                    + " of primary user "
                    + user.id()
                    + " need max("
                    + fixed.size()
                    + " fixed, ⌈"
                    + n
                    + "/2⌉) = "
                    + units)
            .user(user.id());
    // Pair every fixed device with one portable device, then leftover portables in twos.
    int nextPortable = 0;
    for (Device d : fixed) {
      String note = "";
      if (nextPortable < portable.size()) {
        note = alsoCovers(portable.get(nextPortable++), user);
      }
      builder.line(d.id(), 1, note);
    }
    while (nextPortable < portable.size()) {
      Device licensed = portable.get(nextPortable++);
      String note = "";
      if (nextPortable < portable.size()) {
        note = alsoCovers(portable.get(nextPortable++), user);
      }
      builder.line(licensed.id(), 1, note);
    }
    List<Device> all = new ArrayList<>(fixed);
    all.addAll(portable);
    all.sort(java.util.Comparator.comparing(Device::id));
    for (Device d : all) {
      builder.scope(d.unit()).device(d.id());
    }
    return context.withCoverage(builder, model, assigned).build();
  }

  private static String alsoCovers(Device extra, User user) {
    return "second use (SU-01): also covers "
        + extra.kind()
        + " "
        + extra.id()
        + " of primary user "
        + user.id();
  }
}
