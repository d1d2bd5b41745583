package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.Rounding;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Metrics {@code processor}, {@code core} and {@code pvu}: installations are counted on the
 * hardware the licence model's virtualization rule names (see {@link HardwareCount} for the
 * arithmetic).
 *
 * <ul>
 *   <li>{@code physical}: the physical host once, whatever runs on it (WS-05, SQL-04 with {@code
 *       requiresMaintenance}, WS-E14).
 *   <li>{@code per-vm}: every VM by its vCPUs (WS-06, SQL-02); with {@code capAtHost}, the VMs of a
 *       host together, never more than the host in full, and the host in full when the product also
 *       runs on it (IBM-03, IBM-04).
 *   <li>{@code cluster}: every host of the VM's cluster in full (OR-07, OR-E11).
 *   <li>{@code host-per-vm-set}: the host in full once per {@code vmsPerSet} VMs (WS-03, WS-04).
 * </ul>
 *
 * Cloud instances count by their own vCPUs (OR-08). With {@code rounding: aggregate}, units are
 * summed over the whole model and rounded up once (OR-02). With the {@code failover} right, a
 * passive failover device rides free on the option of the active device it stands in for (SQL-06),
 * up to {@code failoverDevices} per active device.
 */
final class HardwareMetric implements MetricEvaluator {

  /** The facts counted together and how their units are computed. */
  private static final class Unit {
    final String consumer;
    final List<Coverable> facts = new ArrayList<>();
    final List<Coverable> free = new ArrayList<>();
    final Set<String> devices = new TreeSet<>();

    Unit(String consumer) {
      this.consumer = consumer;
    }
  }

  @Override
  public void evaluate(
      LicenseModel model,
      List<Coverable> facts,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals) {
    Virtualization v = model.effectiveVirtualization();
    VirtualizationMode mode = v.mode();
    Map<String, Unit> units = new TreeMap<>();
    Map<String, String> unitOfDevice = new TreeMap<>();
    for (Coverable c : facts) {
      Fact fact = c.fact();
      if (fact.kind() != Fact.Kind.INSTALLATION) {
        refusals.put(
            fact.id(),
            "model "
                + model.id()
                + " ("
                + model.metric().type()
                + " metric) counts hardware, not "
                + fact.kind().id()
                + " records");
        continue;
      }
      Device device = Objects.requireNonNull(fact.device());
      if (v.virtualOnly() && device.kind() != DeviceKind.VM && device.kind() != DeviceKind.CLOUD) {
        refusals.put(
            fact.id(),
            "model "
                + model.id()
                + " licenses VMs and cloud instances only; "
                + device.id()
                + " is a physical "
                + device.kind());
        continue;
      }
      String key = key(device, mode, v, index);
      units.computeIfAbsent(key, Unit::new).facts.add(c);
      units.get(key).devices.add(device.id());
      unitOfDevice.putIfAbsent(device.id(), key);
    }
    if (model.rights().failover()) {
      attachFailover(model, units, unitOfDevice, index);
    }
    List<Option.Builder> built = new ArrayList<>();
    List<HardwareCount> counts = new ArrayList<>();
    for (Unit unit : units.values()) {
      HardwareCount.Result result;
      try {
        result = count(model, unit, index);
      } catch (ArithmeticException overflow) {
        throw new ArithmeticException(
            "the "
                + model.metric().type()
                + " count of "
                + String.join(", ", unit.devices)
                + " overflows");
      }
      if (result.count() == null) {
        for (Coverable c : unit.facts) {
          refusals.put(c.fact().id(), Objects.requireNonNull(result.refusal()));
        }
        continue;
      }
      HardwareCount count = result.count();
      List<Coverable> covered = new ArrayList<>(unit.facts);
      covered.addAll(unit.free);
      covered.sort(Comparator.comparingInt(c -> c.fact().id()));
      String consumer = consumerOf(unit.consumer);
      Option.Builder option =
          Option.builder(model, consumer)
              .facts(DeviceGroups.ids(covered))
              .units(count.units())
              .arithmetic(
                  model.metric().type()
                      + " metric, "
                      + how(unit.consumer, v)
                      + (unit.free.isEmpty()
                          ? ""
                          : "; failover right (SQL-06): passive "
                              + String.join(", ", freeDevices(unit))
                              + " covered free")
                      + ": "
                      + count.words());
      boolean virtual = false;
      for (Coverable c : covered) {
        Device d = Objects.requireNonNull(c.fact().device());
        option.device(d.id()).user(d.primaryUser());
        option.scope(d.unit());
        virtual |= d.kind() == DeviceKind.VM;
        if (d.host() != null) {
          option.device(d.host());
        }
      }
      option.needsActiveMaintenance(v.requiresMaintenance() && virtual);
      if (virtual && (mode == VirtualizationMode.PHYSICAL || mode == VirtualizationMode.CLUSTER)) {
        long vms =
            unit.facts.stream()
                .map(c -> Objects.requireNonNull(c.fact().device()))
                .filter(d -> d.kind() == DeviceKind.VM)
                .map(Device::id)
                .distinct()
                .count();
        option.note(
            "covers "
                + vms
                + (vms == 1 ? " VM" : " VMs")
                + (mode == VirtualizationMode.PHYSICAL
                    ? " on the licensed host (unlimited virtualization"
                        + (v.requiresMaintenance() ? " while maintenance is active, SQL-04)" : ")")
                    : " in the cluster"));
      }
      DeviceGroups.withCoverage(option, covered);
      built.add(option);
      counts.add(count);
    }
    if (model.metric().rounding() == Rounding.AGGREGATE && !built.isEmpty()) {
      options.add(aggregate(model, units, built, counts));
    } else {
      for (int i = 0; i < built.size(); i++) {
        String consumer = built.get(i).consumer();
        options.add(built.get(i).line(consumer, counts.get(i).units(), "").build());
      }
    }
  }

  /** How a unit is counted, for the reason. */
  private static String how(String key, Virtualization v) {
    if (key.startsWith("cloud:")) {
      return "cloud instance by its vCPUs";
    }
    if (key.startsWith("vm:")) {
      return "per VM";
    }
    if (key.startsWith("cluster:")) {
      return "every host of the cluster";
    }
    return switch (v.mode()) {
      case PHYSICAL -> "physical host counted once";
      case HOST_PER_VM_SET -> "host licensed in full per set of VMs";
      case PER_VM -> v.capAtHost() ? "sub-capacity, VMs of one host together" : "physical server";
      case CLUSTER -> "physical host in no cluster";
    };
  }

  /** Where a device's installation is counted under the virtualization rule. */
  private static String key(
      Device device, VirtualizationMode mode, Virtualization v, EstateIndex index) {
    if (device.kind() == DeviceKind.CLOUD) {
      return "cloud:" + device.id();
    }
    Device host = device.kind() == DeviceKind.VM ? index.device(device.host()) : device;
    Objects.requireNonNull(host);
    if (device.kind() == DeviceKind.VM && mode == VirtualizationMode.PER_VM && !v.capAtHost()) {
      return "vm:" + device.id();
    }
    if (mode == VirtualizationMode.CLUSTER) {
      Cluster cluster = index.clusterOf(host.id());
      if (cluster != null) {
        return "cluster:" + cluster.id();
      }
    }
    return "host:" + host.id();
  }

  private static String consumerOf(String key) {
    return key.substring(key.indexOf(':') + 1);
  }

  private static List<String> freeDevices(Unit unit) {
    Set<String> ids = new TreeSet<>();
    for (Coverable c : unit.free) {
      ids.add(Objects.requireNonNull(c.fact().device()).id());
    }
    return new ArrayList<>(ids);
  }

  /** Adds the facts of passive failover devices to the unit of their active device. */
  private static void attachFailover(
      LicenseModel model,
      Map<String, Unit> units,
      Map<String, String> unitOfDevice,
      EstateIndex index) {
    Map<String, Integer> freeCount = new TreeMap<>();
    for (Map.Entry<String, String> entry : unitOfDevice.entrySet()) {
      Device passive = index.device(entry.getKey());
      if (passive == null || !passive.isPassiveFailover() || passive.failoverFor() == null) {
        continue;
      }
      String activeKey = unitOfDevice.get(passive.failoverFor());
      if (activeKey == null || activeKey.equals(entry.getValue())) {
        continue;
      }
      int used = freeCount.getOrDefault(passive.failoverFor(), 0);
      if (used >= model.rights().failoverDevices()) {
        continue;
      }
      freeCount.put(passive.failoverFor(), used + 1);
      Unit active = units.get(activeKey);
      for (Coverable c : units.get(entry.getValue()).facts) {
        if (Objects.requireNonNull(c.fact().device()).id().equals(passive.id())) {
          active.free.add(c);
        }
      }
    }
  }

  private static HardwareCount.Result count(LicenseModel model, Unit unit, EstateIndex index) {
    String key = unit.consumer;
    String id = consumerOf(key);
    Virtualization v = model.effectiveVirtualization();
    if (key.startsWith("cloud:")) {
      return HardwareCount.ofVirtual(model, Objects.requireNonNull(index.device(id)), null);
    }
    if (key.startsWith("vm:")) {
      Device vm = Objects.requireNonNull(index.device(id));
      Device host = index.device(vm.host());
      if (host != null && model.metric().maximumSockets() > 0) {
        Long capacity = HardwareCount.socketCapacity(host);
        if (capacity != null && capacity > model.metric().maximumSockets()) {
          return HardwareCount.Result.refused(
              "model "
                  + model.id()
                  + " may run only on servers of at most "
                  + model.metric().maximumSockets()
                  + " sockets (OR-04); host "
                  + host.id()
                  + " of "
                  + vm.id()
                  + " has "
                  + capacity);
        }
      }
      return HardwareCount.ofVirtual(model, vm, host);
    }
    if (key.startsWith("cluster:")) {
      return cluster(model, Objects.requireNonNull(index.clusterOf(firstHost(unit, index))), index);
    }
    Device host = Objects.requireNonNull(index.device(id));
    HardwareCount.Result full = HardwareCount.ofServer(model, host);
    switch (v.mode()) {
      case HOST_PER_VM_SET -> {
        if (full.count() == null) {
          return full;
        }
        Set<String> vms = new TreeSet<>();
        for (Coverable c : unit.facts) {
          Device d = Objects.requireNonNull(c.fact().device());
          if (d.kind() == DeviceKind.VM) {
            vms.add(d.id());
          }
        }
        long sets = HardwareCount.ceilDiv(Math.max(1, vms.size()), v.vmsPerSet());
        long units = Math.multiplyExact(full.count().units(), sets);
        return HardwareCount.Result.of(
            new HardwareCount(
                BigDecimal.valueOf(units),
                units,
                full.count().words()
                    + (vms.isEmpty()
                        ? "; no VMs: the physical OSE (WS-03)"
                        : "; "
                            + vms.size()
                            + (vms.size() == 1 ? " VM" : " VMs")
                            + ", "
                            + v.vmsPerSet()
                            + " per full licensing of the host: "
                            + sets
                            + " × "
                            + full.count().units()
                            + " = "
                            + units
                            + " (WS-04)")));
      }
      case PER_VM -> {
        // capAtHost: the VMs together, never more than the host in full (IBM-03, IBM-04).
        boolean onHost = false;
        Map<String, Device> vms = new TreeMap<>();
        for (Coverable c : unit.facts) {
          Device d = Objects.requireNonNull(c.fact().device());
          if (d.kind() == DeviceKind.VM) {
            vms.put(d.id(), d);
          } else {
            onHost = true;
          }
        }
        if (onHost) {
          if (full.count() == null) {
            return full;
          }
          return HardwareCount.Result.of(
              withWords(
                  full.count(),
                  full.count().words()
                      + " (the product runs on the host itself: host counted in full, IBM-04)"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        for (Device vm : vms.values()) {
          HardwareCount.Result one = HardwareCount.ofVirtual(model, vm, host);
          if (one.count() == null) {
            return one;
          }
          sum = sum.add(BigDecimal.valueOf(one.count().units()));
          parts.add(one.count().words());
        }
        String words = String.join("; ", parts) + "; VMs together " + sum.toPlainString();
        if (full.count() != null && BigDecimal.valueOf(full.count().units()).compareTo(sum) < 0) {
          long capped = full.count().units();
          return HardwareCount.Result.of(
              new HardwareCount(
                  BigDecimal.valueOf(capped),
                  capped,
                  words
                      + ", capped at the host's full capacity "
                      + capped
                      + " ("
                      + full.count().words()
                      + ", IBM-04)"));
        }
        long units = sum.setScale(0, RoundingMode.CEILING).longValueExact();
        return HardwareCount.Result.of(
            new HardwareCount(
                sum,
                units,
                words
                    + (full.count() == null
                        ? " (host capacity unknown: not capped)"
                        : ", below the host's full capacity "
                            + full.count().units()
                            + " (IBM-03)")));
      }
      default -> {
        return full;
      }
    }
  }

  private static String firstHost(Unit unit, EstateIndex index) {
    Device d = Objects.requireNonNull(unit.facts.get(0).fact().device());
    return d.kind() == DeviceKind.VM ? Objects.requireNonNull(d.host()) : d.id();
  }

  private static HardwareCount.Result cluster(
      LicenseModel model, Cluster cluster, EstateIndex index) {
    Metric metric = model.metric();
    BigDecimal exact = BigDecimal.ZERO;
    long divisor = 1;
    long units = 0;
    List<String> parts = new ArrayList<>();
    for (String hostId : new TreeSet<>(cluster.hosts())) {
      Device host = Objects.requireNonNull(index.device(hostId));
      HardwareCount.Result one = HardwareCount.ofServer(model, host);
      if (one.count() == null) {
        return HardwareCount.Result.refused(
            "cluster " + cluster.id() + " is counted in full, and " + one.refusal());
      }
      exact = exact.add(one.count().exact());
      divisor = one.count().divisor();
      units = Math.addExact(units, one.count().units());
      parts.add(one.count().words());
    }
    String words =
        "every host of cluster "
            + cluster.id()
            + " in full (soft partitioning, OR-07): "
            + String.join("; ", parts);
    if (metric.rounding() == Rounding.AGGREGATE) {
      return HardwareCount.Result.of(new HardwareCount(exact, divisor, units, words));
    }
    return HardwareCount.Result.of(
        new HardwareCount(BigDecimal.valueOf(units), units, words + "; total " + units));
  }

  private static HardwareCount withWords(HardwareCount count, String words) {
    return new HardwareCount(count.exact(), count.divisor(), count.units(), words);
  }

  /**
   * One option for the whole model: units summed exactly and rounded up once (OR-02, the
   * aggregation Flexera applies); the units are spread over the consumers by largest remainder.
   */
  private static Option aggregate(
      LicenseModel model,
      Map<String, Unit> units,
      List<Option.Builder> built,
      List<HardwareCount> counts) {
    BigDecimal sum = BigDecimal.ZERO;
    long divisor = counts.get(0).divisor();
    for (HardwareCount count : counts) {
      sum = sum.add(count.exact());
    }
    BigDecimal d = BigDecimal.valueOf(divisor);
    long total = sum.divide(d, 0, RoundingMode.CEILING).longValueExact();
    Option.Builder option = Option.builder(model, model.product() + " (aggregate)");
    List<Integer> facts = new ArrayList<>();
    List<String> words = new ArrayList<>();
    long[] floors = new long[counts.size()];
    BigDecimal[] remainders = new BigDecimal[counts.size()];
    long assigned = 0;
    for (int i = 0; i < counts.size(); i++) {
      Option o =
          built
              .get(i)
              .units(counts.get(i).units())
              .line(built.get(i).consumer(), counts.get(i).units(), "")
              .build();
      for (int f : o.facts()) {
        facts.add(f);
      }
      for (String device : o.devices()) {
        option.device(device);
      }
      for (String user : o.users()) {
        option.user(user);
      }
      for (String unit : o.scopeUnits()) {
        option.scope(unit);
      }
      if (o.hasUnassignedConsumer()) {
        option.scope(null);
      }
      option.rights(o.rights());
      option.maintenanceNeeded(o.maintenanceNeeded());
      if (o.needsActiveMaintenance()) {
        option.needsActiveMaintenance(true);
      }
      words.add(counts.get(i).words());
      BigDecimal share = counts.get(i).exact().divide(d, 12, RoundingMode.DOWN);
      floors[i] = share.setScale(0, RoundingMode.FLOOR).longValueExact();
      remainders[i] = share.subtract(BigDecimal.valueOf(floors[i]));
      assigned += floors[i];
    }
    Integer[] order = new Integer[counts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        Comparator.comparing((Integer i) -> remainders[i])
            .reversed()
            .thenComparing(i -> built.get(i).consumer()));
    for (int k = 0; assigned < total; k = (k + 1) % order.length) {
      floors[order[k]]++;
      assigned++;
    }
    for (int i = 0; i < counts.size(); i++) {
      option.line(built.get(i).consumer(), floors[i], "share of the aggregate");
    }
    facts.sort(null);
    return option
        .facts(facts.stream().mapToInt(Integer::intValue).toArray())
        .units(total)
        .arithmetic(
            model.metric().type()
                + " metric, aggregate rounding"
                + (model.metric().type() == io.itam.model.terms.MetricType.CORE ? " (OR-02)" : "")
                + ": "
                + String.join("; ", words)
                + "; summed "
                + sum.divide(d, java.math.MathContext.DECIMAL64)
                    .stripTrailingZeros()
                    .toPlainString()
                + ", rounded up once to "
                + total)
        .build();
  }
}
