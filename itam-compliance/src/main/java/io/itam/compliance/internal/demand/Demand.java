package io.itam.compliance.internal.demand;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
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

  /** What the coverage of a fact by a model depends on. */
  private record CoverageKey(
      String model,
      Fact.Kind kind,
      String product,
      @org.jspecify.annotations.Nullable String version,
      @org.jspecify.annotations.Nullable String edition) {}

  private final ImmutableList<Fact> facts;
  private final boolean[] optional;
  private final boolean[] coverable;
  private final ImmutableList<Option> options;
  private final ImmutableList<Uncoverable> uncoverable;
  private final ImmutableList<Rejected> rejected;
  private final ImmutableList<Exempt> exempt;
  private final Consumption consumption;
  private final int[] representativeOf;
  private final Map<InstanceKey, List<Instance>> instances;
  private final Families families;

  private Demand(
      List<Fact> facts,
      boolean[] optional,
      boolean[] coverable,
      List<Option> options,
      List<Uncoverable> uncoverable,
      List<Rejected> rejected,
      Consumption consumption,
      int[] representativeOf,
      Map<InstanceKey, List<Instance>> instances,
      Families families) {
    this.facts = ImmutableList.copyOf(facts);
    this.optional = optional;
    this.coverable = coverable;
    this.options = ImmutableList.copyOf(options);
    for (int i = 0; i < this.options.size(); i++) {
      this.options.get(i).index(i);
    }
    this.uncoverable = ImmutableList.copyOf(uncoverable);
    this.rejected = ImmutableList.copyOf(rejected);
    this.exempt = consumption.exempt();
    this.consumption = consumption;
    this.representativeOf = representativeOf;
    this.instances = instances;
    this.families = families;
  }

  /**
   * A device that needs exactly the licences of the representative device it stands with: same
   * records of a per-device family, same organisation unit.
   *
   * @param device the device
   * @param firstFact its first fact in the family, its canonical position
   */
  public record Instance(String device, int firstFact) {}

  /** Computes the demand of {@code index}'s estate, evaluating equal devices once. */
  public static Demand of(EstateIndex index) {
    return of(index, true);
  }

  /**
   * Computes the demand of {@code index}'s estate.
   *
   * @param aggregate evaluate devices with equal records in a per-device family once (the fast
   *     engine); {@code false} evaluates every device (the reference engine)
   */
  public static Demand of(EstateIndex index, boolean aggregate) {
    return of(index, aggregate, null);
  }

  /**
   * Computes the demand of {@code index}'s estate, evaluating the licence models on {@code
   * executor} ({@code null}: on the calling thread). The result does not depend on it.
   *
   * @param aggregate evaluate devices with equal records in a per-device family once (the fast
   *     engine); {@code false} evaluates every device (the reference engine)
   */
  public static Demand of(
      EstateIndex index,
      boolean aggregate,
      java.util.concurrent.@org.jspecify.annotations.Nullable Executor executor) {
    Consumption consumption = Consumption.of(index);
    List<Fact> facts = consumption.facts();
    Families families = Families.of(index);
    int[] representativeOf = new int[facts.size()];
    for (int f = 0; f < representativeOf.length; f++) {
      representativeOf[f] = f;
    }
    Map<InstanceKey, List<Instance>> instances = new HashMap<>();
    if (aggregate) {
      aggregate(facts, families, representativeOf, instances);
    }

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
    Map<CoverageKey, Coverage.Result> coverageCache = new HashMap<>();
    for (Fact fact : facts) {
      if (fact.id() % io.itam.compliance.internal.Cancellation.EVERY == 0) {
        io.itam.compliance.internal.Cancellation.check();
      }
      if (representativeOf[fact.id()] != fact.id()) {
        continue;
      }
      for (LicenseModel model : index.modelsCovering(fact.product())) {
        Coverage.Result result =
            coverageCache.computeIfAbsent(
                new CoverageKey(
                    model.id(), fact.kind(), fact.product(), fact.version(), fact.edition()),
                k -> Coverage.check(fact, model, index));
        if (result.covered()) {
          coverable.get(model.id()).add(new MetricEvaluator.Coverable(fact, result));
        } else {
          whyNot.computeIfAbsent(fact.id(), k -> new ArrayList<>()).add(result.refusal());
        }
      }
    }

    // Models are evaluated independently (on the executor when given) and merged in model order.
    List<Evaluated> evaluated =
        io.itam.compliance.internal.Parallel.map(
            index.models(),
            model -> {
              List<Option> ofModel = new ArrayList<>();
              Map<Integer, String> refusals = new HashMap<>();
              try {
                evaluators
                    .get(model.metric().type())
                    .evaluate(model, coverable.get(model.id()), index, ofModel, refusals);
              } catch (ArithmeticException overflow) {
                throw beyondCounting(model, index, overflow);
              }
              return new Evaluated(ofModel, refusals);
            },
            executor);
    List<Option> options = new ArrayList<>();
    boolean[] covered = new boolean[facts.size()];
    for (Evaluated result : evaluated) {
      List<Option> ofModel = result.options();
      result
          .refusals()
          .forEach(
              (factId, reason) ->
                  whyNot.computeIfAbsent(factId, k -> new ArrayList<>()).add(reason));
      for (Option option : ofModel) {
        for (int f : option.facts()) {
          covered[f] = true;
        }
      }
      options.addAll(ofModel);
    }
    options.sort(OPTION_ORDER);
    for (int f = 0; f < covered.length; f++) {
      int rep = representativeOf[f];
      if (rep != f) {
        covered[f] = covered[rep];
        List<String> reasons = whyNot.get(rep);
        if (reasons != null) {
          whyNot.put(f, reasons);
        }
      }
    }

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
                        ? "no licence model covers "
                            + fact.product()
                            + (fact.evidence() == null ? "" : " (" + fact.evidence() + ")")
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
        facts,
        optional(facts, index),
        covered,
        options,
        uncoverable,
        rejected,
        consumption,
        representativeOf,
        instances,
        families);
  }

  /**
   * The estate needs more units of {@code model} than a {@code long} holds: every value was within
   * its limit (io.itam.model.Limits), but their product is not. A problem of the input, reported at
   * the model, never a wrapped count.
   */
  private static ValidationException beyondCounting(
      LicenseModel model, EstateIndex index, ArithmeticException overflow) {
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

  /** The options one licence model offers, and why it covers some facts not. */
  private record Evaluated(List<Option> options, Map<Integer, String> refusals) {}

  /** Identifies the devices a representative device stands for in a family. */
  private record InstanceKey(String family, String device) {}

  /** The facts of a representative device and the devices it stands for (itself first). */
  private record Representative(int[] facts, List<Instance> instances) {}

  /**
   * Finds, in every per-device family, the devices with equal records (same products, versions,
   * editions and kinds of record, in the same order) and the same unit class: the first of them in
   * canonical order represents the others, whose facts map to its facts one to one.
   */
  private static void aggregate(
      List<Fact> facts,
      Families families,
      int[] representativeOf,
      Map<InstanceKey, List<Instance>> instances) {
    Map<String, List<Fact>> accessOfDevice = new java.util.TreeMap<>();
    List<List<Fact>> runs = new ArrayList<>();
    List<Fact> run = new ArrayList<>();
    for (Fact fact : facts) {
      if (fact.kind() == Fact.Kind.INSTALLATION) {
        if (!run.isEmpty() && run.get(0).device() != fact.device()) {
          runs.add(run);
          run = new ArrayList<>();
        }
        run.add(fact);
      } else if (fact.kind() == Fact.Kind.ACCESS && fact.device() != null) {
        accessOfDevice.computeIfAbsent(fact.device().id(), k -> new ArrayList<>()).add(fact);
      }
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    Map<Signature, Representative> representatives = new HashMap<>();
    for (List<Fact> deviceRun : runs) {
      List<Fact> all = deviceRun;
      List<Fact> access = accessOfDevice.remove(deviceRun.get(0).device().id());
      if (access != null) {
        all = new ArrayList<>(deviceRun);
        all.addAll(access);
      }
      group(all, families, representativeOf, instances, representatives);
    }
    for (List<Fact> access : accessOfDevice.values()) {
      group(access, families, representativeOf, instances, representatives);
    }
  }

  private static void group(
      List<Fact> deviceFacts,
      Families families,
      int[] representativeOf,
      Map<InstanceKey, List<Instance>> instances,
      Map<Signature, Representative> signatures) {
    // The device's facts of per-device families, grouped by family in order of appearance.
    int n = deviceFacts.size();
    int[] familyOf = new int[n];
    boolean[] done = new boolean[n];
    for (int i = 0; i < n; i++) {
      int family = families.index(deviceFacts.get(i).product());
      familyOf[i] = family;
      done[i] = !families.isPerDevice(family);
    }
    io.itam.model.inventory.Device device = deviceFacts.get(0).device();
    int[] unitClasses = families.unitClasses(device.unit());
    // Facts by family, then position (on primitive keys; a device has tens of records).
    long[] byFamily = new long[n];
    int perDevice = 0;
    for (int i = 0; i < n; i++) {
      if (!done[i]) {
        byFamily[perDevice++] = (long) familyOf[i] << 32 | i;
      }
    }
    java.util.Arrays.sort(byFamily, 0, perDevice);
    int[] members = new int[n];
    for (int start = 0; start < perDevice; ) {
      int family = (int) (byFamily[start] >>> 32);
      int count = 0;
      int end = start;
      while (end < perDevice && (int) (byFamily[end] >>> 32) == family) {
        members[count++] = (int) byFamily[end];
        end++;
      }
      start = end;
      int[] key = new int[count + 2];
      key[0] = family;
      key[1] = families.unitClass(family, device.unit(), unitClasses);
      for (int k = 0; k < count; k++) {
        key[k + 2] = deviceFacts.get(members[k]).recordKey();
      }
      Signature signature = new Signature(key);
      Representative rep = signatures.get(signature);
      Fact first = deviceFacts.get(members[0]);
      Instance instance = new Instance(device.id(), first.id());
      if (rep == null) {
        int[] ids = new int[count];
        for (int k = 0; k < count; k++) {
          ids[k] = deviceFacts.get(members[k]).id();
        }
        List<Instance> representing = new ArrayList<>();
        representing.add(instance);
        signatures.put(signature, new Representative(ids, representing));
        instances.put(new InstanceKey(families.name(family), device.id()), representing);
      } else {
        for (int k = 0; k < count; k++) {
          representativeOf[deviceFacts.get(members[k]).id()] = rep.facts()[k];
        }
        rep.instances().add(instance);
      }
    }
  }

  /**
   * What makes a device's records in a family interchangeable with another's: the family, the class
   * of its unit, and the {@link Fact#recordKey() record key} of each record, in order.
   */
  private record Signature(int[] key) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Signature other && java.util.Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(key);
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(key);
    }
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

  /** The fact that fact {@code id} is evaluated as: itself, or its representative device's. */
  public int representativeOf(int id) {
    return representativeOf[id];
  }

  /**
   * The devices {@code option} stands for, itself first, in canonical order; {@code null} when the
   * option stands for its own consumer only.
   */
  public @org.jspecify.annotations.Nullable List<Instance> instances(Option option) {
    if (instances.isEmpty()) {
      return null;
    }
    return instances.get(new InstanceKey(families.of(option.product()), option.consumer()));
  }

  /** Whether some option covers fact {@code id}. */
  public boolean isCoverable(int id) {
    return coverable[id];
  }

  private static boolean[] optional(List<Fact> facts, EstateIndex index) {
    boolean[] optional = new boolean[facts.size()];
    Map<String, Boolean> optionalOfProduct = new HashMap<>();
    for (Fact fact : facts) {
      if (fact.kind() != Fact.Kind.ACCESS) {
        continue;
      }
      optional[fact.id()] =
          optionalOfProduct.computeIfAbsent(
              fact.product(),
              product -> {
                boolean perServer = false;
                boolean clientAccess = false;
                for (LicenseModel model : index.modelsCovering(product)) {
                  clientAccess |= model.clientAccess();
                  perServer |=
                      model.metric().type().isHardware()
                          || model.metric().type() == MetricType.SITE;
                }
                return perServer && !clientAccess;
              });
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
