package io.itam.compliance.internal.allocation;

import io.itam.compliance.internal.Parallel;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.position.SolverNote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
        Parallel.map(
            problem.pools,
            pool ->
                firstFit
                    ? PoolSolver.solveFirstFit(problem, pool, prices)
                    : PoolSolver.solve(problem, pool, prices, nodeBudget),
            executor);
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

  private static String poolName(Pool pool, AllocationProblem problem) {
    TreeSet<String> models = new TreeSet<>();
    for (int t : pool.types) {
      models.add(problem.types.get(t).licenseModel.id());
    }
    return String.join(", ", models);
  }
}
