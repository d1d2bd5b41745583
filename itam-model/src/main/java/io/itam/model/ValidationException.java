package io.itam.model;

import com.google.common.collect.ImmutableList;
import java.util.Collection;

/**
 * Thrown when an input document or an estate built in code is invalid. It carries every problem
 * found, not just the first, each with its path.
 */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<Problem> problems;

  /**
   * Creates an exception carrying {@code problems}, sorted by document position.
   *
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public ValidationException(Collection<Problem> problems) {
    super(message(problems));
    this.problems = ImmutableList.sortedCopyOf(problems);
  }

  /** Every problem found, sorted by document position. Never empty. */
  public ImmutableList<Problem> problems() {
    return problems;
  }

  private static String message(Collection<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems: must not be empty");
    }
    StringBuilder text =
        new StringBuilder()
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append(':');
    for (Problem problem : ImmutableList.sortedCopyOf(problems)) {
      text.append(System.lineSeparator()).append("  ").append(problem);
    }
    return text.toString();
  }
}
