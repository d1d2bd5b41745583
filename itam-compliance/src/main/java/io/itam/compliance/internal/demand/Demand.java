package io.itam.compliance.internal.demand;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.position.Exempt;
import io.itam.model.position.Rejected;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 1 of the reconciliation (design §Reconciliation): for every fact and every licence model
 * that could cover it, the options the model's metric offers and the units each needs. Facts that
 * no option covers are kept with the reasons: an installation nobody can license is a shortfall; an
 * access or usage record no model counts does not count.
 */
public final class Demand {
  private static final Comparator<Option> OPTION_ORDER =
      Comparator.comparing((Option o) -> o.model().id())
          .thenComparing(Option::consumer)
          .thenComparingInt(o -> o.factCount() == 0 ? -1 : o.fact(0));

  /**
   * An installation no licence model can cover.
   *
   * @param fact the installation
   * @param reason why no model covers it
   */
  public record Uncoverable(Fact fact, String reason) {}

  private final ImmutableList<Fact> facts;
  private final boolean[] optional;
  private final boolean[] coverable;
  private final ImmutableList<Option> options;
  private final ImmutableList<Uncoverable> uncoverable;
  private final ImmutableList<Rejected> rejected;
  private final ImmutableList<Exempt> exempt;
  private final Consumption consumption;

  private Demand(
      List<Fact> facts,
      boolean[] optional,
      boolean[] coverable,
      List<Option> options,
      List<Uncoverable> uncoverable,
      List<Rejected> rejected,
      Consumption consumption) {
    this.facts = ImmutableList.copyOf(facts);
    this.optional = optional;
    this.coverable = coverable;
    this.options = ImmutableList.copyOf(options);
    this.uncoverable = ImmutableList.copyOf(uncoverable);
    this.rejected = ImmutableList.copyOf(rejected);
    this.exempt = consumption.exempt();
    this.consumption = consumption;
  }

  /** Computes the demand of {@code index}'s estate. */
  public static Demand of(EstateIndex index) {
    Consumption consumption = Consumption.of(index);
    List<Fact> facts = consumption.facts();

    Map<MetricType, MetricEvaluator> evaluators = new EnumMap<>(MetricType.class);
    evaluators.put(MetricType.INSTALLATION, new InstallationMetric());
    evaluators.put(MetricType.DEVICE, new DeviceMetric());
    evaluators.put(MetricType.USER, new UserMetric());
    evaluators.put(MetricType.CONCURRENT_USER, new ConcurrentUserMetric());
    evaluators.put(MetricType.CAPACITY, new CapacityMetric());
    evaluators.put(MetricType.SITE, new SiteMetric());
    HardwareMetric hardware = new HardwareMetric();
    evaluators.put(MetricType.PROCESSOR, hardware);
    evaluators.put(MetricType.CORE, hardware);
    evaluators.put(MetricType.PVU, hardware);

    // Which facts each model's terms cover, and why not for the others.
    Map<String, List<MetricEvaluator.Coverable>> coverable = new LinkedHashMap<>();
    Map<Integer, List<String>> whyNot = new HashMap<>();
    for (LicenseModel model : index.models()) {
      coverable.put(model.id(), new ArrayList<>());
    }
    for (Fact fact : facts) {
      for (LicenseModel model : index.modelsCovering(fact.product())) {
        Coverage.Result result = Coverage.check(fact, model, index);
        if (result.covered()) {
          coverable.get(model.id()).add(new MetricEvaluator.Coverable(fact, result));
        } else {
          whyNot.computeIfAbsent(fact.id(), k -> new ArrayList<>()).add(result.refusal());
        }
      }
    }

    List<Option> options = new ArrayList<>();
    boolean[] covered = new boolean[facts.size()];
    for (LicenseModel model : index.models()) {
      List<Option> ofModel = new ArrayList<>();
      Map<Integer, String> refusals = new HashMap<>();
      evaluators
          .get(model.metric().type())
          .evaluate(model, coverable.get(model.id()), index, ofModel, refusals);
      refusals.forEach(
          (factId, reason) -> whyNot.computeIfAbsent(factId, k -> new ArrayList<>()).add(reason));
      for (Option option : ofModel) {
        for (int f : option.facts()) {
          covered[f] = true;
        }
      }
      options.addAll(ofModel);
    }
    options.sort(OPTION_ORDER);

    List<Uncoverable> uncoverable = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>(consumption.rejected());
    for (Fact fact : facts) {
      if (covered[fact.id()]) {
        continue;
      }
      List<String> reasons = whyNot.getOrDefault(fact.id(), List.of());
      switch (fact.kind()) {
        case INSTALLATION ->
            uncoverable.add(
                new Uncoverable(
                    fact,
                    reasons.isEmpty()
                        ? "no licence model covers " + fact.product()
                        : "no licence model covers this "
                            + fact.describe()
                            + ": "
                            + String.join("; ", reasons)));
        case ACCESS ->
            rejected.add(
                new Rejected(
                    "access",
                    fact.consumer(),
                    fact.product(),
                    reasons.isEmpty()
                        ? "no licence model counts access to "
                            + fact.product()
                            + " (CAL or named user)"
                        : "not counted: " + String.join("; ", reasons)));
        case USAGE ->
            rejected.add(
                new Rejected(
                    "usage",
                    fact.consumer(),
                    fact.product(),
                    reasons.isEmpty()
                        ? "no concurrent-user or site licence model counts usage of "
                            + fact.product()
                        : "not counted: " + String.join("; ", reasons)));
      }
    }
    return new Demand(
        facts, optional(facts, index), covered, options, uncoverable, rejected, consumption);
  }

  public ImmutableList<Fact> facts() {
    return facts;
  }

  /**
   * Whether fact {@code id} need not be covered: an access record of a product licensed per server
   * (a hardware or site model covers it) and for which no Client Access License exists. Server
   * licensing includes unlimited users; a named-user option may still count it.
   */
  public boolean isOptional(int id) {
    return optional[id];
  }

  /** Whether some option covers fact {@code id}. */
  public boolean isCoverable(int id) {
    return coverable[id];
  }

  private static boolean[] optional(List<Fact> facts, EstateIndex index) {
    boolean[] optional = new boolean[facts.size()];
    for (Fact fact : facts) {
      if (fact.kind() != Fact.Kind.ACCESS) {
        continue;
      }
      boolean perServer = false;
      boolean clientAccess = false;
      for (LicenseModel model : index.modelsCovering(fact.product())) {
        clientAccess |= model.clientAccess();
        perServer |= model.metric().type().isHardware() || model.metric().type() == MetricType.SITE;
      }
      optional[fact.id()] = perServer && !clientAccess;
    }
    return optional;
  }

  /** Every option, by model id, consumer, first fact. */
  public ImmutableList<Option> options() {
    return options;
  }

  /** Installations no option covers: unlicensable as the catalogue stands. */
  public ImmutableList<Uncoverable> uncoverable() {
    return uncoverable;
  }

  /** Records that do not count, with the reason. */
  public ImmutableList<Rejected> rejected() {
    return rejected;
  }

  public ImmutableList<Exempt> exempt() {
    return exempt;
  }

  /** Records of {@code kind} taken out by exemptions. */
  public long exemptRecords(Fact.Kind kind) {
    return consumption.exemptRecords(kind);
  }
}
