package io.itam.io.json;

import com.fasterxml.jackson.core.JsonParser;
import io.itam.model.Estate;
import io.itam.model.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
  private static final EstateReader STRICT = new EstateReader(false);
  private static final EstateReader LENIENT = new EstateReader(true);

  private final boolean allowUnknownFields;

  private EstateReader(boolean allowUnknownFields) {
    this.allowUnknownFields = allowUnknownFields;
  }

  /** A strict reader: unknown fields are problems. */
  public static EstateReader create() {
    return STRICT;
  }

  /** A reader like this one that ignores unknown fields ({@code true}) or reports them. */
  public EstateReader allowUnknownFields(boolean allow) {
    return allow ? LENIENT : STRICT;
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
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads an estate document (UTF-8) from {@code in}, which is left open.
   *
   * @throws IOException when {@code in} fails
   * @throws ValidationException listing every problem of the document
   */
  public Estate read(InputStream in) throws IOException {
    try (JsonParser parser = JsonFormat.FACTORY.createParser(JsonInput.requireUtf8(in))) {
      return new EstateDocumentReader(parser, allowUnknownFields).read();
    }
  }

  /**
   * Reads an estate document from its text.
   *
   * @throws ValidationException listing every problem of the document
   */
  public Estate read(String json) {
    try (JsonParser parser = JsonFormat.FACTORY.createParser(json)) {
      return new EstateDocumentReader(parser, allowUnknownFields).read();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string cannot fail", e);
    }
  }
}
