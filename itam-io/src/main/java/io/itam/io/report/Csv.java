package io.itam.io.report;

import io.itam.model.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The comma-separated values of RFC 4180 as itam writes and reads them: UTF-8 without a byte order
 * mark, a header row, records ending in {@code \n}, a field quoted only when it holds a comma, a
 * double quote, a carriage return or a line feed (a double quote inside doubled). Reading also
 * accepts {@code \r\n} line ends and a leading byte order mark, as spreadsheets write them.
 */
final class Csv {
  private Csv() {}

  /** Appends one record: its fields separated by commas, then {@code \n}. */
  static void record(List<String> fields, Appendable out) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      field(fields.get(i), out);
    }
    out.append('\n');
  }

  private static void field(String value, Appendable out) throws IOException {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  /**
   * One record read back.
   *
   * @param line the line it starts on, from 1
   * @param fields its fields
   */
  record Record(int line, List<String> fields) {}

  /**
   * Decodes {@code bytes} as UTF-8 (a leading byte order mark skipped); {@code null}, with a
   * problem at {@code file}, when they are not UTF-8.
   */
  static @Nullable String decode(byte[] bytes, String file, List<Problem> problems) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      problems.add(Problem.at(file, "not UTF-8 text"));
      return null;
    }
  }

  /**
   * The records of {@code text}; what is malformed (a quote inside an unquoted field, text after a
   * closing quote, a quote never closed) is added to {@code problems} at {@code file} and the
   * record is left out.
   */
  static List<Record> parse(String text, String file, List<Problem> problems) {
    List<Record> records = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = line;
      List<String> fields = new ArrayList<>();
      String error = null;
      boolean endOfRecord = false;
      while (!endOfRecord) {
        StringBuilder field = new StringBuilder();
        if (i < n && text.charAt(i) == '"') {
          i++;
          boolean closed = false;
          while (i < n) {
            char c = text.charAt(i++);
            if (c == '"') {
              if (i < n && text.charAt(i) == '"') {
                field.append('"');
                i++;
              } else {
                closed = true;
                break;
              }
            } else {
              if (c == '\n') {
                line++;
              }
              field.append(c);
            }
          }
          if (!closed) {
            error = error != null ? error : "a quoted field is never closed";
          } else if (i < n && !isSeparator(text, i)) {
            error = error != null ? error : "text after the closing quote of a field";
            while (i < n && !isSeparator(text, i)) {
              i++;
            }
          }
        } else {
          while (i < n && !isSeparator(text, i)) {
            char c = text.charAt(i++);
            if (c == '"') {
              error = error != null ? error : "a double quote inside a field that is not quoted";
            }
            field.append(c);
          }
        }
        fields.add(field.toString());
        if (i < n && text.charAt(i) == ',') {
          i++;
        } else {
          endOfRecord = true;
          if (i < n && text.charAt(i) == '\r') {
            i++;
          }
          if (i < n && text.charAt(i) == '\n') {
            i++;
          }
          line++;
        }
      }
      if (error != null) {
        problems.add(Problem.at(file, "line " + start + ": " + error));
      } else {
        records.add(new Record(start, List.copyOf(fields)));
      }
    }
    return records;
  }

  /** Whether the field at {@code i} ends here: a comma or a line end. */
  private static boolean isSeparator(String text, int i) {
    char c = text.charAt(i);
    return c == ','
        || c == '\n'
        || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
  }
}
