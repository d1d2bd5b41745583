package io.itam.compliance.internal.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.itam.compliance.internal.solver.BranchAndBound.Result;
import io.itam.compliance.internal.solver.BranchAndBound.Status;
import io.itam.compliance.internal.solver.LinearProgram.Relation;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class BranchAndBoundProperties {

  /** A pure integer programme over a small box inside [0, 4]^n. */
  record IntegerProgram(
      long[] cost, long[] lower, long[] upper, long[][] rows, Relation[] relations, long[] rhs) {

    LinearProgram build() {
      int n = cost.length;
      LinearProgram lp = new LinearProgram(n);
      for (int j = 0; j < n; j++) {
        lp.setCost(j, cost[j]).setBounds(j, lower[j], upper[j]);
      }
      for (int i = 0; i < rows.length; i++) {
        int[] columns = new int[n];
        for (int j = 0; j < n; j++) {
          columns[j] = j;
        }
        lp.addRow(columns, rows[i], relations[i], rhs[i]);
      }
      return lp;
    }

    int[] allColumns() {
      int[] columns = new int[cost.length];
      for (int j = 0; j < columns.length; j++) {
        columns[j] = j;
      }
      return columns;
    }

    @Override
    public String toString() {
      return "cost="
          + Arrays.toString(cost)
          + " lower="
          + Arrays.toString(lower)
          + " upper="
          + Arrays.toString(upper)
          + " rows="
          + Arrays.deepToString(rows)
          + " "
          + Arrays.toString(relations)
          + " rhs="
          + Arrays.toString(rhs);
    }
  }

  /** The optimum of an integer programme by enumeration: objective and a minimiser, or null. */
  record Enumerated(long objective, long[] point) {}

  private static Gen<IntegerProgram> integerPrograms() {
    return in -> {
      int n = integers().between(1, 5).generate(in);
      int m = integers().between(1, 3).generate(in);
      long[] cost = new long[n];
      long[] lower = new long[n];
      long[] upper = new long[n];
      for (int j = 0; j < n; j++) {
        cost[j] = integers().between(-6, 6).generate(in);
        lower[j] = integers().between(0, 3).generate(in) == 0 ? 1 : 0;
        upper[j] = integers().between((int) lower[j] + 1, 4).generate(in);
      }
      // Most right-hand sides are anchored at a point of the box, so most programmes are feasible.
      long[] anchor = new long[n];
      for (int j = 0; j < n; j++) {
        anchor[j] = integers().between((int) lower[j], (int) upper[j]).generate(in);
      }
      long[][] rows = new long[m][n];
      Relation[] relations = new Relation[m];
      long[] rhs = new long[m];
      for (int i = 0; i < m; i++) {
        long atAnchor = 0;
        for (int j = 0; j < n; j++) {
          rows[i][j] = integers().between(-4, 5).generate(in);
          atAnchor += rows[i][j] * anchor[j];
        }
        relations[i] = Relation.values()[integers().between(0, 2).generate(in)];
        int slack = integers().between(0, 3).generate(in);
        boolean anchored = integers().between(0, 4).generate(in) > 0;
        rhs[i] =
            !anchored
                ? integers().between(-6, 16).generate(in)
                : switch (relations[i]) {
                  case LE -> atAnchor + slack;
                  case EQ -> atAnchor;
                  case GE -> atAnchor - slack;
                };
      }
      return new IntegerProgram(cost, lower, upper, rows, relations, rhs);
    };
  }

  /** Knapsacks (maximise value under weight rows) and covers (minimise cost over GE rows). */
  private static Gen<IntegerProgram> knapsacksAndCovers() {
    return in -> {
      boolean knapsack = integers().between(0, 1).generate(in) == 0;
      int n = integers().between(2, 5).generate(in);
      int m = integers().between(1, 3).generate(in);
      long[] cost = new long[n];
      long[] lower = new long[n];
      long[] upper = new long[n];
      for (int j = 0; j < n; j++) {
        long magnitude = integers().between(1, 9).generate(in);
        cost[j] = knapsack ? -magnitude : magnitude;
        upper[j] = integers().between(1, 4).generate(in);
      }
      long[][] rows = new long[m][n];
      Relation[] relations = new Relation[m];
      long[] rhs = new long[m];
      for (int i = 0; i < m; i++) {
        long full = 0;
        for (int j = 0; j < n; j++) {
          rows[i][j] = integers().between(knapsack ? 1 : 0, knapsack ? 7 : 3).generate(in);
          full += rows[i][j] * upper[j];
        }
        relations[i] = knapsack ? Relation.LE : Relation.GE;
        rhs[i] = integers().between(1, (int) Math.max(1, full * 2 / 3)).generate(in);
      }
      return new IntegerProgram(cost, lower, upper, rows, relations, rhs);
    };
  }

  private static Gen<IntegerProgram> programs() {
    return Generate.oneOf(integerPrograms(), knapsacksAndCovers());
  }

  private static Enumerated enumerate(IntegerProgram p) {
    int n = p.cost.length;
    long[] x = p.lower.clone();
    Enumerated best = null;
    while (true) {
      if (feasible(p, x)) {
        long value = 0;
        for (int j = 0; j < n; j++) {
          value += p.cost[j] * x[j];
        }
        if (best == null || value < best.objective) {
          best = new Enumerated(value, x.clone());
        }
      }
      int j = 0;
      while (j < n && x[j] == p.upper[j]) {
        x[j] = p.lower[j];
        j++;
      }
      if (j == n) {
        return best;
      }
      x[j]++;
    }
  }

  private static boolean feasible(IntegerProgram p, long[] x) {
    for (int i = 0; i < p.rows.length; i++) {
      long lhs = 0;
      for (int j = 0; j < x.length; j++) {
        lhs += p.rows[i][j] * x[j];
      }
      boolean ok =
          switch (p.relations[i]) {
            case LE -> lhs <= p.rhs[i];
            case EQ -> lhs == p.rhs[i];
            case GE -> lhs >= p.rhs[i];
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static void assertValidIncumbent(IntegerProgram p, LinearProgram lp, Result result) {
    Rational[] values = result.values();
    for (Rational v : values) {
      assertTrue(v.isInteger(), p::toString);
    }
    assertTrue(lp.isFeasible(values), p::toString);
    assertEquals(lp.objective(values), result.objective(), p::toString);
  }

  @Test
  void solve_matchesEnumerationOfTheBox() {
    qt().withFixedSeed(20261127L)
        .withExamples(200)
        .forAll(programs())
        .checkAssert(
            p -> {
              LinearProgram lp = p.build();
              Result result = new BranchAndBound(lp, p.allColumns()).solve();
              Enumerated expected = enumerate(p);
              if (expected == null) {
                assertEquals(Status.INFEASIBLE, result.status(), p::toString);
                return;
              }
              assertEquals(Status.OPTIMAL, result.status(), p::toString);
              assertEquals(Rational.of(expected.objective), result.objective(), p::toString);
              assertEquals(result.lowerBound().orElseThrow(), result.objective(), p::toString);
              assertValidIncumbent(p, lp, result);
            });
  }

  @Test
  void solve_withIntegralObjective_matchesEnumerationOfTheBox() {
    qt().withFixedSeed(20261128L)
        .withExamples(200)
        .forAll(programs())
        .checkAssert(
            p -> {
              LinearProgram lp = p.build();
              Result result =
                  new BranchAndBound(lp, p.allColumns()).setIntegralObjective(true).solve();
              Enumerated expected = enumerate(p);
              if (expected == null) {
                assertEquals(Status.INFEASIBLE, result.status(), p::toString);
                return;
              }
              assertEquals(Status.OPTIMAL, result.status(), p::toString);
              assertEquals(Rational.of(expected.objective), result.objective(), p::toString);
              assertValidIncumbent(p, lp, result);
            });
  }

  @Test
  void solve_budgetExhaustionBracketsTheOptimum() {
    qt().withFixedSeed(20261127L)
        .withExamples(200)
        .forAll(programs(), integers().between(0, 6))
        .checkAssert(
            (p, budget) -> {
              LinearProgram lp = p.build();
              Result result = new BranchAndBound(lp, p.allColumns()).setNodeBudget(budget).solve();
              Enumerated expected = enumerate(p);
              assertTrue(result.nodes() <= budget, p::toString);
              switch (result.status()) {
                case OPTIMAL -> {
                  assertEquals(Rational.of(expected.objective), result.objective(), p::toString);
                  assertValidIncumbent(p, lp, result);
                }
                case INFEASIBLE -> assertEquals(null, expected, p::toString);
                case BUDGET_EXHAUSTED -> {
                  if (result.hasIncumbent()) {
                    assertValidIncumbent(p, lp, result);
                    assertTrue(
                        result.objective().compareTo(Rational.of(expected.objective)) >= 0,
                        p::toString);
                  }
                  result
                      .lowerBound()
                      .ifPresent(
                          bound -> {
                            if (expected != null) {
                              assertTrue(
                                  bound.compareTo(Rational.of(expected.objective)) <= 0,
                                  p::toString);
                            }
                            if (result.hasIncumbent()) {
                              assertTrue(bound.compareTo(result.objective()) <= 0, p::toString);
                            }
                          });
                  if (budget > 0 && !result.hasIncumbent()) {
                    // The root relaxation was solved, so a bound is known unless it is infeasible.
                    assertTrue(result.lowerBound().isPresent(), p::toString);
                  }
                }
                case UNBOUNDED -> throw new AssertionError("bounded box reported unbounded: " + p);
              }
            });
  }

  @Test
  void solve_withIncumbentFromEnumerationStaysOptimal() {
    qt().withFixedSeed(20261127L)
        .withExamples(200)
        .forAll(programs())
        .assuming(p -> enumerate(p) != null)
        .checkAssert(
            p -> {
              LinearProgram lp = p.build();
              long[] point = enumerate(p).point;
              Rational[] incumbent =
                  Arrays.stream(point).mapToObj(Rational::of).toArray(Rational[]::new);
              Result result =
                  new BranchAndBound(lp, p.allColumns()).setIncumbent(incumbent).solve();
              Result plain = new BranchAndBound(lp, p.allColumns()).solve();
              assertEquals(Status.OPTIMAL, result.status(), p::toString);
              assertEquals(plain.objective(), result.objective(), p::toString);
              assertEquals(Arrays.asList(incumbent), Arrays.asList(result.values()), p::toString);
              assertTrue(result.nodes() <= plain.nodes(), p::toString);
            });
  }
}
