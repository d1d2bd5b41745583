package io.itam.model.columnar;

import static java.util.Objects.checkIndex;

import java.util.Arrays;

/**
 * An immutable column of {@code long}s (epoch days, usage peaks), one per record, chunked exactly
 * as an {@link IntColumn} of as many rows: see there for the layout and for reading it chunk by
 * chunk without a copy. {@link #chunk(int)} hands out the column's own array: do not modify it.
 */
public final class LongColumn {
  /** log<sub>2</sub> of {@link #CHUNK_SIZE}: the same as {@link IntColumn#CHUNK_SHIFT}. */
  public static final int CHUNK_SHIFT = Chunks.SHIFT;

  /**
   * The number of rows in every chunk but the last: 32,768 (256 KiB of longs), as in an {@link
   * IntColumn}.
   */
  public static final int CHUNK_SIZE = Chunks.SIZE;

  private final long[][] chunks;
  private final int size;

  private LongColumn(long[][] chunks, int size) {
    this.chunks = chunks;
    this.size = size;
  }

  /** The column of {@code values}, copied. */
  public static LongColumn of(long... values) {
    Builder builder = new Builder();
    for (long value : values) {
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
  public long get(int row) {
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
  public long[] chunk(int k) {
    return chunks[checkIndex(k, chunks.length)];
  }

  /** A copy of the whole column as one array. */
  public long[] toArray() {
    long[] all = new long[size];
    for (int k = 0; k < chunks.length; k++) {
      System.arraycopy(chunks[k], 0, all, k << CHUNK_SHIFT, chunks[k].length);
    }
    return all;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LongColumn c) || c.size != size) {
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
    for (long[] chunk : chunks) {
      h = 31 * h + Arrays.hashCode(chunk);
    }
    return h;
  }

  @Override
  public String toString() {
    return "LongColumn{size=" + size + "}";
  }

  /** Appends values to a column, as {@link IntColumn}'s builder does. */
  static final class Builder {
    private long[][] chunks = new long[1][];
    private long[] last = new long[64];
    private int fill;
    private int full;

    Builder() {
      chunks[0] = last;
    }

    int size() {
      return (full << CHUNK_SHIFT) + fill;
    }

    void add(long value) {
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
        last = new long[CHUNK_SIZE];
        fill = 0;
      }
      chunks[full] = last;
    }

    LongColumn build() {
      int count = fill == 0 ? full : full + 1;
      long[][] built = Arrays.copyOf(chunks, count);
      if (fill > 0 && fill < last.length) {
        built[full] = Arrays.copyOf(last, fill);
      }
      return new LongColumn(built, size());
    }
  }
}
