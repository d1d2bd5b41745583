package io.itam.compliance;

import io.itam.compliance.internal.allocation.Eligibility;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.Option;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent exact oracle for the allocation objective, for tiny estates: it tries every set of
 * options that covers every required fact (minimal or not), and for each, every way to split each
 * option's units over its eligible entitlements and the shortfall (dynamic programming over the
 * remaining quantities). It shares the problem's definition (facts, options, eligibility, prices)
 * with the engine, and nothing of its optimisation (covers, classes, pools, flows, simplex).
 *
 * <p>The objective is the documented one, tiers 1 to 3: shortfall priced at the remedy price when
 * every model has one (else units), units pinned consumers draw from unpinned entitlements, and the
 * value of the units consumed.
 */
final class BruteForceOracle {
  /** A lexicographic cost (shortfall, pinned, value). */
  record Cost(BigDecimal shortfall, long pinned, BigDecimal value) implements Comparable<Cost> {
    static final Cost ZERO = new Cost(BigDecimal.ZERO, 0, BigDecimal.ZERO);

    Cost plus(Cost o) {
      return new Cost(shortfall.add(o.shortfall), pinned + o.pinned, value.add(o.value));
    }

    @Override
    public int compareTo(Cost o) {
      int c = shortfall.compareTo(o.shortfall);
      if (c != 0) {
        return c;
      }
      c = Long.compare(pinned, o.pinned);
      return c != 0 ? c : value.compareTo(o.value);
    }
  }

  private final List<Option> options;
  private final List<Entitlement> entitlements;
  private final Eligibility eligibility;
  private final Prices prices;
  private final boolean priced;
  private final Demand demand;

  BruteForceOracle(EstateIndex index, Demand demand) {
    this.demand = demand;
    this.options = demand.options();
    this.entitlements = index.entitlements();
    this.eligibility = new Eligibility(index);
    this.prices = new Prices(index);
    this.priced = index.models().stream().allMatch(m -> prices.remedyPrice(m) != null);
  }

  /** The optimal cost over every cover, or null when there are too many options to try. */
  Cost optimum(int maxOptions) {
    if (options.size() > maxOptions) {
      return null;
    }
    int facts = demand.facts().size();
    Cost best = null;
    for (long subset = 0; subset < (1L << options.size()); subset++) {
      boolean[] covered = new boolean[facts];
      List<Option> chosen = new ArrayList<>();
      for (int o = 0; o < options.size(); o++) {
        if ((subset & (1L << o)) != 0) {
          chosen.add(options.get(o));
          for (int f : options.get(o).facts()) {
            covered[f] = true;
          }
        }
      }
      boolean cover = true;
      for (int f = 0; f < facts; f++) {
        if (demand.isCoverable(f) && !demand.isOptional(f) && !covered[f]) {
          cover = false;
          break;
        }
      }
      if (!cover) {
        continue;
      }
      Cost cost = transport(chosen);
      if (best == null || cost.compareTo(best) < 0) {
        best = cost;
      }
    }
    return best;
  }

  /** The cost of one chosen option's units: its entitlement (or null for short) and count. */
  Cost unitCost(Option option, Entitlement entitlement, long units) {
    if (entitlement == null) {
      BigDecimal weight = priced ? prices.remedyPrice(option.model()) : BigDecimal.ONE;
      return new Cost(weight.multiply(BigDecimal.valueOf(units)), 0, BigDecimal.ZERO);
    }
    boolean pinnedConsumer = false;
    for (Entitlement e : entitlements) {
      if (e.licenseModel().equals(option.model().id())
          && eligibility.refusal(option, e) == null
          && eligibility.isPinnedTo(e, option)) {
        pinnedConsumer = true;
      }
    }
    long pinned = pinnedConsumer && !eligibility.isPinnedTo(entitlement, option) ? units : 0;
    BigDecimal price =
        option.model().metric().type() == MetricType.SITE || entitlement.unitPrice() == null
            ? BigDecimal.ZERO
            : entitlement.unitPrice().amount();
    return new Cost(BigDecimal.ZERO, pinned, price.multiply(BigDecimal.valueOf(units)));
  }

  private Cost transport(List<Option> chosen) {
    long[] capacity = new long[entitlements.size()];
    long total = 0;
    for (Option o : chosen) {
      total += o.units();
    }
    for (int e = 0; e < capacity.length; e++) {
      Entitlement ent = entitlements.get(e);
      boolean site = chosenModelIsSite(ent);
      capacity[e] = site ? total : Math.min(ent.quantity(), total);
    }
    return best(chosen, 0, capacity, new HashMap<>());
  }

  private boolean chosenModelIsSite(Entitlement e) {
    for (Option o : options) {
      if (o.model().id().equals(e.licenseModel())) {
        return o.model().metric().type() == MetricType.SITE;
      }
    }
    return false;
  }

  private Cost best(List<Option> chosen, int i, long[] capacity, Map<String, Cost> memo) {
    if (i == chosen.size()) {
      return Cost.ZERO;
    }
    String key = i + Arrays.toString(capacity);
    Cost known = memo.get(key);
    if (known != null) {
      return known;
    }
    Option option = chosen.get(i);
    List<Integer> eligible = new ArrayList<>();
    for (int e = 0; e < entitlements.size(); e++) {
      if (eligibility.refusal(option, entitlements.get(e)) == null) {
        eligible.add(e);
      }
    }
    Cost[] result = {null};
    split(chosen, i, option, eligible, 0, option.units(), capacity, Cost.ZERO, result, memo);
    memo.put(key, result[0]);
    return result[0];
  }

  /** Tries every split of {@code left} units over eligible entitlements {@code k..} and short. */
  private void split(
      List<Option> chosen,
      int i,
      Option option,
      List<Integer> eligible,
      int k,
      long left,
      long[] capacity,
      Cost sofar,
      Cost[] result,
      Map<String, Cost> memo) {
    if (k == eligible.size()) {
      Cost cost =
          sofar.plus(unitCost(option, null, left)).plus(best(chosen, i + 1, capacity, memo));
      if (result[0] == null || cost.compareTo(result[0]) < 0) {
        result[0] = cost;
      }
      return;
    }
    int e = eligible.get(k);
    long max = Math.min(left, capacity[e]);
    for (long take = 0; take <= max; take++) {
      capacity[e] -= take;
      Cost here = take == 0 ? sofar : sofar.plus(unitCost(option, entitlements.get(e), take));
      split(chosen, i, option, eligible, k + 1, left - take, capacity, here, result, memo);
      capacity[e] += take;
    }
  }
}
