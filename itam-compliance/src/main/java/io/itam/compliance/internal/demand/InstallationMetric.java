package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.terms.LicenseModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Metric {@code installation}: one unit per installation record. A suite licence covers its
 * components on the device once, so a device needs as many suite units as the most-installed of the
 * products it covers there.
 */
final class InstallationMetric implements MetricEvaluator {

  @Override
  public void evaluate(
      LicenseModel model,
      List<Coverable> facts,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals) {
    List<Coverable> installations = new java.util.ArrayList<>();
    for (Coverable c : facts) {
      if (c.fact().kind() == Fact.Kind.INSTALLATION) {
        installations.add(c);
      } else {
        refusals.put(
            c.fact().id(),
            "model "
                + model.id()
                + " (installation metric) counts installations, not "
                + c.fact().kind().id()
                + " records");
      }
    }
    DeviceGroups.byDevice(installations)
        .forEach(
            (deviceId, onDevice) -> {
              Device device = Objects.requireNonNull(index.device(deviceId));
              Map<String, Long> perProduct = new TreeMap<>();
              for (Coverable c : onDevice) {
                perProduct.merge(c.fact().product(), 1L, Long::sum);
              }
              long units = perProduct.values().stream().mapToLong(Long::longValue).max().orElse(0);
              String arithmetic =
                  perProduct.size() == 1
                      ? "installation metric: "
                          + DeviceGroups.plural(units, "installation", "installations")
                          + " on the device"
                      : "installation metric: suite "
                          + model.product()
                          + " covers its components once per copy; most installed "
                          + units
                          + "× on the device";
              options.add(
                  DeviceGroups.withCoverage(
                          Option.builder(model, deviceId)
                              .facts(DeviceGroups.ids(onDevice))
                              .units(units)
                              .line(deviceId, units, "")
                              .arithmetic(arithmetic)
                              .scope(device.unit())
                              .device(deviceId)
                              .user(device.primaryUser()),
                          onDevice)
                      .build());
            });
  }
}
