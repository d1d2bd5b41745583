package io.itam.compliance.internal.allocation;

import io.itam.model.terms.LicenseModel;
import java.util.Arrays;

/**
 * A kind of demand for units of one licence model that the same entitlements may serve on the same
 * terms: options with equal slot types are interchangeable for the allocation, so demand is
 * aggregated per slot type (design §Reconciliation: "min-cost flow on demand classes").
 */
final class SlotType {
  final int id;
  final LicenseModel model;

  /** Eligible entitlements, as indexes into the estate's entitlements sorted by id, ascending. */
  final int[] entitlements;

  /** For each eligible entitlement: pinned to this demand's consumer (consumed first). */
  final boolean[] preferred;

  /** Whether some eligible entitlement is pinned to this demand's consumer. */
  final boolean pinnedConsumer;

  SlotType(int id, LicenseModel model, int[] entitlements, boolean[] preferred) {
    this.id = id;
    this.model = model;
    this.entitlements = entitlements;
    this.preferred = preferred;
    boolean any = false;
    for (boolean p : preferred) {
      any |= p;
    }
    this.pinnedConsumer = any;
  }

  /** Identity of a slot type: model, eligible entitlements and which are pinned. */
  record Key(String model, int[] entitlements, boolean[] preferred) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && model.equals(k.model)
          && Arrays.equals(entitlements, k.entitlements)
          && Arrays.equals(preferred, k.preferred);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * model.hashCode() + Arrays.hashCode(entitlements))
          + Arrays.hashCode(preferred);
    }

    @Override
    public String toString() {
      return model + Arrays.toString(entitlements);
    }
  }
}
