package io.itam.compliance.internal.position;

import io.itam.compliance.internal.allocation.Allocation;
import io.itam.compliance.internal.allocation.Assignment;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.DemandClass;
import io.itam.compliance.internal.demand.Shape;
import io.itam.compliance.internal.eligibility.SlotTypes;
import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.facts.Facts;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.compliance.internal.index.Prices;
import io.itam.model.Estate;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.position.Accounting;
import io.itam.model.position.Detail;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Remedy;
import io.itam.model.position.Summary;
import io.itam.model.terms.LicenseModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The position with detail {@code summary}, from the allocation's totals alone: nothing is handed
 * back to consumers. Per licence, the units each entitlement gives its slot types; per product and
 * licence model, the units the chosen shapes need, the units allocated and the units short; the
 * counts of the rows the full position would list; and the accounting of every record. The same
 * numbers as {@link PositionAssembler}, which builds them from the consumers' assignments (a
 * property test holds them equal).
 */
public final class SummaryAssembler {
  private final Demand demand;
  private final Allocation allocation;
  private final Prices prices;
  private final EstateIndex index;
  private final Facts facts;

  private SummaryAssembler(Demand demand, Allocation allocation, Prices prices) {
    this.demand = demand;
    this.allocation = allocation;
    this.prices = prices;
    this.index = demand.index();
    this.facts = demand.facts();
  }

  /** The summary position of {@code demand}'s estate under {@code allocation}. */
  public static Position assemble(Demand demand, Allocation allocation, Prices prices) {
    return new SummaryAssembler(demand, allocation, prices).assemble();
  }

  private Position assemble() {
    List<ProductPosition> products = productRows();
    long[] rejectedByKind = new long[Fact.Kind.values().length];
    long optionalCounted = optionalCounted();
    long rejected = rejected(rejectedByKind, optionalCounted);
    List<Rejected> invalid = new ArrayList<>();
    List<LicensePosition> licenses = Ledger.licenseRows(index, consumed(), invalid);
    rejected += invalid.size() + unusedPins();
    boolean compliant = true;
    BigDecimal shortfallCost = BigDecimal.ZERO;
    long unpriced = 0;
    for (ProductPosition p : products) {
      compliant &= p.shortfall() == 0;
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
    RowCounts rows = new RowCounts(demand, allocation);
    Summary summary =
        new Summary(
            shortfallCost,
            surplusValue,
            licenses.size(),
            products.size(),
            rows.allocationRows(),
            rows.shortfallRows() + uncoverableRows(),
            unpriced,
            facts.exempt().size(),
            rejected);
    Estate estate = index.estate();
    return new Position(
        estate.format(),
        index.asOf(),
        estate.currency(),
        compliant,
        summary,
        licenses,
        products,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        accounting(rejectedByKind, optionalCounted),
        Detail.SUMMARY);
  }

  /** Per product and licence model: required, covered, shortfall, and the remedy. */
  private List<ProductPosition> productRows() {
    SlotTypes types = allocation.types();
    long[] required = new long[index.modelCount()];
    boolean[] chosen = new boolean[index.modelCount()];
    List<DemandClass> classes = demand.classes();
    for (int ci = 0; ci < classes.size(); ci++) {
      long[] counts = allocation.shapeCounts(ci);
      List<Shape> shapes = classes.get(ci).shapes();
      for (int s = 0; s < counts.length; s++) {
        if (counts[s] == 0) {
          continue;
        }
        Shape shape = shapes.get(s);
        for (int k = 0; k < shape.types().length; k++) {
          int model = types.type(shape.types()[k]).model;
          chosen[model] = true;
          required[model] =
              Math.addExact(required[model], Math.multiplyExact(counts[s], shape.units()[k]));
        }
      }
    }
    long[] covered = new long[index.modelCount()];
    long[] shortfall = new long[index.modelCount()];
    for (int t = 0; t < types.size(); t++) {
      long[] units = allocation.allocated(t);
      if (units == null) {
        continue;
      }
      int model = types.type(t).model;
      for (long u : units) {
        covered[model] = Math.addExact(covered[model], u);
      }
      shortfall[model] = Math.addExact(shortfall[model], allocation.shortfall(t));
    }
    List<ProductPosition> rows = new ArrayList<>();
    for (int m = 0; m < index.modelCount(); m++) {
      if (!chosen[m]) {
        continue;
      }
      LicenseModel model = index.model(m);
      Remedy remedy = shortfall[m] > 0 ? Ledger.remedy(model, shortfall[m], prices) : null;
      rows.add(
          new ProductPosition(
              model.product(),
              model.id(),
              required[m],
              covered[m],
              shortfall[m],
              remedy == null ? null : remedy.cost(),
              remedy));
    }
    Map<String, Long> uncoverable = new java.util.TreeMap<>();
    List<String> productIds = index.productIds().asList();
    for (int f = 0; f < facts.installationCount(); f++) {
      if (!demand.isCoverable(f)) {
        uncoverable.merge(productIds.get(facts.product(f)), 1L, Long::sum);
      }
    }
    uncoverable.forEach(
        (product, n) -> rows.add(new ProductPosition(product, null, n, 0, n, null, null)));
    rows.sort(
        Comparator.comparing(
                ProductPosition::licenseModel,
                Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(ProductPosition::product));
    return rows;
  }

  /** Units consumed per entitlement id. */
  private Map<String, Long> consumed() {
    Map<String, Long> consumed = new HashMap<>();
    SlotTypes types = allocation.types();
    List<Entitlement> entitlements = index.entitlements();
    for (int t = 0; t < types.size(); t++) {
      long[] units = allocation.allocated(t);
      if (units == null) {
        continue;
      }
      int[] eligible = types.type(t).entitlements;
      for (int j = 0; j < units.length; j++) {
        if (units[j] != 0) {
          consumed.merge(entitlements.get(eligible[j]).id(), units[j], Math::addExact);
        }
      }
    }
    return consumed;
  }

  /** Shortfall rows of installations nothing can cover: one per product and device. */
  private long uncoverableRows() {
    long rows = 0;
    int lastDevice = -1;
    int lastProduct = -1;
    for (int f = 0; f < facts.installationCount(); f++) {
      if (demand.isCoverable(f)) {
        continue;
      }
      if (facts.device(f) != lastDevice || facts.product(f) != lastProduct) {
        rows++;
        lastDevice = facts.device(f);
        lastProduct = facts.product(f);
      }
    }
    return rows;
  }

  /** Optional facts (access licensed per server) that the chosen ways to cover count. */
  private long optionalCounted() {
    long counted = 0;
    List<DemandClass> classes = demand.classes();
    for (int ci = 0; ci < classes.size(); ci++) {
      DemandClass c = classes.get(ci);
      if (!c.hasOptionalFacts()) {
        continue;
      }
      long[] counts = allocation.shapeCounts(ci);
      int m = 0;
      for (int s = 0; s < counts.length; s++) {
        for (long k = 0; k < counts[s]; k++, m++) {
          counted += c.optionalCounted(m, s);
        }
      }
    }
    return counted;
  }

  /** The rejected records, by kind, and the rejected rows in all (without those counted later). */
  private long rejected(long[] byKind, long optionalCounted) {
    for (Fact.Kind kind : Fact.Kind.values()) {
      byKind[kind.ordinal()] = facts.rejectedCount(kind);
    }
    byKind[Fact.Kind.ACCESS.ordinal()] += demand.uncountedCount(Fact.Kind.ACCESS);
    byKind[Fact.Kind.USAGE.ordinal()] += demand.uncountedCount(Fact.Kind.USAGE);
    long optionalInMembers = 0;
    for (int f = facts.installationCount(); f < facts.size(); f++) {
      if (demand.isOptional(f) && demand.isCoverable(f)) {
        optionalInMembers++;
      }
    }
    byKind[Fact.Kind.ACCESS.ordinal()] += optionalInMembers - optionalCounted;
    long total = 0;
    for (long n : byKind) {
      total += n;
    }
    return total;
  }

  /** Pinned allocations whose consumer took nothing of the pinned entitlement. */
  private long unusedPins() {
    if (index.estate().allocations().isEmpty()) {
      return 0;
    }
    // Pins are few: hand the allocation back and count as the full position does.
    List<Assignment> assignments = allocation.assignments();
    return PositionAssembler.unusedPins(index, demand.types().eligibility(), assignments).size();
  }

  private List<Accounting> accounting(long[] rejectedByKind, long optionalCounted) {
    long[] counted = new long[Fact.Kind.values().length];
    for (int f = 0; f < facts.size(); f++) {
      if (demand.isCoverable(f) && !demand.isOptional(f)) {
        counted[facts.kind(f).ordinal()]++;
      } else if (!demand.isCoverable(f) && facts.kind(f) == Fact.Kind.INSTALLATION) {
        counted[Fact.Kind.INSTALLATION.ordinal()]++; // short, with no model to cover it
      }
    }
    counted[Fact.Kind.ACCESS.ordinal()] += optionalCounted;
    return List.of(
        new Accounting(
            "installations",
            facts.records(Fact.Kind.INSTALLATION),
            counted[Fact.Kind.INSTALLATION.ordinal()],
            facts.exemptRecords(Fact.Kind.INSTALLATION),
            rejectedByKind[Fact.Kind.INSTALLATION.ordinal()]),
        new Accounting(
            "access",
            facts.records(Fact.Kind.ACCESS),
            counted[Fact.Kind.ACCESS.ordinal()],
            facts.exemptRecords(Fact.Kind.ACCESS),
            rejectedByKind[Fact.Kind.ACCESS.ordinal()]),
        new Accounting(
            "usage",
            facts.records(Fact.Kind.USAGE),
            counted[Fact.Kind.USAGE.ordinal()],
            0,
            rejectedByKind[Fact.Kind.USAGE.ordinal()]));
  }
}
