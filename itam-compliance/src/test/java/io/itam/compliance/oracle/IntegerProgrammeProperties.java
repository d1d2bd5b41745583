package io.itam.compliance.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/**
 * The oracle checked against itself: the integer programme and the brute-force enumeration, two
 * independent statements of the documented objective, find the same optimum.
 */
class IntegerProgrammeProperties {

  @Test
  void integerProgrammeEqualsTheEnumeration() {
    qt().withFixedSeed(8_1970L)
        .withExamples(1500)
        .forAll(OracleEstates.tiny())
        .checkAssert(
            estate -> {
              Problem problem = Problem.of(estate);
              assertEquals(
                  EnumerationOracle.optimum(problem), IntegerProgrammeOracle.optimum(problem));
            });
  }
}
