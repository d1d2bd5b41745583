package io.itam.io.inventory.csv;

import static com.google.common.base.Preconditions.checkArgument;
import static io.itam.io.internal.JsonFormat.quote;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableSortedMap;
import io.itam.io.internal.JsonFile;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How the CSV exports of a discovery tool or a purchasing system map onto the {@link CsvTable}
 * columns: which header holds which field, values to translate (an export's {@code Workstation} is
 * a {@code desktop}), values to assume when a column is absent or a cell empty, and the file's
 * delimiter, encoding and date format.
 *
 * <p>Headers are matched ignoring case and surrounding spaces. Without a mapping a file's headers
 * are the field names themselves.
 *
 * <p>As a JSON file (every field optional):
 *
 * <pre>{@code
 * {
 *   "delimiter": ";",
 *   "encoding": "windows-1252",
 *   "dateFormat": "dd.MM.yyyy",
 *   "devices": {
 *     "columns": { "id": "Hostname", "kind": "Device Type", "unit": "Cost Center",
 *                  "attributes.ram-gb": "RAM (GB)" },
 *     "values": { "kind": { "Workstation": "desktop", "Notebook": "laptop" } },
 *     "defaults": { "kind": "desktop" }
 *   },
 *   "installations": { "columns": { "device": "Hostname", "product": "Software ID" } }
 * }
 * }</pre>
 *
 * <p>Dates in {@code dateFormat} (a {@link DateTimeFormatter} pattern, read strictly) are accepted
 * besides ISO dates. {@code values} keys match ignoring case. A value given by {@code values} or
 * {@code defaults} is read like the cell's text.
 *
 * <p>From command-line flags: {@code ColumnMapping.defaults().withColumn("devices.id=Hostname")}.
 * Instances are immutable and thread-safe.
 */
public final class ColumnMapping {
  private static final ColumnMapping DEFAULTS =
      new ColumnMapping(',', StandardCharsets.UTF_8, null, new EnumMap<>(CsvTable.class));
  private static final Set<String> TOP_FIELDS =
      Set.of(
          "delimiter",
          "encoding",
          "dateFormat",
          "devices",
          "users",
          "installations",
          "entitlements");
  private static final Set<String> TABLE_FIELDS = Set.of("columns", "values", "defaults");

  private final char delimiter;
  private final Charset charset;
  private final @Nullable String dateFormat;
  private final @Nullable DateTimeFormatter dates;
  private final EnumMap<CsvTable, TableMapping> tables;

  /** One table's mapping: field → header, field → (value → value), field → default. */
  private record TableMapping(
      ImmutableSortedMap<String, String> columns,
      ImmutableSortedMap<String, ImmutableSortedMap<String, String>> values,
      ImmutableSortedMap<String, String> defaults) {
    static final TableMapping EMPTY =
        new TableMapping(ImmutableSortedMap.of(), ImmutableSortedMap.of(), ImmutableSortedMap.of());
  }

  private ColumnMapping(
      char delimiter,
      Charset charset,
      @Nullable String dateFormat,
      EnumMap<CsvTable, TableMapping> tables) {
    this.delimiter = delimiter;
    this.charset = charset;
    this.dateFormat = dateFormat;
    this.dates = dateFormat == null ? null : formatter(dateFormat);
    this.tables = tables;
  }

  /** No mapping: headers are field names, comma-separated UTF-8, ISO dates. */
  public static ColumnMapping defaults() {
    return DEFAULTS;
  }

  /**
   * Reads a mapping file (UTF-8 JSON, see the type's description).
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the file, each at {@code
   *     file:devices.columns.hostname}
   */
  public static ColumnMapping read(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  /**
   * Reads a mapping from its JSON text; {@code source} names it in problems.
   *
   * @throws ValidationException listing every problem of the mapping
   */
  public static ColumnMapping parse(String json, String source) {
    return parse(json.getBytes(StandardCharsets.UTF_8), source);
  }

  private static ColumnMapping parse(byte[] json, String source) {
    requireNonNull(source, "source");
    List<Problem> problems = new ArrayList<>();
    JsonNode root = JsonFile.parse(json, source, problems);
    ColumnMapping mapping =
        root == null ? DEFAULTS : new MappingReader(source, problems).read(root);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return mapping;
  }

  /** The column separator ({@code ,} by default). */
  public char delimiter() {
    return delimiter;
  }

  /** The files' character encoding (UTF-8 by default). */
  public Charset charset() {
    return charset;
  }

  /** The date pattern accepted besides ISO dates; {@code null} for ISO dates only. */
  public @Nullable String dateFormat() {
    return dateFormat;
  }

  /** The header that holds {@code field} of {@code table}: the mapped one, else the field name. */
  public String header(CsvTable table, String field) {
    return table(table).columns.getOrDefault(field, field);
  }

  /** The fields of {@code table} mapped to other headers, by field. */
  public Map<String, String> columns(CsvTable table) {
    return table(table).columns;
  }

  /** The value assumed for {@code field} of {@code table} when absent; {@code null} when none. */
  public @Nullable String defaultValue(CsvTable table, String field) {
    return table(table).defaults.get(field);
  }

  /** {@code text} of {@code field} translated by the mapping's values (case ignored). */
  String translate(CsvTable table, String field, String text) {
    Map<String, String> values = table(table).values.get(field);
    if (values == null) {
      return text;
    }
    return values.getOrDefault(text.toLowerCase(Locale.ROOT), text);
  }

  @Nullable DateTimeFormatter dates() {
    return dates;
  }

  private TableMapping table(CsvTable table) {
    return tables.getOrDefault(table, TableMapping.EMPTY);
  }

  /**
   * This mapping with {@code field} of {@code table} read from the column headed {@code header}.
   *
   * @throws IllegalArgumentException when the table has no such field
   */
  public ColumnMapping withColumn(CsvTable table, String field, String header) {
    checkField(table, field);
    checkArgument(!header.isBlank(), "header: must not be blank");
    TableMapping old = table(table);
    return with(
        table, new TableMapping(put(old.columns, field, header.strip()), old.values, old.defaults));
  }

  /**
   * This mapping with one column given as a command-line flag's value, {@code table.field=Header}
   * ({@code devices.id=Hostname}).
   *
   * @throws IllegalArgumentException naming what is wrong with {@code assignment}
   */
  public ColumnMapping withColumn(String assignment) {
    int equals = assignment.indexOf('=');
    int dot =
        assignment.indexOf('.'); // the table is before the first dot (attributes.NAME has one)
    checkArgument(
        equals > 0 && dot > 0 && dot < equals,
        "column mapping %s: expected table.field=Header, e.g. devices.id=Hostname",
        quote(assignment));
    String name = assignment.substring(0, dot);
    CsvTable table =
        CsvTable.parse(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "column mapping "
                            + quote(assignment)
                            + ": unknown table "
                            + quote(name)
                            + " (tables: devices, users, installations, entitlements)"));
    return withColumn(
        table, assignment.substring(dot + 1, equals), assignment.substring(equals + 1));
  }

  /** This mapping with {@code default} assumed for {@code field} of {@code table} when absent. */
  public ColumnMapping withDefault(CsvTable table, String field, String value) {
    checkField(table, field);
    TableMapping old = table(table);
    return with(table, new TableMapping(old.columns, old.values, put(old.defaults, field, value)));
  }

  /** This mapping with the text {@code from} of {@code field} read as {@code to} (case ignored). */
  public ColumnMapping withValue(CsvTable table, String field, String from, String to) {
    checkField(table, field);
    TableMapping old = table(table);
    ImmutableSortedMap<String, String> values =
        put(
            old.values.getOrDefault(field, ImmutableSortedMap.of()),
            from.strip().toLowerCase(Locale.ROOT),
            to);
    return with(table, new TableMapping(old.columns, put(old.values, field, values), old.defaults));
  }

  /** This mapping with columns separated by {@code delimiter} ({@code ;} in many locales). */
  public ColumnMapping withDelimiter(char delimiter) {
    checkArgument(
        delimiter != '"' && delimiter != '\n' && delimiter != '\r',
        "delimiter: must not be a quote or a line break");
    return new ColumnMapping(delimiter, charset, dateFormat, tables);
  }

  /** This mapping reading files in {@code charset}. */
  public ColumnMapping withCharset(Charset charset) {
    return new ColumnMapping(delimiter, requireNonNull(charset, "charset"), dateFormat, tables);
  }

  /**
   * This mapping accepting dates in {@code pattern} ({@code dd.MM.yyyy}) besides ISO dates.
   *
   * @throws IllegalArgumentException when {@code pattern} is no date pattern
   */
  public ColumnMapping withDateFormat(String pattern) {
    formatter(pattern);
    return new ColumnMapping(delimiter, charset, pattern, tables);
  }

  private ColumnMapping with(CsvTable table, TableMapping mapping) {
    EnumMap<CsvTable, TableMapping> copy = new EnumMap<>(CsvTable.class);
    copy.putAll(tables);
    copy.put(table, mapping);
    return new ColumnMapping(delimiter, charset, dateFormat, copy);
  }

  private static void checkField(CsvTable table, String field) {
    checkArgument(
        table.hasField(field),
        "unknown field %s of %s (fields: %s%s)",
        quote(field),
        table.id(),
        String.join(", ", table.fields()),
        table == CsvTable.DEVICES ? ", attributes.NAME" : "");
  }

  private static <V> ImmutableSortedMap<String, V> put(Map<String, V> map, String key, V value) {
    TreeMap<String, V> copy = new TreeMap<>(map);
    copy.put(key, value);
    return ImmutableSortedMap.copyOf(copy);
  }

  /** A strict formatter of {@code pattern}, with {@code y} read as the proleptic year. */
  private static DateTimeFormatter formatter(String pattern) {
    StringBuilder proleptic = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      proleptic.append(!quoted && c == 'y' ? 'u' : c);
    }
    try {
      return DateTimeFormatter.ofPattern(proleptic.toString(), Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "date format " + quote(pattern) + ": " + e.getMessage(), e);
    }
  }

  /** Reads a mapping document, collecting problems at {@code source:path}. */
  private static final class MappingReader {
    private final String source;
    private final List<Problem> problems;

    MappingReader(String source, List<Problem> problems) {
      this.source = source;
      this.problems = problems;
    }

    ColumnMapping read(JsonNode root) {
      ColumnMapping mapping = DEFAULTS;
      if (!root.isObject()) {
        problem("", "must be a JSON object");
        return mapping;
      }
      unknown(root, "", TOP_FIELDS);
      String delimiter = text(root, "delimiter", "");
      if (delimiter != null) {
        String value = delimiter.equals("\\t") ? "\t" : delimiter;
        if (value.length() != 1 || value.equals("\"") || value.equals("\n") || value.equals("\r")) {
          problem(
              "delimiter",
              "must be one character other than a quote or a line break, was " + quote(delimiter));
        } else {
          mapping = mapping.withDelimiter(value.charAt(0));
        }
      }
      String encoding = text(root, "encoding", "");
      if (encoding != null) {
        try {
          mapping = mapping.withCharset(Charset.forName(encoding));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          problem("encoding", "unknown character encoding " + quote(encoding));
        }
      }
      String dateFormat = text(root, "dateFormat", "");
      if (dateFormat != null) {
        try {
          mapping = mapping.withDateFormat(dateFormat);
        } catch (IllegalArgumentException e) {
          problem("dateFormat", "not a date pattern such as \"dd.MM.yyyy\": " + e.getMessage());
        }
      }
      for (CsvTable table : CsvTable.values()) {
        JsonNode node = root.get(table.id());
        if (node == null || node.isNull()) {
          continue;
        }
        if (!node.isObject()) {
          problem(table.id(), "must be an object with columns, values, defaults");
          continue;
        }
        unknown(node, table.id(), TABLE_FIELDS);
        mapping = table(mapping, table, node);
      }
      return mapping;
    }

    private ColumnMapping table(ColumnMapping mapping, CsvTable table, JsonNode node) {
      String at = table.id();
      for (Map.Entry<String, JsonNode> entry : fields(node, "columns", at)) {
        String path = at + ".columns." + entry.getKey();
        String header = string(entry.getValue(), path);
        if (field(table, entry.getKey(), path) && header != null) {
          mapping = mapping.withColumn(table, entry.getKey(), header);
        }
      }
      for (Map.Entry<String, JsonNode> entry : fields(node, "defaults", at)) {
        String path = at + ".defaults." + entry.getKey();
        String value = string(entry.getValue(), path);
        if (field(table, entry.getKey(), path) && value != null) {
          mapping = mapping.withDefault(table, entry.getKey(), value);
        }
      }
      for (Map.Entry<String, JsonNode> entry : fields(node, "values", at)) {
        String path = at + ".values." + entry.getKey();
        if (!field(table, entry.getKey(), path)) {
          continue;
        }
        if (!entry.getValue().isObject()) {
          problem(path, "must be an object of values, e.g. {\"Workstation\": \"desktop\"}");
          continue;
        }
        for (Map.Entry<String, JsonNode> value : entry.getValue().properties()) {
          String to = string(value.getValue(), path + "." + value.getKey());
          if (to != null) {
            mapping = mapping.withValue(table, entry.getKey(), value.getKey(), to);
          }
        }
      }
      return mapping;
    }

    private List<Map.Entry<String, JsonNode>> fields(JsonNode node, String field, String at) {
      JsonNode value = node.get(field);
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      if (value == null || value.isNull()) {
        return entries;
      }
      if (!value.isObject()) {
        problem(at + "." + field, "must be an object");
        return entries;
      }
      entries.addAll(value.properties());
      return entries;
    }

    private boolean field(CsvTable table, String field, String path) {
      if (table.hasField(field)) {
        return true;
      }
      problem(
          path,
          "unknown field of "
              + table.id()
              + " (fields: "
              + String.join(", ", table.fields())
              + (table == CsvTable.DEVICES ? ", attributes.NAME" : "")
              + ")");
      return false;
    }

    private void unknown(JsonNode node, String at, Set<String> known) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          problem(at.isEmpty() ? name : at + "." + name, "unknown field");
        }
      }
    }

    private @Nullable String text(JsonNode node, String field, String at) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      return string(value, at.isEmpty() ? field : at + "." + field);
    }

    private @Nullable String string(JsonNode value, String path) {
      if (!value.isTextual() || value.asText().isEmpty()) {
        problem(path, "must be a non-empty string");
        return null;
      }
      return value.asText();
    }

    private void problem(String path, String message) {
      problems.add(Problem.at(path.isEmpty() ? source : source + ":" + path, message));
    }
  }
}
