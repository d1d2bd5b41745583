package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.Cancellation;
import io.itam.compliance.internal.eligibility.SlotTypes;
import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.facts.Facts;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.terms.LicenseModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps 2 and 3 of the reconciliation (design §Reconciliation): for every fact and every licence
 * model that could cover it, the options the model's metric offers; the facts options tie together
 * (members); the ways to cover each member, by shape; and members with equal shapes gathered into
 * {@link DemandClass demand classes}.
 *
 * <p>The fast engine works a family out from its facts' record keys: in a local family (see {@link
 * Families}) a device's or user's demand is known from its records and unit class, so consumers
 * with equal ones share one representative, and only representatives get options; elsewhere the
 * rules offer options for every consumer and members whose option structure is equal up to names
 * share one. The reference engine ({@code reference}) works out every member on its own, counting
 * its options as people read them. Both give the same classes.
 *
 * <p>Facts no option covers are kept: an installation nobody can license is a shortfall; an access
 * or usage record no model counts does not count.
 */
public final class Demand {
  /** Most search nodes when enumerating the ways to cover one member. */
  public static final int COVER_BUDGET = 20_000;

  final EstateIndex index;
  final Facts facts;
  final RuleContext context;
  final Families families;
  final SlotTypes types;
  final Refusals refusals = new Refusals();
  final boolean[] optionalProduct;
  final boolean[] localFamily;
  final List<DemandClass> classes = new ArrayList<>();
  final boolean[] inMember;
  final boolean[] skipped;

  private Demand(EstateIndex index, Facts facts, SlotTypes types) {
    this.index = index;
    this.facts = facts;
    this.types = types;
    this.context = new RuleContext(index, facts, CoverageTable.of(index, facts));
    this.families = new Families(index);
    this.optionalProduct = optionalProducts(index);
    this.localFamily = new boolean[families.count()];
    this.inMember = new boolean[facts.size()];
    this.skipped = new boolean[facts.size()];
  }

  /**
   * The demand of {@code facts}.
   *
   * @param reference work out every member on its own (the reference engine)
   * @throws ValidationException when a licence count exceeds what a {@code long} holds
   */
  public static Demand of(EstateIndex index, Facts facts, SlotTypes types, boolean reference) {
    Demand demand = new Demand(index, facts, types);
    int[][] byFamily = demand.factsByFamily();
    for (int family = 0; family < demand.families.count(); family++) {
      Cancellation.check();
      try {
        if (!reference && demand.families.kind(family) != Families.Kind.GENERIC) {
          demand.localFamily[family] = true;
          new LocalMembers(demand, family, byFamily[family]).run();
        } else {
          new GenericMembers(demand, family, byFamily[family], reference).run();
        }
      } catch (BeyondCounting overflow) {
        throw beyondCounting(overflow.model, index, overflow.getCause());
      }
    }
    for (DemandClass c : demand.classes) {
      c.sortMembers();
    }
    return demand;
  }

  /** A count past {@code long} while offering the options of {@code model}. */
  static final class BeyondCounting extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient LicenseModel model;

    BeyondCounting(LicenseModel model, ArithmeticException cause) {
      super(cause);
      this.model = model;
    }
  }

  /**
   * The estate needs more units of {@code model} than a {@code long} holds: every value was within
   * its limit (io.itam.model.Limits), but their product is not. A problem of the input, reported at
   * the model, never a wrapped count.
   */
  private static ValidationException beyondCounting(
      LicenseModel model, EstateIndex index, Throwable overflow) {
    int at = index.estate().licenseModels().indexOf(model);
    String path =
        at >= 0
            ? io.itam.model.EstateSection.LICENSE_MODELS.path(at)
            : "licenseModels[id=" + model.id() + "]";
    String detail = overflow.getMessage() == null ? "" : ": " + overflow.getMessage();
    return new ValidationException(
        List.of(
            Problem.at(
                path,
                "licence model \""
                    + model.id()
                    + "\" would need more than "
                    + Long.MAX_VALUE
                    + " units on this estate"
                    + detail
                    + " (check the processors, cores and factors of its servers)")));
  }

  /** The facts of every family, ascending (a counting sort by family). */
  private int[][] factsByFamily() {
    int n = families.count();
    int[] count = new int[n];
    for (int f = 0; f < facts.size(); f++) {
      count[families.of(facts.product(f))]++;
    }
    int[][] byFamily = new int[n][];
    for (int family = 0; family < n; family++) {
      byFamily[family] = new int[count[family]];
      count[family] = 0;
    }
    for (int f = 0; f < facts.size(); f++) {
      int family = families.of(facts.product(f));
      byFamily[family][count[family]++] = f;
    }
    return byFamily;
  }

  /**
   * Per product: whether its access records need no licence of their own: the product is licensed
   * per server (a hardware or site model covers it) and no Client Access License exists for it.
   * Server licensing includes unlimited users; a named-user option may still count them.
   */
  private static boolean[] optionalProducts(EstateIndex index) {
    boolean[] optional = new boolean[index.productCount()];
    List<String> ids = index.productIds().asList();
    for (int p = 0; p < optional.length; p++) {
      boolean perServer = false;
      boolean clientAccess = false;
      for (LicenseModel model : index.modelsCovering(ids.get(p))) {
        clientAccess |= model.clientAccess();
        perServer |=
            model.metric().type().isHardware()
                || model.metric().type() == io.itam.model.terms.MetricType.SITE;
      }
      optional[p] = perServer && !clientAccess;
    }
    return optional;
  }

  /** Registers a new class for {@code shapes} or returns the family's existing one. */
  DemandClass classFor(java.util.Map<List<Shape>, DemandClass> ofFamily, List<Shape> shapes) {
    DemandClass c = ofFamily.get(shapes);
    if (c == null) {
      c = new DemandClass(shapes);
      ofFamily.put(List.copyOf(shapes), c);
      classes.add(c);
    }
    return c;
  }

  // ---- what the later steps read ---------------------------------------------------------------

  public EstateIndex index() {
    return index;
  }

  public Facts facts() {
    return facts;
  }

  public SlotTypes types() {
    return types;
  }

  public RuleContext context() {
    return context;
  }

  /** The input records of each kind: installations, access, usage. */
  public long[] recordCounts() {
    return new long[] {
      facts.records(Fact.Kind.INSTALLATION),
      facts.records(Fact.Kind.ACCESS),
      facts.records(Fact.Kind.USAGE)
    };
  }

  /** The demand classes, in the order of their first member's family and order. */
  public List<DemandClass> classes() {
    return classes;
  }

  /**
   * Whether fact {@code id} need not be covered: an access record of a product licensed per server
   * (a hardware or site model covers it) and for which no Client Access License exists.
   */
  public boolean isOptional(int id) {
    return facts.kind(id) == Fact.Kind.ACCESS && optionalProduct[facts.product(id)];
  }

  /** Whether some option covers fact {@code id}. */
  public boolean isCoverable(int id) {
    return inMember[id];
  }

  /**
   * Whether fact {@code id} is in a member no fact of which needs a licence (access to a product
   * licensed per server): it is not counted.
   */
  public boolean isSkipped(int id) {
    return skipped[id];
  }

  /**
   * Why no licence model covers fact {@code id}: the refusals of the terms check, then those of the
   * metrics, in model order.
   */
  public List<String> whyNot(int id) {
    List<String> reasons = new ArrayList<>();
    int key = facts.recordKey(id);
    CoverageTable coverage = context.coverage;
    int[] models = coverage.models(key);
    for (int i = 0; i < models.length; i++) {
      Coverage.Result result = coverage.result(key, i);
      if (!result.covered()) {
        reasons.add(result.refusal());
      }
    }
    int family = families.of(facts.product(id));
    if (localFamily[family]) {
      Refusals local = new Refusals();
      for (int i = 0; i < models.length; i++) {
        if (coverage.result(key, i).covered()) {
          LocalMembers.anchor(context, families, family, models[i], id, local);
        }
      }
      reasons.addAll(local.of(id));
    } else {
      reasons.addAll(refusals.of(id));
    }
    return reasons;
  }

  /**
   * An installation no licence model can cover: a shortfall without a model.
   *
   * @param fact the installation
   * @param reason why no model covers it
   */
  public record Uncoverable(int fact, String reason) {}

  /** Installations no option covers, in fact order, with the reasons. */
  public List<Uncoverable> uncoverable() {
    List<Uncoverable> rows = new ArrayList<>();
    for (int f = 0; f < facts.installationCount(); f++) {
      if (inMember[f]) {
        continue;
      }
      List<String> reasons = whyNot(f);
      Fact fact = facts.fact(f);
      rows.add(
          new Uncoverable(
              f,
              reasons.isEmpty()
                  ? "no licence model covers "
                      + fact.product()
                      + (fact.evidence() == null ? "" : " (" + fact.evidence() + ")")
                  : "no licence model covers this "
                      + fact.describe()
                      + ": "
                      + String.join("; ", reasons)));
    }
    return rows;
  }

  /** Installations no option covers (without building their reasons). */
  public long uncoverableCount() {
    long n = 0;
    for (int f = 0; f < facts.installationCount(); f++) {
      n += inMember[f] ? 0 : 1;
    }
    return n;
  }

  /** Access and usage records no licence model counts, with the reasons, in fact order. */
  public List<io.itam.model.position.Rejected> uncounted() {
    List<io.itam.model.position.Rejected> rows = new ArrayList<>();
    for (int f = facts.installationCount(); f < facts.size(); f++) {
      if (inMember[f]) {
        continue;
      }
      List<String> reasons = whyNot(f);
      Fact fact = facts.fact(f);
      boolean access = fact.kind() == Fact.Kind.ACCESS;
      rows.add(
          new io.itam.model.position.Rejected(
              fact.kind().id(),
              fact.consumer(),
              fact.product(),
              !reasons.isEmpty()
                  ? "not counted: " + String.join("; ", reasons)
                  : access
                      ? "no licence model counts access to "
                          + fact.product()
                          + " (CAL or named user)"
                      : "no concurrent-user or site licence model counts usage of "
                          + fact.product()));
    }
    return rows;
  }

  /** How many {@link #uncounted()} rows of {@code kind} there are. */
  public long uncountedCount(Fact.Kind kind) {
    long n = 0;
    for (int f = facts.installationCount(); f < facts.size(); f++) {
      if (!inMember[f] && facts.kind(f) == kind) {
        n++;
      }
    }
    return n;
  }

  /**
   * Every option every licence model offers over the facts its terms cover, each covering all its
   * facts, in canonical order (licence model, consumer, first fact): for tests and tools.
   */
  public static List<Option> allOptions(EstateIndex index, Facts facts) {
    RuleContext context = new RuleContext(index, facts, CoverageTable.of(index, facts));
    OptionTable table = new OptionTable();
    Refusals refusals = new Refusals();
    int[] covered = new int[facts.size()];
    for (int m = 0; m < index.modelCount(); m++) {
      LicenseModel model = index.model(m);
      int n = 0;
      for (int f = 0; f < facts.size(); f++) {
        Coverage.Result result = context.coverage.of(facts.recordKey(f), m);
        if (result != null && result.covered()) {
          covered[n++] = f;
        }
      }
      if (n > 0) {
        MetricRule.of(model).offer(context, model, m, covered, n, table, refusals);
      }
    }
    List<Option> options = new ArrayList<>();
    for (int o = 0; o < table.size(); o++) {
      LicenseModel model = index.model(table.model(o));
      options.add(MetricRule.of(model).explain(context, model, table, o, table.facts(o)));
    }
    options.sort(
        java.util.Comparator.comparing((Option o) -> o.model().id())
            .thenComparing(Option::consumer)
            .thenComparingInt(o -> o.facts().length == 0 ? -1 : o.facts()[0]));
    return options;
  }

  /** The explanation of option row {@code row} of {@code table} covering {@code assigned}. */
  public Option explain(OptionTable table, int row, int[] assigned) {
    LicenseModel model = index.model(table.model(row));
    return MetricRule.of(model).explain(context, model, table, row, assigned);
  }
}
