package io.itam.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of money in one ISO 4217 currency.
 *
 * <p>Equality ignores scale ({@code 420.0 EUR} equals {@code 420.00 EUR}); arithmetic is exact and
 * never rounds; arithmetic across currencies throws, naming both.
 */
public final class Money implements Comparable<Money> {
  private final BigDecimal amount;
  private final String currency;

  private Money(BigDecimal amount, String currency) {
    this.amount = amount;
    this.currency = currency;
  }

  /**
   * Creates an amount.
   *
   * @throws IllegalArgumentException if {@code currency} is not an ISO 4217 code
   */
  public static Money of(BigDecimal amount, String currency) {
    requireNonNull(amount, "amount");
    requireNonNull(currency, "currency");
    checkArgument(isCurrencyCode(currency), "currency: not an ISO 4217 code: \"%s\"", currency);
    return new Money(amount, currency);
  }

  /** Parses a decimal amount such as {@code "3586.00"} in {@code currency}. */
  public static Money of(String amount, String currency) {
    requireNonNull(amount, "amount");
    BigDecimal value;
    try {
      value = new BigDecimal(amount);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount: not a decimal number: \"" + amount + "\"", e);
    }
    return of(value, currency);
  }

  /** Zero in {@code currency}. */
  public static Money zero(String currency) {
    return of(BigDecimal.ZERO, currency);
  }

  /** Whether {@code code} is an ISO 4217 currency code known to this JVM. */
  public static boolean isCurrencyCode(String code) {
    if (code == null || code.length() != 3) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public Money plus(Money other) {
    checkSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money times(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  /**
   * The amount as a plain decimal string with at least the currency's minor digits ({@code
   * "3586.00"} for EUR) and more only when the amount really has them. Never rounds.
   */
  public String toPlainString() {
    return format(amount, Currency.getInstance(currency).getDefaultFractionDigits());
  }

  /**
   * Formats {@code amount} with at least {@code minorDigits} digits after the point; never rounds.
   */
  public static String format(BigDecimal amount, int minorDigits) {
    BigDecimal stripped = amount.stripTrailingZeros();
    int scale = Math.max(Math.max(minorDigits, 0), stripped.scale());
    return stripped.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
  }

  private void checkSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: " + currency + " and " + other.currency);
    }
  }

  @Override
  public int compareTo(Money other) {
    checkSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money other
        && currency.equals(other.currency)
        && amount.compareTo(other.amount) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
  }

  /** {@code 3586.00 EUR}. */
  @Override
  public String toString() {
    return toPlainString() + " " + currency;
  }
}
