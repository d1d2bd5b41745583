package io.itam.compliance.internal.position;

import io.itam.compliance.internal.allocation.Allocation;
import io.itam.compliance.internal.allocation.Assignment;
import io.itam.compliance.internal.allocation.Share;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.Option;
import io.itam.compliance.internal.eligibility.Eligibility;
import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.facts.Facts;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.Estate;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.position.Accounting;
import io.itam.model.position.Detail;
import io.itam.model.position.Exempt;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Remedy;
import io.itam.model.position.Shortfall;
import io.itam.model.position.Summary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Step 5 of the reconciliation: the position document. Per licence: entitled, consumed, surplus and
 * its value. Per product and licence model: required, covered, shortfall, and the remedy in whole
 * packs with its cost. Per consumer: every allocation and shortfall with a reason naming the rules
 * applied. Rows are sorted by licence model, product and consumer, so equal estates give equal
 * positions.
 */
public final class PositionAssembler {
  private static final Comparator<String> NULLS_LAST =
      Comparator.nullsLast(Comparator.<String>naturalOrder());

  private final EstateIndex index;
  private final Demand demand;
  private final Allocation allocation;
  private final Prices prices;
  private final Eligibility eligibility;
  private final Map<String, Long> consumedOf = new HashMap<>();

  private final Detail detail;

  private final Facts facts;

  private PositionAssembler(Demand demand, Allocation allocation, Prices prices, Detail detail) {
    this.detail = detail;
    this.index = demand.index();
    this.facts = demand.facts();
    this.demand = demand;
    this.allocation = allocation;
    this.prices = prices;
    this.eligibility = demand.types().eligibility();
    for (Assignment assignment : allocation.assignments()) {
      for (Share share : assignment.shares()) {
        if (share.entitlement() != null) {
          consumedOf.merge(share.entitlement().id(), share.units(), Math::addExact);
        }
      }
    }
  }

  /** Assembles the position of {@code demand}'s estate from the consumers' assignments. */
  public static Position assemble(
      Demand demand, Allocation allocation, Prices prices, Detail detail) {
    return new PositionAssembler(demand, allocation, prices, detail).assemble();
  }

  private Position assemble() {
    Estate estate = index.estate();
    long[] allocationCount = new long[1];
    List<io.itam.model.position.Allocation> allocations =
        allocationRows(detail == Detail.ALL, allocationCount);
    io.itam.compliance.internal.Cancellation.check();
    List<Shortfall> shortfalls = shortfallRows();
    io.itam.compliance.internal.Cancellation.check();
    List<ProductPosition> products = productRows();
    List<Rejected> rejected = new ArrayList<>(facts.rejected());
    rejected.addAll(demand.uncounted());
    rejected.addAll(uncountedAccess());
    List<LicensePosition> licenses = Ledger.licenseRows(index, consumedOf, rejected);
    rejected.addAll(unusedPins(index, eligibility, allocation.assignments()));
    rejected.sort(
        Comparator.comparing(Rejected::record)
            .thenComparing(Rejected::consumer)
            .thenComparing(Rejected::product)
            .thenComparing(Rejected::reason));
    List<Exempt> exempt = new ArrayList<>(facts.exempt());
    exempt.sort(
        Comparator.comparing(Exempt::product)
            .thenComparing(Exempt::consumer)
            .thenComparing(Exempt::reason));

    boolean compliant = true;
    for (ProductPosition p : products) {
      compliant &= p.shortfall() == 0;
    }
    long shortfallCount = shortfalls.size();
    BigDecimal shortfallCost = BigDecimal.ZERO;
    long unpriced = 0;
    for (ProductPosition p : products) {
      if (p.shortfall() > 0) {
        if (p.shortfallCost() == null) {
          unpriced++;
        } else {
          shortfallCost = shortfallCost.add(p.shortfallCost());
        }
      }
    }
    BigDecimal surplusValue = BigDecimal.ZERO;
    for (LicensePosition l : licenses) {
      surplusValue = surplusValue.add(l.surplusValue());
    }
    Summary summary =
        new Summary(
            shortfallCost,
            surplusValue,
            licenses.size(),
            products.size(),
            allocationCount[0],
            shortfallCount,
            unpriced,
            exempt.size(),
            rejected.size());
    boolean listsDetail = detail != Detail.SUMMARY;
    return new Position(
        estate.format(),
        index.asOf(),
        estate.currency(),
        compliant,
        summary,
        licenses,
        products,
        allocations,
        listsDetail ? shortfalls : List.of(),
        listsDetail ? exempt : List.of(),
        listsDetail ? rejected : List.of(),
        listsDetail ? allocation.notes() : List.of(),
        accounting(rejected),
        detail);
  }

  /**
   * What became of every record: counted is computed from the allocation (facts the chosen options
   * cover, and installations nothing can cover), exempt and rejected from their rows; the {@link
   * Accounting} record checks that they add up to the estate's records.
   */
  private List<Accounting> accounting(List<Rejected> rejected) {
    boolean[] counted = counted();
    for (Demand.Uncoverable u : demand.uncoverable()) {
      counted[u.fact()] = true;
    }
    long[] countedByKind = new long[Fact.Kind.values().length];
    for (int f = 0; f < counted.length; f++) {
      if (counted[f]) {
        countedByKind[facts.kind(f).ordinal()]++;
      }
    }
    Map<String, Long> rejectedByKind = new HashMap<>();
    for (Rejected r : rejected) {
      rejectedByKind.merge(r.record(), 1L, Long::sum);
    }
    long[] records = demand.recordCounts();
    return List.of(
        new Accounting(
            "installations",
            records[0],
            countedByKind[Fact.Kind.INSTALLATION.ordinal()],
            facts.exemptRecords(Fact.Kind.INSTALLATION),
            rejectedByKind.getOrDefault("installation", 0L)),
        new Accounting(
            "access",
            records[1],
            countedByKind[Fact.Kind.ACCESS.ordinal()],
            facts.exemptRecords(Fact.Kind.ACCESS),
            rejectedByKind.getOrDefault("access", 0L)),
        new Accounting(
            "usage",
            records[2],
            countedByKind[Fact.Kind.USAGE.ordinal()],
            0,
            rejectedByKind.getOrDefault("usage", 0L)));
  }

  // ---- per consumer
  // ------------------------------------------------------------------------------

  /** Identifies an allocation row. */
  private record RowKey(String model, String product, String consumer, String entitlement) {}

  private List<io.itam.model.position.Allocation> allocationRows(boolean list, long[] count) {
    Map<RowKey, long[]> units = new HashMap<>();
    Map<RowKey, Set<String>> reasons = new HashMap<>();
    for (Assignment assignment : allocation.assignments()) {
      Option option = assignment.option();
      for (Share share : assignment.shares()) {
        Entitlement e = share.entitlement();
        if (e == null) {
          continue;
        }
        RowKey key =
            new RowKey(option.model().id(), option.product(), share.line().consumer(), e.id());
        units.computeIfAbsent(key, k -> new long[1])[0] += share.units();
        reasons
            .computeIfAbsent(key, k -> new LinkedHashSet<>())
            .add(
                Reasons.allocation(
                    option, share.line(), evidenceOf(option), e, eligibility, assignment.choice()));
      }
    }
    List<io.itam.model.position.Allocation> rows = new ArrayList<>(units.size());
    units.forEach(
        (key, u) ->
            rows.add(
                new io.itam.model.position.Allocation(
                    key.consumer(),
                    key.product(),
                    key.model(),
                    key.entitlement(),
                    u[0],
                    String.join(" | ", reasons.get(key)))));
    rows.sort(
        Comparator.comparing(io.itam.model.position.Allocation::licenseModel)
            .thenComparing(io.itam.model.position.Allocation::product)
            .thenComparing(io.itam.model.position.Allocation::consumer)
            .thenComparing(io.itam.model.position.Allocation::entitlement));
    count[0] = rows.size();
    return list ? rows : List.of();
  }

  private List<Shortfall> shortfallRows() {
    Map<List<String>, long[]> units = new HashMap<>();
    Map<List<String>, Set<String>> reasons = new HashMap<>();
    Map<List<String>, @Nullable String> models = new HashMap<>();
    for (Assignment assignment : allocation.assignments()) {
      Option option = assignment.option();
      for (Share share : assignment.shares()) {
        if (!share.isShort()) {
          continue;
        }
        List<String> key = List.of(option.model().id(), option.product(), share.line().consumer());
        units.computeIfAbsent(key, k -> new long[1])[0] += share.units();
        models.put(key, option.model().id());
        reasons
            .computeIfAbsent(key, k -> new LinkedHashSet<>())
            .add(
                Reasons.shortfall(
                    option,
                    share.line(),
                    evidenceOf(option),
                    whyNotCovered(option),
                    assignment.choice()));
      }
    }
    for (Demand.Uncoverable u : demand.uncoverable()) {
      Fact fact = facts.fact(u.fact());
      List<String> key = List.of("", fact.product(), fact.consumer());
      units.computeIfAbsent(key, k -> new long[1])[0] += 1;
      models.put(key, null);
      reasons.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(u.reason());
    }
    List<Shortfall> rows = new ArrayList<>();
    units.forEach(
        (key, u) ->
            rows.add(
                new Shortfall(
                    key.get(2),
                    key.get(1),
                    u[0],
                    models.get(key),
                    String.join(" | ", reasons.get(key)))));
    rows.sort(
        Comparator.comparing(Shortfall::licenseModel, NULLS_LAST)
            .thenComparing(Shortfall::product)
            .thenComparing(Shortfall::consumer));
    return rows;
  }

  /**
   * What discovery found for the installations {@code option} covers (SWID tag data), each once, in
   * fact order. A device a representative stands for has the same evidence (it is part of the
   * records' signature), so the representative's facts speak for it.
   */
  private List<String> evidenceOf(Option option) {
    List<String> found = new ArrayList<>();
    for (int f : option.facts()) {
      String evidence = facts.keys().evidence(facts.recordKey(f));
      if (evidence != null && !found.contains(evidence)) {
        found.add(evidence);
      }
    }
    return found;
  }

  /** Why the entitlements of {@code option}'s model leave it short. */
  private String whyNotCovered(Option option) {
    List<Entitlement> candidates = index.entitlementsOf(option.model().id());
    if (candidates.isEmpty()) {
      return "no entitlement of " + option.model().id();
    }
    List<String> why = new ArrayList<>();
    for (Entitlement e : candidates) {
      String refusal = eligibility.refusal(option, e);
      if (refusal == null) {
        long consumed = consumedOf.getOrDefault(e.id(), 0L);
        why.add(e.id() + " fully consumed (" + consumed + " of " + e.quantity() + ")");
      } else {
        why.add(e.id() + " " + refusal);
      }
    }
    int shown = Math.min(3, why.size());
    String text = String.join("; ", why.subList(0, shown));
    return why.size() > shown ? text + "; and " + (why.size() - shown) + " more" : text;
  }

  // ---- per product
  // -------------------------------------------------------------------------------

  private List<ProductPosition> productRows() {
    Map<List<String>, long[]> totals = new HashMap<>(); // required, covered, shortfall
    for (Assignment assignment : allocation.assignments()) {
      Option option = assignment.option();
      long[] t =
          totals.computeIfAbsent(List.of(option.product(), option.model().id()), k -> new long[3]);
      t[0] = Math.addExact(t[0], option.units());
      for (Share share : assignment.shares()) {
        int slot = share.isShort() ? 2 : 1;
        t[slot] = Math.addExact(t[slot], share.units());
      }
    }
    for (Demand.Uncoverable u : demand.uncoverable()) {
      long[] t =
          totals.computeIfAbsent(List.of(facts.fact(u.fact()).product(), ""), k -> new long[3]);
      t[0]++;
      t[2]++;
    }
    List<ProductPosition> rows = new ArrayList<>();
    totals.forEach(
        (key, t) -> {
          String modelId = key.get(1).isEmpty() ? null : key.get(1);
          Remedy remedy = null;
          BigDecimal cost = null;
          if (modelId != null && t[2] > 0) {
            remedy = Ledger.remedy(index.model(modelId), t[2], prices);
            cost = remedy.cost();
          }
          rows.add(new ProductPosition(key.get(0), modelId, t[0], t[1], t[2], cost, remedy));
        });
    rows.sort(
        Comparator.comparing(ProductPosition::licenseModel, NULLS_LAST)
            .thenComparing(ProductPosition::product));
    return rows;
  }

  // ---- per licence
  // -------------------------------------------------------------------------------

  /** Optional access records that no chosen option counted: server licensing covers them. */
  private List<Rejected> uncountedAccess() {
    boolean[] counted = counted();
    List<Rejected> rows = new ArrayList<>();
    for (int f = facts.installationCount(); f < facts.size(); f++) {
      if (!demand.isOptional(f) || counted[f] || !demand.isCoverable(f)) {
        continue;
      }
      Fact fact = facts.fact(f);
      rows.add(
          new Rejected(
              "access",
              fact.consumer(),
              fact.product(),
              "not counted: "
                  + fact.product()
                  + " is licensed per server here, which includes unlimited users"));
    }
    return rows;
  }

  /** The facts the chosen options cover. */
  private boolean[] counted() {
    boolean[] counted = new boolean[facts.size()];
    for (Assignment assignment : allocation.assignments()) {
      for (int f : assignment.option().facts()) {
        counted[f] = true;
      }
    }
    return counted;
  }

  /** Pinned allocations whose consumer took nothing from the pinned entitlement. */
  static List<Rejected> unusedPins(
      EstateIndex index, Eligibility eligibility, List<Assignment> assignments) {
    Map<String, Set<String>> used = new HashMap<>();
    for (Assignment assignment : assignments) {
      for (Share share : assignment.shares()) {
        Entitlement e = share.entitlement();
        if (e != null && eligibility.isPinnedTo(e, assignment.option())) {
          Set<String> consumers = used.computeIfAbsent(e.id(), k -> new java.util.HashSet<>());
          consumers.addAll(assignment.option().devices());
          consumers.addAll(assignment.option().users());
        }
      }
    }
    List<Rejected> rows = new ArrayList<>();
    for (PinnedAllocation pin : index.estate().allocations()) {
      String consumer = pin.device() != null ? pin.device() : Objects.requireNonNull(pin.user());
      if (used.getOrDefault(pin.entitlement(), Set.of()).contains(consumer)) {
        continue;
      }
      Entitlement e = index.entitlement(pin.entitlement());
      rows.add(
          new Rejected(
              "allocation",
              consumer,
              e.licenseModel(),
              "entitlement "
                  + e.id()
                  + " is pinned to "
                  + consumer
                  + ", which consumes none of it"
                  + (e.isValidOn(index.asOf())
                      ? ""
                      : " (the entitlement is not valid on " + index.asOf() + ")")
                  + "; its units stay reserved"));
    }
    return rows;
  }
}
