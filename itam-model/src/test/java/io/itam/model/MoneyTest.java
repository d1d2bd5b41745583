package io.itam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Money}: exact amounts in one ISO 4217 currency, equal by value, formatted without
 * rounding.
 */
class MoneyTest {

  @Test
  void equality_ignoresScale() {
    Money a = Money.of("420.0", "EUR");
    Money b = Money.of("420.00", "EUR");
    Money c = Money.of(new BigDecimal("4.2E+2"), "EUR");
    assertEquals(a, b);
    assertEquals(a, c);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.hashCode(), c.hashCode());
    assertEquals(0, a.compareTo(b));
    assertEquals(Money.zero("EUR"), Money.of("0.00", "EUR"));
    assertEquals(Money.zero("EUR").hashCode(), Money.of("0.00", "EUR").hashCode());
  }

  @Test
  void equality_needsTheSameCurrencyAndValue() {
    assertNotEquals(Money.of("420", "EUR"), Money.of("420", "USD"));
    assertNotEquals(Money.of("420", "EUR"), Money.of("420.01", "EUR"));
    assertNotEquals(Money.of("420", "EUR"), new BigDecimal("420"));
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "3586, EUR, 3586.00",
    "3586.0, EUR, 3586.00",
    "3586.00000, EUR, 3586.00",
    "1.005, EUR, 1.005",
    "0.1234567, EUR, 0.1234567",
    "-12.5, EUR, -12.50",
    "1E+3, EUR, 1000.00",
    "100.0, JPY, 100",
    "100.5, JPY, 100.5",
    "1.5, BHD, 1.500",
    "0, USD, 0.00",
  })
  void toPlainString_currencyDigitsNeverRounded(String amount, String currency, String text) {
    assertEquals(text, Money.of(amount, currency).toPlainString());
    assertEquals(text + " " + currency, Money.of(amount, currency).toString());
  }

  @Test
  void format_atLeastTheMinorDigits() {
    assertEquals("3586.00", Money.format(new BigDecimal("3586"), 2));
    assertEquals("3586.125", Money.format(new BigDecimal("3586.125"), 2));
    assertEquals("3586", Money.format(new BigDecimal("3586.000"), 0));
    assertEquals("3586", Money.format(new BigDecimal("3586"), -1));
  }

  @Test
  void arithmetic_exact() {
    Money price = Money.of("3586.00", "EUR");
    assertEquals(Money.of("14344", "EUR"), price.times(4));
    assertEquals(Money.of("3586.01", "EUR"), price.plus(Money.of("0.01", "EUR")));
    assertEquals(Money.of("0.3", "EUR"), Money.of("0.1", "EUR").plus(Money.of("0.2", "EUR")));
    assertTrue(Money.of("-0.01", "EUR").isNegative());
    assertFalse(Money.zero("EUR").isNegative());
    assertTrue(Money.of("1", "EUR").compareTo(Money.of("0.99", "EUR")) > 0);
  }

  @Test
  void currencyMismatch_namesBoth() {
    Money eur = Money.of("1", "EUR");
    Money usd = Money.of("1", "USD");
    IllegalArgumentException plus =
        assertThrows(IllegalArgumentException.class, () -> eur.plus(usd));
    assertEquals("currency mismatch: EUR and USD", plus.getMessage());
    IllegalArgumentException compare =
        assertThrows(IllegalArgumentException.class, () -> usd.compareTo(eur));
    assertEquals("currency mismatch: USD and EUR", compare.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"EURO", "eur", "EU", "", "ABC", "€"})
  void invalidCurrencyCodes_rejected(String code) {
    assertFalse(Money.isCurrencyCode(code));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", code));
    assertEquals("currency: not an ISO 4217 code: \"" + code + "\"", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"EUR", "USD", "JPY", "CHF", "BHD"})
  void validCurrencyCodes(String code) {
    assertTrue(Money.isCurrencyCode(code));
    assertEquals(code, Money.zero(code).currency());
  }

  @Test
  void nullCode_notACurrency() {
    assertFalse(Money.isCurrencyCode(null));
  }

  @Test
  void amount_mustBeADecimal() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Money.of("12,50", "EUR"));
    assertEquals("amount: not a decimal number: \"12,50\"", e.getMessage());
  }

  @Test
  void amount_keptAsGiven() {
    assertEquals(new BigDecimal("420.00"), Money.of("420.00", "EUR").amount());
    assertEquals("EUR", Money.of("420.00", "EUR").currency());
  }
}
