package io.itam.compliance.internal.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class MinCostFlowProperties {

  /** A generated network: arcs {@code from[a] -> to[a]} with capacity and per-tier costs. */
  record Network(
      int nodes, int tiers, long[] supply, int[] from, int[] to, long[] capacity, long[][] cost) {

    MinCostFlow build() {
      MinCostFlow flow = new MinCostFlow(nodes, tiers);
      for (int a = 0; a < from.length; a++) {
        assertEquals(a, flow.addArc(from[a], to[a], capacity[a], cost[a]));
      }
      for (int v = 0; v < nodes; v++) {
        flow.setSupply(v, supply[v]);
      }
      return flow;
    }

    long totalSupply() {
      return Arrays.stream(supply).filter(s -> s > 0).sum();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("nodes=" + nodes + " tiers=" + tiers);
      sb.append(" supply=").append(Arrays.toString(supply));
      for (int a = 0; a < from.length; a++) {
        sb.append(
            String.format(
                " %d->%d cap %d cost %s;", from[a], to[a], capacity[a], Arrays.toString(cost[a])));
      }
      return sb.toString();
    }
  }

  /** Random directed networks with transshipment nodes, parallel arcs and cycles. */
  private static Gen<Network> networks() {
    return in -> {
      int nodes = integers().between(2, 6).generate(in);
      int tiers = integers().between(1, 3).generate(in);
      int arcs = integers().between(1, 12).generate(in);
      int[] from = new int[arcs];
      int[] to = new int[arcs];
      long[] capacity = new long[arcs];
      long[][] cost = new long[arcs][tiers];
      for (int a = 0; a < arcs; a++) {
        from[a] = integers().between(0, nodes - 1).generate(in);
        to[a] = integers().between(0, nodes - 1).generate(in);
        int c = integers().between(-1, 6).generate(in);
        capacity[a] = c < 0 ? MinCostFlow.INFINITE : c;
        for (int t = 0; t < tiers; t++) {
          cost[a][t] = integers().between(0, 4).generate(in);
        }
      }
      if (integers().between(0, 2).generate(in) > 0) {
        // A ring of unbounded, dearer arcs through every node makes most instances feasible.
        from = Arrays.copyOf(from, arcs + nodes);
        to = Arrays.copyOf(to, arcs + nodes);
        capacity = Arrays.copyOf(capacity, arcs + nodes);
        cost = Arrays.copyOf(cost, arcs + nodes);
        for (int v = 0; v < nodes; v++) {
          from[arcs + v] = v;
          to[arcs + v] = (v + 1) % nodes;
          capacity[arcs + v] = MinCostFlow.INFINITE;
          cost[arcs + v] = new long[tiers];
          for (int t = 0; t < tiers; t++) {
            cost[arcs + v][t] = integers().between(2, 6).generate(in);
          }
        }
      }
      long[] supply = new long[nodes];
      long balance = 0;
      for (int v = 0; v < nodes - 1; v++) {
        supply[v] = integers().between(-5, 5).generate(in);
        balance += supply[v];
      }
      supply[nodes - 1] = -balance;
      return new Network(nodes, tiers, supply, from, to, capacity, cost);
    };
  }

  /** Complete bipartite transportation networks: sources 0..s-1, sinks s..s+k-1. */
  private static Gen<Network> transportation() {
    return in -> {
      int sources = integers().between(1, 3).generate(in);
      int sinks = integers().between(1, 3).generate(in);
      int tiers = integers().between(1, 3).generate(in);
      int nodes = sources + sinks;
      long[] supply = new long[nodes];
      long total = 0;
      for (int s = 0; s < sources; s++) {
        supply[s] = integers().between(0, 6).generate(in);
        total += supply[s];
      }
      for (int k = 0; k < sinks - 1; k++) {
        long demand = integers().between(0, (int) total).generate(in);
        supply[sources + k] = -demand;
        total -= demand;
      }
      supply[nodes - 1] = -total;
      int arcs = sources * sinks;
      int[] from = new int[arcs];
      int[] to = new int[arcs];
      long[] capacity = new long[arcs];
      long[][] cost = new long[arcs][tiers];
      int a = 0;
      for (int s = 0; s < sources; s++) {
        for (int k = 0; k < sinks; k++) {
          from[a] = s;
          to[a] = sources + k;
          capacity[a] = integers().between(0, 6).generate(in);
          for (int t = 0; t < tiers; t++) {
            cost[a][t] = integers().between(0, 3).generate(in);
          }
          a++;
        }
      }
      return new Network(nodes, tiers, supply, from, to, capacity, cost);
    };
  }

  /** Assignment problems: n workers (supply 1) to n jobs (demand 1), unit capacities. */
  private static Gen<long[][][]> assignmentCosts() {
    return in -> {
      int n = integers().between(1, 5).generate(in);
      int tiers = integers().between(1, 3).generate(in);
      long[][][] cost = new long[n][n][tiers];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (int t = 0; t < tiers; t++) {
            cost[i][j][t] = integers().between(0, 3).generate(in);
          }
        }
      }
      return cost;
    };
  }

  @Test
  void solve_generalNetworkMatchesLinearProgramWithCombinedTiers() {
    qt().withFixedSeed(20261127L)
        .withExamples(300)
        .forAll(networks())
        .checkAssert(MinCostFlowProperties::checkAgainstLp);
  }

  @Test
  void solve_transportationMatchesLinearProgramWithCombinedTiers() {
    qt().withFixedSeed(20261127L)
        .withExamples(300)
        .forAll(transportation())
        .checkAssert(MinCostFlowProperties::checkAgainstLp);
  }

  private static void checkAgainstLp(Network network) {
    LinearProgram.Solution lp = combinedTierProgram(network).solve();
    MinCostFlow flow = network.build();
    if (lp.status() == LinearProgram.Status.INFEASIBLE) {
      assertThrows(IllegalStateException.class, flow::solve, network::toString);
      return;
    }
    assertEquals(LinearProgram.Status.OPTIMAL, lp.status(), network::toString);
    flow.solve();
    assertConservingAndWithinCapacity(network, flow);
    assertEquals(
        lp.objective(), Rational.of(combine(network, flow.totalCost())), network::toString);
  }

  private static void assertConservingAndWithinCapacity(Network network, MinCostFlow flow) {
    long[] net = new long[network.nodes];
    long[] expectedTotal = new long[network.tiers];
    for (int a = 0; a < network.from.length; a++) {
      long f = flow.flow(a);
      assertTrue(f >= 0 && f <= network.capacity[a], () -> "arc capacity: " + network);
      net[network.from[a]] += f;
      net[network.to[a]] -= f;
      for (int t = 0; t < network.tiers; t++) {
        expectedTotal[t] += f * network.cost[a][t];
      }
    }
    assertArrayEquals(network.supply, net, network::toString);
    assertArrayEquals(expectedTotal, flow.totalCost(), network::toString);
  }

  /**
   * The flow problem as an LP over arc flows, objective {@code Σ_t cost_t · base^(T-1-t)}. Some
   * lexicographically optimal flow is acyclic, so capping every arc at the total supply keeps the
   * optimum; the base then exceeds any lower-tier total, so the combined optimum is the
   * lexicographic one.
   */
  private static LinearProgram combinedTierProgram(Network network) {
    int arcs = network.from.length;
    LinearProgram lp = new LinearProgram(arcs);
    long totalSupply = network.totalSupply();
    BigInteger base = base(network);
    for (int a = 0; a < arcs; a++) {
      lp.setBounds(a, 0, Math.min(network.capacity[a], totalSupply));
      lp.setCost(a, combine(base, network.cost[a]));
    }
    for (int v = 0; v < network.nodes; v++) {
      int count = 0;
      int[] columns = new int[arcs];
      long[] coefficients = new long[arcs];
      for (int a = 0; a < arcs; a++) {
        if (network.from[a] == network.to[a]) {
          continue;
        }
        if (network.from[a] == v) {
          columns[count] = a;
          coefficients[count++] = 1;
        } else if (network.to[a] == v) {
          columns[count] = a;
          coefficients[count++] = -1;
        }
      }
      lp.addRow(
          Arrays.copyOf(columns, count),
          Arrays.copyOf(coefficients, count),
          LinearProgram.Relation.EQ,
          network.supply[v]);
    }
    return lp;
  }

  private static BigInteger base(Network network) {
    long totalSupply = network.totalSupply();
    long bound = 1;
    for (int a = 0; a < network.from.length; a++) {
      for (int t = 0; t < network.tiers; t++) {
        bound += Math.min(network.capacity[a], totalSupply) * network.cost[a][t];
      }
    }
    return BigInteger.valueOf(bound);
  }

  private static BigInteger combine(Network network, long[] tiers) {
    return combine(base(network), tiers);
  }

  private static BigInteger combine(BigInteger base, long[] tiers) {
    BigInteger value = BigInteger.ZERO;
    for (long tier : tiers) {
      value = value.multiply(base).add(BigInteger.valueOf(tier));
    }
    return value;
  }

  @Test
  void solve_assignmentMatchesBruteForceOverPermutations() {
    qt().withFixedSeed(20261127L)
        .withExamples(300)
        .forAll(assignmentCosts())
        .checkAssert(
            cost -> {
              int n = cost.length;
              int tiers = cost[0][0].length;
              MinCostFlow flow = new MinCostFlow(2 * n, tiers);
              for (int i = 0; i < n; i++) {
                flow.setSupply(i, 1);
                flow.setSupply(n + i, -1);
                for (int j = 0; j < n; j++) {
                  flow.addArc(i, n + j, 1, cost[i][j]);
                }
              }
              flow.solve();
              long[] best = bestPermutationCost(cost, new int[n], new boolean[n], 0, null);
              assertArrayEquals(best, flow.totalCost(), () -> Arrays.deepToString(cost));
              for (int i = 0; i < n; i++) {
                long assigned = 0;
                long received = 0;
                for (int j = 0; j < n; j++) {
                  assigned += flow.flow(i * n + j);
                  received += flow.flow(j * n + i);
                }
                assertEquals(1, assigned);
                assertEquals(1, received);
              }
            });
  }

  private static long[] bestPermutationCost(
      long[][][] cost, int[] assignment, boolean[] used, int worker, long[] best) {
    int n = cost.length;
    if (worker == n) {
      long[] total = new long[cost[0][0].length];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < total.length; t++) {
          total[t] += cost[i][assignment[i]][t];
        }
      }
      return best == null || Arrays.compare(total, best) < 0 ? total : best;
    }
    for (int j = 0; j < n; j++) {
      if (!used[j]) {
        used[j] = true;
        assignment[worker] = j;
        best = bestPermutationCost(cost, assignment, used, worker + 1, best);
        used[j] = false;
      }
    }
    return best;
  }

  @Test
  void solve_sameNetworkGivesSameFlow() {
    qt().withFixedSeed(20261127L)
        .withExamples(100)
        .forAll(networks())
        .checkAssert(
            network -> {
              long[] first = flows(network);
              long[] second = flows(network);
              assertArrayEquals(first, second, network::toString);
            });
  }

  private static long[] flows(Network network) {
    MinCostFlow flow = network.build();
    try {
      flow.solve();
    } catch (IllegalStateException infeasible) {
      return new long[0];
    }
    long[] result = new long[network.from.length];
    for (int a = 0; a < result.length; a++) {
      result[a] = flow.flow(a);
    }
    return result;
  }
}
