package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.VirtualizationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Named users with a minimum (Oracle Named User Plus): the model counts {@code max(users,
 * minimum)}, where the minimum adds up, over every server the product runs on, {@code
 * max(minimumPerDevice, userMinimumPerProcessor × processors)} (OR-05: Enterprise Edition 25 per
 * processor, processors being cores × core factor; OR-04: SE2 10 per server). The servers are those
 * the model's virtualization rule counts: the host of a VM, every host of its cluster in mode
 * {@code cluster} (OR-E10), the instance itself in a cloud (processors = vCPUs ÷ threads per core,
 * OR-08). One option covers the whole model.
 */
final class NamedUserRule extends MetricRule {

  /** The option, or why it cannot be counted. */
  private record Outcome(@Nullable Option option, @Nullable String refusal) {}

  @Override
  void offer(
      RuleContext context,
      LicenseModel model,
      int m,
      int[] facts,
      int count,
      OptionTable out,
      Refusals refusals) {
    int[] counted = new int[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (UserRule.anchor(context, model, facts[i], refusals, true) != -1) {
        counted[n++] = facts[i];
      }
    }
    if (n == 0) {
      return;
    }
    counted = java.util.Arrays.copyOf(counted, n);
    Outcome outcome = evaluate(context, model, counted);
    if (outcome.option() == null) {
      for (int f : counted) {
        refusals.refuse(f, Objects.requireNonNull(outcome.refusal()));
      }
      return;
    }
    out.begin(m, consumer(model), Long.MIN_VALUE);
    for (int f : counted) {
      out.fact(f, -1, (byte) 0);
    }
    out.units(UnitsRule.GENERIC, 0, 0);
    out.scope(OptionTable.NONE, true, false);
    out.end();
  }

  private static String consumer(LicenseModel model) {
    return "named-users:" + model.product();
  }

  @Override
  Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    Outcome outcome = evaluate(context, model, assigned);
    if (outcome.option() == null) {
      throw new IllegalStateException(
          "named-user option of " + model.id() + " cannot be counted: " + outcome.refusal());
    }
    return outcome.option();
  }

  private static Outcome evaluate(RuleContext context, LicenseModel model, int[] facts) {
    EstateIndex index = context.index;
    Metric metric = model.metric();
    Map<String, List<Integer>> byUser = new TreeMap<>();
    for (int f : facts) {
      int user = UserRule.anchor(context, model, f, null, true);
      String key = user == -2 ? "" : index.user(user).id();
      byUser.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    Map<String, Device> servers = new TreeMap<>();
    Map<String, Device> virtual = new TreeMap<>();
    Option.Builder option = Option.builder(model, consumer(model));
    VirtualizationMode mode = model.effectiveVirtualization().mode();
    List<Integer> covered = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> entry : byUser.entrySet()) {
      for (int f : entry.getValue()) {
        int d = context.facts.device(f);
        if (context.facts.kind(f) == Fact.Kind.INSTALLATION && d >= 0) {
          Device device = index.device(d);
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
        covered.add(f);
      }
      if (!entry.getKey().isEmpty()) {
        option.user(entry.getKey());
        User user = index.user(entry.getKey());
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
          return new Outcome(null, "the named-user minimum cannot be computed: " + count.refusal());
        }
        processors = count.count().units();
        words = count.count().words() + " processors";
      } else if (metric.maximumSockets() > 0) {
        Long capacity = HardwareCount.socketCapacity(server);
        if (capacity != null && capacity > metric.maximumSockets()) {
          return new Outcome(
              null,
              "model "
                  + model.id()
                  + " may run only on servers of at most "
                  + metric.maximumSockets()
                  + " sockets (OR-04); "
                  + server.id()
                  + " has "
                  + capacity);
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
    int[] ids = covered.stream().mapToInt(Integer::intValue).sorted().toArray();
    option
        .units(units)
        .line(consumer(model), units, "")
        .arithmetic(
            "named users with a minimum per processor or server (OR-04, OR-05): max("
                + users
                + (users == 1 ? " user, " : " users, ")
                + "minimum "
                + minimum
                + (parts.isEmpty() ? "" : " = " + String.join(" + ", parts))
                + ") = "
                + units);
    return new Outcome(context.withCoverage(option, model, ids).build(), null);
  }
}
