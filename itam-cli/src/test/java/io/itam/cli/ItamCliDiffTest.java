package io.itam.cli;

import static io.itam.cli.Cli.assertNoStackTrace;
import static io.itam.cli.Cli.itam;
import static io.itam.cli.Cli.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.cli.Cli.Run;
import io.itam.io.position.PositionDiffJson;
import io.itam.io.position.PositionDiffTable;
import io.itam.io.position.PositionReader;
import io.itam.model.position.PositionDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code itam diff OLD NEW}: what changed between two position documents. */
class ItamCliDiffTest {
  /** Desktops with Visio and two licences; {@code %d} desktops, all with Visio. */
  private static final String ESTATE =
      """
      {
        "format": 1,
        "asOf": "2026-11-27",
        "currency": "%s",
        "organization": [{"id": "acme"}],
        "products": [{"id": "visio", "publisher": "Microsoft", "name": "Visio"}],
        "licenseModels": [{"id": "visio-device", "product": "visio", "metric": {"type": "device"}}],
        "entitlements": [{"id": "PO-1/1", "licenseModel": "visio-device", "quantity": 2,
                          "unitPrice": "300.00"}],
        "devices": [%s],
        "installations": [%s]
      }
      """;

  private static final String HINT =
      "usage: itam diff [OPTIONS] OLD NEW; run 'itam diff --help' for the options\n";

  @TempDir Path dir;
  private String before;
  private String after;

  /** The position of an estate of {@code desktops} desktops with Visio, in {@code currency}. */
  private String position(String name, int desktops, String currency) throws IOException {
    StringBuilder devices = new StringBuilder();
    StringBuilder installations = new StringBuilder();
    for (int i = 1; i <= desktops; i++) {
      String separator = i == 1 ? "" : ", ";
      devices.append(separator).append("{\"id\": \"pc-" + i + "\", \"kind\": \"desktop\"}");
      installations
          .append(separator)
          .append("{\"device\": \"pc-" + i + "\", \"product\": \"visio\"}");
    }
    Path estate =
        write(dir, name + "-estate.json", ESTATE.formatted(currency, devices, installations));
    Path position = dir.resolve(name + ".json");
    Run run =
        itam("reconcile", estate.toString(), "--format", "json", "--output", position.toString());
    assertEquals(0, run.exit(), run.err());
    return position.toString();
  }

  private PositionDiff diff(String old, String current) throws IOException {
    return PositionDiff.between(
        PositionReader.create().read(Path.of(old)), PositionReader.create().read(Path.of(current)));
  }

  @BeforeEach
  void positions() throws IOException {
    before = position("october", 2, "EUR");
    after = position("november", 3, "EUR");
  }

  @Test
  void diff_table_listsTheChanges() throws IOException {
    Run run = itam("diff", before, after);

    assertEquals(new Run(0, PositionDiffTable.create().render(diff(before, after)), ""), run);
    assertTrue(run.out().contains("COMPLIANT → NOT COMPLIANT"), run.out());
    assertTrue(run.out().contains("new "), run.out());
    assertEquals(
        new Run(0, PositionDiffTable.create().withWidth(60).render(diff(before, after)), ""),
        itam("diff", "--width", "60", before, after));
  }

  @Test
  void diff_json_toStdoutOrAFile() throws IOException {
    Path out = dir.resolve("changes.json");

    Run stdout = itam("diff", before, after, "--format", "json");
    Run file = itam("diff", before, after, "--format", "json", "--output", out.toString());

    String expected = PositionDiffJson.create().writeString(diff(before, after));
    assertEquals(new Run(0, expected, ""), stdout);
    assertEquals(new Run(0, "", ""), file);
    assertEquals(expected, Files.readString(out, UTF_8));
  }

  @Test
  void diff_ofAPositionWithItself_exits0() throws IOException {
    Run run = itam("diff", before, before);

    assertEquals(new Run(0, PositionDiffTable.create().render(diff(before, before)), ""), run);
  }

  @Test
  void diff_ofDifferentCurrencies_exits2() throws IOException {
    String dollars = position("dollars", 3, "USD");

    assertEquals(
        new Run(
            2,
            "",
            "error: cannot compare "
                + before
                + " with "
                + dollars
                + ": currency mismatch: EUR and USD\n"),
        itam("diff", before, dollars));
  }

  /**
   * A position written by a newer itam may carry fields this one does not know: reported by
   * default, skipped with {@code --allow-unknown-fields}, and the diff is the same as without them.
   */
  @Test
  void diff_unknownFields_reportedUnlessAllowed() throws IOException {
    String json = Files.readString(Path.of(after), UTF_8);
    assertTrue(json.startsWith("{\n"), json);
    Path newer =
        write(dir, "newer.json", "{\n  \"carbonFootprint\": {\"kg\": 12},\n" + json.substring(2));

    Run strict = itam("diff", before, newer.toString());
    assertEquals(2, strict.exit(), strict.err());
    assertTrue(
        strict.err().contains("  carbonFootprint: unknown field \"carbonFootprint\""),
        strict.err());
    assertNoStackTrace(strict.err());

    Run lenient =
        itam("diff", before, newer.toString(), "--allow-unknown-fields", "--format", "json");
    assertEquals(new Run(0, itam("diff", before, after, "--format", "json").out(), ""), lenient);
  }

  @Test
  void diff_badDocuments_exit2ListingBoth() throws IOException {
    String missing = dir.resolve("missing.json").toString();
    Path broken = write(dir, "broken.json", "{\"format\": 1, \"asOf\": \"2026-11-27\", \"x\": 1}");

    Run run = itam("diff", missing, broken.toString());

    assertEquals(2, run.exit());
    assertEquals("", run.out());
    List<String> lines = run.err().lines().toList();
    assertEquals("error: " + missing + ": no such file", lines.get(0));
    assertTrue(lines.get(1).startsWith("error: " + broken + ": "), run.err());
    assertTrue(lines.get(1).endsWith(" problems:"), run.err());
    assertTrue(lines.contains("  x: unknown field \"x\""), run.err());
    assertNoStackTrace(run.err());
    assertEquals(
        new Run(2, "", "error: " + dir + ": is a directory, not a position document\n"),
        itam("diff", dir.toString(), after));
  }

  @Test
  void diff_usageMistakes_exit2() throws IOException {
    assertEquals(
        new Run(2, "", "error: Missing required parameters: 'OLD', 'NEW'\n" + HINT), itam("diff"));
    assertEquals(
        new Run(2, "", "error: Missing required parameter: 'NEW'\n" + HINT), itam("diff", before));
    assertEquals(
        new Run(2, "", "error: OLD and NEW cannot both be standard input\n" + HINT),
        itam("diff", "-", "-"));
    assertEquals(
        new Run(2, "", "error: --width applies to --format table only\n" + HINT),
        itam("diff", before, after, "--format", "json", "--width", "80"));
    assertEquals(
        new Run(2, "", "error: --format: expected one of table, json, was \"html\"\n" + HINT),
        itam("diff", before, after, "--format", "html"));
    assertEquals(
        new Run(
            2,
            "",
            "error: Unknown options: '--detail', 'all'\nPossible solutions: --debug\n" + HINT),
        itam("diff", before, after, "--detail", "all"));
    assertEquals(
        new Run(2, "", "error: " + after + ": cannot write: it is an input\n"),
        itam("diff", before, after, "--output", after));
  }
}
