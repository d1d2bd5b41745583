package io.itam.model.columnar;

/**
 * The chunking shared by {@link IntColumn} and {@link LongColumn}: row {@code r} is value {@code r
 * & MASK} of chunk {@code r >>> SHIFT}.
 */
final class Chunks {
  static final int SHIFT = 16;
  static final int SIZE = 1 << SHIFT;
  static final int MASK = SIZE - 1;

  /** The most rows a column holds: an {@code int} row index. */
  static final int MAX_ROWS = Integer.MAX_VALUE;

  private Chunks() {}

  /** The index of the chunk after {@code full} full chunks, when the rows still fit an int. */
  static int next(int full) {
    if (full + 1 >= (MAX_ROWS >>> SHIFT)) {
      throw new IllegalStateException("column: more than " + MAX_ROWS + " rows");
    }
    return full + 1;
  }
}
