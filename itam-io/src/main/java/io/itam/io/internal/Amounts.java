package io.itam.io.internal;

import io.itam.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Amounts and counts as itam spells them. In documents (JSON, CSV): exact, with at least the
 * currency's minor digits ({@code 14344.00} in EUR, {@code 12000} in JPY, 2 digits without a
 * currency), never rounded, never grouped. In reports for people (text, HTML): the same digits,
 * grouped and punctuated as the report's locale does it ({@code 14,344.00} in English, {@code
 * 14.344,00} in German).
 */
public final class Amounts {
  /** Digits after the point of an amount when there is no (known) currency. */
  public static final int DEFAULT_MINOR_DIGITS = 2;

  private Amounts() {}

  /** Minor digits of {@code currency} ({@code 2} for EUR, {@code 0} for JPY); 2 without one. */
  public static int minorDigits(@Nullable String currency) {
    if (currency == null || !Money.isCurrencyCode(currency)) {
      return DEFAULT_MINOR_DIGITS;
    }
    return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
  }

  /** {@code amount} as documents write it, with the digits of {@code currency}: {@code 3586.00}. */
  public static String format(BigDecimal amount, @Nullable String currency) {
    return Money.format(amount, minorDigits(currency));
  }

  /**
   * {@code amount} for people: exact, at least the digits of {@code currency}, grouped in thousands
   * with the separators of {@code locale} ({@code 20,468.00}).
   */
  public static String grouped(BigDecimal amount, @Nullable String currency, Locale locale) {
    BigDecimal exact = new BigDecimal(format(amount, currency));
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
    format.setMinimumFractionDigits(exact.scale());
    format.setMaximumFractionDigits(exact.scale());
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(exact);
  }

  /** {@code count} grouped in thousands with the separators of {@code locale} ({@code 1,024}). */
  public static String count(long count, Locale locale) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale)).format(count);
  }
}
