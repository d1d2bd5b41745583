package io.itam.io.estate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Draws values from QuickTheories' randomness, so that generators written as plain code still
 * shrink and replay from a seed.
 */
public final class Draw {
  /**
   * Characters of generated ids and texts: ASCII, accents, CJK, characters beyond the BMP, lone
   * surrogates, characters JSON escapes.
   */
  private static final String[] ALPHABET = {
    "a", "b", "z", "Q", "0", "7", "-", "_", "/", ".", " ", "é", "ß", "Ж", "中", "文", "→", "😀", "\"",
    "\\", "\n", "\t", "\u0001", "\u2028", "ℵ", "𝄞", "\uD800", "\uDFFF"
  };

  private final RandomnessSource in;

  @SuppressWarnings("exports") // test code: QuickTheories is on the class path
  public Draw(RandomnessSource in) {
    this.in = in;
  }

  public long between(long low, long high) {
    return in.next(Constraint.between(low, high));
  }

  public int count(int max) {
    return (int) between(0, max);
  }

  public boolean chance() {
    return between(0, 1) == 1;
  }

  public <T> T pick(List<T> values) {
    return values.get((int) between(0, values.size() - 1));
  }

  public <T> T pick(T[] values) {
    return values[(int) between(0, values.length - 1)];
  }

  /** {@code value.get()} or {@code null}, at random. */
  public <T> @Nullable T maybe(Supplier<T> value) {
    return chance() ? value.get() : null;
  }

  /** A text of up to {@code max} characters of the alphabet (possibly empty). */
  public String text(int max) {
    int length = count(max);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(pick(ALPHABET));
    }
    return text.toString();
  }

  /** A unique id: a random text made unique by a counter. */
  public String id(String prefix, int index) {
    return prefix + text(4) + "#" + index;
  }

  /** A date from the 3rd century BC to the 11th millennium. */
  public LocalDate date() {
    return chance()
        ? LocalDate.ofEpochDay(between(18_000, 22_000))
        : LocalDate.ofEpochDay(between(-800_000, 3_000_000));
  }

  /** A non-negative decimal with at most {@code places} significant decimal places. */
  public BigDecimal decimal(long maxUnscaled, int places) {
    BigInteger unscaled = BigInteger.valueOf(between(0, maxUnscaled));
    int scale = (int) between(-3, places);
    int trailingZeros = count(2);
    return new BigDecimal(
        unscaled.multiply(BigInteger.TEN.pow(trailingZeros)), scale + trailingZeros);
  }
}
