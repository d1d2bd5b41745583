package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.Cancellation;
import io.itam.model.terms.LicenseModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of a family whose options tie consumers together (hosts and their VMs, a user's
 * devices under second use, a usage pool and its installations): the rules offer the options of
 * every model over all the family's facts; members are the groups of facts the options connect.
 *
 * <p>In the fast engine, members whose options are equal up to the names of their consumers (same
 * record keys, unit classes and terms, in the same order) share a representative, whose shapes are
 * enumerated once; members whose terms name consumers (pinned allocations) or that only the rule
 * can count are worked out on their own.
 */
final class GenericMembers {
  private final Demand demand;
  private final int family;
  private final int[] facts;
  private final boolean reference;
  private final OptionTable table = new OptionTable();
  private final Map<List<Shape>, DemandClass> classes = new LinkedHashMap<>();
  private final Map<Signature, Shared> shared = new HashMap<>();

  /** A representative's group, and the class it went to. */
  private record Shared(DemandClass demandClass, int group) {}

  GenericMembers(Demand demand, int family, int[] facts, boolean reference) {
    this.demand = demand;
    this.family = family;
    this.facts = facts;
    this.reference = reference;
  }

  void run() {
    offerOptions();
    int[] componentOf = components();
    membersOf(componentOf);
  }

  /** Every model of the family offers its options over the facts its terms cover. */
  private void offerOptions() {
    RuleContext context = demand.context;
    int[] covered = new int[facts.length];
    for (int m : demand.families.models(family)) {
      LicenseModel model = demand.index.model(m);
      int n = 0;
      for (int f : facts) {
        Coverage.Result result = context.coverage.of(demand.facts.recordKey(f), m);
        if (result != null && result.covered()) {
          covered[n++] = f;
        }
      }
      if (n == 0) {
        continue;
      }
      try {
        MetricRule.of(model).offer(context, model, m, covered, n, table, demand.refusals);
      } catch (ArithmeticException overflow) {
        throw new Demand.BeyondCounting(model, overflow);
      }
    }
  }

  /** The component of each of the family's facts (by position), or -1 when no option covers it. */
  private int[] components() {
    int n = facts.length;
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = -1;
    }
    for (int o = 0; o < table.size(); o++) {
      int first = -1;
      for (int e = table.start(o); e < table.end(o); e++) {
        int local = Arrays.binarySearch(facts, table.fact(e));
        if (parent[local] < 0) {
          parent[local] = local;
        }
        if (first < 0) {
          first = local;
        } else {
          union(parent, first, local);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (parent[i] >= 0) {
        parent[i] = find(parent, i);
      }
    }
    return parent;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb); // the root is the first fact
    }
  }

  /** Gathers each component's facts and options, and adds it as a member. */
  private void membersOf(int[] root) {
    int n = facts.length;
    // Facts and options per component, components in the order of their first fact.
    int[] factCount = new int[n];
    int[] optionCount = new int[n];
    for (int i = 0; i < n; i++) {
      if (root[i] >= 0) {
        factCount[root[i]]++;
      }
    }
    int[] rootOfOption = new int[table.size()];
    for (int o = 0; o < table.size(); o++) {
      rootOfOption[o] = root[Arrays.binarySearch(facts, table.fact(table.start(o)))];
      optionCount[rootOfOption[o]]++;
    }
    int[][] memberFacts = new int[n][];
    int[][] memberOptions = new int[n][];
    for (int i = 0; i < n; i++) {
      if (root[i] == i) {
        memberFacts[i] = new int[factCount[i]];
        memberOptions[i] = new int[optionCount[i]];
        factCount[i] = 0;
        optionCount[i] = 0;
      }
    }
    for (int i = 0; i < n; i++) {
      if (root[i] >= 0) {
        memberFacts[root[i]][factCount[root[i]]++] = facts[i];
      }
    }
    for (int o = 0; o < table.size(); o++) {
      int r = rootOfOption[o];
      memberOptions[r][optionCount[r]++] = o;
    }
    for (int i = 0; i < n; i++) {
      if (root[i] == i) {
        if ((i & 1023) == 0) {
          Cancellation.check();
        }
        member(memberFacts[i], canonical(memberOptions[i]));
        memberFacts[i] = null;
        memberOptions[i] = null;
      }
    }
  }

  /** Options in canonical order: licence model, consumer, first fact. */
  private int[] canonical(int[] options) {
    Integer[] boxed = new Integer[options.length];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = options[i];
    }
    Arrays.sort(
        boxed,
        (a, b) -> {
          int c = Integer.compare(table.model(a), table.model(b));
          if (c != 0) {
            return c;
          }
          c = table.consumer(a).compareTo(table.consumer(b));
          return c != 0
              ? c
              : Integer.compare(table.fact(table.start(a)), table.fact(table.start(b)));
        });
    int[] sorted = new int[options.length];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = boxed[i];
    }
    return sorted;
  }

  private void member(int[] memberFacts, int[] options) {
    boolean[] required = new boolean[memberFacts.length];
    boolean any = false;
    for (int i = 0; i < memberFacts.length; i++) {
      demand.inMember[memberFacts[i]] = true;
      required[i] = !demand.isOptional(memberFacts[i]);
      any |= required[i];
    }
    if (!any) {
      for (int f : memberFacts) {
        demand.skipped[f] = true; // nothing here needs a licence (access licensed per server)
      }
      return;
    }
    MemberProblem problem =
        new MemberProblem(memberFacts, required, table, options, devicesOf(memberFacts));
    Signature signature = reference ? null : Signature.of(demand, family, problem);
    Shared known = signature == null ? null : shared.get(signature);
    if (known != null) {
      DemandClass.Group group = known.demandClass().groups.get(known.group());
      int index = group.add(memberFacts, options, -1);
      known.demandClass().add(memberFacts[0], known.group(), index);
      return;
    }
    ShapeEnumerator.Evaluator evaluator =
        reference || signature == null
            ? new OptionTerms.Explained(demand.context, demand.types, problem)
            : new OptionTerms.Fast(demand.context, demand.types, problem);
    ShapeEnumerator enumerator = new ShapeEnumerator(problem, evaluator, Demand.COVER_BUDGET);
    List<ShapeEnumerator.Found> found = enumerate(enumerator, problem);
    List<Shape> shapes = new ArrayList<>();
    List<List<ShapeEnumerator.Use>> patterns = new ArrayList<>();
    for (ShapeEnumerator.Found f : found) {
      shapes.add(f.shape());
      patterns.add(f.uses());
    }
    DemandClass c = demand.classFor(classes, shapes);
    DemandClass.Group group =
        new DemandClass.Group(problem, patterns, table, true, !enumerator.complete());
    enumerator.alternatives().forEach(a -> group.alternatives.add(a.uses()));
    c.groups.add(group);
    int g = c.groups.size() - 1;
    int index = group.add(memberFacts, options, -1);
    c.add(memberFacts[0], g, index);
    if (signature != null) {
      shared.put(signature, new Shared(c, g));
    }
  }

  private List<ShapeEnumerator.Found> enumerate(ShapeEnumerator enumerator, MemberProblem problem) {
    try {
      return enumerator.run();
    } catch (ArithmeticException overflow) {
      throw new Demand.BeyondCounting(demand.index.model(table.model(problem.option(0))), overflow);
    }
  }

  private int[] devicesOf(int[] memberFacts) {
    int[] devices = new int[memberFacts.length];
    for (int i = 0; i < devices.length; i++) {
      devices[i] = demand.facts.device(memberFacts[i]);
    }
    return devices;
  }
}
