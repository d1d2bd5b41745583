package io.itam.compliance.oracle;

import java.util.Comparator;

/**
 * The documented lexicographic objective of an allocation.
 *
 * @param shortfall tier 1: the shortfall cost in cents (Σ over models of whole packs × remedy
 *     price) when the estate is priced, else the short units
 * @param consumed tier 3: the value of the entitlements consumed, in cents (unpriced: 0)
 */
record Objective(long shortfall, long consumed) implements Comparable<Objective> {
  private static final Comparator<Objective> ORDER =
      Comparator.comparingLong(Objective::shortfall).thenComparingLong(Objective::consumed);

  Objective plus(Objective other) {
    return new Objective(
        Math.addExact(shortfall, other.shortfall), Math.addExact(consumed, other.consumed));
  }

  @Override
  public int compareTo(Objective other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return "(tier 1 " + shortfall + ", tier 3 " + consumed + ")";
  }
}
