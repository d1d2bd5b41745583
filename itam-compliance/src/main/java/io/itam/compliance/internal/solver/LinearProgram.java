package io.itam.compliance.internal.solver;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear programme with exact data, solved exactly: minimise {@code c·x} subject to rows {@code Σ
 * a_ij x_j (≤ | = | ≥) b_i} and bounds {@code l_j ≤ x_j ≤ u_j}.
 *
 * <p>Coefficients and right-hand sides are longs (or {@link Rational}s), bounds are longs; lower
 * bounds are finite (default 0), upper bounds may be {@link #UNBOUNDED} (the default). Costs are
 * {@link BigInteger}s so that callers can fold lexicographic tiers into one exact weighted
 * objective.
 *
 * <p>{@link #solve()} runs a two-phase bounded-variable primal simplex on a dense tableau of {@link
 * Rational}s. The entering column is the one with the largest reduced-cost rate (lowest index on
 * ties); after a run of degenerate pivots the rule switches to Bland's (lowest-index entering
 * column) until the objective next strictly improves, and ratio-test ties always go to the
 * lowest-index variable. Bland's rule cannot cycle from any basis, so each degenerate run ends, and
 * each non-degenerate step strictly lowers the objective, so no basis recurs across them: the
 * method terminates on every input. A pivot budget (counting pivots and bound flips, never time)
 * guards the run; if it is exhausted the status says so rather than returning a wrong answer. The
 * same programme always yields the same solution.
 */
public final class LinearProgram {
  /** Upper bound meaning "no upper bound". */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  /**
   * Consecutive degenerate pivots (step zero) after which the entering rule switches from the
   * largest reduced cost to Bland's lowest index, until the next non-degenerate step.
   */
  private static final int DEGENERATE_PIVOTS_BEFORE_BLAND = 16;

  /** The default pivot budget of {@link #solve()}. */
  public static final long DEFAULT_PIVOT_BUDGET = 1_000_000;

  /** The sense of a row. */
  public enum Relation {
    /** {@code Σ a_ij x_j ≤ b_i}. */
    LE,
    /** {@code Σ a_ij x_j = b_i}. */
    EQ,
    /** {@code Σ a_ij x_j ≥ b_i}. */
    GE
  }

  /** The outcome of a solve. */
  public enum Status {
    /** An optimal solution was found and proven optimal. */
    OPTIMAL,
    /** No point satisfies the rows and bounds. */
    INFEASIBLE,
    /** The objective is unbounded below on the feasible set. */
    UNBOUNDED,
    /** The pivot budget ran out before the solve finished; nothing is known. */
    BUDGET_EXHAUSTED
  }

  /** The result of {@link #solve()}: a status and, when optimal, the objective and values. */
  public static final class Solution {
    private final Status status;
    private final Rational objective;
    private final Rational[] values;
    private final long pivots;

    Solution(Status status, Rational objective, Rational[] values, long pivots) {
      this.status = status;
      this.objective = objective;
      this.values = values;
      this.pivots = pivots;
    }

    /** Returns the status. */
    public Status status() {
      return status;
    }

    /** Returns whether the status is {@link Status#OPTIMAL}. */
    public boolean isOptimal() {
      return status == Status.OPTIMAL;
    }

    /**
     * Returns the optimal objective value.
     *
     * @throws IllegalStateException unless the status is {@link Status#OPTIMAL}
     */
    public Rational objective() {
      checkState(status == Status.OPTIMAL, "no objective: status is %s", status);
      return objective;
    }

    /**
     * Returns the optimal value of column {@code column}.
     *
     * @throws IllegalStateException unless the status is {@link Status#OPTIMAL}
     */
    public Rational value(int column) {
      checkState(status == Status.OPTIMAL, "no values: status is %s", status);
      checkElementIndex(column, values.length, "column");
      return values[column];
    }

    /**
     * Returns a copy of all column values.
     *
     * @throws IllegalStateException unless the status is {@link Status#OPTIMAL}
     */
    public Rational[] values() {
      checkState(status == Status.OPTIMAL, "no values: status is %s", status);
      return values.clone();
    }

    /** Returns the number of pivots and bound flips performed. */
    public long pivots() {
      return pivots;
    }

    @Override
    public String toString() {
      return status == Status.OPTIMAL
          ? "OPTIMAL " + objective + " " + Arrays.toString(values)
          : status.toString();
    }
  }

  private record Row(int[] columns, Rational[] coefficients, Relation relation, Rational rhs) {}

  private final int columnCount;
  private final BigInteger[] costs;
  private final long[] lower;
  private final long[] upper;
  private final List<Row> rows = new ArrayList<>();

  /** Creates a programme over {@code columnCount} columns, zero costs, bounds {@code [0, ∞)}. */
  public LinearProgram(int columnCount) {
    checkArgument(columnCount >= 0, "columnCount must be non-negative, got %s", columnCount);
    this.columnCount = columnCount;
    this.costs = new BigInteger[columnCount];
    Arrays.fill(costs, BigInteger.ZERO);
    this.lower = new long[columnCount];
    this.upper = new long[columnCount];
    Arrays.fill(upper, UNBOUNDED);
  }

  /** Returns the number of columns. */
  public int columnCount() {
    return columnCount;
  }

  /** Returns the number of rows. */
  public int rowCount() {
    return rows.size();
  }

  /** Sets the objective coefficient of {@code column}. */
  public LinearProgram setCost(int column, BigInteger cost) {
    checkElementIndex(column, columnCount, "column");
    costs[column] = checkNotNull(cost, "cost");
    return this;
  }

  /** Sets the objective coefficient of {@code column}. */
  public LinearProgram setCost(int column, long cost) {
    return setCost(column, BigInteger.valueOf(cost));
  }

  /** Returns the objective coefficient of {@code column}. */
  public BigInteger cost(int column) {
    checkElementIndex(column, columnCount, "column");
    return costs[column];
  }

  /**
   * Sets the bounds of {@code column}.
   *
   * @param lower finite lower bound
   * @param upper upper bound, at least {@code lower}, or {@link #UNBOUNDED}
   */
  public LinearProgram setBounds(int column, long lower, long upper) {
    checkElementIndex(column, columnCount, "column");
    checkArgument(
        lower <= upper,
        "lower must not exceed upper for column %s, got [%s, %s]",
        column,
        lower,
        upper);
    checkArgument(lower != UNBOUNDED, "lower must be finite for column %s", column);
    this.lower[column] = lower;
    this.upper[column] = upper;
    return this;
  }

  /** Returns the lower bound of {@code column}. */
  public long lower(int column) {
    checkElementIndex(column, columnCount, "column");
    return lower[column];
  }

  /** Returns the upper bound of {@code column}, possibly {@link #UNBOUNDED}. */
  public long upper(int column) {
    checkElementIndex(column, columnCount, "column");
    return upper[column];
  }

  /**
   * Adds the row {@code Σ coefficients[k] · x[columns[k]] relation rhs}. Columns must be distinct.
   */
  public LinearProgram addRow(int[] columns, long[] coefficients, Relation relation, long rhs) {
    checkArgument(
        columns.length == coefficients.length,
        "columns and coefficients must have equal lengths, got %s and %s",
        columns.length,
        coefficients.length);
    Rational[] exact = new Rational[coefficients.length];
    for (int k = 0; k < exact.length; k++) {
      exact[k] = Rational.of(coefficients[k]);
    }
    return addRow(columns, exact, relation, Rational.of(rhs));
  }

  /**
   * Adds the row {@code Σ coefficients[k] · x[columns[k]] relation rhs} with rational data (for
   * example decimal factors). Columns must be distinct.
   */
  public LinearProgram addRow(
      int[] columns, Rational[] coefficients, Relation relation, Rational rhs) {
    checkNotNull(relation, "relation");
    checkNotNull(rhs, "rhs");
    checkArgument(
        columns.length == coefficients.length,
        "columns and coefficients must have equal lengths, got %s and %s",
        columns.length,
        coefficients.length);
    boolean[] seen = new boolean[columnCount];
    for (int k = 0; k < columns.length; k++) {
      int column = columns[k];
      checkElementIndex(column, columnCount, "column");
      checkArgument(!seen[column], "column %s appears twice in the row", column);
      checkNotNull(coefficients[k], "coefficient of column %s", column);
      seen[column] = true;
    }
    rows.add(new Row(columns.clone(), coefficients.clone(), relation, rhs));
    return this;
  }

  /** Returns whether {@code values} satisfies every row and bound exactly. */
  public boolean isFeasible(Rational[] values) {
    checkArgument(
        values.length == columnCount,
        "values must have %s entries, got %s",
        columnCount,
        values.length);
    for (int j = 0; j < columnCount; j++) {
      if (values[j].compareTo(Rational.of(lower[j])) < 0
          || (upper[j] != UNBOUNDED && values[j].compareTo(Rational.of(upper[j])) > 0)) {
        return false;
      }
    }
    for (Row row : rows) {
      Rational lhs = Rational.ZERO;
      for (int k = 0; k < row.columns.length; k++) {
        lhs = lhs.add(values[row.columns[k]].multiply(row.coefficients[k]));
      }
      int c = lhs.compareTo(row.rhs);
      boolean ok =
          switch (row.relation) {
            case LE -> c <= 0;
            case EQ -> c == 0;
            case GE -> c >= 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code c·values}. */
  public Rational objective(Rational[] values) {
    checkArgument(
        values.length == columnCount,
        "values must have %s entries, got %s",
        columnCount,
        values.length);
    Rational sum = Rational.ZERO;
    for (int j = 0; j < columnCount; j++) {
      if (costs[j].signum() != 0) {
        sum = sum.add(values[j].multiply(Rational.of(costs[j])));
      }
    }
    return sum;
  }

  /** Solves with the {@linkplain #DEFAULT_PIVOT_BUDGET default pivot budget}. */
  public Solution solve() {
    return solve(DEFAULT_PIVOT_BUDGET);
  }

  /** Solves, giving up with {@link Status#BUDGET_EXHAUSTED} after {@code pivotBudget} pivots. */
  public Solution solve(long pivotBudget) {
    return solve(lower, upper, pivotBudget);
  }

  /**
   * Solves with the bounds replaced by {@code lowerBounds} and {@code upperBounds} (the programme
   * itself is unchanged). A column whose lower bound exceeds its upper bound makes the programme
   * infeasible.
   */
  Solution solve(long[] lowerBounds, long[] upperBounds, long pivotBudget) {
    checkArgument(pivotBudget >= 0, "pivotBudget must be non-negative, got %s", pivotBudget);
    checkArgument(
        lowerBounds.length == columnCount && upperBounds.length == columnCount,
        "bounds must have %s entries, got %s and %s",
        columnCount,
        lowerBounds.length,
        upperBounds.length);
    for (int j = 0; j < columnCount; j++) {
      checkArgument(lowerBounds[j] != UNBOUNDED, "lower bound of column %s must be finite", j);
      if (lowerBounds[j] > upperBounds[j]) {
        return new Solution(Status.INFEASIBLE, null, null, 0);
      }
    }
    return new Simplex(lowerBounds, upperBounds, pivotBudget).run();
  }

  /**
   * The tableau of one solve. Columns are the structural columns (shifted so that every lower bound
   * is 0), then one slack per inequality row, then one artificial per row that has no slack usable
   * as an initial basic variable. Every row is scaled so that its right-hand side is non-negative.
   */
  private final class Simplex {
    private final long[] lowerBounds;
    private final long pivotBudget;
    private final int m = rows.size();
    private final int total;
    private final int firstArtificial;

    /** {@code B⁻¹A}, dense. */
    private final Rational[][] tableau;

    /** Upper bound of each (shifted) variable, null when infinite. */
    private final Rational[] range;

    private final int[] basis;
    private final Rational[] basicValue;
    private final boolean[] atUpper;
    private final Rational[] reducedCost;
    private long pivots;

    Simplex(long[] lowerBounds, long[] upperBounds, long pivotBudget) {
      this.lowerBounds = lowerBounds;
      this.pivotBudget = pivotBudget;
      int slacks = 0;
      for (Row row : rows) {
        if (row.relation != Relation.EQ) {
          slacks++;
        }
      }
      // Shifted right-hand sides: b - A·l.
      Rational[] rhs = new Rational[m];
      boolean[] needsArtificial = new boolean[m];
      int artificials = 0;
      for (int i = 0; i < m; i++) {
        Row row = rows.get(i);
        Rational b = row.rhs;
        for (int k = 0; k < row.columns.length; k++) {
          long l = lowerBounds[row.columns[k]];
          if (l != 0) {
            b = b.subtract(row.coefficients[k].multiply(Rational.of(l)));
          }
        }
        rhs[i] = b;
        // A slack can start basic when its coefficient is +1 after scaling the row to b >= 0.
        boolean slackUsable =
            switch (row.relation) {
              case LE -> b.signum() >= 0;
              case GE -> b.signum() <= 0;
              case EQ -> false;
            };
        needsArtificial[i] = !slackUsable;
        if (!slackUsable) {
          artificials++;
        }
      }
      this.firstArtificial = columnCount + slacks;
      this.total = firstArtificial + artificials;
      this.tableau = new Rational[m][total];
      this.range = new Rational[total];
      this.basis = new int[m];
      this.basicValue = new Rational[m];
      this.atUpper = new boolean[total];
      this.reducedCost = new Rational[total];
      for (int j = 0; j < columnCount; j++) {
        range[j] =
            upperBounds[j] == UNBOUNDED
                ? null
                : Rational.of(
                    BigInteger.valueOf(upperBounds[j])
                        .subtract(BigInteger.valueOf(lowerBounds[j])));
      }
      int slack = columnCount;
      int artificial = firstArtificial;
      for (int i = 0; i < m; i++) {
        Row row = rows.get(i);
        Rational[] t = tableau[i];
        Arrays.fill(t, Rational.ZERO);
        // Scale by -1 when b < 0, and for a GE row with b = 0, so that the right-hand side is
        // non-negative and every usable slack has coefficient +1.
        boolean negate =
            rhs[i].signum() < 0 || (rhs[i].signum() == 0 && row.relation == Relation.GE);
        for (int k = 0; k < row.columns.length; k++) {
          t[row.columns[k]] = negate ? row.coefficients[k].negate() : row.coefficients[k];
        }
        basicValue[i] = negate ? rhs[i].negate() : rhs[i];
        if (row.relation != Relation.EQ) {
          Rational sign = (row.relation == Relation.LE) != negate ? Rational.ONE : Rational.of(-1);
          t[slack] = sign;
          if (!needsArtificial[i]) {
            basis[i] = slack;
          }
          slack++;
        }
        if (needsArtificial[i]) {
          t[artificial] = Rational.ONE;
          range[artificial] = null;
          basis[i] = artificial;
          artificial++;
        }
      }
    }

    Solution run() {
      if (total > firstArtificial) {
        // Phase 1: minimise the sum of the artificials.
        Rational[] phaseOneCost = new Rational[total];
        Arrays.fill(phaseOneCost, Rational.ZERO);
        for (int j = firstArtificial; j < total; j++) {
          phaseOneCost[j] = Rational.ONE;
        }
        computeReducedCosts(phaseOneCost);
        Status status = iterate();
        if (status != Status.OPTIMAL) {
          return new Solution(status, null, null, pivots);
        }
        Rational infeasibility = Rational.ZERO;
        for (int i = 0; i < m; i++) {
          if (basis[i] >= firstArtificial) {
            infeasibility = infeasibility.add(basicValue[i]);
          }
        }
        if (infeasibility.signum() != 0) {
          return new Solution(Status.INFEASIBLE, null, null, pivots);
        }
        // Artificials are fixed at zero from now on: nonbasic ones can never enter (zero range),
        // basic ones block any step that would move them off zero.
        for (int j = firstArtificial; j < total; j++) {
          range[j] = Rational.ZERO;
          atUpper[j] = false;
        }
      }
      Rational[] cost = new Rational[total];
      Arrays.fill(cost, Rational.ZERO);
      for (int j = 0; j < columnCount; j++) {
        cost[j] = Rational.of(costs[j]);
      }
      computeReducedCosts(cost);
      Status status = iterate();
      if (status != Status.OPTIMAL) {
        return new Solution(status, null, null, pivots);
      }
      Rational[] values = new Rational[columnCount];
      for (int j = 0; j < columnCount; j++) {
        values[j] = atUpper[j] ? range[j] : Rational.ZERO;
      }
      for (int i = 0; i < m; i++) {
        if (basis[i] < columnCount) {
          values[basis[i]] = basicValue[i];
        }
      }
      for (int j = 0; j < columnCount; j++) {
        values[j] = values[j].add(Rational.of(lowerBounds[j]));
      }
      return new Solution(Status.OPTIMAL, objective(values), values, pivots);
    }

    /** Sets {@code d_j = c_j - Σ_i c_{B(i)} (B⁻¹A)_ij}. */
    private void computeReducedCosts(Rational[] cost) {
      System.arraycopy(cost, 0, reducedCost, 0, total);
      for (int i = 0; i < m; i++) {
        Rational cb = cost[basis[i]];
        if (cb.signum() == 0) {
          continue;
        }
        Rational[] t = tableau[i];
        for (int j = 0; j < total; j++) {
          if (t[j].signum() != 0) {
            reducedCost[j] = reducedCost[j].subtractProduct(cb, t[j]);
          }
        }
      }
    }

    /** Returns a mask that is true for the nonbasic columns. */
    private boolean[] nonbasicMask() {
      boolean[] nonbasic = new boolean[total];
      Arrays.fill(nonbasic, true);
      for (int i = 0; i < m; i++) {
        nonbasic[basis[i]] = false;
      }
      return nonbasic;
    }

    /** Primal simplex iterations with Bland's rule until optimal, unbounded or out of budget. */
    private Status iterate() {
      boolean[] nonbasic = nonbasicMask();
      int degenerateRun = 0;
      while (true) {
        boolean bland = degenerateRun >= DEGENERATE_PIVOTS_BEFORE_BLAND;
        int entering = -1;
        Rational steepest = null;
        for (int j = 0; j < total; j++) {
          if (!nonbasic[j] || (range[j] != null && range[j].signum() == 0)) {
            continue;
          }
          int d = reducedCost[j].signum();
          if ((d < 0 && !atUpper[j]) || (d > 0 && atUpper[j])) {
            if (bland) {
              entering = j;
              break;
            }
            Rational rate = d < 0 ? reducedCost[j].negate() : reducedCost[j];
            if (steepest == null || rate.compareTo(steepest) > 0) {
              entering = j;
              steepest = rate;
            }
          }
        }
        if (entering < 0) {
          return Status.OPTIMAL;
        }
        if (pivots >= pivotBudget) {
          return Status.BUDGET_EXHAUSTED;
        }
        pivots++;
        // The entering variable moves by step >= 0 in direction +1 (from lower) or -1 (from upper);
        // basic variable i then changes by -direction * tableau[i][entering] per unit step.
        boolean increasing = !atUpper[entering];
        Rational step = range[entering];
        int leavingRow = -1;
        boolean leavesAtUpper = false;
        int leavingVariable = step == null ? Integer.MAX_VALUE : entering;
        for (int i = 0; i < m; i++) {
          Rational a = tableau[i][entering];
          int sign = a.signum();
          if (sign == 0) {
            continue;
          }
          boolean basicDecreases = (sign > 0) == increasing;
          Rational limit;
          boolean toUpper;
          if (basicDecreases) {
            limit = basicValue[i].divide(a).multiply(increasing ? Rational.ONE : Rational.of(-1));
            toUpper = false;
          } else {
            Rational u = range[basis[i]];
            if (u == null) {
              continue;
            }
            limit =
                u.subtract(basicValue[i])
                    .divide(a)
                    .multiply(increasing ? Rational.of(-1) : Rational.ONE);
            toUpper = true;
          }
          int c = step == null ? -1 : limit.compareTo(step);
          if (c < 0 || (c == 0 && basis[i] < leavingVariable)) {
            step = limit;
            leavingRow = i;
            leavesAtUpper = toUpper;
            leavingVariable = basis[i];
          }
        }
        if (step == null) {
          return Status.UNBOUNDED;
        }
        degenerateRun = step.signum() == 0 ? degenerateRun + 1 : 0;
        // Update basic values: x_B(i) -= direction * step * tableau[i][entering].
        if (step.signum() != 0) {
          Rational signedStep = increasing ? step : step.negate();
          for (int i = 0; i < m; i++) {
            Rational a = tableau[i][entering];
            if (a.signum() != 0) {
              basicValue[i] = basicValue[i].subtractProduct(signedStep, a);
            }
          }
        }
        if (leavingRow < 0) {
          // Bound flip: the entering variable reaches its other bound and stays nonbasic.
          atUpper[entering] = !atUpper[entering];
          continue;
        }
        Rational enteringValue =
            increasing ? step : range[entering].subtract(step); // from upper, range is finite
        int leaving = basis[leavingRow];
        pivot(leavingRow, entering);
        basis[leavingRow] = entering;
        basicValue[leavingRow] = enteringValue;
        atUpper[entering] = false;
        nonbasic[entering] = false;
        nonbasic[leaving] = true;
        atUpper[leaving] = leavesAtUpper;
      }
    }

    /** Gauss-Jordan pivot of the tableau and the reduced costs on {@code (row, column)}. */
    private void pivot(int row, int column) {
      Rational[] pivotRow = tableau[row];
      Rational inverse = pivotRow[column].reciprocal();
      int[] nonzero = new int[total];
      int count = 0;
      for (int j = 0; j < total; j++) {
        if (pivotRow[j].signum() != 0) {
          pivotRow[j] = pivotRow[j].multiply(inverse);
          nonzero[count++] = j;
        }
      }
      for (int i = 0; i < m; i++) {
        if (i != row) {
          eliminate(tableau[i], pivotRow, column, nonzero, count);
        }
      }
      eliminate(reducedCost, pivotRow, column, nonzero, count);
    }

    private void eliminate(
        Rational[] target, Rational[] pivotRow, int column, int[] nonzero, int count) {
      Rational factor = target[column];
      if (factor.signum() == 0) {
        return;
      }
      for (int k = 0; k < count; k++) {
        int j = nonzero[k];
        target[j] = target[j].subtractProduct(factor, pivotRow[j]);
      }
      target[column] = Rational.ZERO;
    }
  }
}
