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
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Read-only lookups over a validated estate: the organisation tree, suite closures, licence models
 * by covered product, hosts and clusters. Every collection it returns iterates in id order, so
 * nothing downstream depends on the order of the input lists.
 */
public final class EstateIndex {
  private final Estate estate;
  private final LocalDate asOf;
  private final ImmutableMap<String, OrganizationUnit> units;
  private final ImmutableMap<String, Product> products;
  private final ImmutableMap<String, LicenseModel> models;
  private final ImmutableMap<String, Entitlement> entitlements;
  private final ImmutableMap<String, Device> devices;
  private @Nullable Map<String, Integer> deviceRanks;
  private @Nullable Map<String, Integer> productRanks;
  private final ImmutableMap<String, User> users;
  private final ImmutableMap<String, Cluster> clusterOfHost;
  private final ImmutableListMultimap<String, Device> vmsOfHost;
  private final ImmutableListMultimap<String, Device> devicesOfUser;
  private final ImmutableMap<String, ImmutableSortedSet<String>> productClosure;
  private final ImmutableListMultimap<String, LicenseModel> modelsCoveringProduct;
  private final ImmutableListMultimap<String, Entitlement> entitlementsOfModel;
  private final ImmutableMap<String, Integer> depth;

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

    Map<String, Integer> depths = new HashMap<>();
    for (String unit : units.keySet()) {
      int d = 0;
      String current = unit;
      while (current != null) {
        d++;
        OrganizationUnit u = units.get(current);
        current = u == null ? null : u.parent();
      }
      depths.put(unit, d);
    }
    this.depth = ImmutableMap.copyOf(depths);
  }

  /** Every device id with its position in id order. */
  public synchronized Map<String, Integer> deviceRanks() {
    if (deviceRanks == null) {
      deviceRanks = ranks(devices.keySet());
    }
    return deviceRanks;
  }

  /** Every product id with its position in id order. */
  public synchronized Map<String, Integer> productRanks() {
    if (productRanks == null) {
      productRanks = ranks(products.keySet());
    }
    return productRanks;
  }

  private static Map<String, Integer> ranks(Iterable<String> sortedIds) {
    Map<String, Integer> ranks = new HashMap<>();
    int rank = 0;
    for (String id : sortedIds) {
      ranks.put(id, rank++);
    }
    return ranks;
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
    String current = unit;
    while (current != null) {
      if (current.equals(scope)) {
        return true;
      }
      OrganizationUnit u = units.get(current);
      current = u == null ? null : u.parent();
    }
    return false;
  }

  /** Depth of {@code unit} in the organisation tree (a root is 1, {@code null} is 0). */
  public int depthOf(@Nullable String unit) {
    if (unit == null) {
      return 0;
    }
    Integer known = depth.get(unit);
    return known == null ? 1 : known;
  }
}
