package io.itam.compliance.internal.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinCostFlowTest {

  @Test
  void solve_transportationProblem() {
    // Sources a (20), b (30); sinks x (10), y (25), z (15).
    MinCostFlow flow = new MinCostFlow(5, 1);
    flow.setSupply(0, 20);
    flow.setSupply(1, 30);
    flow.setSupply(2, -10);
    flow.setSupply(3, -25);
    flow.setSupply(4, -15);
    int ax = flow.addArc(0, 2, 100, 4);
    int ay = flow.addArc(0, 3, 100, 6);
    int az = flow.addArc(0, 4, 100, 9);
    int bx = flow.addArc(1, 2, 100, 5);
    int by = flow.addArc(1, 3, 100, 3);
    int bz = flow.addArc(1, 4, 100, 8);
    flow.solve();
    assertArrayEquals(new long[] {245}, flow.totalCost());
    assertEquals(10, flow.flow(ax));
    assertEquals(0, flow.flow(ay));
    assertEquals(10, flow.flow(az));
    assertEquals(0, flow.flow(bx));
    assertEquals(25, flow.flow(by));
    assertEquals(5, flow.flow(bz));
  }

  @Test
  void solve_parallelArcsFillCheapestFirst() {
    MinCostFlow flow = new MinCostFlow(2, 1);
    flow.setSupply(0, 12);
    flow.setSupply(1, -12);
    int expensive = flow.addArc(0, 1, 5, 3);
    int cheap = flow.addArc(0, 1, 5, 1);
    int middle = flow.addArc(0, 1, 5, 2);
    flow.solve();
    assertEquals(5, flow.flow(cheap));
    assertEquals(5, flow.flow(middle));
    assertEquals(2, flow.flow(expensive));
    assertArrayEquals(new long[] {21}, flow.totalCost());
  }

  @Test
  void solve_secondTierBreaksTieBetweenEqualFirstTierPaths() {
    // Paths 0-1-3 costs (2, 5) and 0-2-3 costs (2, 2); direct 0-3 costs (3, 0).
    MinCostFlow flow = tieBreakNetwork(10);
    flow.solve();
    assertEquals(0, flow.flow(0));
    assertEquals(0, flow.flow(1));
    assertEquals(4, flow.flow(2));
    assertEquals(4, flow.flow(3));
    assertEquals(0, flow.flow(4));
    assertArrayEquals(new long[] {8, 8}, flow.totalCost());
  }

  @Test
  void solve_secondTierPathUsedUpToCapacityThenNextBest() {
    MinCostFlow flow = tieBreakNetwork(3);
    flow.solve();
    assertEquals(1, flow.flow(0));
    assertEquals(3, flow.flow(2));
    assertEquals(0, flow.flow(4));
    assertArrayEquals(new long[] {8, 11}, flow.totalCost());
  }

  private static MinCostFlow tieBreakNetwork(long capacityVia2) {
    MinCostFlow flow = new MinCostFlow(4, 2);
    flow.setSupply(0, 4);
    flow.setSupply(3, -4);
    flow.addArc(0, 1, 10, 1, 0); // 0
    flow.addArc(1, 3, 10, 1, 5); // 1
    flow.addArc(0, 2, capacityVia2, 2, 1); // 2
    flow.addArc(2, 3, 10, 0, 1); // 3
    flow.addArc(0, 3, 10, 3, 0); // 4
    return flow;
  }

  @Test
  void solve_firstTierDominatesHugeLowerTier() {
    MinCostFlow flow = new MinCostFlow(2, 3);
    flow.setSupply(0, 7);
    flow.setSupply(1, -7);
    int cheapFirstTier = flow.addArc(0, 1, 10, 1, 1_000_000_000_000L, 1_000_000_000_000L);
    int cheapLowerTiers = flow.addArc(0, 1, 10, 2, 0, 0);
    flow.solve();
    assertEquals(7, flow.flow(cheapFirstTier));
    assertEquals(0, flow.flow(cheapLowerTiers));
    assertArrayEquals(new long[] {7, 7_000_000_000_000L, 7_000_000_000_000L}, flow.totalCost());
  }

  @Test
  void solve_mixedSourcesShareTheCheapRoute() {
    // Units at 0 and 1 both want 1-3 (cost 0); the cheapest plan sends 0's unit along 0-1-3 and
    // 1's along 1-2-3 (cost 6), not 0-2-3 (cost 10).
    MinCostFlow flow = new MinCostFlow(4, 1);
    flow.setSupply(0, 1);
    flow.setSupply(1, 1);
    flow.setSupply(3, -2);
    int a02 = flow.addArc(0, 2, 1, 5);
    int a23 = flow.addArc(2, 3, 1, 5);
    int a01 = flow.addArc(0, 1, 1, 0);
    int a13 = flow.addArc(1, 3, 1, 0);
    int a12 = flow.addArc(1, 2, 1, 1);
    flow.solve();
    assertArrayEquals(new long[] {6}, flow.totalCost());
    assertEquals(0, flow.flow(a02));
    assertEquals(1, flow.flow(a23));
    assertEquals(1, flow.flow(a01));
    assertEquals(1, flow.flow(a13));
    assertEquals(1, flow.flow(a12));
  }

  @Test
  void solve_infeasibleSupplyThrowsNamingShortfall() {
    MinCostFlow flow = new MinCostFlow(2, 1);
    flow.setSupply(0, 5);
    flow.setSupply(1, -5);
    flow.addArc(0, 1, 3, 1);
    IllegalStateException e = assertThrows(IllegalStateException.class, flow::solve);
    assertTrue(e.getMessage().contains("infeasible"), e.getMessage());
    assertTrue(e.getMessage().contains("2 of 5"), e.getMessage());
    assertTrue(e.getMessage().contains("node 0"), e.getMessage());
  }

  @Test
  void solve_unreachableSinkThrows() {
    MinCostFlow flow = new MinCostFlow(3, 1);
    flow.setSupply(0, 1);
    flow.setSupply(2, -1);
    flow.addArc(0, 1, 1, 0);
    assertThrows(IllegalStateException.class, flow::solve);
  }

  @Test
  void solve_unbalancedSuppliesThrow() {
    MinCostFlow flow = new MinCostFlow(2, 1);
    flow.setSupply(0, 5);
    flow.setSupply(1, -4);
    flow.addArc(0, 1, 10, 1);
    IllegalStateException e = assertThrows(IllegalStateException.class, flow::solve);
    assertTrue(e.getMessage().contains("sum to zero"), e.getMessage());
  }

  @Test
  void solve_infiniteCapacityCarriesMillionsInstantly() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          MinCostFlow flow = new MinCostFlow(4, 2);
          flow.setSupply(0, 7_000_000);
          flow.setSupply(1, 3_000_000);
          flow.setSupply(3, -10_000_000);
          int a02 = flow.addArc(0, 2, MinCostFlow.INFINITE, 1, 1);
          int a12 = flow.addArc(1, 2, MinCostFlow.INFINITE, 1, 1);
          int a23cheap = flow.addArc(2, 3, 4_000_001, 0, 1);
          int a23 = flow.addArc(2, 3, MinCostFlow.INFINITE, 0, 2);
          int a03 = flow.addArc(0, 3, MinCostFlow.INFINITE, 2, 0);
          flow.solve();
          assertEquals(7_000_000, flow.flow(a02));
          assertEquals(3_000_000, flow.flow(a12));
          assertEquals(4_000_001, flow.flow(a23cheap));
          assertEquals(5_999_999, flow.flow(a23));
          assertEquals(0, flow.flow(a03));
          assertArrayEquals(
              new long[] {10_000_000, 10_000_000 + 4_000_001 + 2 * 5_999_999L}, flow.totalCost());
        });
  }

  @Test
  void solve_zeroCostCycleDoesNotLoop() {
    MinCostFlow flow = new MinCostFlow(3, 1);
    flow.setSupply(0, 3);
    flow.setSupply(2, -3);
    flow.addArc(0, 1, MinCostFlow.INFINITE, 0);
    flow.addArc(1, 0, MinCostFlow.INFINITE, 0);
    int out = flow.addArc(1, 2, MinCostFlow.INFINITE, 2);
    flow.solve();
    assertEquals(3, flow.flow(out));
    assertArrayEquals(new long[] {6}, flow.totalCost());
  }

  @Test
  void solve_noSuppliesGivesZeroFlow() {
    MinCostFlow flow = new MinCostFlow(2, 1);
    int arc = flow.addArc(0, 1, 5, 0);
    flow.solve();
    assertEquals(0, flow.flow(arc));
    assertArrayEquals(new long[] {0}, flow.totalCost());
  }

  @Test
  void solve_totalCostOverflowThrows() {
    MinCostFlow flow = new MinCostFlow(2, 1);
    flow.setSupply(0, 1_000_000);
    flow.setSupply(1, -1_000_000);
    flow.addArc(0, 1, MinCostFlow.INFINITE, Long.MAX_VALUE / 2);
    flow.solve();
    assertThrows(ArithmeticException.class, flow::totalCost);
  }

  @Test
  void solve_largeBipartiteNetworkIsFastAndConserving() {
    int demands = 20_000;
    int licences = 1_000;
    int perDemand = 10;
    int nodes = demands + licences + 1;
    int shortfall = nodes - 1;
    SplittableRandom random = new SplittableRandom(42);
    MinCostFlow flow = new MinCostFlow(nodes, 3);
    long totalDemand = 0;
    int[] target = new int[demands * (perDemand + 1)];
    for (int d = 0; d < demands; d++) {
      long quantity = 1 + random.nextInt(200);
      flow.setSupply(d, quantity);
      totalDemand += quantity;
      for (int k = 0; k < perDemand; k++) {
        int licence = demands + random.nextInt(licences);
        target[flow.addArc(d, licence, MinCostFlow.INFINITE, 0, 1 + random.nextInt(50), k)] =
            licence;
      }
      target[flow.addArc(d, shortfall, MinCostFlow.INFINITE, 1, 0, 0)] = shortfall;
    }
    long entitled = 0;
    for (int l = 0; l < licences; l++) {
      long quantity = random.nextInt(1_500);
      flow.setSupply(demands + l, -quantity);
      entitled += quantity;
    }
    long shortfallUnits = totalDemand - entitled;
    assertTrue(shortfallUnits > 0);
    flow.setSupply(shortfall, -shortfallUnits);
    assertTimeoutPreemptively(Duration.ofSeconds(30), flow::solve);
    long[] inflow = new long[nodes];
    for (int a = 0; a < target.length; a++) {
      inflow[target[a]] += flow.flow(a);
    }
    for (int v = demands; v < nodes; v++) {
      assertEquals(-flow.supply(v), inflow[v]);
    }
    long viaShortfall = 0;
    int arc = 0;
    for (int d = 0; d < demands; d++) {
      long out = 0;
      for (int k = 0; k < perDemand; k++) {
        out += flow.flow(arc++);
      }
      long missing = flow.flow(arc++);
      viaShortfall += missing;
      assertEquals(flow.supply(d), out + missing);
    }
    assertEquals(shortfallUnits, viaShortfall);
    assertEquals(shortfallUnits, flow.totalCost()[0]);
  }

  @Test
  void solve_isDeterministic() {
    long[] first = solveRandom(7);
    long[] second = solveRandom(7);
    assertArrayEquals(first, second);
  }

  private static long[] solveRandom(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 30;
    MinCostFlow flow = new MinCostFlow(n, 2);
    for (int i = 0; i < 200; i++) {
      flow.addArc(
          random.nextInt(n),
          random.nextInt(n),
          random.nextInt(20),
          random.nextInt(3),
          random.nextInt(3));
    }
    for (int i = 0; i < n - 1; i++) {
      flow.addArc(i, i + 1, MinCostFlow.INFINITE, 5, 5);
    }
    flow.setSupply(0, 50);
    flow.setSupply(n - 1, -50);
    flow.solve();
    long[] flows = new long[flow.arcCount()];
    for (int a = 0; a < flows.length; a++) {
      flows[a] = flow.flow(a);
    }
    return flows;
  }

  @Test
  void addArc_rejectsBadArguments() {
    MinCostFlow flow = new MinCostFlow(2, 2);
    assertThrows(IllegalArgumentException.class, () -> flow.addArc(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> flow.addArc(0, 1, 1, 1, -1));
    assertThrows(IllegalArgumentException.class, () -> flow.addArc(0, 1, -1, 1, 1));
    assertThrows(
        IllegalArgumentException.class, () -> flow.addArc(0, 1, MinCostFlow.INFINITE + 1, 1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> flow.addArc(0, 2, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new MinCostFlow(2, 0));
    assertThrows(IllegalArgumentException.class, () -> new MinCostFlow(2, 9));
    assertThrows(IllegalArgumentException.class, () -> flow.setSupply(0, MinCostFlow.INFINITE));
  }

  @Test
  void flow_requiresSolve() {
    MinCostFlow flow = new MinCostFlow(2, 1);
    flow.addArc(0, 1, 1, 1);
    assertThrows(IllegalStateException.class, () -> flow.flow(0));
    flow.solve();
    assertThrows(IllegalStateException.class, flow::solve);
    assertThrows(IllegalStateException.class, () -> flow.addArc(0, 1, 1, 1));
  }

  @Test
  void constructorAndSupplies_validated_andSolveOnlyOnce() {
    assertThrows(IllegalArgumentException.class, () -> new MinCostFlow(-1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MinCostFlow(Integer.MAX_VALUE / MinCostFlow.MAX_TIERS - 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new MinCostFlow(2, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new MinCostFlow(2, MinCostFlow.MAX_TIERS + 1));
    MinCostFlow empty = new MinCostFlow(0, MinCostFlow.MAX_TIERS);
    assertEquals(0, empty.nodeCount());
    assertEquals(MinCostFlow.MAX_TIERS, empty.tiers());

    MinCostFlow flow = new MinCostFlow(2, 1);
    assertEquals(2, flow.nodeCount());
    assertEquals(1, flow.tiers());
    assertThrows(IllegalArgumentException.class, () -> flow.setSupply(0, MinCostFlow.INFINITE));
    assertThrows(IllegalArgumentException.class, () -> flow.setSupply(0, -MinCostFlow.INFINITE));
    flow.setSupply(0, MinCostFlow.INFINITE - 1);
    flow.setSupply(0, 3);
    flow.setSupply(1, -3);
    assertEquals(0, flow.arcCount());
    int arc = flow.addArc(0, 1, 5, 2);
    assertEquals(1, flow.arcCount());
    assertThrows(IllegalStateException.class, flow::totalCost);
    flow.solve();
    assertEquals(3, flow.flow(arc));
    assertArrayEquals(new long[] {6}, flow.totalCost());
    assertThrows(IllegalStateException.class, () -> flow.setSupply(0, 1));
    assertThrows(IllegalStateException.class, flow::solve);
  }
}
