package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Product families: products tied together by licence models (a model ties its product to every
 * component of its suite). Demand never crosses families.
 *
 * <p>A family is <em>per device</em> when every model that covers it counts devices (without the
 * second-use right) or installations, and no entitlement of those models is pinned: then a device's
 * demand depends only on its own records and on which entitlement scopes contain its organisation
 * unit ({@link #unitClasses}), and devices with the same records and unit class need exactly the
 * same licences. Those devices are evaluated once.
 */
final class Families {
  private final Map<String, String> familyOf = new HashMap<>();
  private final Set<String> perDevice = new HashSet<>();
  private final EstateIndex index;

  /** Per family, the distinct scopes of the entitlements of the models covering it, sorted. */
  private final Map<String, java.util.TreeSet<String>> scopesOf = new HashMap<>();

  /** Families by index, in the order of their ids, with the index of each product's family. */
  private final java.util.List<String> names;

  private final Map<String, Integer> indexOfProduct = new HashMap<>();
  private final boolean[] perDeviceByIndex;

  /** Per unit ({@code ""}: none), the class of the unit in every family (by family index). */
  private final Map<String, int[]> unitClasses = new HashMap<>();

  /** Per family with more than 30 scopes, its unit classes interned as small integers. */
  private final java.util.List<Map<String, Integer>> classIds = new java.util.ArrayList<>();

  /** Per family index, the distinct scopes of its entitlements, sorted. */
  private final String[][] scopesByFamily;

  private Families(EstateIndex index) {
    this.index = index;
    Map<String, String> parent = new HashMap<>();
    for (LicenseModel model : index.models()) {
      for (String product : index.closure(model.product())) {
        union(parent, model.product(), product);
      }
    }
    for (String product : index.productIds()) {
      familyOf.put(product, find(parent, product));
    }
    Set<String> pinnedModels = new HashSet<>();
    for (PinnedAllocation pin : index.estate().allocations()) {
      Entitlement e = index.entitlement(pin.entitlement());
      if (e != null) {
        pinnedModels.add(e.licenseModel());
      }
    }
    Set<String> coupled = new HashSet<>();
    for (LicenseModel model : index.models()) {
      MetricType type = model.metric().type();
      boolean deviceLocal =
          (type == MetricType.DEVICE && !model.rights().secondUse())
              || type == MetricType.INSTALLATION;
      if (!deviceLocal || pinnedModels.contains(model.id())) {
        coupled.add(familyOf.get(model.product()));
      }
    }
    for (String family : familyOf.values()) {
      if (!coupled.contains(family)) {
        perDevice.add(family);
      }
    }
    names = java.util.List.copyOf(new java.util.TreeSet<>(familyOf.values()));
    Map<String, Integer> indexOfName = new HashMap<>();
    perDeviceByIndex = new boolean[names.size()];
    for (int i = 0; i < names.size(); i++) {
      indexOfName.put(names.get(i), i);
      perDeviceByIndex[i] = perDevice.contains(names.get(i));
      classIds.add(new HashMap<>());
    }
    familyOf.forEach((product, family) -> indexOfProduct.put(product, indexOfName.get(family)));
    for (LicenseModel model : index.models()) {
      java.util.TreeSet<String> scopes =
          scopesOf.computeIfAbsent(familyOf.get(model.product()), k -> new java.util.TreeSet<>());
      for (Entitlement e : index.entitlementsOf(model.id())) {
        if (e.scope() != null) {
          scopes.add(e.scope());
        }
      }
    }
    scopesByFamily = new String[names.size()][];
    for (int f = 0; f < names.size(); f++) {
      scopesByFamily[f] =
          scopesOf.getOrDefault(names.get(f), new java.util.TreeSet<>()).toArray(new String[0]);
    }
  }

  /**
   * The classes of organisation unit {@code unit} in the families, by family index (see {@link
   * #unitClass}): which of a family's entitlement scopes contain the unit, interned per family.
   * Devices of a per-device family whose units have the same class are eligible for the same
   * entitlements (design §Reconciliation, step 2: eligibility depends on the consumer's unit only
   * through the scopes), so they may share a representative.
   */
  int[] unitClasses(@org.jspecify.annotations.Nullable String unit) {
    return unitClasses.computeIfAbsent(
        unit == null ? "" : unit,
        k -> {
          int[] classes = new int[names.size()];
          java.util.Arrays.fill(classes, NOT_YET); // computed when first needed
          return classes;
        });
  }

  private static final int NOT_YET = Integer.MIN_VALUE;

  /** The class of {@code unit} in family {@code family}, cached in {@code classes}. */
  int unitClass(int family, @org.jspecify.annotations.Nullable String unit, int[] classes) {
    if (classes[family] != NOT_YET) {
      return classes[family];
    }
    String[] scopes = scopesByFamily[family];
    int id;
    if (unit == null) {
      id = -1; // outside every unit: only unscoped (or sole-root) entitlements
    } else if (scopes.length <= 30) {
      int bits = 0; // bit i: scope i contains the unit
      for (int i = 0; i < scopes.length; i++) {
        if (index.isWithin(unit, scopes[i])) {
          bits |= 1 << i;
        }
      }
      id = bits;
    } else {
      StringBuilder bits = new StringBuilder(scopes.length);
      for (String scope : scopes) {
        bits.append(index.isWithin(unit, scope) ? '1' : '0');
      }
      Map<String, Integer> ids = classIds.get(family);
      id = ids.computeIfAbsent(bits.toString(), text -> ids.size());
    }
    classes[family] = id;
    return id;
  }

  /** The index of {@code product}'s family. */
  int index(String product) {
    return indexOfProduct.get(product);
  }

  /** The id of the family at {@code index}. */
  String name(int index) {
    return names.get(index);
  }

  /** Whether demand in the family at {@code index} is decided device by device. */
  boolean isPerDevice(int index) {
    return perDeviceByIndex[index];
  }

  static Families of(EstateIndex index) {
    return new Families(index);
  }

  /** The family of {@code product}: the id of one of its products. */
  String of(String product) {
    return familyOf.get(product);
  }

  /** Whether demand in {@code family} is decided device by device. */
  boolean isPerDevice(String family) {
    return perDevice.contains(family);
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      // The smaller id becomes the root, so family ids do not depend on the order of the models.
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  private static String find(Map<String, String> parent, String x) {
    String root = x;
    while (parent.containsKey(root) && !parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    parent.put(x, root);
    return root;
  }
}
