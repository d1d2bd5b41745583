package io.itam.cli;

import static io.itam.cli.Cli.itam;
import static io.itam.cli.Cli.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.cli.Cli.Run;
import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.io.position.PositionCsv;
import io.itam.io.position.PositionCycloneDx;
import io.itam.io.position.PositionHtml;
import io.itam.io.position.PositionReport;
import io.itam.io.position.PositionWriter;
import io.itam.model.Estate;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats {@code itam reconcile} writes besides the table and JSON: {@code --format csv} (one
 * file per view into {@code --output DIR}), {@code html} and {@code cyclonedx} (to stdout or {@code
 * --output FILE}); {@code --detail} applies to each, {@code --width} to the table only.
 */
class ItamCliFormatsTest {
  /** Three desktops with Visio, two licences bought in 2025: one short. */
  private static final String SHORT =
      """
      {
        "format": 1,
        "asOf": "2026-11-27",
        "currency": "EUR",
        "organization": [{"id": "acme"}],
        "products": [{"id": "visio", "publisher": "Microsoft", "name": "Visio",
                      "versions": [{"name": "2021"}]}],
        "licenseModels": [{"id": "visio-device", "product": "visio", "metric": {"type": "device"}}],
        "entitlements": [{"id": "PO-1/1", "licenseModel": "visio-device", "quantity": 2,
                          "scope": "acme", "unitPrice": "300.00", "validFrom": "2025-01-01",
                          "reference": "PO-1"}],
        "devices": [{"id": "pc-1", "kind": "desktop", "unit": "acme"},
                    {"id": "pc-2", "kind": "desktop", "unit": "acme"},
                    {"id": "pc-3", "kind": "desktop", "unit": "acme"}],
        "installations": [{"device": "pc-1", "product": "visio", "version": "2021"},
                          {"device": "pc-2", "product": "visio", "version": "2021"},
                          {"device": "pc-3", "product": "visio", "version": "2021"}]
      }
      """;

  private static final String HINT =
      "usage: itam reconcile [OPTIONS] FILE; run 'itam reconcile --help' for the options\n";

  @TempDir Path dir;
  private Path estateFile;
  private Estate estate;

  @BeforeEach
  void writeEstate() throws IOException {
    estateFile = write(dir, "estate.json", SHORT);
    estate = EstateReader.create().read(estateFile);
  }

  private Position position(Detail detail) {
    return Reconciler.create(ReconcileOptions.DEFAULTS.withDetail(detail)).reconcile(estate);
  }

  /** The report the CLI writes: the position with its estate. */
  private PositionReport report(Detail detail) {
    return PositionReport.of(position(detail)).withEstate(estate);
  }

  private static List<String> files(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---- csv -----------------------------------------------------------------------------------

  @Test
  void csv_writesOneFilePerView_thatReadBackAsThePosition() throws IOException {
    Path out = dir.resolve("position");

    Run run = itam("reconcile", estateFile.toString(), "--format", "csv", "--output", "" + out);

    assertEquals(new Run(0, "", ""), run);
    List<String> expected =
        Stream.of(PositionCsv.View.values()).map(PositionCsv.View::fileName).sorted().toList();
    assertEquals(expected, files(out));
    assertEquals(position(Detail.ALL), PositionCsv.create().read(out));
    assertEquals(
        PositionCsv.create().writeString(position(Detail.ALL), PositionCsv.View.SHORTFALLS),
        Files.readString(out.resolve("shortfalls.csv"), UTF_8));

    Run again =
        itam(
            "reconcile",
            estateFile.toString(),
            "--format=csv",
            "--output",
            out.toString(),
            "--detail",
            "summary");
    assertEquals(0, again.exit(), again.err());
    assertEquals(expected, files(out), "replaced, nothing left over");
    assertEquals(
        1, Files.readAllLines(out.resolve("allocations.csv"), UTF_8).size(), "the header only");
  }

  @Test
  void csv_needsAnOutputDirectory() throws IOException {
    Path file = write(dir, "taken.txt", "x");

    assertEquals(
        new Run(
            2,
            "",
            "error: --format csv writes one file per view: it needs --output DIR, a directory\n"
                + HINT),
        itam("reconcile", estateFile.toString(), "--format", "csv"));
    assertEquals(
        new Run(
            2,
            "",
            "error: "
                + file
                + ": not a directory: --format csv writes one file per view into --output DIR\n"),
        itam("reconcile", estateFile.toString(), "--format", "csv", "--output", file.toString()));
    Path deep = dir.resolve("no/such/dir");
    assertEquals(
        new Run(
            2,
            "",
            "error: " + deep + ": cannot write: no such directory " + deep.getParent() + "\n"),
        itam("reconcile", estateFile.toString(), "--format", "csv", "--output", deep.toString()));
    assertEquals("x", Files.readString(file, UTF_8));
  }

  // ---- html ----------------------------------------------------------------------------------

  @Test
  void html_toStdoutOrAFile_isTheReportWithEveryDetailByDefault() throws IOException {
    Path report = dir.resolve("report.html");

    Run stdout = itam("reconcile", estateFile.toString(), "--format", "html");
    Run file =
        itam("reconcile", estateFile.toString(), "--format", "html", "--output", "" + report);
    Run summary =
        itam("reconcile", estateFile.toString(), "--format", "html", "--detail", "summary");

    String expected = PositionHtml.create().writeString(report(Detail.ALL));
    assertEquals(new Run(0, expected, ""), stdout);
    assertEquals(new Run(0, "", ""), file);
    assertEquals(expected, Files.readString(report, UTF_8));
    assertEquals(List.of("estate.json", "report.html"), files(dir));
    assertEquals(
        new Run(0, PositionHtml.create().writeString(report(Detail.SUMMARY)), ""), summary);
    assertFalse(summary.out().equals(stdout.out()));
  }

  @Test
  void width_appliesToTheTableOnly() {
    for (String format : List.of("json", "csv", "html", "cyclonedx")) {
      assertEquals(
          new Run(2, "", "error: --width applies to --format table only\n" + HINT),
          itam("reconcile", estateFile.toString(), "--format", format, "--width", "80"),
          format);
    }
  }

  // ---- cyclonedx -----------------------------------------------------------------------------

  @Test
  void cyclonedx_writesTheLicences_andReadsBackAsTheEntitlements() throws IOException {
    Path bom = dir.resolve("position.cdx.json");

    Run stdout = itam("reconcile", estateFile.toString(), "--format", "cyclonedx");
    Run file =
        itam("reconcile", estateFile.toString(), "--format", "cyclonedx", "--output", "" + bom);

    String expected = PositionCycloneDx.writeString(position(Detail.ALL), estate);
    assertEquals(new Run(0, expected, ""), stdout);
    assertTrue(expected.contains("\"itam:consumed\""), expected);
    assertEquals(new Run(0, "", ""), file);
    assertEquals(expected, Files.readString(bom, UTF_8));

    Path withoutPurchases =
        write(
            dir,
            "without.json",
            SHORT.replaceAll("(?s)\"entitlements\": \\[.*?\\}\\],", "\"entitlements\": [],"));
    Run again =
        itam(
            "reconcile",
            withoutPurchases.toString(),
            "--cyclonedx",
            bom.toString(),
            "--format",
            "json");
    assertEquals(new Run(0, PositionWriter.create().writeString(position(Detail.ALL)), ""), again);
  }
}
