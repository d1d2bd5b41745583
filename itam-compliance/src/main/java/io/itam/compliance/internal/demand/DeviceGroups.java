package io.itam.compliance.internal.demand;

import io.itam.model.inventory.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Groups coverable facts by the device they are on, in device-id order. */
final class DeviceGroups {
  private DeviceGroups() {}

  static Map<String, List<MetricEvaluator.Coverable>> byDevice(
      List<MetricEvaluator.Coverable> facts) {
    Map<String, List<MetricEvaluator.Coverable>> groups = new TreeMap<>();
    for (MetricEvaluator.Coverable c : facts) {
      Device device = Objects.requireNonNull(c.fact().device());
      groups.computeIfAbsent(device.id(), k -> new ArrayList<>()).add(c);
    }
    return groups;
  }

  static int[] ids(List<MetricEvaluator.Coverable> facts) {
    int[] ids = new int[facts.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = facts.get(i).fact().id();
    }
    return ids;
  }

  /** Applies the facts' rights and maintenance needs to {@code option}. */
  static Option.Builder withCoverage(Option.Builder option, List<MetricEvaluator.Coverable> facts) {
    for (MetricEvaluator.Coverable c : facts) {
      option.component(c.fact().product());
      option.rights(c.coverage().rights());
      option.maintenanceNeeded(c.coverage().maintenanceNeeded());
    }
    return option;
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
