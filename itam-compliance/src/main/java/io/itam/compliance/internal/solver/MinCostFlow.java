package io.itam.compliance.internal.solver;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;

/**
 * A minimum-cost flow solver whose arc costs are lexicographic vectors of non-negative longs.
 *
 * <p>Every arc cost has the same number of tiers {@code T} (1 to {@value #MAX_TIERS}); cost {@code
 * a} is less than cost {@code b} when, at the first tier where they differ, {@code a} is smaller.
 * The solver therefore minimises tier 0 exactly, then tier 1 among the flows optimal for tier 0,
 * and so on, without weighting the tiers into one number. In licensing terms: the shortfall first,
 * then the value of the licences consumed, then a tie-break.
 *
 * <p>Usage: add arcs and supplies, call {@link #solve()} once, then read {@link #flow(int)} and
 * {@link #totalCost()}. The algorithm is successive shortest paths in the primal-dual form:
 * Dijkstra on reduced costs with node potentials (costs, potentials and distances are {@code
 * T}-tuples compared lexicographically, an ordered abelian group, so the reduced-cost argument
 * holds), then a blocking flow on the zero-reduced-cost arcs, each path augmented by its
 * bottleneck. All arithmetic is exact; overflow throws {@link ArithmeticException}. Ties are broken
 * by node index and arc id, so the same input always yields the same flow.
 */
public final class MinCostFlow {
  /** Capacity meaning "unbounded". Supplies and finite capacities must be smaller. */
  public static final long INFINITE = Long.MAX_VALUE / 4;

  /** The most cost tiers an arc may have. */
  public static final int MAX_TIERS = 8;

  private static final int NONE = -1;

  private final int nodeCount;
  private final int tiers;
  private final long[] supply;

  private int arcCount;
  private int[] arcFrom = new int[16];
  private int[] arcTo = new int[16];
  private long[] arcCapacity = new long[16];
  private long[] arcCost;

  /** The flow on each arc; null until solved. */
  private long[] arcFlow;

  /**
   * Creates an empty network.
   *
   * @param nodeCount number of nodes, identified {@code 0..nodeCount-1}
   * @param tiers number of cost tiers per arc, 1 to {@value #MAX_TIERS}
   */
  public MinCostFlow(int nodeCount, int tiers) {
    checkArgument(nodeCount >= 0, "nodeCount must be non-negative, got %s", nodeCount);
    checkArgument(
        nodeCount <= Integer.MAX_VALUE / MAX_TIERS - 2, "nodeCount too large, got %s", nodeCount);
    checkArgument(
        tiers >= 1 && tiers <= MAX_TIERS, "tiers must be in [1, %s], got %s", MAX_TIERS, tiers);
    this.nodeCount = nodeCount;
    this.tiers = tiers;
    this.supply = new long[nodeCount];
    this.arcCost = new long[16 * tiers];
  }

  /** Returns the number of cost tiers. */
  public int tiers() {
    return tiers;
  }

  /** Returns the number of nodes. */
  public int nodeCount() {
    return nodeCount;
  }

  /** Returns the number of arcs added. */
  public int arcCount() {
    return arcCount;
  }

  /**
   * Adds an arc and returns its id (0, 1, 2, ... in order of addition).
   *
   * @param capacity in {@code [0, INFINITE]}; {@link #INFINITE} means unbounded
   * @param costPerTier exactly {@link #tiers()} non-negative costs per unit of flow, most
   *     significant first
   */
  public int addArc(int from, int to, long capacity, long... costPerTier) {
    checkState(arcFlow == null, "arcs cannot be added after solve()");
    checkElementIndex(from, nodeCount, "from");
    checkElementIndex(to, nodeCount, "to");
    checkArgument(
        capacity >= 0 && capacity <= INFINITE,
        "capacity must be in [0, INFINITE], got %s",
        capacity);
    checkArgument(
        costPerTier.length == tiers,
        "costPerTier must have %s tiers, got %s",
        tiers,
        costPerTier.length);
    for (int t = 0; t < tiers; t++) {
      checkArgument(
          costPerTier[t] >= 0, "costPerTier[%s] must be non-negative, got %s", t, costPerTier[t]);
    }
    // Each arc becomes two residual edges, and solve() adds up to one super arc per node.
    checkState(
        arcCount < (Integer.MAX_VALUE / MAX_TIERS - nodeCount) / 2 - 2,
        "too many arcs: %s",
        arcCount);
    int a = arcCount;
    if (a == arcFrom.length) {
      int size = (int) Math.min(Integer.MAX_VALUE / MAX_TIERS, 2L * a);
      arcFrom = Arrays.copyOf(arcFrom, size);
      arcTo = Arrays.copyOf(arcTo, size);
      arcCapacity = Arrays.copyOf(arcCapacity, size);
      arcCost = Arrays.copyOf(arcCost, size * tiers);
    }
    arcFrom[a] = from;
    arcTo[a] = to;
    arcCapacity[a] = capacity;
    System.arraycopy(costPerTier, 0, arcCost, a * tiers, tiers);
    arcCount = a + 1;
    return a;
  }

  /**
   * Sets the supply of {@code node}: positive for a source, negative for a sink, zero (the default)
   * for a transshipment node. Supplies must sum to zero by the time of {@link #solve()}.
   */
  public void setSupply(int node, long supply) {
    checkState(arcFlow == null, "supplies cannot be set after solve()");
    checkElementIndex(node, nodeCount, "node");
    checkArgument(
        supply > -INFINITE && supply < INFINITE,
        "supply must be in (-INFINITE, INFINITE), got %s",
        supply);
    this.supply[node] = supply;
  }

  /** Returns the supply set for {@code node}. */
  public long supply(int node) {
    checkElementIndex(node, nodeCount, "node");
    return supply[node];
  }

  /**
   * Finds a flow meeting every supply exactly, within capacities, at minimum lexicographic cost.
   * May be called once.
   *
   * @throws IllegalStateException if already solved, if the supplies do not sum to zero, or if no
   *     feasible flow exists (the message names the unmet amount and a node that cannot send or
   *     receive it)
   * @throws ArithmeticException if a potential or total would overflow a long
   */
  public void solve() {
    checkState(arcFlow == null, "solve() may be called once");
    long balance = 0;
    long required = 0;
    for (int v = 0; v < nodeCount; v++) {
      balance = Math.addExact(balance, supply[v]);
      if (supply[v] > 0) {
        required = Math.addExact(required, supply[v]);
      }
    }
    checkState(balance == 0, "supplies must sum to zero, got %s", balance);
    Solver solver = new Solver();
    long sent = solver.run(required);
    arcFlow = solver.arcFlows();
    if (sent < required) {
      throw new IllegalStateException(solver.infeasibilityMessage(required, sent));
    }
  }

  /** Returns the flow on arc {@code arc} in the solution. */
  public long flow(int arc) {
    checkState(arcFlow != null, "flow() requires solve()");
    checkElementIndex(arc, arcCount, "arc");
    return arcFlow[arc];
  }

  /** Returns the total cost of the solution per tier, most significant first. */
  public long[] totalCost() {
    checkState(arcFlow != null, "totalCost() requires solve()");
    long[] total = new long[tiers];
    for (int a = 0; a < arcCount; a++) {
      long f = arcFlow[a];
      if (f == 0) {
        continue;
      }
      for (int t = 0; t < tiers; t++) {
        total[t] = Math.addExact(total[t], Math.multiplyExact(f, arcCost[a * tiers + t]));
      }
    }
    return total;
  }

  /**
   * One run of the primal-dual algorithm on the residual graph in compressed-sparse-row form. A
   * super source (node {@code nodeCount}) feeds every supply and a super sink ({@code nodeCount +
   * 1}) drains every demand; the super arcs follow the caller's arcs. Arc {@code a} gives residual
   * edges {@code 2a} (forward) and {@code 2a + 1} (reverse), and each node's edges are stored and
   * scanned in increasing edge id.
   */
  private final class Solver {
    private final int n = nodeCount + 2;
    private final int source = nodeCount;
    private final int sink = nodeCount + 1;
    private final int totalArcs;
    private final int[] tailOfArc;

    // The residual graph: edges at positions start[u] .. start[u + 1] - 1 leave node u.
    private final int[] start;
    private final int[] target;
    private final int[] mate;
    private final long[] residual;
    private final long[] cost;
    private final int[] forwardPosition;

    // Dijkstra state. Potentials and distances are tuples: tier t of node v is at v * tiers + t.
    private final long[] potential;
    private final long[] distance;
    private final long[] candidate = new long[tiers];
    private final boolean[] settled;
    private final int[] heap;
    private final int[] heapPosition;
    private int heapSize;

    // Blocking-flow state over the tight edges (zero reduced cost between settled nodes).
    private final boolean[] tight;
    private final int[] level;
    private final int[] queue;
    private final int[] currentEdge;
    private final int[] pathEdge;

    Solver() {
      int superArcs = 0;
      for (int v = 0; v < nodeCount; v++) {
        if (supply[v] != 0) {
          superArcs++;
        }
      }
      totalArcs = arcCount + superArcs;
      tailOfArc = Arrays.copyOf(arcFrom, totalArcs);
      int[] headOfArc = Arrays.copyOf(arcTo, totalArcs);
      long[] capacityOfArc = Arrays.copyOf(arcCapacity, totalArcs);
      int a = arcCount;
      for (int v = 0; v < nodeCount; v++) {
        if (supply[v] > 0) {
          tailOfArc[a] = source;
          headOfArc[a] = v;
          capacityOfArc[a++] = supply[v];
        } else if (supply[v] < 0) {
          tailOfArc[a] = v;
          headOfArc[a] = sink;
          capacityOfArc[a++] = -supply[v];
        }
      }
      int edges = 2 * totalArcs;
      start = new int[n + 1];
      for (a = 0; a < totalArcs; a++) {
        start[tailOfArc[a] + 1]++;
        start[headOfArc[a] + 1]++;
      }
      for (int v = 0; v < n; v++) {
        start[v + 1] += start[v];
      }
      int[] fill = Arrays.copyOf(start, n);
      target = new int[edges];
      mate = new int[edges];
      residual = new long[edges];
      cost = new long[edges * tiers];
      forwardPosition = new int[totalArcs];
      for (a = 0; a < totalArcs; a++) {
        int forward = fill[tailOfArc[a]]++;
        int reverse = fill[headOfArc[a]]++;
        target[forward] = headOfArc[a];
        target[reverse] = tailOfArc[a];
        mate[forward] = reverse;
        mate[reverse] = forward;
        residual[forward] = capacityOfArc[a];
        forwardPosition[a] = forward;
        if (a < arcCount) {
          for (int t = 0; t < tiers; t++) {
            cost[forward * tiers + t] = arcCost[a * tiers + t];
            cost[reverse * tiers + t] = -arcCost[a * tiers + t];
          }
        }
      }
      potential = new long[n * tiers];
      distance = new long[n * tiers];
      settled = new boolean[n];
      heap = new int[n];
      heapPosition = new int[n];
      tight = new boolean[edges];
      level = new int[n];
      queue = new int[n];
      currentEdge = new int[n];
      pathEdge = new int[n];
    }

    /** Sends up to {@code required} units from source to sink; returns the amount sent. */
    long run(long required) {
      long sent = 0;
      while (sent < required && shortestPathsAndPotentials()) {
        long pushed;
        while ((pushed = blockingFlow()) > 0) {
          sent = Math.addExact(sent, pushed);
        }
      }
      return sent;
    }

    long[] arcFlows() {
      long[] flows = new long[arcCount];
      for (int a = 0; a < arcCount; a++) {
        flows[a] = residual[mate[forwardPosition[a]]];
      }
      return flows;
    }

    String infeasibilityMessage(long required, long sent) {
      for (int a = arcCount; a < totalArcs; a++) {
        long unmet = residual[forwardPosition[a]];
        if (unmet > 0) {
          return tailOfArc[a] == source
              ? String.format(
                  "infeasible: %s of %s units of supply cannot be routed; node %s cannot send %s",
                  required - sent, required, target[forwardPosition[a]], unmet)
              : String.format(
                  "infeasible: %s of %s units of supply cannot be routed; node %s cannot receive"
                      + " %s",
                  required - sent, required, tailOfArc[a], unmet);
        }
      }
      throw new AssertionError("unmet supply without an unsaturated supply arc");
    }

    /** Tier {@code t} of the reduced cost of the edge at {@code p} from {@code u} to {@code v}. */
    private long reducedCost(int p, int u, int v, int t) {
      return Math.subtractExact(
          Math.addExact(cost[p * tiers + t], potential[u * tiers + t]), potential[v * tiers + t]);
    }

    /**
     * Dijkstra on reduced costs from the source, stopping when the sink is settled; then raises
     * every potential by {@code min(distance, distance(sink))}, which keeps all residual reduced
     * costs non-negative and makes every shortest path consist of zero-reduced-cost edges. Ties are
     * settled in node order and the sink has the largest index, so every node at distance at most
     * the sink's is settled; only those can lie on a shortest path, and the edges between them with
     * zero reduced cost are marked tight. Returns false if the sink is unreachable.
     */
    private boolean shortestPathsAndPotentials() {
      Arrays.fill(settled, false);
      Arrays.fill(heapPosition, NONE);
      heapSize = 0;
      Arrays.fill(distance, source * tiers, source * tiers + tiers, 0);
      heapPush(source);
      boolean reached = false;
      while (heapSize > 0) {
        int u = heapPop();
        settled[u] = true;
        if (u == sink) {
          reached = true;
          break;
        }
        for (int p = start[u], end = start[u + 1]; p < end; p++) {
          if (residual[p] == 0) {
            continue;
          }
          int v = target[p];
          if (settled[v]) {
            continue;
          }
          for (int t = 0; t < tiers; t++) {
            candidate[t] = Math.addExact(distance[u * tiers + t], reducedCost(p, u, v, t));
          }
          if (heapPosition[v] == NONE) {
            System.arraycopy(candidate, 0, distance, v * tiers, tiers);
            heapPush(v);
          } else if (candidateIsShorter(v)) {
            System.arraycopy(candidate, 0, distance, v * tiers, tiers);
            siftUp(heapPosition[v]);
          }
        }
      }
      if (!reached) {
        return false;
      }
      int sinkBase = sink * tiers;
      for (int v = 0; v < n; v++) {
        int from = settled[v] ? v * tiers : sinkBase;
        for (int t = 0; t < tiers; t++) {
          potential[v * tiers + t] = Math.addExact(potential[v * tiers + t], distance[from + t]);
        }
      }
      for (int u = 0; u < n; u++) {
        if (!settled[u]) {
          continue;
        }
        for (int p = start[u], end = start[u + 1]; p < end; p++) {
          int v = target[p];
          tight[p] = settled[v] && zeroReducedCost(p, u, v);
        }
      }
      return true;
    }

    private boolean zeroReducedCost(int p, int u, int v) {
      for (int t = 0; t < tiers; t++) {
        if (reducedCost(p, u, v, t) != 0) {
          return false;
        }
      }
      return true;
    }

    private boolean candidateIsShorter(int v) {
      int base = v * tiers;
      for (int t = 0; t < tiers; t++) {
        long x = candidate[t];
        long y = distance[base + t];
        if (x != y) {
          return x < y;
        }
      }
      return false;
    }

    /** Lexicographic order on (distance, node index). */
    private boolean less(int a, int b) {
      int baseA = a * tiers;
      int baseB = b * tiers;
      for (int t = 0; t < tiers; t++) {
        long x = distance[baseA + t];
        long y = distance[baseB + t];
        if (x != y) {
          return x < y;
        }
      }
      return a < b;
    }

    private void heapPush(int v) {
      heap[heapSize] = v;
      heapPosition[v] = heapSize;
      heapSize++;
      siftUp(heapSize - 1);
    }

    private int heapPop() {
      int top = heap[0];
      heapSize--;
      if (heapSize > 0) {
        heap[0] = heap[heapSize];
        heapPosition[heap[0]] = 0;
        siftDown(0);
      }
      heapPosition[top] = NONE;
      return top;
    }

    private void siftUp(int i) {
      int v = heap[i];
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        int p = heap[parent];
        if (!less(v, p)) {
          break;
        }
        heap[i] = p;
        heapPosition[p] = i;
        i = parent;
      }
      heap[i] = v;
      heapPosition[v] = i;
    }

    private void siftDown(int i) {
      int v = heap[i];
      while (true) {
        int child = 2 * i + 1;
        if (child >= heapSize) {
          break;
        }
        if (child + 1 < heapSize && less(heap[child + 1], heap[child])) {
          child++;
        }
        int c = heap[child];
        if (!less(c, v)) {
          break;
        }
        heap[i] = c;
        heapPosition[c] = i;
        i = child;
      }
      heap[i] = v;
      heapPosition[v] = i;
    }

    /**
     * Breadth-first levels over tight edges with residual capacity, then a Dinic blocking flow
     * along level-increasing paths, each augmented by its bottleneck. Returns the amount pushed,
     * zero if the sink cannot be reached.
     */
    private long blockingFlow() {
      Arrays.fill(level, NONE);
      level[source] = 0;
      int queueHead = 0;
      int queueTail = 0;
      queue[queueTail++] = source;
      while (queueHead < queueTail && level[sink] == NONE) {
        int u = queue[queueHead++];
        for (int p = start[u], end = start[u + 1]; p < end; p++) {
          if (!tight[p] || residual[p] == 0) {
            continue;
          }
          int v = target[p];
          if (level[v] == NONE) {
            level[v] = level[u] + 1;
            queue[queueTail++] = v;
          }
        }
      }
      if (level[sink] == NONE) {
        return 0;
      }
      System.arraycopy(start, 0, currentEdge, 0, n);
      long total = 0;
      long pushed;
      while ((pushed = augmentOnePath()) > 0) {
        total = Math.addExact(total, pushed);
      }
      return total;
    }

    /** Iterative depth-first search for one level-increasing tight path; augments it. */
    private long augmentOnePath() {
      int depth = 0;
      int u = source;
      while (true) {
        if (u == sink) {
          long bottleneck = Long.MAX_VALUE;
          for (int i = 0; i < depth; i++) {
            bottleneck = Math.min(bottleneck, residual[pathEdge[i]]);
          }
          for (int i = 0; i < depth; i++) {
            int p = pathEdge[i];
            residual[p] -= bottleneck;
            residual[mate[p]] += bottleneck;
          }
          return bottleneck;
        }
        int p = currentEdge[u];
        int end = start[u + 1];
        while (p < end) {
          if (tight[p] && residual[p] > 0 && level[target[p]] == level[u] + 1) {
            break;
          }
          p++;
        }
        currentEdge[u] = p;
        if (p < end) {
          pathEdge[depth++] = p;
          u = target[p];
          continue;
        }
        // Dead end: retreat and skip the edge that led here.
        if (depth == 0) {
          return 0;
        }
        level[u] = NONE;
        int back = pathEdge[--depth];
        u = target[mate[back]];
        currentEdge[u]++;
      }
    }
  }
}
