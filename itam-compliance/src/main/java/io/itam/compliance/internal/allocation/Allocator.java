package io.itam.compliance.internal.allocation;

import io.itam.compliance.internal.Parallel;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.eligibility.SlotTypes;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.position.SolverNote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Step 4 of the reconciliation: the exact allocation of every licence pool. Pools are independent
 * and may be solved on several threads; the result does not depend on how many.
 */
public final class Allocator {
  private Allocator() {}

  /**
   * Allocates the entitlements of {@code demand}'s estate to its demand classes.
   *
   * @param nodeBudget branch-and-bound nodes per pool before a heuristic finishes the pool
   * @param firstFit allocate first fit (the greedy baseline) instead of exactly
   * @param executor runs pool solves; {@code null} to solve on the calling thread
   */
  public static Allocation allocate(
      Demand demand,
      Prices prices,
      long nodeBudget,
      boolean firstFit,
      @Nullable Executor executor) {
    AllocationProblem problem = AllocationProblem.of(demand);
    List<PoolSolver.Solution> solutions =
        firstFit
            ? Parallel.map(
                problem.pools, pool -> PoolSolver.solveFirstFit(problem, pool, prices), executor)
            : solveExactly(problem, prices, nodeBudget, executor);
    List<SolverNote> notes = new ArrayList<>();
    for (int p = 0; p < problem.pools.size(); p++) {
      Pool pool = problem.pools.get(p);
      PoolSolver.Solution solution = solutions.get(p);
      boolean truncated = pool.truncated();
      if (!firstFit && (!solution.exact() || truncated)) {
        BigDecimal bound = truncated ? BigDecimal.ZERO : solution.bound();
        notes.add(
            new SolverNote(
                poolName(pool, problem),
                truncated
                    ? "cover search truncated after "
                        + Demand.COVER_BUDGET
                        + " nodes; "
                        + solution.method()
                    : solution.method(),
                solution.objective(),
                bound,
                solution.objective().subtract(bound)));
      }
    }
    return new Allocation(demand, problem, solutions, notes, prices);
  }

  /**
   * Solves every pool exactly. The shortfall of a model sold in packs of more than one unit is
   * priced in whole packs over the whole estate (a 10-pack covers short units of several pools), so
   * pools whose choices can change such a model's shortfall are solved last, together where they
   * share one, knowing the units short elsewhere; the others first, on their own. Replaces {@code
   * problem}'s pools by the pools solved, in canonical order, and returns their solutions.
   */
  private static List<PoolSolver.Solution> solveExactly(
      AllocationProblem problem, Prices prices, long nodeBudget, @Nullable Executor executor) {
    List<Pool> alone = new ArrayList<>();
    List<Pool> inPacks = new ArrayList<>();
    for (Pool pool : problem.pools) {
      (PoolSolver.choosesInPacks(problem, pool, prices) ? inPacks : alone).add(pool);
    }
    List<PoolSolver.Solution> first =
        Parallel.map(alone, pool -> PoolSolver.solve(problem, pool, prices, nodeBudget), executor);
    if (inPacks.isEmpty()) {
      return first;
    }
    Map<Integer, Long> offsets = new HashMap<>();
    for (PoolSolver.Solution solution : first) {
      solution
          .shortfall()
          .forEach((t, units) -> offsets.merge(problem.types.get(t).model, units, Math::addExact));
    }
    List<Pool> merged = mergeByPackedModel(problem, inPacks);
    List<PoolSolver.Solution> last =
        Parallel.map(
            merged,
            pool -> PoolSolver.solveInPacks(problem, pool, prices, nodeBudget, offsets),
            executor);
    List<Pool> pools = new ArrayList<>(alone);
    pools.addAll(merged);
    List<PoolSolver.Solution> all = new ArrayList<>(first);
    all.addAll(last);
    Integer[] order = new Integer[pools.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> pools.get(i).order()));
    problem.pools.clear();
    List<PoolSolver.Solution> sorted = new ArrayList<>();
    for (int i : order) {
      problem.pools.add(pools.get(i));
      sorted.add(all.get(i));
    }
    return sorted;
  }

  /** The pools joined where they share a model sold in packs. */
  private static List<Pool> mergeByPackedModel(AllocationProblem problem, List<Pool> pools) {
    UnionFind joined = new UnionFind(pools.size());
    Map<Integer, Integer> poolOfModel = new HashMap<>();
    for (int p = 0; p < pools.size(); p++) {
      for (int t : pools.get(p).types) {
        SlotTypes.SlotType type = problem.types.get(t);
        if (type.licenseModel.metric().packSize() > 1) {
          Integer other = poolOfModel.putIfAbsent(type.model, p);
          if (other != null) {
            joined.union(other, p);
          }
        }
      }
    }
    Map<Integer, Pool> byRoot = new java.util.TreeMap<>();
    for (int p = 0; p < pools.size(); p++) {
      Pool pool = byRoot.computeIfAbsent(joined.find(p), k -> new Pool());
      Pool part = pools.get(p);
      pool.classes.addAll(part.classes);
      pool.types.addAll(part.types);
      pool.entitlements.addAll(part.entitlements);
    }
    return new ArrayList<>(byRoot.values());
  }

  private static String poolName(Pool pool, AllocationProblem problem) {
    TreeSet<String> models = new TreeSet<>();
    for (int t : pool.types) {
      models.add(problem.types.get(t).licenseModel.id());
    }
    return String.join(", ", models);
  }
}
