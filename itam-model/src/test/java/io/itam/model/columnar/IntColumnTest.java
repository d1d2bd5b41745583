package io.itam.model.columnar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chunked columns: every chunk but the last full, the last trimmed, nothing copied on growth. */
class IntColumnTest {
  private static final int CHUNK = IntColumn.CHUNK_SIZE;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 63, 64, 65, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 17})
  void build_holdsEveryValueInChunks(int size) {
    IntColumn.Builder builder = new IntColumn.Builder();
    for (int i = 0; i < size; i++) {
      builder.add(i * 7 - 3);
    }
    IntColumn column = builder.build();
    assertEquals(size, column.size());
    assertEquals((size + CHUNK - 1) / CHUNK, column.chunkCount());
    int row = 0;
    for (int k = 0; k < column.chunkCount(); k++) {
      int[] chunk = column.chunk(k);
      assertEquals(k < column.chunkCount() - 1 ? CHUNK : size - k * CHUNK, chunk.length);
      for (int value : chunk) {
        assertEquals(row * 7 - 3, value);
        assertEquals(value, column.get(row));
        row++;
      }
    }
    assertEquals(size, row);
    int[] all = column.toArray();
    assertEquals(size, all.length);
    for (int i = 0; i < size; i++) {
      assertEquals(i * 7 - 3, all[i]);
    }
  }

  @Test
  void get_outsideTheRows_throws() {
    IntColumn column = IntColumn.of(1, 2, 3);
    assertThrows(IndexOutOfBoundsException.class, () -> column.get(3));
    assertThrows(IndexOutOfBoundsException.class, () -> column.get(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> column.chunk(1));
  }

  @Test
  void addingAfterBuild_leavesTheBuiltColumnAsItWas() {
    IntColumn.Builder builder = new IntColumn.Builder();
    for (int i = 0; i < CHUNK; i++) {
      builder.add(1);
    }
    IntColumn full = builder.build(); // one full chunk, shared with the builder
    for (int i = 0; i < 10; i++) {
      builder.add(2);
    }
    IntColumn partial = builder.build(); // the last chunk trimmed, a copy
    builder.add(3);
    IntColumn more = builder.build();
    assertEquals(CHUNK, full.size());
    assertEquals(1, full.get(CHUNK - 1));
    assertEquals(CHUNK + 10, partial.size());
    assertEquals(10, partial.chunk(1).length);
    assertEquals(CHUNK + 11, more.size());
    assertEquals(3, more.get(CHUNK + 10));
    assertEquals(2, partial.get(CHUNK + 9));
  }

  @Test
  void equality_isTheSameValuesInOrder() {
    assertEquals(IntColumn.of(1, 2, 3), IntColumn.of(1, 2, 3));
    assertEquals(IntColumn.of(1, 2, 3).hashCode(), IntColumn.of(1, 2, 3).hashCode());
    assertNotEquals(IntColumn.of(1, 2, 3), IntColumn.of(1, 3, 2));
    assertNotEquals(IntColumn.of(1, 2), IntColumn.of(1, 2, 3));
    assertEquals(IntColumn.of(), IntColumn.of());
  }

  @Test
  void longColumn_holdsLongs() {
    LongColumn.Builder builder = new LongColumn.Builder();
    for (long i = 0; i < CHUNK + 5; i++) {
      builder.add(i * 1_000_000_007L);
    }
    LongColumn column = builder.build();
    assertEquals(CHUNK + 5, column.size());
    assertEquals(2, column.chunkCount());
    assertEquals(5, column.chunk(1).length);
    assertEquals((CHUNK + 4) * 1_000_000_007L, column.get(CHUNK + 4));
    assertArrayEquals(
        new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE},
        LongColumn.of(Long.MIN_VALUE, -1, Long.MAX_VALUE).toArray());
    assertEquals(LongColumn.of(1, 2), LongColumn.of(1, 2));
    assertNotEquals(LongColumn.of(1, 2), LongColumn.of(2, 1));
  }

  @Test
  void chunks_areAlikeAndALongChunkIsNoHumongousObjectInG1() {
    assertEquals(IntColumn.CHUNK_SIZE, LongColumn.CHUNK_SIZE);
    assertEquals(1 << IntColumn.CHUNK_SHIFT, IntColumn.CHUNK_SIZE);
    assertEquals(IntColumn.CHUNK_SHIFT, LongColumn.CHUNK_SHIFT);
    // Below half of G1's smallest region (1 MiB) with a generous 64-byte array header, so that no
    // chunk takes a whole region of its own (see Chunks).
    long halfSmallestRegion = 512 * 1024;
    assertTrue(LongColumn.CHUNK_SIZE * (long) Long.BYTES + 64 < halfSmallestRegion);
  }
}
