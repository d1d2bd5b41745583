package io.itam.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkTableTest {
  @Test
  void markdown_formatsMediansRatiosAndHeapInRootLocale() {
    BenchmarkTable.Row row =
        new BenchmarkTable.Row(1_000_000, 1_000_123, 250.0, 125.0, 200.0, 1_234.4, 2_345.6);
    String table = BenchmarkTable.markdown(List.of(row), 2, false);
    String line = table.lines().filter(l -> l.startsWith("| 1,000,123 ")).findFirst().orElseThrow();
    assertEquals("| 1,000,123 | 250 | 2,000,246 | 125 | 2.00 | 200 | 1,234 / 2,346 |", line);
    assertTrue(table.contains("median after 3 x 5 s warm-up"), table);
  }

  @Test
  void markdown_showsMissingBenchmarksAsNotAvailable() {
    BenchmarkTable.Row row =
        new BenchmarkTable.Row(10_000, 0, 4.5, Double.NaN, 3.25, Double.NaN, Double.NaN);
    String line =
        BenchmarkTable.markdown(List.of(row), 1, true)
            .lines()
            .filter(l -> l.startsWith("| 10,000 "))
            .findFirst()
            .orElseThrow();
    assertEquals("| 10,000 | 4.50 | 2,222,222 | n/a | n/a | 3.25 | n/a / n/a |", line);
  }
}
