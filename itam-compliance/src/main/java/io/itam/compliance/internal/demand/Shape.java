package io.itam.compliance.internal.demand;

import java.util.Arrays;

/**
 * The shape of a way to cover a member's facts, as the optimisation sees it: which slot types it
 * draws on and how many units of each, sorted by slot type. Members of a demand class have the same
 * shapes.
 *
 * @param types slot type ids, ascending (a type may repeat)
 * @param units units needed of each
 */
public record Shape(int[] types, long[] units) implements Comparable<Shape> {

  /** The shape of {@code types[i]} × {@code units[i]}, sorted by type, then units. */
  static Shape of(int[] types, long[] units) {
    long[][] pairs = new long[types.length][];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = new long[] {types[i], units[i]};
    }
    Arrays.sort(
        pairs, java.util.Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
    int[] t = new int[pairs.length];
    long[] u = new long[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      t[i] = (int) pairs[i][0];
      u[i] = pairs[i][1];
    }
    return new Shape(t, u);
  }

  /**
   * Whether this shape makes {@code other} needless: it needs no more units of any slot type (fewer
   * units never cost more shortfall, pinned use or value), and fewer of some, or the same units
   * split otherwise and this shape comes first in shape order (the allocation cannot tell them
   * apart; the first is kept).
   */
  boolean dominates(Shape other) {
    if (equals(other)) {
      return false;
    }
    java.util.Map<Integer, Long> mine = totals();
    java.util.Map<Integer, Long> theirs = other.totals();
    for (java.util.Map.Entry<Integer, Long> e : mine.entrySet()) {
      if (e.getValue() > theirs.getOrDefault(e.getKey(), 0L)) {
        return false;
      }
    }
    return !mine.equals(theirs) || compareTo(other) < 0;
  }

  /** Units per slot type (a type may repeat). */
  java.util.Map<Integer, Long> totals() {
    java.util.Map<Integer, Long> totals = new java.util.HashMap<>();
    for (int i = 0; i < types.length; i++) {
      totals.merge(types[i], units[i], Math::addExact);
    }
    return totals;
  }

  /** The most units the shape needs in all. */
  long totalUnits() {
    long sum = 0;
    for (long u : units) {
      sum = Math.addExact(sum, u);
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(types, s.types) && Arrays.equals(units, s.units);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(types) + Arrays.hashCode(units);
  }

  @Override
  public int compareTo(Shape o) {
    int byTypes = Arrays.compare(types, o.types);
    return byTypes != 0 ? byTypes : Arrays.compare(units, o.units);
  }

  /** Whether the pattern is one slot of one unit (network-representable choice). */
  public boolean isSingleUnit() {
    return types.length == 1 && units[0] == 1;
  }

  @Override
  public String toString() {
    return Arrays.toString(types) + "×" + Arrays.toString(units);
  }
}
