package io.itam.compliance.internal.solver;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact rational number, always in lowest terms with a positive denominator.
 *
 * <p>Values whose numerator and denominator fit in a {@code long} (numerator other than {@link
 * Long#MIN_VALUE}) are held as two longs and computed with overflow-checked arithmetic; anything
 * larger is held as two {@link BigInteger}s. The representation is canonical, so {@link
 * #equals(Object)} and {@link #hashCode()} are value-based and consistent with {@link
 * #compareTo(Rational)}. Arguments must not be null.
 */
public final class Rational implements Comparable<Rational> {
  /** The value 0. */
  public static final Rational ZERO = new Rational(0, 1);

  /** The value 1. */
  public static final Rational ONE = new Rational(1, 1);

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  /** Shared instances of the integers {@code -CACHE_LIMIT..CACHE_LIMIT}. */
  private static final int CACHE_LIMIT = 1024;

  private static final Rational[] SMALL_INTEGERS = new Rational[2 * CACHE_LIMIT + 1];

  static {
    for (int i = -CACHE_LIMIT; i <= CACHE_LIMIT; i++) {
      SMALL_INTEGERS[i + CACHE_LIMIT] = i == 0 ? ZERO : i == 1 ? ONE : new Rational(i, 1);
    }
  }

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** Numerator and denominator when small; meaningless when {@code bigNumerator != null}. */
  private final long numerator;

  private final long denominator;

  /** Non-null exactly when the value does not fit the long form. */
  private final BigInteger bigNumerator;

  private final BigInteger bigDenominator;

  private Rational(long numerator, long denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
    this.bigNumerator = null;
    this.bigDenominator = null;
  }

  private Rational(BigInteger numerator, BigInteger denominator) {
    this.numerator = 0;
    this.denominator = 0;
    this.bigNumerator = numerator;
    this.bigDenominator = denominator;
  }

  /** Returns the integer {@code value}. */
  public static Rational of(long value) {
    if (value == Long.MIN_VALUE) {
      return new Rational(LONG_MIN, BigInteger.ONE);
    }
    return integer(value);
  }

  /** The integer {@code value}, which is not {@link Long#MIN_VALUE}. */
  private static Rational integer(long value) {
    return value >= -CACHE_LIMIT && value <= CACHE_LIMIT
        ? SMALL_INTEGERS[(int) value + CACHE_LIMIT]
        : new Rational(value, 1);
  }

  /** Returns the integer {@code value}. */
  public static Rational of(BigInteger value) {
    checkNotNull(value, "value");
    return normalizedBig(value, BigInteger.ONE);
  }

  /**
   * Returns {@code numerator / denominator} in lowest terms.
   *
   * @throws IllegalArgumentException if {@code denominator} is zero
   */
  public static Rational of(long numerator, long denominator) {
    checkArgument(denominator != 0, "denominator must be non-zero, got %s", denominator);
    return normalized(numerator, denominator);
  }

  /**
   * Returns {@code numerator / denominator} in lowest terms.
   *
   * @throws IllegalArgumentException if {@code denominator} is zero
   */
  public static Rational of(BigInteger numerator, BigInteger denominator) {
    checkNotNull(numerator, "numerator");
    checkNotNull(denominator, "denominator");
    checkArgument(denominator.signum() != 0, "denominator must be non-zero, got %s", denominator);
    return normalizedBig(numerator, denominator);
  }

  private static Rational normalized(long numerator, long denominator) {
    if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
      return normalizedBig(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }
    if (numerator == 0) {
      return ZERO;
    }
    if (denominator == 1) {
      return integer(numerator);
    }
    long g = gcd(Math.abs(numerator), Math.abs(denominator));
    long n = numerator / g;
    long d = denominator / g;
    if (d < 0) {
      n = -n;
      d = -d;
    }
    if (d == 1 && n == 1) {
      return ONE;
    }
    return new Rational(n, d);
  }

  private static Rational normalizedBig(BigInteger numerator, BigInteger denominator) {
    if (numerator.signum() == 0) {
      return ZERO;
    }
    BigInteger g = numerator.gcd(denominator);
    BigInteger n = numerator.divide(g);
    BigInteger d = denominator.divide(g);
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    if (fitsLong(n) && n.compareTo(LONG_MIN) != 0 && fitsLong(d)) {
      long ln = n.longValue();
      long ld = d.longValue();
      return ld == 1 ? integer(ln) : new Rational(ln, ld);
    }
    return new Rational(n, d);
  }

  private static boolean fitsLong(BigInteger value) {
    return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
  }

  /** Greatest common divisor of two non-negative longs, at least one positive (binary GCD). */
  private static long gcd(long a, long b) {
    if (a == 0) {
      return b;
    }
    if (b == 0) {
      return a;
    }
    int shift = Long.numberOfTrailingZeros(a | b);
    a >>>= Long.numberOfTrailingZeros(a);
    while (b != 0) {
      b >>>= Long.numberOfTrailingZeros(b);
      if (a > b) {
        long t = a;
        a = b;
        b = t;
      }
      b -= a;
    }
    return a << shift;
  }

  private boolean isSmall() {
    return bigNumerator == null;
  }

  /** Returns the numerator of this value in lowest terms (its sign is the value's sign). */
  public BigInteger numerator() {
    return isSmall() ? BigInteger.valueOf(numerator) : bigNumerator;
  }

  /** Returns the denominator of this value in lowest terms (always positive). */
  public BigInteger denominator() {
    return isSmall() ? BigInteger.valueOf(denominator) : bigDenominator;
  }

  /** Returns {@code this + other}. */
  public Rational add(Rational other) {
    if (other.signum() == 0) {
      return this;
    }
    if (signum() == 0) {
      return other;
    }
    if (isSmall() && other.isSmall()) {
      try {
        if (denominator == 1 && other.denominator == 1) {
          return normalized(Math.addExact(numerator, other.numerator), 1);
        }
        long g = gcd(denominator, other.denominator);
        long left = Math.multiplyExact(numerator, other.denominator / g);
        long right = Math.multiplyExact(other.numerator, denominator / g);
        long n = Math.addExact(left, right);
        long d = Math.multiplyExact(denominator / g, other.denominator);
        return normalized(n, d);
      } catch (ArithmeticException overflow) {
        // Fall through to the exact BigInteger path.
      }
    }
    BigInteger n =
        numerator().multiply(other.denominator()).add(other.numerator().multiply(denominator()));
    return normalizedBig(n, denominator().multiply(other.denominator()));
  }

  /** Returns {@code this - other}. */
  public Rational subtract(Rational other) {
    if (other.signum() == 0) {
      return this;
    }
    if (isSmall() && other.isSmall() && denominator == 1 && other.denominator == 1) {
      try {
        return normalized(Math.subtractExact(numerator, other.numerator), 1);
      } catch (ArithmeticException overflow) {
        // Fall through to the general path.
      }
    }
    return add(other.negate());
  }

  /** Returns {@code this - a * b}, the update step of Gaussian elimination. */
  public Rational subtractProduct(Rational a, Rational b) {
    if (a.signum() == 0 || b.signum() == 0) {
      return this;
    }
    if (isSmall()
        && a.isSmall()
        && b.isSmall()
        && denominator == 1
        && a.denominator == 1
        && b.denominator == 1) {
      try {
        return normalized(
            Math.subtractExact(numerator, Math.multiplyExact(a.numerator, b.numerator)), 1);
      } catch (ArithmeticException overflow) {
        // Fall through to the general path.
      }
    }
    return subtract(a.multiply(b));
  }

  /** Returns {@code this * other}. */
  public Rational multiply(Rational other) {
    if (signum() == 0 || other.signum() == 0) {
      return ZERO;
    }
    if (isSmall() && other.isSmall()) {
      try {
        if (denominator == 1 && other.denominator == 1) {
          return normalized(Math.multiplyExact(numerator, other.numerator), 1);
        }
        // Cross-reduce first so that the products stay small and already in lowest terms.
        long g1 = gcd(Math.abs(numerator), other.denominator);
        long g2 = gcd(Math.abs(other.numerator), denominator);
        long n = Math.multiplyExact(numerator / g1, other.numerator / g2);
        long d = Math.multiplyExact(denominator / g2, other.denominator / g1);
        return normalized(n, d);
      } catch (ArithmeticException overflow) {
        // Fall through to the exact BigInteger path.
      }
    }
    return normalizedBig(
        numerator().multiply(other.numerator()), denominator().multiply(other.denominator()));
  }

  /**
   * Returns {@code this / other}.
   *
   * @throws ArithmeticException if {@code other} is zero
   */
  public Rational divide(Rational other) {
    return multiply(other.reciprocal());
  }

  /**
   * Returns {@code 1 / this}.
   *
   * @throws ArithmeticException if this is zero
   */
  public Rational reciprocal() {
    if (signum() == 0) {
      throw new ArithmeticException("reciprocal of zero");
    }
    if (isSmall()) {
      return numerator < 0
          ? normalized(-denominator, -numerator)
          : normalized(denominator, numerator);
    }
    return normalizedBig(bigDenominator, bigNumerator);
  }

  /** Returns {@code -this}. */
  public Rational negate() {
    if (isSmall()) {
      // The long form never holds Long.MIN_VALUE, so this cannot overflow.
      return numerator == 0 ? ZERO : new Rational(-numerator, denominator);
    }
    return normalizedBig(bigNumerator.negate(), bigDenominator);
  }

  /** Returns -1, 0 or 1 as this value is negative, zero or positive. */
  public int signum() {
    return isSmall() ? Long.signum(numerator) : bigNumerator.signum();
  }

  /** Returns whether this value is an integer. */
  public boolean isInteger() {
    return isSmall() ? denominator == 1 : bigDenominator.equals(BigInteger.ONE);
  }

  /** Returns the largest integer not greater than this value. */
  public BigInteger floor() {
    if (isSmall()) {
      return BigInteger.valueOf(Math.floorDiv(numerator, denominator));
    }
    BigInteger[] qr = bigNumerator.divideAndRemainder(bigDenominator);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** Returns the smallest integer not less than this value. */
  public BigInteger ceil() {
    return floor().add(isInteger() ? BigInteger.ZERO : BigInteger.ONE);
  }

  /** Returns the lesser of this and {@code other} (this one when equal). */
  public Rational min(Rational other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** Returns the greater of this and {@code other} (this one when equal). */
  public Rational max(Rational other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** Returns this value as a decimal rounded half-even to {@code scale} digits after the point. */
  public BigDecimal toBigDecimal(int scale) {
    return new BigDecimal(numerator())
        .divide(new BigDecimal(denominator()), scale, RoundingMode.HALF_EVEN);
  }

  @Override
  public int compareTo(Rational other) {
    if (isSmall() && other.isSmall()) {
      if (denominator == other.denominator) {
        return Long.compare(numerator, other.numerator);
      }
      int signs = Integer.compare(Long.signum(numerator), Long.signum(other.numerator));
      if (signs != 0) {
        return signs;
      }
      long hiLeft = Math.multiplyHigh(numerator, other.denominator);
      long loLeft = numerator * other.denominator;
      long hiRight = Math.multiplyHigh(other.numerator, denominator);
      long loRight = other.numerator * denominator;
      int high = Long.compare(hiLeft, hiRight);
      return high != 0 ? high : Long.compareUnsigned(loLeft, loRight);
    }
    int signs = Integer.compare(signum(), other.signum());
    if (signs != 0) {
      return signs;
    }
    return numerator()
        .multiply(other.denominator())
        .compareTo(other.numerator().multiply(denominator()));
  }

  @Override
  public boolean equals(Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof Rational)) {
      return false;
    }
    Rational that = (Rational) obj;
    if (isSmall() != that.isSmall()) {
      return false;
    }
    return isSmall()
        ? numerator == that.numerator && denominator == that.denominator
        : bigNumerator.equals(that.bigNumerator) && bigDenominator.equals(that.bigDenominator);
  }

  @Override
  public int hashCode() {
    return isSmall()
        ? 31 * Long.hashCode(numerator) + Long.hashCode(denominator)
        : 31 * bigNumerator.hashCode() + bigDenominator.hashCode();
  }

  /** Returns {@code "n"} for integers, otherwise {@code "n/d"}. */
  @Override
  public String toString() {
    return isInteger() ? numerator().toString() : numerator() + "/" + denominator();
  }
}
