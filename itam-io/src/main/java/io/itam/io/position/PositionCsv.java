package io.itam.io.position;

import static io.itam.io.internal.JsonFormat.quote;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.itam.io.internal.Amounts;
import io.itam.io.internal.CsvInput;
import io.itam.io.internal.CsvOutput;
import io.itam.io.internal.PositionColumns;
import io.itam.io.internal.PositionColumns.Column;
import io.itam.io.internal.PositionColumns.Table;
import io.itam.io.internal.PositionColumns.Values;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.position.Position;
import io.itam.model.position.Summary;
import io.itam.model.terms.MetricType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes an effective licence position as a set of CSV files, one per view, for spreadsheets and
 * the tools of a licence manager; and reads such a set back into the same {@link Position}.
 *
 * <p>Each {@link View} is one file in one directory, always written, with a header row even when it
 * has no rows: {@code summary.csv} (one row: the document's header and summary), {@code
 * licences.csv}, {@code products.csv}, {@code allocations.csv}, {@code shortfalls.csv}, {@code
 * exempt.csv}, {@code rejected.csv}, {@code notes.csv} and {@code accounting.csv}. Columns are the
 * fields of the position document (estate-format.md) in its order; a field of the remedy is named
 * by its path ({@code remedy.packs}).
 *
 * <p>The bytes are canonical (RFC 4180, written with Jackson's CSV generator): UTF-8 without a byte
 * order mark, {@code \n} after every record, a field quoted only when it holds a comma, a double
 * quote, a carriage return or a line feed; rows in the position's order; amounts as in the position
 * document, exact with the currency's minor digits ({@code 14344.00}; 2 without a currency);
 * booleans {@code true} and {@code false}; an absent optional field is an empty field. The
 * entitlements of a licence are one field, their ids separated by {@code ;} (a {@code ;} or {@code
 * \} inside an id escaped by a {@code \}). Values are written as they are: a spreadsheet that
 * evaluates a field beginning with {@code =} does so at its user's request.
 *
 * <pre>{@code
 * PositionCsv.create().write(position, Path.of("position-csv"));
 * Position same = PositionCsv.create().read(Path.of("position-csv"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PositionCsv {
  private static final PositionCsv INSTANCE = new PositionCsv();

  private static final Pattern COUNT = Pattern.compile("[0-9]{1,18}");
  private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,20})?");

  /** One file of the set: a table of the position. */
  public enum View {
    /** One row: {@code format}, {@code asOf}, {@code currency}, {@code compliant}, the summary. */
    SUMMARY(PositionColumns.SUMMARY),
    /** One row per licence model: what is owned, consumed and spare. */
    LICENCES(PositionColumns.LICENCES),
    /** One row per product and licence model: required, covered, short, and what to buy. */
    PRODUCTS(PositionColumns.PRODUCTS),
    /** One row per allocation of an entitlement's units to a consumer, with the reason. */
    ALLOCATIONS(PositionColumns.ALLOCATIONS),
    /** One row per consumer short of licences, with the reason. */
    SHORTFALLS(PositionColumns.SHORTFALLS),
    /** One row per exemption applied. */
    EXEMPT(PositionColumns.EXEMPT),
    /** One row per input record that does not count, with the reason. */
    REJECTED(PositionColumns.REJECTED),
    /** One row per pool solved by a heuristic, with its bound and gap. */
    NOTES(PositionColumns.NOTES),
    /** One row per kind of input record: what became of every record. */
    ACCOUNTING(PositionColumns.ACCOUNTING);

    private final Table<?> table;

    View(Table<?> table) {
      this.table = table;
    }

    /** The file of the view: {@code products.csv}. */
    public String fileName() {
      return table.view() + ".csv";
    }

    /** The columns of its header row, in order. */
    public List<String> columns() {
      List<String> names = new ArrayList<>();
      if (this == SUMMARY) {
        PositionColumns.HEADER.forEach(c -> names.add(c.name()));
      }
      names.addAll(table.names());
      return names;
    }
  }

  private PositionCsv() {}

  /** The writer and reader. */
  public static PositionCsv create() {
    return INSTANCE;
  }

  /**
   * Writes every view of {@code position} into {@code directory}, which is created when missing;
   * each file is replaced (atomically where the file system can). Other files are left alone.
   *
   * @throws IOException when a file cannot be written
   */
  public void write(Position position, Path directory) throws IOException {
    requireNonNull(position, "position");
    requireNonNull(directory, "directory");
    Files.createDirectories(directory);
    for (View view : View.values()) {
      Path file = directory.resolve(view.fileName());
      Path temporary = Files.createTempFile(directory, "." + view.table.view(), ".csv.tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          write(position, view, out);
        }
        try {
          Files.move(
              temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** Writes one view of {@code position} to {@code out}, which is flushed and left open. */
  public void write(Position position, View view, OutputStream out) throws IOException {
    requireNonNull(position, "position");
    requireNonNull(view, "view");
    Writer writer = new OutputStreamWriter(requireNonNull(out, "out"), StandardCharsets.UTF_8);
    CsvOutput csv = CsvOutput.of(writer);
    csv.row(view.columns());
    String currency = position.currency();
    if (view == View.SUMMARY) {
      List<String> cells = cells(PositionColumns.HEADER, position, currency);
      cells.addAll(cells(PositionColumns.SUMMARY.columns(), position.summary(), currency));
      csv.row(cells);
    } else {
      rows(view.table, position, currency, csv);
    }
    csv.flush();
    writer.flush();
  }

  private static <R> void rows(
      Table<R> table, Position position, @Nullable String currency, CsvOutput csv)
      throws IOException {
    for (R row : table.rows().apply(position)) {
      csv.row(cells(table.columns(), row, currency));
    }
  }

  private static <R> List<String> cells(
      List<Column<R, ?>> columns, R row, @Nullable String currency) {
    List<String> cells = new ArrayList<>(columns.size());
    for (Column<R, ?> column : columns) {
      cells.add(cell(column.type(), column.value(row), currency));
    }
    return cells;
  }

  /** The text of one value in a CSV field; empty when absent. */
  static String cell(PositionColumns.Type type, @Nullable Object value, @Nullable String currency) {
    if (value == null) {
      return "";
    }
    return switch (type) {
      case AMOUNT -> Amounts.format((BigDecimal) value, currency);
      case METRIC -> ((MetricType) value).id();
      case IDS -> joinIds(((List<?>) value).stream().map(String.class::cast).toList());
      case ID, TEXT, REASON, COUNT, BOOLEAN, DATE -> value.toString();
    };
  }

  /** One view of {@code position} as text. */
  public String writeString(Position position, View view) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(position, view, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Reads the views in {@code directory} back into a position. Every file must be there, with the
   * header this class writes (columns in any order); everything wrong with them is reported at
   * once, each problem at {@code file[row].column} (rows counted from 0 after the header).
   *
   * @throws IOException when a file cannot be read
   * @throws ValidationException listing every problem of the files
   */
  public Position read(Path directory) throws IOException {
    requireNonNull(directory, "directory");
    Map<View, String> texts = new EnumMap<>(View.class);
    List<Problem> problems = new ArrayList<>();
    for (View view : View.values()) {
      Path file = directory.resolve(view.fileName());
      if (!Files.isRegularFile(file)) {
        problems.add(Problem.at(view.fileName(), "missing: no such file in " + directory));
        continue;
      }
      String text = decode(Files.readAllBytes(file), view.fileName(), problems);
      if (text != null) {
        texts.put(view, text);
      }
    }
    return new Reading(texts, problems).position();
  }

  /**
   * Reads views given as text, keyed by view, into a position: the same rules as {@link
   * #read(Path)}.
   *
   * @throws ValidationException listing every problem of the texts
   */
  public Position read(Map<View, String> views) {
    requireNonNull(views, "views");
    List<Problem> problems = new ArrayList<>();
    Map<View, String> texts = new EnumMap<>(View.class);
    for (View view : View.values()) {
      String text = views.get(view);
      if (text == null) {
        problems.add(Problem.at(view.fileName(), "missing"));
      } else {
        texts.put(view, withoutByteOrderMark(text));
      }
    }
    return new Reading(texts, problems).position();
  }

  /**
   * {@code bytes} as UTF-8 text; {@code null}, with a problem at {@code file}, when they are not.
   */
  private static @Nullable String decode(byte[] bytes, String file, List<Problem> problems) {
    try {
      return withoutByteOrderMark(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      problems.add(Problem.at(file, "not UTF-8 text"));
      return null;
    }
  }

  private static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Ids separated by {@code ;}, each {@code ;} and {@code \} inside an id escaped by {@code \}. */
  static String joinIds(List<String> ids) {
    StringBuilder text = new StringBuilder();
    for (int n = 0; n < ids.size(); n++) {
      if (n > 0) {
        text.append(';');
      }
      String id = ids.get(n);
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (c == ';' || c == '\\') {
          text.append('\\');
        }
        text.append(c);
      }
    }
    return text.toString();
  }

  /** The ids of a field written by {@link #joinIds}; {@code null} when an escape is unfinished. */
  static @Nullable List<String> splitIds(String text) {
    List<String> ids = new ArrayList<>();
    if (text.isEmpty()) {
      return ids;
    }
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 == text.length()) {
          return null;
        }
        id.append(text.charAt(++i));
      } else if (c == ';') {
        ids.add(id.toString());
        id.setLength(0);
      } else {
        id.append(c);
      }
    }
    ids.add(id.toString());
    return ids;
  }

  /** One record of a view: the line it starts on and its fields. */
  private record Record(int line, List<String> fields) {}

  /** Reading a set of views: their texts and every problem found so far. */
  private static final class Reading {
    private final Map<View, String> texts;
    private final List<Problem> problems;

    Reading(Map<View, String> texts, List<Problem> problems) {
      this.texts = texts;
      this.problems = problems;
    }

    Position position() {
      List<Position> header = new ArrayList<>();
      for (Fields fields : fields(View.SUMMARY)) {
        Position top = header(fields);
        if (top != null) {
          header.add(top);
        }
      }
      Map<View, List<?>> rows = new EnumMap<>(View.class);
      for (View view : View.values()) {
        if (view != View.SUMMARY) {
          rows.put(view, rows(view.table, view));
        }
      }
      if (texts.containsKey(View.SUMMARY) && header.size() != 1 && problemsIn(View.SUMMARY) == 0) {
        problems.add(
            Problem.at(View.SUMMARY.fileName(), "must have exactly one row, has " + header.size()));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      Position top = header.get(0);
      return new Position(
          top.format(),
          top.asOf(),
          top.currency(),
          top.compliant(),
          top.summary(),
          list(rows, View.LICENCES, PositionColumns.LICENCES),
          list(rows, View.PRODUCTS, PositionColumns.PRODUCTS),
          list(rows, View.ALLOCATIONS, PositionColumns.ALLOCATIONS),
          list(rows, View.SHORTFALLS, PositionColumns.SHORTFALLS),
          list(rows, View.EXEMPT, PositionColumns.EXEMPT),
          list(rows, View.REJECTED, PositionColumns.REJECTED),
          list(rows, View.NOTES, PositionColumns.NOTES),
          list(rows, View.ACCOUNTING, PositionColumns.ACCOUNTING));
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> list(Map<View, List<?>> rows, View view, Table<R> table) {
      return (List<R>) rows.get(view);
    }

    private long problemsIn(View view) {
      return problems.stream().filter(p -> p.path().startsWith(view.fileName())).count();
    }

    /** The position of the summary row: its header fields and summary, no lists. */
    private @Nullable Position header(Fields f) {
      Map<Column<?, ?>, Object> values = new HashMap<>();
      for (Column<Position, ?> column : PositionColumns.HEADER) {
        Object value = f.value(column, false);
        String problem = value == null ? null : PositionColumns.check(column, value);
        if (problem != null) {
          f.problem(column.name(), problem);
        } else if (value != null) {
          values.put(column, value);
        }
      }
      Summary summary = f.row(PositionColumns.SUMMARY);
      if (summary == null || !f.sound()) {
        return null;
      }
      Values header = new Values(values);
      return new Position(
          header.get(PositionColumns.FORMAT).intValue(),
          header.get(PositionColumns.AS_OF),
          header.get(PositionColumns.CURRENCY),
          header.get(PositionColumns.COMPLIANT),
          summary,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }

    /** The rows of {@code view} that read without a problem. */
    private <R> List<R> rows(Table<R> table, View view) {
      List<R> rows = new ArrayList<>();
      for (Fields fields : fields(view)) {
        R row = fields.row(table);
        if (row != null) {
          rows.add(row);
        }
      }
      return rows;
    }

    /** The records of {@code view} after its header, each as the fields of one row. */
    private List<Fields> fields(View view) {
      List<Fields> rows = new ArrayList<>();
      String text = texts.get(view);
      if (text == null) {
        return rows;
      }
      String file = view.fileName();
      if (text.isEmpty()) {
        problems.add(Problem.at(file, "empty: the header row is missing"));
        return rows;
      }
      List<Record> records = records(text, file);
      if (records.isEmpty()) {
        return rows;
      }
      Map<String, Integer> index = header(view, records.get(0));
      if (index == null) {
        return rows;
      }
      for (int r = 1; r < records.size(); r++) {
        Record record = records.get(r);
        String at = file + "[" + (r - 1) + "]";
        if (record.fields().size() != index.size()) {
          int n = record.fields().size();
          problems.add(
              Problem.at(
                  at,
                  "line "
                      + record.line()
                      + ": "
                      + n
                      + (n == 1 ? " field" : " fields")
                      + ", the header has "
                      + index.size()));
          continue;
        }
        rows.add(new Fields(at, index, record.fields()));
      }
      return rows;
    }

    /** The records of {@code text}; none, with a problem, when it is not CSV. */
    private List<Record> records(String text, String file) {
      List<Record> records = new ArrayList<>();
      try (CsvInput csv = CsvInput.exact(new StringReader(text))) {
        List<String> cells = new ArrayList<>();
        for (int line; (line = csv.next(cells)) >= 0; ) {
          records.add(new Record(line, List.copyOf(cells)));
        }
        return records;
      } catch (JsonProcessingException e) {
        int line = CsvInput.line(e);
        problems.add(
            Problem.at(
                file, (line < 0 ? "" : "line " + line + ": ") + "malformed CSV: " + describe(e)));
        return List.of();
      } catch (IOException e) {
        throw new UncheckedIOException("reading from a string cannot fail", e);
      }
    }

    private static String describe(JsonProcessingException e) {
      return CsvInput.describe(e);
    }

    /** Column name → field index, or {@code null} when the header is wrong (reported). */
    private @Nullable Map<String, Integer> header(View view, Record header) {
      Map<String, Integer> index = new HashMap<>();
      boolean sound = true;
      String file = view.fileName();
      List<String> columns = view.columns();
      for (int i = 0; i < header.fields().size(); i++) {
        String name = header.fields().get(i);
        if (!columns.contains(name)) {
          problems.add(Problem.at(file, "unknown column " + quote(name)));
          sound = false;
        } else if (index.putIfAbsent(name, i) != null) {
          problems.add(Problem.at(file, "duplicate column " + quote(name)));
          sound = false;
        }
      }
      for (String column : columns) {
        if (!header.fields().contains(column)) {
          problems.add(Problem.at(file, "missing column " + quote(column)));
          sound = false;
        }
      }
      return sound ? index : null;
    }

    /** The fields of one row, by column, and whether they all read. */
    private final class Fields {
      private final String at;
      private final Map<String, Integer> index;
      private final List<String> values;
      private boolean sound = true;

      Fields(String at, Map<String, Integer> index, List<String> values) {
        this.at = at;
        this.index = index;
        this.values = values;
      }

      boolean sound() {
        return sound;
      }

      void problem(String column, String message) {
        problems.add(Problem.at(at + "." + column, message));
        sound = false;
      }

      /** The row of {@code table} in these fields; {@code null} when one is wrong (reported). */
      <R> @Nullable R row(Table<R> table) {
        Map<Column<?, ?>, Object> read = new HashMap<>();
        String absentGroup = null;
        for (Column<R, ?> column : table.columns()) {
          String group = column.group();
          boolean first = group != null && !group.equals(absentGroup) && isFirst(table, column);
          if (first && text(column).isEmpty()) {
            absentGroup = group;
            continue;
          }
          if (group != null && group.equals(absentGroup)) {
            if (!text(column).isEmpty()) {
              problem(column.name(), "must be empty without " + firstOf(table, group).name());
            }
            continue;
          }
          Object value = value(column, group != null && column.optional());
          if (value != null) {
            read.put(column, value);
          }
        }
        if (!sound) {
          return null;
        }
        try {
          return table.build().apply(new Values(read));
        } catch (IllegalArgumentException | ArithmeticException e) {
          problems.add(
              Problem.at(at, e.getMessage() == null ? "inconsistent row" : e.getMessage()));
          sound = false;
          return null;
        }
      }

      private String text(Column<?, ?> column) {
        return values.get(index.get(column.name()));
      }

      /** The value of {@code column}; {@code null} when empty and optional, or wrong (reported). */
      @Nullable Object value(Column<?, ?> column, boolean emptyAllowed) {
        String text = text(column);
        boolean optional = emptyAllowed || (column.optional() && column.group() == null);
        if (text.isEmpty() && optional) {
          return null;
        }
        String name = column.name();
        return switch (column.type()) {
          case ID, TEXT, REASON -> text;
          case COUNT -> {
            if (!COUNT.matcher(text).matches()) {
              problem(name, "must be a whole number such as 12, was " + quote(text));
              yield null;
            }
            yield Long.parseLong(text);
          }
          case AMOUNT -> {
            if (!AMOUNT.matcher(text).matches()) {
              problem(name, "must be an amount such as 3586.00, was " + quote(text));
              yield null;
            }
            yield new BigDecimal(text);
          }
          case BOOLEAN -> {
            if (!text.equals("true") && !text.equals("false")) {
              problem(name, "must be true or false, was " + quote(text));
              yield null;
            }
            yield Boolean.valueOf(text);
          }
          case DATE -> date(name, text);
          case IDS -> {
            List<String> ids = splitIds(text);
            if (ids == null) {
              problem(name, "ends in an unfinished \\ escape");
            }
            yield ids;
          }
          case METRIC -> {
            MetricType metric = MetricType.parse(text).orElse(null);
            if (metric == null) {
              problem(name, "unknown metric " + quote(text));
            }
            yield metric;
          }
        };
      }

      private @Nullable LocalDate date(String name, String text) {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          problem(name, "must be a date such as 2026-11-27, was " + quote(text));
          return null;
        }
      }
    }

    private static <R> boolean isFirst(Table<R> table, Column<R, ?> column) {
      return firstOf(table, requireNonNull(column.group())) == column;
    }

    private static <R> Column<R, ?> firstOf(Table<R> table, String group) {
      for (Column<R, ?> column : table.columns()) {
        if (group.equals(column.group())) {
          return column;
        }
      }
      throw new IllegalArgumentException("no column in " + group);
    }
  }
}
