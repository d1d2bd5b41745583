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
 * shortfall cost in whole packs at remedy prices; then the short units at remedy prices, so that
 * owned licences are used before packs are bought; tier 3 the value consumed) equals the optimum of
 * the {@link EnumerationOracle}, which shares nothing with the engine but the estate (and whose
 * two-tier reading {@link IntegerProgrammeProperties} checks against an integer programme on the
 * same estates).
 *
 * <p>The engine before issue 10 fails it on about 3.5 % of these estates, always the worse (see
 * {@link DisagreementSurvey}). One of them, checked by hand: device d0 in acme runs {@code a} 2019
 * of unknown edition (i1) and {@code a} of unknown version in edition Pro (i2). Model m0 ({@code a}
 * Std 2019, per installation) covers neither (an unknown edition needs the top edition, Pro is
 * higher than Std). m1 ({@code suite} 2019 per device, pack 1, remedy 10.00 from its one priced
 * entitlement, which is not valid until 2027) covers i1 only (the versions are equal; a suite's
 * component editions are not compared; an unknown version needs the newest). m2 ({@code a} 2024
 * with both downgrades, per installation, pack 10) covers both, and its only valid entitlement, e1
 * (1 unit at 11.00, scope acme), can cover either. The engine puts both under m2: 2 units, e1
 * covers one, one short, bought as a 10-pack at 11.00: (110.00, 11.00). The optimum puts i1 under
 * m1 (one single short, 10.00) and i2 under m2 with e1: (10.00, 11.00).
 */
class EngineOptimalityProperties {
  static final long SEED = 19770L;
  static final int EXAMPLES = 10_000;

  @Test
  void engineReachesTheOptimum() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(OracleEstates.tiny())
        .checkAssert(
            estate -> {
              Problem problem = Problem.of(estate);
              Objective optimum = EnumerationOracle.optimumShortingLeast(problem);
              Position position = EnginePosition.reconcile(estate);
              List<String> infeasible = EnginePosition.infeasibilities(estate, position);
              assertTrue(infeasible.isEmpty(), infeasible.toString());
              assertEquals(
                  problem.uncoverable(), EnginePosition.uncoverable(position), "uncoverable");
              assertEquals(
                  optimum, EnginePosition.objective(estate, position, problem.priced()), "tiers");
            });
  }

  /**
   * The oracle checked by the engine: a feasible position never beats the optimum (if it did, the
   * oracle would be wrong). Holds for the engine before issue 10 too, which is only ever worse.
   */
  @Test
  void engineNeverBeatsTheOptimum() {
    qt().withFixedSeed(SEED + 1)
        .withExamples(5000)
        .forAll(OracleEstates.tiny())
        .checkAssert(
            estate -> {
              Problem problem = Problem.of(estate);
              Position position = EnginePosition.reconcile(estate);
              Objective engine = EnginePosition.objective(estate, position, problem.priced());
              Objective optimum = EnumerationOracle.optimum(problem);
              assertTrue(
                  engine.compareTo(optimum) >= 0, "engine " + engine + " beats optimum " + optimum);
            });
  }
}
