package io.itam.model.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Interning into a {@link Dictionary}: dense ids in first-seen order, whatever the form given. */
class DictionaryTest {

  @Test
  void intern_givesDenseIdsInFirstSeenOrder() {
    Dictionary.Builder builder = Dictionary.builder();
    assertEquals(0, builder.intern("esx-01"));
    assertEquals(1, builder.intern("vm-sql-01"));
    assertEquals(0, builder.intern("esx-01"));
    assertEquals(2, builder.intern("pc-0001"));
    assertEquals(1, builder.intern("vm-sql-01"));
    Dictionary dictionary = builder.build();
    assertEquals(3, dictionary.size());
    assertEquals(List.of("esx-01", "vm-sql-01", "pc-0001"), dictionary.values());
    assertEquals("vm-sql-01", dictionary.get(1));
    assertEquals(2, dictionary.indexOf("pc-0001"));
    assertEquals(-1, dictionary.indexOf("esx-02"));
  }

  @Test
  void intern_sliceCharSequenceAndStringAgree() {
    Dictionary.Builder builder = Dictionary.builder();
    char[] buffer = "xx[sqlserver]yy[office-pro]".toCharArray();
    assertEquals(0, builder.intern(buffer, 3, 9)); // sqlserver
    assertEquals(0, builder.intern("sqlserver"));
    assertEquals(0, builder.intern(new StringBuilder("sqlserver")));
    assertEquals(0, builder.intern(CharBuffer.wrap(buffer, 3, 9)));
    assertEquals(1, builder.intern(new StringBuilder("office-pro")));
    assertEquals(1, builder.intern(buffer, 16, 10));
    assertEquals(1, builder.indexOf("office-pro"));
    Dictionary dictionary = builder.build();
    assertEquals(List.of("sqlserver", "office-pro"), dictionary.values());
    assertEquals(0, dictionary.indexOf(new StringBuilder("sqlserver")));
    assertEquals(-1, dictionary.indexOf(new StringBuilder("sqlserve")));
  }

  @Test
  void intern_sliceIsCopiedSoTheBufferMayBeReused() {
    Dictionary.Builder builder = Dictionary.builder();
    char[] buffer = "alpha".toCharArray();
    assertEquals(0, builder.intern(buffer, 0, 5));
    "gamma".getChars(0, 5, buffer, 0);
    assertEquals(1, builder.intern(buffer, 0, 5));
    assertEquals(List.of("alpha", "gamma"), builder.build().values());
  }

  @Test
  void intern_sliceOutsideTheArray_throws() {
    Dictionary.Builder builder = Dictionary.builder();
    char[] buffer = new char[4];
    assertThrows(IndexOutOfBoundsException.class, () -> builder.intern(buffer, 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> builder.intern(buffer, -1, 1));
  }

  @Test
  void hashCollisions_keepDistinctIds() {
    // "Aa" and "BB" have the same String.hashCode, and so do all their concatenations.
    List<String> colliding = new ArrayList<>();
    for (int bits = 0; bits < 64; bits++) {
      StringBuilder s = new StringBuilder();
      for (int b = 0; b < 6; b++) {
        s.append((bits >> b & 1) == 0 ? "Aa" : "BB");
      }
      colliding.add(s.toString());
    }
    assertEquals(1, colliding.stream().map(String::hashCode).distinct().count());
    Dictionary.Builder builder = Dictionary.builder();
    for (int i = 0; i < colliding.size(); i++) {
      assertEquals(i, builder.intern(colliding.get(i)));
    }
    for (int i = 0; i < colliding.size(); i++) {
      char[] chars = colliding.get(i).toCharArray();
      assertEquals(i, builder.intern(chars, 0, chars.length));
    }
    assertEquals(colliding, builder.build().values());
  }

  @Test
  void growth_pastTheInitialCapacity_keepsEveryId() {
    Dictionary.Builder builder = Dictionary.builder();
    int count = 100_000;
    for (int i = 0; i < count; i++) {
      assertEquals(i, builder.intern("device-" + i));
    }
    for (int i = count - 1; i >= 0; i--) {
      assertEquals(i, builder.intern("device-" + i));
    }
    Dictionary dictionary = builder.build();
    assertEquals(count, dictionary.size());
    assertEquals("device-77777", dictionary.get(77_777));
    assertEquals(54_321, dictionary.indexOf("device-54321"));
  }

  @Test
  void expectedSize_isOnlyAHint() {
    Dictionary.Builder small = Dictionary.builder(0);
    Dictionary.Builder large = Dictionary.builder(5_000);
    for (int i = 0; i < 10_000; i++) {
      assertEquals(i, small.intern("u" + i));
      assertEquals(i, large.intern("u" + i));
    }
    assertEquals(small.build(), large.build());
    assertThrows(IllegalArgumentException.class, () -> Dictionary.builder(-1));
  }

  @Test
  void longAndEmptyStrings_areInterned() {
    String long1 = "x".repeat(100_000);
    String long2 = "x".repeat(99_999) + "y";
    Dictionary.Builder builder = Dictionary.builder();
    assertEquals(0, builder.intern(""));
    assertEquals(1, builder.intern(long1));
    assertEquals(2, builder.intern(long2));
    assertEquals(0, builder.intern(new char[0], 0, 0));
    assertEquals(0, builder.intern(new char[3], 3, 0));
    char[] chars = long2.toCharArray();
    assertEquals(2, builder.intern(chars, 0, chars.length));
    assertEquals(3, builder.intern(chars, 0, chars.length - 1)); // new: 99,999 x
    assertEquals(1, builder.intern(long1.toCharArray(), 0, long1.length()));
    Dictionary dictionary = builder.build();
    assertEquals(List.of("", long1, long2, "x".repeat(99_999)), dictionary.values());
  }

  @Test
  void build_thenInternMore_leavesTheBuiltDictionaryAsItWas() {
    Dictionary.Builder builder = Dictionary.builder();
    builder.intern("a");
    builder.intern("b");
    Dictionary first = builder.build();
    for (int i = 0; i < 1_000; i++) {
      builder.intern("c" + i);
    }
    assertEquals(1, builder.intern("b"));
    Dictionary second = builder.build();
    assertEquals(List.of("a", "b"), first.values());
    assertEquals(-1, first.indexOf("c0"));
    assertEquals(1_002, second.size());
    assertEquals(2, second.indexOf("c0"));
  }

  @Test
  void get_outsideTheIds_throws() {
    Dictionary dictionary = Dictionary.of(List.of("a", "b"));
    assertThrows(IndexOutOfBoundsException.class, () -> dictionary.get(2));
    assertThrows(IndexOutOfBoundsException.class, () -> dictionary.get(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> Dictionary.EMPTY.get(0));
    assertThrows(UnsupportedOperationException.class, () -> dictionary.values().set(0, "z"));
  }

  @Test
  void equality_isTheSameStringsWithTheSameIds() {
    assertEquals(Dictionary.of(List.of("a", "b", "a")), Dictionary.of(List.of("a", "b")));
    assertEquals(
        Dictionary.of(List.of("a", "b")).hashCode(), Dictionary.of(List.of("a", "b")).hashCode());
    assertNotEquals(Dictionary.of(List.of("a", "b")), Dictionary.of(List.of("b", "a")));
    assertEquals("[a, b]", Dictionary.of(List.of("a", "b")).toString());
  }

  @Test
  void property_idsAreFirstSeenPositions_forEveryForm() {
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(300)
        .forAll(lists().of(strings().allPossible().ofLengthBetween(0, 6)).ofSizeBetween(0, 300))
        .checkAssert(
            values -> {
              Map<String, Integer> expected = new LinkedHashMap<>();
              Dictionary.Builder builder = Dictionary.builder();
              for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                expected.putIfAbsent(value, expected.size());
                int id =
                    switch (i % 3) {
                      case 0 -> builder.intern(value);
                      case 1 -> builder.intern(new StringBuilder(value));
                      default -> {
                        char[] padded = ("<" + value + ">").toCharArray();
                        yield builder.intern(padded, 1, value.length());
                      }
                    };
                assertEquals(expected.get(value), id, value);
              }
              Dictionary dictionary = builder.build();
              assertEquals(List.copyOf(expected.keySet()), dictionary.values());
              expected.forEach((value, id) -> assertEquals(id, dictionary.indexOf(value)));
            });
  }
}
