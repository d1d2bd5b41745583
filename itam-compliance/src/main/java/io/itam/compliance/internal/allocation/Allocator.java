package io.itam.compliance.internal.allocation;

import io.itam.compliance.internal.Cancellation;
import io.itam.compliance.internal.Parallel;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.Option;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.position.SolverNote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Steps 2 to 4 of the reconciliation: eligibility, pools, and the exact allocation of every pool,
 * handed back to consumers in canonical order. Pools are independent and may be solved on several
 * threads; the result does not depend on how many.
 */
public final class Allocator {
  private static final Comparator<Option> OPTION_ORDER =
      Comparator.comparing((Option o) -> o.model().id())
          .thenComparing(Option::consumer)
          .thenComparingInt(o -> o.facts().length == 0 ? -1 : o.facts()[0]);

  /** Most nodes explored when enumerating the minimal covers of one group of facts. */
  public static final int COVER_BUDGET = 20_000;

  private Allocator() {}

  /**
   * Allocates the entitlements of {@code index}'s estate to {@code demand}.
   *
   * @param nodeBudget branch-and-bound nodes per pool before a heuristic finishes the pool
   * @param firstFit allocate first fit (the greedy baseline) instead of exactly
   * @param executor runs pool solves; {@code null} to solve on the calling thread
   */
  public static Allocation allocate(
      EstateIndex index,
      Demand demand,
      Prices prices,
      long nodeBudget,
      boolean firstFit,
      @Nullable Executor executor) {
    AllocationProblem problem = AllocationProblem.of(index, demand, COVER_BUDGET);
    List<Solved> solved =
        Parallel.map(
            problem.pools,
            pool -> {
              PoolSolver.Solution solution =
                  firstFit
                      ? PoolSolver.solveFirstFit(problem, pool, prices)
                      : PoolSolver.solve(problem, pool, prices, nodeBudget);
              return new Solved(solution, distribute(problem, pool, solution, prices));
            },
            executor);
    int total = 0;
    for (Solved s : solved) {
      total += s.assignments().size();
    }
    List<Assignment> assignments = new ArrayList<>(total);
    List<SolverNote> notes = new ArrayList<>();
    for (int p = 0; p < problem.pools.size(); p++) {
      Pool pool = problem.pools.get(p);
      PoolSolver.Solution solution = solved.get(p).solution();
      assignments.addAll(solved.get(p).assignments());
      boolean truncated = pool.truncated();
      if (!firstFit && (!solution.exact() || truncated)) {
        BigDecimal bound = truncated ? BigDecimal.ZERO : solution.bound();
        notes.add(
            new SolverNote(
                poolName(pool, problem),
                truncated
                    ? "cover search truncated after "
                        + COVER_BUDGET
                        + " nodes; "
                        + solution.method()
                    : solution.method(),
                solution.objective(),
                bound,
                solution.objective().subtract(bound)));
      }
    }
    return new Allocation(assignments, notes);
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

  /** A pool's solution and the assignments it hands back to the pool's consumers. */
  private record Solved(PoolSolver.Solution solution, List<Assignment> assignments) {}

  /** {@code chose ws-dc-core ×24 (14000.00) over ws-std-core ×160 (90000.00)}. */
  private static String describeChoice(Member member, int chosen, Prices prices) {
    StringBuilder text =
        new StringBuilder("chose ").append(describe(member.patterns.get(chosen), prices));
    List<String> others = new ArrayList<>();
    for (int p = 0; p < member.patterns.size(); p++) {
      if (p != chosen) {
        others.add(describe(member.patterns.get(p), prices));
      }
    }
    return text.append(" over ")
        .append(String.join(" or ", others))
        .append(" (units at remedy prices)")
        .toString();
  }

  private static String describe(List<Option> pattern, Prices prices) {
    List<String> parts = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    boolean priced = true;
    for (Option option : pattern) {
      parts.add(option.model().id() + " ×" + option.units());
      BigDecimal price = prices.remedyPrice(option.model());
      if (price == null) {
        priced = false;
      } else {
        total = total.add(price.multiply(BigDecimal.valueOf(option.units())));
      }
    }
    return String.join(" + ", parts)
        + (priced ? " (" + io.itam.model.Money.format(total, 2) + ")" : "");
  }

  private static String poolName(Pool pool, AllocationProblem problem) {
    TreeSet<String> models = new TreeSet<>();
    for (int t : pool.types) {
      models.add(problem.types.get(t).model.id());
    }
    return String.join(", ", models);
  }

  /** An option placed for a consumer: its own, or a device its representative stands for. */
  private record Placed(Option option, String consumer, int order, String choice) {}

  /**
   * Hands a pool's solution back to its members: within each class, members in canonical order take
   * the shapes in order; within each slot type, member options in canonical order take units from
   * the eligible entitlements (pinned first, then in tie-break order), and whatever is left
   * uncovered falls on the last.
   */
  private static List<Assignment> distribute(
      AllocationProblem problem, Pool pool, PoolSolver.Solution solution, Prices prices) {
    List<Placed> placed = new ArrayList<>();
    Member choiceOf = null;
    int choiceShape = -1;
    String choiceText = "";
    for (int ci = 0; ci < pool.classes.size(); ci++) {
      Cancellation.check();
      DemandClass c = pool.classes.get(ci);
      // Every consumer the class stands for, in canonical order: sorted on primitive keys (order,
      // then position), since a class can stand for hundreds of thousands of devices.
      int size = Math.toIntExact(c.size());
      Member[] entryMember = new Member[size];
      Demand.@Nullable Instance[] entryInstance = new Demand.Instance[size];
      long[] keys = new long[size];
      int e = 0;
      for (Member member : c.members) {
        if (member.instances == null) {
          entryMember[e] = member;
          keys[e] = sortKey(member.order, e);
          e++;
        } else {
          for (Demand.Instance instance : member.instances) {
            entryMember[e] = member;
            entryInstance[e] = instance;
            keys[e] = sortKey(instance.firstFact(), e);
            e++;
          }
        }
      }
      Arrays.sort(keys);
      long[] counts = solution.shapeCounts()[ci];
      int shape = 0;
      long left = counts[0];
      for (long key : keys) {
        while (left == 0) {
          left = counts[++shape];
        }
        left--;
        int entry = (int) key;
        Member member = entryMember[entry];
        Demand.Instance instance = entryInstance[entry];
        String choice = "";
        if (member.patterns.size() > 1) {
          // Every device a member stands for took the same choice: describe it once.
          if (member != choiceOf || shape != choiceShape) {
            choiceOf = member;
            choiceShape = shape;
            choiceText = describeChoice(member, shape, prices);
          }
          choice = choiceText;
        }
        for (Option option : member.patterns.get(shape)) {
          placed.add(
              instance == null
                  ? new Placed(option, option.consumer(), firstFact(option), choice)
                  : new Placed(option, instance.device(), instance.firstFact(), choice));
        }
      }
    }
    Map<Integer, List<Placed>> demandOfType = new TreeMap<>();
    for (Placed p :
        sortedByModelConsumerOrder(
            placed, x -> x.option().model().id(), Placed::consumer, Placed::order)) {
      demandOfType.computeIfAbsent(problem.typeOf(p.option()), k -> new ArrayList<>()).add(p);
    }
    List<Assignment> assignments = new ArrayList<>(placed.size());
    demandOfType.forEach(
        (typeId, options) -> {
          SlotType type = problem.types.get(typeId);
          long[] units = solution.allocated().get(typeId);
          // Supply: pinned entitlements first, then in tie-break order.
          Integer[] order = new Integer[type.entitlements.length];
          for (int j = 0; j < order.length; j++) {
            order[j] = j;
          }
          java.util.Arrays.sort(
              order,
              Comparator.<Integer, Boolean>comparing(j -> !type.preferred[j])
                  .thenComparing(
                      j -> problem.entitlements.get(type.entitlements[j]),
                      PoolSolver.tieBreakOrder(problem.index)));
          int cursor = 0;
          long available = order.length == 0 ? 0 : units[order[0]];
          for (Placed p : options) {
            Option option = p.option();
            boolean moved = !p.consumer().equals(option.consumer());
            List<Share> shares = new ArrayList<>();
            for (Option.Line original : option.lines()) {
              Option.Line line =
                  moved
                      ? new Option.Line(p.consumer(), original.units(), original.note())
                      : original;
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
                    + type.model.id()
                    + " found no consumer; this is a bug");
          }
        });
    return assignments;
  }

  /** Orders entries by {@code order} (a fact id, or -1), then by position {@code entry}. */
  private static long sortKey(int order, int entry) {
    return ((long) order - Integer.MIN_VALUE) << 32 | entry;
  }

  private static int firstFact(Option option) {
    int[] facts = option.facts();
    return facts.length == 0 ? -1 : facts[0];
  }
}
