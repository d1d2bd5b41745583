package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.terms.LicenseModel;
import java.util.List;
import java.util.Map;

/**
 * Turns the facts a licence model may cover into {@link Option options}: which consumers it counts
 * and how many units each needs. One implementation per metric; each quotes the rule it implements.
 */
interface MetricEvaluator {

  /**
   * A fact the model's terms cover, with the outcome of the terms check.
   *
   * @param fact the fact
   * @param coverage the rights it takes
   */
  record Coverable(Fact fact, Coverage.Result coverage) {}

  /**
   * Adds to {@code options} the options of {@code model} over {@code facts}, and to {@code
   * refusals} a reason for each fact the metric cannot count.
   */
  void evaluate(
      LicenseModel model,
      List<Coverable> facts,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals);
}
