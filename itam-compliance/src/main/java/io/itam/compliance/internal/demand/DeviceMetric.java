package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Metric {@code device}: one unit per device with at least one covered installation or device
 * access record; several installations or versions on one device count once. A Client Access
 * License (Device CAL, CAL-01) counts device access records only.
 *
 * <p>Second use (SU-01): "the single primary user may install a second copy on one portable
 * device". With that right, the devices of one active primary user need {@code max(desktops,
 * ⌈devices / 2⌉)} units: every licensed device covers at most one extra laptop or mobile of the
 * same person (SU-E1: desktop + laptop → 1; SU-E2: another person's laptop → 2).
 */
final class DeviceMetric implements MetricEvaluator {

  @Override
  public void evaluate(
      LicenseModel model,
      List<Coverable> facts,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals) {
    List<Coverable> counted = new ArrayList<>();
    for (Coverable c : facts) {
      Fact fact = c.fact();
      if (fact.kind() == Fact.Kind.USAGE) {
        refusals.put(fact.id(), "model " + model.id() + " counts devices, not usage measurements");
      } else if (fact.kind() == Fact.Kind.ACCESS && fact.device() == null) {
        refusals.put(
            fact.id(),
            "model "
                + model.id()
                + " counts devices; access by user "
                + Objects.requireNonNull(fact.user()).id()
                + " names no device");
      } else if (fact.kind() == Fact.Kind.INSTALLATION && model.clientAccess()) {
        refusals.put(
            fact.id(),
            "model " + model.id() + " is a Client Access License: it counts access only");
      } else {
        counted.add(c);
      }
    }
    Map<String, List<Coverable>> byDevice = DeviceGroups.byDevice(counted);
    byDevice.forEach(
        (deviceId, onDevice) -> {
          Device device = Objects.requireNonNull(index.device(deviceId));
          options.add(
              DeviceGroups.withCoverage(
                      Option.builder(model, deviceId)
                          .facts(DeviceGroups.ids(onDevice))
                          .units(1)
                          .line(deviceId, 1, "")
                          .arithmetic(
                              (model.clientAccess() ? "Device CAL (CAL-01)" : "device metric")
                                  + ": 1 device ("
                                  + DeviceGroups.plural(onDevice.size(), "record", "records")
                                  + ")")
                          .scope(device.unit())
                          .device(deviceId)
                          .user(device.primaryUser()),
                      onDevice)
                  .build());
        });
    if (model.rights().secondUse() && !model.clientAccess()) {
      secondUse(model, byDevice, index, options);
    }
  }

  private static void secondUse(
      LicenseModel model,
      Map<String, List<Coverable>> byDevice,
      EstateIndex index,
      List<Option> options) {
    Map<String, List<Device>> byUser = new TreeMap<>();
    for (String deviceId : byDevice.keySet()) {
      Device device = Objects.requireNonNull(index.device(deviceId));
      User user = index.user(device.primaryUser());
      if (user != null && user.active() && device.kind().isPersonal()) {
        byUser.computeIfAbsent(user.id(), k -> new ArrayList<>()).add(device);
      }
    }
    byUser.forEach(
        (userId, devices) -> {
          List<Device> fixed = new ArrayList<>();
          List<Device> portable = new ArrayList<>();
          for (Device d : devices) {
            (d.kind().isPortable() ? portable : fixed).add(d);
          }
          int n = devices.size();
          long units = Math.max(fixed.size(), (n + 1) / 2);
          if (portable.isEmpty() || units >= n) {
            return;
          }
          Option.Builder option =
              Option.builder(model, userId)
                  .units(units)
                  .arithmetic(
                      "device metric with second use (SU-01): "
                          + DeviceGroups.plural(n, "device", "devices")
                          + " of primary user "
                          + userId
                          + " need max("
                          + fixed.size()
                          + " fixed, ⌈"
                          + n
                          + "/2⌉) = "
                          + units)
                  .user(userId);
          // Pair every fixed device with one portable device, then leftover portables in twos.
          List<Coverable> covered = new ArrayList<>();
          int nextPortable = 0;
          for (Device d : fixed) {
            String note = "";
            if (nextPortable < portable.size()) {
              Device extra = portable.get(nextPortable++);
              note =
                  "second use (SU-01): also covers "
                      + extra.kind()
                      + " "
                      + extra.id()
                      + " of primary user "
                      + userId;
            }
            option.line(d.id(), 1, note);
          }
          while (nextPortable < portable.size()) {
            Device licensed = portable.get(nextPortable++);
            String note = "";
            if (nextPortable < portable.size()) {
              Device extra = portable.get(nextPortable++);
              note =
                  "second use (SU-01): also covers "
                      + extra.kind()
                      + " "
                      + extra.id()
                      + " of primary user "
                      + userId;
            }
            option.line(licensed.id(), 1, note);
          }
          for (Device d : devices) {
            covered.addAll(byDevice.get(d.id()));
            option.scope(d.unit()).device(d.id());
          }
          covered.sort(java.util.Comparator.comparingInt(c -> c.fact().id()));
          option.facts(DeviceGroups.ids(covered));
          options.add(DeviceGroups.withCoverage(option, covered).build());
        });
  }
}
