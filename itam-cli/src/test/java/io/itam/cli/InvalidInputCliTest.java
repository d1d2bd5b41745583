package io.itam.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.cli.Cli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input through the CLI: every document of the corpus of invalid estates ({@code
 * itam-io/src/test/resources/io/itam/io/estate/invalid}, see itam-io's {@code
 * InvalidEstateCorpusTest}) makes {@code itam validate} and {@code itam reconcile} exit with 2 and
 * list exactly the problems of its {@code .expected} file on standard error, with no stack trace,
 * within {@link #TIMEOUT}. Documents too large to store are written here; random corruptions of a
 * valid document only ever exit with 0, 1 or 2.
 */
class InvalidInputCliTest {
  /** The corpus, read from itam-io's sources (the tests run in the module's directory). */
  private static final Path CORPUS =
      Path.of("../itam-io/src/test/resources/io/itam/io/estate/invalid");

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** A small valid estate: two desktops with Visio, one licence; not compliant. */
  private static final String VALID =
      """
      {
        "format": 1,
        "asOf": "2026-11-27",
        "currency": "EUR",
        "organization": [{"id": "acme"}, {"id": "acme-de", "parent": "acme"}],
        "products": [{"id": "visio", "publisher": "Microsoft", "name": "Visio",
                      "versions": [{"name": "2019", "released": "2018-09-24"},
                                   {"name": "2021", "released": "2021-10-05"}]}],
        "licenseModels": [{"id": "visio-device", "product": "visio", "version": "2021",
                           "metric": {"type": "device", "packSize": 5},
                           "rights": {"versionDowngrade": true}}],
        "entitlements": [{"id": "PO-1/1", "licenseModel": "visio-device", "quantity": 1,
                          "scope": "acme", "unitPrice": "300.00", "validFrom": "2026-01-01",
                          "validUntil": "2026-12-31"}],
        "devices": [{"id": "pc-1", "kind": "desktop", "unit": "acme-de", "primaryUser": "u-1"},
                    {"id": "pc-2", "kind": "desktop", "unit": "acme"}],
        "users": [{"id": "u-1", "unit": "acme-de"}],
        "installations": [{"device": "pc-1", "product": "visio", "version": "2021"},
                          {"device": "pc-2", "product": "visio", "version": "2019",
                           "installed": "2025-03-01"}]
      }
      """;

  @TempDir Path dir;

  private static Run itam(String... args) {
    return Cli.itam(args);
  }

  private static Run itamInTime(String... args) {
    return assertTimeoutPreemptively(TIMEOUT, () -> itam(args), String.join(" ", args));
  }

  static Stream<Path> documents() throws IOException {
    assertTrue(Files.isDirectory(CORPUS), CORPUS.toAbsolutePath() + " is missing");
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<Path> documents =
          files
              .filter(
                  p ->
                      p.getFileName().toString().endsWith(".json")
                          || p.getFileName().toString().endsWith(".bin"))
              .sorted()
              .toList();
      assertTrue(documents.size() >= 70, "only " + documents.size() + " documents in " + CORPUS);
      return documents.stream();
    }
  }

  private static List<String> expected(Path document) throws IOException {
    String name = document.getFileName().toString();
    Path expected = document.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected");
    assertTrue(Files.exists(expected), "no " + expected);
    return Files.readAllLines(expected, UTF_8);
  }

  /** What stderr must be: the file, the number of problems, then one problem per line. */
  private static String report(Path file, List<String> problems) {
    List<String> lines = new ArrayList<>();
    int n = problems.size();
    lines.add("error: " + file + ": " + n + (n == 1 ? " problem:" : " problems:"));
    problems.forEach(p -> lines.add("  " + p));
    return String.join("\n", lines) + "\n";
  }

  private static void assertNoStackTrace(String err) {
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("\tat "), err);
    assertFalse(err.contains("internal error"), err);
  }

  // ---- the corpus ----------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void validate_ofEachCorpusDocument_exits2ListingExactlyItsProblems(Path document)
      throws IOException {
    Run run = itamInTime("validate", document.toString());

    assertEquals(report(document, expected(document)), run.err());
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertNoStackTrace(run.err());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void reconcile_ofEachCorpusDocument_exits2ListingExactlyItsProblems(Path document)
      throws IOException {
    Run run = itamInTime("reconcile", document.toString(), "--format", "json");

    assertEquals(report(document, expected(document)), run.err());
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertNoStackTrace(run.err());
  }

  // ---- inputs too large to store ---------------------------------------------------------------

  private Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json, UTF_8);
  }

  @Test
  void validate_fiveMegabyteString_exits2() throws IOException {
    Path file =
        write(
            "string.json",
            "{\"format\": 1, \"asOf\": \"2026-11-27\", \"organization\": [{\"id\": \""
                + "x".repeat(5_000_000)
                + "\"}]}");

    Run run = itamInTime("validate", file.toString());

    assertEquals(
        report(
            file,
            List.of(
                "organization[0].id: malformed JSON at line 1, column 1111270: a string longer"
                    + " than 1048576 characters")),
        run.err());
    assertEquals(2, run.exit());
    assertNoStackTrace(run.err());
  }

  @Test
  void reconcile_nestingTenThousandDeep_exits2() throws IOException {
    Path file =
        write(
            "deep.json",
            "{\"format\": 1, \"asOf\": \"2026-11-27\", \"devices\": ["
                + "[".repeat(10_000)
                + "]".repeat(10_000)
                + "]}");

    Run run = itamInTime("reconcile", file.toString());

    assertEquals(
        report(
            file,
            List.of(
                "devices[0]: malformed JSON at line 1, column 112: nested deeper than 64 levels",
                "devices[0]: must be an object, was an array")),
        run.err());
    assertEquals(2, run.exit());
    assertNoStackTrace(run.err());
  }

  @Test
  void validate_tenThousandProblems_listsEveryOne() throws IOException {
    StringBuilder json =
        new StringBuilder("{\"format\": 1, \"asOf\": \"2026-11-27\", \"installations\": [");
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      json.append(i == 0 ? "" : ", ").append("{\"device\": \"pc\", \"product\": \"p").append(i);
      json.append("\"}");
      problems.add("installations[" + i + "].device: unknown device \"pc\"");
      problems.add("installations[" + i + "].product: unknown product \"p" + i + "\"");
    }
    Path file = write("many.json", json.append("]}").toString());

    Run run = itamInTime("validate", file.toString());

    assertEquals(report(file, problems), run.err());
    assertEquals(2, run.exit());
  }

  @Test
  void validate_valid_exits0() throws IOException {
    Path file = write("valid.json", VALID);

    Run run = itam("validate", file.toString());

    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertEquals(1, itam("reconcile", file.toString(), "--fail-on-shortfall").exit());
  }

  // ---- random corruptions --------------------------------------------------------------------

  /** Pieces spliced into the document: JSON syntax, other types, extreme numbers, odd text. */
  private static final String[] SNIPPETS = {
    "null",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "-1",
    "0",
    "2.5",
    "1e9",
    "1000000000000",
    "1000000000001",
    "99999999999999999999",
    "true",
    "\"x\"",
    "{}",
    "[]",
    "\"2026-02-30\"",
    "\"1.00 USD\"",
    "\"é中😀\"",
    "\\u0000",
    "\uD800",
    " "
  };

  /**
   * A little fuzzing through the CLI (the reader and engine are fuzzed at length by itam-io's
   * {@code EstateFuzzProperties}): random corruptions of {@link #VALID} only ever exit with 0, 1
   * (not compliant) or 2 (bad input), never 3 (internal error), and never print a stack trace.
   * Seeded; {@code -Ditam.fuzz.tries=N} runs N cases instead of 150.
   */
  @Test
  void reconcile_ofRandomCorruptions_exitsOnlyWith0Or1Or2() throws IOException {
    Random random = new Random(20261127L);
    int tries = Integer.getInteger("itam.fuzz.tries", 150);
    byte[] valid = VALID.getBytes(UTF_8);
    Path file = dir.resolve("fuzz.json");
    for (int t = 0; t < tries; t++) {
      byte[] bytes = valid;
      for (int n = 1 + random.nextInt(3); n > 0; n--) {
        bytes = corrupt(random, bytes);
      }
      Files.write(file, bytes);

      Run run = itamInTime("reconcile", file.toString(), "--fail-on-shortfall", "--threads", "1");

      String document = new String(bytes, UTF_8);
      assertTrue(
          run.exit() == 0 || run.exit() == 1 || run.exit() == 2,
          "exit " + run.exit() + " for:\n" + document + "\n" + run.err());
      assertFalse(run.err().contains("\tat "), document + "\n" + run.err());
      assertFalse(run.err().contains("Exception"), document + "\n" + run.err());
    }
  }

  private static byte[] corrupt(Random random, byte[] bytes) {
    int at = random.nextInt(bytes.length + 1);
    int end = Math.min(bytes.length, at + random.nextInt(30));
    byte[] before = Arrays.copyOf(bytes, at);
    byte[] after = Arrays.copyOfRange(bytes, end, bytes.length);
    return switch (random.nextInt(4)) {
      case 0 -> before;
      case 1 -> concat(before, after);
      case 2 ->
          concat(concat(before, SNIPPETS[random.nextInt(SNIPPETS.length)].getBytes(UTF_8)), after);
      default -> concat(Arrays.copyOf(bytes, end), Arrays.copyOfRange(bytes, at, bytes.length));
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
