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
  private static final String BETTER = "engine BETTER (oracle wrong)";
  private static final String INFEASIBLE = "engine infeasible";
  private static final String UNCOVERABLE = "uncoverable installations counted differently";

  private record Case(Estate estate, Objective engine, Objective oracle, boolean packsOnly) {}

  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<Case> disagreements = new ArrayList<>();

  @Test
  void survey() {
    qt().withFixedSeed(Long.getLong("survey.seed", 2026L))
        .withExamples(ESTATES)
        .forAll(OracleEstates.tiny())
        .checkAssert(this::examine);
    String report = report();
    System.out.println(report);
    assertEquals(0, counts.getOrDefault(BETTER, 0), report);
    assertEquals(0, counts.getOrDefault(INFEASIBLE, 0), report);
    assertEquals(0, counts.getOrDefault(UNCOVERABLE, 0), report);
  }

  private void examine(Estate estate) {
    Problem problem = Problem.of(estate);
    Objective oracle = EnumerationOracle.optimum(problem);
    Position position = EnginePosition.reconcile(estate);
    Objective engine = EnginePosition.objective(estate, position, problem.priced());
    count(true, "estates");
    count(true, problem.priced() ? "priced" : "unpriced");
    count(oracle.shortfall() > 0, "optimum with a shortfall");
    count(oracle.consumed() > 0, "optimum consuming priced entitlements");
    count(
        !EnumerationOracle.optimumShortingLeast(problem).equals(oracle),
        "optimum leaving a licence idle inside a bought pack");
    count(
        problem.demands().stream().anyMatch(d -> d.choices().size() > 1),
        "an installation with two or more covering models");
    count(
        !IntegerProgrammeOracle.optimum(problem).equals(oracle),
        "integer programme disagrees with the enumeration");
    count(problem.uncoverable() != EnginePosition.uncoverable(position), UNCOVERABLE);
    count(!EnginePosition.infeasibilities(estate, position).isEmpty(), INFEASIBLE);
    int order = engine.compareTo(oracle);
    if (order != 0) {
      count(true, order > 0 ? "engine worse" : BETTER);
      classify(estate, problem, engine, oracle);
    }
  }

  /** Which defect a disagreement shows: tier, the literal pack reading, pack pricing or demand. */
  private void classify(Estate estate, Problem problem, Objective engine, Objective oracle) {
    count(
        engine.shortfall() != oracle.shortfall(),
        "  of which at tier 1",
        "  of which at tier 3 only");
    count(
        engine.equals(EnumerationOracle.optimumShortingLeast(problem)),
        "  of which the engine consumes an idle pack's licence");
    Estate single = OracleEstates.withSinglePacks(estate);
    Objective singleEngine =
        EnginePosition.objective(single, EnginePosition.reconcile(single), problem.priced());
    boolean packsOnly = singleEngine.equals(EnumerationOracle.optimum(Problem.of(single)));
    count(
        packsOnly,
        "  of which agree with every pack size 1 (pack pricing)",
        "  of which disagree with every pack size 1 (demand model)");
    disagreements.add(new Case(estate, engine, oracle, packsOnly));
  }

  /** The counts, then the smallest disagreeing estates of each kind. */
  private String report() {
    StringBuilder report = new StringBuilder("disagreement survey\n");
    counts.forEach((what, n) -> report.append(String.format("  %-60s %6d%n", what, n)));
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
    return report.toString();
  }

  private void count(boolean when, String what) {
    if (when) {
      counts.merge(what, 1, Integer::sum);
    }
  }

  private void count(boolean when, String what, String otherwise) {
    count(true, when ? what : otherwise);
  }
}
