package io.itam.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks of option values beyond their type, with the messages the usage mistakes get. */
final class Choices {
  private Choices() {}

  /** Fails unless {@code value} of {@code option} is one of {@code choices}. */
  static void check(String option, String value, List<String> choices) throws CommandException {
    if (!choices.contains(value)) {
      throw CommandException.usage(
          option + ": expected one of " + String.join(", ", choices) + ", was \"" + value + "\"");
    }
  }

  /**
   * {@code value} of {@code option}, from {@code min} to {@code max}; {@code otherwise} if absent.
   */
  static int range(String option, @Nullable Integer value, int min, int max, int otherwise)
      throws CommandException {
    return (int) range(option, value == null ? null : value.longValue(), min, max, otherwise);
  }

  /**
   * {@code value} of {@code option}, from {@code min} to {@code max}; {@code otherwise} if absent.
   */
  static long range(String option, @Nullable Long value, long min, long max, long otherwise)
      throws CommandException {
    if (value == null) {
      return otherwise;
    }
    if (value < min || value > max) {
      throw CommandException.usage(
          option
              + ": must be "
              + (max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max)
              + ", was "
              + value);
    }
    return value;
  }
}
