package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.facts.Facts;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.terms.LicenseModel;
import java.util.Objects;

/** What the metric rules read: the estate's lookups, the facts and the terms check of each key. */
public final class RuleContext {
  final EstateIndex index;
  final Facts facts;
  final CoverageTable coverage;

  RuleContext(EstateIndex index, Facts facts, CoverageTable coverage) {
    this.index = index;
    this.facts = facts;
    this.coverage = coverage;
  }

  public EstateIndex index() {
    return index;
  }

  public Facts facts() {
    return facts;
  }

  /** Fact {@code id} as an object. */
  Fact fact(int id) {
    return facts.fact(id);
  }

  /** The terms check of {@code model} for {@code fact}; the model must cover it. */
  Coverage.Result coverage(int model, int fact) {
    return Objects.requireNonNull(
        coverage.of(facts.recordKey(fact), model), "model does not cover the fact");
  }

  /**
   * Applies the suite components, rights and maintenance needs of {@code facts} (ascending) under
   * {@code model} to {@code option}.
   */
  Option.Builder withCoverage(Option.Builder option, LicenseModel model, int[] facts) {
    int m = index.modelIndex(model.id());
    for (int f : facts) {
      Coverage.Result result = coverage(m, f);
      option.component(index.productIds().asList().get(this.facts.product(f)));
      option.rights(result.rights());
      option.maintenanceNeeded(result.maintenanceNeeded());
    }
    return option.facts(facts);
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
