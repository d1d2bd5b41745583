package io.itam.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void write_newFile_hasTheContentAndNoTemporaryRemains() throws IOException {
    Path target = dir.resolve("position.txt");

    AtomicFile.write(target, out -> out.write("hello\n".getBytes(UTF_8)));

    assertEquals("hello\n", Files.readString(target, UTF_8));
    assertEquals(List.of("position.txt"), filesInDir());
  }

  @Test
  void write_existingFile_isReplaced() throws IOException {
    Path target = Files.writeString(dir.resolve("position.txt"), "old content, longer", UTF_8);

    AtomicFile.write(target, out -> out.write("new".getBytes(UTF_8)));

    assertEquals("new", Files.readString(target, UTF_8));
    assertEquals(List.of("position.txt"), filesInDir());
  }

  @Test
  void write_contentFailsHalfway_keepsTheOldFileAndDeletesTheTemporary() throws IOException {
    Path target = Files.writeString(dir.resolve("position.txt"), "old", UTF_8);

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.write(
                    target,
                    out -> {
                      out.write(new byte[100_000]);
                      throw new IOException("disk full");
                    }));

    assertEquals("disk full", e.getMessage());
    assertEquals("old", Files.readString(target, UTF_8));
    assertEquals(List.of("position.txt"), filesInDir());
  }

  @Test
  void write_contentThrowsUnchecked_deletesTheTemporary() throws IOException {
    Path target = dir.resolve("position.txt");

    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicFile.write(
                target,
                out -> {
                  out.write(1);
                  throw new IllegalStateException("bug");
                }));

    assertEquals(List.of(), filesInDir());
  }

  @Test
  void write_longName_works() throws IOException {
    Path target = dir.resolve("p".repeat(200) + ".json");

    AtomicFile.write(target, out -> out.write('x'));

    assertEquals(List.of(target.getFileName().toString()), filesInDir());
  }
}
