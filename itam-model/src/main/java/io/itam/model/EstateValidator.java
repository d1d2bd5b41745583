package io.itam.model;

import com.google.common.collect.ImmutableList;
import io.itam.model.catalog.Product;
import io.itam.model.catalog.ProductVersion;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.BuiltInTables;
import io.itam.model.terms.FactorSource;
import io.itam.model.terms.FactorTable;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a whole estate at once and returns every problem with its path: ids (empty, too long,
 * duplicate), references, cycles (organisation, suites), ranges, date order, editions and versions
 * the product does not declare, VMs without a host, currencies, and metric or virtualization
 * parameters that do not apply. The {@link Limits} are enforced here.
 */
public final class EstateValidator {
  /** The depth of an organisation unit on or below a cycle. */
  private static final int CYCLIC = -1;

  private final Estate estate;
  private final ConsumptionRecords records;
  private final ValidationContext context;
  private final List<Problem> problems = new ArrayList<>();

  private final Map<String, OrganizationUnit> units = new HashMap<>();
  private final Map<String, Product> products = new HashMap<>();
  private final Map<String, LicenseModel> models = new HashMap<>();
  private final Map<String, Entitlement> entitlements = new HashMap<>();
  private final Map<String, Device> devices = new HashMap<>();
  private final Map<String, User> users = new HashMap<>();

  /** The devices, products and users the keys of {@link #records} name, looked up once a key. */
  private final KeyMemo<Device> deviceByKey;

  private final KeyMemo<Product> productByKey;
  private final KeyMemo<User> userByKey;

  private EstateValidator(Estate estate, ConsumptionRecords records, ValidationContext context) {
    this.estate = estate;
    this.records = records;
    this.context = context;
    this.deviceByKey = new KeyMemo<>(devices::get, records.deviceKeys());
    this.productByKey = new KeyMemo<>(products::get, records.productKeys());
    this.userByKey = new KeyMemo<>(users::get, records.userKeys());
  }

  /** Every problem of {@code estate}, sorted by path; empty when it is valid. */
  public static ImmutableList<Problem> validate(Estate estate, ValidationContext context) {
    return validate(estate, ConsumptionRecords.of(estate), context);
  }

  /**
   * Every problem of {@code estate} with {@code records} in place of its installations, access and
   * usage (which are not read), sorted by path; empty when they are valid together.
   */
  static ImmutableList<Problem> validate(
      Estate estate, ConsumptionRecords records, ValidationContext context) {
    EstateValidator validator = new EstateValidator(estate, records, context);
    validator.run();
    return ImmutableList.sortedCopyOf(validator.problems);
  }

  private void run() {
    if (estate.format() != Estate.FORMAT) {
      problem(
          "format",
          "unsupported format " + estate.format() + "; this version reads format " + Estate.FORMAT);
    }
    String currency = estate.currency();
    if (currency != null && !Money.isCurrencyCode(currency)) {
      problem("currency", "not an ISO 4217 currency code: " + quote(currency));
    }
    indexIds();
    checkOrganization();
    checkProducts();
    checkLicenseModels();
    checkEntitlements();
    checkClusters();
    checkDevices();
    checkUsers();
    checkInstallations();
    checkAccess();
    checkUsage();
    checkAllocations();
    checkExemptions();
  }

  // ---- ids ---------------------------------------------------------------------------------

  private void indexIds() {
    index(EstateSection.ORGANIZATION, estate.organization(), OrganizationUnit::id, units);
    index(EstateSection.PRODUCTS, estate.products(), Product::id, products);
    index(EstateSection.LICENSE_MODELS, estate.licenseModels(), LicenseModel::id, models);
    index(EstateSection.ENTITLEMENTS, estate.entitlements(), Entitlement::id, entitlements);
    index(EstateSection.CLUSTERS, estate.clusters(), Cluster::id, new HashMap<>());
    index(EstateSection.DEVICES, estate.devices(), Device::id, devices);
    index(EstateSection.USERS, estate.users(), User::id, users);
  }

  private <T> void index(
      EstateSection section,
      List<T> records,
      java.util.function.Function<T, String> id,
      Map<String, T> into) {
    Map<String, Integer> firstAt = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      T record = records.get(i);
      String value = id.apply(record);
      if (!checkId(path(section, i) + ".id", value)) {
        continue;
      }
      Integer first = firstAt.putIfAbsent(value, i);
      if (first != null) {
        problem(
            path(section, i) + ".id",
            "duplicate id " + quote(value) + " (first at " + path(section, first) + ")");
      } else {
        into.put(value, record);
      }
    }
  }

  private boolean checkId(String path, String value) {
    if (value.isBlank()) {
      problem(path, "must not be empty");
      return false;
    }
    if (value.length() > Limits.MAX_ID_LENGTH) {
      problem(path, "longer than " + Limits.MAX_ID_LENGTH + " characters");
      return false;
    }
    return true;
  }

  // ---- organisation --------------------------------------------------------------------------

  private void checkOrganization() {
    List<OrganizationUnit> list = estate.organization();
    for (int i = 0; i < list.size(); i++) {
      OrganizationUnit unit = list.get(i);
      String parent = unit.parent();
      if (parent != null) {
        if (parent.equals(unit.id())) {
          problem(
              path(EstateSection.ORGANIZATION, i) + ".parent", "a unit cannot be its own parent");
        } else {
          reference(
              path(EstateSection.ORGANIZATION, i) + ".parent",
              parent,
              units,
              EstateSection.ORGANIZATION,
              "organisation unit");
        }
      }
    }
    // Cycles and depth: walk up from every unit until a unit whose depth is known, a root or a
    // unit of this walk (a cycle). Each unit is walked once, so a long chain costs linear time;
    // a cycle is reported once, at its first unit in the document, however long it is; depth is
    // reported where it first exceeds the limit.
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      indexOf.putIfAbsent(list.get(i).id(), i);
    }
    Map<String, Integer> depth = new HashMap<>(); // levels, a root is 1; CYCLIC below a cycle
    for (int i = 0; i < list.size(); i++) {
      OrganizationUnit start = list.get(i);
      if (units.get(start.id()) != start || depth.containsKey(start.id())) {
        continue;
      }
      List<String> chain = new ArrayList<>();
      Map<String, Integer> inChain = new HashMap<>();
      OrganizationUnit current = start;
      int base = 0;
      while (true) {
        Integer known = depth.get(current.id());
        if (known != null) {
          base = known;
          break;
        }
        Integer from = inChain.putIfAbsent(current.id(), chain.size());
        if (from != null) {
          reportOrganizationCycle(chain.subList(from, chain.size()), indexOf);
          base = CYCLIC;
          break;
        }
        chain.add(current.id());
        String parent = current.parent();
        current = parent == null || parent.equals(current.id()) ? null : units.get(parent);
        if (current == null) {
          break;
        }
      }
      for (int c = chain.size() - 1; c >= 0; c--) {
        base = base == CYCLIC ? CYCLIC : base + 1;
        depth.put(chain.get(c), base);
        if (base == Limits.MAX_ORGANIZATION_DEPTH + 1) {
          problem(
              path(EstateSection.ORGANIZATION, indexOf.get(chain.get(c))) + ".parent",
              "organisation deeper than " + Limits.MAX_ORGANIZATION_DEPTH + " levels");
        }
      }
    }
  }

  /** Reports {@code cycle} (each unit's parent is the next, the last's is the first) once. */
  private void reportOrganizationCycle(List<String> cycle, Map<String, Integer> indexOf) {
    int first = 0;
    for (int c = 1; c < cycle.size(); c++) {
      if (indexOf.get(cycle.get(c)) < indexOf.get(cycle.get(first))) {
        first = c;
      }
    }
    List<String> ordered = new ArrayList<>(cycle.subList(first, cycle.size()));
    ordered.addAll(cycle.subList(0, first));
    problem(
        path(EstateSection.ORGANIZATION, indexOf.get(ordered.get(0))) + ".parent",
        "cycle in the organisation: " + cycle(ordered));
  }

  // ---- products -----------------------------------------------------------------------------

  private void checkProducts() {
    List<Product> list = estate.products();
    for (int i = 0; i < list.size(); i++) {
      Product product = list.get(i);
      String at = path(EstateSection.PRODUCTS, i);
      text(at + ".publisher", product.publisher());
      text(at + ".name", product.name());
      Set<String> editions = new HashSet<>();
      for (int e = 0; e < product.editions().size(); e++) {
        String edition = product.editions().get(e);
        if (edition.isBlank()) {
          problem(at + ".editions[" + e + "]", "must not be empty");
        } else if (!editions.add(edition)) {
          problem(at + ".editions[" + e + "]", "duplicate edition " + quote(edition));
        }
        text(at + ".editions[" + e + "]", edition);
      }
      Set<String> versions = new HashSet<>();
      ProductVersion previousDated = null;
      for (int v = 0; v < product.versions().size(); v++) {
        ProductVersion version = product.versions().get(v);
        if (version.name().isBlank()) {
          problem(at + ".versions[" + v + "].name", "must not be empty");
        } else if (!versions.add(version.name())) {
          problem(at + ".versions[" + v + "].name", "duplicate version " + quote(version.name()));
        }
        text(at + ".versions[" + v + "].name", version.name());
        if (version.released() != null) {
          if (previousDated != null && version.released().isBefore(previousDated.released())) {
            problem(
                at + ".versions[" + v + "].released",
                version.released()
                    + " is before the release of "
                    + quote(previousDated.name())
                    + " listed earlier ("
                    + previousDated.released()
                    + "); versions are listed oldest first");
          }
          previousDated = version;
        }
      }
      Set<String> components = new HashSet<>();
      for (int c = 0; c < product.components().size(); c++) {
        String component = product.components().get(c);
        String cat = at + ".components[" + c + "]";
        if (component.equals(product.id())) {
          problem(cat, "a suite cannot contain itself");
        } else if (!components.add(component)) {
          problem(cat, "duplicate component " + quote(component));
        } else {
          reference(cat, component, products, EstateSection.PRODUCTS, "product");
        }
      }
    }
    checkSuiteCycles(list);
  }

  /**
   * Cycles and depth of suites, by an iterative depth-first search with colours over the component
   * graph, so that neither a chain of any length nor the order of the list changes the outcome. A
   * cycle is reported once per product it enters at, at the product whose search found it; suites
   * nested too deep are reported at the outermost suite of the chain.
   */
  private void checkSuiteCycles(List<Product> list) {
    Map<String, Integer> height = new HashMap<>(); // searched: levels, a plain product is 1
    Map<String, Integer> onStack = new HashMap<>(); // product → its position on the stack
    Set<String> cycleEntries = new HashSet<>();
    Set<String> onCycle = new HashSet<>(); // reported as a cycle, not as too deep
    for (int i = 0; i < list.size(); i++) {
      Product root = list.get(i);
      if (products.get(root.id()) != root || height.containsKey(root.id())) {
        continue;
      }
      List<String> stack = new ArrayList<>();
      List<Integer> next = new ArrayList<>();
      stack.add(root.id());
      next.add(0);
      onStack.put(root.id(), 0);
      while (!stack.isEmpty()) {
        int top = stack.size() - 1;
        String id = stack.get(top);
        List<String> components = products.get(id).components();
        int n = next.get(top);
        if (n < components.size()) {
          next.set(top, n + 1);
          String component = components.get(n);
          if (component.equals(id)
              || !products.containsKey(component)
              || height.containsKey(component)) {
            continue;
          }
          Integer at = onStack.get(component);
          if (at != null) {
            if (cycleEntries.add(component)) {
              List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
              onCycle.addAll(cycle);
              problem(
                  path(EstateSection.PRODUCTS, i) + ".components",
                  "cycle of suites: " + cycle(cycle));
            }
            continue;
          }
          onStack.put(component, stack.size());
          stack.add(component);
          next.add(0);
        } else {
          int levels = 1;
          for (String component : components) {
            Integer below = component.equals(id) ? null : height.get(component);
            if (below != null) {
              levels = Math.max(levels, below + 1);
            }
          }
          height.put(id, levels);
          onStack.remove(id);
          stack.remove(top);
          next.remove(top);
        }
      }
    }
    Set<String> insideTooDeep = new HashSet<>();
    for (Product product : products.values()) {
      if (height.getOrDefault(product.id(), 0) > Limits.MAX_SUITE_DEPTH) {
        insideTooDeep.addAll(product.components());
      }
    }
    for (int i = 0; i < list.size(); i++) {
      Product product = list.get(i);
      if (products.get(product.id()) == product
          && height.getOrDefault(product.id(), 0) > Limits.MAX_SUITE_DEPTH
          && !insideTooDeep.contains(product.id())
          && !onCycle.contains(product.id())) {
        problem(
            path(EstateSection.PRODUCTS, i) + ".components",
            "suites nested deeper than " + Limits.MAX_SUITE_DEPTH + " levels");
      }
    }
  }

  // ---- licence models ------------------------------------------------------------------------

  private void checkLicenseModels() {
    List<LicenseModel> list = estate.licenseModels();
    for (int i = 0; i < list.size(); i++) {
      LicenseModel model = list.get(i);
      String at = path(EstateSection.LICENSE_MODELS, i);
      Product product =
          reference(at + ".product", model.product(), products, EstateSection.PRODUCTS, "product");
      if (product != null) {
        edition(at + ".edition", model.edition(), product);
        version(at + ".version", model.version(), product);
      }
      checkMetric(at + ".metric", model.metric());
      checkVirtualization(at + ".virtualization", model.virtualization(), model.metric());
      MetricType type = model.metric().type();
      if (model.rights().secondUse() && type != MetricType.DEVICE) {
        problem(
            at + ".rights.secondUse",
            "the second-use right applies to the device metric only, not " + quote(type.id()));
      }
      if (model.clientAccess() && type != MetricType.USER && type != MetricType.DEVICE) {
        problem(
            at + ".clientAccess",
            "a Client Access License counts users or devices; metric is " + quote(type.id()));
      }
      positive(at + ".rights.failoverDevices", model.rights().failoverDevices());
      money(at + ".unitPrice", model.unitPrice());
      text(at + ".title", model.title());
      for (int r = 0; r < model.rules().size(); r++) {
        text(at + ".rules[" + r + "]", model.rules().get(r));
      }
    }
    checkCpuFactors();
  }

  private void checkMetric(String at, Metric metric) {
    MetricType type = metric.type();
    for (String parameter : metric.givenParameters()) {
      if (!Metric.appliesTo(parameter, type)) {
        problem(
            at + "." + parameter, "not a parameter of metric " + quote(type.id()) + " (ignored)");
      }
    }
    nonNegative(at + ".minimumPerProcessor", metric.minimumPerProcessor());
    nonNegative(at + ".minimumPerDevice", metric.minimumPerDevice());
    positive(at + ".packSize", metric.packSize());
    nonNegative(at + ".userMinimumPerProcessor", metric.userMinimumPerProcessor());
    positive(at + ".processorsPerUnit", metric.processorsPerUnit());
    if (metric.windowDays() < 1 || metric.windowDays() > Limits.MAX_WINDOW_DAYS) {
      problem(
          at + ".windowDays",
          "must be between 1 and " + Limits.MAX_WINDOW_DAYS + ", was " + metric.windowDays());
    }
    if (type == MetricType.CAPACITY) {
      String attribute = metric.capacityAttribute();
      if (attribute == null || attribute.isBlank()) {
        problem(at + ".capacityAttribute", "required by metric \"capacity\"");
      }
    }
    text(at + ".capacityAttribute", metric.capacityAttribute());
    table(at + ".coreFactors", metric.coreFactors(), false);
    table(at + ".pvuTable", metric.pvuTable(), true);
    nonNegative(at + ".maximumSockets", metric.maximumSockets());
    nonNegative(at + ".maximumVcpus", metric.maximumVcpus());
  }

  private void table(String at, @Nullable FactorTableRef ref, boolean pvu) {
    if (ref instanceof FactorTableRef.BuiltIn builtIn) {
      if (BuiltInTables.resolve(ref, pvu).isEmpty()) {
        problem(
            at,
            "unknown built-in "
                + (pvu ? "PVU" : "core-factor")
                + " table "
                + quote(builtIn.id())
                + " (built in: "
                + String.join(", ", pvu ? BuiltInTables.pvuIds() : BuiltInTables.coreFactorIds())
                + ")");
      }
    } else if (ref instanceof FactorTableRef.Inline inline) {
      FactorTable table = inline.table();
      if (table.factors().isEmpty() && table.defaultFactor() == null) {
        problem(at, "an inline table needs at least one pattern or a default");
      }
      table
          .factors()
          .forEach(
              (pattern, factor) -> {
                if (pattern.isBlank()) {
                  problem(at, "a CPU pattern must not be empty");
                }
                text(at + "." + shown(pattern), pattern);
                if (pattern.equals("default")) {
                  problem(
                      at + ".default",
                      "\"default\" names the default factor, not a CPU pattern; set it as the"
                          + " table's default");
                }
                decimal(at + "." + shown(pattern), factor, true);
              });
      if (table.defaultFactor() != null) {
        decimal(at + ".default", table.defaultFactor(), true);
      }
    }
  }

  private void checkVirtualization(String at, @Nullable Virtualization v, Metric metric) {
    if (v == null) {
      return;
    }
    MetricType type = metric.type();
    boolean namedUserMinimum =
        type == MetricType.USER
            && (metric.userMinimumPerProcessor() > 0 || metric.minimumPerDevice() > 0);
    if (!type.isHardware() && !namedUserMinimum) {
      problem(
          at,
          "only hardware metrics (processor, core, pvu) and user metrics with a per-processor or"
              + " per-server minimum count virtual machines; metric is "
              + quote(type.id()));
      return;
    }
    nonNegative(at + ".vcpusPerProcessor", v.vcpusPerProcessor());
    if (v.vcpusPerProcessor() != 0 && type != MetricType.PROCESSOR) {
      problem(at + ".vcpusPerProcessor", "applies to metric \"processor\" only");
    }
    VirtualizationMode mode = v.mode();
    nonNegative(at + ".minimumPerVm", v.minimumPerVm());
    positive(at + ".threadsPerCore", v.threadsPerCore());
    nonNegative(at + ".vmsPerSet", v.vmsPerSet());
    if (mode != VirtualizationMode.PER_VM) {
      if (v.minimumPerVm() != 0) {
        problem(
            at + ".minimumPerVm", "applies to mode \"per-vm\" only; mode is " + quote(mode.id()));
      }
      if (v.capAtHost()) {
        problem(at + ".capAtHost", "applies to mode \"per-vm\" only; mode is " + quote(mode.id()));
      }
    }
    if (mode == VirtualizationMode.HOST_PER_VM_SET) {
      if (v.vmsPerSet() < 1) {
        problem(at + ".vmsPerSet", "required by mode \"host-per-vm-set\" (at least 1)");
      }
    } else if (v.vmsPerSet() != 0) {
      problem(
          at + ".vmsPerSet",
          "applies to mode \"host-per-vm-set\" only; mode is " + quote(mode.id()));
    }
  }

  /**
   * A CPU that a licence model's core-factor or PVU table must price, and that no row and no
   * default covers, is an error naming the device and the CPU string, never a silent 1 (issue 3).
   * The CPUs priced are those of the servers counted for an installation: the server itself, the
   * host of a VM (and every host of its cluster in mode {@code cluster}); for PVU also the host of
   * a VM counted per VM and a cloud instance's own CPU.
   */
  private void checkCpuFactors() {
    Map<String, Integer> deviceIndex = new HashMap<>();
    for (int i = 0; i < estate.devices().size(); i++) {
      deviceIndex.putIfAbsent(estate.devices().get(i).id(), i);
    }
    Map<String, Cluster> clusterOfHost = new HashMap<>();
    for (Cluster cluster : estate.clusters()) {
      for (String host : cluster.hosts()) {
        clusterOfHost.putIfAbsent(host, cluster);
      }
    }
    Set<String> reported = new HashSet<>();
    ConsumptionRecords.InstallationRows installations = records.installations();
    for (LicenseModel model : estate.licenseModels()) {
      Metric metric = model.metric();
      boolean pvu = metric.type() == MetricType.PVU;
      FactorTableRef ref = pvu ? metric.pvuTable() : metric.coreFactors();
      FactorSource table = BuiltInTables.resolve(ref, pvu).orElse(null);
      if (table == null
          || !(metric.type().isHardware() || metric.userMinimumPerProcessor() > 0)
          || metric.type() == MetricType.PROCESSOR) {
        continue;
      }
      Set<String> closure = closure(model.product());
      KeyMemo<String> covered =
          new KeyMemo<>(id -> closure.contains(id) ? id : null, records.productKeys());
      // The devices priced for an installation depend on its device alone: each once per model.
      Seen seen = new Seen(records.deviceKeys());
      VirtualizationMode mode = model.effectiveVirtualization().mode();
      for (int i = 0; i < installations.size(); i++) {
        String deviceId = installations.device(i);
        int deviceKey = installations.deviceKey(i);
        if (covered.get(installations.productKey(i), installations.product(i)) == null
            || seen.again(deviceKey, deviceId)) {
          continue;
        }
        Device device = deviceByKey.get(deviceKey, deviceId);
        if (device == null) {
          continue;
        }
        for (Device d : pricedDevices(device, mode, pvu, clusterOfHost)) {
          Long capacity = d.maxProcessors() != null ? d.maxProcessors() : d.processors();
          if (table.lookup(d.cpu(), capacity).isEmpty()
              && reported.add(d.id() + "\u0000" + model.id())) {
            Integer index = deviceIndex.get(d.id());
            String at = index == null ? "devices" : path(EstateSection.DEVICES, index) + ".cpu";
            problem(at, unpricedCpu(d, table, model));
          }
        }
      }
    }
  }

  /**
   * The servers whose CPUs a model counts for an installation on {@code device}: the server itself,
   * the host of a VM (every host of its cluster in mode {@code cluster}; for per-VM counting only
   * under PVU), a cloud instance itself under PVU.
   */
  private List<Device> pricedDevices(
      Device device, VirtualizationMode mode, boolean pvu, Map<String, Cluster> clusterOfHost) {
    List<Device> priced = new ArrayList<>();
    if (device.kind() == DeviceKind.SERVER) {
      priced.add(device);
    } else if (device.kind() == DeviceKind.CLOUD) {
      if (pvu) {
        priced.add(device);
      }
    } else if (device.kind() == DeviceKind.VM && device.host() != null) {
      Device host = devices.get(device.host());
      if (host != null && (mode != VirtualizationMode.PER_VM || pvu)) {
        Cluster cluster = clusterOfHost.get(host.id());
        if (mode == VirtualizationMode.CLUSTER && cluster != null) {
          for (String member : cluster.hosts()) {
            Device d = devices.get(member);
            if (d != null) {
              priced.add(d);
            }
          }
        } else {
          priced.add(host);
        }
      }
    }
    return priced;
  }

  private static String unpricedCpu(Device d, FactorSource table, LicenseModel model) {
    return (d.cpu() == null
            ? "no CPU model given"
            : "no row of the " + table.describe() + " matches CPU " + quote(d.cpu()))
        + (d.cpu() == null ? ", which the " + table.describe() + " needs" : "")
        + ", and the table has no default (licence model "
        + shown(model.id())
        + " counts device "
        + shown(d.id())
        + ")";
  }

  private Set<String> closure(String product) {
    Set<String> seen = new HashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
    todo.add(product);
    while (!todo.isEmpty() && seen.size() <= products.size()) {
      String id = todo.poll();
      if (seen.add(id)) {
        Product p = products.get(id);
        if (p != null) {
          todo.addAll(p.components());
        }
      }
    }
    return seen;
  }

  // ---- entitlements --------------------------------------------------------------------------

  private void checkEntitlements() {
    List<Entitlement> list = estate.entitlements();
    for (int i = 0; i < list.size(); i++) {
      Entitlement e = list.get(i);
      String at = path(EstateSection.ENTITLEMENTS, i);
      reference(
          at + ".licenseModel",
          e.licenseModel(),
          models,
          EstateSection.LICENSE_MODELS,
          "licence model");
      quantity(at + ".quantity", e.quantity());
      unit(at + ".scope", e.scope());
      dateOrder(at + ".validUntil", e.validFrom(), e.validUntil(), "validFrom");
      money(at + ".unitPrice", e.unitPrice());
      text(at + ".reference", e.reference());
    }
  }

  // ---- clusters and devices -----------------------------------------------------------------

  private void checkClusters() {
    List<Cluster> list = estate.clusters();
    Map<String, String> clusterOfHost = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Cluster cluster = list.get(i);
      String at = path(EstateSection.CLUSTERS, i);
      if (cluster.hosts().isEmpty()) {
        problem(at + ".hosts", "a cluster needs at least one host");
      }
      Set<String> seen = new HashSet<>();
      for (int h = 0; h < cluster.hosts().size(); h++) {
        String host = cluster.hosts().get(h);
        String hat = at + ".hosts[" + h + "]";
        if (!seen.add(host)) {
          problem(hat, "duplicate host " + quote(host));
          continue;
        }
        Device device = reference(hat, host, devices, EstateSection.DEVICES, "device");
        if (device != null && device.kind() != DeviceKind.SERVER) {
          problem(hat, quote(host) + " is a " + device.kind() + ", not a server");
        }
        String other = clusterOfHost.putIfAbsent(host, cluster.id());
        if (other != null && !other.equals(cluster.id())) {
          problem(hat, quote(host) + " is already a host of cluster " + quote(other));
        }
      }
    }
  }

  private void checkDevices() {
    List<Device> list = estate.devices();
    for (int i = 0; i < list.size(); i++) {
      Device d = list.get(i);
      String at = path(EstateSection.DEVICES, i);
      unit(at + ".unit", d.unit());
      optionalPositive(at + ".processors", d.processors());
      optionalPositive(at + ".coresPerProcessor", d.coresPerProcessor());
      optionalPositive(at + ".threadsPerCore", d.threadsPerCore());
      optionalPositive(at + ".maxProcessors", d.maxProcessors());
      optionalPositive(at + ".vcpus", d.vcpus());
      text(at + ".cpu", d.cpu());
      Long sockets =
          d.maxProcessors() == null
                  || (d.processors() != null && d.processors() > d.maxProcessors())
              ? d.processors()
              : d.maxProcessors();
      if (sockets != null
          && d.coresPerProcessor() != null
          && sockets <= Limits.MAX_QUANTITY
          && d.coresPerProcessor() >= 1
          && d.coresPerProcessor() <= Limits.MAX_QUANTITY
          && sockets > Limits.MAX_QUANTITY / d.coresPerProcessor()) {
        problem(
            at + ".coresPerProcessor",
            sockets
                + " processors × "
                + d.coresPerProcessor()
                + " cores is more cores than the limit of "
                + Limits.MAX_QUANTITY);
      }
      if (d.maxProcessors() != null
          && d.processors() != null
          && d.maxProcessors() < d.processors()) {
        problem(
            at + ".maxProcessors",
            "socket capacity "
                + d.maxProcessors()
                + " is less than the "
                + d.processors()
                + " occupied processors");
      }
      if (d.kind() == DeviceKind.VM) {
        if (d.host() == null) {
          problem(at + ".host", "a VM needs a host");
        }
      } else if (d.host() != null) {
        problem(at + ".host", "only a VM has a host; this device is a " + d.kind());
      }
      if (d.host() != null) {
        if (d.host().equals(d.id())) {
          problem(at + ".host", "a device cannot host itself");
        } else {
          Device host = reference(at + ".host", d.host(), devices, EstateSection.DEVICES, "device");
          if (host != null && host.kind() != DeviceKind.SERVER) {
            problem(at + ".host", quote(d.host()) + " is a " + host.kind() + ", not a server");
          }
        }
      }
      if (d.vcpus() != null && d.kind() != DeviceKind.VM && d.kind() != DeviceKind.CLOUD) {
        problem(
            at + ".vcpus", "only a VM or a cloud instance has vCPUs; this device is a " + d.kind());
      }
      if (d.primaryUser() != null) {
        reference(at + ".primaryUser", d.primaryUser(), users, EstateSection.USERS, "user");
      }
      if (d.failoverFor() != null) {
        if (!d.isPassiveFailover()) {
          problem(
              at + ".failoverFor",
              "only a device with role \"passive-failover\" stands in for another");
        }
        if (d.failoverFor().equals(d.id())) {
          problem(at + ".failoverFor", "a device cannot fail over for itself");
        } else {
          reference(at + ".failoverFor", d.failoverFor(), devices, EstateSection.DEVICES, "device");
        }
      }
      d.attributes()
          .forEach(
              (name, value) -> {
                if (name.isBlank()) {
                  problem(at + ".attributes", "an attribute name must not be empty");
                }
                text(at + ".attributes." + shown(name), name);
                decimal(at + ".attributes." + shown(name), value, false);
              });
    }
  }

  private void checkUsers() {
    List<User> list = estate.users();
    for (int i = 0; i < list.size(); i++) {
      unit(path(EstateSection.USERS, i) + ".unit", list.get(i).unit());
    }
  }

  // ---- consumption --------------------------------------------------------------------------

  private void checkInstallations() {
    ConsumptionRecords.InstallationRows rows = records.installations();
    for (int i = 0; i < rows.size(); i++) {
      if (isSoundInstallation(rows, i)) {
        continue; // the common case, checked without building the record's path
      }
      String at = path(EstateSection.INSTALLATIONS, i);
      reference(at + ".device", rows.device(i), devices, EstateSection.DEVICES, "device");
      Product product =
          reference(at + ".product", rows.product(i), products, EstateSection.PRODUCTS, "product");
      if (product != null) {
        version(at + ".version", rows.version(i), product);
        edition(at + ".edition", rows.edition(i), product);
      }
      dateOrder(at + ".lastUsed", rows.installed(i), rows.lastUsed(i), "installed");
      text(at + ".evidence", rows.evidence(i));
    }
  }

  /** Whether the checks of {@link #checkInstallations} find nothing wrong with {@code row}. */
  private boolean isSoundInstallation(ConsumptionRecords.InstallationRows rows, int row) {
    Product product = productByKey.get(rows.productKey(row), rows.product(row));
    String version = rows.version(row);
    String edition = rows.edition(row);
    String evidence = rows.evidence(row);
    return product != null
        && deviceByKey.get(rows.deviceKey(row), rows.device(row)) != null
        && (version == null || product.versionIndex(version).isPresent())
        && (edition == null || product.editionRank(edition).isPresent())
        && inOrder(rows.installed(row), rows.lastUsed(row))
        && (evidence == null || evidence.length() <= Limits.MAX_TEXT_LENGTH);
  }

  private void checkAccess() {
    ConsumptionRecords.AccessRows rows = records.access();
    for (int i = 0; i < rows.size(); i++) {
      if (isSoundAccess(rows, i)) {
        continue;
      }
      String at = path(EstateSection.ACCESS, i);
      reference(at + ".product", rows.product(i), products, EstateSection.PRODUCTS, "product");
      userOrDevice(at, rows.user(i), rows.device(i));
    }
  }

  /** Whether the checks of {@link #checkAccess} find nothing wrong with {@code row}. */
  private boolean isSoundAccess(ConsumptionRecords.AccessRows rows, int row) {
    String user = rows.user(row);
    String device = rows.device(row);
    return productByKey.get(rows.productKey(row), rows.product(row)) != null
        && (user == null
            ? device != null && deviceByKey.get(rows.deviceKey(row), device) != null
            : device == null && userByKey.get(rows.userKey(row), user) != null);
  }

  private void checkUsage() {
    ConsumptionRecords.UsageRows rows = records.usage();
    for (int i = 0; i < rows.size(); i++) {
      if (isSoundUsage(rows, i)) {
        continue;
      }
      String at = path(EstateSection.USAGE, i);
      reference(at + ".product", rows.product(i), products, EstateSection.PRODUCTS, "product");
      quantity(at + ".peakConcurrentUsers", rows.peakConcurrentUsers(i));
      dateOrder(at + ".until", rows.from(i), rows.until(i), "from");
      unit(at + ".unit", rows.unit(i));
    }
  }

  /** Whether the checks of {@link #checkUsage} find nothing wrong with {@code row}. */
  private boolean isSoundUsage(ConsumptionRecords.UsageRows rows, int row) {
    long peak = rows.peakConcurrentUsers(row);
    String unit = rows.unit(row);
    return productByKey.get(rows.productKey(row), rows.product(row)) != null
        && peak >= 0
        && peak <= Limits.MAX_QUANTITY
        && inOrder(rows.from(row), rows.until(row))
        && (unit == null || units.containsKey(unit));
  }

  private void checkAllocations() {
    List<PinnedAllocation> list = estate.allocations();
    for (int i = 0; i < list.size(); i++) {
      PinnedAllocation a = list.get(i);
      String at = path(EstateSection.ALLOCATIONS, i);
      reference(
          at + ".entitlement",
          a.entitlement(),
          entitlements,
          EstateSection.ENTITLEMENTS,
          "entitlement");
      userOrDevice(at, a.user(), a.device());
    }
  }

  private void checkExemptions() {
    List<Exemption> list = estate.exemptions();
    for (int i = 0; i < list.size(); i++) {
      Exemption x = list.get(i);
      String at = path(EstateSection.EXEMPTIONS, i);
      reference(at + ".product", x.product(), products, EstateSection.PRODUCTS, "product");
      userOrDevice(at, x.user(), x.device());
      if (x.reason().isBlank()) {
        problem(at + ".reason", "must not be empty: say why the consumption is exempt");
      }
      text(at + ".reason", x.reason());
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void userOrDevice(String at, @Nullable String user, @Nullable String device) {
    if (user == null && device == null) {
      problem(at, "needs a \"user\" or a \"device\"");
    } else if (user != null && device != null) {
      problem(at, "gives both \"user\" and \"device\"; give one");
    } else if (user != null) {
      reference(at + ".user", user, users, EstateSection.USERS, "user");
    } else {
      reference(at + ".device", device, devices, EstateSection.DEVICES, "device");
    }
  }

  private <T> @Nullable T reference(
      String at, String id, Map<String, T> index, EstateSection section, String what) {
    T target = index.get(id);
    if (target == null && !context.isUnread(section, id)) {
      problem(at, "unknown " + what + " " + quote(id));
    }
    return target;
  }

  private void unit(String at, @Nullable String unit) {
    if (unit != null) {
      reference(at, unit, units, EstateSection.ORGANIZATION, "organisation unit");
    }
  }

  private void edition(String at, @Nullable String edition, Product product) {
    if (edition == null) {
      return;
    }
    if (product.editions().isEmpty()) {
      problem(at, "product " + quote(product.id()) + " declares no editions");
    } else if (product.editionRank(edition).isEmpty()) {
      problem(
          at,
          "edition "
              + quote(edition)
              + " is not declared by product "
              + quote(product.id())
              + " (editions: "
              + names(product.editions())
              + ")");
    }
  }

  private void version(String at, @Nullable String version, Product product) {
    if (version == null) {
      return;
    }
    if (product.versions().isEmpty()) {
      problem(at, "product " + quote(product.id()) + " declares no versions");
    } else if (product.versionIndex(version).isEmpty()) {
      problem(
          at,
          "version "
              + quote(version)
              + " is not declared by product "
              + quote(product.id())
              + " (versions: "
              + names(product.versions().stream().map(ProductVersion::name).toList())
              + ")");
    }
  }

  private void dateOrder(
      String at, @Nullable LocalDate from, @Nullable LocalDate until, String fromName) {
    dateOrder(at, day(from), day(until), fromName);
  }

  /** Reports {@code until} before {@code from}, epoch days ({@link ConsumptionRecords#NO_DAY}). */
  private void dateOrder(String at, long from, long until, String fromName) {
    if (!inOrder(from, until)) {
      problem(
          at,
          LocalDate.ofEpochDay(until)
              + " is before "
              + fromName
              + " "
              + LocalDate.ofEpochDay(from));
    }
  }

  /** Whether epoch day {@code until} is not before {@code from}, or either is absent. */
  private static boolean inOrder(long from, long until) {
    return from == ConsumptionRecords.NO_DAY || until == ConsumptionRecords.NO_DAY || until >= from;
  }

  private static long day(@Nullable LocalDate date) {
    return date == null ? ConsumptionRecords.NO_DAY : date.toEpochDay();
  }

  private void money(String at, @Nullable Money money) {
    if (money == null) {
      return;
    }
    String currency = estate.currency();
    if (currency == null) {
      problem(at, "a price needs the document's \"currency\"");
    } else if (!currency.equals(money.currency())) {
      problem(
          at,
          "amount in "
              + money.currency()
              + " but the document's currency is "
              + currency
              + "; convert it first");
    }
    decimal(at, money.amount(), false);
  }

  private void decimal(String at, BigDecimal value, boolean strictlyPositive) {
    if (strictlyPositive ? value.signum() <= 0 : value.signum() < 0) {
      problem(
          at,
          (strictlyPositive ? "must be positive" : "must not be negative")
              + ", was "
              + value.toPlainString());
    }
    if (value.stripTrailingZeros().scale() > Limits.MAX_DECIMAL_PLACES) {
      problem(
          at,
          "more than " + Limits.MAX_DECIMAL_PLACES + " decimal places: " + value.toPlainString());
    }
    if (value.compareTo(BigDecimal.valueOf(Limits.MAX_QUANTITY)) > 0) {
      problem(at, "larger than the limit of " + Limits.MAX_QUANTITY);
    }
  }

  private void quantity(String at, long value) {
    if (value < 0) {
      problem(at, "must not be negative, was " + value);
    } else if (value > Limits.MAX_QUANTITY) {
      problem(at, "larger than the limit of " + Limits.MAX_QUANTITY + ", was " + value);
    }
  }

  private void nonNegative(String at, long value) {
    quantity(at, value);
  }

  private void positive(String at, long value) {
    if (value < 1) {
      problem(at, "must be at least 1, was " + value);
    } else {
      quantity(at, value);
    }
  }

  private void optionalPositive(String at, @Nullable Long value) {
    if (value != null) {
      positive(at, value);
    }
  }

  private void text(String at, @Nullable String value) {
    if (value != null && value.length() > Limits.MAX_TEXT_LENGTH) {
      problem(at, "longer than " + Limits.MAX_TEXT_LENGTH + " characters");
    }
  }

  private String path(EstateSection section, int index) {
    return context.locator().path(section, index);
  }

  private void problem(String path, String message) {
    problems.add(Problem.at(path, message));
  }

  /** Longest value shown in a message; longer ones are cut and end with an ellipsis. */
  private static final int SHOWN_LENGTH = 64;

  /** Most ids of a cycle or names of a list shown in a message. */
  private static final int SHOWN_NAMES = 8;

  /**
   * A value quoted for a message: escaped like a JSON string and cut when long, so that a problem
   * stays one line of readable length whatever the value.
   */
  static String quote(String value) {
    return '"' + shown(value) + '"';
  }

  /** {@code value} escaped like the inside of a JSON string and cut when long. */
  static String shown(String value) {
    String cut = value;
    boolean tooLong = value.length() > SHOWN_LENGTH;
    if (tooLong) {
      int end = SHOWN_LENGTH - 3;
      if (Character.isHighSurrogate(value.charAt(end - 1))) {
        end--;
      }
      cut = value.substring(0, end);
    }
    StringBuilder text = new StringBuilder(cut.length() + 8);
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            text.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return tooLong ? text.append('…').toString() : text.toString();
  }

  /** Names joined by commas, each {@link #shown}; at most {@value #SHOWN_NAMES} of them. */
  private static String names(List<String> names) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < Math.min(names.size(), SHOWN_NAMES); i++) {
      parts.add(shown(names.get(i)));
    }
    String text = String.join(", ", parts);
    return names.size() > SHOWN_NAMES ? text + ", … (" + names.size() + " in all)" : text;
  }

  /**
   * A cycle for a message, {@code a → b → c → a}: each id's parent or component is the next, the
   * last one's the first. A long cycle shows its first and last ids and its length.
   */
  private static String cycle(List<String> ids) {
    List<String> parts = new ArrayList<>();
    if (ids.size() <= SHOWN_NAMES) {
      ids.forEach(id -> parts.add(shown(id)));
    } else {
      for (int i = 0; i < SHOWN_NAMES / 2; i++) {
        parts.add(shown(ids.get(i)));
      }
      parts.add("…");
      parts.add(shown(ids.get(ids.size() - 1)));
    }
    parts.add(shown(ids.get(0)));
    String text = String.join(" → ", parts);
    return ids.size() <= SHOWN_NAMES ? text : text + " (" + ids.size() + " in the cycle)";
  }

  /**
   * What a look-up gives for each key of a {@link ConsumptionRecords} view, found once per key: the
   * first row with a key looks its string up, the others reuse the answer. Rows without a key
   * ({@link ConsumptionRecords#NO_KEY}, or a view without keys) are looked up every time.
   */
  private static final class KeyMemo<T> {
    /** Stands for a look-up that found nothing. */
    private static final Object ABSENT = new Object();

    private final java.util.function.Function<String, @Nullable T> lookUp;
    private final @Nullable Object[] byKey;

    KeyMemo(java.util.function.Function<String, @Nullable T> lookUp, int keys) {
      this.lookUp = lookUp;
      this.byKey = new Object[keys];
    }

    /** What the look-up gives for {@code id}, whose key is {@code key}; {@code null} for none. */
    @SuppressWarnings("unchecked")
    @Nullable T get(int key, @Nullable String id) {
      if (key == ConsumptionRecords.NO_KEY) {
        return id == null ? null : lookUp.apply(id);
      }
      Object known = byKey[key];
      if (known == null) {
        T found = id == null ? null : lookUp.apply(id);
        byKey[key] = found == null ? ABSENT : found;
        return found;
      }
      return known == ABSENT ? null : (T) known;
    }
  }

  /** Which values of a view's rows were met already: by key when they have one, else by id. */
  private static final class Seen {
    private final boolean[] byKey;
    private final Set<String> ids = new HashSet<>();

    Seen(int keys) {
      this.byKey = new boolean[keys];
    }

    /** Whether {@code id}, whose key is {@code key}, was met before; it is met now. */
    boolean again(int key, String id) {
      if (key == ConsumptionRecords.NO_KEY) {
        return !ids.add(id);
      }
      boolean before = byKey[key];
      byKey[key] = true;
      return before;
    }
  }
}
