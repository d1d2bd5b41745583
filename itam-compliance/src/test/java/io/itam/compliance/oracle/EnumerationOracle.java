package io.itam.compliance.oracle;

import io.itam.compliance.oracle.Problem.Choice;
import io.itam.compliance.oracle.Problem.Demand;
import io.itam.compliance.oracle.Problem.Licence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The optimality oracle: the documented objective solved by brute force, exactly, in integer
 * arithmetic. Every assignment of the counted installations to the models covering them is tried;
 * for each, the models are solved one by one (entitlements belong to one model, so once the
 * installations are assigned the models are independent, and the lexicographic optimum of the whole
 * is the sum of theirs) by enumerating every split of every option's units over the entitlements
 * eligible for it, memoised on what each entitlement has left. Exponential, and meant to be: it is
 * short enough to check by reading, and the tiny estates of {@link OracleEstates} (up to 4 models
 * and 6 installations: at most 4^6 assignments) take milliseconds.
 */
final class EnumerationOracle {
  private static final long UNREACHABLE = Long.MAX_VALUE;

  /** What an allocation costs: tier 1, the optional tier of short units, tier 3. */
  private record Score(long shortfall, long shortUnits, long consumed)
      implements Comparable<Score> {
    Score plus(Score o) {
      return new Score(
          Math.addExact(shortfall, o.shortfall),
          Math.addExact(shortUnits, o.shortUnits),
          Math.addExact(consumed, o.consumed));
    }

    @Override
    public int compareTo(Score o) {
      int order = Long.compare(shortfall, o.shortfall);
      order = order != 0 ? order : Long.compare(shortUnits, o.shortUnits);
      return order != 0 ? order : Long.compare(consumed, o.consumed);
    }
  }

  private final Problem problem;
  private final boolean leastShortUnits;
  private final int[] choiceOf;
  private @Nullable Score best;

  private EnumerationOracle(Problem problem, boolean leastShortUnits) {
    this.problem = problem;
    this.leastShortUnits = leastShortUnits;
    this.choiceOf = new int[problem.demands().size()];
  }

  /** The lexicographic optimum of {@code problem}: least tier 1, then least tier 3. */
  static Objective optimum(Problem problem) {
    return solve(problem, false);
  }

  /**
   * The engine's objective: between the whole-pack shortfall cost and the value consumed, the least
   * short units at their remedy prices (units when unpriced). Without that tier, short units inside
   * a pack already paid for are free, so tier 3 would leave an owned licence idle rather than
   * consume it; with it, owned licences are used first and only the rest is bought in packs.
   */
  static Objective optimumShortingLeast(Problem problem) {
    return solve(problem, true);
  }

  private static Objective solve(Problem problem, boolean leastShortUnits) {
    EnumerationOracle search = new EnumerationOracle(problem, leastShortUnits);
    search.assign(0);
    return new Objective(search.best.shortfall(), search.best.consumed());
  }

  private void assign(int demand) {
    if (demand == choiceOf.length) {
      Score value = evaluate();
      if (best == null || value.compareTo(best) < 0) {
        best = value;
      }
      return;
    }
    for (int c = 0; c < problem.demands().get(demand).choices().size(); c++) {
      choiceOf[demand] = c;
      assign(demand + 1);
    }
  }

  /** An option: the units model m needs on one device, and who may cover them. */
  private record Option(long units, int[] eligible) {}

  /** The best objective of the current assignment: the sum of every model's own best. */
  private Score evaluate() {
    Score total = new Score(0, 0, 0);
    for (int m = 0; m < problem.models().size(); m++) {
      List<Licence> licences = new ArrayList<>();
      for (Licence l : problem.licences()) {
        if (l.model() == m) {
          licences.add(l);
        }
      }
      List<Option> options = options(m, licences);
      long required = options.stream().mapToLong(Option::units).sum();
      long[] quantity = licences.stream().mapToLong(Licence::quantity).toArray();
      long[] valueByCovered =
          new Splits(options, licences).leastValue(0, quantity, new HashMap<>());
      Score bestOfModel = null;
      for (int covered = 0; covered < valueByCovered.length; covered++) {
        if (valueByCovered[covered] == UNREACHABLE) {
          continue;
        }
        long shortUnits = required - covered;
        Score o =
            new Score(
                problem.shortfallCost(m, shortUnits),
                leastShortUnits ? problem.linearShortfall(m, shortUnits) : 0,
                valueByCovered[covered]);
        if (bestOfModel == null || o.compareTo(bestOfModel) < 0) {
          bestOfModel = o;
        }
      }
      total = total.plus(bestOfModel);
    }
    return total;
  }

  /** The options of model {@code m} under the current assignment, by device. */
  private List<Option> options(int m, List<Licence> licences) {
    Map<String, List<Demand>> byDevice = new TreeMap<>();
    Map<String, LocalDate> latestUpgrade = new HashMap<>();
    for (int i = 0; i < choiceOf.length; i++) {
      Demand demand = problem.demands().get(i);
      Choice choice = demand.choices().get(choiceOf[i]);
      if (choice.model() != m) {
        continue;
      }
      byDevice.computeIfAbsent(demand.device(), d -> new ArrayList<>()).add(demand);
      if (choice.upgradeReleased() != null) {
        latestUpgrade.merge(
            demand.device(), choice.upgradeReleased(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    Problem.Model terms = problem.models().get(m);
    List<Option> options = new ArrayList<>();
    byDevice.forEach(
        (device, demands) -> {
          long units;
          if (!terms.perInstallation()) {
            units = 1;
          } else if (!terms.suite()) {
            units = demands.size();
          } else {
            Map<String, Long> perProduct = new HashMap<>();
            demands.forEach(d -> perProduct.merge(d.product(), 1L, Long::sum));
            units = perProduct.values().stream().mapToLong(Long::longValue).max().orElseThrow();
          }
          List<Integer> eligible = new ArrayList<>();
          for (int l = 0; l < licences.size(); l++) {
            Licence licence = licences.get(l);
            if (licence.devices().contains(device)
                && licence.maintains(latestUpgrade.get(device))) {
              eligible.add(l);
            }
          }
          options.add(new Option(units, eligible.stream().mapToInt(Integer::intValue).toArray()));
        });
    return options;
  }

  /** Every split of the options' units over the entitlements left, memoised. */
  private record Splits(List<Option> options, List<Licence> licences) {

    /**
     * The least value consumed to cover exactly k units of options {@code from}… with {@code left}
     * units of each entitlement, for every k ({@link #UNREACHABLE} where impossible).
     */
    long[] leastValue(int from, long[] left, Map<String, long[]> memo) {
      String key = from + Arrays.toString(left);
      long[] known = memo.get(key);
      if (known != null) {
        return known;
      }
      long rest = 0;
      for (int o = from; o < options.size(); o++) {
        rest += options.get(o).units();
      }
      long[] result = new long[(int) rest + 1];
      Arrays.fill(result, UNREACHABLE);
      if (from == options.size()) {
        result[0] = 0;
      } else {
        Option option = options.get(from);
        split(from, 0, option.units(), left, 0, 0, result, memo);
      }
      memo.put(key, result);
      return result;
    }

    private void split(
        int from,
        int j,
        long room,
        long[] left,
        long taken,
        long value,
        long[] result,
        Map<String, long[]> memo) {
      int[] eligible = options.get(from).eligible();
      if (j == eligible.length) {
        long[] after = leastValue(from + 1, left.clone(), memo);
        for (int k = 0; k < after.length; k++) {
          if (after[k] != UNREACHABLE) {
            int covered = (int) taken + k;
            result[covered] = Math.min(result[covered], value + after[k]);
          }
        }
        return;
      }
      int l = eligible[j];
      long price = licences.get(l).priceCents();
      for (long t = 0; t <= Math.min(room, left[l]); t++) {
        left[l] -= t;
        split(from, j + 1, room - t, left, taken + t, value + t * price, result, memo);
        left[l] += t;
      }
    }
  }
}
