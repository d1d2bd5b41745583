package io.itam.examples.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ListMultimap;
import com.google.common.collect.MultimapBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The words after a command, split into options and operands against the options the command
 * accepts. Options may come before or after operands, as {@code --name value} or {@code
 * --name=value}; {@code --} ends the options; {@code -h} is {@code --help}. An unknown option, a
 * missing value, a value given to a flag, or an option given twice (unless it is repeatable, such
 * as {@code --swid DIR}) is a usage mistake.
 */
final class Arguments {
  private final ImmutableMap<String, String> options;
  private final ImmutableListMultimap<String, String> repeated;
  private final ImmutableList<String> operands;

  private Arguments(
      Map<String, String> options, ListMultimap<String, String> repeated, List<String> operands) {
    this.options = ImmutableMap.copyOf(options);
    this.repeated = ImmutableListMultimap.copyOf(repeated);
    this.operands = ImmutableList.copyOf(operands);
  }

  /**
   * Parses {@code words} for {@code command}, which accepts the options in {@code flags} (no value)
   * and {@code valued} (one value each).
   *
   * @throws CommandException (usage) naming the word that is wrong
   */
  static Arguments parse(String command, List<String> words, Set<String> flags, Set<String> valued)
      throws CommandException {
    return parse(command, words, flags, valued, Set.of());
  }

  /**
   * Parses {@code words} for {@code command}, which accepts the options in {@code flags} (no
   * value), {@code valued} (one value each) and {@code repeatable} (one value each time, any number
   * of times).
   *
   * @throws CommandException (usage) naming the word that is wrong
   */
  static Arguments parse(
      String command,
      List<String> words,
      Set<String> flags,
      Set<String> valued,
      Set<String> repeatable)
      throws CommandException {
    Map<String, String> options = new LinkedHashMap<>();
    ListMultimap<String, String> repeated =
        MultimapBuilder.linkedHashKeys().arrayListValues().build();
    ImmutableList.Builder<String> operands = ImmutableList.builder();
    boolean optionsEnded = false;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (optionsEnded || !word.startsWith("-") || word.equals("-")) {
        operands.add(word);
        continue;
      }
      if (word.equals("--")) {
        optionsEnded = true;
        continue;
      }
      String name = word;
      String value = null;
      int equals = word.indexOf('=');
      if (word.startsWith("--") && equals > 0) {
        name = word.substring(0, equals);
        value = word.substring(equals + 1);
      }
      if (name.equals("-h")) {
        name = "--help";
      }
      if (flags.contains(name)) {
        if (value != null) {
          throw CommandException.usage(name + " takes no value, was given \"" + value + "\"");
        }
        value = "";
      } else if (valued.contains(name) || repeatable.contains(name)) {
        if (value == null) {
          if (i + 1 >= words.size()) {
            throw CommandException.usage(name + " needs a value");
          }
          value = words.get(++i);
        }
      } else {
        throw CommandException.usage("unknown option " + quoteOption(name) + " for " + command);
      }
      if (repeatable.contains(name)) {
        repeated.put(name, value);
      } else if (options.put(name, value) != null) {
        throw CommandException.usage(name + " is given more than once");
      }
    }
    return new Arguments(options, repeated, operands.build());
  }

  private static String quoteOption(String name) {
    return name.chars().allMatch(c -> c > ' ' && c < 0x7f) ? name : "\"" + name + "\"";
  }

  /** Whether {@code option} was given. */
  boolean has(String option) {
    return options.containsKey(option) || repeated.containsKey(option);
  }

  /** The values of the repeatable {@code option}, in the order given; empty when not given. */
  ImmutableList<String> values(String option) {
    return repeated.get(option);
  }

  /** The value of {@code option}, or {@code null} when it was not given. */
  @Nullable String value(String option) {
    return options.get(option);
  }

  /** The words that are not options, in order. */
  ImmutableList<String> operands() {
    return operands;
  }

  /** The options given that are not repeatable, in order. */
  ImmutableSet<String> options() {
    return options.keySet();
  }
}
