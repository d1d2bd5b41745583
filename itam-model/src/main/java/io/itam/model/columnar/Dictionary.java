package io.itam.model.columnar;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.checkIndex;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.model.ConsumptionRecords;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An immutable dictionary of interned strings: each distinct string has a dense id, {@code 0} to
 * {@code size() - 1}, in the order the strings were first seen. The columns of a {@link
 * ColumnarEstate} hold these ids instead of strings, so that a device id or a product id is stored
 * once however many records name it.
 *
 * <p>Look-ups go through an open-addressing hash table (linear probing, load at most one half) on
 * one {@code int[]} whose slots hold an id and its string's hash side by side, so that a probe
 * reads one cache line before it compares characters. The hash is {@link String#hashCode()} so that
 * interning a {@code String} reuses its cached hash and a slice of characters hashes to the same
 * value without becoming a {@code String}. It is written here rather than taken from a
 * primitive-collections library (fastutil and the like have no interner of {@code char} slices, and
 * a 20 MB dependency would buy nothing a hundred lines do not).
 */
public final class Dictionary {
  /** The dictionary of no strings. */
  public static final Dictionary EMPTY = builder().build();

  private static final int INITIAL_TABLE = 16;

  private final String[] values;
  private final int[] table;
  private final int size;

  private Dictionary(String[] values, int[] table, int size) {
    this.values = values;
    this.table = table;
    this.size = size;
  }

  /** Starts an empty dictionary. */
  public static Builder builder() {
    return new Builder(INITIAL_TABLE / 2);
  }

  /** Starts an empty dictionary with room for {@code expectedSize} strings before it grows. */
  public static Builder builder(int expectedSize) {
    checkArgument(expectedSize >= 0, "expectedSize: must not be negative, was %s", expectedSize);
    return new Builder(expectedSize);
  }

  /** The dictionary of {@code strings}, duplicates interned once, in first-seen order. */
  public static Dictionary of(Iterable<String> strings) {
    Builder builder = builder();
    strings.forEach(builder::intern);
    return builder.build();
  }

  /** The number of distinct strings. */
  public int size() {
    return size;
  }

  /**
   * The string of {@code id}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= id < size()}
   */
  public String get(int id) {
    return values[checkIndex(id, size)];
  }

  /** The id of {@code value}, or {@code -1} when it is not in the dictionary. */
  public int indexOf(String value) {
    return find(values, table, value, value.hashCode());
  }

  /** The id of the characters of {@code value}, or {@code -1} when they are not in it. */
  public int indexOf(CharSequence value) {
    return value instanceof String s ? indexOf(s) : find(values, table, value, hash(value));
  }

  /** The strings in id order, as an unmodifiable list backed by this dictionary. */
  public List<String> values() {
    return new Values(values, size);
  }

  /** Equal when the same strings have the same ids. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Dictionary d
        && size == d.size
        && Arrays.equals(values, 0, size, d.values, 0, size);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int id = 0; id < size; id++) {
      h = 31 * h + values[id].hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return size <= 8
        ? values().toString()
        : ImmutableList.copyOf(values().subList(0, 8)) + "… (" + size + " in all)";
  }

  // ---- columns of ids ----------------------------------------------------------------------

  /**
   * The string of {@code id} in {@code dictionary}, or {@code null} for {@link
   * ColumnarEstate#NONE}.
   */
  static @Nullable String orNull(Dictionary dictionary, int id) {
    return id == ColumnarEstate.NONE ? null : dictionary.get(id);
  }

  /**
   * Id {@code id} as a {@link ConsumptionRecords} key: itself, or no key for {@link
   * ColumnarEstate#NONE}.
   */
  static int key(int id) {
    return id == ColumnarEstate.NONE ? ConsumptionRecords.NO_KEY : id;
  }

  /**
   * Whether column {@code a} of ids in {@code da} names, row by row, the same strings as column
   * {@code b} of ids in {@code db} ({@link ColumnarEstate#NONE} matching only itself).
   */
  static boolean sameStrings(IntColumn a, Dictionary da, IntColumn b, Dictionary db) {
    if (a.size() != b.size()) {
      return false;
    }
    if (da.equals(db)) {
      return a.equals(b);
    }
    int[] idInB = new int[da.size()];
    for (int id = 0; id < idInB.length; id++) {
      int other = db.indexOf(da.get(id));
      idInB[id] = other < 0 ? Integer.MIN_VALUE : other; // matches no id of b, nor NONE
    }
    for (int k = 0; k < a.chunkCount(); k++) {
      int[] ids = a.chunk(k);
      int[] others = b.chunk(k);
      for (int j = 0; j < ids.length; j++) {
        int id = ids[j];
        if ((id == ColumnarEstate.NONE ? id : idInB[id]) != others[j]) {
          return false;
        }
      }
    }
    return true;
  }

  /** A hash of the strings that column {@code ids} names in {@code dictionary}, row by row. */
  static int stringsHash(IntColumn ids, Dictionary dictionary) {
    int h = 1;
    for (int k = 0; k < ids.chunkCount(); k++) {
      for (int id : ids.chunk(k)) {
        h = 31 * h + (id == ColumnarEstate.NONE ? -1 : dictionary.values[id].hashCode());
      }
    }
    return h;
  }

  // ---- the table ---------------------------------------------------------------------------

  /** {@link String#hashCode()} of the characters of {@code value}. */
  static int hash(CharSequence value) {
    int h = 0;
    for (int i = 0; i < value.length(); i++) {
      h = 31 * h + value.charAt(i);
    }
    return h;
  }

  /** {@link String#hashCode()} of {@code chars[offset, offset + length)}. */
  static int hash(char[] chars, int offset, int length) {
    int h = 0;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + chars[i];
    }
    return h;
  }

  /*
   * The table: slot s is table[2s] = id + 1 (0 when empty) and table[2s + 1] = the id's hash.
   */

  /** The first slot to probe for {@code hash}: the hash's bits mixed, so that near keys spread. */
  private static int slot(int hash, int mask) {
    int h = hash * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /** The id of {@code value}, hashing to {@code hash}, or {@code -1}. */
  private static int find(String[] values, int[] table, CharSequence value, int hash) {
    int mask = (table.length >>> 1) - 1;
    for (int slot = slot(hash, mask); ; slot = (slot + 1) & mask) {
      int id = table[2 * slot] - 1;
      if (id < 0) {
        return -1;
      }
      if (table[2 * slot + 1] == hash && values[id].contentEquals(value)) {
        return id;
      }
    }
  }

  /** The id of {@code chars[offset, offset + length)}, hashing to {@code hash}, or {@code -1}. */
  private static int find(
      String[] values, int[] table, char[] chars, int offset, int length, int hash) {
    int mask = (table.length >>> 1) - 1;
    for (int slot = slot(hash, mask); ; slot = (slot + 1) & mask) {
      int id = table[2 * slot] - 1;
      if (id < 0) {
        return -1;
      }
      if (table[2 * slot + 1] == hash && sameChars(values[id], chars, offset, length)) {
        return id;
      }
    }
  }

  private static boolean sameChars(String value, char[] chars, int offset, int length) {
    if (value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  /** A read-only list view of the first {@code size} values. */
  private static final class Values extends AbstractList<String> implements RandomAccess {
    private final String[] values;
    private final int size;

    Values(String[] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public String get(int index) {
      return values[checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * Interns strings into a {@link Dictionary}. Interning a string already present returns its id
   * and allocates nothing, whether it is given as a {@code String}, a {@code CharSequence} or a
   * slice of a {@code char[]} (the form a streaming JSON parser hands out); only a new string is
   * copied, once. {@link #build()} shares the builder's arrays with the dictionary instead of
   * copying them; the builder copies them first if it is used again. Not thread-safe.
   */
  public static final class Builder {
    private String[] values;
    private int[] table;
    private int size;

    /** Whether a built dictionary shares the arrays, which must then be copied before a change. */
    private boolean shared;

    private Builder(int expectedSize) {
      int capacity = Math.max(INITIAL_TABLE, Integer.highestOneBit(Math.max(1, expectedSize)) << 2);
      checkArgument(
          expectedSize <= 1 << 28, "expectedSize: more than 2^28 strings, was %s", expectedSize);
      this.values = new String[capacity / 2];
      this.table = new int[2 * capacity];
    }

    /** The number of distinct strings interned so far. */
    public int size() {
      return size;
    }

    /** The string of {@code id}, interned earlier. */
    public String get(int id) {
      return values[checkIndex(id, size)];
    }

    /** The id of {@code value}, or {@code -1} when it has not been interned. */
    public int indexOf(String value) {
      return find(values, table, value, value.hashCode());
    }

    /** The id of {@code value}, interning it if it is new. */
    public int intern(String value) {
      int hash = value.hashCode();
      int id = find(values, table, value, hash);
      return id >= 0 ? id : add(value, hash);
    }

    /** The id of the characters of {@code value}, interning a copy of them if they are new. */
    public int intern(CharSequence value) {
      if (value instanceof String s) {
        return intern(s);
      }
      int hash = hash(value);
      int id = find(values, table, value, hash);
      return id >= 0 ? id : add(value.toString(), hash);
    }

    /**
     * The id of the characters {@code chars[offset, offset + length)}, interning a copy of them if
     * they are new. The array is not kept: a parser may reuse its buffer.
     */
    public int intern(char[] chars, int offset, int length) {
      checkFromIndexSize(offset, length, chars.length);
      int hash = hash(chars, offset, length);
      int id = find(values, table, chars, offset, length, hash);
      return id >= 0 ? id : add(new String(chars, offset, length), hash);
    }

    /** The dictionary of the strings interned so far. The builder stays usable. */
    public Dictionary build() {
      shared = true;
      return new Dictionary(values, table, size);
    }

    private int add(String value, int hash) {
      requireNonNull(value, "value");
      if (shared) {
        values = values.clone();
        table = table.clone();
        shared = false;
      }
      if (size == values.length) {
        grow();
      }
      int id = size++;
      values[id] = value;
      place(table, id, hash);
      return id;
    }

    /** Doubles the storage and the table, re-placing every id by the hash its slot kept. */
    private void grow() {
      if (table.length > 1 << 29) {
        throw new IllegalStateException("dictionary: more than 2^28 distinct strings");
      }
      values = Arrays.copyOf(values, values.length * 2);
      int[] old = table;
      table = new int[old.length * 2];
      for (int slot = 0; slot < old.length; slot += 2) {
        if (old[slot] != 0) {
          place(table, old[slot] - 1, old[slot + 1]);
        }
      }
    }

    private static void place(int[] table, int id, int hash) {
      int mask = (table.length >>> 1) - 1;
      int slot = slot(hash, mask);
      while (table[2 * slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[2 * slot] = id + 1;
      table[2 * slot + 1] = hash;
    }
  }
}
