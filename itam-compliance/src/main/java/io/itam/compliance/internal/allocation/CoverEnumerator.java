package io.itam.compliance.internal.allocation;

import io.itam.compliance.internal.demand.Option;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The minimal covers of a group of facts: the sets of options that cover every required fact of the
 * group and in which no option can be left out. A device with Word and Excel and licence models for
 * the suite and for each product has two: {suite} and {Word, Excel}. Only minimal covers can be
 * optimal, because every option costs units or shortfall.
 *
 * <p>Depth-first: take the lowest uncovered fact, branch over the options that cover it (in order),
 * and prune a branch as soon as an option already chosen becomes redundant. Explores at most {@code
 * budget} nodes; {@link #complete()} says whether every minimal cover was found.
 */
final class CoverEnumerator {
  private final int[] facts;
  private final BitSet required;
  private final List<Option> options;
  private final int budget;
  private final Map<Integer, Integer> local = new HashMap<>();
  private final BitSet[] covers;
  private final List<List<Integer>> containing = new ArrayList<>();
  private final Set<List<Integer>> found = new LinkedHashSet<>();
  private int nodes;
  private boolean complete = true;

  /**
   * @param facts the group's fact ids, ascending
   * @param options the options covering them, in canonical order
   * @param budget the most search nodes to explore
   */
  CoverEnumerator(int[] facts, boolean[] required, List<Option> options, int budget) {
    this.facts = facts;
    this.required = new BitSet(facts.length);
    for (int i = 0; i < facts.length; i++) {
      if (required[i]) {
        this.required.set(i);
      }
    }
    this.options = options;
    this.budget = budget;
    for (int i = 0; i < facts.length; i++) {
      local.put(facts[i], i);
      containing.add(new ArrayList<>());
    }
    covers = new BitSet[options.size()];
    for (int o = 0; o < options.size(); o++) {
      BitSet set = new BitSet(facts.length);
      for (int f : options.get(o).facts()) {
        int l = local.get(f);
        set.set(l);
        containing.get(l).add(o);
      }
      covers[o] = set;
    }
  }

  /** The minimal covers, each a list of option indexes ascending, in discovery order. */
  List<List<Integer>> run() {
    search((BitSet) required.clone(), new ArrayList<>());
    return new ArrayList<>(found);
  }

  /** Whether the search finished within its budget. */
  boolean complete() {
    return complete;
  }

  private void search(BitSet uncovered, List<Integer> chosen) {
    if (++nodes > budget && !found.isEmpty()) {
      complete = false;
      return;
    }
    int fact = uncovered.nextSetBit(0);
    if (fact < 0) {
      List<Integer> cover = new ArrayList<>(chosen);
      cover.sort(null);
      found.add(List.copyOf(cover));
      return;
    }
    for (int option : containing.get(fact)) {
      chosen.add(option);
      if (!makesRedundant(chosen)) {
        BitSet rest = (BitSet) uncovered.clone();
        rest.andNot(covers[option]);
        search(rest, chosen);
      }
      chosen.remove(chosen.size() - 1);
      if (!complete) {
        return;
      }
    }
  }

  /**
   * Whether some option of {@code chosen} other than the last covers no required fact that the
   * others miss.
   */
  private boolean makesRedundant(List<Integer> chosen) {
    int last = chosen.size() - 1;
    for (int i = 0; i < last; i++) {
      BitSet others = new BitSet(facts.length);
      for (int j = 0; j < chosen.size(); j++) {
        if (j != i) {
          others.or(covers[chosen.get(j)]);
        }
      }
      BitSet own = (BitSet) covers[chosen.get(i)].clone();
      own.and(required);
      own.andNot(others);
      if (own.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  List<Option> options() {
    return options;
  }
}
