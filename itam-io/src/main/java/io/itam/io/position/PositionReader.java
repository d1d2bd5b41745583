package io.itam.io.position;

import com.fasterxml.jackson.core.JsonParser;
import io.itam.io.internal.JsonFormat;
import io.itam.io.internal.JsonInput;
import io.itam.model.ValidationException;
import io.itam.model.position.Position;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a position document (estate-format.md), as written by {@link PositionWriter}, back into a
 * {@link Position}.
 *
 * <p>Same discipline as {@link io.itam.io.estate.EstateReader}: the document is streamed;
 * everything wrong with its content (types, formats, missing and unknown fields, rows whose
 * arithmetic does not add up) is reported at once, each problem at its path, in one {@link
 * ValidationException}.
 *
 * <p>Instances are immutable and thread-safe. {@link #create()} is strict; {@link
 * #allowUnknownFields(boolean)} is the only relaxation.
 */
public final class PositionReader {
  private static final PositionReader STRICT = new PositionReader(false);
  private static final PositionReader LENIENT = new PositionReader(true);

  private final boolean allowUnknownFields;

  private PositionReader(boolean allowUnknownFields) {
    this.allowUnknownFields = allowUnknownFields;
  }

  /** A strict reader: unknown fields are problems. */
  public static PositionReader create() {
    return STRICT;
  }

  /** A reader like this one that ignores unknown fields ({@code true}) or reports them. */
  public PositionReader allowUnknownFields(boolean allow) {
    return allow ? LENIENT : STRICT;
  }

  /** Whether unknown fields are ignored rather than reported. */
  public boolean allowsUnknownFields() {
    return allowUnknownFields;
  }

  /**
   * Reads the position document in {@code file} (UTF-8).
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the document
   */
  public Position read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads a position document (UTF-8) from {@code in}, which is left open.
   *
   * @throws IOException when {@code in} fails
   * @throws ValidationException listing every problem of the document
   */
  public Position read(InputStream in) throws IOException {
    try (JsonParser parser = JsonFormat.FACTORY.createParser(JsonInput.requireUtf8(in))) {
      return new PositionDocumentReader(parser, allowUnknownFields).read();
    }
  }

  /**
   * Reads a position document from its text.
   *
   * @throws ValidationException listing every problem of the document
   */
  public Position read(String json) {
    try (JsonParser parser = JsonFormat.FACTORY.createParser(json)) {
      return new PositionDocumentReader(parser, allowUnknownFields).read();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string cannot fail", e);
    }
  }
}
