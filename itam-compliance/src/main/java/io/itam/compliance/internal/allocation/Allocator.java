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
   * priced in whole packs over the whole estate (a 10-pack covers short units of several pools).
   * Every pool is first solved at unit prices; where no packed model then has a pack part-empty,
   * that is also the least cost in packs. Otherwise the pools whose choices can change such a
   * model's shortfall (and, transitively, the other packed models they draw on) are solved again,
   * together, in whole packs, knowing the units short in every other pool. Replaces {@code
   * problem}'s pools by the pools solved, in canonical order, and returns their solutions.
   */
  private static List<PoolSolver.Solution> solveExactly(
      AllocationProblem problem, Prices prices, long nodeBudget, @Nullable Executor executor) {
    List<PoolSolver.Solution> linear =
        Parallel.map(
            problem.pools,
            pool -> {
              PoolSolver.Solution simple = OneTypePool.solve(problem, pool, prices);
              return simple != null ? simple : PoolSolver.solve(problem, pool, prices, nodeBudget);
            },
            executor);
    Map<Integer, Long> shortOf = new HashMap<>();
    for (PoolSolver.Solution solution : linear) {
      solution
          .shortfall()
          .forEach((t, units) -> shortOf.merge(problem.types.get(t).model, units, Math::addExact));
    }
    java.util.Set<Integer> partEmpty = new java.util.TreeSet<>();
    shortOf.forEach(
        (m, units) -> {
          long pack = problem.index.model(m).metric().packSize();
          if (pack > 1 && units % pack != 0) {
            partEmpty.add(m);
          }
        });
    List<Integer> again = packedClosure(problem, prices, partEmpty);
    if (again.isEmpty()) {
      return linear;
    }
    Map<Integer, Long> offsets = new HashMap<>(shortOf);
    for (int p : again) {
      linear
          .get(p)
          .shortfall()
          .forEach((t, units) -> offsets.merge(problem.types.get(t).model, -units, Math::addExact));
    }
    List<Pool> rejoined = new ArrayList<>();
    for (int p : again) {
      rejoined.add(problem.pools.get(p));
    }
    List<Pool> merged = mergeByPackedModel(problem, rejoined);
    List<PoolSolver.Solution> inPacks =
        Parallel.map(
            merged,
            pool -> PoolSolver.solveInPacks(problem, pool, prices, nodeBudget, offsets),
            executor);
    List<Pool> pools = new ArrayList<>();
    List<PoolSolver.Solution> all = new ArrayList<>();
    java.util.Set<Integer> replaced = new java.util.HashSet<>(again);
    for (int p = 0; p < problem.pools.size(); p++) {
      if (!replaced.contains(p)) {
        pools.add(problem.pools.get(p));
        all.add(linear.get(p));
      }
    }
    pools.addAll(merged);
    all.addAll(inPacks);
    return reorder(problem, pools, all);
  }

  /**
   * The pools (indexes) whose choices can change the shortfall of a model of {@code models}, and of
   * the packed models those pools draw on, until no more are added.
   */
  private static List<Integer> packedClosure(
      AllocationProblem problem, Prices prices, java.util.Set<Integer> models) {
    java.util.Set<Integer> closed = new java.util.TreeSet<>(models);
    java.util.Set<Integer> chosen = new java.util.TreeSet<>();
    boolean grew = !closed.isEmpty();
    while (grew) {
      grew = false;
      for (int p = 0; p < problem.pools.size(); p++) {
        Pool pool = problem.pools.get(p);
        if (chosen.contains(p) || !PoolSolver.choosesInPacks(problem, pool, prices)) {
          continue;
        }
        boolean touches = false;
        for (int t : pool.types) {
          touches |= closed.contains(problem.types.get(t).model);
        }
        if (touches) {
          chosen.add(p);
          grew = true;
          for (int t : pool.types) {
            SlotTypes.SlotType type = problem.types.get(t);
            if (type.licenseModel.metric().packSize() > 1) {
              closed.add(type.model);
            }
          }
        }
      }
    }
    return new ArrayList<>(chosen);
  }

  /** Puts {@code pools} (with their solutions) in canonical order as {@code problem}'s pools. */
  private static List<PoolSolver.Solution> reorder(
      AllocationProblem problem, List<Pool> pools, List<PoolSolver.Solution> solutions) {
    Integer[] order = new Integer[pools.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> pools.get(i).order()));
    problem.pools.clear();
    List<PoolSolver.Solution> sorted = new ArrayList<>();
    for (int i : order) {
      problem.pools.add(pools.get(i));
      sorted.add(solutions.get(i));
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
