package io.itam.io.internal;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The one CSV writer of itam (position views, estate tables), on Jackson's CSV generator: RFC 4180,
 * comma-separated, {@code \n} after every record, a field quoted only when it holds a comma, a
 * double quote, a carriage return or a line feed (a double quote inside doubled). Jackson's strict
 * quoting decides, except for a carriage return, which it leaves unquoted and which is quoted here
 * so that a reader does not take it for the end of the record. The estate tables are read back with
 * their cells trimmed, so for them a value with white space at either end is quoted too ({@link
 * #forTrimmingReader}), which keeps the space. Values are written as they are: a spreadsheet that
 * evaluates a field beginning with {@code =} does so at its user's request.
 */
public final class CsvOutput {
  private static final CsvFactory FACTORY =
      CsvFactory.builder()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();
  private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\n");

  private final CsvGenerator generator;
  private final boolean quoteEdgeSpace;

  private CsvOutput(Writer out, boolean quoteEdgeSpace) throws IOException {
    this.generator = FACTORY.createGenerator(out);
    this.generator.setSchema(SCHEMA);
    this.quoteEdgeSpace = quoteEdgeSpace;
  }

  /** Records written to {@code out}, which is left open. */
  public static CsvOutput of(Writer out) throws IOException {
    return new CsvOutput(out, false);
  }

  /** Records for a reader that trims unquoted cells: white space at an edge is quoted. */
  public static CsvOutput forTrimmingReader(Writer out) throws IOException {
    return new CsvOutput(out, true);
  }

  /** Writes one record. */
  public void row(List<String> fields) throws IOException {
    generator.writeStartArray();
    for (String field : fields) {
      if (field.indexOf('\r') >= 0 || (quoteEdgeSpace && hasEdgeSpace(field))) {
        generator.writeRawValue('"' + field.replace("\"", "\"\"") + '"');
      } else {
        generator.writeString(field);
      }
    }
    generator.writeEndArray();
  }

  /** Writes what is buffered to the writer and flushes it. */
  public void flush() throws IOException {
    generator.flush();
  }

  private static boolean hasEdgeSpace(String value) {
    return !value.isEmpty()
        && (value.charAt(0) <= ' '
            || value.charAt(value.length() - 1) <= ' '
            || Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(value.length() - 1)));
  }
}
