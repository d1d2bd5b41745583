package io.itam.cli;

import io.itam.io.estate.EstateSources;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a command writes its result ({@code -o/--output}): a file, replaced atomically ({@link
 * AtomicFile}), or standard output when no file or {@code -} is given. The target is checked before
 * any work, so that a long run does not end in a file that cannot be written.
 */
final class Output {
  private final @Nullable String name;
  private final @Nullable Path file;

  private Output(@Nullable String name, @Nullable Path file) {
    this.name = name;
    this.file = file;
  }

  /** The output named {@code name} as given; {@code null} or {@code -}: standard output. */
  static Output of(@Nullable String name) throws CommandException {
    if (name == null || name.equals("-")) {
      return new Output(null, null);
    }
    return new Output(name, Operands.path(name, "--output"));
  }

  /** Whether the result goes to standard output. */
  boolean isStandardOutput() {
    return file == null;
  }

  /** The file written; {@code null} for standard output. */
  @Nullable Path file() {
    return file;
  }

  /**
   * Fails early when the result could not be written to the file, or would replace one of the files
   * {@code read}; {@code last} says what the last of them is.
   */
  void checkFile(List<Path> read, String last) throws CommandException {
    if (file == null || name == null) {
      return;
    }
    Path directory = file.toAbsolutePath().getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw CommandException.input(name + ": cannot write: no such directory " + directory);
    }
    if (Files.isDirectory(file)) {
      throw CommandException.input(name + ": cannot write: is a directory");
    }
    try {
      for (int i = 0; i < read.size(); i++) {
        Path input = read.get(i);
        if (Files.exists(file) && Files.exists(input) && Files.isSameFile(file, input)) {
          throw CommandException.input(
              name + ": cannot write: it is " + (i == read.size() - 1 ? last : "an input"));
        }
      }
    } catch (IOException e) {
      throw CommandException.input(name + ": cannot write: " + EstateSources.describe(e));
    }
  }

  /** Fails early when files could not be written into the directory ({@code --format csv}). */
  void checkDirectory(String why) throws CommandException {
    if (file == null || name == null) {
      throw CommandException.usage(why + ": it needs --output DIR, a directory");
    }
    if (Files.isDirectory(file)) {
      if (!Files.isWritable(file)) {
        throw CommandException.input(name + ": cannot write: permission denied");
      }
      return;
    }
    if (Files.exists(file)) {
      throw CommandException.input(name + ": not a directory: " + why + " into --output DIR");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw CommandException.input(name + ": cannot write: no such directory " + parent);
    }
  }

  /** Writes {@code content}, {@code what} it is, to the file (atomically) or to {@code out}. */
  void write(AtomicFile.Content content, PrintStream out, String what) throws CommandException {
    if (file == null || name == null) {
      try {
        content.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException("a PrintStream does not throw", e);
      }
      out.flush();
      if (out.checkError()) {
        throw CommandException.input("standard output: cannot write " + what);
      }
      return;
    }
    try {
      AtomicFile.write(file, content);
    } catch (AtomicMoveNotSupportedException e) {
      throw CommandException.input(
          name + ": cannot write: the file system cannot replace the file atomically");
    } catch (IOException e) {
      throw CommandException.input(name + ": cannot write: " + EstateSources.describe(e));
    }
  }

  /** How the output is named in messages. */
  String name() {
    return name == null ? "standard output" : name;
  }
}
