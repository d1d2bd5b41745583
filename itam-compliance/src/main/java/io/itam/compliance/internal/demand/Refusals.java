package io.itam.compliance.internal.demand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why licence models do not count facts their terms cover ("model X counts devices, not usage
 * measurements"): kept per fact, for the reasons of facts nothing covers. Reasons are interned, as
 * one model refuses many facts for one reason.
 */
final class Refusals {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> texts = new ArrayList<>();
  private int size;
  private int[] fact = new int[16];
  private int[] reason = new int[16];
  private int[] sortedFacts;
  private int[] sortedReasons;

  /** Records that a model does not count {@code factId}, because {@code why}. */
  void refuse(int factId, String why) {
    if (size == fact.length) {
      fact = Arrays.copyOf(fact, size * 2);
      reason = Arrays.copyOf(reason, size * 2);
    }
    Integer id = ids.get(why);
    if (id == null) {
      id = texts.size();
      ids.put(why, id);
      texts.add(why);
    }
    fact[size] = factId;
    reason[size] = id;
    size++;
    sortedFacts = null;
  }

  /** The reasons recorded for {@code factId}, in the order recorded. */
  List<String> of(int factId) {
    if (sortedFacts == null) {
      sort();
    }
    int at = Arrays.binarySearch(sortedFacts, factId);
    if (at < 0) {
      return List.of();
    }
    while (at > 0 && sortedFacts[at - 1] == factId) {
      at--;
    }
    List<String> reasons = new ArrayList<>();
    for (int i = at; i < sortedFacts.length && sortedFacts[i] == factId; i++) {
      reasons.add(texts.get(sortedReasons[i]));
    }
    return reasons;
  }

  private void sort() {
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = (long) fact[i] << 32 | i;
    }
    Arrays.sort(keys);
    sortedFacts = new int[size];
    sortedReasons = new int[size];
    for (int i = 0; i < size; i++) {
      sortedFacts[i] = (int) (keys[i] >>> 32);
      sortedReasons[i] = reason[(int) keys[i]];
    }
  }
}
