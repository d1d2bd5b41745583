package io.itam.io.internal;

import static io.itam.io.internal.JsonFormat.quote;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A cursor over a streamed JSON document that knows where it is and collects problems.
 *
 * <p>It tracks the path of the current value ({@code devices[17].host}: field names and array
 * indexes as they are in the document) and reads values of the expected type. A value of the wrong
 * type or format is reported as a problem at its path and skipped, and counted as an error (see
 * {@link #errors()}), so that a record reader can tell whether its record is sound. Unknown and
 * duplicate fields are reported too (unknown ones only when strict) but are not errors: they do not
 * keep a record from being built. Malformed JSON surfaces as a {@link JsonProcessingException} from
 * the read methods; {@link #malformed} turns it into the problem that ends a reading.
 */
public final class JsonInput {
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern SOURCE_IN_MESSAGE =
      Pattern.compile("\\s*\\((start marker at|for \\w+ starting at) \\[Source:.*?\\]\\)");
  private static final Pattern CHARACTER_IN_MESSAGE =
      Pattern.compile("\\('(.+?)' \\(code [0-9]+( / 0x[0-9a-fA-F]+)?\\)\\)");
  private static final Pattern CONTROL_IN_MESSAGE =
      Pattern.compile("\\s*\\(+CTRL-CHAR, code ([0-9]+)\\)+");

  private final JsonParser parser;
  private final boolean allowUnknownFields;
  private final List<Problem> problems = new ArrayList<>();
  private int errors;

  // The path: one segment per open container; a segment is a field name or an array index.
  private String[] names = new String[16];
  private int[] indexes = new int[16];
  private boolean[] isIndex = new boolean[16];
  private int[] elements = new int[16];
  private int depth;

  // Field names seen per open object (pooled by depth), and those of the object closed last.
  private final List<Set<String>> seen = new ArrayList<>();
  private Set<String> closed = Set.of();

  public JsonInput(JsonParser parser, boolean allowUnknownFields) {
    this.parser = parser;
    this.allowUnknownFields = allowUnknownFields;
  }

  /**
   * Checks the first bytes of {@code in}: a JSON document must be UTF-8 (RFC 8259), and a UTF-16 or
   * UTF-32 document would otherwise be decoded silently by the parser.
   *
   * @return a stream with the same content
   * @throws ValidationException when the document is not UTF-8
   */
  public static InputStream requireUtf8(InputStream in) throws IOException {
    PushbackInputStream pushback = new PushbackInputStream(in, 4);
    byte[] head = new byte[4];
    int n = 0;
    while (n < head.length) {
      int read = pushback.read(head, n, head.length - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    boolean utf16Mark =
        n >= 2
            && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
    boolean zero = false;
    for (int i = 0; i < n; i++) {
      zero |= head[i] == 0;
    }
    if (utf16Mark || zero) {
      throw new ValidationException(
          List.of(
              Problem.at(
                  "",
                  "malformed JSON at line 1, column 1: the document is not UTF-8"
                      + " (it looks like UTF-16 or UTF-32)")));
    }
    pushback.unread(head, 0, n);
    return pushback;
  }

  // ---- document ----------------------------------------------------------------------------

  /** Moves to the root value. */
  public void start() throws IOException {
    if (parser.nextToken() == null) {
      throw new JsonEOFException(parser, null, "unexpected end of input");
    }
  }

  /** Checks that nothing but white space follows the root value. */
  public void end() throws IOException {
    if (parser.nextToken() != null) {
      throw new JsonParseException(
          parser,
          "unexpected content after the end of the document",
          parser.currentTokenLocation());
    }
  }

  /** Reports malformed JSON at the current path, with the line and column where parsing stopped. */
  public void malformed(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      location = parser.currentLocation();
    }
    problems.add(
        Problem.at(
            path(),
            "malformed JSON at line "
                + location.getLineNr()
                + ", column "
                + location.getColumnNr()
                + ": "
                + describe(e)));
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
      return "unexpected end of input";
    }
    if (e instanceof StreamConstraintsException) {
      if (message.contains("nesting depth")) {
        return "nested deeper than " + JsonFormat.MAX_NESTING_DEPTH + " levels";
      } else if (message.startsWith("String value length")) {
        return "a string longer than " + JsonFormat.MAX_STRING_LENGTH + " characters";
      } else if (message.startsWith("Number value length")) {
        return "a number longer than " + JsonFormat.MAX_NUMBER_LENGTH + " characters";
      } else if (message.startsWith("Name length")) {
        return "a field name longer than " + JsonFormat.MAX_NAME_LENGTH + " characters";
      }
    }
    message = SOURCE_IN_MESSAGE.matcher(message).replaceAll("");
    message = CHARACTER_IN_MESSAGE.matcher(message).replaceAll("'$1'");
    message = CONTROL_IN_MESSAGE.matcher(message).replaceAll(" (control character $1)");
    int hint = message.indexOf(": enable `");
    if (hint >= 0) {
      message = message.substring(0, hint);
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (message.isEmpty()) {
      return "invalid JSON";
    }
    return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }

  // ---- problems ----------------------------------------------------------------------------

  /** Every problem reported so far. */
  public List<Problem> problems() {
    return problems;
  }

  /** How many values were wrong so far; compare before and after reading a record. */
  public int errors() {
    return errors;
  }

  /** Reports a wrong value at the current path. */
  public void error(String message) {
    errors++;
    problems.add(Problem.at(path(), message));
  }

  /** Reports a wrong value at {@code path}. */
  public void errorAt(String path, String message) {
    errors++;
    problems.add(Problem.at(path, message));
  }

  private void notice(String message) {
    problems.add(Problem.at(path(), message));
  }

  // ---- path --------------------------------------------------------------------------------

  /** The path of the current value ({@code devices[17].host}); empty for the root. */
  public String path() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (isIndex[i]) {
        if (indexes[i] >= 0) {
          text.append('[').append(indexes[i]).append(']');
        }
      } else if (names[i] != null) {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(JsonFormat.shown(names[i]));
      }
    }
    return text.toString();
  }

  /** The path of field {@code field} of the object at the current path. */
  public String path(String field) {
    String at = path();
    return at.isEmpty() ? field : at + "." + field;
  }

  private void push(boolean index) {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
      isIndex = Arrays.copyOf(isIndex, depth * 2);
      elements = Arrays.copyOf(elements, depth * 2);
    }
    elements[depth] = 0;
    names[depth] = null;
    indexes[depth] = -1;
    isIndex[depth] = index;
    depth++;
  }

  // ---- containers --------------------------------------------------------------------------

  /**
   * Enters the object at the current token.
   *
   * @param required whether {@code null} is wrong ({@code false}: {@code null} means absent)
   * @return {@code false} when the value is no object (reported and skipped unless an allowed
   *     {@code null})
   */
  public boolean enterObject(boolean required) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (seen.size() <= depth) {
        seen.add(new HashSet<>());
      }
      seen.get(depth).clear();
      push(false);
      return true;
    }
    if (token == JsonToken.VALUE_NULL && !required) {
      return false;
    }
    mismatch("an object", token);
    return false;
  }

  /**
   * Moves to the value of the next field of the current object and returns its name; returns {@code
   * null} at the end of the object, which is then left. Duplicate fields are reported and skipped.
   */
  public @Nullable String nextField() throws IOException {
    int top = depth - 1;
    Set<String> fields = seen.get(top);
    while (true) {
      String previous = names[top];
      names[top] = null;
      JsonToken token;
      try {
        token = parser.nextToken();
      } catch (JsonProcessingException e) {
        // The parser reads a literal value along with its field name: locate the failure there.
        String name = parser.getParsingContext().getCurrentName();
        names[top] = name == null || name.equals(previous) ? null : name;
        throw e;
      }
      if (token == JsonToken.END_OBJECT) {
        depth--;
        closed = fields;
        return null;
      }
      String name = parser.currentName();
      names[top] = name;
      parser.nextToken();
      if (fields.add(name)) {
        return name;
      }
      notice("duplicate field " + quote(name));
      parser.skipChildren();
    }
  }

  /** Skips the value of a field the reader does not know, reporting it unless allowed. */
  public void unknownField() throws IOException {
    if (!allowUnknownFields) {
      notice("unknown field " + quote(names[depth - 1]));
    }
    parser.skipChildren();
  }

  /**
   * After an object was left: reports {@code field} as required when the object did not have it.
   *
   * @return whether {@code value} is there
   */
  public boolean required(String field, @Nullable Object value) {
    if (value != null) {
      return true;
    }
    if (!closed.contains(field)) {
      errorAt(path(field), "required");
    }
    return false;
  }

  /**
   * After a nested object was left: reports its field {@code field} as required at {@code path}
   * (relative to the current value: {@code remedy.packs}) when the object did not have it.
   *
   * @return whether {@code value} is there
   */
  public boolean requiredIn(String field, String path, @Nullable Object value) {
    if (value != null) {
      return true;
    }
    if (!closed.contains(field)) {
      errorAt(path(path), "required");
    }
    return false;
  }

  /**
   * Enters the array at the current token; {@code null} is reported (lists are left out when empty,
   * never {@code null}).
   */
  public boolean enterArray() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_ARRAY) {
      push(true);
      return true;
    }
    if (token == JsonToken.VALUE_NULL) {
      error("must be an array, was null (leave the field out for an empty list)");
      return false;
    }
    mismatch("an array", token);
    return false;
  }

  /**
   * Moves to the next element of the current array and returns its index; returns {@code -1} at the
   * end of the array, which is then left.
   */
  public int nextElement() throws IOException {
    int top = depth - 1;
    indexes[top] = -1;
    if (parser.nextToken() == JsonToken.END_ARRAY) {
      depth--;
      return -1;
    }
    int index = elements[top]++;
    indexes[top] = index;
    return index;
  }

  /** An array of strings; {@code null} (reported) when it or an element is wrong. */
  public @Nullable List<String> strings() throws IOException {
    int mark = errors;
    if (!enterArray()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    while (nextElement() >= 0) {
      values.add(string(true));
    }
    return errors == mark ? values : null;
  }

  // ---- values ------------------------------------------------------------------------------

  /** A string; {@code null} when absent ({@code null} and not required) or wrong (reported). */
  public @Nullable String string(boolean required) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    return nullOrMismatch(required, "a string", token);
  }

  /** A JSON integer within {@code long}. */
  public @Nullable Long integer(boolean required) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        error("out of range, was " + parser.getText());
        return null;
      }
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      error("must be a whole number, was " + parser.getText());
      return null;
    }
    return nullOrMismatch(required, "a whole number", token);
  }

  /** A JSON integer within {@code int}. */
  public @Nullable Integer int32(boolean required) throws IOException {
    Long value = integer(required);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      error("out of range, was " + value);
      return null;
    }
    return value.intValue();
  }

  /** {@code true} or {@code false}. */
  public @Nullable Boolean bool(boolean required) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    return nullOrMismatch(required, "true or false", token);
  }

  /** An ISO-8601 date string ({@code "2026-11-27"}). */
  public @Nullable LocalDate date(boolean required) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        error("must be a date like 2026-11-27, was " + quote(text));
        return null;
      }
    }
    return nullOrMismatch(required, "a date like 2026-11-27", token);
  }

  /** A JSON number, exact (decimals allowed). */
  public @Nullable BigDecimal number(boolean required) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      try {
        return parser.getDecimalValue();
      } catch (NumberFormatException e) {
        error("not a usable number, was " + parser.getText());
        return null;
      }
    }
    return nullOrMismatch(required, "a number", token);
  }

  /** A decimal written as a string ({@code "0.5"}), exact; exponents allowed. */
  public @Nullable BigDecimal decimalString(boolean required) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      if (text.length() <= JsonFormat.MAX_DECIMAL_TEXT && DECIMAL.matcher(text).matches()) {
        try {
          return new BigDecimal(text);
        } catch (NumberFormatException e) {
          // an exponent beyond int: reported below
        }
      }
      error("must be a decimal such as \"0.5\", was " + quote(text));
      return null;
    }
    return nullOrMismatch(required, "a string such as \"0.5\"", token);
  }

  /** A plain decimal amount written as a string ({@code "3586.00"}). */
  public @Nullable BigDecimal amount(boolean required) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      BigDecimal value = plainDecimal(text);
      if (value == null) {
        error("must be an amount such as \"3586.00\", was " + quote(text));
      }
      return value;
    }
    return nullOrMismatch(required, "a string such as \"3586.00\"", token);
  }

  /** A price: an amount, optionally followed by a space and a currency code. */
  public @Nullable Price price() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      int space = text.indexOf(' ');
      BigDecimal amount = plainDecimal(space < 0 ? text : text.substring(0, space));
      if (amount == null) {
        error("must be an amount such as \"3586.00\" or \"3586.00 EUR\", was " + quote(text));
        return null;
      }
      if (space < 0) {
        return new Price(amount, null, path());
      }
      String code = text.substring(space + 1);
      if (!Money.isCurrencyCode(code)) {
        error("unknown currency " + quote(code) + " (expected an ISO 4217 code such as \"EUR\")");
        return null;
      }
      return new Price(amount, code, path());
    }
    return nullOrMismatch(false, "a string such as \"3586.00\"", token);
  }

  private static @Nullable BigDecimal plainDecimal(String text) {
    if (text.length() > JsonFormat.MAX_DECIMAL_TEXT || !PLAIN_DECIMAL.matcher(text).matches()) {
      return null;
    }
    return new BigDecimal(text);
  }

  /**
   * One of the names of an enumeration.
   *
   * @param what what the value is, for the message ({@code "device kind"})
   * @param parse the enumeration's {@code parse}
   * @param values its constants
   * @param id the name of a constant in documents
   */
  public <E> @Nullable E choice(
      boolean required,
      String what,
      Function<String, Optional<E>> parse,
      E[] values,
      Function<E, String> id)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      Optional<E> value = parse.apply(text);
      if (value.isPresent()) {
        return value.get();
      }
      List<String> names = new ArrayList<>(values.length);
      for (E constant : values) {
        names.add(id.apply(constant));
      }
      error(
          "unknown "
              + what
              + " "
              + quote(text)
              + " (expected one of: "
              + String.join(", ", names)
              + ")");
      return null;
    }
    return nullOrMismatch(required, "a string", token);
  }

  /** Whether the current value is a string (for values that may be a string or an object). */
  public boolean isString() {
    return parser.currentToken() == JsonToken.VALUE_STRING;
  }

  /** Whether the current value is an object. */
  public boolean isObject() {
    return parser.currentToken() == JsonToken.START_OBJECT;
  }

  /** Whether the current value is {@code null}. */
  public boolean isNull() {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  /** Reports the current value as not one of {@code expected}, and skips it. */
  public void mismatch(String expected) throws IOException {
    mismatch(expected, parser.currentToken());
  }

  private <T> @Nullable T nullOrMismatch(boolean required, String expected, JsonToken token)
      throws IOException {
    if (token == JsonToken.VALUE_NULL && !required) {
      return null;
    }
    mismatch(expected, token);
    return null;
  }

  private void mismatch(String expected, JsonToken token) throws IOException {
    error("must be " + expected + ", was " + describe(token));
    parser.skipChildren();
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> "something else";
    };
  }

  /**
   * A price as written: an amount with its currency code, or without one (then in the document's
   * currency, which may come later in the document).
   *
   * @param amount the amount
   * @param code the currency code written after the amount; {@code null} when none
   * @param path where the price is
   */
  public record Price(BigDecimal amount, @Nullable String code, String path) {}
}
