package io.itam.compliance.internal.index;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.LicenseModel;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Read-only lookups over the small tables of a validated estate (everything but installations,
 * access and usage): the organisation tree, suite closures, licence models by covered product,
 * hosts and clusters.
 *
 * <p>Every record kind is also numbered densely in id order (device {@code 0} has the smallest id),
 * so the later steps work on {@code int} arrays: a device's index is its rank. Every collection
 * returned iterates in id order, so nothing downstream depends on the order of the input lists.
 */
public final class EstateIndex {
  /** The unit index of a consumer outside every organisation unit. */
  public static final int NO_UNIT = -1;

  private final Estate estate;
  private final LocalDate asOf;
  private final ImmutableMap<String, OrganizationUnit> units;
  private final ImmutableMap<String, Product> products;
  private final ImmutableMap<String, LicenseModel> models;
  private final ImmutableMap<String, Entitlement> entitlements;
  private final ImmutableMap<String, Device> devices;
  private final ImmutableMap<String, User> users;
  private final ImmutableMap<String, Cluster> clusterOfHost;
  private final ImmutableListMultimap<String, Device> vmsOfHost;
  private final ImmutableListMultimap<String, Device> devicesOfUser;
  private final ImmutableMap<String, ImmutableSortedSet<String>> productClosure;
  private final ImmutableListMultimap<String, LicenseModel> modelsCoveringProduct;
  private final ImmutableListMultimap<String, Entitlement> entitlementsOfModel;

  // Dense numbering, in id order.
  private final Map<String, Integer> unitIndex = new HashMap<>();
  private final int[] unitParent;
  private final int[] unitDepth;
  private final Map<String, Integer> productIndex = new HashMap<>();
  private final Map<String, Integer> modelIndex = new HashMap<>();
  private final Map<String, Integer> entitlementIndex = new HashMap<>();
  private final Map<String, Integer> deviceIndex;
  private final Map<String, Integer> userIndex;
  private final Map<String, Integer> clusterIndex = new HashMap<>();
  private final Device[] deviceByIndex;
  private final User[] userByIndex;
  private final Cluster[] clusterByIndex;
  private final int[] deviceUnit;
  private final int[] devicePrimaryUser;
  private final int[] userUnit;

  private EstateIndex(Estate estate, LocalDate asOf) {
    this.estate = estate;
    this.asOf = asOf;
    this.units = byId(estate.organization(), OrganizationUnit::id);
    this.products = byId(estate.products(), Product::id);
    this.models = byId(estate.licenseModels(), LicenseModel::id);
    this.entitlements = byId(estate.entitlements(), Entitlement::id);
    this.devices = byId(estate.devices(), Device::id);
    this.users = byId(estate.users(), User::id);

    Map<String, Cluster> clusters = new TreeMap<>();
    for (Cluster cluster : estate.clusters()) {
      for (String host : cluster.hosts()) {
        clusters.put(host, cluster);
      }
    }
    this.clusterOfHost = ImmutableMap.copyOf(clusters);

    ImmutableListMultimap.Builder<String, Device> vms = ImmutableListMultimap.builder();
    ImmutableListMultimap.Builder<String, Device> ofUser = ImmutableListMultimap.builder();
    for (Device device : devices.values()) {
      if (device.host() != null) {
        vms.put(device.host(), device);
      }
      if (device.primaryUser() != null) {
        ofUser.put(device.primaryUser(), device);
      }
    }
    this.vmsOfHost = vms.build();
    this.devicesOfUser = ofUser.build();

    ImmutableMap.Builder<String, ImmutableSortedSet<String>> closure = ImmutableMap.builder();
    for (String id : products.keySet()) {
      closure.put(id, closureOf(id));
    }
    this.productClosure = closure.buildOrThrow();

    ImmutableListMultimap.Builder<String, LicenseModel> covering = ImmutableListMultimap.builder();
    for (LicenseModel model : models.values()) {
      for (String covered : productClosure.get(model.product())) {
        covering.put(covered, model);
      }
    }
    this.modelsCoveringProduct = covering.build();

    ImmutableListMultimap.Builder<String, Entitlement> ofModel = ImmutableListMultimap.builder();
    for (Entitlement entitlement : entitlements.values()) {
      ofModel.put(entitlement.licenseModel(), entitlement);
    }
    this.entitlementsOfModel = ofModel.build();

    number(units.keySet(), unitIndex);
    number(products.keySet(), productIndex);
    number(models.keySet(), modelIndex);
    number(entitlements.keySet(), entitlementIndex);
    Set<String> clusterIds = new TreeSet<>();
    estate.clusters().forEach(c -> clusterIds.add(c.id()));
    number(clusterIds, clusterIndex);
    this.deviceIndex = new HashMap<>(devices.size() * 2);
    number(devices.keySet(), deviceIndex);
    this.userIndex = new HashMap<>(users.size() * 2);
    number(users.keySet(), userIndex);

    unitParent = new int[units.size()];
    unitDepth = new int[units.size()];
    int u = 0;
    for (OrganizationUnit unit : units.values()) {
      unitParent[u++] = unit.parent() == null ? NO_UNIT : unitIndex.get(unit.parent());
    }
    for (int i = 0; i < unitDepth.length; i++) {
      int d = 0;
      for (int at = i; at != NO_UNIT && d <= unitDepth.length; at = unitParent[at]) {
        d++;
      }
      unitDepth[i] = d;
    }

    deviceByIndex = devices.values().toArray(new Device[0]);
    userByIndex = users.values().toArray(new User[0]);
    clusterByIndex = new Cluster[clusterIds.size()];
    for (Cluster cluster : estate.clusters()) {
      clusterByIndex[clusterIndex.get(cluster.id())] = cluster;
    }
    deviceUnit = new int[deviceByIndex.length];
    devicePrimaryUser = new int[deviceByIndex.length];
    for (int d = 0; d < deviceByIndex.length; d++) {
      deviceUnit[d] = unitOf(deviceByIndex[d].unit());
      String user = deviceByIndex[d].primaryUser();
      Integer at = user == null ? null : userIndex.get(user);
      devicePrimaryUser[d] = at == null ? -1 : at;
    }
    userUnit = new int[userByIndex.length];
    for (int i = 0; i < userByIndex.length; i++) {
      userUnit[i] = unitOf(userByIndex[i].unit());
    }
  }

  private static void number(Iterable<String> sortedIds, Map<String, Integer> into) {
    int i = 0;
    for (String id : sortedIds) {
      into.put(id, i++);
    }
  }

  /** Indexes {@code estate} for a reconciliation as of {@code asOf}. */
  public static EstateIndex of(Estate estate, LocalDate asOf) {
    return new EstateIndex(estate, asOf);
  }

  private static <T> ImmutableMap<String, T> byId(
      Iterable<T> records, java.util.function.Function<T, String> id) {
    TreeMap<String, T> sorted = new TreeMap<>();
    for (T record : records) {
      sorted.put(id.apply(record), record);
    }
    return ImmutableMap.copyOf(sorted);
  }

  private ImmutableSortedSet<String> closureOf(String productId) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(productId);
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (seen.add(id)) {
        Product product = products.get(id);
        if (product != null) {
          todo.addAll(product.components());
        }
      }
    }
    return ImmutableSortedSet.copyOf(seen);
  }

  /**
   * The estate the index was built from. Its installations, access and usage lists may be empty
   * when the records come in columns; read them from the facts, never from here.
   */
  public Estate estate() {
    return estate;
  }

  public LocalDate asOf() {
    return asOf;
  }

  public Product product(String id) {
    return products.get(id);
  }

  public LicenseModel model(String id) {
    return models.get(id);
  }

  public Entitlement entitlement(String id) {
    return entitlements.get(id);
  }

  public @Nullable Device device(@Nullable String id) {
    return id == null ? null : devices.get(id);
  }

  public @Nullable User user(@Nullable String id) {
    return id == null ? null : users.get(id);
  }

  /** Ids of every product, sorted. */
  public com.google.common.collect.ImmutableSet<String> productIds() {
    return products.keySet();
  }

  /** Licence models, by id. */
  public ImmutableList<LicenseModel> models() {
    return models.values().asList();
  }

  /** Entitlements, by id. */
  public ImmutableList<Entitlement> entitlements() {
    return entitlements.values().asList();
  }

  /** Entitlements of {@code model}, by id. */
  public ImmutableList<Entitlement> entitlementsOf(String model) {
    return entitlementsOfModel.get(model);
  }

  /** {@code product} and, for a suite, every product it contains, transitively. */
  public ImmutableSortedSet<String> closure(String product) {
    return productClosure.get(product);
  }

  /** Licence models whose product is {@code product} or a suite containing it, by id. */
  public ImmutableList<LicenseModel> modelsCovering(String product) {
    return modelsCoveringProduct.get(product);
  }

  /** VMs hosted by {@code host}, by id. */
  public ImmutableList<Device> vmsOf(String host) {
    return vmsOfHost.get(host);
  }

  /** Devices whose primary user is {@code user}, by id. */
  public ImmutableList<Device> devicesOf(String user) {
    return devicesOfUser.get(user);
  }

  /** The cluster {@code host} belongs to, or {@code null}. */
  public @Nullable Cluster clusterOf(String host) {
    return clusterOfHost.get(host);
  }

  /** Whether {@code unit} is {@code scope} or below it. A {@code null} scope is everything. */
  public boolean isWithin(@Nullable String unit, @Nullable String scope) {
    if (scope == null) {
      return true;
    }
    if (unit == null) {
      return false;
    }
    Integer u = unitIndex.get(unit);
    Integer s = unitIndex.get(scope);
    if (u == null || s == null) {
      return unit.equals(scope);
    }
    return isWithin(u, s);
  }

  /** Whether unit {@code unit} is unit {@code scope} or below it (both dense indexes). */
  public boolean isWithin(int unit, int scope) {
    for (int at = unit, steps = 0; at != NO_UNIT && steps <= unitParent.length; steps++) {
      if (at == scope) {
        return true;
      }
      at = unitParent[at];
    }
    return false;
  }

  /** Depth of {@code unit} in the organisation tree (a root is 1, {@code null} is 0). */
  public int depthOf(@Nullable String unit) {
    if (unit == null) {
      return 0;
    }
    Integer at = unitIndex.get(unit);
    return at == null ? 1 : unitDepth[at];
  }

  // ---- dense numbering ------------------------------------------------------------------------

  /** The dense index of unit {@code id}, or {@link #NO_UNIT} for {@code null}. */
  public int unitOf(@Nullable String id) {
    if (id == null) {
      return NO_UNIT;
    }
    Integer at = unitIndex.get(id);
    if (at == null) {
      throw new IllegalArgumentException("unknown organisation unit " + id);
    }
    return at;
  }

  public int unitCount() {
    return unitParent.length;
  }

  public int productCount() {
    return productIndex.size();
  }

  /** The dense index of product {@code id}; -1 when unknown. */
  public int productIndex(String id) {
    Integer at = productIndex.get(id);
    return at == null ? -1 : at;
  }

  public int modelCount() {
    return modelIndex.size();
  }

  /** The dense index of licence model {@code id}. */
  public int modelIndex(String id) {
    return modelIndex.get(id);
  }

  /** Licence model {@code index} (dense, id order). */
  public LicenseModel model(int index) {
    return models.values().asList().get(index);
  }

  /** The dense index of entitlement {@code id}. */
  public int entitlementIndex(String id) {
    return entitlementIndex.get(id);
  }

  public int deviceCount() {
    return deviceByIndex.length;
  }

  /** The dense index of device {@code id}; -1 when unknown. */
  public int deviceIndex(String id) {
    Integer at = deviceIndex.get(id);
    return at == null ? -1 : at;
  }

  /** Device {@code index} (dense, id order). */
  public Device device(int index) {
    return deviceByIndex[index];
  }

  /** The unit of device {@code index}, or {@link #NO_UNIT}. */
  public int deviceUnit(int index) {
    return deviceUnit[index];
  }

  /** The primary user of device {@code index} as a user index, or -1. */
  public int primaryUser(int device) {
    return devicePrimaryUser[device];
  }

  public int userCount() {
    return userByIndex.length;
  }

  /** The dense index of user {@code id}; -1 when unknown. */
  public int userIndex(String id) {
    Integer at = userIndex.get(id);
    return at == null ? -1 : at;
  }

  /** User {@code index} (dense, id order). */
  public User user(int index) {
    return userByIndex[index];
  }

  /** The unit of user {@code index}, or {@link #NO_UNIT}. */
  public int userUnit(int index) {
    return userUnit[index];
  }

  /** The dense index of cluster {@code id}. */
  public int clusterIndex(String id) {
    return clusterIndex.get(id);
  }

  /** Cluster {@code index} (dense, id order). */
  public Cluster cluster(int index) {
    return clusterByIndex[index];
  }

  /** Every device id with its position in id order. */
  public Map<String, Integer> deviceRanks() {
    return deviceIndex;
  }

  /** Every product id with its position in id order. */
  public Map<String, Integer> productRanks() {
    return productIndex;
  }

  /** Device ids in id order (a copy). */
  public String[] deviceIds() {
    return devices.keySet().toArray(new String[0]);
  }

  /** User ids in id order (a copy). */
  public String[] userIds() {
    return users.keySet().toArray(new String[0]);
  }

  /** The dense indexes of {@code ids}, sorted. */
  public int[] deviceIndexes(List<String> ids) {
    int[] at = new int[ids.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = deviceIndex(ids.get(i));
    }
    Arrays.sort(at);
    return at;
  }
}
