package io.itam.compliance.internal.allocation;

import io.itam.compliance.internal.demand.DemandClass;
import io.itam.compliance.internal.demand.Shape;
import io.itam.compliance.internal.eligibility.SlotTypes;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The commonest pool solved without a flow: one slot type and no choice (every class has one
 * shape), as a device-licensed product of one organisation unit is. Its demand is fixed, so the
 * lexicographic optimum (design §Reconciliation 4) is to take the eligible entitlements in order:
 * those pinned to the demand's consumers first, then the cheapest, then in tie-break order; as many
 * units as they hold are covered, and the rest is short. Exact, like the flow it replaces.
 */
final class OneTypePool {
  private OneTypePool() {}

  /**
   * The solution of {@code pool}, or {@code null} when it has more than one slot type or a choice.
   */
  static PoolSolver.@Nullable Solution solve(AllocationProblem problem, Pool pool, Prices prices) {
    if (pool.types.size() != 1) {
      return null;
    }
    long demand = 0;
    long[][] counts = new long[pool.classes.size()][];
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      DemandClass c = pool.classes.get(ci);
      if (c.shapes().size() != 1) {
        return null;
      }
      Shape shape = c.shapes().get(0);
      for (long units : shape.units()) {
        demand = Math.addExact(demand, Math.multiplyExact(c.size(), units));
      }
      counts[ci] = new long[] {c.size()};
    }
    int t = pool.types.first();
    SlotTypes.SlotType type = problem.types.get(t);
    long[] allocated = new long[type.entitlements.length];
    long left = demand;
    for (int j : takingOrder(problem, type)) {
      if (left == 0) {
        break;
      }
      Entitlement e = problem.entitlements.get(type.entitlements[j]);
      boolean unlimited = problem.index.model(e.licenseModel()).metric().type() == MetricType.SITE;
      long take = unlimited ? left : Math.min(left, e.quantity());
      allocated[j] = take;
      left -= take;
    }
    BigDecimal price = prices.remedyPrice(type.licenseModel);
    boolean priced = price != null && price.signum() > 0;
    BigDecimal objective =
        priced ? price.multiply(BigDecimal.valueOf(left)) : BigDecimal.valueOf(left);
    return new PoolSolver.Solution(
        counts,
        Map.of(t, allocated),
        Map.of(t, left),
        "exact (one slot type, entitlements taken in order)",
        true,
        objective,
        objective,
        priced);
  }

  /**
   * The eligible entitlements (positions in the type's list) in the order the optimum takes them:
   * pinned to the consumers first, then by unit price (unpriced as zero), then tie-break order.
   */
  private static List<Integer> takingOrder(AllocationProblem problem, SlotTypes.SlotType type) {
    Integer[] order = new Integer[type.entitlements.length];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Comparator<Entitlement> tieBreak = PoolSolver.tieBreakOrder(problem.index);
    Arrays.sort(
        order,
        Comparator.<Integer, Boolean>comparing(j -> type.pinnedConsumer && !type.preferred[j])
            .thenComparing(j -> valueOf(problem, problem.entitlements.get(type.entitlements[j])))
            .thenComparing(j -> problem.entitlements.get(type.entitlements[j]), tieBreak));
    return Arrays.asList(order);
  }

  /** What consuming a unit of {@code e} costs at tier 3: its price; nothing for a site. */
  private static BigDecimal valueOf(AllocationProblem problem, Entitlement e) {
    BigDecimal price = Prices.unitPrice(e);
    boolean site = problem.index.model(e.licenseModel()).metric().type() == MetricType.SITE;
    return price == null || site ? BigDecimal.ZERO : price;
  }
}
