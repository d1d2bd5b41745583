package io.itam.compliance.internal.allocation;

import io.itam.compliance.internal.demand.DemandClass;
import io.itam.compliance.internal.demand.Shape;
import io.itam.compliance.internal.eligibility.SlotTypes;
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

  // Whole packs (design §Reconciliation 4.1): models sold in packs of more than one unit whose
  // shortfall this pool's choices can change; their units short elsewhere are an offset.
  private final int[] packModel; // dense model index per packed model
  private final long[] packSize;
  private final long[] packOffset;
  private final int[][] packTypes; // local types of each packed model
  private final BigInteger[] packWeight; // the cost of one pack, on the weight scale

  private final long[][] forced; // per class: counts chosen up front, or null

  private PoolSolver(
      AllocationProblem problem,
      Pool pool,
      Prices prices,
      long nodeBudget,
      @Nullable Map<Integer, Long> packOffsets) {
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
      BigDecimal price = prices.remedyPrice(problem.types.get(t).licenseModel);
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
    Map<Integer, List<Integer>> typesOfPacked = new java.util.TreeMap<>();
    if (priced && packOffsets != null) {
      for (int t = 0; t < types.length; t++) {
        SlotTypes.SlotType type = problem.types.get(types[t]);
        if (type.licenseModel.metric().packSize() > 1) {
          typesOfPacked.computeIfAbsent(type.model, k -> new ArrayList<>()).add(t);
        }
      }
    }
    int packed = typesOfPacked.size();
    packModel = new int[packed];
    packSize = new long[packed];
    packOffset = new long[packed];
    packTypes = new int[packed][];
    packWeight = new BigInteger[packed];
    int k = 0;
    for (Map.Entry<Integer, List<Integer>> entry : typesOfPacked.entrySet()) {
      packModel[k] = entry.getKey();
      packSize[k] = problem.index.model(entry.getKey()).metric().packSize();
      packOffset[k] = packOffsets == null ? 0 : packOffsets.getOrDefault(entry.getKey(), 0L);
      packTypes[k] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
      packWeight[k] = weight[packTypes[k][0]].multiply(BigInteger.valueOf(packSize[k]));
      k++;
    }
    forced = packModel.length == 0 ? presolve() : new long[pool.classes.size()][];
    // Demand of the classes with a single shape, or a choice made up front, is fixed.
    fixedDemand = new long[types.length];
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      if (chooses(ci)) {
        continue;
      }
      DemandClass c = pool.classes.get(ci);
      long[] counts = fixedCounts(ci);
      for (int n = 0; n < counts.length; n++) {
        Shape shape = c.shapes().get(n);
        for (int s = 0; s < shape.types().length; s++) {
          int t = localType.get(shape.types()[s]);
          fixedDemand[t] =
              Math.addExact(fixedDemand[t], Math.multiplyExact(counts[n], shape.units()[s]));
        }
      }
    }
  }

  /**
   * Choices that need no search: a class whose every shape draws only on slot types no entitlement
   * can serve leaves all its units short whatever it chooses, so its members take the shape whose
   * shortfall costs least (the first of those on a tie), and nothing else in the pool depends on
   * it. Only without packs: there the shortfall of every class adds up before rounding.
   */
  private long[][] presolve() {
    boolean[] served = new boolean[types.length];
    for (int t = 0; t < types.length; t++) {
      for (int e : problem.types.get(types[t]).entitlements) {
        long cap = capacity[localEntitlement.get(e)];
        served[t] |= cap != 0;
      }
    }
    long[][] forced = new long[pool.classes.size()][];
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      if (c.shapes().size() < 2) {
        continue;
      }
      boolean alone = true;
      int best = -1;
      BigInteger bestCost = null;
      for (int s = 0; s < c.shapes().size() && alone; s++) {
        Shape shape = c.shapes().get(s);
        BigInteger cost = BigInteger.ZERO;
        for (int i = 0; i < shape.types().length; i++) {
          int t = localType.get(shape.types()[i]);
          alone &= !served[t];
          cost = cost.add(weight[t].multiply(BigInteger.valueOf(shape.units()[i])));
        }
        if (bestCost == null || cost.compareTo(bestCost) < 0) {
          bestCost = cost;
          best = s;
        }
      }
      if (alone) {
        forced[ci] = new long[c.shapes().size()];
        forced[ci][best] = c.size();
      }
    }
    return forced;
  }

  /** Whether class {@code ci} is left to choose among its shapes. */
  private boolean chooses(int ci) {
    return pool.classes.get(ci).shapes().size() > 1 && forced[ci] == null;
  }

  /** How many members of a class that does not choose take each of its shapes. */
  private long[] fixedCounts(int ci) {
    if (forced[ci] != null) {
      return forced[ci];
    }
    return new long[] {pool.classes.get(ci).size()};
  }

  /**
   * Whether {@code pool}'s choices can change the shortfall of a model sold in packs of more than
   * one unit: its shortfall is priced, some class chooses between shapes, and a model of the pool
   * has a pack size above one.
   */
  static boolean choosesInPacks(AllocationProblem problem, Pool pool, Prices prices) {
    boolean packed = false;
    for (int t : pool.types) {
      io.itam.model.terms.LicenseModel model = problem.types.get(t).licenseModel;
      BigDecimal price = prices.remedyPrice(model);
      if (price == null || price.signum() <= 0) {
        return false;
      }
      packed |= model.metric().packSize() > 1;
    }
    boolean choice = false;
    for (DemandClass c : pool.classes) {
      choice |= c.shapes().size() > 1;
    }
    return packed && choice;
  }

  /** Solves {@code pool} of {@code problem}. */
  static Solution solve(AllocationProblem problem, Pool pool, Prices prices, long nodeBudget) {
    return new PoolSolver(problem, pool, prices, nodeBudget, null).solve();
  }

  /**
   * Solves {@code pool}, whose choices can change the shortfall of models sold in packs, pricing
   * the shortfall in whole packs: {@code offsets} gives, per model (dense index), the units short
   * outside the pool, which its packs must also cover.
   */
  static Solution solveInPacks(
      AllocationProblem problem,
      Pool pool,
      Prices prices,
      long nodeBudget,
      Map<Integer, Long> offsets) {
    PoolSolver solver = new PoolSolver(problem, pool, prices, nodeBudget, offsets);
    Solution linear = solver.solve();
    if (solver.packModel.length == 0
        || (linear.exact()
            && solver.packCost(linear.shortfall()).equals(solver.packBound(linear)))) {
      // No unit of any pack left empty: the least shortfall at unit prices is the least in packs.
      return linear;
    }
    return solver.solveByIntegerProgramme();
  }

  private Solution solve() {
    boolean network = true;
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      if (chooses(ci)) {
        for (Shape shape : pool.classes.get(ci).shapes()) {
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
   * Solves the pool as a min-cost flow with the full lexicographic costs. With {@code counts}, the
   * split of every class over its shapes is fixed (the transportation problem left once the integer
   * programme has chosen the shapes); without, the multi-shape classes must choose among
   * single-unit shapes, which the flow does itself.
   */
  private Solution solveByFlow(long @Nullable [][] counts) {
    List<Integer> free = new ArrayList<>();
    long[] demand = fixedDemand.clone();
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      if (!chooses(ci)) {
        continue;
      }
      if (counts == null) {
        free.add(ci);
        continue;
      }
      for (int s = 0; s < c.shapes().size(); s++) {
        Shape shape = c.shapes().get(s);
        for (int i = 0; i < shape.types().length; i++) {
          int t = localType.get(shape.types()[i]);
          demand[t] = Math.addExact(demand[t], Math.multiplyExact(counts[ci][s], shape.units()[i]));
        }
      }
    }
    int entBase = types.length;
    int classBase = entBase + entitlements.length;
    int sink = classBase + free.size();
    MinCostFlow flow = new MinCostFlow(sink + 1, TIERS);
    long total = 0;
    int[][] allocArcs = new int[types.length][];
    int[] shortArcs = new int[types.length];
    for (int t = 0; t < types.length; t++) {
      SlotTypes.SlotType type = problem.types.get(types[t]);
      flow.setSupply(t, demand[t]);
      total = Math.addExact(total, demand[t]);
      allocArcs[t] = new int[type.entitlements.length];
      for (int j = 0; j < type.entitlements.length; j++) {
        int e = localEntitlement.get(type.entitlements[j]);
        allocArcs[t][j] =
            flow.addArc(
                t,
                entBase + e,
                MinCostFlow.INFINITE,
                0,
                pinCost(type, j),
                value[e].longValueExact(),
                rank[e]);
      }
      shortArcs[t] =
          flow.addArc(t, sink, MinCostFlow.INFINITE, weight[t].longValueExact(), 0, 0, 0);
    }
    for (int e = 0; e < entitlements.length; e++) {
      flow.addArc(
          entBase + e, sink, capacity[e] < 0 ? MinCostFlow.INFINITE : capacity[e], 0, 0, 0, 0);
    }
    List<int[]> classArcs = new ArrayList<>();
    for (int k = 0; k < free.size(); k++) {
      DemandClass c = pool.classes.get(free.get(k));
      flow.setSupply(classBase + k, c.size());
      total = Math.addExact(total, c.size());
      int[] arcs = new int[c.shapes().size()];
      for (int s = 0; s < arcs.length; s++) {
        int t = localType.get(c.shapes().get(s).types()[0]);
        arcs[s] = flow.addArc(classBase + k, t, MinCostFlow.INFINITE, 0, 0, 0, 0);
      }
      classArcs.add(arcs);
    }
    flow.setSupply(sink, -total);
    flow.solve();

    long[][] split = new long[pool.classes.size()][];
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      split[ci] = new long[c.shapes().size()];
      if (!chooses(ci)) {
        long[] fixedCounts = fixedCounts(ci);
        System.arraycopy(fixedCounts, 0, split[ci], 0, fixedCounts.length);
      } else if (counts != null) {
        split[ci] = counts[ci].clone();
      }
    }
    for (int k = 0; k < free.size(); k++) {
      int[] arcs = classArcs.get(k);
      for (int s = 0; s < arcs.length; s++) {
        split[free.get(k)][s] = flow.flow(arcs[s]);
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
        split, allocated, shortfall, "exact min-cost flow", true, objective, objective, priced);
  }

  // ---- first fit (baseline) -------------------------------------------------------------------

  /** Solves {@code pool} the way a greedy engine does: see {@code AllocationStrategy.FIRST_FIT}. */
  static Solution solveFirstFit(AllocationProblem problem, Pool pool, Prices prices) {
    return new PoolSolver(problem, pool, prices, 1, null).firstFit();
  }

  private Solution firstFit() {
    long[] remaining = capacity.clone();
    Map<Integer, long[]> allocated = new HashMap<>();
    Map<Integer, Long> shortfall = new HashMap<>();
    for (int t : types) {
      allocated.put(t, new long[problem.types.get(t).entitlements.length]);
      shortfall.put(t, 0L);
    }
    long[][] split = new long[pool.classes.size()][];
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      split[ci] = new long[c.shapes().size()];
      long left = c.size();
      for (int s = 0; s < c.shapes().size() && left > 0; s++) {
        Shape shape = c.shapes().get(s);
        long fits = left;
        for (int i = 0; i < shape.types().length; i++) {
          long available = available(shape.types()[i], remaining);
          long units = unitsOf(shape, shape.types()[i]);
          fits = Math.min(fits, units == 0 ? left : available / units);
        }
        if (fits > 0) {
          take(shape, fits, remaining, allocated, shortfall);
          split[ci][s] += fits;
          left -= fits;
        }
      }
      if (left > 0) {
        take(c.shapes().get(0), left, remaining, allocated, shortfall);
        split[ci][0] += left;
      }
    }
    BigDecimal objective = objective(shortfall);
    return new Solution(
        split,
        allocated,
        shortfall,
        "first fit (baseline)",
        false,
        objective,
        BigDecimal.ZERO,
        priced);
  }

  /** Units of slot type {@code t} that {@code shape} needs per member (a type may repeat). */
  private static long unitsOf(Shape shape, int t) {
    long units = 0;
    for (int i = 0; i < shape.types().length; i++) {
      if (shape.types()[i] == t) {
        units = Math.addExact(units, shape.units()[i]);
      }
    }
    return units;
  }

  /** Units the eligible entitlements of slot type {@code t} have left. */
  private long available(int t, long[] remaining) {
    long total = 0;
    for (int e : problem.types.get(t).entitlements) {
      long left = remaining[localEntitlement.get(e)];
      if (left < 0) {
        return Long.MAX_VALUE;
      }
      total = Math.addExact(total, left);
    }
    return total;
  }

  /** {@code members} members take {@code shape}: units in entitlement id order, the rest short. */
  private void take(
      Shape shape,
      long members,
      long[] remaining,
      Map<Integer, long[]> allocated,
      Map<Integer, Long> shortfall) {
    for (int i = 0; i < shape.types().length; i++) {
      int t = shape.types()[i];
      SlotTypes.SlotType type = problem.types.get(t);
      long need = Math.multiplyExact(members, shape.units()[i]);
      long[] units = allocated.get(t);
      for (int j = 0; j < type.entitlements.length && need > 0; j++) {
        int e = localEntitlement.get(type.entitlements[j]);
        long take = remaining[e] < 0 ? need : Math.min(need, remaining[e]);
        if (remaining[e] >= 0) {
          remaining[e] -= take;
        }
        units[j] += take;
        need -= take;
      }
      shortfall.merge(t, need, Long::sum);
    }
  }

  private static long pinCost(SlotTypes.SlotType type, int j) {
    return type.pinnedConsumer && !type.preferred[j] ? 1 : 0;
  }

  // ---- integer programme
  // -------------------------------------------------------------------------

  /**
   * The columns of the integer programme: shape counts y, allocations x, shortfalls u, packs k.
   * Entitlements that the tiers so far cannot tell apart (eligible for the same slot types at the
   * same costs) share one allocation column per slot type, their quantities added: a pool of
   * Windows Server hosts drawing on fifty purchase lines of one scope needs two columns, not a
   * hundred. The min-cost flow that finishes each tier takes the entitlements one by one.
   */
  private final class Columns {
    final List<int[]> y = new ArrayList<>(); // {class index, shape index}
    final int[][] x = new int[types.length][]; // column of (type, eligible position)
    final int[] groupOf = new int[entitlements.length]; // group of each local entitlement
    final List<Long> groupCapacity = new ArrayList<>(); // -1: unlimited
    final List<List<Integer>> groupColumns = new ArrayList<>();
    final int uBase;
    final int kBase;
    final int count;

    /** The columns for tiers {@code tiers[0..last]}. */
    Columns(List<Tier> tiers, int last) {
      for (int ci = 0; ci < pool.classes.size(); ci++) {
        DemandClass c = pool.classes.get(ci);
        if (chooses(ci)) {
          for (int s = 0; s < c.shapes().size(); s++) {
            y.add(new int[] {ci, s});
          }
        }
      }
      group(tiers, last);
      int column = y.size();
      Map<Long, Integer> columnOf = new HashMap<>();
      for (int t = 0; t < types.length; t++) {
        x[t] = new int[problem.types.get(types[t]).entitlements.length];
        for (int j = 0; j < x[t].length; j++) {
          int g = groupOf[localEntitlement.get(problem.types.get(types[t]).entitlements[j])];
          Integer known = columnOf.get((long) t << 32 | g);
          if (known == null) {
            known = column++;
            columnOf.put((long) t << 32 | g, known);
            groupColumns.get(g).add(known);
          }
          x[t][j] = known;
        }
      }
      uBase = column;
      kBase = uBase + types.length;
      count = kBase + packModel.length;
    }

    /** Groups the entitlements by the slot types they serve and their costs in the tiers. */
    private void group(List<Tier> tiers, int last) {
      List<List<BigInteger>> keys = new ArrayList<>();
      for (int e = 0; e < entitlements.length; e++) {
        keys.add(new ArrayList<>());
      }
      for (int t = 0; t < types.length; t++) {
        SlotTypes.SlotType type = problem.types.get(types[t]);
        for (int j = 0; j < type.entitlements.length; j++) {
          List<BigInteger> key = keys.get(localEntitlement.get(type.entitlements[j]));
          key.add(BigInteger.valueOf(t));
          for (int i = 0; i <= last; i++) {
            key.add(tiers.get(i).xCost()[t][j]);
          }
        }
      }
      Map<List<BigInteger>, Integer> ids = new HashMap<>();
      for (int e = 0; e < entitlements.length; e++) {
        Integer g = ids.get(keys.get(e));
        if (g == null) {
          g = ids.size();
          ids.put(keys.get(e), g);
          groupCapacity.add(0L);
          groupColumns.add(new ArrayList<>());
        }
        groupOf[e] = g;
        long cap = groupCapacity.get(g);
        groupCapacity.set(g, cap < 0 || capacity[e] < 0 ? -1 : Math.addExact(cap, capacity[e]));
      }
    }

    /** The column values of a solution. */
    Rational[] values(Solution solution) {
      long[] sums = new long[count];
      Rational[] values = new Rational[count];
      for (int i = 0; i < y.size(); i++) {
        sums[i] = solution.shapeCounts()[y.get(i)[0]][y.get(i)[1]];
      }
      for (int t = 0; t < types.length; t++) {
        long[] units = solution.allocated().get(types[t]);
        for (int j = 0; j < units.length; j++) {
          sums[x[t][j]] = Math.addExact(sums[x[t][j]], units[j]);
        }
        sums[uBase + t] = solution.shortfall().get(types[t]);
      }
      for (int k = 0; k < packModel.length; k++) {
        sums[kBase + k] = packs(k, solution.shortfall());
      }
      for (int i = 0; i < count; i++) {
        values[i] = Rational.of(sums[i]);
      }
      return values;
    }

    /** Each distinct x column of type {@code t} once, with the cost of tier {@code tier}. */
    Map<Integer, BigInteger> xCosts(int t, Tier tier) {
      Map<Integer, BigInteger> costs = new java.util.TreeMap<>();
      for (int j = 0; j < x[t].length; j++) {
        costs.putIfAbsent(x[t][j], tier.xCost()[t][j]);
      }
      return costs;
    }

    /** The shape counts of column values. */
    long[][] counts(Rational[] values) {
      long[][] counts = new long[pool.classes.size()][];
      for (int ci = 0; ci < pool.classes.size(); ci++) {
        DemandClass c = pool.classes.get(ci);
        counts[ci] = new long[c.shapes().size()];
        if (!chooses(ci)) {
          long[] fixedCounts = fixedCounts(ci);
          System.arraycopy(fixedCounts, 0, counts[ci], 0, fixedCounts.length);
        }
      }
      for (int i = 0; i < y.size(); i++) {
        counts[y.get(i)[0]][y.get(i)[1]] = integral(values[i]);
      }
      return counts;
    }
  }

  /** One objective tier of the staged search: its costs, and the bound of the tiers before it. */
  private record Tier(String name, BigInteger[] uCost, BigInteger[][] xCost, BigInteger[] kCost) {
    Tier(String name, BigInteger[] uCost, BigInteger[][] xCost) {
      this(name, uCost, xCost, null);
    }
  }

  /**
   * Solves a pool whose classes choose among multi-slot shapes: an exact integer programme, one
   * objective tier at a time. Each tier minimises its own cost subject to the optimal values of the
   * tiers before it (shortfall; pinned entitlements first; value consumed), by branch and bound on
   * an exact rational simplex, starting from the best of two heuristic allocations (each class on
   * its cheapest shape; the root relaxation rounded). The chosen shapes then go to a min-cost flow
   * with the full lexicographic costs, which also applies the tie-break.
   */
  private Solution solveByIntegerProgramme() {
    List<Tier> tiers = new ArrayList<>();
    BigInteger[] shortCost = weight.clone();
    BigInteger[][] none = new BigInteger[types.length][];
    BigInteger[][] pins = new BigInteger[types.length][];
    BigInteger[][] values = new BigInteger[types.length][];
    boolean anyPin = false;
    boolean anyValue = false;
    BigInteger[] zeroU = new BigInteger[types.length];
    java.util.Arrays.fill(zeroU, BigInteger.ZERO);
    for (int t = 0; t < types.length; t++) {
      SlotTypes.SlotType type = problem.types.get(types[t]);
      none[t] = new BigInteger[type.entitlements.length];
      pins[t] = new BigInteger[type.entitlements.length];
      values[t] = new BigInteger[type.entitlements.length];
      for (int j = 0; j < type.entitlements.length; j++) {
        int e = localEntitlement.get(type.entitlements[j]);
        none[t][j] = BigInteger.ZERO;
        pins[t][j] = BigInteger.valueOf(pinCost(type, j));
        values[t][j] = value[e];
        anyPin |= pinCost(type, j) != 0;
        anyValue |= value[e].signum() != 0;
      }
    }
    if (packModel.length > 0) {
      // Tier 1: packed models by the pack, the others by the unit.
      BigInteger[] unpacked = weight.clone();
      for (int[] packed : packTypes) {
        for (int t : packed) {
          unpacked[t] = BigInteger.ZERO;
        }
      }
      tiers.add(new Tier("shortfall in whole packs", unpacked, none, packWeight));
    }
    tiers.add(new Tier("shortfall", shortCost, none));
    if (anyPin) {
      tiers.add(new Tier("pinned entitlements first", zeroU, pins));
    }
    if (anyValue) {
      tiers.add(new Tier("value consumed", zeroU, values));
    }

    Solution best = heuristicStart(new Columns(tiers, 0), tiers.get(0));
    List<Tier> fixed = new ArrayList<>();
    List<Rational> optima = new ArrayList<>();
    boolean exact = true;
    long nodes = 0;
    BigDecimal bound = null;
    for (int k = 0; k < tiers.size(); k++) {
      Tier tier = tiers.get(k);
      Columns columns = new Columns(tiers, k);
      LinearProgram lp = program(columns, tier, fixed, optima);
      BranchAndBound search =
          new BranchAndBound(lp, allColumns(columns))
              .setNodeBudget(nodeBudget)
              .setIntegralObjective(true)
              .setIncumbent(columns.values(best));
      BranchAndBound.Result result = search.solve();
      nodes += result.nodes();
      Rational[] found = result.values();
      best = solveByFlow(columns.counts(found));
      if (result.status() != BranchAndBound.Status.OPTIMAL) {
        exact = false;
        if (tier == tiers.get(0)) {
          Rational lower = result.lowerBound().orElse(Rational.ZERO);
          bound =
              new BigDecimal(lower.ceil().max(BigInteger.ZERO))
                  .multiply(weightUnit)
                  .min(reported(best));
        }
        break;
      }
      fixed.add(tier);
      optima.add(tierCost(tier, columns, columns.values(best)));
    }
    String method =
        exact
            ? "exact integer programme (branch and bound by tier, " + nodes + " nodes)"
            : "best found within the node budget of " + nodeBudget + " per tier (branch and bound)";
    BigDecimal objective = reported(best);
    return new Solution(
        best.shapeCounts(),
        best.allocated(),
        best.shortfall(),
        method,
        exact,
        objective,
        exact ? objective : (bound == null ? objective : bound),
        priced);
  }

  /** The first tier's cost of {@code solution}: in whole packs when the pool has packed models. */
  private BigDecimal reported(Solution solution) {
    return packModel.length == 0
        ? solution.objective()
        : new BigDecimal(packCost(solution.shortfall())).multiply(weightUnit);
  }

  private static int[] allColumns(Columns columns) {
    int[] all = new int[columns.count];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /** The cost of {@code values} under {@code tier}. */
  private Rational tierCost(Tier tier, Columns columns, Rational[] values) {
    Rational total = Rational.ZERO;
    for (int t = 0; t < types.length; t++) {
      total = total.add(values[columns.uBase + t].multiply(Rational.of(tier.uCost()[t])));
      for (Map.Entry<Integer, BigInteger> x : columns.xCosts(t, tier).entrySet()) {
        total = total.add(values[x.getKey()].multiply(Rational.of(x.getValue())));
      }
    }
    for (int k = 0; tier.kCost() != null && k < packModel.length; k++) {
      total = total.add(values[columns.kBase + k].multiply(Rational.of(tier.kCost()[k])));
    }
    return total;
  }

  /** The linear programme of {@code tier}, with the earlier tiers held at their optima. */
  private LinearProgram program(
      Columns columns, Tier tier, List<Tier> fixed, List<Rational> optima) {
    LinearProgram lp = new LinearProgram(columns.count);
    for (int i = 0; i < columns.y.size(); i++) {
      lp.setBounds(i, 0, pool.classes.get(columns.y.get(i)[0]).size());
    }
    for (int t = 0; t < types.length; t++) {
      for (Map.Entry<Integer, BigInteger> x : columns.xCosts(t, tier).entrySet()) {
        lp.setBounds(x.getKey(), 0, LinearProgram.UNBOUNDED);
        lp.setCost(x.getKey(), x.getValue());
      }
      lp.setBounds(columns.uBase + t, 0, LinearProgram.UNBOUNDED);
      lp.setCost(columns.uBase + t, tier.uCost()[t]);
    }
    // Each packed model: its short units here and elsewhere fit in its packs.
    for (int k = 0; k < packModel.length; k++) {
      lp.setBounds(columns.kBase + k, 0, LinearProgram.UNBOUNDED);
      lp.setCost(columns.kBase + k, tier.kCost() == null ? BigInteger.ZERO : tier.kCost()[k]);
      int[] cols = new int[packTypes[k].length + 1];
      long[] coefficients = new long[cols.length];
      for (int i = 0; i < packTypes[k].length; i++) {
        cols[i] = columns.uBase + packTypes[k][i];
        coefficients[i] = 1;
      }
      cols[cols.length - 1] = columns.kBase + k;
      coefficients[cols.length - 1] = -packSize[k];
      lp.addRow(cols, coefficients, LinearProgram.Relation.LE, -packOffset[k]);
    }
    // Each multi-shape class splits its members over its shapes.
    int y = 0;
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      if (chooses(ci)) {
        int[] cols = new int[c.shapes().size()];
        long[] ones = new long[cols.length];
        for (int s = 0; s < cols.length; s++) {
          cols[s] = y + s;
          ones[s] = 1;
        }
        lp.addRow(cols, ones, LinearProgram.Relation.EQ, c.size());
        y += cols.length;
      }
    }
    // Each slot type: allocated + short − demand of the chosen shapes = fixed demand.
    for (int t = 0; t < types.length; t++) {
      Map<Integer, Long> coefficients = new java.util.TreeMap<>();
      for (int col : columns.x[t]) {
        coefficients.put(col, 1L);
      }
      coefficients.put(columns.uBase + t, 1L);
      for (int i = 0; i < columns.y.size(); i++) {
        Shape shape = pool.classes.get(columns.y.get(i)[0]).shapes().get(columns.y.get(i)[1]);
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
    // Each group of entitlements with a finite quantity.
    for (int g = 0; g < columns.groupColumns.size(); g++) {
      long cap = columns.groupCapacity.get(g);
      List<Integer> cols = columns.groupColumns.get(g);
      if (cap < 0 || cols.isEmpty()) {
        continue;
      }
      long[] ones = new long[cols.size()];
      java.util.Arrays.fill(ones, 1);
      lp.addRow(
          cols.stream().mapToInt(Integer::intValue).toArray(),
          ones,
          LinearProgram.Relation.LE,
          cap);
    }
    // The earlier tiers stay at their optima.
    for (int k = 0; k < fixed.size(); k++) {
      Tier earlier = fixed.get(k);
      List<Integer> cols = new ArrayList<>();
      List<Rational> coefficients = new ArrayList<>();
      for (int t = 0; t < types.length; t++) {
        if (earlier.uCost()[t].signum() != 0) {
          cols.add(columns.uBase + t);
          coefficients.add(Rational.of(earlier.uCost()[t]));
        }
        for (Map.Entry<Integer, BigInteger> x : columns.xCosts(t, earlier).entrySet()) {
          if (x.getValue().signum() != 0) {
            cols.add(x.getKey());
            coefficients.add(Rational.of(x.getValue()));
          }
        }
      }
      for (int p = 0; earlier.kCost() != null && p < packModel.length; p++) {
        if (earlier.kCost()[p].signum() != 0) {
          cols.add(columns.kBase + p);
          coefficients.add(Rational.of(earlier.kCost()[p]));
        }
      }
      if (!cols.isEmpty()) {
        lp.addRow(
            cols.stream().mapToInt(Integer::intValue).toArray(),
            coefficients.toArray(new Rational[0]),
            LinearProgram.Relation.LE,
            optima.get(k));
      }
    }
    return lp;
  }

  /**
   * The better of two allocations: every multi-shape class on its cheapest shape, and the root
   * relaxation of the shortfall tier rounded (each class's members over its shapes by largest
   * remainder); each finished by the flow.
   */
  private Solution heuristicStart(Columns columns, Tier first) {
    long[][] cheapest = new long[pool.classes.size()][];
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      cheapest[ci] = new long[c.shapes().size()];
      if (!chooses(ci)) {
        long[] fixedCounts = fixedCounts(ci);
        System.arraycopy(fixedCounts, 0, cheapest[ci], 0, fixedCounts.length);
        continue;
      }
      BigInteger best = null;
      int choice = 0;
      for (int s = 0; s < c.shapes().size(); s++) {
        BigInteger cost = BigInteger.ZERO;
        Shape shape = c.shapes().get(s);
        for (int i = 0; i < shape.types().length; i++) {
          cost =
              cost.add(
                  weight[localType.get(shape.types()[i])].multiply(
                      BigInteger.valueOf(shape.units()[i])));
        }
        if (best == null || cost.compareTo(best) < 0) {
          best = cost;
          choice = s;
        }
      }
      cheapest[ci][choice] = c.size();
    }
    Solution start = solveByFlow(cheapest);
    LinearProgram.Solution root = program(columns, first, List.of(), List.of()).solve();
    if (root.isOptimal()) {
      long[][] rounded = new long[pool.classes.size()][];
      for (int ci = 0; ci < pool.classes.size(); ci++) {
        rounded[ci] = new long[pool.classes.get(ci).shapes().size()];
        if (!chooses(ci)) {
          long[] fixedCounts = fixedCounts(ci);
          System.arraycopy(fixedCounts, 0, rounded[ci], 0, fixedCounts.length);
        }
      }
      Map<Integer, List<Integer>> byClass = new java.util.TreeMap<>();
      for (int i = 0; i < columns.y.size(); i++) {
        byClass.computeIfAbsent(columns.y.get(i)[0], k -> new ArrayList<>()).add(i);
      }
      byClass.forEach(
          (ci, cols) -> {
            long left = pool.classes.get(ci).size();
            for (int i : cols) {
              long down = root.value(i).floor().longValueExact();
              rounded[ci][columns.y.get(i)[1]] = down;
              left -= down;
            }
            List<Integer> byRemainder = new ArrayList<>(cols);
            byRemainder.sort(
                Comparator.comparing(
                        (Integer i) -> root.value(i).subtract(Rational.of(root.value(i).floor())))
                    .reversed()
                    .thenComparing(i -> i));
            for (int k = 0; left > 0; k = (k + 1) % byRemainder.size(), left--) {
              rounded[ci][columns.y.get(byRemainder.get(k))[1]]++;
            }
          });
      Solution fromRoot = solveByFlow(rounded);
      if (lexicographic(fromRoot).compareTo(lexicographic(start)) < 0) {
        start = fromRoot;
      }
    }
    return start;
  }

  /**
   * The full lexicographic cost of a solution as one exact number, for comparisons: shortfall in
   * packs, shortfall at unit prices, pinned entitlements first, value consumed, tie-break rank.
   */
  private Rational lexicographic(Solution solution) {
    long unitsBound = 1;
    for (long d : fixedDemand) {
      unitsBound = Math.addExact(unitsBound, d);
    }
    for (DemandClass c : pool.classes) {
      unitsBound = Math.addExact(unitsBound, Math.multiplyExact(c.size(), c.maxUnits()));
    }
    BigInteger u = BigInteger.valueOf(unitsBound);
    BigInteger maxValue = BigInteger.ONE;
    for (BigInteger v : value) {
      maxValue = maxValue.max(v);
    }
    BigInteger b3 =
        u.multiply(BigInteger.valueOf(Math.max(1, entitlements.length))).add(BigInteger.ONE);
    BigInteger b2 = b3.multiply(u.multiply(maxValue).add(BigInteger.ONE));
    BigInteger b1 = b2.multiply(u.add(BigInteger.ONE));
    BigInteger total = BigInteger.ZERO;
    if (packModel.length > 0) {
      BigInteger maxWeight = BigInteger.ONE;
      for (BigInteger w : weight) {
        maxWeight = maxWeight.max(w);
      }
      BigInteger b0 = b1.multiply(u.multiply(maxWeight).add(BigInteger.ONE));
      total = total.add(b0.multiply(packCost(solution.shortfall())));
    }
    for (int t = 0; t < types.length; t++) {
      SlotTypes.SlotType type = problem.types.get(types[t]);
      BigInteger shortUnits = BigInteger.valueOf(solution.shortfall().get(types[t]));
      total = total.add(shortUnits.multiply(b1.multiply(weight[t])));
      long[] units = solution.allocated().get(types[t]);
      for (int j = 0; j < units.length; j++) {
        int e = localEntitlement.get(type.entitlements[j]);
        BigInteger cost =
            b2.multiply(BigInteger.valueOf(pinCost(type, j)))
                .add(b3.multiply(value[e]))
                .add(BigInteger.valueOf(rank[e]));
        total = total.add(BigInteger.valueOf(units[j]).multiply(cost));
      }
    }
    return Rational.of(total);
  }

  private static long integral(Rational value) {
    if (!value.isInteger()) {
      throw new IllegalStateException("fractional allocation " + value + "; this is a bug");
    }
    return value.numerator().longValueExact();
  }

  /** Packs of packed model {@code k} that cover its offset and {@code shortfall}'s units. */
  private long packs(int k, Map<Integer, Long> shortfall) {
    long units = packOffset[k];
    for (int t : packTypes[k]) {
      units = Math.addExact(units, shortfall.get(types[t]));
    }
    return Math.addExact(units, packSize[k] - 1) / packSize[k];
  }

  /** The shortfall cost in whole packs (packed models with their offsets), on the weight scale. */
  private BigInteger packCost(Map<Integer, Long> shortfall) {
    boolean[] inPack = new boolean[types.length];
    BigInteger total = BigInteger.ZERO;
    for (int k = 0; k < packModel.length; k++) {
      total = total.add(packWeight[k].multiply(BigInteger.valueOf(packs(k, shortfall))));
      for (int t : packTypes[k]) {
        inPack[t] = true;
      }
    }
    for (int t = 0; t < types.length; t++) {
      if (!inPack[t]) {
        total = total.add(weight[t].multiply(BigInteger.valueOf(shortfall.get(types[t]))));
      }
    }
    return total;
  }

  /**
   * A lower bound of the cost in packs: the least shortfall at unit prices (which {@code linear},
   * an exact solution, reaches) plus the offsets at unit prices; no allocation can cost less.
   */
  private BigInteger packBound(Solution linear) {
    BigInteger total = BigInteger.ZERO;
    for (int t = 0; t < types.length; t++) {
      total = total.add(weight[t].multiply(BigInteger.valueOf(linear.shortfall().get(types[t]))));
    }
    for (int k = 0; k < packModel.length; k++) {
      total = total.add(weight[packTypes[k][0]].multiply(BigInteger.valueOf(packOffset[k])));
    }
    return total;
  }

  private BigDecimal objective(Map<Integer, Long> shortfall) {
    BigDecimal total = BigDecimal.ZERO;
    for (int t = 0; t < types.length; t++) {
      long units = shortfall.get(types[t]);
      if (units == 0) {
        continue;
      }
      LicenseModel model = problem.types.get(types[t]).licenseModel;
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
