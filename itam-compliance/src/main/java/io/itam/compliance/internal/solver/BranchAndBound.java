package io.itam.compliance.internal.solver;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * An exact mixed-integer solver: minimises a {@link LinearProgram} with some columns required to be
 * integral.
 *
 * <p>Depth-first branch and bound. Each node solves its LP relaxation from scratch (exactly) with
 * tightened bounds; a node whose relaxation is infeasible, or whose objective is not strictly below
 * the incumbent's (rounded up first when the objective is declared integral), is pruned. Otherwise
 * it branches on the integer column whose fractional part is closest to one half (the lowest index
 * on a tie), with value {@code v}: first the down branch {@code x ≤ floor(v)}, then the up branch
 * {@code x ≥ ceil(v)}. The node budget counts LP solves (never time), and the search is fully
 * deterministic. When the budget runs out the result carries the best incumbent found and a proven
 * lower bound on the optimum, so the caller can report the gap.
 */
public final class BranchAndBound {
  /** The default number of LP solves. */
  public static final long DEFAULT_NODE_BUDGET = 100_000;

  /** The outcome of a search. */
  public enum Status {
    /** The incumbent is proven optimal. */
    OPTIMAL,
    /** No integer-feasible point exists. */
    INFEASIBLE,
    /**
     * The LP relaxation is unbounded below; the integer programme is then either infeasible or
     * unbounded (the data are rational), and no search is made.
     */
    UNBOUNDED,
    /**
     * The node budget (or a node's pivot budget) ran out; the result holds the best incumbent
     * found, if any, and a proven lower bound.
     */
    BUDGET_EXHAUSTED
  }

  /** The result of {@link #solve()}. */
  public static final class Result {
    private final Status status;
    private final Rational[] incumbent;
    private final Rational objective;
    private final Rational lowerBound;
    private final long nodes;

    Result(
        Status status, Rational[] incumbent, Rational objective, Rational lowerBound, long nodes) {
      this.status = status;
      this.incumbent = incumbent;
      this.objective = objective;
      this.lowerBound = lowerBound;
      this.nodes = nodes;
    }

    /** Returns the status. */
    public Status status() {
      return status;
    }

    /** Returns whether an integer-feasible solution is held (always when {@code OPTIMAL}). */
    public boolean hasIncumbent() {
      return incumbent != null;
    }

    /**
     * Returns the objective of the incumbent.
     *
     * @throws IllegalStateException if there is no incumbent
     */
    public Rational objective() {
      checkState(incumbent != null, "no incumbent: status is %s", status);
      return objective;
    }

    /**
     * Returns the incumbent's value of {@code column}.
     *
     * @throws IllegalStateException if there is no incumbent
     */
    public Rational value(int column) {
      checkState(incumbent != null, "no incumbent: status is %s", status);
      checkElementIndex(column, incumbent.length, "column");
      return incumbent[column];
    }

    /**
     * Returns a copy of the incumbent's values.
     *
     * @throws IllegalStateException if there is no incumbent
     */
    public Rational[] values() {
      checkState(incumbent != null, "no incumbent: status is %s", status);
      return incumbent.clone();
    }

    /**
     * Returns a proven lower bound on the optimum: the optimum itself when {@code OPTIMAL};
     * otherwise the least of the incumbent's objective and the LP bounds of the nodes left open.
     * Empty when no finite bound is proven (infeasible, unbounded, or the root was never solved).
     */
    public Optional<Rational> lowerBound() {
      return Optional.ofNullable(lowerBound);
    }

    /** Returns the number of LP relaxations solved. */
    public long nodes() {
      return nodes;
    }

    @Override
    public String toString() {
      return status
          + (incumbent == null ? "" : " " + objective + " " + Arrays.toString(incumbent))
          + (lowerBound == null ? "" : " bound " + lowerBound)
          + " nodes "
          + nodes;
    }
  }

  /** A tightened bound, chained to the tightenings of the ancestors. */
  private record Tightening(int column, long lower, long upper, Tightening previous) {}

  /** An open node: its tightenings and its parent's LP objective (null for the root). */
  private record Node(Tightening tightenings, Rational bound) {}

  private final LinearProgram program;
  private final boolean[] integral;
  private long nodeBudget = DEFAULT_NODE_BUDGET;
  private long pivotBudgetPerNode = LinearProgram.DEFAULT_PIVOT_BUDGET;
  private Rational[] initialIncumbent;

  /**
   * Creates a search over {@code program}, whose columns listed in {@code integerColumns} must take
   * integer values. The programme is read, not copied, when {@link #solve()} runs.
   */
  public BranchAndBound(LinearProgram program, int[] integerColumns) {
    this.program = checkNotNull(program, "program");
    this.integral = new boolean[program.columnCount()];
    for (int column : integerColumns) {
      checkElementIndex(column, integral.length, "integer column");
      integral[column] = true;
    }
  }

  private boolean integralObjective;

  /** Sets the number of LP solves allowed, at least 0 (default {@value #DEFAULT_NODE_BUDGET}). */
  public BranchAndBound setNodeBudget(long nodeBudget) {
    checkArgument(nodeBudget >= 0, "nodeBudget must be non-negative, got %s", nodeBudget);
    this.nodeBudget = nodeBudget;
    return this;
  }

  /**
   * Sets the pivot budget of each LP solve (default {@link LinearProgram#DEFAULT_PIVOT_BUDGET}).
   */
  public BranchAndBound setPivotBudgetPerNode(long pivotBudget) {
    checkArgument(pivotBudget >= 0, "pivotBudget must be non-negative, got %s", pivotBudget);
    this.pivotBudgetPerNode = pivotBudget;
    return this;
  }

  /**
   * Starts the search from a known solution, which must satisfy the programme and be integral on
   * the integer columns. Only strictly better solutions replace it.
   */
  public BranchAndBound setIncumbent(Rational[] values) {
    checkArgument(
        values.length == integral.length,
        "incumbent must have %s values, got %s",
        integral.length,
        values.length);
    for (int j = 0; j < values.length; j++) {
      checkNotNull(values[j], "incumbent value of column %s", j);
      checkArgument(
          !integral[j] || values[j].isInteger(),
          "incumbent value of integer column %s must be integral, got %s",
          j,
          values[j]);
    }
    checkArgument(
        program.isFeasible(values), "incumbent %s is infeasible", Arrays.toString(values));
    this.initialIncumbent = values.clone();
    return this;
  }

  /**
   * Declares that every feasible integer point has an integral objective (integer costs on integer
   * columns), so a node whose bound rounds up to the incumbent's objective is pruned too.
   */
  public BranchAndBound setIntegralObjective(boolean integralObjective) {
    this.integralObjective = integralObjective;
    return this;
  }

  private boolean prunes(Rational bound, Rational incumbentObjective) {
    if (integralObjective) {
      return Rational.of(bound.ceil()).compareTo(incumbentObjective) >= 0;
    }
    return bound.compareTo(incumbentObjective) >= 0;
  }

  /** Runs the search. */
  public Result solve() {
    int n = integral.length;
    checkState(
        program.columnCount() == n,
        "program has %s columns, expected %s",
        program.columnCount(),
        n);
    long[] baseLower = new long[n];
    long[] baseUpper = new long[n];
    for (int j = 0; j < n; j++) {
      baseLower[j] = program.lower(j);
      baseUpper[j] = program.upper(j);
    }
    Rational[] incumbent = initialIncumbent;
    Rational incumbentObjective = incumbent == null ? null : program.objective(incumbent);
    Deque<Node> open = new ArrayDeque<>();
    open.push(new Node(null, null));
    Rational unresolvedBound = null;
    boolean unresolved = false;
    boolean unresolvedUnbounded = false;
    long nodes = 0;
    long[] lower = new long[n];
    long[] upper = new long[n];
    while (!open.isEmpty()) {
      io.itam.compliance.internal.Cancellation.check();
      Node node = open.peek();
      if (incumbentObjective != null
          && node.bound != null
          && prunes(node.bound, incumbentObjective)) {
        open.pop();
        continue;
      }
      if (nodes >= nodeBudget) {
        break;
      }
      open.pop();
      nodes++;
      System.arraycopy(baseLower, 0, lower, 0, n);
      System.arraycopy(baseUpper, 0, upper, 0, n);
      for (Tightening t = node.tightenings; t != null; t = t.previous) {
        lower[t.column] = Math.max(lower[t.column], t.lower);
        upper[t.column] = Math.min(upper[t.column], t.upper);
      }
      LinearProgram.Solution relaxation = program.solve(lower, upper, pivotBudgetPerNode);
      switch (relaxation.status()) {
        case INFEASIBLE:
          continue;
        case UNBOUNDED:
          if (node.bound == null) {
            return new Result(Status.UNBOUNDED, null, null, null, nodes);
          }
          // A bounded parent cannot have an unbounded child; treat defensively as unresolved.
          unresolved = true;
          unresolvedUnbounded = true;
          continue;
        case BUDGET_EXHAUSTED:
          unresolved = true;
          if (node.bound == null) {
            unresolvedUnbounded = true;
          } else {
            unresolvedBound =
                unresolvedBound == null ? node.bound : unresolvedBound.min(node.bound);
          }
          continue;
        case OPTIMAL:
          break;
      }
      Rational objective = relaxation.objective();
      if (incumbentObjective != null && prunes(objective, incumbentObjective)) {
        continue;
      }
      int branch = firstFractional(relaxation);
      if (branch < 0) {
        incumbent = relaxation.values();
        incumbentObjective = objective;
        continue;
      }
      Rational value = relaxation.value(branch);
      long down = toLong(value.floor());
      long up = toLong(value.ceil());
      // Pushed in reverse so that the down branch is explored first.
      open.push(new Node(new Tightening(branch, up, upper[branch], node.tightenings), objective));
      open.push(new Node(new Tightening(branch, lower[branch], down, node.tightenings), objective));
    }
    if (open.isEmpty() && !unresolved) {
      return incumbent == null
          ? new Result(Status.INFEASIBLE, null, null, null, nodes)
          : new Result(Status.OPTIMAL, incumbent, incumbentObjective, incumbentObjective, nodes);
    }
    Rational bound = incumbentObjective;
    boolean unboundedBelow = unresolvedUnbounded;
    if (unresolvedBound != null) {
      bound = bound == null ? unresolvedBound : bound.min(unresolvedBound);
    }
    for (Node node : open) {
      if (node.bound == null) {
        unboundedBelow = true;
      } else {
        bound = bound == null ? node.bound : bound.min(node.bound);
      }
    }
    return new Result(
        Status.BUDGET_EXHAUSTED,
        incumbent,
        incumbentObjective,
        unboundedBelow ? null : bound,
        nodes);
  }

  private int firstFractional(LinearProgram.Solution relaxation) {
    int best = -1;
    Rational bestDistance = null;
    Rational half = Rational.of(1, 2);
    for (int j = 0; j < integral.length; j++) {
      Rational v = relaxation.value(j);
      if (integral[j] && !v.isInteger()) {
        Rational frac = v.subtract(Rational.of(v.floor()));
        Rational distance = frac.subtract(half);
        if (distance.signum() < 0) {
          distance = distance.negate();
        }
        if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
          best = j;
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  private static long toLong(BigInteger value) {
    // Within [lower, upper] of a column whose bounds are longs, so this cannot overflow.
    return value.longValueExact();
  }
}
