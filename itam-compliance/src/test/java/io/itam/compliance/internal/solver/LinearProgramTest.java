package io.itam.compliance.internal.solver;

import static io.itam.compliance.internal.solver.LinearProgram.Relation.EQ;
import static io.itam.compliance.internal.solver.LinearProgram.Relation.GE;
import static io.itam.compliance.internal.solver.LinearProgram.Relation.LE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.internal.solver.LinearProgram.Solution;
import io.itam.compliance.internal.solver.LinearProgram.Status;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class LinearProgramTest {

  private static Rational r(long n) {
    return Rational.of(n);
  }

  private static Rational r(long n, long d) {
    return Rational.of(n, d);
  }

  @Test
  void solve_textbookMaximisation() {
    // max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18: optimum 36 at (2, 6).
    LinearProgram lp = new LinearProgram(2).setCost(0, -3).setCost(1, -5);
    lp.addRow(new int[] {0}, new long[] {1}, LE, 4);
    lp.addRow(new int[] {1}, new long[] {2}, LE, 12);
    lp.addRow(new int[] {0, 1}, new long[] {3, 2}, LE, 18);
    Solution s = lp.solve();
    assertEquals(Status.OPTIMAL, s.status());
    assertEquals(r(-36), s.objective());
    assertEquals(r(2), s.value(0));
    assertEquals(r(6), s.value(1));
  }

  @Test
  void solve_fractionalVertex() {
    // max x + y s.t. 2x + y <= 4, x + 2y <= 4: optimum 8/3 at (4/3, 4/3).
    LinearProgram lp = new LinearProgram(2).setCost(0, -1).setCost(1, -1);
    lp.addRow(new int[] {0, 1}, new long[] {2, 1}, LE, 4);
    lp.addRow(new int[] {0, 1}, new long[] {1, 2}, LE, 4);
    Solution s = lp.solve();
    assertEquals(r(-8, 3), s.objective());
    assertEquals(r(4, 3), s.value(0));
    assertEquals(r(4, 3), s.value(1));
  }

  @Test
  void solve_equalityAndGreaterOrEqualRows() {
    // min 2x + 3y s.t. x + y = 10, x >= 3, y >= 2, x - y >= -4: optimum 22 at (8, 2).
    LinearProgram lp = new LinearProgram(2).setCost(0, 2).setCost(1, 3);
    lp.addRow(new int[] {0, 1}, new long[] {1, 1}, EQ, 10);
    lp.addRow(new int[] {0}, new long[] {1}, GE, 3);
    lp.addRow(new int[] {1}, new long[] {1}, GE, 2);
    lp.addRow(new int[] {0, 1}, new long[] {1, -1}, GE, -4);
    Solution s = lp.solve();
    assertEquals(Status.OPTIMAL, s.status());
    assertEquals(r(22), s.objective());
    assertEquals(r(8), s.value(0));
    assertEquals(r(2), s.value(1));
  }

  @Test
  void solve_upperAndLowerBounds() {
    // min -x - 2y, x in [0, 3], y in [1, 2], x + y <= 4: optimum -6 at (2, 2).
    LinearProgram lp = new LinearProgram(2).setCost(0, -1).setCost(1, -2);
    lp.setBounds(0, 0, 3).setBounds(1, 1, 2);
    lp.addRow(new int[] {0, 1}, new long[] {1, 1}, LE, 4);
    Solution s = lp.solve();
    assertEquals(r(-6), s.objective());
    assertEquals(r(2), s.value(0));
    assertEquals(r(2), s.value(1));
  }

  @Test
  void solve_boundsOnlyPicksCheaperEnd() {
    LinearProgram lp = new LinearProgram(3).setCost(0, 3).setCost(1, -1).setCost(2, 0);
    lp.setBounds(0, 2, 5).setBounds(1, -7, -4).setBounds(2, -1, 1);
    Solution s = lp.solve();
    assertEquals(r(6 + 4), s.objective());
    assertEquals(r(2), s.value(0));
    assertEquals(r(-4), s.value(1));
    assertEquals(r(-1), s.value(2));
  }

  @Test
  void solve_negativeLowerBoundsAndNegativeRightHandSides() {
    // min x + y, x in [-5, 5], y in [-10, inf), x + y >= -3, x - y <= -1: optimum -3.
    LinearProgram lp = new LinearProgram(2).setCost(0, 1).setCost(1, 1);
    lp.setBounds(0, -5, 5).setBounds(1, -10, LinearProgram.UNBOUNDED);
    lp.addRow(new int[] {0, 1}, new long[] {1, 1}, GE, -3);
    lp.addRow(new int[] {0, 1}, new long[] {1, -1}, LE, -1);
    Solution s = lp.solve();
    assertEquals(r(-3), s.objective());
    assertTrue(lp.isFeasible(s.values()));
  }

  @Test
  void solve_redundantEqualitiesKeepArtificialAtZero() {
    // x + y = 4 twice (once scaled), x <= 3: min x - y gives (0, 4).
    LinearProgram lp = new LinearProgram(2).setCost(0, 1).setCost(1, -1);
    lp.setBounds(0, 0, 3);
    lp.addRow(new int[] {0, 1}, new long[] {1, 1}, EQ, 4);
    lp.addRow(new int[] {0, 1}, new long[] {2, 2}, EQ, 8);
    lp.addRow(new int[] {1, 0}, new long[] {-1, -1}, EQ, -4);
    Solution s = lp.solve();
    assertEquals(Status.OPTIMAL, s.status());
    assertEquals(r(-4), s.objective());
    assertEquals(r(0), s.value(0));
    assertEquals(r(4), s.value(1));
  }

  @Test
  void solve_greaterOrEqualRowWithZeroRightHandSide() {
    // -x >= 0 with x in [0, 1] forces x = 0 although the objective prefers x = 1.
    LinearProgram lp = new LinearProgram(1).setCost(0, -1).setBounds(0, 0, 1);
    lp.addRow(new int[] {0}, new long[] {-1}, GE, 0);
    Solution s = lp.solve();
    assertEquals(r(0), s.objective());
    assertEquals(r(0), s.value(0));
  }

  @Test
  void solve_rationalCoefficients() {
    // Core factor 1/2: max x s.t. 1/2 x <= 7/4, x integer-free: x = 7/2.
    LinearProgram lp = new LinearProgram(1).setCost(0, -1);
    lp.addRow(new int[] {0}, new Rational[] {r(1, 2)}, LE, r(7, 4));
    assertEquals(r(7, 2), lp.solve().value(0));
  }

  @Test
  void solve_infeasibleRows() {
    LinearProgram lp = new LinearProgram(2);
    lp.addRow(new int[] {0, 1}, new long[] {1, 1}, LE, 1);
    lp.addRow(new int[] {0, 1}, new long[] {1, 1}, GE, 3);
    assertEquals(Status.INFEASIBLE, lp.solve().status());
  }

  @Test
  void solve_infeasibleBecauseOfBounds() {
    LinearProgram lp = new LinearProgram(1).setBounds(0, 0, 1);
    lp.addRow(new int[] {0}, new long[] {1}, GE, 2);
    Solution s = lp.solve();
    assertEquals(Status.INFEASIBLE, s.status());
    assertThrows(IllegalStateException.class, s::objective);
  }

  @Test
  void solve_unbounded() {
    // min -x s.t. x - y <= 1.
    LinearProgram lp = new LinearProgram(2).setCost(0, -1);
    lp.addRow(new int[] {0, 1}, new long[] {1, -1}, LE, 1);
    assertEquals(Status.UNBOUNDED, lp.solve().status());
  }

  @Test
  void solve_unboundedWithoutRows() {
    LinearProgram lp =
        new LinearProgram(1).setCost(0, -1).setBounds(0, -3, LinearProgram.UNBOUNDED);
    assertEquals(Status.UNBOUNDED, lp.solve().status());
  }

  @Test
  void solve_bealeCyclingExampleTerminates() {
    // Beale's example, which cycles under the largest-coefficient entering rule (with ties broken
    // by lowest index): min -3/4 x0 + 150 x1 - 1/50 x2 + 6 x3 s.t.
    // 1/4 x0 - 60 x1 - 1/25 x2 + 9 x3 <= 0, 1/2 x0 - 90 x1 - 1/50 x2 + 3 x3 <= 0, x2 <= 1.
    // Optimum -1/20 at (1/25, 0, 1, 0). Costs are integral in the API, so the objective is scaled
    // by 100, which leaves every pivot choice unchanged.
    LinearProgram lp =
        new LinearProgram(4).setCost(0, -75).setCost(1, 15000).setCost(2, -2).setCost(3, 600);
    lp.addRow(ALL_FOUR, new Rational[] {r(1, 4), r(-60), r(-1, 25), r(9)}, LE, r(0));
    lp.addRow(ALL_FOUR, new Rational[] {r(1, 2), r(-90), r(-1, 50), r(3)}, LE, r(0));
    lp.addRow(new int[] {2}, new long[] {1}, LE, 1);
    Solution s = lp.solve(100);
    assertEquals(Status.OPTIMAL, s.status());
    assertEquals(r(-5), s.objective());
    assertEquals(r(1, 25), s.value(0));
    assertEquals(r(0), s.value(1));
    assertEquals(r(1), s.value(2));
    assertEquals(r(0), s.value(3));
  }

  @Test
  void solve_chvatalCyclingExampleTerminates() {
    // Chvátal's example, which also cycles under the largest-coefficient rule:
    // max 10 x0 - 57 x1 - 9 x2 - 24 x3 s.t. 1/2 x0 - 11/2 x1 - 5/2 x2 + 9 x3 <= 0,
    // 1/2 x0 - 3/2 x1 - 1/2 x2 + x3 <= 0, x0 <= 1. Optimum 1 at (1, 0, 1, 0).
    LinearProgram lp =
        new LinearProgram(4).setCost(0, -10).setCost(1, 57).setCost(2, 9).setCost(3, 24);
    lp.addRow(ALL_FOUR, new Rational[] {r(1, 2), r(-11, 2), r(-5, 2), r(9)}, LE, r(0));
    lp.addRow(ALL_FOUR, new Rational[] {r(1, 2), r(-3, 2), r(-1, 2), r(1)}, LE, r(0));
    lp.addRow(new int[] {0}, new long[] {1}, LE, 1);
    Solution s = lp.solve(100);
    assertEquals(Status.OPTIMAL, s.status());
    assertEquals(r(-1), s.objective());
    assertEquals(r(1), s.value(0));
    assertEquals(r(0), s.value(1));
    assertEquals(r(1), s.value(2));
    assertEquals(r(0), s.value(3));
  }

  private static final int[] ALL_FOUR = {0, 1, 2, 3};

  @Test
  void solve_kuhnDegenerateExampleTerminates() {
    // Kuhn's cycling example (Bazaraa et al.): min -2x0 - 3x1 + x2 + 12x3 s.t.
    // -2x0 - 9x1 + x2 + 9x3 <= 0, 1/3 x0 + x1 - 1/3 x2 - 2x3 <= 0 (times 3),
    // 2x0 + 3x1 - x2 - 12x3 <= 2. Optimum -2.
    LinearProgram lp =
        new LinearProgram(4).setCost(0, -2).setCost(1, -3).setCost(2, 1).setCost(3, 12);
    lp.addRow(new int[] {0, 1, 2, 3}, new long[] {-2, -9, 1, 9}, LE, 0);
    lp.addRow(new int[] {0, 1, 2, 3}, new long[] {1, 3, -1, -6}, LE, 0);
    lp.addRow(new int[] {0, 1, 2, 3}, new long[] {2, 3, -1, -12}, LE, 2);
    Solution s = lp.solve(100);
    assertEquals(Status.OPTIMAL, s.status());
    assertEquals(r(-2), s.objective());
    assertTrue(lp.isFeasible(s.values()));
  }

  @Test
  void solve_kleeMintyCube() {
    // max sum 2^(n-j) x_j s.t. sum_{j<i} 2^(i-j+1) x_j + x_i <= 5^i: optimum 5^n.
    int n = 6;
    LinearProgram lp = new LinearProgram(n);
    for (int j = 0; j < n; j++) {
      lp.setCost(j, -(1L << (n - 1 - j)));
    }
    for (int i = 0; i < n; i++) {
      int[] columns = new int[i + 1];
      long[] coefficients = new long[i + 1];
      for (int j = 0; j < i; j++) {
        columns[j] = j;
        coefficients[j] = 1L << (i - j + 1);
      }
      columns[i] = i;
      coefficients[i] = 1;
      lp.addRow(columns, coefficients, LE, BigInteger.valueOf(5).pow(i + 1).longValueExact());
    }
    Solution s = lp.solve();
    assertEquals(Status.OPTIMAL, s.status());
    assertEquals(r(-15625), s.objective());
    assertEquals(r(15625), s.value(n - 1));
    assertEquals(Status.BUDGET_EXHAUSTED, lp.solve(1).status());
  }

  @Test
  void solve_hugeCostsAreExact() {
    BigInteger huge = BigInteger.TEN.pow(30);
    LinearProgram lp = new LinearProgram(2).setCost(0, huge).setCost(1, huge.add(BigInteger.ONE));
    lp.addRow(new int[] {0, 1}, new long[] {1, 1}, GE, 3);
    lp.setBounds(0, 0, 2);
    Solution s = lp.solve();
    assertEquals(
        Rational.of(huge.multiply(BigInteger.valueOf(3)).add(BigInteger.ONE)), s.objective());
    assertEquals(r(2), s.value(0));
    assertEquals(r(1), s.value(1));
  }

  @Test
  void solve_isRepeatableAndLeavesProgramUnchanged() {
    LinearProgram lp = new LinearProgram(3).setCost(0, -1).setCost(1, -1).setCost(2, -1);
    lp.addRow(new int[] {0, 1, 2}, new long[] {1, 1, 1}, LE, 5);
    Solution first = lp.solve();
    Solution second = lp.solve();
    assertEquals(first.toString(), second.toString());
    assertEquals(r(-5), first.objective());
  }

  @Test
  void addRow_rejectsBadArguments() {
    LinearProgram lp = new LinearProgram(2);
    assertThrows(
        IllegalArgumentException.class,
        () -> lp.addRow(new int[] {0, 0}, new long[] {1, 1}, LE, 1));
    assertThrows(
        IllegalArgumentException.class, () -> lp.addRow(new int[] {0}, new long[] {1, 1}, LE, 1));
    assertThrows(
        IndexOutOfBoundsException.class, () -> lp.addRow(new int[] {2}, new long[] {1}, LE, 1));
    assertThrows(IllegalArgumentException.class, () -> lp.setBounds(0, 3, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> lp.setCost(5, 1));
  }

  @Test
  void arguments_validated() {
    assertThrows(IllegalArgumentException.class, () -> new LinearProgram(-1));
    LinearProgram lp = new LinearProgram(2);
    assertThrows(IllegalArgumentException.class, () -> lp.setBounds(0, 3, 2));
    assertThrows(
        IllegalArgumentException.class,
        () -> lp.setBounds(0, LinearProgram.UNBOUNDED, LinearProgram.UNBOUNDED));
    assertThrows(
        IllegalArgumentException.class, () -> lp.addRow(new int[] {0, 1}, new long[] {1}, LE, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> lp.addRow(new int[] {0, 1}, new Rational[] {Rational.ONE}, LE, Rational.ONE));
    Rational[] one = {Rational.ZERO};
    assertThrows(IllegalArgumentException.class, () -> lp.isFeasible(one));
    assertThrows(IllegalArgumentException.class, () -> lp.objective(one));
    assertThrows(IllegalArgumentException.class, () -> lp.solve(-1));
    assertEquals(0, lp.rowCount());
    assertSame(lp, lp.addRow(new int[] {0, 1}, new long[] {1, 1}, LE, 4));
    assertSame(lp, lp.addRow(new int[] {0}, new Rational[] {Rational.ONE}, GE, Rational.ONE));
    assertEquals(2, lp.rowCount());
    assertSame(lp, lp.setCost(1, 5));
    assertEquals(BigInteger.valueOf(5), lp.cost(1));
    assertEquals(BigInteger.ZERO, lp.cost(0));
  }

  private static LinearProgram oneColumn(LinearProgram.Relation relation, long rhs) {
    return new LinearProgram(1).addRow(new int[] {0}, new long[] {1}, relation, rhs);
  }

  private static boolean feasible(LinearProgram lp, long x) {
    return lp.isFeasible(new Rational[] {Rational.of(x)});
  }

  @Test
  void isFeasible_checksEveryRelationAndBothBounds() {
    assertTrue(feasible(oneColumn(LE, 2), 2));
    assertFalse(feasible(oneColumn(LE, 2), 3));
    assertTrue(feasible(oneColumn(GE, 2), 2));
    assertFalse(feasible(oneColumn(GE, 2), 1));
    assertTrue(feasible(oneColumn(EQ, 2), 2));
    assertFalse(feasible(oneColumn(EQ, 2), 1));
    assertFalse(feasible(oneColumn(EQ, 2), 3));
    LinearProgram bounded = new LinearProgram(1).setBounds(0, 1, 3);
    assertTrue(feasible(bounded, 1));
    assertTrue(feasible(bounded, 3));
    assertFalse(feasible(bounded, 0));
    assertFalse(feasible(bounded, 4));
    assertTrue(feasible(new LinearProgram(1).setBounds(0, 1, LinearProgram.UNBOUNDED), 1_000));
  }
}
