package io.itam.compliance.internal;

import java.util.Arrays;

/**
 * A map from {@code long} keys to non-negative {@code int} values on two primitive arrays (open
 * addressing, linear probing): for the keys the engine computes per record, where a {@code
 * HashMap<Long, Integer>} would box two objects per entry.
 */
public final class LongIntMap {
  /** What {@link #get} answers for an absent key. */
  public static final int ABSENT = -1;

  private long[] keys;
  private int[] values;
  private int size;

  public LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, ABSENT);
  }

  /** The value of {@code key}, or {@link #ABSENT}. */
  public int get(long key) {
    int mask = keys.length - 1;
    for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      int value = values[slot];
      if (value == ABSENT || keys[slot] == key) {
        return value;
      }
    }
  }

  /** Maps {@code key} to {@code value} (at least 0). */
  public void put(long key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("value must not be negative, was " + value);
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      if (values[slot] == ABSENT) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        return;
      }
      if (keys[slot] == key) {
        values[slot] = value;
        return;
      }
    }
  }

  public int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldValues.length * 2];
    Arrays.fill(values, ABSENT);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != ABSENT) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
