package io.itam.cli;

import com.google.common.collect.ImmutableList;
import io.itam.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A command that cannot run as asked: a usage mistake (an unknown option, a missing file argument)
 * or bad input (a file that does not exist, an invalid estate). The {@code itam} tool prints its
 * lines on stderr, no stack trace, and exits with {@link ItamCli#EXIT_BAD_INPUT}.
 */
final class CommandException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<String> lines;
  private final boolean usage;

  private CommandException(List<String> lines, boolean usage) {
    super(lines.get(0));
    this.lines = ImmutableList.copyOf(lines);
    this.usage = usage;
  }

  /** A usage mistake: the command line itself is wrong. */
  static CommandException usage(String message) {
    return new CommandException(List.of(message), true);
  }

  /** Bad input, described by {@code lines}: the first says what, the others list details. */
  static CommandException input(List<String> lines) {
    return new CommandException(lines, false);
  }

  /** Bad input, described in one line. */
  static CommandException input(String message) {
    return input(List.of(message));
  }

  /** The lines of a report: what, how many problems, then one problem a line. */
  static List<String> report(String what, List<Problem> problems) {
    List<String> lines = new ArrayList<>();
    int n = problems.size();
    lines.add(what + ": " + n + (n == 1 ? " problem:" : " problems:"));
    problems.forEach(p -> lines.add("  " + p));
    return lines;
  }

  /** What to print, one line each; the first is prefixed with {@code error: }. */
  ImmutableList<String> lines() {
    return lines;
  }

  /** Whether the command line is wrong (so a pointer to the usage helps). */
  boolean isUsage() {
    return usage;
  }
}
