package io.itam.io.position;

import com.fasterxml.jackson.core.JsonGenerator;
import io.itam.io.internal.Amounts;
import io.itam.io.internal.PositionColumns.Column;
import io.itam.model.terms.MetricType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a position written as JSON objects from their {@link Column}s, as the position document
 * (and the diff, which quotes its rows) spell them: fields in the columns' order, absent optional
 * fields left out, a nested object ({@code remedy}) only when one of its fields has a value,
 * amounts as decimal strings with the currency's digits ({@code "14344.00"}).
 */
final class PositionJson {
  private final JsonGenerator g;
  private final @Nullable String currency;

  PositionJson(JsonGenerator g, @Nullable String currency) {
    this.g = g;
    this.currency = currency;
  }

  /** Writes {@code row} as an object of {@code columns}. */
  <R> void object(List<Column<R, ?>> columns, R row) throws IOException {
    g.writeStartObject();
    fields(columns, row);
    g.writeEndObject();
  }

  /** Writes the fields of {@code row} for {@code columns} into the object being written. */
  <R> void fields(List<Column<R, ?>> columns, R row) throws IOException {
    String open = null;
    String skipped = null;
    for (Column<R, ?> column : columns) {
      String group = column.group();
      if (open != null && !open.equals(group)) {
        g.writeEndObject();
        open = null;
      }
      if (group != null && !group.equals(open)) {
        if (group.equals(skipped)) {
          continue;
        }
        if (!present(columns, group, row)) {
          skipped = group;
          continue;
        }
        g.writeObjectFieldStart(group);
        open = group;
      }
      field(column, row);
    }
    if (open != null) {
      g.writeEndObject();
    }
  }

  private static <R> boolean present(List<Column<R, ?>> columns, String group, R row) {
    for (Column<R, ?> column : columns) {
      if (group.equals(column.group()) && column.value(row) != null) {
        return true;
      }
    }
    return false;
  }

  /** Writes the field of {@code column}, unless {@code row} has no value for it. */
  <R> void field(Column<R, ?> column, R row) throws IOException {
    Object value = column.value(row);
    if (value == null || (column.omitAbsent() && Objects.equals(value, column.absent()))) {
      return;
    }
    g.writeFieldName(column.field());
    switch (column.type()) {
      case COUNT -> g.writeNumber((Long) value);
      case AMOUNT -> g.writeString(Amounts.format((BigDecimal) value, currency));
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      case METRIC -> g.writeString(((MetricType) value).id());
      case IDS -> {
        g.writeStartArray();
        for (Object id : (List<?>) value) {
          g.writeString((String) id);
        }
        g.writeEndArray();
      }
      case ID, TEXT, REASON, DATE -> g.writeString(value.toString());
    }
  }
}
