package io.itam.compliance.internal.facts;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Record keys: what decides a fact's demand apart from whose it is. An installation's key is its
 * product, version, edition and evidence; an access or usage record's is its kind and product.
 * Equal records of different devices share a key, so the terms of a licence model are checked once
 * per key, and devices are compared by their keys. Keys are numbered densely in the order the facts
 * first use them (the canonical order), so the numbering does not depend on input order.
 */
public final class RecordKeys {
  private static final int EMPTY = -1;

  private final RecordColumns records;
  private int size;
  private byte[] kind = new byte[64];
  private int[] product = new int[64];
  private int[] version = new int[64];
  private int[] edition = new int[64];
  private int[] evidence = new int[64];
  private int[] table = new int[256];
  private int[] accessKey = new int[0];
  private int[] usageKey = new int[0];

  RecordKeys(RecordColumns records) {
    this.records = records;
    Arrays.fill(table, EMPTY);
  }

  /** Number of keys. */
  public int size() {
    return size;
  }

  public Fact.Kind kind(int key) {
    return Fact.Kind.values()[kind[key]];
  }

  /** The product of {@code key} (dense index). */
  public int product(int key) {
    return product[key];
  }

  /** The version of an installation key, or {@code null}. */
  public @Nullable String version(int key) {
    return RecordColumns.name(records.versionNames, version[key]);
  }

  /** The edition of an installation key, or {@code null}. */
  public @Nullable String edition(int key) {
    return RecordColumns.name(records.editionNames, edition[key]);
  }

  /** The evidence of an installation key, or {@code null}. */
  public @Nullable String evidence(int key) {
    return RecordColumns.name(records.evidenceTexts, evidence[key]);
  }

  /** The key of installation row {@code row}. */
  int installation(int row) {
    int p = records.product(row);
    int v = records.version(row);
    int e = records.edition(row);
    int x = records.evidence(row);
    int h = mix(p, v, e, x);
    int mask = table.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int key = table[slot];
      if (key == EMPTY) {
        key = add(Fact.Kind.INSTALLATION, p, v, e, x);
        table[slot] = key;
        if (size * 2 > table.length) {
          rehash();
        }
        return key;
      }
      if (kind[key] == 0
          && product[key] == p
          && version[key] == v
          && edition[key] == e
          && evidence[key] == x) {
        return key;
      }
    }
  }

  /** The key of an access record of {@code product}. */
  int access(int product) {
    if (accessKey.length <= product) {
      int old = accessKey.length;
      accessKey = Arrays.copyOf(accessKey, product + 1);
      Arrays.fill(accessKey, old, accessKey.length, EMPTY);
    }
    if (accessKey[product] == EMPTY) {
      accessKey[product] = add(Fact.Kind.ACCESS, product, -1, -1, -1);
    }
    return accessKey[product];
  }

  /** The key of a usage record of {@code product}. */
  int usage(int product) {
    if (usageKey.length <= product) {
      int old = usageKey.length;
      usageKey = Arrays.copyOf(usageKey, product + 1);
      Arrays.fill(usageKey, old, usageKey.length, EMPTY);
    }
    if (usageKey[product] == EMPTY) {
      usageKey[product] = add(Fact.Kind.USAGE, product, -1, -1, -1);
    }
    return usageKey[product];
  }

  private int add(Fact.Kind k, int p, int v, int e, int x) {
    if (size == product.length) {
      int capacity = size * 2;
      kind = Arrays.copyOf(kind, capacity);
      product = Arrays.copyOf(product, capacity);
      version = Arrays.copyOf(version, capacity);
      edition = Arrays.copyOf(edition, capacity);
      evidence = Arrays.copyOf(evidence, capacity);
    }
    kind[size] = (byte) k.ordinal();
    product[size] = p;
    version[size] = v;
    edition[size] = e;
    evidence[size] = x;
    return size++;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    Arrays.fill(bigger, EMPTY);
    int mask = bigger.length - 1;
    for (int key : table) {
      if (key == EMPTY || kind[key] != 0) {
        continue;
      }
      int slot = mix(product[key], version[key], edition[key], evidence[key]) & mask;
      while (bigger[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = key;
    }
    table = bigger;
  }

  private static int mix(int a, int b, int c, int d) {
    long h = a * 0x9E3779B97F4A7C15L;
    h = (h ^ b) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ c) * 0x165667B19E3779F9L;
    h = (h ^ d) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }
}
