package io.itam.io.position;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.model.Estate;
import io.itam.model.position.Position;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

/** The bundled sample, found from the module directory, and the golden files of this package. */
final class Samples {
  /** Where {@code -Ditam.golden.update=true} writes golden files, from the module directory. */
  static final Path GOLDEN_DIR = Paths.get("src/test/resources/io/itam/io/position/report");

  private Samples() {}

  /** The repository's root: the first directory up from here that holds the sample estate. */
  static Path repository() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("examples/data/sample-estate.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no examples/data/sample-estate.json above " + Paths.get(""));
  }

  /** The position of the sample estate, as the examples module keeps it. */
  static Position position() {
    Path file =
        repository()
            .resolve("examples/src/test/resources/io/itam/examples/sample/sample-position.json");
    assertTrue(Files.isRegularFile(file), () -> "missing " + file);
    try {
      return PositionReader.create().read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample estate. */
  static Estate estate() {
    try {
      return EstateReader.create().read(repository().resolve("examples/data/sample-estate.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The report of the sample: its position with its estate and the trend since the position a month
   * before (the same estate as of 2026-10-27).
   */
  static PositionReport report() {
    Estate estate = estate();
    Position october =
        Reconciler.create(ReconcileOptions.DEFAULTS.withAsOf(LocalDate.parse("2026-10-27")))
            .reconcile(estate);
    return PositionReport.of(position()).withEstate(estate).withPrevious(october);
  }

  /** Whether golden files are being rewritten ({@code -Ditam.golden.update=true}). */
  static boolean updating() {
    return Boolean.getBoolean("itam.golden.update");
  }

  /** The golden file {@code name} of this package, from the class path. */
  static String golden(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("report/" + name)) {
      assertNotNull(
          in, () -> "missing golden file " + name + "; run with -Ditam.golden.update=true");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites the golden file {@code name} of this package in the source tree. */
  static void update(String name, String text) {
    Path file = GOLDEN_DIR.resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
