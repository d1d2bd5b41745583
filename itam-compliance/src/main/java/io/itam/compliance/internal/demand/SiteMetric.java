package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Metric {@code site}: unlimited use within the entitlement's scope. Consumption is reported (one
 * unit per device, per accessing user, and the peak of measured usage) but a site entitlement never
 * runs short; only consumption outside every site entitlement's scope is a shortfall.
 */
final class SiteMetric implements MetricEvaluator {

  @Override
  public void evaluate(
      LicenseModel model,
      List<Coverable> facts,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals) {
    List<Coverable> onDevices = new ArrayList<>();
    Map<String, List<Coverable>> byUser = new TreeMap<>();
    List<Coverable> usage = new ArrayList<>();
    for (Coverable c : facts) {
      Fact fact = c.fact();
      if (fact.kind() == Fact.Kind.USAGE) {
        usage.add(c);
      } else if (fact.device() != null) {
        onDevices.add(c);
      } else {
        byUser
            .computeIfAbsent(Objects.requireNonNull(fact.user()).id(), k -> new ArrayList<>())
            .add(c);
      }
    }
    DeviceGroups.byDevice(onDevices)
        .forEach(
            (deviceId, onDevice) -> {
              Device device = Objects.requireNonNull(index.device(deviceId));
              options.add(
                  DeviceGroups.withCoverage(
                          Option.builder(model, deviceId)
                              .facts(DeviceGroups.ids(onDevice))
                              .units(1)
                              .line(deviceId, 1, "")
                              .arithmetic("site licence: device " + deviceId + " within the site")
                              .scope(device.unit())
                              .device(deviceId)
                              .user(device.primaryUser()),
                          onDevice)
                      .build());
            });
    byUser.forEach(
        (userId, ofUser) -> {
          User user = index.user(userId);
          options.add(
              DeviceGroups.withCoverage(
                      Option.builder(model, userId)
                          .facts(DeviceGroups.ids(ofUser))
                          .units(1)
                          .line(userId, 1, "")
                          .arithmetic("site licence: user " + userId + " within the site")
                          .scope(user == null ? null : user.unit())
                          .user(userId),
                      ofUser)
                  .build());
        });
    if (!usage.isEmpty()) {
      UsagePools.evaluate(
          model, usage, Metric.DEFAULT_WINDOW_DAYS, "site licence", index, options, refusals);
    }
  }
}
