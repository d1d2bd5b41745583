package io.itam.io.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The JSON dialect of the estate and position documents: the parser limits, the canonical layout of
 * written documents, and how decimals and amounts are spelled.
 */
public final class JsonFormat {
  /** Deepest nesting of objects and arrays a document may have. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Longest string value, in characters (1 MiB). */
  public static final int MAX_STRING_LENGTH = 1 << 20;

  /** Longest number, in characters. */
  public static final int MAX_NUMBER_LENGTH = 64;

  /** Longest field name, in characters. */
  public static final int MAX_NAME_LENGTH = 64 * 1024;

  /** Longest decimal written as a string (an amount, a factor), in characters. */
  public static final int MAX_DECIMAL_TEXT = 64;

  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxNameLength(MAX_NAME_LENGTH)
                  .build())
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
          // Characters beyond the BMP are written as a pair of escaped surrogates: the combining
          // feature glues a lone surrogate to the next character, which corrupts the text.
          .disable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();

  private JsonFormat() {}

  /**
   * A generator writing canonical bytes to {@code out}: UTF-8 (characters beyond the Basic
   * Multilingual Plane escaped as surrogate pairs), two-space indentation, {@code \n} line endings
   * whatever the platform, {@code "name": value}, empty containers as {@code {}} and {@code []}.
   */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.NONE)
            .withArrayValueSpacing(Separators.Spacing.NONE)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("")
            .withRootSeparator("\n");
    generator.setPrettyPrinter(
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter));
    return generator;
  }

  /** Ends a document: its closing brace is followed by one {@code \n}. */
  public static void finish(JsonGenerator generator) throws IOException {
    generator.writeRaw('\n');
    generator.flush();
  }

  /**
   * An exact decimal as text that reads back to an equal {@link BigDecimal}, scale included: plain
   * ({@code "0.50"}) unless the scale is negative ({@code "1E+3"}).
   */
  public static String decimal(BigDecimal value) {
    return value.scale() < 0 ? value.toString() : value.toPlainString();
  }

  /**
   * A value quoted for a message: escaped like a JSON string and shortened when long, so that a
   * megabyte of garbage does not end up in a message.
   */
  public static String quote(String value) {
    return '"' + shown(value) + '"';
  }

  /**
   * {@code value} escaped like the inside of a JSON string and cut when long (to 64 characters, an
   * ellipsis included): how a value or a field name of a document appears in a message or a path.
   */
  public static String shown(String value) {
    int limit = 64;
    String shown = value;
    boolean cut = false;
    if (value.length() > limit) {
      int end = limit - 3;
      if (Character.isHighSurrogate(value.charAt(end - 1))) {
        end--;
      }
      shown = value.substring(0, end);
      cut = true;
    }
    StringBuilder text = new StringBuilder(shown.length() + 8);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    if (cut) {
      text.append('…');
    }
    return text.toString();
  }
}
