package io.itam.io.report;

import io.itam.model.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * Amounts spelled as the position document spells them: exact, with at least the currency's minor
 * digits ({@code 14344.00} in EUR, {@code 12000} in JPY, 2 digits without a currency), never
 * rounded, never grouped.
 */
final class Amounts {
  private Amounts() {}

  /** Minor digits of {@code currency}; 2 without a (known) currency. */
  static int minorDigits(@Nullable String currency) {
    if (currency == null || !Money.isCurrencyCode(currency)) {
      return 2;
    }
    return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
  }

  /** {@code amount} with the digits of {@code currency}. */
  static String format(BigDecimal amount, @Nullable String currency) {
    return Money.format(amount, minorDigits(currency));
  }
}
