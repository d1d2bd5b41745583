package io.itam.io.inventory.csv;

import static io.itam.io.internal.JsonFormat.quote;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.itam.io.internal.CsvInput;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.DeviceOwner;
import io.itam.model.inventory.DeviceRole;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one CSV table into estate records, collecting every problem at {@code file:line:header}
 * ({@code devices.csv:17:host}), {@code file:line} for a row or {@code file:1:header} for the
 * header.
 */
final class TableReader {
  private static final Pattern COUNT = Pattern.compile("[+-]?[0-9]{1,19}");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");

  private final CsvTable table;
  private final ColumnMapping mapping;
  private final @Nullable String currency;
  private final boolean allowUnknownColumns;
  private final String source;
  private final List<Problem> problems;

  private final List<Object> records = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();

  // From the header: the column index of each field, and the header as written in the file.
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final Map<String, String> headers = new HashMap<>();
  private final Map<String, String> attributes = new TreeMap<>(); // attribute name → field
  private final Map<String, Integer> ids = new HashMap<>();
  private int width;

  TableReader(
      CsvTable table,
      ColumnMapping mapping,
      @Nullable String currency,
      boolean allowUnknownColumns,
      String source,
      List<Problem> problems) {
    this.table = table;
    this.mapping = mapping;
    this.currency = currency;
    this.allowUnknownColumns = allowUnknownColumns;
    this.source = source;
    this.problems = problems;
  }

  /** The records read, in file order. */
  List<Object> records() {
    return records;
  }

  /** The line of each record, in the order of {@link #records()}. */
  List<Integer> lines() {
    return lines;
  }

  /**
   * Reads the table from {@code in}.
   *
   * @throws IOException when {@code in} fails (malformed content is a problem, not an exception)
   */
  void read(InputStream in) throws IOException {
    Reader reader = new DecodingReader(in, mapping.charset());
    try (CsvInput csv = CsvInput.trimming(reader, mapping.delimiter())) {
      List<String> cells = new ArrayList<>();
      int line = csv.next(cells);
      if (line < 0) {
        problems.add(Problem.at(source, "empty: expected a header row"));
        return;
      }
      header(cells, line);
      while ((line = csv.next(cells)) >= 0) {
        record(cells, line);
      }
    } catch (JsonProcessingException e) {
      int line = CsvInput.line(e);
      JsonLocation location = e.getLocation();
      problems.add(
          Problem.at(
              line < 0 ? source : source + ":" + line,
              "malformed CSV"
                  + (location == null ? "" : " at column " + location.getColumnNr())
                  + ": "
                  + CsvInput.describe(e)));
    } catch (DecodingReader.Undecodable e) {
      problems.add(
          Problem.at(
              source + ":" + e.line(),
              "not "
                  + mapping.charset().name()
                  + " text (give the file's encoding in the mapping)"));
    }
  }

  // ---- header ------------------------------------------------------------------------------

  private void header(List<String> cells, int line) {
    width = cells.size();
    Map<String, Integer> byName = new HashMap<>();
    List<String> names = new ArrayList<>();
    List<Integer> duplicates = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      name = name.strip();
      names.add(name);
      if (name.isEmpty()) {
        continue;
      }
      if (byName.putIfAbsent(lower(name), i) != null) {
        problems.add(Problem.at(at(line, name), "duplicate column"));
        duplicates.add(i);
      }
    }
    boolean[] used = new boolean[cells.size()];
    duplicates.forEach(i -> used[i] = true);
    Map<String, String> mapped = mapping.columns(table);
    for (Column column : table.columns()) {
      String header = mapping.header(table, column.name());
      Integer i = byName.get(lower(header));
      if (i != null) {
        index.put(column.name(), i);
        headers.put(column.name(), names.get(i));
        used[i] = true;
      } else if (mapped.containsKey(column.name())) {
        problems.add(
            Problem.at(
                source + ":" + line,
                "no column " + quote(header) + " (mapped to " + column.name() + ")"));
      } else if (column.required() && mapping.defaultValue(table, column.name()) == null) {
        problems.add(
            Problem.at(source + ":" + line, "no column " + quote(column.name()) + " (required)"));
      }
    }
    if (table == CsvTable.DEVICES) {
      mapped.forEach(
          (field, header) -> {
            if (CsvTable.isAttribute(field)) {
              Integer i = byName.get(lower(header));
              if (i == null) {
                problems.add(
                    Problem.at(
                        source + ":" + line,
                        "no column " + quote(header) + " (mapped to " + field + ")"));
              } else {
                attribute(field, i, names.get(i), used);
              }
            }
          });
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (!used[i] && CsvTable.isAttribute(name)) {
          attribute(name, i, name, used);
        }
      }
    }
    for (int i = 0; i < names.size(); i++) {
      if (!used[i] && !names.get(i).isEmpty() && !allowUnknownColumns) {
        problems.add(
            Problem.at(
                at(line, names.get(i)),
                "unknown column (columns of "
                    + table.fileName()
                    + ": "
                    + String.join(", ", table.fields())
                    + (table == CsvTable.DEVICES ? ", attributes.NAME" : "")
                    + "); map it or allow unknown columns"));
      }
    }
  }

  private void attribute(String field, int i, String header, boolean[] used) {
    String name = field.substring(CsvTable.ATTRIBUTES.length());
    if (attributes.putIfAbsent(name, field) == null) {
      index.put(field, i);
      headers.put(field, header);
      used[i] = true;
    }
  }

  // ---- rows --------------------------------------------------------------------------------

  private void record(List<String> cells, int line) {
    if (cells.size() > width) {
      boolean extra = false;
      for (int i = width; i < cells.size(); i++) {
        extra |= !cells.get(i).isBlank();
      }
      if (extra) {
        problems.add(
            Problem.at(
                source + ":" + line,
                cells.size()
                    + " cells, but the header has "
                    + width
                    + " columns (a value with an unquoted delimiter?)"));
        return;
      }
    }
    Row row = new Row(cells, line);
    Object record =
        switch (table) {
          case DEVICES -> device(row);
          case USERS -> user(row);
          case INSTALLATIONS -> installation(row);
          case ENTITLEMENTS -> entitlement(row);
        };
    if (row.sound()) {
      records.add(record);
      lines.add(line);
    }
  }

  private @Nullable Device device(Row row) {
    String id = row.text("id");
    DeviceKind kind =
        row.choice("kind", "device kind", DeviceKind::parse, DeviceKind.values(), DeviceKind::id);
    unique(row, id);
    Device.Builder device =
        Device.builder(id == null ? "" : id, kind == null ? DeviceKind.DESKTOP : kind)
            .unit(row.text("unit"))
            .processors(row.count("processors"))
            .coresPerProcessor(row.count("coresPerProcessor"))
            .threadsPerCore(row.count("threadsPerCore"))
            .maxProcessors(row.count("maxProcessors"))
            .cpu(row.text("cpu"))
            .host(row.text("host"))
            .vcpus(row.count("vcpus"))
            .primaryUser(row.text("primaryUser"))
            .owner(
                row.choice(
                    "owner",
                    "device owner",
                    DeviceOwner::parse,
                    DeviceOwner.values(),
                    DeviceOwner::id))
            .role(
                row.choice(
                    "role", "device role", DeviceRole::parse, DeviceRole.values(), DeviceRole::id))
            .failoverFor(row.text("failoverFor"));
    attributes.forEach(
        (name, field) -> {
          BigDecimal value = row.decimal(field);
          if (value != null) {
            device.attribute(name, value);
          }
        });
    return row.sound() ? device.build() : null;
  }

  private @Nullable User user(Row row) {
    String id = row.text("id");
    unique(row, id);
    String unit = row.text("unit");
    Boolean active = row.bool("active");
    return row.sound() ? new User(nonNull(id), unit, active == null || active) : null;
  }

  private @Nullable Installation installation(Row row) {
    Installation installation =
        new Installation(
            nonNull(row.text("device")),
            nonNull(row.text("product")),
            row.text("version"),
            row.text("edition"),
            row.date("installed"),
            row.date("lastUsed"));
    return row.sound() ? installation : null;
  }

  private @Nullable Entitlement entitlement(Row row) {
    String id = row.text("id");
    unique(row, id);
    String model = row.text("licenseModel");
    Long quantity = row.count("quantity");
    Entitlement.Builder entitlement =
        Entitlement.builder(nonNull(id), nonNull(model))
            .quantity(quantity == null ? 0 : quantity)
            .scope(row.text("scope"))
            .validFrom(row.date("validFrom"))
            .validUntil(row.date("validUntil"))
            .maintenanceUntil(row.date("maintenanceUntil"))
            .unitPrice(row.price("unitPrice"))
            .reference(row.text("reference"));
    return row.sound() ? entitlement.build() : null;
  }

  private static String nonNull(@Nullable String value) {
    return value == null ? "" : value;
  }

  private void unique(Row row, @Nullable String id) {
    if (id == null) {
      return;
    }
    Integer first = ids.putIfAbsent(id, row.line);
    if (first != null) {
      row.error("id", "duplicate id " + quote(id) + " (first on line " + first + ")");
    }
  }

  private String at(int line, String header) {
    return source + ":" + line + ":" + header;
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  /** The cells of one row, read field by field; problems at {@code file:line:header}. */
  private final class Row {
    private final List<String> cells;
    private final int line;
    private final int before = problems.size();

    Row(List<String> cells, int line) {
      this.cells = List.copyOf(cells);
      this.line = line;
    }

    boolean sound() {
      return problems.size() == before;
    }

    void error(String field, String message) {
      String header = headers.get(field);
      problems.add(
          Problem.at(
              header == null ? source + ":" + line + ":" + field : at(line, header), message));
    }

    /** The field's text: the cell, translated by the mapping; else its default; else null. */
    @Nullable String raw(String field) {
      Integer i = index.get(field);
      String text = i == null || i >= cells.size() ? "" : cells.get(i);
      if (!text.isEmpty()) {
        return mapping.translate(table, field, text);
      }
      String fallback = mapping.defaultValue(table, field);
      if (fallback == null) {
        Optional<Column> column = table.column(field);
        if (column.isPresent() && column.get().required() && i != null) {
          error(field, "required");
        }
        return null;
      }
      return mapping.translate(table, field, fallback);
    }

    @Nullable String text(String field) {
      return raw(field);
    }

    @Nullable Long count(String field) {
      String text = raw(field);
      if (text == null) {
        return null;
      }
      if (COUNT.matcher(text).matches()) {
        try {
          return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
          error(field, "out of range, was " + text);
          return null;
        }
      }
      error(field, "must be a whole number, was " + quote(text));
      return null;
    }

    @Nullable BigDecimal decimal(String field) {
      String text = raw(field);
      if (text == null) {
        return null;
      }
      if (DECIMAL.matcher(text).matches()) {
        return new BigDecimal(text);
      }
      error(field, "must be a decimal number such as 12.5, was " + quote(text));
      return null;
    }

    @Nullable Boolean bool(String field) {
      String text = raw(field);
      if (text == null) {
        return null;
      }
      switch (lower(text)) {
        case "true", "yes", "1" -> {
          return true;
        }
        case "false", "no", "0" -> {
          return false;
        }
        default -> {
          error(field, "must be true or false, was " + quote(text));
          return null;
        }
      }
    }

    @Nullable LocalDate date(String field) {
      String text = raw(field);
      if (text == null) {
        return null;
      }
      LocalDate date = parseDate(text, mapping.dates());
      if (date == null) {
        error(
            field,
            "must be a date like 2026-11-27"
                + (mapping.dateFormat() == null ? "" : " or " + mapping.dateFormat())
                + ", was "
                + quote(text));
      }
      return date;
    }

    @Nullable Money price(String field) {
      String text = raw(field);
      if (text == null) {
        return null;
      }
      int space = text.lastIndexOf(' ');
      String amount = space < 0 ? text : text.substring(0, space).strip();
      String code = space < 0 ? currency : text.substring(space + 1);
      if (!DECIMAL.matcher(amount).matches()) {
        error(field, "must be an amount such as 420.00 or 420.00 EUR, was " + quote(text));
        return null;
      }
      if (code == null) {
        error(
            field,
            "no currency: write "
                + quote(amount + " EUR")
                + " or give the reader the estate's currency");
        return null;
      }
      if (!Money.isCurrencyCode(code)) {
        error(
            field, "unknown currency " + quote(code) + " (expected an ISO 4217 code such as EUR)");
        return null;
      }
      return Money.of(new BigDecimal(amount), code);
    }

    <E> @Nullable E choice(
        String field,
        String what,
        Function<String, Optional<E>> parse,
        E[] values,
        Function<E, String> id) {
      String text = raw(field);
      if (text == null) {
        return null;
      }
      Optional<E> value = parse.apply(lower(text));
      if (value.isPresent()) {
        return value.get();
      }
      List<String> names = new ArrayList<>();
      for (E constant : values) {
        names.add(id.apply(constant));
      }
      error(
          field,
          "unknown "
              + what
              + " "
              + quote(text)
              + " (expected one of: "
              + String.join(", ", names)
              + ")");
      return null;
    }
  }

  /**
   * An ISO date, a date in {@code format}, or the date of an ISO date-time ({@code 2026-11-27
   * 13:45}, {@code 2026-11-27T13:45:00Z}) as written; {@code null} when none.
   */
  static @Nullable LocalDate parseDate(String text, @Nullable DateTimeFormatter format) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      // try the others
    }
    if (format != null) {
      try {
        return LocalDate.parse(text, format);
      } catch (DateTimeParseException e) {
        // try the others
      }
    }
    String iso =
        text.length() > 10 && text.charAt(10) == ' '
            ? text.substring(0, 10) + "T" + text.substring(11)
            : text;
    try {
      return LocalDateTime.parse(iso).toLocalDate();
    } catch (DateTimeParseException e) {
      // try the others
    }
    try {
      return OffsetDateTime.parse(iso).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
