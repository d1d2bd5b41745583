package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.VirtualizationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Named users with a minimum (Oracle Named User Plus): the model counts {@code max(users,
 * minimum)}, where the minimum adds up, over every server the product runs on, {@code
 * max(minimumPerDevice, userMinimumPerProcessor × processors)} (OR-05: Enterprise Edition 25 per
 * processor, processors being cores × core factor; OR-04: SE2 10 per server). The servers are those
 * the model's virtualization rule counts: the host of a VM, every host of its cluster in mode
 * {@code cluster} (OR-E10), the instance itself in a cloud (processors = vCPUs ÷ threads per core,
 * OR-08). One option covers the whole model.
 */
final class NamedUserMinimum {
  private NamedUserMinimum() {}

  /**
   * @param byUser facts per user id; key {@code ""} holds installations on servers without a user
   */
  static void evaluate(
      LicenseModel model,
      Map<String, List<MetricEvaluator.Coverable>> byUser,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals) {
    Metric metric = model.metric();
    Map<String, Device> servers = new TreeMap<>();
    Map<String, Device> virtual = new TreeMap<>();
    List<MetricEvaluator.Coverable> covered = new ArrayList<>();
    Option.Builder option = Option.builder(model, "named-users:" + model.product());
    VirtualizationMode mode = model.effectiveVirtualization().mode();
    for (Map.Entry<String, List<MetricEvaluator.Coverable>> entry : byUser.entrySet()) {
      for (MetricEvaluator.Coverable c : entry.getValue()) {
        Device device = c.fact().device();
        if (c.fact().kind() == Fact.Kind.INSTALLATION && device != null) {
          if (device.kind() == DeviceKind.CLOUD
              || (device.kind() == DeviceKind.VM && mode == VirtualizationMode.PER_VM)) {
            virtual.put(device.id(), device);
          } else {
            Device host = device.kind() == DeviceKind.VM ? index.device(device.host()) : device;
            Objects.requireNonNull(host);
            Cluster cluster =
                mode == VirtualizationMode.CLUSTER ? index.clusterOf(host.id()) : null;
            if (cluster != null) {
              for (String member : cluster.hosts()) {
                servers.put(member, Objects.requireNonNull(index.device(member)));
              }
            } else {
              servers.put(host.id(), host);
            }
          }
          option.device(device.id()).scope(device.unit());
        }
        covered.add(c);
      }
      if (!entry.getKey().isEmpty()) {
        option.user(entry.getKey());
        var user = index.user(entry.getKey());
        option.scope(user == null ? null : user.unit());
      }
    }
    long minimum = 0;
    List<String> parts = new ArrayList<>();
    for (Device server : servers.values()) {
      long processors = 0;
      String words = server.id();
      if (metric.userMinimumPerProcessor() > 0) {
        HardwareCount.Result count = HardwareCount.ofServer(model, server);
        if (count.count() == null) {
          refuseAll(
              covered, "the named-user minimum cannot be computed: " + count.refusal(), refusals);
          return;
        }
        processors = count.count().units();
        words = count.count().words() + " processors";
      } else if (metric.maximumSockets() > 0) {
        Long capacity = HardwareCount.socketCapacity(server);
        if (capacity != null && capacity > metric.maximumSockets()) {
          refuseAll(
              covered,
              "model "
                  + model.id()
                  + " may run only on servers of at most "
                  + metric.maximumSockets()
                  + " sockets (OR-04); "
                  + server.id()
                  + " has "
                  + capacity,
              refusals);
          return;
        }
      }
      long perServer =
          Math.max(
              metric.minimumPerDevice(),
              Math.multiplyExact(metric.userMinimumPerProcessor(), processors));
      minimum = Math.addExact(minimum, perServer);
      parts.add(
          metric.userMinimumPerProcessor() > 0
              ? words + " × " + metric.userMinimumPerProcessor() + " = " + perServer
              : server.id() + ": " + perServer + " per server");
    }
    for (Device instance : virtual.values()) {
      long vcpus = instance.vcpus() == null ? 0 : instance.vcpus();
      long threads = model.effectiveVirtualization().threadsPerCore();
      long processors = HardwareCount.ceilDiv(vcpus, threads);
      long perServer =
          Math.max(
              metric.minimumPerDevice(),
              Math.multiplyExact(metric.userMinimumPerProcessor(), processors));
      minimum = Math.addExact(minimum, perServer);
      parts.add(instance.id() + ": " + vcpus + " vCPUs → " + perServer);
    }
    long users = byUser.keySet().stream().filter(k -> !k.isEmpty()).count();
    long units = Math.max(users, minimum);
    covered.sort(java.util.Comparator.comparingInt(c -> c.fact().id()));
    option
        .facts(DeviceGroups.ids(covered))
        .units(units)
        .line(option.consumer(), units, "")
        .arithmetic(
            "named users with a minimum per processor or server (OR-04, OR-05): max("
                + users
                + (users == 1 ? " user, " : " users, ")
                + "minimum "
                + minimum
                + (parts.isEmpty() ? "" : " = " + String.join(" + ", parts))
                + ") = "
                + units);
    options.add(DeviceGroups.withCoverage(option, covered).build());
  }

  private static void refuseAll(
      List<MetricEvaluator.Coverable> facts, String why, Map<Integer, String> refusals) {
    for (MetricEvaluator.Coverable c : facts) {
      refusals.put(c.fact().id(), why);
    }
  }
}
