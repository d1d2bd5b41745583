package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.Cancellation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways to cover a member's facts, by shape. Every required fact is given to exactly one option
 * that may cover it (design §Reconciliation, step 3: an installation is a unit any eligible model
 * may take); an option given no fact is not used; optional facts (access to a product licensed per
 * server) join the first used option that may cover them, if any; a free rider (a passive failover
 * replica) only joins an option used for facts of its own. Each assignment has a shape (the units
 * of each slot type its used options need, which depend on the facts given to them); shapes that
 * need at least as many units of every slot type as another are dropped, since they are never
 * better. Each shape keeps the first assignment that produced it in which no used option could be
 * spared (else the first).
 *
 * <p>Depth first over the facts that have a choice, facts with one candidate being given to it up
 * front; at most {@code budget} search nodes, after which {@link #complete()} is false and the
 * shapes found so far stand (the position then says so).
 */
final class ShapeEnumerator {

  /** How a member's options count: units and slot type of option {@code o} over some facts. */
  interface Evaluator {
    /** Units of local option {@code o} given local facts {@code facts[0, count)}, ascending. */
    long units(int o, int[] facts, int count);

    /** Slot type of local option {@code o} given local facts {@code facts[0, count)}. */
    int slotType(int o, int[] facts, int count);
  }

  /**
   * A shape, the first assignment (local fact → local option, or -1) that produced it, and the
   * options it uses.
   */
  record Found(Shape shape, int[] assignment, List<Use> uses, boolean minimal) {}

  /**
   * An option an assignment uses: the local option, the local facts given to it (ascending), its
   * slot type and units.
   */
  record Use(int option, int[] facts, int slotType, long units) {}

  private final MemberProblem member;
  private final Evaluator evaluator;
  private final int budget;
  private final int[] assignment;
  private final int[] branching;
  private final Map<Shape, Found> found = new LinkedHashMap<>();
  private final Map<MemoKey, long[]> memo = new HashMap<>();
  private final int[] scratch;
  private final int[] used;
  private int nodes;
  private boolean complete = true;

  ShapeEnumerator(MemberProblem member, Evaluator evaluator, int budget) {
    this.member = member;
    this.evaluator = evaluator;
    this.budget = budget;
    this.assignment = new int[member.factCount()];
    Arrays.fill(assignment, -1);
    int[] choices = new int[member.factCount()];
    int n = 0;
    for (int f = 0; f < member.factCount(); f++) {
      if (!member.required(f)) {
        continue;
      }
      int[] candidates = member.candidates(f);
      if (candidates.length == 1) {
        assignment[f] = candidates[0];
      } else {
        choices[n++] = f;
      }
    }
    this.branching = Arrays.copyOf(choices, n);
    this.scratch = new int[member.factCount()];
    this.used = new int[member.optionCount()];
  }

  /** Most needless ways to cover kept to explain a choice ({@link #alternatives()}). */
  static final int ALTERNATIVES = 4;

  private final List<Found> alternatives = new ArrayList<>();

  /** The shapes, sorted, each with the first assignment found, dominated shapes dropped. */
  List<Found> run() {
    search(0);
    List<Found> result = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>(found.keySet());
    for (Shape shape : shapes) {
      boolean dominated = false;
      boolean strictly = false;
      for (Shape other : shapes) {
        if (other.dominates(shape)) {
          dominated = true;
          strictly |= !other.totals().equals(shape.totals());
        }
      }
      if (!dominated) {
        result.add(found.get(shape));
      } else if (strictly && found.get(shape).minimal()) {
        alternatives.add(found.get(shape));
      }
    }
    result.sort((a, b) -> a.shape().compareTo(b.shape()));
    alternatives.sort((a, b) -> a.shape().compareTo(b.shape()));
    if (alternatives.size() > ALTERNATIVES) {
      alternatives.subList(ALTERNATIVES, alternatives.size()).clear();
    }
    return result;
  }

  /**
   * Ways to cover that need more units of some slot type than a shape kept, and no fewer of any
   * (never chosen, but what the choice saves: second use against a licence per device), sorted, at
   * most {@value #ALTERNATIVES}.
   */
  List<Found> alternatives() {
    return alternatives;
  }

  /** Whether the search finished within its budget. */
  boolean complete() {
    return complete;
  }

  private void search(int depth) {
    if (++nodes > budget && !found.isEmpty()) {
      complete = false;
      return;
    }
    if ((nodes & 1023) == 0) {
      Cancellation.check();
    }
    if (depth == branching.length) {
      leaf();
      return;
    }
    int f = branching[depth];
    for (int o : member.candidates(f)) {
      assignment[f] = o;
      search(depth + 1);
      if (!complete) {
        return;
      }
    }
    assignment[f] = -1;
  }

  private void leaf() {
    int options = member.optionCount();
    Arrays.fill(used, 0);
    // An option is used when some fact of its own (not a free rider) is given to it.
    for (int f = 0; f < assignment.length; f++) {
      int o = assignment[f];
      if (o >= 0 && member.required(f) && !member.isFree(o, f)) {
        used[o] = 1;
      }
    }
    for (int f = 0; f < assignment.length; f++) {
      int o = assignment[f];
      if (o >= 0 && member.required(f) && used[o] == 0) {
        return; // a free rider alone: not a way to cover
      }
    }
    if (splitsADevice()) {
      return;
    }
    int[] leafAssignment = assignment.clone();
    for (int f = 0; f < leafAssignment.length; f++) {
      if (!member.required(f)) {
        leafAssignment[f] = -1;
        for (int o : member.candidates(f)) {
          if (used[o] != 0) {
            leafAssignment[f] = o;
            break;
          }
        }
      }
    }
    int count = 0;
    for (int o = 0; o < options; o++) {
      count += used[o];
    }
    int[] types = new int[count];
    long[] units = new long[count];
    List<Use> uses = new ArrayList<>(count);
    int i = 0;
    for (int o = 0; o < options; o++) {
      if (used[o] == 0) {
        continue;
      }
      int n = 0;
      long mask = 0;
      for (int f = 0; f < leafAssignment.length; f++) {
        if (leafAssignment[f] == o) {
          scratch[n++] = f;
          if (f < 63) {
            mask |= 1L << f;
          }
        }
      }
      long[] terms = terms(o, n, mask);
      types[i] = (int) terms[1];
      units[i] = terms[0];
      uses.add(new Use(o, Arrays.copyOf(scratch, n), types[i], units[i]));
      i++;
    }
    Shape shape = Shape.of(types, units);
    Found known = found.get(shape);
    if (known == null || (!known.minimal() && isMinimal())) {
      // The first way to a shape stands for it; a minimal cover (no option to spare) is preferred.
      found.put(shape, new Found(shape, leafAssignment, List.copyOf(uses), isMinimal()));
    }
  }

  /**
   * Whether no used option could be left out, its facts going to the other used options: a minimal
   * cover, worth naming as what a choice was made over.
   */
  private boolean isMinimal() {
    for (int o = 0; o < used.length; o++) {
      if (used[o] == 0) {
        continue;
      }
      boolean needed = false;
      for (int f = 0; f < assignment.length && !needed; f++) {
        if (assignment[f] != o || !member.required(f) || member.isFree(o, f)) {
          continue;
        }
        boolean elsewhere = false;
        for (int other : member.candidates(f)) {
          elsewhere |= other != o && used[other] != 0;
        }
        needed = !elsewhere;
      }
      if (!needed) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether two options of one licence model share a device's facts: a device is licensed once per
   * model (its device licence, or its place in a second-use pair, covers all its installations of
   * the model), so that is no way to cover.
   */
  private boolean splitsADevice() {
    Map<Long, Integer> optionOf = null;
    for (int f = 0; f < assignment.length; f++) {
      int o = assignment[f];
      int device = member.device(f);
      if (o < 0 || device < 0) {
        continue;
      }
      if (optionOf == null) {
        optionOf = new HashMap<>();
      }
      Integer other = optionOf.putIfAbsent((long) member.model(o) << 32 | device, o);
      if (other != null && other != o) {
        return true;
      }
    }
    return false;
  }

  /** An option and the facts given to it, as a bit mask (members of fewer than 63 facts). */
  private record MemoKey(int option, long mask) {}

  /** Units and slot type of option {@code o} over {@code scratch[0, n)}, memoised when small. */
  private long[] terms(int o, int n, long mask) {
    MemoKey key = assignment.length < 63 ? new MemoKey(o, mask) : null;
    if (key != null) {
      long[] known = memo.get(key);
      if (known != null) {
        return known;
      }
    }
    long[] terms = {evaluator.units(o, scratch, n), evaluator.slotType(o, scratch, n)};
    if (key != null) {
      memo.put(key, terms);
    }
    return terms;
  }
}
