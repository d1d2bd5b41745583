package io.itam.compliance.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.itam.model.Estate;
import io.itam.model.position.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Measures how often the engine and the oracle disagree, and how, on {@value #ESTATES} random
 * estates; prints the figures and the smallest disagreeing estates. Not part of the ordinary test
 * run (its name matches neither {@code *Test} nor {@code *Properties}); run it with
 *
 * <pre>
 * mvn -B -q -pl itam-compliance -am test -Dtest=DisagreementSurvey -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>It fails only where the oracle must be wrong: when the engine's feasible position beats the
 * optimum, or the engine's position is not feasible at all.
 */
class DisagreementSurvey {
  static final int ESTATES = Integer.getInteger("survey.estates", 5000);

  private record Case(Estate estate, Objective engine, Objective oracle, boolean packsOnly) {}

  @Test
  void survey() {
    Map<String, Integer> counts = new TreeMap<>();
    List<Case> disagreements = new ArrayList<>();
    qt().withFixedSeed(Long.getLong("survey.seed", 2026L))
        .withExamples(ESTATES)
        .forAll(OracleEstates.tiny())
        .checkAssert(
            estate -> {
              Problem problem = Problem.of(estate);
              Objective oracle = EnumerationOracle.optimum(problem);
              Position position = EnginePosition.reconcile(estate);
              Objective engine = EnginePosition.objective(estate, position, problem.priced());
              count(counts, "estates");
              count(counts, problem.priced() ? "priced" : "unpriced");
              if (oracle.shortfall() > 0) {
                count(counts, "optimum with a shortfall");
              }
              if (!EnumerationOracle.optimumShortingLeast(problem).equals(oracle)) {
                count(counts, "optimum leaving a licence idle inside a bought pack");
              }
              if (oracle.consumed() > 0) {
                count(counts, "optimum consuming priced entitlements");
              }
              if (problem.demands().stream().anyMatch(d -> d.choices().size() > 1)) {
                count(counts, "an installation with two or more covering models");
              }
              if (problem.uncoverable() != EnginePosition.uncoverable(position)) {
                count(counts, "uncoverable installations counted differently");
              }
              if (!EnginePosition.infeasibilities(estate, position).isEmpty()) {
                count(counts, "engine infeasible");
              }
              int order = engine.compareTo(oracle);
              if (order != 0) {
                count(counts, order > 0 ? "engine worse" : "engine BETTER (oracle wrong)");
                count(
                    counts,
                    engine.shortfall() != oracle.shortfall()
                        ? "  of which at tier 1"
                        : "  of which at tier 3 only");
                if (engine.equals(EnumerationOracle.optimumShortingLeast(problem))) {
                  count(counts, "  of which the engine consumes an idle pack's licence");
                }
                Estate single = OracleEstates.withSinglePacks(estate);
                Objective singleEngine =
                    EnginePosition.objective(
                        single, EnginePosition.reconcile(single), problem.priced());
                boolean packsOnly =
                    singleEngine.equals(EnumerationOracle.optimum(Problem.of(single)));
                count(
                    counts,
                    packsOnly
                        ? "  of which agree with every pack size 1 (pack pricing)"
                        : "  of which disagree with every pack size 1 (demand model)");
                disagreements.add(new Case(estate, engine, oracle, packsOnly));
              }
            });
    StringBuilder report = new StringBuilder("disagreement survey\n");
    counts.forEach((what, n) -> report.append(String.format("  %-50s %6d%n", what, n)));
    disagreements.sort(
        Comparator.comparingInt((Case c) -> c.estate().installations().size())
            .thenComparingInt(c -> c.estate().entitlements().size())
            .thenComparingInt(c -> c.estate().licenseModels().size()));
    for (boolean packsOnly : new boolean[] {true, false}) {
      disagreements.stream()
          .filter(c -> c.packsOnly() == packsOnly)
          .limit(4)
          .forEach(
              c ->
                  report
                      .append(packsOnly ? "pack pricing: " : "demand model: ")
                      .append("engine ")
                      .append(c.engine())
                      .append(", oracle ")
                      .append(c.oracle())
                      .append('\n')
                      .append(OracleEstates.describe(c.estate())));
    }
    System.out.println(report);
    assertEquals(0, counts.getOrDefault("engine BETTER (oracle wrong)", 0), report.toString());
    assertEquals(0, counts.getOrDefault("engine infeasible", 0), report.toString());
    assertEquals(
        0,
        counts.getOrDefault("uncoverable installations counted differently", 0),
        report.toString());
  }

  private static void count(Map<String, Integer> counts, String what) {
    counts.merge(what, 1, Integer::sum);
  }
}
