package io.itam.model.columnar;

/**
 * The chunking shared by {@link IntColumn} and {@link LongColumn}: row {@code r} is value {@code r
 * & MASK} of chunk {@code r >>> SHIFT}.
 *
 * <p>A chunk holds 32,768 rows, so that a {@code long} chunk (256 KiB) stays well below half of
 * G1's smallest region (1 MiB, the region size of every heap under 2 GB). An array of at least half
 * a region is a <em>humongous</em> object, which G1 gives whole regions of its own: with 65,536
 * rows a {@code long} chunk is 512 KiB and a header, and takes a whole 1 MiB region, which made the
 * two date columns of 20 million installations take 640 MB instead of 320 (measured with {@code
 * ColumnarMemory} in {@code -Xmx1800m}: 53.6 bytes per installation, against 37.6 with {@code
 * -XX:G1HeapRegionSize=2m} and with the present chunks). A column of 20 million rows has 611 chunks
 * instead of 306 (their time was not measured).
 */
final class Chunks {
  static final int SHIFT = 15;
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
