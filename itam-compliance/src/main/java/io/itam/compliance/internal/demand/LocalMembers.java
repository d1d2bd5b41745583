package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.Cancellation;
import io.itam.model.terms.LicenseModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The members of a local family (see {@link Families}): each device's (or user's) facts of the
 * family. A member's demand depends only on its facts' record keys and the unit class of its
 * consumer, so members with equal ones share a representative: only representatives get options and
 * have their shapes enumerated, and every other member is a row of primitive arrays.
 */
final class LocalMembers {
  private final Demand demand;
  private final int family;
  private final int[] facts;
  private final boolean byUser;
  private final Map<List<Shape>, DemandClass> classes = new LinkedHashMap<>();
  private final Map<Key, Shared> shared = new HashMap<>();
  private final List<Shared> single = new ArrayList<>();
  private final io.itam.compliance.internal.LongIntMap singleKeys =
      new io.itam.compliance.internal.LongIntMap(64);

  /** A representative's group, its class, and its facts in (record key, fact) order. */
  private record Shared(DemandClass demandClass, int group, int[] byKey) {}

  /** Unit class and record keys (ascending) of a member. */
  private record Key(int[] key) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key);
    }
  }

  LocalMembers(Demand demand, int family, int[] facts) {
    this.demand = demand;
    this.family = family;
    this.facts = facts;
    this.byUser = demand.families.kind(family) == Families.Kind.USER_LOCAL;
  }

  /**
   * The consumer fact {@code fact} counts under for model {@code m} of a local family (a device or
   * a user), or -1 with the reason given to {@code refusals}.
   */
  static int anchor(
      RuleContext context,
      Families families,
      int family,
      int m,
      int fact,
      @Nullable Refusals refusals) {
    LicenseModel model = context.index.model(m);
    return switch (families.kind(family)) {
      case DEVICE_LOCAL ->
          model.metric().type() == io.itam.model.terms.MetricType.INSTALLATION
              ? InstallationRule.anchor(context, model, fact, refusals)
              : DeviceRule.anchor(context, model, fact, refusals);
      case USER_LOCAL -> UserRule.anchor(context, model, fact, refusals, false);
      case GENERIC -> throw new IllegalStateException("family is not local");
    };
  }

  void run() {
    int[] anchors = anchors();
    int[] order = inAnchorOrder(anchors);
    for (int start = 0; start < order.length; ) {
      if ((start & 4095) == 0) {
        Cancellation.check();
      }
      int end = Grouping.runEnd(anchors, order, start);
      if (end - start == 1) {
        single(anchors[order[start]], facts[order[start]]);
      } else {
        int[] memberFacts = new int[end - start];
        for (int k = start; k < end; k++) {
          memberFacts[k - start] = facts[order[k]];
        }
        member(anchors[order[start]], memberFacts);
      }
      start = end;
    }
  }

  /** The consumer each of the family's facts counts under, or -1 when no model counts it. */
  private int[] anchors() {
    RuleContext context = demand.context;
    int[] models = demand.families.models(family);
    int[] anchors = new int[facts.length];
    // Which models count a record key's facts depends on the key alone (and, for a user, on the
    // device's user): worked out once per key.
    Map<Integer, int[]> countingModels = new HashMap<>();
    for (int i = 0; i < facts.length; i++) {
      int f = facts[i];
      int key = demand.facts.recordKey(f);
      int[] counting =
          countingModels.computeIfAbsent(
              key,
              k -> {
                int[] covering = new int[models.length];
                int n = 0;
                for (int m : models) {
                  Coverage.Result result = context.coverage.of(k, m);
                  if (result != null && result.covered()) {
                    covering[n++] = m;
                  }
                }
                return Arrays.copyOf(covering, n);
              });
      anchors[i] = -1;
      for (int m : counting) {
        int a = anchor(context, demand.families, family, m, f, null);
        if (a >= 0) {
          anchors[i] = a;
          break; // every model of a local family counts a fact under the same consumer
        }
      }
    }
    return anchors;
  }

  /** The positions of the counted facts ordered by consumer, then fact. */
  private static int[] inAnchorOrder(int[] anchors) {
    boolean sorted = true;
    int n = 0;
    int last = -1;
    for (int a : anchors) {
      if (a >= 0) {
        sorted &= a >= last;
        last = a;
        n++;
      }
    }
    if (!sorted) {
      return Grouping.byKey(anchors);
    }
    int[] order = new int[n];
    n = 0;
    for (int i = 0; i < anchors.length; i++) {
      if (anchors[i] >= 0) {
        order[n++] = i;
      }
    }
    return order;
  }

  /** A member of one fact: keyed by its unit class and record key on primitives. */
  private void single(int anchor, int fact) {
    demand.inMember[fact] = true;
    int unit = byUser ? demand.index.userUnit(anchor) : demand.index.deviceUnit(anchor);
    long key = (long) demand.families.unitClass(family, unit) << 32 | demand.facts.recordKey(fact);
    int at = singleKeys.get(key);
    Shared known;
    if (at == io.itam.compliance.internal.LongIntMap.ABSENT) {
      known = represent(new int[] {fact}, new int[] {0});
      singleKeys.put(key, single.size());
      single.add(known);
    } else {
      known = single.get(at);
    }
    DemandClass.Group group = known.demandClass().groups.get(known.group());
    int index = group.add(fact, anchor);
    known.demandClass().add(fact, known.group(), index);
  }

  private void member(int anchor, int[] memberFacts) {
    for (int f : memberFacts) {
      demand.inMember[f] = true;
    }
    int unit = byUser ? demand.index.userUnit(anchor) : demand.index.deviceUnit(anchor);
    int[] byKey = byRecordKey(memberFacts);
    int[] key = new int[memberFacts.length + 1];
    key[0] = demand.families.unitClass(family, unit);
    for (int i = 0; i < byKey.length; i++) {
      key[i + 1] = demand.facts.recordKey(memberFacts[byKey[i]]);
    }
    Key signature = new Key(key);
    Shared known = shared.get(signature);
    if (known == null) {
      known = represent(memberFacts, byKey);
      shared.put(signature, known);
    }
    // Align the member's facts with the representative's local facts, record key by record key.
    int[] aligned = new int[memberFacts.length];
    for (int i = 0; i < byKey.length; i++) {
      aligned[known.byKey()[i]] = memberFacts[byKey[i]];
    }
    DemandClass.Group group = known.demandClass().groups.get(known.group());
    int index = group.add(aligned, null, anchor);
    known.demandClass().add(memberFacts[0], known.group(), index);
  }

  /** The positions of {@code memberFacts} ordered by record key, then fact. */
  private int[] byRecordKey(int[] memberFacts) {
    int n = memberFacts.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (long) demand.facts.recordKey(memberFacts[i]) << 32 | i;
    }
    Arrays.sort(keys);
    int[] positions = new int[n];
    for (int i = 0; i < n; i++) {
      positions[i] = (int) keys[i];
    }
    return positions;
  }

  /** Offers the options of a representative and enumerates its shapes. */
  private Shared represent(int[] memberFacts, int[] byKey) {
    RuleContext context = demand.context;
    OptionTable table = new OptionTable();
    Refusals ignored = new Refusals();
    int[] covered = new int[memberFacts.length];
    for (int m : demand.families.models(family)) {
      LicenseModel model = demand.index.model(m);
      int n = 0;
      for (int f : memberFacts) {
        Coverage.Result result = context.coverage.of(demand.facts.recordKey(f), m);
        if (result != null && result.covered()) {
          covered[n++] = f;
        }
      }
      if (n > 0) {
        MetricRule.of(model).offer(context, model, m, covered, n, table, ignored);
      }
    }
    int[] rows = new int[table.size()];
    for (int o = 0; o < rows.length; o++) {
      rows[o] = o; // one consumer: offered in model order is canonical order
    }
    boolean[] required = new boolean[memberFacts.length];
    Arrays.fill(required, true);
    MemberProblem problem =
        new MemberProblem(memberFacts, required, table, rows, devicesOf(memberFacts));
    ShapeEnumerator enumerator =
        new ShapeEnumerator(
            problem, new OptionTerms.Fast(context, demand.types, problem), Demand.COVER_BUDGET);
    List<ShapeEnumerator.Found> found = enumerator.run();
    List<Shape> shapes = new ArrayList<>();
    List<List<ShapeEnumerator.Use>> patterns = new ArrayList<>();
    for (ShapeEnumerator.Found f : found) {
      shapes.add(f.shape());
      patterns.add(f.uses());
    }
    DemandClass c = demand.classFor(classes, shapes);
    DemandClass.Group group =
        new DemandClass.Group(problem, patterns, table, false, !enumerator.complete());
    group.anchorIsUser = byUser;
    enumerator.alternatives().forEach(a -> group.alternatives.add(a.uses()));
    c.groups.add(group);
    return new Shared(c, c.groups.size() - 1, byKey);
  }

  private int[] devicesOf(int[] memberFacts) {
    int[] devices = new int[memberFacts.length];
    for (int i = 0; i < devices.length; i++) {
      devices[i] = demand.facts.device(memberFacts[i]);
    }
    return devices;
  }
}
