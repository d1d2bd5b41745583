package io.itam.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The files a command line names: checked before any work, so a mistake costs nothing. */
final class Operands {
  private Operands() {}

  /** {@code name} as a path; {@code what} names it in the message when it is not one. */
  static Path path(String name, String what) throws CommandException {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw CommandException.usage(what + ": not a valid path: \"" + name + "\"");
    }
  }

  /** Fails when {@code file} ({@code name} as given), {@code what} is read, cannot be read. */
  static void checkReadable(String name, Path file, String what) throws CommandException {
    if (!Files.exists(file)) {
      throw CommandException.input(name + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw CommandException.input(name + ": is a directory, not " + what);
    }
    if (!Files.isReadable(file)) {
      throw CommandException.input(name + ": cannot read: permission denied");
    }
  }
}
