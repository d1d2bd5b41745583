package io.itam.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellTextTest {

  @Test
  void wrap_breaksAtSpacesGreedily() {
    assertEquals(
        List.of("one two", "three four", "five"), CellText.wrap("one two three four five", 10));
  }

  @Test
  void wrap_cutsAWordLongerThanTheWidth() {
    assertEquals(List.of("a", "bcdef", "ghijk", "l m"), CellText.wrap("a bcdefghijkl m", 5));
    assertEquals(List.of("abcde", "fghij"), CellText.wrap("abcdefghij", 5));
  }

  @Test
  void wrap_countsCodePointsNotChars() {
    assertEquals(
        List.of("\uD83D\uDE00\uD83D\uDE00", "\uD83D\uDE00"),
        CellText.wrap("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2));
  }

  @Test
  void wrap_honoursLineBreaksAndCollapsesSpaces() {
    assertEquals(List.of("a b", "", "c"), CellText.wrap("a   b\r\n\nc", 20));
    assertEquals(List.of(""), CellText.wrap("", 20));
  }

  @Test
  void clean_escapesControlCharacters() {
    assertEquals("a b\\nc\\r\\u001B\\u2028", CellText.clean("a\tb\nc\r\u001B\u2028"));
    String plain = "plain → text";
    assertSame(plain, CellText.clean(plain));
  }

  @Test
  void stripTrailing_removesSpacesOnly() {
    assertEquals("a b", CellText.stripTrailing("a b   "));
    assertEquals("", CellText.stripTrailing("   "));
  }
}
