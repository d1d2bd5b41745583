package io.itam.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The one normal form of exact decimals held by records: trailing zeros stripped, never a negative
 * scale. Records normalise their decimals, so equality means equal value ({@code 12.5} equals
 * {@code 12.50}) and a value written and read back is equal to itself.
 */
public final class Decimals {
  private Decimals() {}

  /** {@code value} without trailing zeros and with a scale of at least 0; {@code null} stays. */
  public static @Nullable BigDecimal normalize(@Nullable BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
