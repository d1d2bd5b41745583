package io.itam.compliance.internal.solver;

import static io.itam.compliance.internal.solver.LinearProgram.Relation.EQ;
import static io.itam.compliance.internal.solver.LinearProgram.Relation.GE;
import static io.itam.compliance.internal.solver.LinearProgram.Relation.LE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.internal.solver.BranchAndBound.Result;
import io.itam.compliance.internal.solver.BranchAndBound.Status;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BranchAndBoundTest {

  private static Rational r(long n) {
    return Rational.of(n);
  }

  private static Rational r(long n, long d) {
    return Rational.of(n, d);
  }

  /** max 10a + 13b + 7c + 8d s.t. 3a + 4b + 2c + 3d <= 7, binary: optimum 23 with a = b = 1. */
  private static LinearProgram knapsack() {
    LinearProgram lp = new LinearProgram(4);
    long[] value = {10, 13, 7, 8};
    for (int j = 0; j < 4; j++) {
      lp.setCost(j, -value[j]).setBounds(j, 0, 1);
    }
    lp.addRow(new int[] {0, 1, 2, 3}, new long[] {3, 4, 2, 3}, LE, 7);
    return lp;
  }

  /** Vertex cover of a triangle: the LP optimum is 3/2 at (1/2, 1/2, 1/2), the IP optimum 2. */
  private static LinearProgram triangleCover() {
    LinearProgram lp = new LinearProgram(3);
    for (int j = 0; j < 3; j++) {
      lp.setCost(j, 1).setBounds(j, 0, 1);
    }
    lp.addRow(new int[] {0, 1}, new long[] {1, 1}, GE, 1);
    lp.addRow(new int[] {1, 2}, new long[] {1, 1}, GE, 1);
    lp.addRow(new int[] {0, 2}, new long[] {1, 1}, GE, 1);
    return lp;
  }

  @Test
  void setters_rejectNegativeBudgetsAndAnIncumbentOfTheWrongLength() {
    BranchAndBound search = new BranchAndBound(knapsack(), new int[] {0, 1, 2, 3});
    assertThrows(IllegalArgumentException.class, () -> search.setNodeBudget(-1));
    assertThrows(IllegalArgumentException.class, () -> search.setPivotBudgetPerNode(-1));
    assertThrows(
        IllegalArgumentException.class, () -> search.setIncumbent(new Rational[] {r(0), r(0)}));
    search.setNodeBudget(0).setPivotBudgetPerNode(0);
  }

  @Test
  void solve_knapsack() {
    LinearProgram lp = knapsack();
    assertEquals(LinearProgram.Status.OPTIMAL, lp.solve().status());
    assertFalse(lp.solve().objective().isInteger(), "the relaxation must be fractional");
    Result result = new BranchAndBound(lp, new int[] {0, 1, 2, 3}).solve();
    assertEquals(Status.OPTIMAL, result.status());
    assertEquals(r(-23), result.objective());
    assertEquals(Optional.of(r(-23)), result.lowerBound());
    assertEquals(r(1), result.value(0));
    assertEquals(r(1), result.value(1));
    assertEquals(r(0), result.value(2));
    assertEquals(r(0), result.value(3));
    assertTrue(result.nodes() > 1);
  }

  @Test
  void solve_triangleCoverNeedsBranching() {
    Result result = new BranchAndBound(triangleCover(), new int[] {0, 1, 2}).solve();
    assertEquals(Status.OPTIMAL, result.status());
    assertEquals(r(2), result.objective());
    // Down branch first on column 0: x0 = 0 forces x1 = x2 = 1.
    assertEquals(r(0), result.value(0));
    assertEquals(r(1), result.value(1));
    assertEquals(r(1), result.value(2));
  }

  @Test
  void solve_budgetExhaustedAtRootKeepsRelaxationBound() {
    Result result =
        new BranchAndBound(triangleCover(), new int[] {0, 1, 2}).setNodeBudget(1).solve();
    assertEquals(Status.BUDGET_EXHAUSTED, result.status());
    assertFalse(result.hasIncumbent());
    assertEquals(Optional.of(r(3, 2)), result.lowerBound());
    assertEquals(1, result.nodes());
    assertThrows(IllegalStateException.class, result::objective);
  }

  @Test
  void solve_zeroBudgetProvesNothing() {
    Result result =
        new BranchAndBound(triangleCover(), new int[] {0, 1, 2}).setNodeBudget(0).solve();
    assertEquals(Status.BUDGET_EXHAUSTED, result.status());
    assertEquals(Optional.empty(), result.lowerBound());
  }

  @Test
  void solve_budgetExhaustedWithIncumbentBracketsOptimum() {
    LinearProgram lp = knapsack();
    Result full = new BranchAndBound(lp, new int[] {0, 1, 2, 3}).solve();
    for (long budget = 1; budget < full.nodes(); budget++) {
      Result partial = new BranchAndBound(lp, new int[] {0, 1, 2, 3}).setNodeBudget(budget).solve();
      assertEquals(Status.BUDGET_EXHAUSTED, partial.status(), "budget " + budget);
      Rational bound = partial.lowerBound().orElseThrow();
      assertTrue(bound.compareTo(r(-23)) <= 0, "budget " + budget);
      if (partial.hasIncumbent()) {
        assertTrue(partial.objective().compareTo(r(-23)) >= 0);
        assertTrue(lp.isFeasible(partial.values()));
      }
    }
  }

  @Test
  void solve_initialIncumbentIsKeptWhenOptimal() {
    LinearProgram lp = triangleCover();
    Rational[] known = {r(1), r(1), r(0)};
    Result result = new BranchAndBound(lp, new int[] {0, 1, 2}).setIncumbent(known).solve();
    assertEquals(Status.OPTIMAL, result.status());
    assertEquals(r(2), result.objective());
    // The search finds (0, 1, 1) with the same objective, which does not replace the incumbent.
    assertEquals(r(1), result.value(0));
    assertEquals(r(0), result.value(2));
  }

  @Test
  void solve_initialIncumbentIsImprovedUpon() {
    Rational[] poor = {r(1), r(0), r(0), r(0)};
    Result result =
        new BranchAndBound(knapsack(), new int[] {0, 1, 2, 3}).setIncumbent(poor).solve();
    assertEquals(Status.OPTIMAL, result.status());
    assertEquals(r(-23), result.objective());
  }

  @Test
  void setIncumbent_rejectsInfeasibleOrFractional() {
    BranchAndBound search = new BranchAndBound(triangleCover(), new int[] {0, 1, 2});
    assertThrows(
        IllegalArgumentException.class,
        () -> search.setIncumbent(new Rational[] {r(1), r(0), r(0)}));
    assertThrows(
        IllegalArgumentException.class,
        () -> search.setIncumbent(new Rational[] {r(1, 2), r(1), r(1)}));
    assertThrows(IllegalArgumentException.class, () -> search.setIncumbent(new Rational[] {r(1)}));
  }

  @Test
  void solve_integerInfeasibleAlthoughRelaxationFeasible() {
    LinearProgram lp = new LinearProgram(1).setBounds(0, 0, 5);
    lp.addRow(new int[] {0}, new long[] {2}, EQ, 1);
    assertEquals(LinearProgram.Status.OPTIMAL, lp.solve().status());
    Result result = new BranchAndBound(lp, new int[] {0}).solve();
    assertEquals(Status.INFEASIBLE, result.status());
    assertEquals(Optional.empty(), result.lowerBound());
  }

  @Test
  void solve_unboundedRelaxation() {
    LinearProgram lp = new LinearProgram(2).setCost(0, -1);
    lp.addRow(new int[] {0, 1}, new long[] {2, -2}, EQ, 1);
    assertEquals(Status.UNBOUNDED, new BranchAndBound(lp, new int[] {0}).solve().status());
  }

  @Test
  void solve_continuousColumnsAreNotBranched() {
    // min -x - y, 2x + 2y <= 5, x integer: x = 0 after rounding down, y continuous takes 5/2.
    LinearProgram lp = new LinearProgram(2).setCost(0, -1).setCost(1, -1);
    lp.addRow(new int[] {0, 1}, new long[] {2, 2}, LE, 5);
    lp.addRow(new int[] {0}, new long[] {2}, LE, 3);
    Result result = new BranchAndBound(lp, new int[] {0}).solve();
    assertEquals(Status.OPTIMAL, result.status());
    assertEquals(r(-5, 2), result.objective());
    assertTrue(result.value(0).isInteger());
    assertTrue(lp.isFeasible(result.values()));
  }

  @Test
  void solve_generalIntegersBranchBothWays() {
    // max 5x + 4y s.t. 6x + 4y <= 24, x + 2y <= 6, integers: optimum 20 at (4, 0).
    LinearProgram lp = new LinearProgram(2).setCost(0, -5).setCost(1, -4);
    lp.addRow(new int[] {0, 1}, new long[] {6, 4}, LE, 24);
    lp.addRow(new int[] {0, 1}, new long[] {1, 2}, LE, 6);
    Result result = new BranchAndBound(lp, new int[] {0, 1}).solve();
    assertEquals(Status.OPTIMAL, result.status());
    assertEquals(r(-20), result.objective());
    assertEquals(r(4), result.value(0));
    assertEquals(r(0), result.value(1));
  }

  @Test
  void solve_pivotBudgetPerNodeExhaustion() {
    Result result =
        new BranchAndBound(knapsack(), new int[] {0, 1, 2, 3}).setPivotBudgetPerNode(0).solve();
    assertEquals(Status.BUDGET_EXHAUSTED, result.status());
    assertEquals(Optional.empty(), result.lowerBound());
  }

  @Test
  void solve_isDeterministic() {
    Result first = new BranchAndBound(knapsack(), new int[] {0, 1, 2, 3}).solve();
    Result second = new BranchAndBound(knapsack(), new int[] {0, 1, 2, 3}).solve();
    assertEquals(first.toString(), second.toString());
  }
}
