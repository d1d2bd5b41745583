package io.itam.compliance.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/**
 * The oracle checked against a second statement of the objective: on exactly the estates {@link
 * EngineOptimalityProperties} holds the engine to, the brute-force {@link EnumerationOracle} and
 * the {@link IntegerProgrammeOracle} find the same optimum. A disagreement is a formulation slip in
 * one of them, or one of ojAlgo's rare wrong optima (see {@link IntegerProgrammeOracle}); the
 * enumeration is exact, so work the estate by hand before believing the programme.
 */
class IntegerProgrammeProperties {

  @Test
  void integerProgrammeEqualsTheEnumeration() {
    qt().withFixedSeed(EngineOptimalityProperties.SEED)
        .withExamples(EngineOptimalityProperties.EXAMPLES)
        .forAll(OracleEstates.tiny())
        .checkAssert(
            estate -> {
              Problem problem = Problem.of(estate);
              assertEquals(
                  EnumerationOracle.optimum(problem), IntegerProgrammeOracle.optimum(problem));
            });
  }
}
