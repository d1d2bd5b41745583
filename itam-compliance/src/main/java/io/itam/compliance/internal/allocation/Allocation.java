package io.itam.compliance.internal.allocation;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.DemandClass;
import io.itam.compliance.internal.eligibility.SlotTypes;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.position.SolverNote;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of the allocation: for every demand class, how many members take each shape; for
 * every slot type, the units each eligible entitlement gives it and the units left short; and notes
 * on pools that are not proven optimal.
 *
 * <p>The totals of the position (consumed, required, covered, short) follow from these numbers
 * alone. Handing the allocation back to consumers ({@link #assignments()}: which member takes which
 * shape, which entitlement each of its units comes from) is only needed for the rows that list
 * consumers, and is done on first use.
 */
public final class Allocation {
  private final Demand demand;
  private final AllocationProblem problem;
  private final List<PoolSolver.Solution> solutions;
  private final ImmutableList<SolverNote> notes;
  private final Prices prices;
  private final long[][] allocated;
  private final long[] shortfall;
  private final long[][] shapeCounts;
  private volatile @Nullable ImmutableList<Assignment> assignments;

  Allocation(
      Demand demand,
      AllocationProblem problem,
      List<PoolSolver.Solution> solutions,
      List<SolverNote> notes,
      Prices prices) {
    this.demand = demand;
    this.problem = problem;
    this.solutions = solutions;
    this.notes = ImmutableList.copyOf(notes);
    this.prices = prices;
    int types = problem.types.size();
    this.allocated = new long[types][];
    this.shortfall = new long[types];
    List<DemandClass> classes = demand.classes();
    this.shapeCounts = new long[classes.size()][];
    java.util.IdentityHashMap<DemandClass, Integer> position = new java.util.IdentityHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      position.put(classes.get(c), c);
    }
    for (int p = 0; p < problem.pools.size(); p++) {
      Pool pool = problem.pools.get(p);
      PoolSolver.Solution solution = solutions.get(p);
      for (int ci = 0; ci < pool.classes.size(); ci++) {
        shapeCounts[position.get(pool.classes.get(ci))] = solution.shapeCounts()[ci];
      }
      solution.allocated().forEach((t, units) -> allocated[t] = units);
      solution.shortfall().forEach((t, units) -> shortfall[t] = units);
    }
  }

  public Demand demand() {
    return demand;
  }

  public SlotTypes types() {
    return problem.slotTypes;
  }

  /** How many members of class {@code c} (its position in the demand's classes) take each shape. */
  public long[] shapeCounts(int c) {
    return shapeCounts[c];
  }

  /**
   * Units slot type {@code type} takes from each of its eligible entitlements (aligned with {@link
   * SlotTypes.SlotType#entitlements}); {@code null} for a type no class uses.
   */
  public long @Nullable [] allocated(int type) {
    return allocated[type];
  }

  /**
   * The order in which the lines of slot type {@code type} take its eligible entitlements'
   * allocated units (positions in {@link SlotTypes.SlotType#entitlements}): entitlements pinned to
   * its consumers first, then in tie-break order (expiring first, losing maintenance first,
   * narrowest scope, id).
   */
  public int[] supplyOrder(int type) {
    SlotTypes.SlotType slotType = problem.types.get(type);
    Integer[] order = new Integer[slotType.entitlements.length];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    java.util.Arrays.sort(
        order,
        java.util.Comparator.<Integer, Boolean>comparing(j -> !slotType.preferred[j])
            .thenComparing(
                j -> problem.entitlements.get(slotType.entitlements[j]),
                PoolSolver.tieBreakOrder(problem.index)));
    int[] positions = new int[order.length];
    for (int j = 0; j < order.length; j++) {
      positions[j] = order[j];
    }
    return positions;
  }

  /** Units of slot type {@code type} left short. */
  public long shortfall(int type) {
    return shortfall[type];
  }

  /** Pools finished by a heuristic, with their bound and gap. */
  public List<SolverNote> notes() {
    return notes;
  }

  /**
   * Every option the allocation chose, with its shares, in canonical order: by licence model id,
   * consumer, first fact. Handed back on first use.
   */
  public List<Assignment> assignments() {
    ImmutableList<Assignment> known = assignments;
    if (known == null) {
      synchronized (this) {
        known = assignments;
        if (known == null) {
          known = ImmutableList.copyOf(HandBack.assignments(this, problem, solutions, prices));
          assignments = known;
        }
      }
    }
    return known;
  }
}
