package io.itam.io.inventory.swid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test of broken tags: every {@code invalid/NAME.swidtag} or {@code NAME.coswid} must be
 * reported with exactly the problems of {@code NAME.problems} (see the directory's README).
 */
class SwidInvalidTagsTest {

  static Path directory() {
    try {
      return Path.of(
          SwidInvalidTagsTest.class.getResource("/io/itam/io/inventory/swid/invalid").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> tags() throws IOException {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .filter(f -> f.toString().endsWith(".swidtag") || f.toString().endsWith(".coswid"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path problemsFile(Path tag) {
    String name = tag.getFileName().toString();
    return tag.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".problems");
  }

  @ParameterizedTest
  @MethodSource("tags")
  void parse_reportsTheGoldenProblems(Path tag) throws IOException {
    ValidationException e =
        assertThrows(ValidationException.class, () -> SwidTags.parse(tag, null));
    String prefix = directory().toString() + File.separator;
    StringBuilder actual = new StringBuilder();
    for (Problem problem : e.problems()) {
      actual.append(problem.toString().replace(prefix, "")).append('\n');
    }
    Path golden = problemsFile(tag);
    if (!Files.exists(golden)) {
      Files.writeString(Path.of("target", golden.getFileName().toString() + ".actual"), actual);
    }
    assertTrue(Files.exists(golden), "no " + golden.getFileName() + "; actual output in target/");
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual.toString());
  }

  @Test
  void everyProblemsFileHasItsTag() throws IOException {
    List<Path> tags = tags().toList();
    try (Stream<Path> files = Files.list(directory())) {
      for (Path golden : files.filter(f -> f.toString().endsWith(".problems")).toList()) {
        assertTrue(
            tags.stream().anyMatch(t -> problemsFile(t).equals(golden)),
            "orphan " + golden.getFileName());
      }
    }
  }
}
