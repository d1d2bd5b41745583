package io.itam.io.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.itam.io.position.PositionCsv.View;
import io.itam.model.position.Position;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the sample position: one CSV file per view under {@code sample-csv/}, the HTML
 * report of the position alone ({@code sample.html}) and of the report with the estate and the
 * trend since a month before ({@code sample-report.html}), and that report as text at 120 and 80
 * characters, compared byte for byte. To rewrite them after a deliberate change, run the tests with
 * {@code -Ditam.golden.update=true} from the module directory and review the diff (open {@code
 * sample.html} in a browser).
 */
class PositionReportGoldenTest {

  /** Every golden file of this package: its path under the package → how it is rendered. */
  static Map<String, Function<Position, String>> cases() {
    Map<String, Function<Position, String>> cases = new TreeMap<>();
    for (View view : View.values()) {
      cases.put("sample-csv/" + view.fileName(), p -> PositionCsv.create().writeString(p, view));
    }
    cases.put("sample.html", p -> PositionHtml.create().writeString(p));
    cases.put("sample-report.html", p -> PositionHtml.create().writeString(Samples.report()));
    cases.put(
        "sample-report.txt",
        p -> PositionTable.create().withDetail(PositionTable.Detail.ALL).render(Samples.report()));
    cases.put(
        "sample-report-80.txt", p -> PositionTable.create().withWidth(80).render(Samples.report()));
    return cases;
  }

  static Stream<String> caseNames() {
    return cases().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseNames")
  void sample_matchesGolden(String name) {
    String text = cases().get(name).apply(Samples.position());
    if (Samples.updating()) {
      Samples.update(name, text);
    }
    assertEquals(Samples.golden(name), text);
  }

  @Test
  void goldenFiles_haveNoOrphans() throws URISyntaxException, IOException {
    URL dir = PositionReportGoldenTest.class.getResource("report");
    assertNotNull(dir);
    Path root = Paths.get(dir.toURI());
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(f -> !f.endsWith(".class"))
          .forEach(files::add);
    }
    assertEquals(new TreeSet<>(cases().keySet()), files);
  }
}
