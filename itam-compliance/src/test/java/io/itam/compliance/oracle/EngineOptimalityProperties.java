package io.itam.compliance.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.itam.model.position.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Optimality (design §Invariants) against the independent oracle: on thousands of tiny random
 * estates the engine's position is a feasible allocation whose documented objective (tier 1 the
 * shortfall cost in whole packs at remedy prices, tier 3 the value consumed) equals the optimum of
 * the {@link IntegerProgrammeOracle}, which shares nothing with the engine but the estate.
 */
class EngineOptimalityProperties {
  static final long SEED = 19770L;
  static final int EXAMPLES = 3000;

  @Test
  void engineReachesTheOptimumOfTheIntegerProgramme() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(OracleEstates.tiny())
        .checkAssert(
            estate -> {
              Problem problem = Problem.of(estate);
              Objective optimum = IntegerProgrammeOracle.optimum(problem);
              Position position = EnginePosition.reconcile(estate);
              List<String> infeasible = EnginePosition.infeasibilities(estate, position);
              assertTrue(infeasible.isEmpty(), infeasible.toString());
              assertEquals(
                  problem.uncoverable(), EnginePosition.uncoverable(position), "uncoverable");
              assertEquals(
                  optimum, EnginePosition.objective(estate, position, problem.priced()), "tiers");
            });
  }
}
