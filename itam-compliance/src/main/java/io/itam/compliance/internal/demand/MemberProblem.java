package io.itam.compliance.internal.demand;

import java.util.Arrays;

/**
 * A member in local terms, as the {@link ShapeEnumerator} sees it: its facts numbered {@code
 * 0..n-1} in fact order, whether each must be covered, and its options numbered {@code 0..k-1} in
 * canonical order (licence model, consumer, first fact), each with the local facts it may cover.
 */
final class MemberProblem {
  private final int[] facts;
  private final boolean[] required;
  private final OptionTable table;
  private final int[] options;
  private final int[][] optionFacts;
  private final boolean[][] optionFree;
  private final int[][] candidates;
  private final int[] devices;

  /**
   * @param facts the member's facts, ascending
   * @param required whether each must be covered
   * @param table the options' table
   * @param options the member's options (rows of {@code table}), in canonical order
   * @param devices the device of each fact (a dense index), or -1
   */
  MemberProblem(int[] facts, boolean[] required, OptionTable table, int[] options, int[] devices) {
    this.facts = facts;
    this.devices = devices;
    this.required = required;
    this.table = table;
    this.options = options;
    this.optionFacts = new int[options.length][];
    this.optionFree = new boolean[options.length][];
    int[] counts = new int[facts.length];
    for (int o = 0; o < options.length; o++) {
      int row = options[o];
      int n = table.factCount(row);
      optionFacts[o] = new int[n];
      optionFree[o] = new boolean[n];
      for (int e = 0; e < n; e++) {
        int entry = table.start(row) + e;
        int local = Arrays.binarySearch(facts, table.fact(entry));
        optionFacts[o][e] = local;
        optionFree[o][e] = (table.flags(entry) & OptionTable.FREE) != 0;
        counts[local]++;
      }
    }
    candidates = new int[facts.length][];
    for (int f = 0; f < facts.length; f++) {
      candidates[f] = new int[counts[f]];
      counts[f] = 0;
    }
    for (int o = 0; o < options.length; o++) {
      for (int local : optionFacts[o]) {
        candidates[local][counts[local]++] = o;
      }
    }
  }

  int factCount() {
    return facts.length;
  }

  /** The global id of local fact {@code f}. */
  int fact(int f) {
    return facts[f];
  }

  int[] facts() {
    return facts;
  }

  boolean required(int f) {
    return required[f];
  }

  int optionCount() {
    return options.length;
  }

  /** The table row of local option {@code o}. */
  int option(int o) {
    return options[o];
  }

  OptionTable table() {
    return table;
  }

  /** The local options that may cover local fact {@code f}, in canonical order. */
  int[] candidates(int f) {
    return candidates[f];
  }

  /** Whether local fact {@code f} rides free on local option {@code o}. */
  boolean isFree(int o, int f) {
    int at = Arrays.binarySearch(optionFacts[o], f);
    return at >= 0 && optionFree[o][at];
  }

  /** The device of local fact {@code f} (a dense index), or -1. */
  int device(int f) {
    return devices[f];
  }

  /** The licence model of local option {@code o} (a dense index). */
  int model(int o) {
    return table.model(options[o]);
  }

  /** The table entry of local fact {@code f} in local option {@code o}. */
  int entry(int o, int f) {
    int at = Arrays.binarySearch(optionFacts[o], f);
    return table.start(options[o]) + at;
  }
}
