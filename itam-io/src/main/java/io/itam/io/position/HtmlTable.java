package io.itam.io.position;

import static java.util.Objects.requireNonNull;

import io.itam.io.internal.PositionColumns;
import io.itam.io.internal.PositionColumns.Table;
import io.itam.model.terms.MetricType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One sortable HTML table of a report: a caption, a header row of column buttons, then one row per
 * value, each row carrying its index in the position ({@code data-row}) so that sorting breaks ties
 * in the position's order. Number columns are right-aligned, sorted as numbers (from {@code
 * data-value} when the shown text is not a number) and first sorted largest first. Every value is
 * escaped, except the cells of {@link #html} columns, whose builder escapes them.
 */
final class HtmlTable<T> {
  private enum Kind {
    TEXT,
    ID,
    NUMBER,
    REASON,
    HTML
  }

  private record Column<T>(
      String key,
      String header,
      Kind kind,
      Function<? super T, String> cell,
      @Nullable Function<? super T, String> value,
      @Nullable String cssClass) {}

  private final String id;
  private final String caption;
  private final List<Column<T>> columns = new ArrayList<>();
  private Function<? super T, String> rowClass = row -> "";

  private HtmlTable(String id, String caption) {
    this.id = id;
    this.caption = caption;
  }

  /** How the numbers of a table are shown: grouped as the report's locale does it. */
  interface Numbers {
    String count(long count);

    String money(BigDecimal amount);
  }

  /**
   * A table of the columns of {@code table}, as the one description of the position gives them
   * (their names as keys, their labels as headers), but those named in {@code except}; each cell
   * shown as its type says (numbers grouped with {@code numbers}, sorted by their plain value).
   */
  static <R> HtmlTable<R> of(
      String id, String caption, Table<R> table, Numbers numbers, String... except) {
    return of(id, caption, PositionColumns.except(table.columns(), except), numbers);
  }

  /** A table of {@code columns} (a report's own table), each cell shown as its type says. */
  static <R> HtmlTable<R> of(
      String id, String caption, List<PositionColumns.Column<R, ?>> columns, Numbers numbers) {
    HtmlTable<R> html = new HtmlTable<>(id, caption);
    for (PositionColumns.Column<R, ?> column : columns) {
      String key = column.name();
      String label = column.label();
      switch (column.type()) {
        case ID -> html.id(key, label, r -> text(column.value(r)));
        case REASON -> html.reason(key, label, r -> text(column.value(r)));
        case COUNT ->
            html.number(
                key, label, r -> count(numbers, column.value(r)), r -> sortKey(column.value(r)));
        case AMOUNT ->
            html.number(
                key, label, r -> money(numbers, column.value(r)), r -> plain(column.value(r)));
        case IDS -> html.html(key, label, r -> ids(column.value(r)), r -> joined(column.value(r)));
        case METRIC ->
            html.text(key, label, r -> ((MetricType) requireNonNull(column.value(r))).id());
        case TEXT, DATE, BOOLEAN -> html.text(key, label, r -> text(column.value(r)));
      }
    }
    return html;
  }

  private static String text(@Nullable Object value) {
    return value == null ? "—" : value.toString();
  }

  private static String count(Numbers numbers, @Nullable Object value) {
    return value == null ? "—" : numbers.count((Long) value);
  }

  private static String money(Numbers numbers, @Nullable Object value) {
    return value == null ? "" : numbers.money((BigDecimal) value);
  }

  private static String sortKey(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }

  private static String plain(@Nullable Object value) {
    return value == null ? "" : ((BigDecimal) value).toPlainString();
  }

  private static String ids(@Nullable Object value) {
    List<String> spans = new ArrayList<>();
    for (Object id : value == null ? List.of() : (List<?>) value) {
      spans.add("<span class=\"nb\">" + HtmlText.escape(id.toString()) + "</span>");
    }
    return String.join(", ", spans);
  }

  private static String joined(@Nullable Object value) {
    return value == null
        ? ""
        : String.join(", ", ((List<?>) value).stream().map(Object::toString).toList());
  }

  /**
   * The column {@code key} shown as the markup {@code html} builds (and escapes), sorted by {@code
   * value}, instead of as its type says.
   */
  HtmlTable<T> replace(
      String key, Function<? super T, String> html, Function<? super T, String> value) {
    for (int i = 0; i < columns.size(); i++) {
      Column<T> column = columns.get(i);
      if (column.key().equals(key)) {
        String css = column.kind() == Kind.ID ? "id" : column.cssClass();
        columns.set(i, new Column<>(key, column.header(), Kind.HTML, html, value, css));
        return this;
      }
    }
    throw new IllegalArgumentException("no column " + key);
  }

  /** Replaces the value shown in the cells of number column {@code key}. */
  HtmlTable<T> shown(String key, Function<? super T, String> cell) {
    for (int i = 0; i < columns.size(); i++) {
      Column<T> column = columns.get(i);
      if (column.key().equals(key)) {
        columns.set(
            i,
            new Column<>(
                key, column.header(), column.kind(), cell, column.value(), column.cssClass()));
        return this;
      }
    }
    throw new IllegalArgumentException("no column " + key);
  }

  /** A table with the element id {@code id}, described by {@code caption} (plain text). */
  static <T> HtmlTable<T> of(String id, String caption) {
    return new HtmlTable<>(id, caption);
  }

  /** A column of text. */
  HtmlTable<T> text(String key, String header, Function<? super T, String> cell) {
    return add(new Column<>(key, header, Kind.TEXT, cell, null, key));
  }

  /** A column of ids, in a fixed-width font. */
  HtmlTable<T> id(String key, String header, Function<? super T, String> cell) {
    return add(new Column<>(key, header, Kind.ID, cell, null, null));
  }

  /** A column of numbers whose text is the number itself. */
  HtmlTable<T> number(String key, String header, Function<? super T, String> cell) {
    return add(new Column<>(key, header, Kind.NUMBER, cell, null, key));
  }

  /** A column of numbers shown as {@code cell} and sorted by {@code value}. */
  HtmlTable<T> number(
      String key,
      String header,
      Function<? super T, String> cell,
      Function<? super T, String> value) {
    return add(new Column<>(key, header, Kind.NUMBER, cell, value, key));
  }

  /** A column of reasons: text that may be long and hold lines. */
  HtmlTable<T> reason(String key, String header, Function<? super T, String> cell) {
    return add(new Column<>(key, header, Kind.REASON, cell, null, "reason"));
  }

  /** A column of markup built (and escaped) by {@code cell}, sorted by the text {@code value}. */
  HtmlTable<T> html(
      String key,
      String header,
      Function<? super T, String> cell,
      Function<? super T, String> value) {
    return add(new Column<>(key, header, Kind.HTML, cell, value, key));
  }

  /** The class of each row ({@code short}, {@code spare}); empty for none. */
  HtmlTable<T> rowClass(Function<? super T, String> rowClass) {
    this.rowClass = rowClass;
    return this;
  }

  private HtmlTable<T> add(Column<T> column) {
    columns.add(column);
    return this;
  }

  /** Appends the table of {@code rows}. */
  void render(List<? extends T> rows, Appendable out) throws IOException {
    out.append("<div class=\"scroll\">\n<table id=\"")
        .append(HtmlText.escape(id))
        .append("\" class=\"sortable\">\n<caption>")
        .append(HtmlText.escape(caption))
        .append("</caption>\n<thead><tr>");
    for (Column<T> column : columns) {
      out.append("<th scope=\"col\" data-key=\"").append(HtmlText.escape(column.key())).append('"');
      if (column.kind() == Kind.NUMBER) {
        out.append(" data-type=\"number\" class=\"num\"");
      }
      out.append("><button type=\"button\">")
          .append(HtmlText.escape(column.header()))
          .append("</button></th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < rows.size(); r++) {
      T row = rows.get(r);
      out.append("<tr data-row=\"").append(Integer.toString(r)).append('"');
      String cssClass = rowClass.apply(row);
      if (!cssClass.isEmpty()) {
        out.append(" class=\"").append(HtmlText.escape(cssClass)).append('"');
      }
      out.append('>');
      for (Column<T> column : columns) {
        cell(column, row, out);
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</div>\n");
  }

  private void cell(Column<T> column, T row, Appendable out) throws IOException {
    String content = column.cell().apply(row);
    String css =
        switch (column.kind()) {
          case ID -> "id";
          case NUMBER -> column.cssClass() == null ? "num" : "num " + column.cssClass();
          default -> column.cssClass();
        };
    out.append("<td");
    if (css != null) {
      out.append(" class=\"").append(HtmlText.escape(css)).append('"');
    }
    if (column.value() != null) {
      out.append(" data-value=\"").append(HtmlText.escape(column.value().apply(row))).append('"');
    }
    out.append('>');
    out.append(column.kind() == Kind.HTML ? content : HtmlText.escape(content));
    out.append("</td>");
  }
}
