package io.itam.compliance.internal.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.itam.compliance.internal.solver.LinearProgram.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class LinearProgramProperties {

  /** A small LP whose columns all have finite bounds, so its optimum (if any) is at a vertex. */
  record BoxedProgram(
      long[] cost, long[] lower, long[] upper, long[][] rows, Relation[] relations, long[] rhs) {

    LinearProgram build() {
      int n = cost.length;
      LinearProgram lp = new LinearProgram(n);
      for (int j = 0; j < n; j++) {
        lp.setCost(j, cost[j]).setBounds(j, lower[j], upper[j]);
      }
      int[] columns = new int[n];
      for (int j = 0; j < n; j++) {
        columns[j] = j;
      }
      for (int i = 0; i < rows.length; i++) {
        lp.addRow(columns, rows[i], relations[i], rhs[i]);
      }
      return lp;
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

  private static Gen<BoxedProgram> boxedPrograms() {
    return in -> {
      int n = integers().between(1, 3).generate(in);
      int m = integers().between(0, 4).generate(in);
      long[] cost = new long[n];
      long[] lower = new long[n];
      long[] upper = new long[n];
      for (int j = 0; j < n; j++) {
        cost[j] = integers().between(-5, 5).generate(in);
        lower[j] = integers().between(-3, 2).generate(in);
        upper[j] = lower[j] + integers().between(0, 4).generate(in);
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
          rows[i][j] = integers().between(-3, 3).generate(in);
          atAnchor += rows[i][j] * anchor[j];
        }
        relations[i] = Relation.values()[integers().between(0, 2).generate(in)];
        int slack = integers().between(0, 2).generate(in);
        boolean anchored = integers().between(0, 3).generate(in) > 0;
        rhs[i] =
            !anchored
                ? integers().between(-6, 6).generate(in)
                : switch (relations[i]) {
                  case LE -> atAnchor + slack;
                  case EQ -> atAnchor;
                  case GE -> atAnchor - slack;
                };
      }
      return new BoxedProgram(cost, lower, upper, rows, relations, rhs);
    };
  }

  @Test
  void solve_matchesVertexEnumeration() {
    qt().withFixedSeed(20261127L)
        .withExamples(400)
        .forAll(boxedPrograms())
        .checkAssert(
            p -> {
              LinearProgram lp = p.build();
              LinearProgram.Solution s = lp.solve();
              Rational expected = bestVertex(p);
              if (expected == null) {
                assertEquals(LinearProgram.Status.INFEASIBLE, s.status(), p::toString);
              } else {
                assertEquals(LinearProgram.Status.OPTIMAL, s.status(), p::toString);
                assertEquals(expected, s.objective(), p::toString);
                assertTrue(lp.isFeasible(s.values()), p::toString);
                assertEquals(s.objective(), lp.objective(s.values()), p::toString);
              }
            });
  }

  /**
   * The least objective over the vertices of the polytope: every choice of n constraints (as {@code
   * a·x <= b} halfspaces, equalities counted as two) with a unique solution that satisfies all
   * constraints. Null when there is none, which for a bounded polytope means infeasible.
   */
  private static Rational bestVertex(BoxedProgram p) {
    int n = p.cost.length;
    List<long[]> a = new ArrayList<>();
    List<Long> b = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      long[] unit = new long[n];
      unit[j] = 1;
      a.add(unit);
      b.add(p.upper[j]);
      long[] negUnit = new long[n];
      negUnit[j] = -1;
      a.add(negUnit);
      b.add(-p.lower[j]);
    }
    for (int i = 0; i < p.rows.length; i++) {
      long[] negated = Arrays.stream(p.rows[i]).map(v -> -v).toArray();
      if (p.relations[i] != Relation.GE) {
        a.add(p.rows[i]);
        b.add(p.rhs[i]);
      }
      if (p.relations[i] != Relation.LE) {
        a.add(negated);
        b.add(-p.rhs[i]);
      }
    }
    Rational best = null;
    int k = a.size();
    int[] chosen = new int[n];
    for (long mask = 0; mask < (1L << k); mask++) {
      if (Long.bitCount(mask) != n) {
        continue;
      }
      int c = 0;
      for (int i = 0; i < k; i++) {
        if ((mask & (1L << i)) != 0) {
          chosen[c++] = i;
        }
      }
      Rational[] x = solveSquare(a, b, chosen);
      if (x == null || !satisfiesAll(a, b, x)) {
        continue;
      }
      Rational value = Rational.ZERO;
      for (int j = 0; j < n; j++) {
        value = value.add(Rational.of(p.cost[j]).multiply(x[j]));
      }
      best = best == null ? value : best.min(value);
    }
    return best;
  }

  /** Gauss-Jordan elimination on the chosen rows; null when singular. */
  private static Rational[] solveSquare(List<long[]> a, List<Long> b, int[] chosen) {
    int n = chosen.length;
    Rational[][] m = new Rational[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = Rational.of(a.get(chosen[i])[j]);
      }
      m[i][n] = Rational.of(b.get(chosen[i]));
    }
    for (int col = 0; col < n; col++) {
      int pivot = -1;
      for (int i = col; i < n; i++) {
        if (m[i][col].signum() != 0) {
          pivot = i;
          break;
        }
      }
      if (pivot < 0) {
        return null;
      }
      Rational[] tmp = m[pivot];
      m[pivot] = m[col];
      m[col] = tmp;
      for (int i = 0; i < n; i++) {
        if (i != col && m[i][col].signum() != 0) {
          Rational f = m[i][col].divide(m[col][col]);
          for (int j = col; j <= n; j++) {
            m[i][j] = m[i][j].subtract(f.multiply(m[col][j]));
          }
        }
      }
    }
    Rational[] x = new Rational[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n].divide(m[i][i]);
    }
    return x;
  }

  private static boolean satisfiesAll(List<long[]> a, List<Long> b, Rational[] x) {
    for (int i = 0; i < a.size(); i++) {
      Rational lhs = Rational.ZERO;
      for (int j = 0; j < x.length; j++) {
        lhs = lhs.add(Rational.of(a.get(i)[j]).multiply(x[j]));
      }
      if (lhs.compareTo(Rational.of(b.get(i))) > 0) {
        return false;
      }
    }
    return true;
  }
}
