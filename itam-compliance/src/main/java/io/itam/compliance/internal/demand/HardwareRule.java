package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Fact;
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
final class HardwareRule extends MetricRule {

  /** The facts counted together: their key ({@code host:esx-01}), own facts and free riders. */
  private static final class Unit {
    final String consumer;
    final List<Fact> facts = new ArrayList<>();
    final List<Fact> free = new ArrayList<>();
    final Set<String> devices = new TreeSet<>();

    Unit(String consumer) {
      this.consumer = consumer;
    }
  }

  /** What explaining an option needs: its unit's key and which of its facts ride free. */
  private record Payload(String key, Set<Integer> free) {}

  /** Payload of the one option of a model with aggregate rounding. */
  private record Aggregate(Map<Integer, String> keyOfFact, Set<Integer> free) {}

  @Override
  void offer(
      RuleContext context,
      LicenseModel model,
      int m,
      int[] facts,
      int count,
      OptionTable out,
      Refusals refusals) {
    Map<String, Unit> units = units(context, model, facts, count, refusals);
    Map<String, HardwareCount> counted = new TreeMap<>();
    for (Unit unit : units.values()) {
      HardwareCount.Result result = countOrOverflow(model, unit, context.index);
      if (result.count() == null) {
        for (Fact c : unit.facts) {
          refusals.refuse(c.id(), Objects.requireNonNull(result.refusal()));
        }
        continue;
      }
      counted.put(unit.consumer, result.count());
    }
    if (counted.isEmpty()) {
      return;
    }
    Virtualization v = model.effectiveVirtualization();
    if (model.metric().rounding() == Rounding.AGGREGATE) {
      Map<Integer, String> keyOfFact = new TreeMap<>();
      Set<Integer> free = new TreeSet<>();
      for (String key : counted.keySet()) {
        Unit unit = units.get(key);
        unit.facts.forEach(c -> keyOfFact.putIfAbsent(c.id(), key));
        unit.free.forEach(c -> free.add(c.id()));
      }
      out.begin(m, model.product() + " (aggregate)", Long.MIN_VALUE);
      for (int f : keyOfFact.keySet()) {
        out.fact(f, -1, flags(context, f, false));
      }
      out.units(UnitsRule.GENERIC, 0, 0);
      out.scope(OptionTable.NONE, true, v.requiresMaintenance());
      out.keep(new Aggregate(keyOfFact, free));
      out.end();
      return;
    }
    for (Map.Entry<String, HardwareCount> entry : counted.entrySet()) {
      Unit unit = units.get(entry.getKey());
      offerUnit(context, model, m, unit, entry.getValue(), out);
    }
  }

  private static void offerUnit(
      RuleContext context,
      LicenseModel model,
      int m,
      Unit unit,
      HardwareCount count,
      OptionTable out) {
    Virtualization v = model.effectiveVirtualization();
    String key = unit.consumer;
    Set<Integer> free = new TreeSet<>();
    unit.free.forEach(c -> free.add(c.id()));
    TreeMap<Integer, Fact> covered = new TreeMap<>();
    unit.facts.forEach(c -> covered.put(c.id(), c));
    unit.free.forEach(c -> covered.putIfAbsent(c.id(), c));
    boolean hostSets = key.startsWith("host:") && v.mode() == VirtualizationMode.HOST_PER_VM_SET;
    boolean capped =
        key.startsWith("host:") && v.mode() == VirtualizationMode.PER_VM && v.capAtHost();
    out.begin(m, consumerOf(key), Long.MIN_VALUE);
    for (Fact c : covered.values()) {
      Device d = Objects.requireNonNull(c.device());
      int tag = hostSets && d.kind() == DeviceKind.VM ? context.index.deviceIndex(d.id()) : -1;
      out.fact(c.id(), tag, flags(context, c.id(), free.contains(c.id())));
    }
    if (hostSets) {
      HardwareCount full =
          Objects.requireNonNull(
              HardwareCount.ofServer(
                      model, Objects.requireNonNull(context.index.device(consumerOf(key))))
                  .count());
      out.units(UnitsRule.HOST_SETS, full.units(), v.vmsPerSet());
    } else if (capped) {
      out.units(UnitsRule.GENERIC, 0, 0);
    } else {
      out.units(UnitsRule.CONSTANT, count.units(), 0);
    }
    int[] hosts = licensedHosts(key, v, context.index);
    if (hosts == null) {
      out.scope(OptionTable.NONE, true, v.requiresMaintenance());
    } else {
      int[] units = new int[hosts.length];
      for (int h = 0; h < hosts.length; h++) {
        units[h] = Grouping.scopeOf(context.index.deviceUnit(hosts[h]));
      }
      out.scope(units[0], false, v.requiresMaintenance());
      out.alsoScope(java.util.Arrays.copyOfRange(units, 1, units.length));
    }
    out.keep(new Payload(key, free));
    out.end();
  }

  /**
   * The hosts an option of {@code key} licenses in full, whose units an entitlement's scope must
   * contain: the host under {@code physical} and {@code host-per-vm-set} (the licence is assigned
   * to the server, WS-03, SQL-04), every host of the cluster under {@code cluster} (OR-07). {@code
   * null} where VMs and instances are licensed on their own, whose units count instead.
   */
  static int @org.jspecify.annotations.Nullable [] licensedHosts(
      String key, Virtualization v, EstateIndex index) {
    if (key.startsWith("cluster:")) {
      Cluster cluster = index.cluster(index.clusterIndex(consumerOf(key)));
      return index.deviceIndexes(cluster.hosts());
    }
    boolean hostLicensed =
        v.mode() == VirtualizationMode.PHYSICAL || v.mode() == VirtualizationMode.HOST_PER_VM_SET;
    if (key.startsWith("host:") && hostLicensed) {
      return new int[] {index.deviceIndex(consumerOf(key))};
    }
    return null;
  }

  private static byte flags(RuleContext context, int fact, boolean free) {
    Device d = context.index.device(context.facts.device(fact));
    byte flags = d.kind() == DeviceKind.VM ? OptionTable.VIRTUAL : 0;
    return free ? (byte) (flags | OptionTable.FREE) : flags;
  }

  /** The facts of {@code model} by the hardware they are counted on, with free failover riders. */
  private static Map<String, Unit> units(
      RuleContext context, LicenseModel model, int[] facts, int count, Refusals refusals) {
    Virtualization v = model.effectiveVirtualization();
    VirtualizationMode mode = v.mode();
    Map<String, Unit> units = new TreeMap<>();
    Map<String, String> unitOfDevice = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      int id = facts[i];
      Fact.Kind kind = context.facts.kind(id);
      if (kind != Fact.Kind.INSTALLATION) {
        refusals.refuse(
            id,
            "model "
                + model.id()
                + " ("
                + model.metric().type()
                + " metric) counts hardware, not "
                + kind.id()
                + " records");
        continue;
      }
      Fact fact = context.fact(id);
      Device device = Objects.requireNonNull(fact.device());
      if (v.virtualOnly() && device.kind() != DeviceKind.VM && device.kind() != DeviceKind.CLOUD) {
        refusals.refuse(
            id,
            "model "
                + model.id()
                + " licenses VMs and cloud instances only; "
                + device.id()
                + " is a physical "
                + device.kind());
        continue;
      }
      String key = key(device, mode, v, context.index);
      Unit unit = units.computeIfAbsent(key, Unit::new);
      unit.facts.add(fact);
      unit.devices.add(device.id());
      unitOfDevice.putIfAbsent(device.id(), key);
    }
    if (model.rights().failover()) {
      attachFailover(model, units, unitOfDevice, context.index);
    }
    return units;
  }

  private static HardwareCount.Result countOrOverflow(
      LicenseModel model, Unit unit, EstateIndex index) {
    try {
      return count(model, unit, index);
    } catch (ArithmeticException overflow) {
      throw new ArithmeticException(
          "the "
              + model.metric().type()
              + " count of "
              + String.join(", ", unit.devices)
              + " overflows");
    }
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
      for (Fact c : units.get(entry.getValue()).facts) {
        if (Objects.requireNonNull(c.device()).id().equals(passive.id())) {
          active.free.add(c);
        }
      }
    }
  }

  @Override
  Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    Object payload = table.payload(option);
    if (payload instanceof Aggregate aggregate) {
      return explainAggregate(context, model, aggregate, assigned);
    }
    Payload p = (Payload) Objects.requireNonNull(payload);
    Unit unit = new Unit(p.key());
    for (int f : assigned) {
      Fact fact = context.fact(f);
      (p.free().contains(f) ? unit.free : unit.facts).add(fact);
      unit.devices.add(Objects.requireNonNull(fact.device()).id());
    }
    HardwareCount count = counted(model, unit, context.index);
    return describe(context, model, unit, count)
        .line(consumerOf(p.key()), count.units(), "")
        .build();
  }

  /**
   * The count of a unit of an option given some of its own facts (free riders never come alone):
   * always countable, since its whole unit was.
   */
  private static HardwareCount counted(LicenseModel model, Unit unit, EstateIndex index) {
    HardwareCount.Result result = countOrOverflow(model, unit, index);
    return Objects.requireNonNull(result.count(), result.refusal());
  }

  /** The option of a counted unit, without its lines. */
  private static Option.Builder describe(
      RuleContext context, LicenseModel model, Unit unit, HardwareCount count) {
    Virtualization v = model.effectiveVirtualization();
    VirtualizationMode mode = v.mode();
    List<Fact> covered = new ArrayList<>(unit.facts);
    for (Fact c : unit.free) {
      if (!covered.contains(c)) {
        covered.add(c);
      }
    }
    covered.sort(Comparator.comparingInt(Fact::id));
    String consumer = consumerOf(unit.consumer);
    List<Fact> free = unit.free;
    Option.Builder option =
        Option.builder(model, consumer)
            .units(count.units())
            .arithmetic(
                model.metric().type()
                    + " metric, "
                    + how(unit.consumer, v)
                    + (free.isEmpty()
                        ? ""
                        : "; failover right (SQL-06): passive "
                            + String.join(", ", freeDevices(free))
                            + " covered free")
                    + ": "
                    + count.words());
    boolean virtual = false;
    int[] hosts = licensedHosts(unit.consumer, v, context.index);
    for (Fact c : covered) {
      Device d = Objects.requireNonNull(c.device());
      option.device(d.id()).user(d.primaryUser());
      if (hosts == null) {
        option.scope(d.unit());
      }
      virtual |= d.kind() == DeviceKind.VM;
      if (d.host() != null) {
        option.device(d.host());
      }
    }
    if (hosts != null) {
      for (int h : hosts) {
        option.scope(context.index.device(h).unit());
      }
    }
    option.needsActiveMaintenance(v.requiresMaintenance() && virtual);
    if (virtual && (mode == VirtualizationMode.PHYSICAL || mode == VirtualizationMode.CLUSTER)) {
      long vms =
          unit.facts.stream()
              .map(c -> Objects.requireNonNull(c.device()))
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
    int[] ids = covered.stream().mapToInt(Fact::id).toArray();
    return context.withCoverage(option, model, ids);
  }

  private static List<String> freeDevices(List<Fact> free) {
    Set<String> ids = new TreeSet<>();
    for (Fact c : free) {
      ids.add(Objects.requireNonNull(c.device()).id());
    }
    return new ArrayList<>(ids);
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
        for (Fact c : unit.facts) {
          Device d = Objects.requireNonNull(c.device());
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
        for (Fact c : unit.facts) {
          Device d = Objects.requireNonNull(c.device());
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
    Device d = Objects.requireNonNull(unit.facts.get(0).device());
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
  private static Option explainAggregate(
      RuleContext context, LicenseModel model, Aggregate aggregate, int[] assigned) {
    Map<String, Unit> units = new TreeMap<>();
    for (int f : assigned) {
      Fact fact = context.fact(f);
      String key = Objects.requireNonNull(aggregate.keyOfFact().get(f));
      Unit unit = units.computeIfAbsent(key, Unit::new);
      (aggregate.free().contains(f) ? unit.free : unit.facts).add(fact);
      unit.devices.add(Objects.requireNonNull(fact.device()).id());
    }
    List<Option.Builder> built = new ArrayList<>();
    List<HardwareCount> counts = new ArrayList<>();
    for (Unit unit : units.values()) {
      HardwareCount count = counted(model, unit, context.index);
      built.add(describe(context, model, unit, count));
      counts.add(count);
    }
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
    long assignedUnits = 0;
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
      assignedUnits += floors[i];
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
    for (int k = 0; assignedUnits < total; k = (k + 1) % order.length) {
      floors[order[k]]++;
      assignedUnits++;
    }
    for (int i = 0; i < counts.size(); i++) {
      option.line(built.get(i).consumer(), floors[i], "share of the aggregate");
    }
    facts.sort(null);
    return option
        .facts(facts.stream().mapToInt(Integer::intValue).distinct().toArray())
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
