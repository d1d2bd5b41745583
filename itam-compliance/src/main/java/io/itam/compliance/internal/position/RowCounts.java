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
  private final List<List<Line>> lines = new ArrayList<>();
  private long allocationRows;
  private long shortfallRows;

  /** A line of a slot type: its order (consumer, then first fact) and units. */
  private record Line(String consumer, long order, long units) {}

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
        lines.set(t, new ArrayList<>());
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
      int m = 0;
      for (int s = 0; s < counts.length; s++) {
        for (long k = 0; k < counts[s]; k++, m++) {
          for (DemandClass.MemberLine line : c.memberLines(m, s, demand)) {
            List<Line> ofType = lines.get(line.slotType());
            if (ofType != null) {
              ofType.add(new Line(line.consumer(), line.order(), line.units()));
            }
          }
        }
      }
    }
  }

  /** Walks {@code ofType}'s lines in canonical order over the supply. */
  private void walk(long[] supply, List<Line> ofType) {
    ofType.sort(
        (a, b) -> {
          int c = a.consumer().compareTo(b.consumer());
          return c != 0 ? c : Long.compare(a.order(), b.order());
        });
    int cursor = 0;
    long left = supply.length == 0 ? 0 : supply[0];
    for (Line line : ofType) {
      long need = line.units();
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
      assert any || line.units() == 0 || supply.length == 0 || left == 0;
    }
  }
}
