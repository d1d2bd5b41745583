package io.itam.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file atomically: the content goes to a new temporary file in the same directory, which
 * is forced to disk and then moved over the target in one step. Readers see the old file or the
 * whole new one, never a half-written one; on any failure the temporary file is deleted (also when
 * the JVM is stopped while writing) and the target is left as it was.
 */
final class AtomicFile {
  /** Writes the content of a file. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code content} to {@code target}, replacing it atomically.
   *
   * @throws java.nio.file.AtomicMoveNotSupportedException when the file system cannot replace the
   *     target in one step
   * @throws IOException when the directory cannot be written or the content fails
   */
  static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory == null) {
      throw new IOException(absolute + ": not a file in a directory");
    }
    String name = absolute.getFileName().toString();
    String stem =
        name.substring(
            0, name.offsetByCodePoints(0, Math.min(64, name.codePointCount(0, name.length()))));
    Path temporary = directory.resolve("." + stem + "." + UUID.randomUUID() + ".tmp");
    Thread cleanup = new Thread(() -> deleteQuietly(temporary), "itam-output-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    boolean moved = false;
    try {
      try (FileChannel channel =
              FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(
          temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        deleteQuietly(temporary);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs anyway; it finds nothing to delete once the file has moved.
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      // Best effort: the caller reports the failure that got us here.
    }
  }
}
