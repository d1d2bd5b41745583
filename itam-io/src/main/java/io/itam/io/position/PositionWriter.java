package io.itam.io.position;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.itam.io.internal.JsonFormat;
import io.itam.io.internal.PositionColumns;
import io.itam.io.internal.PositionColumns.Table;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Position} (the effective licence position) as a position document
 * (estate-format.md) in canonical form: UTF-8, two spaces of indentation, {@code \n} line endings,
 * fields in the order of the format, absent optional fields and empty {@code notes} and {@code
 * accounting} left out, amounts as decimal strings with the currency's digits ({@code "14344.00"};
 * 2 without a currency). The same position always gives the same bytes, and {@link PositionReader}
 * reads them back.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PositionWriter {
  private static final PositionWriter INSTANCE = new PositionWriter();

  private PositionWriter() {}

  /** The writer. */
  public static PositionWriter create() {
    return INSTANCE;
  }

  /** Writes {@code position} to {@code out}, which is flushed and left open. */
  public void write(Position position, OutputStream out) throws IOException {
    requireNonNull(position, "position");
    requireNonNull(out, "out");
    try (JsonGenerator g = JsonFormat.generator(out)) {
      new Document(g, position.currency()).write(position);
      JsonFormat.finish(g);
    }
  }

  /** Writes {@code position} to {@code file}, replacing it. */
  public void write(Position position, Path file) throws IOException {
    requireNonNull(file, "file");
    try (OutputStream out = Files.newOutputStream(file)) {
      write(position, out);
    }
  }

  /** The document of {@code position} as text. */
  public String writeString(Position position) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(position, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** One position document being written: the generator and the currency of its amounts. */
  private static final class Document {
    private final JsonGenerator g;
    private final PositionJson json;

    Document(JsonGenerator g, @Nullable String currency) {
      this.g = g;
      this.json = new PositionJson(g, currency);
    }

    void write(Position p) throws IOException {
      g.writeStartObject();
      json.fields(PositionColumns.HEADER, p);
      g.writeFieldName(PositionColumns.SUMMARY.field());
      json.object(PositionColumns.SUMMARY.columns(), p.summary());
      for (Table<?> table : PositionColumns.LISTS) {
        list(table, p);
      }
      if (p.detail() != Detail.ALL) {
        g.writeStringField("detail", p.detail().id());
      }
      g.writeEndObject();
    }

    private <R> void list(Table<R> table, Position p) throws IOException {
      List<R> rows = table.rows().apply(p);
      if (rows.isEmpty() && PositionColumns.OMITTED_WHEN_EMPTY.contains(table)) {
        return;
      }
      g.writeArrayFieldStart(table.field());
      for (R row : rows) {
        json.object(table.columns(), row);
      }
      g.writeEndArray();
    }
  }
}
