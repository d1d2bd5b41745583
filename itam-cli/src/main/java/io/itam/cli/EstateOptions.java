package io.itam.cli;

import io.itam.io.estate.EstateReader;
import io.itam.io.estate.EstateSources;
import io.itam.io.estate.LicenseModelLibrary;
import io.itam.model.Estate;
import io.itam.model.Progress;
import io.itam.model.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The estate document of {@code reconcile} and {@code validate} ({@code -} for standard input) and
 * how it is read: strictly or allowing unknown fields, with a licence-model library of one's own,
 * reporting progress.
 */
final class EstateOptions {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The estate document (JSON, estate-format.md); - for standard input.")
  String file = "";

  @Option(
      names = "--allow-unknown-fields",
      description = "Ignore unknown fields in the estate instead of reporting them.")
  boolean allowUnknownFields;

  @Option(
      names = "--library",
      paramLabel = "FILE",
      description = "A licence-model library of your own for \"basedOn\" (docs/library.md).")
  @Nullable Path library;

  @Option(names = "--progress", description = "Report the phases and their counts on stderr.")
  boolean progress;

  /** Whether the document is read from standard input. */
  boolean fromStandardInput() {
    return file.equals("-");
  }

  /** The document as a path; {@code null} for standard input. */
  @Nullable Path path() throws CommandException {
    return fromStandardInput() ? null : Operands.path(file, "FILE");
  }

  /** The progress reporter the options ask for. */
  @Nullable StderrProgress progress(ItamCli root) {
    return progress ? new StderrProgress(root.terminal().err()) : null;
  }

  /** The estate reader the options ask for: unknown fields, and a library of one's own. */
  EstateReader reader() throws CommandException {
    EstateReader reader = EstateReader.create().allowUnknownFields(allowUnknownFields);
    if (library == null) {
      return reader;
    }
    String name = library.toString();
    if (!Files.isRegularFile(library)) {
      throw CommandException.input(name + ": no such library file");
    }
    try {
      return reader.withLibrary(LicenseModelLibrary.read(library));
    } catch (ValidationException e) {
      throw CommandException.input(CommandException.report(name, e.problems()));
    } catch (IOException e) {
      throw CommandException.input(name + ": cannot read: " + EstateSources.describe(e));
    }
  }

  /** Reads and validates the estate document, turning every failure into a message. */
  Estate read(ItamCli root, Progress progress, Logger log) throws CommandException {
    EstateReader reader = reader();
    Path path = path();
    if (path != null) {
      Operands.checkReadable(file, path, "an estate document");
    }
    long start = System.nanoTime();
    try {
      Estate estate =
          path == null ? reader.read(root.terminal().in(), progress) : reader.read(path, progress);
      log.debug(
          "read {}: {} records in {} ms",
          file,
          estate.recordCount(),
          (System.nanoTime() - start) / 1_000_000);
      return estate;
    } catch (ValidationException e) {
      throw CommandException.input(CommandException.report(name(), e.problems()));
    } catch (IOException e) {
      throw CommandException.input(name() + ": cannot read: " + EstateSources.describe(e));
    } catch (UncheckedIOException e) {
      throw CommandException.input(
          name() + ": cannot read: " + EstateSources.describe(e.getCause()));
    }
  }

  /** How the document is named in messages: as given, or {@code standard input}. */
  String name() {
    return fromStandardInput() ? "standard input" : file;
  }
}
