package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.facts.Facts;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Metric {@code user}: one unit per distinct active user: the primary user of each installing
 * device, and the user of each access record (a device access record counts the device's primary
 * user). A User CAL covers one named user on any number of devices (CAL-01: 30 staff with laptop
 * and phone → 30). Named users count "regardless of whether the individual is actively using the
 * programs" (OR-P2); deprovisioned users ({@code active: false}) are no longer users.
 */
final class UserRule extends MetricRule {

  /**
   * The user a fact counts under, or -1 (and the reason). With {@code allowServers}, an
   * installation on a device without a user counts under -2 (named-user minimums count servers).
   */
  static int anchor(
      RuleContext context,
      LicenseModel model,
      int fact,
      @Nullable Refusals refusals,
      boolean allowServers) {
    Facts facts = context.facts;
    EstateIndex index = context.index;
    Fact.Kind kind = facts.kind(fact);
    String why = null;
    int user = facts.user(fact);
    if (kind == Fact.Kind.USAGE) {
      why = "model " + model.id() + " counts users, not usage measurements";
    } else if (kind == Fact.Kind.INSTALLATION && model.clientAccess()) {
      why = "model " + model.id() + " is a Client Access License: it counts access only";
    } else if (user < 0 && allowServers && kind == Fact.Kind.INSTALLATION) {
      return -2; // named-user minimums count the servers the product runs on
    } else if (user < 0) {
      int device = facts.device(fact);
      user = index.primaryUser(device);
      if (user < 0) {
        why =
            "model "
                + model.id()
                + " counts users, and device "
                + index.device(device).id()
                + " has no primary user";
      } else if (!index.user(user).active()) {
        why =
            "model "
                + model.id()
                + " counts users, and the primary user "
                + index.user(user).id()
                + " of device "
                + index.device(device).id()
                + " is inactive";
      }
    }
    if (why != null) {
      if (refusals != null) {
        refusals.refuse(fact, why);
      }
      return -1;
    }
    return user;
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
      anchors[i] = anchor(context, model, facts[i], refusals, false);
    }
    int[] order = Grouping.byKey(anchors);
    for (int start = 0; start < order.length; ) {
      int user = anchors[order[start]];
      int end = Grouping.runEnd(anchors, order, start);
      out.begin(m, index.user(user).id(), user);
      for (int k = start; k < end; k++) {
        out.fact(facts[order[k]], user, (byte) 0);
      }
      out.units(UnitsRule.CONSTANT, 1, 0);
      out.scope(Grouping.scopeOf(index.userUnit(user)), false, false);
      out.end();
      start = end;
    }
  }

  @Override
  Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    User user = context.index.user(anchor(context, model, assigned[0], null, false));
    Option.Builder builder =
        Option.builder(model, user.id())
            .units(1)
            .line(user.id(), 1, "")
            .arithmetic(
                (model.clientAccess() ? "User CAL (CAL-01)" : "user metric")
                    + ": 1 user ("
                    + describe(context, assigned)
                    + ")")
            .scope(user.unit())
            .user(user.id());
    for (int f : assigned) {
      int d = context.facts.device(f);
      if (d >= 0) {
        builder.device(context.index.device(d).id());
      }
    }
    return context.withCoverage(builder, model, assigned).build();
  }

  private static String describe(RuleContext context, int[] facts) {
    Set<String> devices = new TreeSet<>();
    int access = 0;
    for (int f : facts) {
      if (context.facts.kind(f) == Fact.Kind.ACCESS) {
        access++;
      } else {
        Device device = context.index.device(context.facts.device(f));
        devices.add(device.id());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!devices.isEmpty()) {
      parts.add("primary user of " + String.join(", ", devices));
    }
    if (access > 0) {
      parts.add(RuleContext.plural(access, "access record", "access records"));
    }
    return String.join("; ", parts);
  }
}
