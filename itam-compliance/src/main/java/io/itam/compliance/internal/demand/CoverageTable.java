package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Facts;
import io.itam.compliance.internal.facts.RecordKeys;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.terms.LicenseModel;
import java.util.List;

/**
 * The terms check of every licence model against every record key (design §Reconciliation, step 2,
 * the part that does not depend on the entitlement): computed once per key, not per record. For key
 * {@code k}, {@link #models(int)} lists the dense indexes of the models whose product covers its
 * product (directly or as a suite), ascending, and {@link #result(int, int)} the outcome of each.
 */
public final class CoverageTable {
  private final int[][] models;
  private final Coverage.Result[][] results;

  private CoverageTable(int[][] models, Coverage.Result[][] results) {
    this.models = models;
    this.results = results;
  }

  /** Checks every model covering the product of every key of {@code facts}. */
  static CoverageTable of(EstateIndex index, Facts facts) {
    RecordKeys keys = facts.keys();
    List<String> productIds = index.productIds().asList();
    int[][] models = new int[keys.size()][];
    Coverage.Result[][] results = new Coverage.Result[keys.size()][];
    for (int k = 0; k < keys.size(); k++) {
      String product = productIds.get(keys.product(k));
      List<LicenseModel> covering = index.modelsCovering(product);
      models[k] = new int[covering.size()];
      results[k] = new Coverage.Result[covering.size()];
      for (int i = 0; i < covering.size(); i++) {
        LicenseModel model = covering.get(i);
        models[k][i] = index.modelIndex(model.id());
        results[k][i] =
            Coverage.check(keys.kind(k), product, keys.version(k), keys.edition(k), model, index);
      }
    }
    return new CoverageTable(models, results);
  }

  /** The models whose product covers key {@code key}'s product, ascending. */
  public int[] models(int key) {
    return models[key];
  }

  /** The outcome of the {@code i}-th model of {@link #models(int)} for {@code key}. */
  public Coverage.Result result(int key, int i) {
    return results[key][i];
  }

  /**
   * The outcome of model {@code model} for {@code key}; {@code null} when it is not a candidate.
   */
  public Coverage.@org.jspecify.annotations.Nullable Result of(int key, int model) {
    int[] candidates = models[key];
    for (int i = 0; i < candidates.length; i++) {
      if (candidates[i] == model) {
        return results[key][i];
      }
    }
    return null;
  }
}
