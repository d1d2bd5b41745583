package io.itam.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvFactoryBuilder;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one CSV reader of itam (estate tables, position views), on Jackson's streaming CSV parser
 * (RFC 4180 quoting: a value with the delimiter, a quote or a line break is quoted, {@code ""} is a
 * quote inside), record by record with the line each starts on. Malformed CSV surfaces as a {@link
 * JsonProcessingException}; {@link #describe} words it for a problem.
 */
public final class CsvInput implements Closeable {
  /** Longest cell, in characters (1 MiB). */
  public static final int MAX_CELL_LENGTH = 1 << 20;

  private static final Pattern CHARACTER =
      Pattern.compile("\\('(.+?)' \\(code [0-9]+( / 0x[0-9a-fA-F]+)?\\)\\)");

  private static final CsvFactory TRIMMING = factory(true);
  private static final CsvFactory EXACT = factory(false);

  private final CsvParser parser;

  private CsvInput(CsvParser parser) {
    this.parser = parser;
  }

  private static CsvFactory factory(boolean trim) {
    CsvFactoryBuilder builder =
        CsvFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(MAX_CELL_LENGTH).build());
    if (trim) {
      builder.enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    }
    return builder.build();
  }

  /**
   * Records of an export (inventory, purchases): cells trimmed of the spaces around them (not
   * inside quotes), blank lines skipped; fields separated by {@code delimiter}.
   */
  public static CsvInput trimming(Reader in, char delimiter) throws IOException {
    return open(TRIMMING, in, delimiter);
  }

  /** Records as written, every cell and line kept (comma-separated): itam's own files. */
  public static CsvInput exact(Reader in) throws IOException {
    return open(EXACT, in, ',');
  }

  private static CsvInput open(CsvFactory factory, Reader in, char delimiter) throws IOException {
    CsvParser parser = factory.createParser(in);
    parser.setSchema(
        CsvSchema.emptySchema()
            .withColumnSeparator(delimiter)
            .withQuoteChar('"')
            .withoutEscapeChar());
    return new CsvInput(parser);
  }

  /**
   * Reads the next record into {@code cells} (cleared first).
   *
   * @return the line it starts on (from 1), or {@code -1} at the end
   * @throws JsonProcessingException when the text is not CSV
   */
  public int next(List<String> cells) throws IOException {
    cells.clear();
    JsonToken token = parser.nextToken();
    if (token == null) {
      return -1;
    }
    int line = -1;
    while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
      if (line < 0) {
        line = parser.currentTokenLocation().getLineNr();
      }
      cells.add(parser.getText());
    }
    return line < 0 ? Math.max(1, parser.currentLocation().getLineNr()) : line;
  }

  /** Where malformed CSV was found: its line, or {@code -1} when unknown. */
  public static int line(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null ? -1 : location.getLineNr();
  }

  /** What is wrong with malformed CSV, in words: {@code missing closing quote for value}. */
  public static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    message = CHARACTER.matcher(message).replaceAll("'$1'");
    return message.isEmpty()
        ? "not CSV"
        : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
