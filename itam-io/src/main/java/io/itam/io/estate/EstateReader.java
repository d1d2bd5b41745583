package io.itam.io.estate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import io.itam.io.internal.JsonFormat;
import io.itam.io.internal.JsonInput;
import io.itam.model.Estate;
import io.itam.model.Progress;
import io.itam.model.ValidationException;
import io.itam.model.terms.LicenseModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an estate document (estate-format.md) into a validated {@link Estate}.
 *
 * <p>The document is streamed, never held as a tree. Everything wrong with its content is reported
 * at once, each problem at its path in the document ({@code devices[17].host}), in one {@link
 * ValidationException}: wrong types and formats, missing and unknown fields, and every problem the
 * {@link io.itam.model.EstateValidator} finds in the records that could be read (references,
 * ranges, dates, currencies). Malformed JSON (truncated, bad UTF-8, too deep, too long) ends the
 * reading with a problem naming the line and column.
 *
 * <p>Instances are immutable and thread-safe. {@link #create()} is strict; {@link
 * #allowUnknownFields(boolean)} is the only relaxation.
 */
public final class EstateReader {
  private static final EstateReader STRICT = new EstateReader(false, List.of());
  private static final EstateReader LENIENT = new EstateReader(true, List.of());

  private final boolean allowUnknownFields;
  private final List<LicenseModelLibrary> libraries;

  private EstateReader(boolean allowUnknownFields, List<LicenseModelLibrary> libraries) {
    this.allowUnknownFields = allowUnknownFields;
    this.libraries = List.copyOf(libraries);
  }

  /** A strict reader: unknown fields are problems; {@code basedOn} names bundled models. */
  public static EstateReader create() {
    return STRICT;
  }

  /** A reader like this one that ignores unknown fields ({@code true}) or reports them. */
  public EstateReader allowUnknownFields(boolean allow) {
    if (libraries.isEmpty()) {
      return allow ? LENIENT : STRICT;
    }
    return new EstateReader(allow, libraries);
  }

  /**
   * A reader like this one whose {@code basedOn} also finds the models of {@code library} (a
   * publisher's or SAM team's own); libraries added earlier, and then the bundled one, come after
   * it.
   */
  public EstateReader withLibrary(LicenseModelLibrary library) {
    List<LicenseModelLibrary> all = new ArrayList<>();
    all.add(requireNonNull(library, "library"));
    all.addAll(libraries);
    return new EstateReader(allowUnknownFields, all);
  }

  /** The library model {@code id} this reader resolves {@code basedOn} to, if any. */
  Optional<LicenseModel> template(String id) {
    for (LicenseModelLibrary library : libraries) {
      Optional<LicenseModel> found = library.find(id);
      if (found.isPresent()) {
        return found;
      }
    }
    return LicenseModelLibrary.bundled().find(id);
  }

  /** Whether unknown fields are ignored rather than reported. */
  public boolean allowsUnknownFields() {
    return allowUnknownFields;
  }

  /**
   * Reads the estate document in {@code file} (UTF-8).
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the document
   */
  public Estate read(Path file) throws IOException {
    return read(file, Progress.NONE);
  }

  /**
   * Reads the estate document in {@code file} (UTF-8), reporting the phases {@code read} (with the
   * records read so far) and {@code validate} to {@code progress}.
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the document
   */
  public Estate read(Path file, Progress progress) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, progress);
    }
  }

  /**
   * Reads an estate document (UTF-8) from {@code in}, which is left open.
   *
   * @throws IOException when {@code in} fails
   * @throws ValidationException listing every problem of the document
   */
  public Estate read(InputStream in) throws IOException {
    return read(in, Progress.NONE);
  }

  /**
   * Reads an estate document (UTF-8) from {@code in}, which is left open, reporting the phases
   * {@code read} (with the records read so far) and {@code validate} to {@code progress}.
   *
   * @throws IOException when {@code in} fails
   * @throws ValidationException listing every problem of the document
   */
  public Estate read(InputStream in, Progress progress) throws IOException {
    requireNonNull(progress, "progress");
    try (JsonParser parser = JsonFormat.FACTORY.createParser(JsonInput.requireUtf8(in))) {
      return new EstateDocumentReader(parser, allowUnknownFields, this::template, progress).read();
    }
  }

  /**
   * Reads an estate document from its text.
   *
   * @throws ValidationException listing every problem of the document
   */
  public Estate read(String json) {
    try (JsonParser parser = JsonFormat.FACTORY.createParser(json)) {
      return new EstateDocumentReader(parser, allowUnknownFields, this::template, Progress.NONE)
          .read();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string cannot fail", e);
    }
  }
}
