package io.itam.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JMH smoke run of CI: each benchmark, forked as in a real run, for one iteration of one second
 * at 10 000 records, through the same runner that prints the README table. It keeps the benchmarks
 * compiling and running; a benchmark that throws fails the build. It measures nothing.
 */
class BenchmarkSmokeTest {
  @Test
  void everyBenchmarkRunsAt10000Records() throws Exception {
    // A concurrent JMH run elsewhere on the machine must not fail the build.
    System.setProperty("jmh.ignoreLock", "true");
    List<BenchmarkTable.Row> rows =
        BenchmarkTable.measure(
            BenchmarkTable.options(List.of(10_000L), 0, true, List.of("-Xmx1g")));

    assertEquals(1, rows.size());
    BenchmarkTable.Row row = rows.get(0);
    assertEquals(10_000, row.targetRecords());
    assertTrue(Math.abs(row.records() - 10_000) <= 200, "records: " + row.records());
    assertTrue(row.itamMillis() > 0, "itam: " + row);
    assertTrue(row.duckDbMillis() > 0, "DuckDB: " + row);
    assertTrue(row.firstFitMillis() > 0, "first fit: " + row);
    assertTrue(row.heapPeakMb() > 0, "heap: " + row);
    System.out.print(BenchmarkTable.markdown(rows, 0, true));
  }
}
