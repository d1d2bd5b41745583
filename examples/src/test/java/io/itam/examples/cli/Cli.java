package io.itam.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the {@code itam} tool in the test's JVM, and the fixtures its tests read. */
final class Cli {
  private static final String FIXTURES = "/io/itam/examples/cli/iso19770/";

  /** The outcome of one run: exit code, stdout and stderr. */
  record Run(int exit, String out, String err) {}

  private Cli() {}

  static Run itam(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ItamCli.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  static void assertNoStackTrace(String err) {
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("\tat "), err);
    assertFalse(err.contains("internal error"), err);
  }

  /** The bytes of the ISO 19770 fixture {@code name} ({@code authored/…}, see its README). */
  static byte[] fixture(String name) {
    try (InputStream in = Cli.class.getResourceAsStream(FIXTURES + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies fixture {@code name} to {@code directory/relative}; returns the file. */
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
