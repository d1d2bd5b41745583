package io.itam.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.cli.Cli.Run;
import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.io.position.PositionReader;
import io.itam.io.position.PositionReport;
import io.itam.io.position.PositionTable;
import io.itam.io.position.PositionWriter;
import io.itam.model.position.Position;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItamCliTest {
  /** Two desktops with Visio, two device licences valid until the end of 2026: compliant. */
  private static final String COMPLIANT =
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
                          "scope": "acme", "unitPrice": "300.00", "validUntil": "2026-12-31"}],
        "devices": [{"id": "pc-1", "kind": "desktop", "unit": "acme"},
                    {"id": "pc-2", "kind": "desktop", "unit": "acme"}],
        "installations": [{"device": "pc-1", "product": "visio", "version": "2021"},
                          {"device": "pc-2", "product": "visio", "version": "2021"}]
      }
      """;

  /** Three desktops with Visio, two licences sold in packs of 5: one short, buy one pack. */
  private static final String SHORT =
      """
      {
        "format": 1,
        "asOf": "2026-11-27",
        "currency": "EUR",
        "organization": [{"id": "acme"}],
        "products": [{"id": "visio", "publisher": "Microsoft", "name": "Visio",
                      "versions": [{"name": "2021"}]}],
        "licenseModels": [{"id": "visio-device", "product": "visio",
                           "metric": {"type": "device", "packSize": 5}}],
        "entitlements": [{"id": "PO-1/1", "licenseModel": "visio-device", "quantity": 2,
                          "scope": "acme", "unitPrice": "300.00"}],
        "devices": [{"id": "pc-1", "kind": "desktop", "unit": "acme"},
                    {"id": "pc-2", "kind": "desktop", "unit": "acme"},
                    {"id": "pc-3", "kind": "desktop", "unit": "acme"}],
        "installations": [{"device": "pc-1", "product": "visio", "version": "2021"},
                          {"device": "pc-2", "product": "visio", "version": "2021"},
                          {"device": "pc-3", "product": "visio", "version": "2021"}]
      }
      """;

  /** Six problems: an unknown field, unknown references, a bad kind, a negative quantity. */
  static final String BROKEN =
      """
      {
        "format": 1,
        "asOf": "2026-11-27",
        "currency": "EUR",
        "colour": "blue",
        "organization": [{"id": "acme"}],
        "products": [{"id": "visio", "publisher": "Microsoft", "name": "Visio",
                      "versions": [{"name": "2021"}]}],
        "licenseModels": [{"id": "visio-device", "product": "visio", "metric": {"type": "device"}}],
        "entitlements": [{"id": "PO-1/1", "licenseModel": "visio-pro", "quantity": -2}],
        "devices": [{"id": "vm-1", "kind": "vm", "unit": "acme", "host": "esx-9"},
                    {"id": "pc-1", "kind": "tablet", "unit": "acme"}],
        "installations": [{"device": "pc-9", "product": "visio", "version": "2021"}]
      }
      """;

  static final List<String> BROKEN_PROBLEMS =
      List.of(
          "  colour: unknown field \"colour\"",
          "  devices[0].host: unknown device \"esx-9\"",
          "  devices[1].kind: unknown device kind \"tablet\" (expected one of: server, vm, cloud,"
              + " desktop, laptop, mobile)",
          "  entitlements[0].licenseModel: unknown licence model \"visio-pro\"",
          "  entitlements[0].quantity: must not be negative, was -2",
          "  installations[0].device: unknown device \"pc-9\"");

  @TempDir Path dir;

  private static Run itam(String... args) {
    return Cli.itam(args);
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, UTF_8);
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Position reconcile(Path estate, ReconcileOptions options) throws IOException {
    return Reconciler.create(options).reconcile(EstateReader.create().read(estate));
  }

  private static void assertNoStackTrace(String err) {
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("\tat "), err);
  }

  // ---- reconcile -----------------------------------------------------------------------------

  @Test
  void reconcile_compliant_printsTheTableOnStdoutOnly() throws IOException {
    Path estate = file("estate.json", COMPLIANT);

    Run run = itam("reconcile", estate.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertEquals(
        PositionTable.create()
            .render(
                PositionReport.of(reconcile(estate, ReconcileOptions.DEFAULTS))
                    .withEstate(EstateReader.create().read(estate))),
        run.out());
    assertTrue(run.out().contains("\nstatus          COMPLIANT\n"), run.out());
  }

  @Test
  void reconcile_short_tableShowsTheShortfallAndRemedy() throws IOException {
    Path estate = file("estate.json", SHORT);

    Run run = itam("reconcile", estate.toString(), "--detail", "all", "--width", "80");
    Run wide = itam("reconcile", estate.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("\nstatus          NOT COMPLIANT\n"), run.out());
    assertTrue(run.out().contains("\nshortfall cost  1,500.00 EUR\n"), run.out());
    assertTrue(wide.out().contains("  buy 1 × 5-pack = 5\n"), wide.out());
    assertTrue(run.out().contains("\nALLOCATIONS (2)\n"), run.out());
    for (String line : run.out().split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
  }

  @Test
  void reconcile_json_printsThePositionDocument() throws IOException {
    Path estate = file("estate.json", SHORT);

    Run run = itam("reconcile", "--format=json", estate.toString());

    assertEquals(0, run.exit(), run.err());
    Position expected = reconcile(estate, ReconcileOptions.DEFAULTS);
    assertEquals(PositionWriter.create().writeString(expected), run.out());
    assertEquals(expected, PositionReader.create().read(run.out()));
  }

  @Test
  void reconcile_output_writesTheFileAndNothingElse() throws IOException {
    Path estate = file("estate.json", SHORT);
    Path output = dir.resolve("position.json");

    Run first = itam("reconcile", estate.toString(), "--format", "json", "--output", "" + output);
    assertEquals(0, first.exit(), first.err());
    assertEquals("", first.out());
    assertEquals("", first.err());
    assertEquals(
        PositionWriter.create().writeString(reconcile(estate, ReconcileOptions.DEFAULTS)),
        Files.readString(output, UTF_8));

    Run second = itam("reconcile", estate.toString(), "--output", output.toString());
    assertEquals(0, second.exit(), second.err());
    assertTrue(Files.readString(output, UTF_8).startsWith("EFFECTIVE LICENCE POSITION\n"));
    assertEquals(List.of("estate.json", "position.json"), filesInDir());
  }

  @Test
  void reconcile_outputInMissingDirectory_exits2AndWritesNothing() throws IOException {
    Path estate = file("estate.json", SHORT);

    Run run = itam("reconcile", estate.toString(), "--output", dir.resolve("no/p.json").toString());

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: " + dir.resolve("no/p.json") + ": cannot write"));
    assertNoStackTrace(run.err());
    assertEquals(List.of("estate.json"), filesInDir());
  }

  @Test
  void reconcile_outputIsTheEstate_exits2AndKeepsTheEstate() throws IOException {
    Path estate = file("estate.json", SHORT);

    Run run = itam("reconcile", estate.toString(), "--output", estate.toString());

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("the estate document being reconciled"), run.err());
    assertEquals(SHORT, Files.readString(estate, UTF_8));
  }

  @Test
  void reconcile_asOf_changesThePositionDate() throws IOException {
    Path estate = file("estate.json", COMPLIANT);

    Run run = itam("reconcile", estate.toString(), "--as-of", "2027-01-15", "--format", "json");

    assertEquals(0, run.exit(), run.err());
    Position position = PositionReader.create().read(run.out());
    assertEquals(LocalDate.of(2027, 1, 15), position.asOf());
    assertFalse(position.compliant(), "the only entitlement expired on 2026-12-31");
    assertEquals(
        reconcile(estate, ReconcileOptions.DEFAULTS.withAsOf(LocalDate.of(2027, 1, 15))), position);
  }

  @Test
  void reconcile_badAsOf_exits2NamingTheValue() throws IOException {
    Path estate = file("estate.json", COMPLIANT);

    Run run = itam("reconcile", estate.toString(), "--as-of", "2027-02-30");

    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertTrue(
        run.err()
            .startsWith(
                "error: Invalid value for option '--as-of': not a date (YYYY-MM-DD):"
                    + " \"2027-02-30\"\n"),
        run.err());
  }

  @Test
  void reconcile_failOnShortfall_exits1OnlyWhenShort() throws IOException {
    Path compliant = file("compliant.json", COMPLIANT);
    Path shortEstate = file("short.json", SHORT);

    Run ok = itam("reconcile", compliant.toString(), "--fail-on-shortfall");
    Run shortWithout = itam("reconcile", shortEstate.toString());
    Run shortWith = itam("reconcile", shortEstate.toString(), "--fail-on-shortfall");

    assertEquals(0, ok.exit(), ok.err());
    assertEquals("", ok.err());
    assertEquals(0, shortWithout.exit(), shortWithout.err());
    assertEquals(1, shortWith.exit());
    assertEquals("not compliant: 1 shortfall, shortfall cost 1500.00 EUR\n", shortWith.err());
    assertEquals(shortWithout.out(), shortWith.out());
  }

  @Test
  void reconcile_optionErrors_exit2WithAUsageHint() throws IOException {
    String estate = file("estate.json", COMPLIANT).toString();
    String hint =
        "usage: itam reconcile [OPTIONS] FILE; run 'itam reconcile --help' for the options\n";

    assertEquals(
        new Run(2, "", "error: Unknown option: '--bogus'\n" + hint),
        itam("reconcile", "--bogus", estate));
    assertEquals(
        new Run(2, "", "error: --width: must be from 40 to 100000, was 39\n" + hint),
        itam("reconcile", estate, "--width", "39"));
    assertEquals(
        new Run(2, "", "error: --width applies to --format table only\n" + hint),
        itam("reconcile", estate, "--format", "json", "--width", "80"));
    assertEquals(
        new Run(
            2,
            "",
            "error: --format: expected one of table, json, csv, html, xlsx, cyclonedx, was"
                + " \"xml\"\n"
                + hint),
        itam("reconcile", estate, "--format", "xml"));
    assertEquals(
        new Run(
            2,
            "",
            "error: Invalid value for option '--threads': not a whole number: \"many\"\n" + hint),
        itam("reconcile", estate, "--threads", "many"));
    assertEquals(
        new Run(2, "", "error: Missing required parameter for option '--output' (FILE)\n" + hint),
        itam("reconcile", estate, "--output"));
    assertEquals(
        new Run(
            2,
            "",
            "error: Invalid value for option '--fail-on-shortfall': 'yes' is not a boolean\n"
                + hint),
        itam("reconcile", estate, "--fail-on-shortfall=yes"));
    assertEquals(
        new Run(2, "", "error: option '--width' (N) should be specified only once\n" + hint),
        itam("reconcile", estate, "--width", "50", "--width=60"));
    assertEquals(
        new Run(2, "", "error: Missing required parameter: 'FILE'\n" + hint),
        itam("reconcile", "--debug"));
    assertEquals(
        new Run(2, "", "error: Unmatched argument at index 2: 'extra.json'\n" + hint),
        itam("reconcile", estate, "extra.json"));
  }

  @Test
  void reconcile_threads_giveTheSamePosition() throws IOException {
    Path estate = file("estate.json", SHORT);

    Run one = itam("reconcile", estate.toString(), "--threads", "1", "--format", "json");
    Run four = itam("reconcile", estate.toString(), "--threads", "4", "--format", "json");

    assertEquals(0, one.exit(), one.err());
    assertEquals(one, four);
  }

  @Test
  void reconcile_missingFile_exits2() {
    String missing = dir.resolve("missing.json").toString();

    assertEquals(
        new Run(2, "", "error: " + missing + ": no such file\n"), itam("reconcile", missing));
  }

  @Test
  void reconcile_directory_exits2() {
    assertEquals(
        new Run(2, "", "error: " + dir + ": is a directory, not an estate document\n"),
        itam("reconcile", dir.toString()));
  }

  @Test
  void reconcile_unknownFieldAllowed_reconciles() throws IOException {
    Path estate =
        file("estate.json", COMPLIANT.replace("\"format\": 1,", "\"format\": 1, \"x\": 1,"));

    Run strict = itam("reconcile", estate.toString());
    Run lenient = itam("reconcile", estate.toString(), "--allow-unknown-fields");

    assertEquals(
        new Run(2, "", "error: " + estate + ": 1 problem:\n  x: unknown field \"x\"\n"), strict);
    assertEquals(0, lenient.exit(), lenient.err());
  }

  @Test
  void reconcile_outputThatThrows_isAnInternalErrorWithoutStackTrace() throws IOException {
    Path estate = file("estate.json", COMPLIANT);
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int b) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void write(byte[] b, int off, int len) {
            throw new IllegalStateException("boom");
          }
        };
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        ItamCli.run(
            new String[] {"reconcile", estate.toString()},
            new ItamCli.Terminal(
                InputStream.nullInputStream(),
                new PrintStream(failing, true, UTF_8),
                new PrintStream(err, true, UTF_8)));
    ByteArrayOutputStream debugErr = new ByteArrayOutputStream();
    int debugExit =
        ItamCli.run(
            new String[] {"reconcile", estate.toString(), "--debug"},
            new ItamCli.Terminal(
                InputStream.nullInputStream(),
                new PrintStream(failing, true, UTF_8),
                new PrintStream(debugErr, true, UTF_8)));

    assertEquals(3, exit);
    assertEquals(
        "internal error: boom\n"
            + "this is a bug in itam: rerun with --debug to see the stack trace, and report it\n",
        err.toString(UTF_8));
    assertEquals(3, debugExit);
    assertTrue(debugErr.toString(UTF_8).startsWith("internal error: boom\n"));
    assertTrue(debugErr.toString(UTF_8).contains("\tat "), debugErr.toString(UTF_8));
  }

  // ---- validate ------------------------------------------------------------------------------

  @Test
  void validate_validFile_printsTheRecordCount() throws IOException {
    Path estate = file("estate.json", COMPLIANT);

    assertEquals(
        new Run(0, "valid: " + estate + ": 8 records\n", ""), itam("validate", estate.toString()));
  }

  @Test
  void validate_brokenFile_listsEveryProblemOnStderr() throws IOException {
    Path estate = file("broken.json", BROKEN);

    Run run = itam("validate", estate.toString(), "--debug");

    assertEquals(2, run.exit());
    assertEquals("", run.out());
    List<String> expected = new ArrayList<>();
    expected.add("error: " + estate + ": 6 problems:");
    expected.addAll(BROKEN_PROBLEMS);
    assertEquals(String.join("\n", expected) + "\n", run.err());
    assertNoStackTrace(run.err());
  }

  @Test
  void validate_truncatedJson_exits2WithLineAndColumn() throws IOException {
    Path estate =
        file("truncated.json", "{\"format\": 1,\n \"asOf\": \"2026-11-27\",\n \"devices\": [");

    Run run = itam("validate", estate.toString());

    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("error: " + estate + ": 1 problem:\n"), run.err());
    assertTrue(run.err().contains("malformed JSON at line 3, column "), run.err());
    assertTrue(run.err().contains("unexpected end of input"), run.err());
    assertNoStackTrace(run.err());
  }

  @Test
  void validate_notUtf8_exits2() throws IOException {
    Path estate = dir.resolve("utf16.json");
    Files.write(estate, COMPLIANT.getBytes(java.nio.charset.StandardCharsets.UTF_16));

    Run run = itam("validate", estate.toString());

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("not UTF-8"), run.err());
    assertNoStackTrace(run.err());
  }

  @Test
  void validate_unknownOption_exits2WithAUsageHint() throws IOException {
    Path estate = file("estate.json", COMPLIANT);

    assertEquals(
        new Run(
            2,
            "",
            "error: Unknown options: '--as-of', '2026-01-01'\n"
                + "usage: itam validate [OPTIONS] FILE; run 'itam validate --help' for the"
                + " options\n"),
        itam("validate", estate.toString(), "--as-of", "2026-01-01"));
  }

  @Test
  void reconcile_withALibraryOfOnesOwn_resolvesBasedOn() throws IOException {
    Path library = Cli.DATA.resolve("publisher/acme-library.json");
    Path estate =
        file(
            "estate.json",
            """
            {"format": 1, "asOf": "2026-11-27", "organization": [{"id": "hq"}],
             "products": [{"id": "a", "editions": ["Viewer", "Enterprise"]}],
             "licenseModels": [{"id": "core", "basedOn": "acme/analytics-core", "product": "a"}],
             "devices": [{"id": "s", "kind": "server", "unit": "hq", "processors": 1,
                          "coresPerProcessor": 2, "cpu": "Intel Xeon"}],
             "installations": [{"device": "s", "product": "a", "edition": "Enterprise"}]}
            """);
    Run without = itam("validate", estate.toString());
    assertEquals(2, without.exit());
    assertTrue(
        without.err().contains("unknown library model \"acme/analytics-core\""), without.err());
    Run with =
        itam("reconcile", estate.toString(), "--library", library.toString(), "--format", "json");
    assertEquals(0, with.exit(), with.err());
    assertTrue(with.out().contains("\"required\": 8"), with.out());
  }

  // ---- generate and progress -----------------------------------------------------------------

  @Test
  void generate_writesAValidSeededEstate_sameSeedSameBytes() throws IOException {
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    Run run = itam("generate", "--devices", "40", "--seed", "5", "--output", first.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(
        run.err()
            .matches(
                "generated \\d+ devices, \\d+ installations, \\d+ entitlements \\(\\d+ records\\)\n"),
        run.err());
    itam("generate", "--devices", "40", "--seed", "5", "--output", second.toString());
    assertEquals(Files.readString(first), Files.readString(second));

    Run other = itam("generate", "--devices", "40", "--seed", "6");
    assertEquals(0, other.exit(), other.err());
    assertFalse(other.out().equals(Files.readString(first)), "another seed, another estate");

    Run valid = itam("validate", first.toString());
    assertEquals(0, valid.exit(), valid.err());
    assertTrue(valid.out().startsWith("valid: "), valid.out());
  }

  @Test
  void generate_usageErrors_exit2() {
    String hint = "usage: itam generate [OPTIONS]; run 'itam generate --help' for the options\n";
    assertEquals(
        new Run(2, "", "error: Missing required option: '--devices=N'\n" + hint), itam("generate"));
    assertEquals(
        new Run(
            2,
            "",
            "error: Invalid value for option '--devices': not a whole number: \"many\"\n" + hint),
        itam("generate", "--devices", "many"));
    assertEquals(
        new Run(2, "", "error: --devices: must be from 10 to 5000000, was 5\n" + hint),
        itam("generate", "--devices", "5"));
    assertEquals(
        new Run(2, "", "error: Unmatched argument at index 1: 'x.json'\n" + hint),
        itam("generate", "x.json", "--devices", "10"));
  }

  @Test
  void progress_reportsEveryPhaseOnStderr_andLeavesStdoutAlone() throws IOException {
    Path estate = dir.resolve("estate.json");
    itam("generate", "--devices", "30", "--output", estate.toString());

    Run quiet = itam("reconcile", estate.toString(), "--format", "json");
    Run loud = itam("reconcile", estate.toString(), "--format", "json", "--progress");

    assertEquals(0, loud.exit(), loud.err());
    assertEquals(quiet.out(), loud.out(), "progress goes to stderr only");
    List<String> phases = new ArrayList<>();
    for (String line : loud.err().split("\n")) {
      assertTrue(line.startsWith("progress: "), line);
      if (line.endsWith("…")) {
        phases.add(line.substring("progress: ".length(), line.length() - 1));
      }
    }
    assertEquals(
        List.of("read", "validate", "index", "demand", "allocate", "position", "write"), phases);
    assertTrue(loud.err().contains("progress: finished in "), loud.err());
    assertTrue(loud.err().contains("peak heap "), loud.err());
  }

  @Test
  void detail_appliesToJsonToo() throws IOException {
    Path estate = dir.resolve("estate.json");
    itam("generate", "--devices", "30", "--output", estate.toString());
    Run all = itam("reconcile", estate.toString(), "--format", "json");
    Run summary = itam("reconcile", estate.toString(), "--format", "json", "--detail", "summary");
    assertEquals(0, summary.exit(), summary.err());
    assertFalse(all.out().contains("\"detail\""), "all is the default and not written");
    assertTrue(summary.out().contains("\"detail\": \"summary\""), summary.out());
    assertTrue(summary.out().length() < all.out().length());
  }

  // ---- memory --------------------------------------------------------------------------------

  /**
   * An estate too large for the heap fails before any work with exit 4 and the estimate, not with
   * an OutOfMemoryError halfway. A child JVM with a 64 MB heap reconciles about 100,000 records
   * with detail {@code all} (about 1,000 bytes a record, {@code Reconciler.BYTES_PER_RECORD}).
   */
  @Test
  void reconcile_estateTooLargeForTheHeap_exits4WithTheXmxToTry() throws Exception {
    Path estate = dir.resolve("large.json");
    Run generated =
        itam("generate", "--devices", "3000", "--seed", "1", "--output", estate.toString());
    assertEquals(0, generated.exit(), generated.err());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                ItamCli.class.getName(),
                "reconcile",
                estate.toString(),
                "--format",
                "json",
                "--detail",
                "all")
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish in 120 s");

    String err = Files.readString(dir.resolve("stderr.txt"), UTF_8);
    assertEquals(ItamCli.EXIT_OUT_OF_MEMORY, process.exitValue(), err);
    assertEquals("", Files.readString(dir.resolve("stdout.txt"), UTF_8));
    List<String> lines = err.lines().toList();
    assertEquals(2, lines.size(), err);
    assertTrue(
        lines
            .get(0)
            .matches(
                "error: not enough memory: reconciling [0-9,]+ records with detail all needs about"
                    + " [0-9,]+ MB of heap, but [0-9,]+ MB of the maximum [0-9,]+ MB is free; give the"
                    + " JVM more heap \\(-Xmx\\) or ask for less detail \\(summary\\)"),
        err);
    assertTrue(
        lines
            .get(1)
            .matches(
                "rerun with a larger heap, for example: java -Xmx[0-9]+m -jar itam.jar \\.\\.\\."),
        err);
    assertFalse(err.contains("OutOfMemoryError") || err.contains("\tat "), err);
  }

  @Test
  void suggestedHeap_isTheNeedPlusAQuarterRoundedUpTo256Megabytes() {
    assertEquals(256, ItamCli.suggestedHeapMegabytes(0));
    assertEquals(256, ItamCli.suggestedHeapMegabytes(100L << 20));
    assertEquals(512, ItamCli.suggestedHeapMegabytes(300L << 20));
    assertEquals(1280, ItamCli.suggestedHeapMegabytes(1000L << 20));
    assertEquals(10240, ItamCli.suggestedHeapMegabytes(8000L << 20));
  }

  // ---- help, version, usage ------------------------------------------------------------------

  @Test
  void help_ofTheTool_listsEveryCommandAndTheExitStatus() {
    for (String[] args :
        List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
      Run run = itam(args);
      assertEquals(0, run.exit(), run.err());
      assertEquals("", run.err());
      assertTrue(run.out().startsWith("Usage: itam [-hqV] [--debug] COMMAND\n"), run.out());
      for (String command :
          List.of("reconcile", "validate", "diff", "generate", "help", "completion")) {
        assertTrue(run.out().contains("\n  " + command + " "), command + " in " + run.out());
      }
      assertTrue(run.out().contains("4  not enough memory"), run.out());
    }
  }

  @Test
  void help_ofACommand_isGeneratedFromItsOptions() {
    for (String[] args :
        List.of(
            new String[] {"help", "reconcile"},
            new String[] {"reconcile", "--help"},
            new String[] {"reconcile", "-h"},
            new String[] {"--debug", "help", "reconcile"})) {
      Run run = itam(args);
      assertEquals(0, run.exit(), run.err());
      assertTrue(run.out().startsWith("Usage: itam reconcile [OPTIONS] FILE\n"), run.out());
      for (String option :
          List.of(
              "--format=FORMAT",
              "--detail=LEVEL",
              "-o, --output=FILE",
              "--previous=FILE",
              "--locale=TAG",
              "--expiring-within=DAYS",
              "--csv=DIR",
              "--swid=DIR",
              "--cyclonedx=FILE",
              "-q, --quiet",
              "--debug",
              "-V, --version")) {
        assertTrue(run.out().contains(option), option + " in " + run.out());
      }
    }
    assertTrue(itam("validate", "-h").out().startsWith("Usage: itam validate [OPTIONS] FILE\n"));
    assertTrue(itam("diff", "--help").out().startsWith("Usage: itam diff [OPTIONS] OLD NEW\n"));
    assertTrue(itam("generate", "--help").out().contains("--devices=N"));
  }

  @Test
  void version_printsTheVersion() {
    assertEquals(new Run(0, "itam " + ItamCli.version() + "\n", ""), itam("--version"));
    assertEquals(new Run(0, "itam " + ItamCli.version() + "\n", ""), itam("-V"));
    assertEquals(new Run(0, "itam " + ItamCli.version() + "\n", ""), itam("reconcile", "-V"));
    assertEquals("dev", ItamCli.version(), "classes outside the jar have no manifest version");
  }

  @Test
  void completion_printsAScriptForEveryCommandAndOption() {
    Run run = itam("completion");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("complete -F _complete_itam"), run.out());
    for (String word : List.of("reconcile", "validate", "diff", "generate", "--format", "--swid")) {
      assertTrue(run.out().contains(word), word);
    }
    assertTrue(
        run.out().contains("(\"table\" \"json\" \"csv\" \"html\" \"xlsx\" \"cyclonedx\")"),
        "--format's values");
  }

  @Test
  void usageMistakes_exit2_sayingWhatAndSuggesting() {
    Run none = itam();
    assertEquals(2, none.exit());
    assertEquals(
        "error: Missing command: reconcile, validate, diff, generate or help\n"
            + "usage: itam [-hqV] [--debug] COMMAND; run 'itam --help' for the options\n",
        none.err());
    Run misspelt = itam("reconcle", "estate.json");
    assertEquals(2, misspelt.exit());
    assertTrue(
        misspelt.err().startsWith("error: Unmatched arguments from index 0"), misspelt.err());
    assertTrue(misspelt.err().contains("Did you mean: itam reconcile"), misspelt.err());
    Run option = itam("reconcile", "estate.json", "--formt", "json");
    assertEquals(2, option.exit());
    assertTrue(option.err().startsWith("error: Unknown options: '--formt', 'json'"), option.err());
    assertTrue(option.err().contains("Possible solutions: --format"), option.err());
    assertTrue(
        option
            .err()
            .endsWith(
                "usage: itam reconcile [OPTIONS] FILE; run 'itam reconcile --help' for the"
                    + " options\n"),
        option.err());
    Run before = itam("--bogus");
    assertEquals(2, before.exit());
    assertTrue(before.err().startsWith("error: Unknown option: '--bogus'"), before.err());
    assertEquals("", none.out() + misspelt.out() + option.out() + before.out());
  }

  @Test
  void quiet_leavesOutTheSummaryButNotTheErrors() throws IOException {
    Path out = dir.resolve("estate.json");
    Run loud = itam("generate", "--devices", "10", "--output", out.toString());
    Run quiet = itam("-q", "generate", "--devices", "10", "--output", out.toString());
    Run quietAfter = itam("generate", "--devices", "10", "--quiet", "-o", out.toString());
    assertTrue(loud.err().startsWith("generated "), loud.err());
    assertEquals(new Run(0, "", ""), quiet);
    assertEquals(new Run(0, "", ""), quietAfter);
    Run broken = itam("-q", "validate", file("broken.json", BROKEN).toString());
    assertEquals(2, broken.exit());
    assertTrue(broken.err().startsWith("error: "), broken.err());
  }

  @Test
  void standardInputAndOutput_areADash() throws IOException {
    Path estate = file("estate.json", SHORT);
    byte[] document = Files.readAllBytes(estate);
    Run fromFile = itam("reconcile", estate.toString(), "--format", "json");
    Run fromStdin = Cli.itamWithInput(document, "reconcile", "-", "--format", "json", "-o", "-");
    assertEquals(fromFile, fromStdin);
    assertEquals(
        new Run(0, "valid: standard input: 10 records\n", ""),
        Cli.itamWithInput(document, "validate", "-"));
    Run broken = Cli.itamWithInput(BROKEN.getBytes(UTF_8), "validate", "-");
    assertEquals(2, broken.exit());
    assertTrue(broken.err().startsWith("error: standard input: 6 problems:\n"), broken.err());
  }
}
