package io.itam.compliance.internal.allocation;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.compliance.internal.index.Prices;
import io.itam.compliance.internal.solver.BranchAndBound;
import io.itam.compliance.internal.solver.LinearProgram;
import io.itam.compliance.internal.solver.MinCostFlow;
import io.itam.compliance.internal.solver.Rational;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Step 4 of the reconciliation: the exact allocation of one pool (design §Reconciliation).
 *
 * <p>The objective, lexicographically:
 *
 * <ol>
 *   <li>minimise the uncovered demand, each unit priced at the remedy price of its licence model
 *       when every model of the pool has a price, and counted in units otherwise;
 *   <li>consume pinned entitlements first: minimise the units pinned consumers draw from other
 *       entitlements;
 *   <li>minimise the value of the licences consumed (their entitlements' unit prices), keeping the
 *       most expensive, most flexible rights free;
 *   <li>tie-break: consume the entitlements that expire first (then lose maintenance first, then
 *       have the narrowest scope, then by id), keeping perpetual and broadly scoped ones free.
 * </ol>
 *
 * <p>When every demand class has one cover shape, or chooses among single-unit shapes, the pool is
 * a network: a min-cost flow with lexicographic costs solves it exactly. Otherwise (suites covering
 * several products on a device, second-use pairs, mixed metrics) it is a small integer programme
 * over the aggregated classes, solved exactly by branch and bound on an exact rational simplex
 * within a node budget; when the budget runs out, the best allocation found is kept and the pool is
 * reported with its proven bound and gap.
 */
final class PoolSolver {
  private static final int TIERS = 4;

  /**
   * Orders entitlements for the tie-break: those that expire first, then lose maintenance first,
   * then have the narrowest scope (the most flexible rights stay free), then by id.
   */
  static Comparator<Entitlement> tieBreakOrder(EstateIndex index) {
    return Comparator.comparing(
            Entitlement::validUntil, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
        .thenComparing(
            Entitlement::maintenanceUntil,
            Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
        .thenComparing(e -> -index.depthOf(e.scope()))
        .thenComparing(Entitlement::id);
  }

  /**
   * The allocation of a pool.
   *
   * @param shapeCounts per class (in pool order), how many members take each shape
   * @param allocated per slot type id, units from each eligible entitlement (aligned with {@link
   *     SlotType#entitlements})
   * @param shortfall per slot type id, units not covered
   * @param method how the pool was solved
   * @param exact whether the allocation is proven optimal
   * @param objective shortfall cost in the pool's weight unit (money or units)
   * @param bound a proven lower bound of {@code objective}
   * @param priced whether {@code objective} is money (else units)
   */
  record Solution(
      long[][] shapeCounts,
      Map<Integer, long[]> allocated,
      Map<Integer, Long> shortfall,
      String method,
      boolean exact,
      BigDecimal objective,
      BigDecimal bound,
      boolean priced) {}

  private final AllocationProblem problem;
  private final Pool pool;
  private final Prices prices;
  private final long nodeBudget;

  private final int[] types;
  private final int[] entitlements;
  private final Map<Integer, Integer> localEntitlement = new HashMap<>();
  private final BigInteger[] weight; // per local type
  private final BigInteger[] value; // per local entitlement
  private final long[] rank; // per local entitlement
  private final long[] capacity; // per local entitlement, or -1 for unlimited
  private final long[] fixedDemand; // per local type
  private final Map<Integer, Integer> localType = new HashMap<>();
  private final boolean priced;
  private final BigDecimal weightUnit;

  private PoolSolver(AllocationProblem problem, Pool pool, Prices prices, long nodeBudget) {
    this.problem = problem;
    this.pool = pool;
    this.prices = prices;
    this.nodeBudget = nodeBudget;
    this.types = pool.types.stream().mapToInt(Integer::intValue).toArray();
    this.entitlements = pool.entitlements.stream().mapToInt(Integer::intValue).toArray();
    for (int i = 0; i < types.length; i++) {
      localType.put(types[i], i);
    }
    for (int i = 0; i < entitlements.length; i++) {
      localEntitlement.put(entitlements[i], i);
    }
    // Ranks for the tie-break.
    Integer[] order = new Integer[entitlements.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.comparing(
            i -> problem.entitlements.get(entitlements[i]), tieBreakOrder(problem.index)));
    rank = new long[entitlements.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    // Values and capacities.
    List<BigDecimal> values = new ArrayList<>();
    capacity = new long[entitlements.length];
    for (int i = 0; i < entitlements.length; i++) {
      Entitlement e = problem.entitlements.get(entitlements[i]);
      boolean site = problem.index.model(e.licenseModel()).metric().type() == MetricType.SITE;
      capacity[i] = site ? -1 : e.quantity();
      values.add(site ? null : Prices.unitPrice(e));
    }
    value = Scaled.of(values).integers;
    // Weights: remedy prices when every model of the pool has one, else units.
    List<BigDecimal> remedies = new ArrayList<>();
    boolean allPriced = true;
    for (int t : types) {
      BigDecimal price = prices.remedyPrice(problem.types.get(t).model);
      allPriced &= price != null && price.signum() > 0;
      remedies.add(price);
    }
    this.priced = allPriced;
    if (allPriced) {
      Scaled scaled = Scaled.of(remedies);
      weight = scaled.integers;
      weightUnit = scaled.unit;
    } else {
      weight = new BigInteger[types.length];
      Arrays.fill(weight, BigInteger.ONE);
      weightUnit = BigDecimal.ONE;
    }
    // Demand of the classes with a single shape is fixed.
    fixedDemand = new long[types.length];
    for (DemandClass c : pool.classes) {
      if (c.shapes.size() == 1) {
        Shape shape = c.shapes.get(0);
        for (int s = 0; s < shape.types().length; s++) {
          int t = localType.get(shape.types()[s]);
          fixedDemand[t] =
              Math.addExact(fixedDemand[t], Math.multiplyExact(c.size(), shape.units()[s]));
        }
      }
    }
  }

  /** Solves {@code pool} of {@code problem}. */
  static Solution solve(AllocationProblem problem, Pool pool, Prices prices, long nodeBudget) {
    return new PoolSolver(problem, pool, prices, nodeBudget).solve();
  }

  private Solution solve() {
    boolean network = true;
    for (DemandClass c : pool.classes) {
      if (c.shapes.size() > 1) {
        for (Shape shape : c.shapes) {
          network &= shape.isSingleUnit();
        }
      }
    }
    if (network) {
      try {
        return solveByFlow(null);
      } catch (ArithmeticException overflow) {
        // Costs beyond long: the integer programme works with BigInteger.
      }
    }
    return solveByIntegerProgramme();
  }

  // ---- min-cost flow ---------------------------------------------------------------------------

  /**
   * Solves the pool as a min-cost flow. With {@code fixedShapes} (a shape per multi-shape class),
   * every class is treated as single-shape: the heuristic start of the integer programme.
   */
  private Solution solveByFlow(int @Nullable [] fixedShapes) {
    List<DemandClass> multi = new ArrayList<>();
    long[] demand = fixedDemand.clone();
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      if (c.shapes.size() > 1) {
        if (fixedShapes == null) {
          multi.add(c);
        } else {
          Shape shape = c.shapes.get(fixedShapes[ci]);
          for (int s = 0; s < shape.types().length; s++) {
            int t = localType.get(shape.types()[s]);
            demand[t] = Math.addExact(demand[t], Math.multiplyExact(c.size(), shape.units()[s]));
          }
        }
      }
    }
    int typeBase = 0;
    int entBase = types.length;
    int classBase = entBase + entitlements.length;
    int sink = classBase + multi.size();
    MinCostFlow flow = new MinCostFlow(sink + 1, TIERS);
    long total = 0;
    int[][] allocArcs = new int[types.length][];
    int[] shortArcs = new int[types.length];
    for (int t = 0; t < types.length; t++) {
      SlotType type = problem.types.get(types[t]);
      flow.setSupply(typeBase + t, demand[t]);
      total = Math.addExact(total, demand[t]);
      allocArcs[t] = new int[type.entitlements.length];
      for (int j = 0; j < type.entitlements.length; j++) {
        int e = localEntitlement.get(type.entitlements[j]);
        long pin = type.pinnedConsumer && !type.preferred[j] ? 1 : 0;
        allocArcs[t][j] =
            flow.addArc(
                typeBase + t,
                entBase + e,
                MinCostFlow.INFINITE,
                0,
                pin,
                value[e].longValueExact(),
                rank[e]);
      }
      shortArcs[t] =
          flow.addArc(
              typeBase + t, sink, MinCostFlow.INFINITE, weight[t].longValueExact(), 0, 0, 0);
    }
    for (int e = 0; e < entitlements.length; e++) {
      flow.addArc(
          entBase + e, sink, capacity[e] < 0 ? MinCostFlow.INFINITE : capacity[e], 0, 0, 0, 0);
    }
    List<int[]> classArcs = new ArrayList<>();
    for (int k = 0; k < multi.size(); k++) {
      DemandClass c = multi.get(k);
      flow.setSupply(classBase + k, c.size());
      total = Math.addExact(total, c.size());
      int[] arcs = new int[c.shapes.size()];
      for (int s = 0; s < arcs.length; s++) {
        int t = localType.get(c.shapes.get(s).types()[0]);
        arcs[s] = flow.addArc(classBase + k, typeBase + t, MinCostFlow.INFINITE, 0, 0, 0, 0);
      }
      classArcs.add(arcs);
    }
    flow.setSupply(sink, -total);
    flow.solve();

    long[][] counts = new long[pool.classes.size()][];
    int k = 0;
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      counts[ci] = new long[c.shapes.size()];
      if (c.shapes.size() == 1) {
        counts[ci][0] = c.size();
      } else if (fixedShapes != null) {
        counts[ci][fixedShapes[ci]] = c.size();
      } else {
        int[] arcs = classArcs.get(k++);
        for (int s = 0; s < arcs.length; s++) {
          counts[ci][s] = flow.flow(arcs[s]);
        }
      }
    }
    Map<Integer, long[]> allocated = new HashMap<>();
    Map<Integer, Long> shortfall = new HashMap<>();
    for (int t = 0; t < types.length; t++) {
      long[] units = new long[allocArcs[t].length];
      for (int j = 0; j < units.length; j++) {
        units[j] = flow.flow(allocArcs[t][j]);
      }
      allocated.put(types[t], units);
      shortfall.put(types[t], flow.flow(shortArcs[t]));
    }
    BigDecimal objective = objective(shortfall);
    return new Solution(
        counts, allocated, shortfall, "exact min-cost flow", true, objective, objective, priced);
  }

  // ---- integer programme
  // -------------------------------------------------------------------------

  private Solution solveByIntegerProgramme() {
    // Columns: y (class, shape) for multi-shape classes; x (type, eligible entitlement); u (type).
    List<int[]> yIndex = new ArrayList<>(); // {class index, shape index}
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      if (c.shapes.size() > 1) {
        for (int s = 0; s < c.shapes.size(); s++) {
          yIndex.add(new int[] {ci, s});
        }
      }
    }
    int yCount = yIndex.size();
    int[][] xColumn = new int[types.length][];
    int column = yCount;
    for (int t = 0; t < types.length; t++) {
      SlotType type = problem.types.get(types[t]);
      xColumn[t] = new int[type.entitlements.length];
      for (int j = 0; j < xColumn[t].length; j++) {
        xColumn[t][j] = column++;
      }
    }
    int uBase = column;
    int columns = uBase + types.length;

    // Exact lexicographic weights: each tier outweighs the largest possible total of those below.
    long unitsBound = 0;
    for (long d : fixedDemand) {
      unitsBound = Math.addExact(unitsBound, d);
    }
    for (DemandClass c : pool.classes) {
      if (c.shapes.size() > 1) {
        unitsBound = Math.addExact(unitsBound, Math.multiplyExact(c.size(), c.maxUnits()));
      }
    }
    BigInteger u = BigInteger.valueOf(unitsBound).add(BigInteger.ONE);
    BigInteger maxRank = BigInteger.valueOf(Math.max(1, entitlements.length));
    BigInteger maxValue = BigInteger.ONE;
    for (BigInteger v : value) {
      maxValue = maxValue.max(v);
    }
    BigInteger b3 = u.multiply(maxRank).add(BigInteger.ONE);
    BigInteger b2 = b3.multiply(u.multiply(maxValue).add(BigInteger.ONE));
    BigInteger b1 = b2.multiply(u.add(BigInteger.ONE));

    LinearProgram lp = new LinearProgram(columns);
    for (int i = 0; i < yCount; i++) {
      DemandClass c = pool.classes.get(yIndex.get(i)[0]);
      lp.setBounds(i, 0, c.size());
    }
    for (int t = 0; t < types.length; t++) {
      SlotType type = problem.types.get(types[t]);
      for (int j = 0; j < xColumn[t].length; j++) {
        int e = localEntitlement.get(type.entitlements[j]);
        long pin = type.pinnedConsumer && !type.preferred[j] ? 1 : 0;
        lp.setBounds(xColumn[t][j], 0, LinearProgram.UNBOUNDED);
        lp.setCost(
            xColumn[t][j],
            b2.multiply(BigInteger.valueOf(pin))
                .add(b3.multiply(value[e]))
                .add(BigInteger.valueOf(rank[e])));
      }
      lp.setBounds(uBase + t, 0, LinearProgram.UNBOUNDED);
      lp.setCost(uBase + t, b1.multiply(weight[t]));
    }
    // Each multi-shape class splits its members over its shapes.
    int y = 0;
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      if (c.shapes.size() > 1) {
        int[] cols = new int[c.shapes.size()];
        long[] ones = new long[cols.length];
        for (int s = 0; s < cols.length; s++) {
          cols[s] = y + s;
          ones[s] = 1;
        }
        lp.addRow(cols, ones, LinearProgram.Relation.EQ, c.size());
        y += cols.length;
      }
    }
    // Each slot type: allocated + short − demand of chosen shapes = fixed demand.
    for (int t = 0; t < types.length; t++) {
      Map<Integer, Long> coefficients = new java.util.TreeMap<>();
      for (int col : xColumn[t]) {
        coefficients.put(col, 1L);
      }
      coefficients.put(uBase + t, 1L);
      for (int i = 0; i < yCount; i++) {
        Shape shape = pool.classes.get(yIndex.get(i)[0]).shapes.get(yIndex.get(i)[1]);
        long units = 0;
        for (int s = 0; s < shape.types().length; s++) {
          if (shape.types()[s] == types[t]) {
            units = Math.addExact(units, shape.units()[s]);
          }
        }
        if (units != 0) {
          coefficients.merge(i, -units, Long::sum);
        }
      }
      lp.addRow(
          coefficients.keySet().stream().mapToInt(Integer::intValue).toArray(),
          coefficients.values().stream().mapToLong(Long::longValue).toArray(),
          LinearProgram.Relation.EQ,
          fixedDemand[t]);
    }
    // Each entitlement with a finite quantity.
    for (int e = 0; e < entitlements.length; e++) {
      if (capacity[e] < 0) {
        continue;
      }
      List<Integer> cols = new ArrayList<>();
      for (int t = 0; t < types.length; t++) {
        SlotType type = problem.types.get(types[t]);
        for (int j = 0; j < type.entitlements.length; j++) {
          if (localEntitlement.get(type.entitlements[j]) == e) {
            cols.add(xColumn[t][j]);
          }
        }
      }
      long[] ones = new long[cols.size()];
      Arrays.fill(ones, 1);
      lp.addRow(
          cols.stream().mapToInt(Integer::intValue).toArray(),
          ones,
          LinearProgram.Relation.LE,
          capacity[e]);
    }

    int[] integerColumns = new int[columns];
    for (int i = 0; i < columns; i++) {
      integerColumns[i] = i;
    }
    BranchAndBound search = new BranchAndBound(lp, integerColumns).setNodeBudget(nodeBudget);
    Solution start = heuristicStart();
    if (start != null) {
      search.setIncumbent(values(start, yIndex, xColumn, uBase, columns));
    }
    BranchAndBound.Result result = search.solve();
    if (!result.hasIncumbent()) {
      throw new IllegalStateException(
          "pool without a feasible allocation (" + result.status() + "); this is a bug");
    }
    long[][] counts = new long[pool.classes.size()][];
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      counts[ci] = new long[c.shapes.size()];
      if (c.shapes.size() == 1) {
        counts[ci][0] = c.size();
      }
    }
    for (int i = 0; i < yCount; i++) {
      counts[yIndex.get(i)[0]][yIndex.get(i)[1]] = integral(result.value(i));
    }
    Map<Integer, long[]> allocated = new HashMap<>();
    Map<Integer, Long> shortfall = new HashMap<>();
    for (int t = 0; t < types.length; t++) {
      long[] units = new long[xColumn[t].length];
      for (int j = 0; j < units.length; j++) {
        units[j] = integral(result.value(xColumn[t][j]));
      }
      allocated.put(types[t], units);
      shortfall.put(types[t], integral(result.value(uBase + t)));
    }
    BigDecimal objective = objective(shortfall);
    boolean exact = result.status() == BranchAndBound.Status.OPTIMAL;
    BigDecimal bound = objective;
    if (!exact) {
      Rational lower = result.lowerBound().orElse(Rational.ZERO);
      BigInteger tier1 = lower.floor().divide(b1);
      bound = new BigDecimal(tier1.max(BigInteger.ZERO)).multiply(weightUnit).min(objective);
    }
    return new Solution(
        counts,
        allocated,
        shortfall,
        exact
            ? "exact integer programme (branch and bound, " + result.nodes() + " nodes)"
            : "best found within the node budget of " + nodeBudget + " (branch and bound)",
        exact,
        objective,
        bound,
        priced);
  }

  /** The flow solution with each multi-shape class on its cheapest shape, or null on overflow. */
  private @Nullable Solution heuristicStart() {
    int[] fixed = new int[pool.classes.size()];
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      BigInteger best = null;
      for (int s = 0; s < c.shapes.size(); s++) {
        BigInteger cost = BigInteger.ZERO;
        Shape shape = c.shapes.get(s);
        for (int i = 0; i < shape.types().length; i++) {
          cost =
              cost.add(
                  weight[localType.get(shape.types()[i])].multiply(
                      BigInteger.valueOf(shape.units()[i])));
        }
        if (best == null || cost.compareTo(best) < 0) {
          best = cost;
          fixed[ci] = s;
        }
      }
    }
    try {
      return solveByFlow(fixed);
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  private Rational[] values(
      Solution start, List<int[]> yIndex, int[][] xColumn, int uBase, int columns) {
    Rational[] values = new Rational[columns];
    for (int i = 0; i < yIndex.size(); i++) {
      values[i] = Rational.of(start.shapeCounts()[yIndex.get(i)[0]][yIndex.get(i)[1]]);
    }
    for (int t = 0; t < types.length; t++) {
      long[] units = start.allocated().get(types[t]);
      for (int j = 0; j < units.length; j++) {
        values[xColumn[t][j]] = Rational.of(units[j]);
      }
      values[uBase + t] = Rational.of(start.shortfall().get(types[t]));
    }
    return values;
  }

  private static long integral(Rational value) {
    if (!value.isInteger()) {
      throw new IllegalStateException("fractional allocation " + value + "; this is a bug");
    }
    return value.numerator().longValueExact();
  }

  private BigDecimal objective(Map<Integer, Long> shortfall) {
    BigDecimal total = BigDecimal.ZERO;
    for (int t = 0; t < types.length; t++) {
      long units = shortfall.get(types[t]);
      if (units == 0) {
        continue;
      }
      LicenseModel model = problem.types.get(types[t]).model;
      BigDecimal price = priced ? prices.remedyPrice(model) : BigDecimal.ONE;
      total = total.add(price.multiply(BigDecimal.valueOf(units)));
    }
    return total;
  }

  /**
   * Decimal amounts as exact integers on a common scale, divided by their greatest common divisor
   * so that costs stay small; absent amounts are zero.
   */
  private static final class Scaled {
    final BigInteger[] integers;

    /** The amount one integer step stands for. */
    final BigDecimal unit;

    private Scaled(BigInteger[] integers, BigDecimal unit) {
      this.integers = integers;
      this.unit = unit;
    }

    static Scaled of(List<BigDecimal> amounts) {
      int scale = 0;
      for (BigDecimal a : amounts) {
        if (a != null) {
          scale = Math.max(scale, a.stripTrailingZeros().scale());
        }
      }
      BigInteger[] integers = new BigInteger[amounts.size()];
      BigInteger gcd = BigInteger.ZERO;
      for (int i = 0; i < integers.length; i++) {
        BigDecimal a = amounts.get(i);
        integers[i] = a == null ? BigInteger.ZERO : a.setScale(scale).unscaledValue();
        gcd = gcd.gcd(integers[i]);
      }
      if (gcd.signum() == 0) {
        gcd = BigInteger.ONE;
      }
      for (int i = 0; i < integers.length; i++) {
        integers[i] = integers[i].divide(gcd);
      }
      return new Scaled(integers, new BigDecimal(gcd, scale));
    }
  }
}
