package io.itam.compliance.internal.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RationalProperties {

  /** Longs concentrated near zero, near the extremes, and spread over the whole range. */
  private static Gen<Long> interestingLongs() {
    Gen<Long> small = longs().between(-20, 20);
    Gen<Long> nearMax = longs().between(0, 20).map(k -> Long.MAX_VALUE - k);
    Gen<Long> nearMin = longs().between(0, 20).map(k -> Long.MIN_VALUE + k);
    Gen<Long> powers =
        integers().between(0, 62).zip(Generate.booleans(), (e, neg) -> (neg ? -1L : 1L) << e);
    return Generate.oneOf(small, nearMax, nearMin, powers, longs().all());
  }

  /** Rationals from pairs of interesting longs, occasionally scaled beyond the long range. */
  private static Gen<Rational> rationals() {
    Gen<Long> nonZero = interestingLongs().assuming(d -> d != 0);
    Gen<Rational> fromLongs = interestingLongs().zip(nonZero, Rational::of);
    Gen<Rational> huge =
        fromLongs.zip(
            integers().between(1, 3),
            (r, k) ->
                r.multiply(Rational.of(Long.MAX_VALUE))
                    .multiply(Rational.of(BigInteger.ONE, BigInteger.valueOf(k))));
    return Generate.oneOf(fromLongs, fromLongs, fromLongs, huge);
  }

  /** The reference value: numerator and denominator as BigIntegers, reduced. */
  private static BigInteger[] reference(BigInteger n, BigInteger d) {
    BigInteger g = n.gcd(d);
    if (g.signum() == 0) {
      return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
    }
    n = n.divide(g);
    d = d.divide(g);
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    return new BigInteger[] {n, d};
  }

  private static void assertValue(BigInteger n, BigInteger d, Rational actual) {
    BigInteger[] expected = reference(n, d);
    assertEquals(expected[0], actual.numerator(), () -> "numerator of " + actual);
    assertEquals(expected[1], actual.denominator(), () -> "denominator of " + actual);
  }

  @Test
  void of_isInLowestTermsWithPositiveDenominator() {
    qt().withFixedSeed(20261127L)
        .withExamples(1000)
        .forAll(interestingLongs(), interestingLongs().assuming(d -> d != 0))
        .checkAssert(
            (n, d) -> {
              Rational r = Rational.of(n, d);
              assertValue(BigInteger.valueOf(n), BigInteger.valueOf(d), r);
              assertEquals(r, Rational.of(BigInteger.valueOf(n), BigInteger.valueOf(d)));
              assertEquals(
                  r.hashCode(),
                  Rational.of(BigInteger.valueOf(n), BigInteger.valueOf(d)).hashCode());
            });
  }

  @Test
  void arithmetic_matchesBigIntegerReference() {
    qt().withFixedSeed(20261127L)
        .withExamples(1000)
        .forAll(rationals(), rationals())
        .checkAssert(
            (a, b) -> {
              BigInteger an = a.numerator();
              BigInteger ad = a.denominator();
              BigInteger bn = b.numerator();
              BigInteger bd = b.denominator();
              assertValue(an.multiply(bd).add(bn.multiply(ad)), ad.multiply(bd), a.add(b));
              assertValue(
                  an.multiply(bd).subtract(bn.multiply(ad)), ad.multiply(bd), a.subtract(b));
              assertValue(an.multiply(bn), ad.multiply(bd), a.multiply(b));
              if (b.signum() != 0) {
                assertValue(an.multiply(bd), ad.multiply(bn), a.divide(b));
              }
              assertValue(an.negate(), ad, a.negate());
            });
  }

  @Test
  void arithmetic_obeysFieldLaws() {
    qt().withFixedSeed(20261127L)
        .withExamples(500)
        .forAll(rationals(), rationals(), rationals())
        .checkAssert(
            (a, b, c) -> {
              assertEquals(a.add(b), b.add(a));
              assertEquals(a.multiply(b), b.multiply(a));
              assertEquals(a.add(b).add(c), a.add(b.add(c)));
              assertEquals(a.multiply(b).multiply(c), a.multiply(b.multiply(c)));
              assertEquals(a.multiply(b.add(c)), a.multiply(b).add(a.multiply(c)));
              assertEquals(a, a.add(b).subtract(b));
              assertEquals(Rational.ZERO, a.subtract(a));
              assertEquals(a, a.negate().negate());
              assertEquals(a.subtract(b.multiply(c)), a.subtractProduct(b, c));
              if (b.signum() != 0) {
                assertEquals(a, a.multiply(b).divide(b));
                assertEquals(Rational.ONE, b.divide(b));
              }
            });
  }

  @Test
  void compareTo_agreesWithCrossMultiplicationAndDecimals() {
    qt().withFixedSeed(20261127L)
        .withExamples(1000)
        .forAll(rationals(), rationals())
        .checkAssert(
            (a, b) -> {
              int expected =
                  a.numerator()
                      .multiply(b.denominator())
                      .compareTo(b.numerator().multiply(a.denominator()));
              assertEquals(expected, Integer.signum(a.compareTo(b)));
              assertEquals(-expected, Integer.signum(b.compareTo(a)));
              assertEquals(expected == 0, a.equals(b));
              if (a.equals(b)) {
                assertEquals(a.hashCode(), b.hashCode());
              }
              BigDecimal da =
                  new BigDecimal(a.numerator())
                      .divide(new BigDecimal(a.denominator()), 60, java.math.RoundingMode.FLOOR);
              BigDecimal db =
                  new BigDecimal(b.numerator())
                      .divide(new BigDecimal(b.denominator()), 60, java.math.RoundingMode.FLOOR);
              if (da.compareTo(db) != 0) {
                // Floors at scale 60 that differ order the values the same way.
                assertEquals(Integer.signum(da.compareTo(db)), expected);
              }
              assertEquals(Integer.signum(a.signum()), Integer.signum(a.compareTo(Rational.ZERO)));
            });
  }

  @Test
  void floorAndCeil_bracketTheValue() {
    qt().withFixedSeed(20261127L)
        .withExamples(1000)
        .forAll(rationals())
        .checkAssert(
            a -> {
              Rational floor = Rational.of(a.floor());
              Rational ceil = Rational.of(a.ceil());
              assertTrue(floor.compareTo(a) <= 0);
              assertTrue(a.compareTo(floor.add(Rational.ONE)) < 0);
              assertTrue(ceil.compareTo(a) >= 0);
              assertTrue(a.compareTo(ceil.subtract(Rational.ONE)) > 0);
              assertEquals(a.isInteger(), floor.equals(a));
              assertEquals(a.isInteger(), a.floor().equals(a.ceil()));
            });
  }
}
