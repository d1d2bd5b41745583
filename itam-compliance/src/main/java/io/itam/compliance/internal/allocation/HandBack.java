package io.itam.compliance.internal.allocation;

import io.itam.compliance.internal.Cancellation;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.DemandClass;
import io.itam.compliance.internal.demand.Option;
import io.itam.compliance.internal.eligibility.SlotTypes;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.terms.LicenseModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Hands an allocation back to consumers, as objects: within each class, members in canonical order
 * take the shapes in order; within each slot type, options in canonical order (licence model,
 * consumer, first fact) take units from the eligible entitlements (pinned first, then in tie-break
 * order), and whatever is left uncovered falls on the last. The rows that list consumers and their
 * reasons are built from the result.
 */
final class HandBack {
  private HandBack() {}

  /** An option placed for a consumer, its slot type, and the choice its member made. */
  private record Placed(Option option, int type, String consumer, int order, String choice) {}

  static List<Assignment> assignments(
      Allocation allocation,
      AllocationProblem problem,
      List<PoolSolver.Solution> solutions,
      Prices prices) {
    List<Assignment> all = new ArrayList<>();
    for (int p = 0; p < problem.pools.size(); p++) {
      all.addAll(distribute(allocation, problem, problem.pools.get(p), solutions.get(p), prices));
    }
    return inPositionOrder(all);
  }

  private static List<Assignment> distribute(
      Allocation allocation,
      AllocationProblem problem,
      Pool pool,
      PoolSolver.Solution solution,
      Prices prices) {
    Demand demand = allocation.demand();
    List<Placed> placed = new ArrayList<>();
    Map<Object, String[]> choices = new IdentityHashMap<>();
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      Cancellation.check();
      DemandClass c = pool.classes.get(ci);
      long[] counts = solution.shapeCounts()[ci];
      int shape = 0;
      long left = counts[0];
      for (int m = 0; m < c.size(); m++) {
        while (left == 0) {
          left = counts[++shape];
        }
        left--;
        String choice = c.hasChoice(m) ? choice(c, m, shape, problem, prices, choices) : "";
        for (DemandClass.Placement placement : c.placements(m, shape)) {
          Option option = demand.explain(placement.table(), placement.row(), placement.facts());
          placed.add(
              new Placed(
                  option, placement.slotType(), option.consumer(), placement.facts()[0], choice));
        }
      }
    }
    Map<Integer, List<Placed>> demandOfType = new TreeMap<>();
    List<Placed> ordered =
        sortedByModelConsumerOrder(
            placed, x -> x.option().model().id(), Placed::consumer, Placed::order);
    for (Placed x : ordered) {
      demandOfType.computeIfAbsent(x.type(), k -> new ArrayList<>()).add(x);
    }
    List<Assignment> assignments = new ArrayList<>(placed.size());
    demandOfType.forEach(
        (typeId, options) -> take(allocation, problem, typeId, options, solution, assignments));
    return assignments;
  }

  /** The options of slot type {@code typeId}, in canonical order, take its allocated units. */
  private static void take(
      Allocation allocation,
      AllocationProblem problem,
      int typeId,
      List<Placed> options,
      PoolSolver.Solution solution,
      List<Assignment> assignments) {
    SlotTypes.SlotType type = problem.types.get(typeId);
    long[] units = solution.allocated().get(typeId);
    if (units == null) {
      throw new IllegalStateException(
          "slot type "
              + typeId
              + " of "
              + type.licenseModel.id()
              + " has no solution; this is a bug");
    }
    int[] order = allocation.supplyOrder(typeId);
    int cursor = 0;
    long available = order.length == 0 ? 0 : units[order[0]];
    for (Placed p : options) {
      Option option = p.option();
      List<Share> shares = new ArrayList<>();
      for (Option.Line line : option.lines()) {
        long need = line.units();
        while (need > 0) {
          while (available == 0 && cursor + 1 < order.length) {
            cursor++;
            available = units[order[cursor]];
          }
          if (available == 0) {
            shares.add(new Share(line, null, need));
            need = 0;
          } else {
            long take = Math.min(need, available);
            Entitlement e = problem.entitlements.get(type.entitlements[order[cursor]]);
            shares.add(new Share(line, e, take));
            available -= take;
            need -= take;
          }
        }
      }
      assignments.add(new Assignment(option, shares, p.choice(), p.consumer(), p.order()));
    }
    long unused = available;
    for (int j = cursor + 1; j < order.length; j++) {
      unused += units[order[j]];
    }
    if (unused != 0) {
      throw new IllegalStateException(
          unused
              + " allocated units of "
              + type.licenseModel.id()
              + " found no consumer; this is a bug");
    }
  }

  /**
   * {@code chose ws-dc-core ×24 (14000.00) over ws-std-core ×160 (90000.00)}: the same for every
   * member of a group, so computed once per group and shape.
   */
  private static String choice(
      DemandClass c,
      int m,
      int shape,
      AllocationProblem problem,
      Prices prices,
      Map<Object, String[]> cache) {
    Object group = c.groupOf(m);
    String[] texts = cache.computeIfAbsent(group, g -> new String[c.shapes().size()]);
    if (texts[shape] == null) {
      StringBuilder text =
          new StringBuilder("chose ").append(describe(c.placements(m, shape), problem, prices));
      List<String> others = new ArrayList<>();
      for (List<DemandClass.Placement> way : c.otherWays(m, shape)) {
        others.add(describe(way, problem, prices));
      }
      texts[shape] =
          text.append(" over ")
              .append(String.join(" or ", others))
              .append(" (units at remedy prices)")
              .toString();
    }
    return texts[shape];
  }

  private static String describe(
      List<DemandClass.Placement> way, AllocationProblem problem, Prices prices) {
    List<String> parts = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    boolean priced = true;
    for (DemandClass.Placement placement : way) {
      LicenseModel model = problem.types.get(placement.slotType()).licenseModel;
      parts.add(model.id() + " ×" + placement.units());
      BigDecimal price = prices.remedyPrice(model);
      if (price == null) {
        priced = false;
      } else {
        total = total.add(price.multiply(BigDecimal.valueOf(placement.units())));
      }
    }
    return String.join(" + ", parts)
        + (priced ? " (" + io.itam.model.Money.format(total, 2) + ")" : "");
  }

  /**
   * The assignments sorted by licence model id, consumer and canonical order, the order of the
   * position's rows.
   */
  static List<Assignment> inPositionOrder(List<Assignment> assignments) {
    return sortedByModelConsumerOrder(
        assignments, a -> a.option().model().id(), Assignment::consumer, Assignment::order);
  }

  /**
   * {@code items} sorted by licence model id, then consumer, then canonical order. The model ids
   * are ranked once, so comparing two items of one model (nearly all comparisons) compares an int
   * and the consumers, not the model id's characters; the sort is stable.
   */
  private static <T> List<T> sortedByModelConsumerOrder(
      List<T> items,
      Function<T, String> modelId,
      Function<T, String> consumer,
      ToIntFunction<T> order) {
    Map<String, Integer> modelRank = new TreeMap<>();
    for (T item : items) {
      modelRank.putIfAbsent(modelId.apply(item), 0);
    }
    int rank = 0;
    for (Map.Entry<String, Integer> entry : modelRank.entrySet()) {
      entry.setValue(rank++);
    }
    int[] ranks = new int[items.size()];
    Integer[] positions = new Integer[items.size()];
    for (int i = 0; i < positions.length; i++) {
      ranks[i] = modelRank.get(modelId.apply(items.get(i)));
      positions[i] = i;
    }
    Arrays.sort(
        positions,
        (a, b) -> {
          if (ranks[a] != ranks[b]) {
            return Integer.compare(ranks[a], ranks[b]);
          }
          T x = items.get(a);
          T y = items.get(b);
          int byConsumer = consumer.apply(x).compareTo(consumer.apply(y));
          return byConsumer != 0
              ? byConsumer
              : Integer.compare(order.applyAsInt(x), order.applyAsInt(y));
        });
    List<T> sorted = new ArrayList<>(positions.length);
    for (int position : positions) {
      sorted.add(items.get(position));
    }
    return sorted;
  }
}
