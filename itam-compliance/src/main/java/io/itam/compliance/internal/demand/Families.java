package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Product families: products tied together by licence models (a model ties its product to every
 * component of its suite). Demand never crosses families, so each is worked out on its own.
 *
 * <p>A family is <em>local</em> when every model covering it counts under the same kind of consumer
 * and needs nothing but that consumer's own records: devices ({@code device} without second use,
 * {@code installation}) or users ({@code user} without minimums), and no entitlement of its models
 * is pinned. A device's (or user's) demand in a local family then depends only on its records and
 * on which entitlement scopes contain its organisation unit (its {@linkplain #unitClass unit
 * class}); consumers with equal records and unit class need exactly the same licences.
 */
final class Families {
  /** How the consumers of a family's demand are found. */
  enum Kind {
    /** Every model counts devices from their own records. */
    DEVICE_LOCAL,
    /** Every model counts users from their own records. */
    USER_LOCAL,
    /** Options tie consumers together (hosts and VMs, second use, pools): found by the rules. */
    GENERIC
  }

  private final EstateIndex index;
  private final int[] familyOfProduct;
  private final int count;
  private final int[][] models;
  private final Kind[] kinds;
  private final boolean[] pinned;
  private final int[][] scopes;
  private final int[][] unitClass;
  private final List<List<BitSet>> classes = new ArrayList<>();
  private final List<Map<BitSet, Integer>> classIds = new ArrayList<>();

  Families(EstateIndex index) {
    this.index = index;
    int products = index.productCount();
    List<String> productIds = index.productIds().asList();
    int[] parent = new int[products];
    for (int p = 0; p < products; p++) {
      parent[p] = p;
    }
    for (LicenseModel model : index.models()) {
      int root = index.productIndex(model.product());
      for (String covered : index.closure(model.product())) {
        union(parent, root, index.productIndex(covered));
      }
    }
    // Families numbered in the order of their smallest product id: independent of input order.
    familyOfProduct = new int[products];
    int[] familyOfRoot = new int[products];
    Arrays.fill(familyOfRoot, -1);
    int n = 0;
    for (int p = 0; p < products; p++) {
      int root = find(parent, p);
      if (familyOfRoot[root] < 0) {
        familyOfRoot[root] = n++;
      }
      familyOfProduct[p] = familyOfRoot[root];
    }
    this.count = n;
    List<List<Integer>> modelsOf = new ArrayList<>();
    for (int f = 0; f < n; f++) {
      modelsOf.add(new ArrayList<>());
    }
    for (int m = 0; m < index.modelCount(); m++) {
      LicenseModel model = index.model(m);
      modelsOf.get(familyOfProduct[index.productIndex(model.product())]).add(m);
    }
    models = new int[n][];
    for (int f = 0; f < n; f++) {
      models[f] = modelsOf.get(f).stream().mapToInt(Integer::intValue).toArray();
    }
    boolean[] pinnedModel = new boolean[index.modelCount()];
    for (PinnedAllocation pin : index.estate().allocations()) {
      Entitlement e = index.entitlement(pin.entitlement());
      if (e != null) {
        pinnedModel[index.modelIndex(e.licenseModel())] = true;
      }
    }
    kinds = new Kind[n];
    pinned = new boolean[n];
    scopes = new int[n][];
    unitClass = new int[n][];
    for (int f = 0; f < n; f++) {
      TreeSet<Integer> familyScopes = new TreeSet<>();
      boolean device = true;
      boolean user = true;
      for (int m : models[f]) {
        LicenseModel model = index.model(m);
        pinned[f] |= pinnedModel[m];
        device &= countsOwnDevice(model);
        user &= countsOwnUser(model);
        for (Entitlement e : index.entitlementsOf(model.id())) {
          if (e.scope() != null) {
            familyScopes.add(index.unitOf(e.scope()));
          }
        }
      }
      boolean local = models[f].length > 0 && !pinned[f];
      kinds[f] =
          local && device ? Kind.DEVICE_LOCAL : local && user ? Kind.USER_LOCAL : Kind.GENERIC;
      scopes[f] = familyScopes.stream().mapToInt(Integer::intValue).toArray();
      unitClass[f] = new int[index.unitCount() + 1];
      Arrays.fill(unitClass[f], -1);
      classes.add(new ArrayList<>());
      classIds.add(new HashMap<>());
    }
    assert productIds.size() == products;
  }

  private static boolean countsOwnDevice(LicenseModel model) {
    MetricType type = model.metric().type();
    return (type == MetricType.DEVICE && !model.rights().secondUse())
        || type == MetricType.INSTALLATION;
  }

  private static boolean countsOwnUser(LicenseModel model) {
    Metric metric = model.metric();
    return metric.type() == MetricType.USER
        && metric.userMinimumPerProcessor() == 0
        && metric.minimumPerDevice() == 0;
  }

  /** Number of families. */
  int count() {
    return count;
  }

  /** The family of product {@code product} (dense index). */
  int of(int product) {
    return familyOfProduct[product];
  }

  /** The models of family {@code family}, dense indexes ascending. */
  int[] models(int family) {
    return models[family];
  }

  Kind kind(int family) {
    return kinds[family];
  }

  /** Whether an entitlement of a model of the family is pinned to consumers. */
  boolean pinned(int family) {
    return pinned[family];
  }

  /**
   * The class of organisation unit {@code unit} (dense index, or {@link EstateIndex#NO_UNIT}) in
   * family {@code family}: which of the family's entitlement scopes contain it, interned as a small
   * number. Consumers whose units have the same class are eligible for the same entitlements
   * (design §Reconciliation, step 2: eligibility depends on the consumer's unit only through the
   * scopes).
   */
  int unitClass(int family, int unit) {
    int slot = unit + 1;
    int known = unitClass[family][slot];
    if (known >= 0) {
      return known;
    }
    BitSet bits = new BitSet();
    if (unit == EstateIndex.NO_UNIT) {
      bits.set(scopes[family].length); // outside every unit: a class of its own
    } else {
      int[] s = scopes[family];
      for (int i = 0; i < s.length; i++) {
        if (index.isWithin(unit, s[i])) {
          bits.set(i);
        }
      }
    }
    int id = intern(family, bits);
    unitClass[family][slot] = id;
    return id;
  }

  private int intern(int family, BitSet bits) {
    Map<BitSet, Integer> ids = classIds.get(family);
    Integer id = ids.get(bits);
    if (id == null) {
      id = ids.size();
      ids.put(bits, id);
      classes.get(family).add(bits);
    }
    return id;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
