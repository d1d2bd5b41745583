package io.itam.io.estate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of invalid estate documents, in the style of google-java-format's golden tests: every
 * document {@code invalid/NNN-short-name.json} (or {@code .bin} for bytes that are not UTF-8 text)
 * on the classpath is one case, and its sibling {@code NNN-short-name.expected} lists the problems
 * reading it must report, one {@link Problem#toString() path: message} per line, in the order of
 * {@link ValidationException#problems()}. A document without its {@code .expected}, an {@code
 * .expected} without its document, and any other file fail.
 *
 * <p>Each reading must throw a {@link ValidationException} with exactly those problems, never
 * another exception, and finish within {@link #TIMEOUT}. The CLI runs the same corpus in {@code
 * examples}' {@code InvalidInputCliTest}. Inputs too large to store (a 5 MB string, nesting 10 000
 * deep) are built by {@link GeneratedInvalidDocuments}.
 *
 * <p>To add a case: write the document, run this test, check the actual problems it prints, and
 * write them to the {@code .expected} file only when each is right.
 */
class InvalidEstateCorpusTest {
  /** The folder of the corpus, next to this class on the classpath. */
  static final String FOLDER = "invalid";

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** Every file of the corpus folder, sorted by name. */
  static List<Path> corpusFiles() {
    URL url = InvalidEstateCorpusTest.class.getResource(FOLDER);
    if (url == null) {
      throw new AssertionError("corpus folder " + FOLDER + " not on the classpath");
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** The documents of the corpus (not the {@code .expected} files). */
  static Stream<Path> documents() {
    return corpusFiles().stream().filter(InvalidEstateCorpusTest::isDocument);
  }

  static boolean isDocument(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json") || name.endsWith(".bin");
  }

  /** The {@code .expected} file of {@code document}. */
  static Path expectedFile(Path document) {
    String name = document.getFileName().toString();
    return document.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected");
  }

  /** The problems {@code document} must give, one {@code path: message} per line. */
  static List<String> expected(Path document) throws IOException {
    Path expected = expectedFile(document);
    if (!Files.exists(expected)) {
      fail(document.getFileName() + " has no " + expected.getFileName());
    }
    List<String> lines = Files.readAllLines(expected, UTF_8);
    assertFalse(lines.isEmpty(), expected.getFileName() + " is empty: every case has a problem");
    return lines;
  }

  static List<String> lines(ValidationException e) {
    return e.problems().stream().map(Problem::toString).toList();
  }

  // ---- the corpus ----------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void read_ofEachDocument_givesExactlyItsExpectedProblems(Path document) throws IOException {
    List<String> expected = expected(document);

    ValidationException e =
        assertTimeoutPreemptively(
            TIMEOUT,
            () ->
                assertThrows(ValidationException.class, () -> EstateReader.create().read(document)),
            document.getFileName().toString());

    assertEquals(
        String.join("\n", expected),
        String.join("\n", lines(e)),
        document.getFileName() + ": the problems differ from " + expectedFile(document));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void read_ofEachDocument_givesOneLineProblemsOfReadableLength(Path document) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> EstateReader.create().read(document));

    for (Problem problem : e.problems()) {
      assertFalse(problem.toString().contains("\n"), problem.toString());
      assertFalse(problem.toString().contains("\r"), problem.toString());
      assertTrue(problem.toString().length() < 400, problem.toString());
    }
  }

  /** Reading the text or its bytes is the same: same problems, at the same lines and columns. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void read_ofTheTextOfEachJsonDocument_givesTheSameProblems(Path document) throws IOException {
    if (!document.getFileName().toString().endsWith(".json")) {
      return;
    }
    String text = Files.readString(document, UTF_8);

    ValidationException fromText =
        assertThrows(ValidationException.class, () -> EstateReader.create().read(text));
    ValidationException fromBytes =
        assertThrows(
            ValidationException.class,
            () -> EstateReader.create().read(new ByteArrayInputStream(text.getBytes(UTF_8))));

    assertEquals(lines(fromBytes), lines(fromText));
  }

  @Test
  void corpus_hasNoOrphanOrStrayFile() {
    List<String> wrong = new ArrayList<>();
    List<Path> files = corpusFiles();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!name.matches("[0-9]{3}-[a-z0-9-]+\\.(json|bin|expected)")) {
        wrong.add(name + ": not NNN-short-name.json, .bin or .expected");
      } else if (name.endsWith(".expected")) {
        String base = name.substring(0, name.length() - ".expected".length());
        if (!files.contains(file.resolveSibling(base + ".json"))
            && !files.contains(file.resolveSibling(base + ".bin"))) {
          wrong.add(name + ": orphan, no " + base + ".json or .bin");
        }
      } else if (!Files.exists(expectedFile(file))) {
        wrong.add(name + ": no " + expectedFile(file).getFileName());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void corpus_numbersAreUniqueAndTheCorpusIsLargeAndSmall() throws IOException {
    List<Path> documents = documents().toList();
    List<String> numbers =
        documents.stream().map(p -> p.getFileName().toString().substring(0, 3)).toList();
    assertEquals(numbers.size(), numbers.stream().distinct().count(), "duplicate numbers");
    assertTrue(documents.size() >= 70, "only " + documents.size() + " cases");
    long bytes = 0;
    for (Path file : corpusFiles()) {
      bytes += Files.size(file);
    }
    assertTrue(bytes < 200_000, "the corpus takes " + bytes + " bytes; build large inputs in code");
  }

  // ---- inputs built in code --------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.itam.io.estate.GeneratedInvalidDocuments#all")
  void read_ofEachGeneratedDocument_givesExactlyItsExpectedProblems(
      GeneratedInvalidDocuments.Case generated) {
    ValidationException e =
        assertTimeoutPreemptively(
            TIMEOUT,
            () ->
                assertThrows(
                    ValidationException.class,
                    () -> EstateReader.create().read(new ByteArrayInputStream(generated.bytes()))),
            generated.name());

    assertEquals(generated.expected(), lines(e), generated.name());
  }
}
