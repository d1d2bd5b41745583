package io.itam.io.position;

import static io.itam.io.internal.JsonFormat.quote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.itam.io.internal.JsonInput;
import io.itam.io.internal.PositionColumns;
import io.itam.io.internal.PositionColumns.Column;
import io.itam.io.internal.PositionColumns.NestedRowException;
import io.itam.io.internal.PositionColumns.Table;
import io.itam.io.internal.PositionColumns.Values;
import io.itam.model.ValidationException;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import io.itam.model.position.Summary;
import io.itam.model.terms.MetricType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One reading of a position document, driven by the {@link PositionColumns}: every field is read by
 * the type its column gives, a row is built only when all its values are sound, and a row whose
 * record rejects it (its arithmetic does not add up) is reported at the row's path.
 */
final class PositionDocumentReader {
  private final JsonInput in;

  private final Map<Column<?, ?>, Object> header = new HashMap<>();
  private @Nullable Summary summary;
  private final Map<String, List<Object>> lists = new HashMap<>();
  private Detail detail = Detail.ALL;

  PositionDocumentReader(JsonParser parser, boolean allowUnknownFields) {
    this.in = new JsonInput(parser, allowUnknownFields);
  }

  /**
   * Reads the document.
   *
   * @throws ValidationException listing every problem of the document
   * @throws IOException when the underlying input fails
   */
  Position read() throws IOException {
    try {
      in.start();
      if (in.enterObject(true)) {
        document();
      }
      in.end();
    } catch (JsonProcessingException e) {
      in.malformed(e);
    }
    if (!in.problems().isEmpty()) {
      throw new ValidationException(in.problems());
    }
    Values values = new Values(header);
    return new Position(
        values.get(PositionColumns.FORMAT).intValue(),
        values.get(PositionColumns.AS_OF),
        values.get(PositionColumns.CURRENCY),
        values.get(PositionColumns.COMPLIANT),
        summary,
        list(PositionColumns.LICENCES),
        list(PositionColumns.PRODUCTS),
        list(PositionColumns.ALLOCATIONS),
        list(PositionColumns.SHORTFALLS),
        list(PositionColumns.EXEMPT),
        list(PositionColumns.REJECTED),
        list(PositionColumns.NOTES),
        list(PositionColumns.ACCOUNTING),
        detail);
  }

  @SuppressWarnings("unchecked")
  private <R> List<R> list(Table<R> table) {
    return (List<R>) lists.getOrDefault(table.field(), List.of());
  }

  private void document() throws IOException {
    Map<String, Table<?>> tables = new HashMap<>();
    PositionColumns.LISTS.forEach(t -> tables.put(t.field(), t));
    for (String field; (field = in.nextField()) != null; ) {
      Column<Position, ?> column = column(PositionColumns.HEADER, field);
      Table<?> table = tables.get(field);
      if (column != null) {
        Object value = value(column);
        String problem = value == null ? null : PositionColumns.check(column, value);
        if (problem != null) {
          in.error(problem);
        } else if (value != null) {
          header.put(column, value);
        }
      } else if (field.equals(PositionColumns.SUMMARY.field())) {
        summary = row(PositionColumns.SUMMARY);
      } else if (table != null) {
        rows(table);
      } else if (field.equals("detail")) {
        detail();
      } else {
        in.unknownField();
      }
    }
    for (Column<Position, ?> column : PositionColumns.HEADER) {
      if (!column.optional()) {
        in.required(column.name(), header.get(column));
      }
    }
    in.required(PositionColumns.SUMMARY.field(), summary);
  }

  private void detail() throws IOException {
    String id = in.string(false);
    if (id != null) {
      Detail parsed = Detail.parse(id).orElse(null);
      if (parsed == null) {
        in.error("unknown detail " + quote(id) + " (expected one of: summary, shortfalls, all)");
      } else {
        detail = parsed;
      }
    }
  }

  private <R> void rows(Table<R> table) throws IOException {
    if (!in.enterArray()) {
      return;
    }
    List<Object> rows = lists.computeIfAbsent(table.field(), k -> new ArrayList<>());
    while (in.nextElement() >= 0) {
      R row = row(table);
      if (row != null) {
        rows.add(row);
      }
    }
  }

  /** Reads one row; {@code null} when it is not sound (reported). */
  private <R> @Nullable R row(Table<R> table) throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    Map<Column<?, ?>, Object> values = new HashMap<>();
    for (String field; (field = in.nextField()) != null; ) {
      Column<R, ?> column = table.column(field);
      if (column != null && column.group() == null) {
        put(values, column, value(column));
      } else if (isGroup(table, field)) {
        group(table, field, values);
      } else {
        in.unknownField();
      }
    }
    for (Column<R, ?> column : table.columns()) {
      if (column.group() == null && !column.optional() && column.absent() == null) {
        in.required(column.name(), values.get(column));
      }
    }
    if (in.errors() != mark) {
      return null;
    }
    try {
      return table.build().apply(new Values(values));
    } catch (NestedRowException e) {
      in.errorAt(in.path(e.group()), e.getMessage() == null ? "inconsistent" : e.getMessage());
      return null;
    } catch (IllegalArgumentException | ArithmeticException e) {
      in.error(e.getMessage() == null ? "inconsistent row" : e.getMessage());
      return null;
    }
  }

  private static boolean isGroup(Table<?> table, String field) {
    return table.columns().stream().anyMatch(c -> field.equals(c.group()));
  }

  /** Reads the nested object {@code group} of a row ({@code remedy}); absent when {@code null}. */
  private <R> void group(Table<R> table, String group, Map<Column<?, ?>, Object> values)
      throws IOException {
    if (!in.enterObject(false)) {
      return;
    }
    for (String field; (field = in.nextField()) != null; ) {
      Column<R, ?> column = table.column(group + "." + field);
      if (column != null) {
        put(values, column, value(column));
      } else {
        in.unknownField();
      }
    }
    for (Column<R, ?> column : table.columns()) {
      if (group.equals(column.group()) && !column.optional()) {
        in.requiredIn(column.field(), column.name(), values.get(column));
      }
    }
  }

  private static void put(
      Map<Column<?, ?>, Object> values, Column<?, ?> column, @Nullable Object v) {
    if (v != null) {
      values.put(column, v);
    }
  }

  /** The value of the current field as {@code column} types it; {@code null} when absent. */
  private @Nullable Object value(Column<?, ?> column) throws IOException {
    boolean required = !column.optional() && column.absent() == null;
    return switch (column.type()) {
      case ID, TEXT, REASON -> in.string(required);
      case COUNT -> in.integer(required);
      case AMOUNT -> in.amount(required);
      case BOOLEAN -> in.bool(required);
      case DATE -> in.date(required);
      case IDS -> in.strings();
      case METRIC ->
          in.choice(required, "metric", MetricType::parse, MetricType.values(), MetricType::id);
    };
  }

  private static <R> @Nullable Column<R, ?> column(List<Column<R, ?>> columns, String name) {
    for (Column<R, ?> column : columns) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    return null;
  }
}
