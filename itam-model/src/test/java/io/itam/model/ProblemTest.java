package io.itam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Problem}: ordered by document position, array indexes compared as numbers. */
class ProblemTest {

  private static List<String> sortedPaths(String... paths) {
    return ImmutableList.sortedCopyOf(
            List.of(paths).stream().map(path -> Problem.at(path, "m")).toList())
        .stream()
        .map(Problem::path)
        .toList();
  }

  @Test
  void order_indexesAsNumbers() {
    assertEquals(
        List.of("devices[2]", "devices[9]", "devices[10]", "devices[100]"),
        sortedPaths("devices[10]", "devices[100]", "devices[9]", "devices[2]"));
  }

  @Test
  void order_nestedIndexes() {
    assertEquals(
        List.of(
            "clusters[1].hosts[2]",
            "clusters[1].hosts[10]",
            "clusters[2].hosts[0]",
            "clusters[10].hosts[1]"),
        sortedPaths(
            "clusters[10].hosts[1]",
            "clusters[1].hosts[10]",
            "clusters[2].hosts[0]",
            "clusters[1].hosts[2]"));
  }

  @Test
  void order_wholeDocumentFirst_parentBeforeChild_thenMessage() {
    assertEquals(
        List.of("", "devices[1]", "devices[1].host", "devices[1].unit", "format"),
        sortedPaths("format", "devices[1].unit", "devices[1]", "", "devices[1].host"));
    assertTrue(Problem.at("a", "x").compareTo(Problem.at("a", "y")) < 0);
    assertEquals(0, Problem.at("a[01]", "x").compareTo(Problem.at("a[01]", "x")));
  }

  @Test
  void toString_pathAndMessage() {
    assertEquals(
        "devices[17].host: unknown device \"esx-9\"",
        Problem.at("devices[17].host", "unknown device \"esx-9\"").toString());
    assertEquals("empty document", Problem.at("", "empty document").toString());
  }

  @Test
  void nulls_rejected() {
    assertThrows(NullPointerException.class, () -> Problem.at(null, "m"));
    assertThrows(NullPointerException.class, () -> Problem.at("p", null));
  }
}
