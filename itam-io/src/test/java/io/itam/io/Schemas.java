package io.itam.io;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Schemas (2020-12) of the estate and position documents, loaded from the class path as
 * the jar ships them ({@code /schema/estate-1.schema.json}, {@code /schema/position-1.schema.json})
 * and applied with networknt's validator, a real one, independent of itam's readers.
 */
public final class Schemas {
  /** The resource of the estate document's schema. */
  public static final String ESTATE = "/schema/estate-1.schema.json";

  /** The resource of the position document's schema. */
  public static final String POSITION = "/schema/position-1.schema.json";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema ESTATE_SCHEMA = load(ESTATE);
  private static final Schema POSITION_SCHEMA = load(POSITION);

  private Schemas() {}

  private static Schema load(String resource) {
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no schema " + resource + " on the class path");
      }
      return REGISTRY.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the estate schema finds wrong with {@code json}: one line per error, none when valid. */
  public static List<String> estateErrors(String json) {
    return errors(ESTATE_SCHEMA, json);
  }

  /** What the position schema finds wrong with {@code json}; none when valid. */
  public static List<String> positionErrors(String json) {
    return errors(POSITION_SCHEMA, json);
  }

  /** The text of {@code file}, UTF-8. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Pattern SURROGATE_ESCAPE =
      Pattern.compile(
          "\\\\u[dD][89abAB][0-9a-fA-F]{2}(?:\\\\u[dD][c-fC-F][0-9a-fA-F]{2})?"
              + "|\\\\u[dD][c-fC-F][0-9a-fA-F]{2}");

  /**
   * {@code json} with every escaped lone surrogate replaced by an escaped U+FFFD: JSON allows them
   * (itam writes and reads them back), but the validator's parser refuses them in field names. The
   * shape of the document, and the length of every text, stay the same.
   */
  public static String withoutLoneSurrogates(String json) {
    Matcher escape = SURROGATE_ESCAPE.matcher(json);
    StringBuilder out = new StringBuilder();
    while (escape.find()) {
      String found = escape.group();
      escape.appendReplacement(
          out, Matcher.quoteReplacement(found.length() == 12 ? found : "\\ufffd"));
    }
    escape.appendTail(out);
    return out.toString();
  }

  private static List<String> errors(Schema schema, String json) {
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    return errors.stream().map(Error::toString).sorted().toList();
  }
}
