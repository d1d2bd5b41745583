package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.terms.LicenseModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Metric {@code capacity}: a declared quantity (GB, employees, …) read from the attribute {@code
 * capacityAttribute} of each device the product is installed on. A fractional quantity is rounded
 * up to whole units, and the reason says so. A device without the attribute cannot be measured: its
 * installations are refused, never counted as zero.
 */
final class CapacityMetric implements MetricEvaluator {

  @Override
  public void evaluate(
      LicenseModel model,
      List<Coverable> facts,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals) {
    String attribute = Objects.requireNonNull(model.metric().capacityAttribute());
    List<Coverable> installations = new ArrayList<>();
    for (Coverable c : facts) {
      if (c.fact().kind() == Fact.Kind.INSTALLATION) {
        installations.add(c);
      } else {
        refusals.put(
            c.fact().id(), "model " + model.id() + " (capacity metric) counts installations only");
      }
    }
    DeviceGroups.byDevice(installations)
        .forEach(
            (deviceId, onDevice) -> {
              Device device = Objects.requireNonNull(index.device(deviceId));
              BigDecimal value = device.attributes().get(attribute);
              if (value == null) {
                for (Coverable c : onDevice) {
                  refusals.put(
                      c.fact().id(),
                      "model "
                          + model.id()
                          + " counts attribute \""
                          + attribute
                          + "\", which device "
                          + deviceId
                          + " does not declare");
                }
                return;
              }
              long units = value.setScale(0, RoundingMode.CEILING).longValueExact();
              String quantity = value.stripTrailingZeros().toPlainString();
              options.add(
                  DeviceGroups.withCoverage(
                          Option.builder(model, deviceId)
                              .facts(DeviceGroups.ids(onDevice))
                              .units(units)
                              .line(deviceId, units, "")
                              .arithmetic(
                                  "capacity metric: "
                                      + attribute
                                      + " = "
                                      + quantity
                                      + " on "
                                      + deviceId
                                      + (BigDecimal.valueOf(units).compareTo(value) == 0
                                          ? ""
                                          : ", rounded up to " + units))
                              .scope(device.unit())
                              .device(deviceId)
                              .user(device.primaryUser()),
                          onDevice)
                      .build());
            });
  }
}
