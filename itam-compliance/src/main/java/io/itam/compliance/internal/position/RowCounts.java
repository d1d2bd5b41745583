package io.itam.compliance.internal.position;

import io.itam.compliance.internal.allocation.Allocation;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.DemandClass;
import io.itam.compliance.internal.eligibility.SlotTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many allocation and shortfall rows the full position has, without building them. Within a
 * slot type, lines in canonical order take the allocated units entitlement after entitlement
 * (pinned first, then in tie-break order) and the shortfall falls on the last: a line is a
 * shortfall row when its units reach past the allocated ones, and an allocation row for every
 * entitlement its units come from. A consumer has one line per licence model, so rows and lines
 * correspond.
 *
 * <p>When every line of a slot type needs the same units the counts follow from the units alone;
 * otherwise the type's lines are put in canonical order (on primitive keys where the consumers are
 * devices in fact order) and walked.
 */
final class RowCounts {
  private final Demand demand;
  private final Allocation allocation;
  private final List<Lines> lines = new ArrayList<>();
  private long allocationRows;
  private long shortfallRows;

  /**
   * The lines of one slot type, to be put in canonical order: by consumer id, then first fact; for
   * devices of a local family ({@code consumer} null) the first fact alone, since facts come in the
   * order of their devices' ids.
   */
  private static final class Lines {
    int size;
    String[] consumer = new String[16];
    int[] first = new int[16];
    long[] units = new long[16];

    void add(String c, int f, long u) {
      if (size == first.length) {
        consumer = Arrays.copyOf(consumer, size * 2);
        first = Arrays.copyOf(first, size * 2);
        units = Arrays.copyOf(units, size * 2);
      }
      consumer[size] = c;
      first[size] = f;
      units[size] = u;
      size++;
    }

    /** The positions of the lines in canonical order. */
    int[] order() {
      boolean byFact = true;
      for (int i = 0; i < size; i++) {
        byFact &= consumer[i] == null;
      }
      int[] order = new int[size];
      if (byFact) {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
          keys[i] = (long) first[i] << 32 | i;
        }
        Arrays.sort(keys);
        for (int i = 0; i < size; i++) {
          order[i] = (int) keys[i];
        }
        return order;
      }
      Integer[] boxed = new Integer[size];
      for (int i = 0; i < size; i++) {
        boxed[i] = i;
      }
      Arrays.sort(
          boxed,
          (a, b) -> {
            int c = String.valueOf(consumer[a]).compareTo(String.valueOf(consumer[b]));
            return c != 0 ? c : Integer.compare(first[a], first[b]);
          });
      for (int i = 0; i < size; i++) {
        order[i] = boxed[i];
      }
      return order;
    }
  }

  RowCounts(Demand demand, Allocation allocation) {
    this.demand = demand;
    this.allocation = allocation;
    SlotTypes types = allocation.types();
    boolean[] uniform = new boolean[types.size()];
    long[] unitsOf = new long[types.size()];
    Arrays.fill(uniform, true);
    Arrays.fill(unitsOf, -1);
    long[] lineCount = new long[types.size()];
    lineShapes(uniform, unitsOf, lineCount);
    for (int t = 0; t < types.size(); t++) {
      lines.add(null);
      if (lineCount[t] == 0) {
        continue;
      }
      long[] supply = supply(t);
      if (uniform[t]) {
        countUniform(supply, lineCount[t], unitsOf[t]);
      } else {
        lines.set(t, new Lines());
      }
    }
    collectLines();
    for (int t = 0; t < lines.size(); t++) {
      if (lines.get(t) != null) {
        walk(supply(t), lines.get(t));
      }
    }
  }

  long allocationRows() {
    return allocationRows;
  }

  long shortfallRows() {
    return shortfallRows;
  }

  /**
   * Per slot type: how many lines the chosen shapes give it, and whether all need the same units
   * ({@code unitsOf}).
   */
  private void lineShapes(boolean[] uniform, long[] unitsOf, long[] lineCount) {
    List<DemandClass> classes = demand.classes();
    for (int ci = 0; ci < classes.size(); ci++) {
      DemandClass c = classes.get(ci);
      long[] counts = allocation.shapeCounts(ci);
      for (int s = 0; s < counts.length; s++) {
        if (counts[s] == 0) {
          continue;
        }
        for (java.util.Map.Entry<Integer, long[]> line : c.lineUnits(s, demand).entrySet()) {
          int t = line.getKey();
          long[] units = line.getValue();
          if (units == null) {
            uniform[t] = false;
            lineCount[t] = Math.max(1, lineCount[t]);
            continue;
          }
          lineCount[t] = Math.addExact(lineCount[t], Math.multiplyExact(counts[s], units.length));
          for (long u : units) {
            if (unitsOf[t] < 0) {
              unitsOf[t] = u;
            } else if (unitsOf[t] != u) {
              uniform[t] = false;
            }
          }
        }
      }
    }
  }

  /** The units type {@code t} takes from its entitlements, in the order lines take them. */
  private long[] supply(int t) {
    long[] units = allocation.allocated(t);
    int[] order = allocation.supplyOrder(t);
    long[] supply = new long[order.length];
    int n = 0;
    for (int j : order) {
      if (units != null && units[j] > 0) {
        supply[n++] = units[j];
      }
    }
    return Arrays.copyOf(supply, n);
  }

  /** Every line {@code u} units: counts from the units alone. */
  private void countUniform(long[] supply, long lines, long u) {
    long allocated = 0;
    for (long a : supply) {
      allocated = Math.addExact(allocated, a);
    }
    if (u == 0) {
      return; // lines of no units make no rows
    }
    long covered = Math.min(lines, (allocated + u - 1) / u);
    shortfallRows += lines - allocated / u;
    long inside = 0;
    long boundary = 0;
    for (int j = 0; j + 1 < supply.length; j++) {
      boundary += supply[j];
      if (boundary % u != 0) {
        inside++; // an entitlement ends inside a line: that line draws on two
      }
    }
    allocationRows += covered + inside;
  }

  /** Gathers the lines of the slot types that are walked. */
  private void collectLines() {
    List<DemandClass> classes = demand.classes();
    for (int ci = 0; ci < classes.size(); ci++) {
      DemandClass c = classes.get(ci);
      long[] counts = allocation.shapeCounts(ci);
      boolean walked = false;
      for (int s = 0; s < counts.length && !walked; s++) {
        for (int t : c.shapes().get(s).types()) {
          walked |= counts[s] > 0 && lines.get(t) != null;
        }
      }
      if (!walked) {
        continue;
      }
      DemandClass.LineSink sink =
          (t, consumer, first, units) -> {
            Lines ofType = lines.get(t);
            if (ofType != null) {
              ofType.add(consumer, first, units);
            }
          };
      int m = 0;
      for (int s = 0; s < counts.length; s++) {
        for (long k = 0; k < counts[s]; k++, m++) {
          c.lines(m, s, demand, sink);
        }
      }
    }
  }

  /** Walks {@code ofType}'s lines in canonical order over the supply. */
  private void walk(long[] supply, Lines ofType) {
    int cursor = 0;
    long left = supply.length == 0 ? 0 : supply[0];
    for (int i : ofType.order()) {
      long need = ofType.units[i];
      boolean any = false;
      while (need > 0) {
        while (left == 0 && cursor + 1 < supply.length) {
          left = supply[++cursor];
        }
        if (left == 0) {
          shortfallRows++;
          break;
        }
        long take = Math.min(need, left);
        allocationRows++;
        any = true;
        left -= take;
        need -= take;
      }
      assert any || ofType.units[i] == 0 || supply.length == 0 || left == 0;
    }
  }
}
