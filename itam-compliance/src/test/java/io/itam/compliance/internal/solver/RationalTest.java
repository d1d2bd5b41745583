package io.itam.compliance.internal.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RationalTest {
  private static final BigInteger TWO_TO_63 = BigInteger.ONE.shiftLeft(63);

  @Test
  void of_normalisesSignAndCommonFactors() {
    Rational r = Rational.of(6, -4);
    assertEquals(BigInteger.valueOf(-3), r.numerator());
    assertEquals(BigInteger.valueOf(2), r.denominator());
    assertEquals("-3/2", r.toString());
    assertEquals(Rational.of(-3, 2), r);
    assertEquals(Rational.of(-3, 2).hashCode(), r.hashCode());
    assertEquals(Rational.ZERO, Rational.of(0, -7));
    assertEquals("0", Rational.of(0, -7).toString());
    assertEquals("5", Rational.of(10, 2).toString());
  }

  @Test
  void of_zeroDenominatorThrows() {
    assertThrows(IllegalArgumentException.class, () -> Rational.of(1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> Rational.of(BigInteger.ONE, BigInteger.ZERO));
  }

  @Test
  void of_longMinValueIsExact() {
    Rational min = Rational.of(Long.MIN_VALUE);
    assertEquals(BigInteger.valueOf(Long.MIN_VALUE), min.numerator());
    assertEquals(TWO_TO_63, min.negate().numerator());
    assertEquals(Rational.of(TWO_TO_63), min.negate());
    assertEquals(Rational.of(Long.MIN_VALUE / 2), Rational.of(Long.MIN_VALUE, 2));
    assertEquals(
        Rational.of(-1, 1L << 62), Rational.of(1, Long.MIN_VALUE).multiply(Rational.of(2)));
    assertEquals(Rational.of(BigInteger.ONE, TWO_TO_63), Rational.of(-1, Long.MIN_VALUE));
  }

  @Test
  void add_overflowFallsBackToBigInteger() {
    Rational sum = Rational.of(Long.MAX_VALUE).add(Rational.ONE);
    assertEquals(Rational.of(TWO_TO_63), sum);
    assertEquals(Rational.of(Long.MAX_VALUE), sum.subtract(Rational.ONE));
    Rational fractions = Rational.of(1, Long.MAX_VALUE).add(Rational.of(1, Long.MAX_VALUE - 1));
    BigInteger a = BigInteger.valueOf(Long.MAX_VALUE);
    BigInteger b = BigInteger.valueOf(Long.MAX_VALUE - 1);
    assertEquals(Rational.of(a.add(b), a.multiply(b)), fractions);
  }

  @Test
  void multiply_overflowFallsBackAndReturnsToLongForm() {
    Rational big = Rational.of(Long.MAX_VALUE).multiply(Rational.of(Long.MAX_VALUE));
    assertEquals(BigInteger.valueOf(Long.MAX_VALUE).pow(2), big.numerator());
    Rational back = big.divide(Rational.of(Long.MAX_VALUE));
    assertEquals(Rational.of(Long.MAX_VALUE), back);
    assertEquals(Rational.of(Long.MAX_VALUE).hashCode(), back.hashCode());
  }

  @Test
  void divide_byZeroThrows() {
    assertThrows(ArithmeticException.class, () -> Rational.ONE.divide(Rational.ZERO));
    assertThrows(ArithmeticException.class, Rational.ZERO::reciprocal);
  }

  @Test
  void compareTo_extremesWithoutOverflow() {
    Rational justBelowOne = Rational.of(Long.MAX_VALUE - 1, Long.MAX_VALUE);
    Rational justAboveOne = Rational.of(Long.MAX_VALUE, Long.MAX_VALUE - 1);
    assertTrue(justBelowOne.compareTo(Rational.ONE) < 0);
    assertTrue(justAboveOne.compareTo(Rational.ONE) > 0);
    assertTrue(justBelowOne.compareTo(justAboveOne) < 0);
    Rational a = Rational.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1);
    assertTrue(a.compareTo(justBelowOne) < 0);
    assertTrue(Rational.of(Long.MIN_VALUE).compareTo(Rational.of(-Long.MAX_VALUE)) < 0);
    assertTrue(Rational.of(-1, Long.MAX_VALUE).compareTo(Rational.of(-1, Long.MAX_VALUE - 1)) > 0);
  }

  @Test
  void floorAndCeil_roundTowardsInfinities() {
    assertEquals(BigInteger.valueOf(-2), Rational.of(-3, 2).floor());
    assertEquals(BigInteger.valueOf(-1), Rational.of(-3, 2).ceil());
    assertEquals(BigInteger.ONE, Rational.of(3, 2).floor());
    assertEquals(BigInteger.TWO, Rational.of(3, 2).ceil());
    assertEquals(BigInteger.valueOf(4), Rational.of(4).floor());
    assertEquals(BigInteger.valueOf(4), Rational.of(4).ceil());
    Rational bigNegative =
        Rational.of(
            BigInteger.valueOf(Long.MIN_VALUE).multiply(BigInteger.TWO).subtract(BigInteger.ONE),
            BigInteger.TWO);
    assertEquals(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE), bigNegative.floor());
    assertEquals(BigInteger.valueOf(Long.MIN_VALUE), bigNegative.ceil());
  }

  @Test
  void isInteger_onlyForWholeValues() {
    assertTrue(Rational.of(8, 4).isInteger());
    assertFalse(Rational.of(3, 4).isInteger());
    assertTrue(Rational.of(TWO_TO_63).isInteger());
  }

  @Test
  void equals_isValueBasedAcrossRepresentations() {
    assertEquals(Rational.of(BigInteger.valueOf(5)), Rational.of(5));
    assertEquals(Rational.of(BigInteger.valueOf(10), BigInteger.valueOf(-4)), Rational.of(-5, 2));
    assertNotEquals(Rational.of(1, 2), Rational.of(1, 3));
    assertNotEquals(Rational.of(1, 2), "1/2");
  }

  @Test
  void toBigDecimal_roundsHalfEven() {
    assertEquals(new BigDecimal("0.33"), Rational.of(1, 3).toBigDecimal(2));
    assertEquals(new BigDecimal("-0.67"), Rational.of(-2, 3).toBigDecimal(2));
    assertEquals(new BigDecimal("0.2"), Rational.of(1, 4).toBigDecimal(1));
    assertEquals(new BigDecimal("0.4"), Rational.of(3, 8).toBigDecimal(1));
  }

  @Test
  void minAndMax_thisOneWhenEqual() {
    Rational half = Rational.of(1, 2);
    Rational alsoHalf = Rational.of(2, 4);
    assertEquals(half, alsoHalf);
    assertSame(half, half.min(alsoHalf));
    assertSame(half, half.max(alsoHalf));
    assertEquals(Rational.of(1, 3), Rational.of(1, 3).min(half));
    assertEquals(half, Rational.of(1, 3).max(half));
    assertEquals(half, half.max(Rational.of(-5)));
    assertEquals(Rational.of(-5), half.min(Rational.of(-5)));
  }

  @Test
  void subtract_exactFractionsAndIntegers() {
    assertEquals(Rational.of(1, 2), Rational.of(5, 6).subtract(Rational.of(1, 3)));
    assertEquals(Rational.of(-2, 3), Rational.ZERO.subtract(Rational.of(2, 3)));
    assertEquals(Rational.of(3), Rational.of(3).subtract(Rational.ZERO));
    assertEquals(Rational.of(-4), Rational.of(3).subtract(Rational.of(7)));
    assertEquals(
        Rational.of(1, 6), Rational.of(1, 2).subtractProduct(Rational.of(1, 3), Rational.ONE));
    assertEquals(Rational.of(-18), Rational.of(3).subtractProduct(Rational.of(3), Rational.of(7)));
  }
}
