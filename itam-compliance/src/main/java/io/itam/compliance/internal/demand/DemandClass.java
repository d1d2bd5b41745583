package io.itam.compliance.internal.demand;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Members with the same shapes: interchangeable for the optimisation, which decides only how many
 * of them take each shape (design §Reconciliation: "min-cost flow on demand classes, so the solve
 * grows with classes, not records").
 *
 * <p>The members come in {@linkplain Group groups} sharing one representative (members whose demand
 * is equal up to the names of their consumers); each group keeps the representative's way to cover
 * each shape. Members are listed in canonical order (their first fact): the members in that order
 * take the shapes in order when the solution is handed back.
 */
public final class DemandClass {
  /**
   * Members whose demand is equal up to names, with their representative's problem and its way to
   * cover each shape of the class.
   */
  public static final class Group {
    final MemberProblem representative;

    /** Per shape of the class: the representative's options used, with their facts and units. */
    final List<List<ShapeEnumerator.Use>> patterns;

    /** The table of the members' options (the representative's table for local members). */
    final OptionTable table;

    /** Whether the members' options are rows of {@link #table} (else only the representative's). */
    final boolean ownOptions;

    final boolean truncated;

    /** Ways to cover the class's shapes make needless, for explaining the choice. */
    final List<List<ShapeEnumerator.Use>> alternatives = new ArrayList<>();

    /** For local members: whether their consumer is a user (else a device). */
    boolean anchorIsUser;

    /** Per shape and use: the units of each line the use's option makes, computed on demand. */
    private volatile long[][][] lineUnits;

    private int count;
    private int[] facts = new int[0];
    private int[] options = new int[0];
    private int[] anchors = new int[0];

    Group(
        MemberProblem representative,
        List<List<ShapeEnumerator.Use>> patterns,
        OptionTable table,
        boolean ownOptions,
        boolean truncated) {
      this.representative = representative;
      this.patterns = patterns;
      this.table = table;
      this.ownOptions = ownOptions;
      this.truncated = truncated;
    }

    /**
     * Adds a member: its facts aligned with the representative's local facts and, when the members
     * have rows of their own, its options aligned with the representative's; returns its index.
     */
    int add(int[] memberFacts, int[] memberOptions, int anchor) {
      if (count == anchors.length) {
        anchors = Arrays.copyOf(anchors, Math.max(8, count * 2));
      }
      anchors[count] = anchor;
      int stride = representative.factCount();
      int optionStride = representative.optionCount();
      if ((count + 1) * stride > facts.length) {
        facts = Arrays.copyOf(facts, Math.max(16, facts.length * 2) + stride);
      }
      System.arraycopy(memberFacts, 0, facts, count * stride, stride);
      if (ownOptions) {
        if ((count + 1) * optionStride > options.length) {
          options = Arrays.copyOf(options, Math.max(16, options.length * 2) + optionStride);
        }
        System.arraycopy(memberOptions, 0, options, count * optionStride, optionStride);
      }
      return count++;
    }

    /**
     * The consumer of every option of local member {@code i} (a device or user index); for members
     * with options of their own, -1.
     */
    int anchor(int i) {
      return anchors[i];
    }

    /** Adds a member of one fact (the representative has one) counted under {@code anchor}. */
    int add(int fact, int anchor) {
      if (count == anchors.length) {
        anchors = Arrays.copyOf(anchors, Math.max(8, count * 2));
      }
      if (count == facts.length) {
        facts = Arrays.copyOf(facts, Math.max(16, facts.length * 2));
      }
      anchors[count] = anchor;
      facts[count] = fact;
      return count++;
    }

    /** How many members the group has. */
    int size() {
      return count;
    }

    /**
     * The fact of member {@code i} that stands where the representative has local fact {@code f}.
     */
    int fact(int i, int f) {
      return facts[i * representative.factCount() + f];
    }

    /** The option row of member {@code i} at the representative's local option {@code o}. */
    int option(int i, int o) {
      return ownOptions ? options[i * representative.optionCount() + o] : representative.option(o);
    }
  }

  /**
   * An option a member uses when it takes a shape: the table and row of the option (for a member of
   * a local family, its representative's row, which the rules explain for the member's facts), the
   * member's facts given to it (ascending), its slot type and units.
   */
  public record Placement(OptionTable table, int row, int[] facts, int slotType, long units) {}

  final ImmutableList<Shape> shapes;
  final List<Group> groups = new ArrayList<>();
  private int size;
  private int[] order = new int[4];
  private int[] group = new int[4];
  private int[] indexInGroup = new int[4];

  DemandClass(List<Shape> shapes) {
    this.shapes = ImmutableList.copyOf(shapes);
  }

  /** Adds a member of group {@code g} (its {@code i}-th) whose first fact is {@code firstFact}. */
  void add(int firstFact, int g, int i) {
    if (size == order.length) {
      order = Arrays.copyOf(order, size * 2);
      group = Arrays.copyOf(group, size * 2);
      indexInGroup = Arrays.copyOf(indexInGroup, size * 2);
    }
    order[size] = firstFact;
    group[size] = g;
    indexInGroup[size] = i;
    size++;
  }

  /** The options the {@code m}-th member uses when it takes shape {@code s}, in canonical order. */
  public List<Placement> placements(int m, int s) {
    return placements(m, groupOf(m).patterns.get(s));
  }

  /**
   * The other ways the {@code m}-th member could have covered its facts when it takes shape {@code
   * s}: the class's other shapes, then the needless ways its search found, in shape order.
   */
  public List<List<Placement>> otherWays(int m, int s) {
    Group g = groupOf(m);
    List<List<Placement>> ways = new ArrayList<>();
    for (int other = 0; other < shapes.size(); other++) {
      if (other != s) {
        ways.add(placements(m, g.patterns.get(other)));
      }
    }
    for (List<ShapeEnumerator.Use> alternative : g.alternatives) {
      ways.add(placements(m, alternative));
    }
    return ways;
  }

  /** Receives the lines a member makes: slot type, consumer, first fact, units. */
  public interface LineSink {
    /**
     * A line of slot type {@code slotType}: {@code consumer} names its option's consumer, {@code
     * null} for a member of a local family of devices (whose first fact then orders it as its
     * device's id does); {@code firstFact} is the option's first fact.
     */
    void line(
        int slotType,
        @org.jspecify.annotations.Nullable String consumer,
        int firstFact,
        long units);
  }

  /**
   * Per slot type of shape {@code s}: the units of the lines each member taking {@code s} makes in
   * it, when every group of the class makes the same ones; {@code null} for a type where groups
   * differ (their members' lines must then be listed one by one).
   */
  public java.util.Map<Integer, long[]> lineUnits(int s, Demand demand) {
    java.util.Map<Integer, long[]> byType = new java.util.TreeMap<>();
    java.util.Set<Integer> differ = new java.util.HashSet<>();
    for (Group g : groups) {
      java.util.Map<Integer, List<Long>> ofGroup = new java.util.TreeMap<>();
      List<ShapeEnumerator.Use> uses = g.patterns.get(s);
      long[][] units = lineUnits(g, demand)[s];
      for (int u = 0; u < uses.size(); u++) {
        for (long unit : units[u]) {
          ofGroup.computeIfAbsent(uses.get(u).slotType(), k -> new ArrayList<>()).add(unit);
        }
      }
      ofGroup.forEach(
          (t, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] known = byType.putIfAbsent(t, sorted);
            if (known != null && !Arrays.equals(known, sorted)) {
              differ.add(t);
            }
          });
    }
    differ.forEach(t -> byType.put(t, null));
    return byType;
  }

  /** Gives {@code sink} the lines the {@code m}-th member makes when it takes shape {@code s}. */
  public void lines(int m, int s, Demand demand, LineSink sink) {
    Group g = groupOf(m);
    int i = indexInGroup(m);
    List<ShapeEnumerator.Use> uses = g.patterns.get(s);
    long[][] units = lineUnits(g, demand)[s];
    for (int u = 0; u < uses.size(); u++) {
      ShapeEnumerator.Use use = uses.get(u);
      int first = Integer.MAX_VALUE;
      for (int f : use.facts()) {
        first = Math.min(first, g.fact(i, f));
      }
      String consumer = consumer(g, i, use.option(), demand);
      for (long unit : units[u]) {
        sink.line(use.slotType(), consumer, first, unit);
      }
    }
  }

  /**
   * The consumer of member {@code i}'s local option {@code o}: its option's; for a member of a
   * local family, its user's id, or {@code null} for a device (ordered by its first fact).
   */
  private static @org.jspecify.annotations.Nullable String consumer(
      Group g, int i, int o, Demand demand) {
    if (g.ownOptions) {
      return g.table.consumer(g.option(i, o));
    }
    return g.anchorIsUser ? demand.index().user(g.anchor(i)).id() : null;
  }

  /** Per shape and use of group {@code g}: the units of each line of the use's option. */
  private static long[][][] lineUnits(Group g, Demand demand) {
    long[][][] known = g.lineUnits;
    if (known == null) {
      synchronized (g) {
        known = g.lineUnits;
        if (known == null) {
          known = new long[g.patterns.size()][][];
          for (int s = 0; s < known.length; s++) {
            List<ShapeEnumerator.Use> uses = g.patterns.get(s);
            known[s] = new long[uses.size()][];
            for (int u = 0; u < uses.size(); u++) {
              known[s][u] = lineUnits(g, uses.get(u), demand);
            }
          }
          g.lineUnits = known;
        }
      }
    }
    return known;
  }

  /** The units of each line of the option {@code use} uses in group {@code g}. */
  private static long[] lineUnits(Group g, ShapeEnumerator.Use use, Demand demand) {
    int row = g.representative.option(use.option());
    return switch (g.table.unitsRule(row)) {
      case SECOND_USE -> {
        long[] ones = new long[Math.toIntExact(use.units())];
        Arrays.fill(ones, 1);
        yield ones;
      }
      case GENERIC -> {
        int[] facts = new int[use.facts().length];
        for (int k = 0; k < facts.length; k++) {
          facts[k] = g.representative.fact(use.facts()[k]);
        }
        Arrays.sort(facts);
        yield demand.explain(g.table, row, facts).lines().stream()
            .mapToLong(Option.Line::units)
            .toArray();
      }
      default -> new long[] {use.units()};
    };
  }

  /** Whether a member may count facts that need no licence (access licensed per server). */
  public boolean hasOptionalFacts() {
    for (Group g : groups) {
      for (int f = 0; f < g.representative.factCount(); f++) {
        if (!g.representative.required(f)) {
          return true;
        }
      }
    }
    return false;
  }

  /** How many facts that need no licence the {@code m}-th member counts when it takes {@code s}. */
  public long optionalCounted(int m, int s) {
    Group g = groupOf(m);
    long n = 0;
    for (ShapeEnumerator.Use use : g.patterns.get(s)) {
      for (int f : use.facts()) {
        n += g.representative.required(f) ? 0 : 1;
      }
    }
    return n;
  }

  /** Whether the {@code m}-th member had other ways to cover (a choice to explain). */
  public boolean hasChoice(int m) {
    return shapes.size() > 1 || !groupOf(m).alternatives.isEmpty();
  }

  private List<Placement> placements(int m, List<ShapeEnumerator.Use> uses) {
    Group g = groupOf(m);
    int i = indexInGroup(m);
    List<Placement> placements = new ArrayList<>(uses.size());
    for (ShapeEnumerator.Use use : uses) {
      int[] local = use.facts();
      int[] facts = new int[local.length];
      for (int k = 0; k < local.length; k++) {
        facts[k] = g.fact(i, local[k]);
      }
      Arrays.sort(facts);
      placements.add(
          new Placement(g.table, g.option(i, use.option()), facts, use.slotType(), use.units()));
    }
    return placements;
  }

  public ImmutableList<Shape> shapes() {
    return shapes;
  }

  /** How many members the class has (the consumers it stands for). */
  public long size() {
    return size;
  }

  /** The first fact of the {@code m}-th member in canonical order. */
  public int order(int m) {
    return order[m];
  }

  /** The group of the {@code m}-th member. */
  public Group groupOf(int m) {
    return groups.get(group[m]);
  }

  /** The position of the {@code m}-th member in its group. */
  public int indexInGroup(int m) {
    return indexInGroup[m];
  }

  /** Whether the search for a member's shapes ran out of budget. */
  public boolean truncated() {
    for (Group g : groups) {
      if (g.truncated) {
        return true;
      }
    }
    return false;
  }

  /** Most units any shape needs, per member (for bounds). */
  public long maxUnits() {
    long max = 0;
    for (Shape shape : shapes) {
      max = Math.max(max, shape.totalUnits());
    }
    return max;
  }

  /** Sorts the members into canonical order (by first fact). */
  void sortMembers() {
    long[] keys = new long[size];
    for (int m = 0; m < size; m++) {
      keys[m] = (long) order[m] << 32 | m;
    }
    Arrays.sort(keys);
    int[] o = new int[size];
    int[] g = new int[size];
    int[] i = new int[size];
    for (int k = 0; k < size; k++) {
      int m = (int) keys[k];
      o[k] = order[m];
      g[k] = group[m];
      i[k] = indexInGroup[m];
    }
    order = o;
    group = g;
    indexInGroup = i;
  }
}
