package io.itam.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the {@code itam} tool in the test's JVM, and the files its tests read: the sample data of
 * {@code examples}, the ISO/IEC 19770 samples written for this project (itam-io's test resources)
 * and the third-party ones, which are read from {@code ../shared/fixtures/iso19770/} beside the
 * repository (a test that needs one is skipped, saying so, where that directory is absent).
 */
final class Cli {
  /** The repository: the parent of this module's directory. */
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  /** The sample data of the examples module. */
  static final Path DATA = REPOSITORY.resolve("examples/data");

  private static final Path AUTHORED =
      REPOSITORY.resolve("itam-io/src/test/resources/io/itam/io/fixtures/iso19770");
  private static final Path SHARED = REPOSITORY.getParent().resolve("shared/fixtures/iso19770");

  /** The outcome of one run: exit code, stdout and stderr. */
  record Run(int exit, String out, String err) {}

  private Cli() {}

  static Run itam(String... args) {
    return itamWithInput(new byte[0], args);
  }

  /** Runs the tool with {@code input} on its standard input. */
  static Run itamWithInput(byte[] input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ItamCli.run(
            args,
            new ItamCli.Terminal(
                new ByteArrayInputStream(input),
                new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8)));
    return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  static void assertNoStackTrace(String err) {
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("\tat "), err);
    assertFalse(err.contains("internal error"), err);
  }

  /**
   * The bytes of the ISO 19770 sample {@code name} ({@code authored/…} from the repository, the
   * others from {@code ../shared}).
   */
  static byte[] fixture(String name) {
    Path file;
    if (name.startsWith("authored/")) {
      file = AUTHORED.resolve(name);
    } else {
      boolean present = Files.isDirectory(SHARED);
      if (!present) {
        System.err.println("skipped: the third-party samples are read from " + SHARED + ", absent");
      }
      assumeTrue(
          present,
          "skipped: the third-party ISO/IEC 19770 samples are read from "
              + SHARED
              + ", which is absent (they are kept outside the repository)");
      file = SHARED.resolve(name);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies sample {@code name} to {@code directory/relative}; returns the file. */
  static Path copy(String name, Path directory, String relative) throws IOException {
    Path file = directory.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, fixture(name));
  }

  /** Writes {@code text} to {@code directory/relative}, creating directories; returns the file. */
  static Path write(Path directory, String relative, String text) throws IOException {
    Path file = directory.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, UTF_8);
  }
}
