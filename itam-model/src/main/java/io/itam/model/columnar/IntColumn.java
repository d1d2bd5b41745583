package io.itam.model.columnar;

import static java.util.Objects.checkIndex;

import java.util.Arrays;

/**
 * An immutable column of {@code int}s (dictionary ids), one per record, stored in chunks of {@link
 * #CHUNK_SIZE} values so that a column grows to tens of millions of records without ever copying
 * what it holds: every chunk but the last is full, the last is exactly as long as the rows it
 * holds.
 *
 * <p>Readers take a value per row with {@link #get(int)}, or walk the storage itself, chunk by
 * chunk, with no copy and no call per row:
 *
 * <pre>{@code
 * for (int k = 0; k < column.chunkCount(); k++) {
 *   int[] values = column.chunk(k); // rows k * CHUNK_SIZE .. k * CHUNK_SIZE + values.length - 1
 *   for (int j = 0; j < values.length; j++) { ... values[j] ... }
 * }
 * }</pre>
 *
 * {@link #chunk(int)} hands out the array the column is made of, not a copy: a copy of 20 million
 * values per pass is what the columnar form exists to avoid, and a read-only view per row would
 * cost the engine's inner loops a call and a check per value. Callers must not modify it. The
 * columns of one record type are chunked alike, so chunk {@code k} of each holds the same rows.
 */
public final class IntColumn {
  /** log<sub>2</sub> of {@link #CHUNK_SIZE}. */
  public static final int CHUNK_SHIFT = Chunks.SHIFT;

  /** The number of rows in every chunk but the last: 32,768 (128 KiB of ints). */
  public static final int CHUNK_SIZE = Chunks.SIZE;

  private final int[][] chunks;
  private final int size;

  private IntColumn(int[][] chunks, int size) {
    this.chunks = chunks;
    this.size = size;
  }

  /** The column of {@code values}, copied. */
  public static IntColumn of(int... values) {
    Builder builder = new Builder();
    for (int value : values) {
      builder.add(value);
    }
    return builder.build();
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /**
   * The value of {@code row}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= row < size()}
   */
  public int get(int row) {
    checkIndex(row, size);
    return chunks[row >>> CHUNK_SHIFT][row & Chunks.MASK];
  }

  /** The number of chunks: {@code ceil(size() / CHUNK_SIZE)}. */
  public int chunkCount() {
    return chunks.length;
  }

  /**
   * The values of rows {@code k * CHUNK_SIZE} onwards, as the array the column is made of: {@link
   * #CHUNK_SIZE} long for every chunk but the last. Not a copy: do not modify it.
   */
  public int[] chunk(int k) {
    return chunks[checkIndex(k, chunks.length)];
  }

  /** A copy of the whole column as one array. */
  public int[] toArray() {
    int[] all = new int[size];
    for (int k = 0; k < chunks.length; k++) {
      System.arraycopy(chunks[k], 0, all, k << CHUNK_SHIFT, chunks[k].length);
    }
    return all;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IntColumn c) || c.size != size) {
      return false;
    }
    for (int k = 0; k < chunks.length; k++) {
      if (!Arrays.equals(chunks[k], c.chunks[k])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int[] chunk : chunks) {
      h = 31 * h + Arrays.hashCode(chunk);
    }
    return h;
  }

  @Override
  public String toString() {
    return "IntColumn{size=" + size + "}";
  }

  /**
   * Appends values to a column. The first chunk starts small and doubles up to {@link #CHUNK_SIZE};
   * after it, whole chunks are added, so nothing is copied once it is full. {@link #build()} shares
   * the full chunks and copies only the last one, trimmed.
   */
  static final class Builder {
    private int[][] chunks = new int[1][];
    private int[] last = new int[64];
    private int fill;
    private int full;

    Builder() {
      chunks[0] = last;
    }

    int size() {
      return (full << CHUNK_SHIFT) + fill;
    }

    void add(int value) {
      if (fill == last.length) {
        grow();
      }
      last[fill++] = value;
    }

    private void grow() {
      if (last.length < CHUNK_SIZE) {
        last = Arrays.copyOf(last, Math.min(CHUNK_SIZE, last.length * 2));
      } else {
        full = Chunks.next(full);
        if (full == chunks.length) {
          chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        last = new int[CHUNK_SIZE];
        fill = 0;
      }
      chunks[full] = last;
    }

    IntColumn build() {
      int count = fill == 0 ? full : full + 1;
      int[][] built = Arrays.copyOf(chunks, count);
      if (fill > 0 && fill < last.length) {
        built[full] = Arrays.copyOf(last, fill);
      }
      return new IntColumn(built, size());
    }
  }
}
