package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;

/** Small helpers of the rules: grouping facts by a dense key, on primitive arrays. */
final class Grouping {
  private Grouping() {}

  /**
   * The positions {@code i} with {@code keys[i] >= 0}, ordered by key then position (a stable
   * counting sort when the keys are dense, which device and user indexes are).
   */
  static int[] byKey(int[] keys) {
    int max = -1;
    int n = 0;
    for (int k : keys) {
      if (k >= 0) {
        n++;
        max = Math.max(max, k);
      }
    }
    int[] order = new int[n];
    if (n == 0) {
      return order;
    }
    if (max > 4L * keys.length + 1024) {
      long[] packed = new long[n];
      int j = 0;
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] >= 0) {
          packed[j++] = (long) keys[i] << 32 | i;
        }
      }
      java.util.Arrays.sort(packed);
      for (int i = 0; i < n; i++) {
        order[i] = (int) packed[i];
      }
      return order;
    }
    int[] start = new int[max + 2];
    for (int k : keys) {
      if (k >= 0) {
        start[k + 1]++;
      }
    }
    for (int k = 0; k <= max; k++) {
      start[k + 1] += start[k];
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] >= 0) {
        order[start[keys[i]]++] = i;
      }
    }
    return order;
  }

  /** The end of the run of equal keys starting at {@code order[start]}. */
  static int runEnd(int[] keys, int[] order, int start) {
    int key = keys[order[start]];
    int end = start + 1;
    while (end < order.length && keys[order[end]] == key) {
      end++;
    }
    return end;
  }

  /** The scope a consumer in {@code unit} brings: the unit, or {@link OptionTable#UNASSIGNED}. */
  static int scopeOf(int unit) {
    return unit == EstateIndex.NO_UNIT ? OptionTable.UNASSIGNED : unit;
  }
}
