package io.itam.compliance.internal.eligibility;

import io.itam.compliance.internal.facts.RecordColumns;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.terms.LicenseModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Slot types (design §Reconciliation, "min-cost flow on demand classes"): demand for units of one
 * licence model that the same entitlements may serve on the same terms. Options whose terms make
 * the same entitlements eligible (and the same ones pinned to them) are interchangeable for the
 * allocation, so demand is aggregated per slot type. Types are numbered in the order first asked
 * for, which the canonical order of the demand fixes.
 */
public final class SlotTypes {
  /** A slot type: its model, eligible entitlements and which are pinned to its consumers. */
  public static final class SlotType {
    public final int id;
    public final int model;
    public final LicenseModel licenseModel;

    /** Eligible entitlements, dense indexes in id order, ascending. */
    public final int[] entitlements;

    /** For each eligible entitlement: pinned to this demand's consumer (consumed first). */
    public final boolean[] preferred;

    /** Whether some eligible entitlement is pinned to this demand's consumer. */
    public final boolean pinnedConsumer;

    SlotType(
        int id, int model, LicenseModel licenseModel, int[] entitlements, boolean[] preferred) {
      this.id = id;
      this.model = model;
      this.licenseModel = licenseModel;
      this.entitlements = entitlements;
      this.preferred = preferred;
      boolean any = false;
      for (boolean p : preferred) {
        any |= p;
      }
      this.pinnedConsumer = any;
    }
  }

  private record Key(int model, int[] entitlements, boolean[] preferred) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && model == k.model
          && Arrays.equals(entitlements, k.entitlements)
          && Arrays.equals(preferred, k.preferred);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * model + Arrays.hashCode(entitlements)) + Arrays.hashCode(preferred);
    }
  }

  private record FastKey(
      int model, int[] units, boolean unassigned, long maintenance, boolean active) {
    @Override
    public boolean equals(Object o) {
      return o instanceof FastKey k
          && model == k.model
          && Arrays.equals(units, k.units)
          && unassigned == k.unassigned
          && maintenance == k.maintenance
          && active == k.active;
    }

    @Override
    public int hashCode() {
      return ((31 * model + Arrays.hashCode(units)) * 31 + Long.hashCode(maintenance)) * 4
          + (unassigned ? 2 : 0)
          + (active ? 1 : 0);
    }
  }

  private final EstateIndex index;
  private final Eligibility eligibility;
  private final List<SlotType> types = new ArrayList<>();
  private final Map<Key, Integer> interned = new HashMap<>();
  private final Map<FastKey, Integer> fast = new HashMap<>();
  private final int[] entitlementModel;
  private final int soleRoot;

  public SlotTypes(EstateIndex index, Eligibility eligibility) {
    this.index = index;
    this.eligibility = eligibility;
    List<Entitlement> all = index.entitlements();
    entitlementModel = new int[all.size()];
    for (int e = 0; e < all.size(); e++) {
      entitlementModel[e] = index.modelIndex(all.get(e).licenseModel());
    }
    String root = eligibility.soleRoot();
    soleRoot = root == null ? -2 : index.unitOf(root);
  }

  public Eligibility eligibility() {
    return eligibility;
  }

  public int size() {
    return types.size();
  }

  public SlotType type(int id) {
    return types.get(id);
  }

  /** The slot type of an option of {@code option}'s terms (pins included). */
  public synchronized int of(int model, Terms option) {
    LicenseModel licenseModel = index.model(model);
    List<Entitlement> candidates = index.entitlementsOf(licenseModel.id());
    int[] eligible = new int[candidates.size()];
    boolean[] preferred = new boolean[candidates.size()];
    int n = 0;
    for (Entitlement e : candidates) {
      if (eligibility.refusal(option, e) == null) {
        eligible[n] = index.entitlementIndex(e.id());
        preferred[n] = eligibility.isPinned(e) && eligibility.isPinnedTo(e, option);
        n++;
      }
    }
    return intern(model, Arrays.copyOf(eligible, n), Arrays.copyOf(preferred, n));
  }

  /**
   * The slot type of an option of {@code model} (no pinned entitlements) whose consumers are in
   * {@code units} (dense indexes, ascending, distinct), or outside every unit ({@code unassigned}),
   * needing maintenance up to epoch day {@code maintenance} ({@link RecordColumns#NO_DATE}: none)
   * and active maintenance when {@code active}.
   */
  public synchronized int fast(
      int model, int[] units, boolean unassigned, long maintenance, boolean active) {
    FastKey key = new FastKey(model, units, unassigned, maintenance, active);
    Integer known = fast.get(key);
    if (known != null) {
      return known;
    }
    LicenseModel licenseModel = index.model(model);
    List<Entitlement> candidates = index.entitlementsOf(licenseModel.id());
    int[] eligible = new int[candidates.size()];
    int n = 0;
    for (Entitlement e : candidates) {
      if (eligible(e, units, unassigned, maintenance, active)) {
        eligible[n++] = index.entitlementIndex(e.id());
      }
    }
    int id = intern(model, Arrays.copyOf(eligible, n), new boolean[n]);
    fast.put(key, id);
    return id;
  }

  /** {@link Eligibility#refusal} for an unpinned entitlement, on dense terms. */
  private boolean eligible(
      Entitlement e, int[] units, boolean unassigned, long maintenance, boolean active) {
    if (!e.isValidOn(index.asOf()) || eligibility.isPinned(e)) {
      return false;
    }
    if (e.scope() != null) {
      int scope = index.unitOf(e.scope());
      if (unassigned && scope != soleRoot) {
        return false;
      }
      for (int unit : units) {
        if (!index.isWithin(unit, scope)) {
          return false;
        }
      }
    }
    if (maintenance != RecordColumns.NO_DATE) {
      long until = RecordColumns.day(e.maintenanceUntil());
      if (until == RecordColumns.NO_DATE || until < maintenance) {
        return false;
      }
    }
    return !active || e.hasMaintenanceOn(index.asOf());
  }

  private int intern(int model, int[] eligible, boolean[] preferred) {
    Key key = new Key(model, eligible, preferred);
    Integer id = interned.get(key);
    if (id == null) {
      id = types.size();
      interned.put(key, id);
      types.add(new SlotType(id, model, index.model(model), eligible, preferred));
    }
    return id;
  }
}
