package io.itam.compliance.internal.allocation;

import java.util.Arrays;

/**
 * The shape of a cover pattern for the optimisation: which slot types it draws on and how many
 * units of each, sorted by slot type. Two members of a demand class have the same shapes.
 *
 * @param types slot type ids, ascending (a type may repeat)
 * @param units units needed of each
 */
record Shape(int[] types, long[] units) implements Comparable<Shape> {

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
  boolean isSingleUnit() {
    return types.length == 1 && units[0] == 1;
  }

  @Override
  public String toString() {
    return Arrays.toString(types) + "×" + Arrays.toString(units);
  }
}
