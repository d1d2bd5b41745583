package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Metric {@code user}: one unit per distinct active user: the primary user of each installing
 * device, and the user of each access record (a device access record counts the device's primary
 * user). A User CAL covers one named user on any number of devices (CAL-01: 30 staff with laptop
 * and phone → 30). Named users count "regardless of whether the individual is actively using the
 * programs" (OR-P2); deprovisioned users ({@code active: false}) are no longer users.
 */
final class UserMetric implements MetricEvaluator {

  @Override
  public void evaluate(
      LicenseModel model,
      List<Coverable> facts,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals) {
    Map<String, List<Coverable>> byUser = new TreeMap<>();
    for (Coverable c : facts) {
      Fact fact = c.fact();
      if (fact.kind() == Fact.Kind.USAGE) {
        refusals.put(fact.id(), "model " + model.id() + " counts users, not usage measurements");
        continue;
      }
      if (fact.kind() == Fact.Kind.INSTALLATION && model.clientAccess()) {
        refusals.put(
            fact.id(),
            "model " + model.id() + " is a Client Access License: it counts access only");
        continue;
      }
      User user = fact.user();
      if (user == null
          && fact.kind() == Fact.Kind.INSTALLATION
          && (model.metric().userMinimumPerProcessor() > 0
              || model.metric().minimumPerDevice() > 0)) {
        byUser.computeIfAbsent("", k -> new ArrayList<>()).add(c);
        continue;
      }
      if (user == null) {
        Device device = fact.device();
        user = device == null ? null : index.user(device.primaryUser());
        if (user == null) {
          refusals.put(
              fact.id(),
              "model "
                  + model.id()
                  + " counts users, and device "
                  + (device == null ? "?" : device.id())
                  + " has no primary user");
          continue;
        }
        if (!user.active()) {
          refusals.put(
              fact.id(),
              "model "
                  + model.id()
                  + " counts users, and the primary user "
                  + user.id()
                  + " of device "
                  + device.id()
                  + " is inactive");
          continue;
        }
      }
      byUser.computeIfAbsent(user.id(), k -> new ArrayList<>()).add(c);
    }
    if (model.metric().userMinimumPerProcessor() > 0 || model.metric().minimumPerDevice() > 0) {
      NamedUserMinimum.evaluate(model, byUser, index, options, refusals);
      return;
    }
    byUser.forEach(
        (userId, ofUser) -> {
          User user = index.user(userId);
          Option.Builder option =
              Option.builder(model, userId)
                  .facts(DeviceGroups.ids(ofUser))
                  .units(1)
                  .line(userId, 1, "")
                  .arithmetic(
                      (model.clientAccess() ? "User CAL (CAL-01)" : "user metric")
                          + ": 1 user ("
                          + describe(ofUser)
                          + ")")
                  .scope(user == null ? null : user.unit())
                  .user(userId);
          for (Coverable c : ofUser) {
            @Nullable Device device = c.fact().device();
            if (device != null) {
              option.device(device.id());
            }
          }
          options.add(DeviceGroups.withCoverage(option, ofUser).build());
        });
  }

  private static String describe(List<Coverable> facts) {
    java.util.Set<String> devices = new java.util.TreeSet<>();
    int access = 0;
    for (Coverable c : facts) {
      if (c.fact().kind() == Fact.Kind.ACCESS) {
        access++;
      } else if (c.fact().device() != null) {
        devices.add(c.fact().device().id());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!devices.isEmpty()) {
      parts.add("primary user of " + String.join(", ", devices));
    }
    if (access > 0) {
      parts.add(DeviceGroups.plural(access, "access record", "access records"));
    }
    return String.join("; ", parts);
  }
}
