package io.itam.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.synthetic.SyntheticEstate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact allocation never reports a costlier shortfall than first fit on the same estate, and
 * both count the same demand: if this fails, the exact engine is not optimal (or first fit counts
 * different records).
 */
class ExactVersusFirstFitTest {
  @ParameterizedTest(name = "{0} devices, seed {1}")
  @CsvSource({"300, 1", "300, 2", "900, 3", "1500, 4"})
  void shortfallCost_exactAtMostFirstFit_sameDemand(int devices, long seed) {
    Estate estate = SyntheticEstate.generate(devices, seed);
    assertTrue(estate.recordCount() >= 9_000 && estate.recordCount() <= 55_000);

    QualityReport.Comparison comparison = QualityReport.compare(estate, 2);
    Position exact = comparison.exact();
    Position firstFit = comparison.firstFit();

    assertTrue(
        exact.summary().shortfallCost().compareTo(firstFit.summary().shortfallCost()) <= 0,
        "exact "
            + exact.summary().shortfallCost()
            + " > first fit "
            + firstFit.summary().shortfallCost());
    assertEquals(exact.accounting(), firstFit.accounting(), "records counted");
    assertEquals(products(exact), products(firstFit), "products with demand");
    assertTrue(exact.notes().isEmpty(), "every pool solved exactly: " + exact.notes());
  }

  @Test
  void print_writesBothRowsAndTheDifference() {
    BenchmarkEstate estate = BenchmarkEstate.generate(10_000, BenchmarkEstate.SEED);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QualityReport.print(
        estate,
        1,
        QualityReport.compare(estate.estate(), 1),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("| exact | "), report);
    assertTrue(report.contains("| first fit | "), report);
    assertTrue(report.toLowerCase(Locale.ROOT).contains("first fit reports"), report);
  }

  private static Set<String> products(Position position) {
    return position.products().stream()
        .map(ProductPosition::product)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
