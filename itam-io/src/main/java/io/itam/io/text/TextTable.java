package io.itam.io.text;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One plain-text table: a header row, a rule of dashes under each column, then one line per row.
 * Columns are as wide as their widest cell and separated by two spaces; numbers are right-aligned.
 * Only the last column may wrap: its cells are broken at spaces (a word longer than the column is
 * cut) onto continuation lines indented under it, so the table fits {@code width} whenever the
 * other columns leave it at least {@link #MIN_WRAP_WIDTH} characters; the other columns never wrap.
 *
 * <p>Widths are counted in code points. The rows are visited twice (widths, then text), so the
 * cells of a row are computed again rather than held; nothing is kept between rows.
 */
final class TextTable<T> {
  /** Narrowest a wrapping column gets, even when the other columns leave it less room. */
  static final int MIN_WRAP_WIDTH = 20;

  private static final String GAP = "  ";

  private enum Align {
    LEFT,
    RIGHT,
    WRAP
  }

  private record Column<T>(String header, Align align, Function<? super T, String> cell) {}

  private final List<Column<T>> columns = new ArrayList<>();

  private TextTable() {}

  static <T> TextTable<T> of() {
    return new TextTable<>();
  }

  /** Adds a left-aligned column. */
  TextTable<T> left(String header, Function<? super T, String> cell) {
    return add(new Column<>(header, Align.LEFT, cell));
  }

  /** Adds a right-aligned column (numbers, amounts). */
  TextTable<T> right(String header, Function<? super T, String> cell) {
    return add(new Column<>(header, Align.RIGHT, cell));
  }

  /** Adds the last column, left-aligned and wrapped to the width left by the others. */
  TextTable<T> wrapping(String header, Function<? super T, String> cell) {
    return add(new Column<>(header, Align.WRAP, cell));
  }

  private TextTable<T> add(Column<T> column) {
    checkState(
        columns.isEmpty() || columns.get(columns.size() - 1).align() != Align.WRAP,
        "only the last column may wrap; cannot add \"%s\" after it",
        column.header());
    columns.add(column);
    return this;
  }

  /** Appends the table of {@code rows}, each line ending in {@code \n}, fitted to {@code width}. */
  void render(List<? extends T> rows, int width, Appendable out) throws IOException {
    checkArgument(width > 0, "width: must be positive, was %s", width);
    int n = columns.size();
    int[] widths = new int[n];
    for (int c = 0; c < n; c++) {
      widths[c] = length(columns.get(c).header());
    }
    boolean wraps = columns.get(n - 1).align() == Align.WRAP;
    int fixed = wraps ? n - 1 : n;
    for (T row : rows) {
      for (int c = 0; c < fixed; c++) {
        widths[c] = Math.max(widths[c], length(cell(row, c)));
      }
    }
    if (wraps) {
      int offset = 0;
      for (int c = 0; c < fixed; c++) {
        offset += widths[c] + GAP.length();
      }
      int room = Math.max(MIN_WRAP_WIDTH, width - offset);
      int natural = widths[n - 1];
      for (T row : rows) {
        for (String line : CellText.lines(columns.get(n - 1).cell().apply(row))) {
          natural = Math.max(natural, length(line));
        }
      }
      widths[n - 1] = Math.min(natural, Math.max(room, widths[n - 1]));
    }

    String[] headers = new String[n];
    String[] rules = new String[n];
    for (int c = 0; c < n; c++) {
      headers[c] = columns.get(c).header();
      rules[c] = "-".repeat(widths[c]);
    }
    line(headers, widths, out);
    line(rules, widths, out);
    String[] cells = new String[n];
    for (T row : rows) {
      for (int c = 0; c < fixed; c++) {
        cells[c] = cell(row, c);
      }
      if (!wraps) {
        line(cells, widths, out);
        continue;
      }
      List<String> wrapped = CellText.wrap(columns.get(n - 1).cell().apply(row), widths[n - 1]);
      cells[n - 1] = wrapped.get(0);
      line(cells, widths, out);
      if (wrapped.size() > 1) {
        int indent = 0;
        for (int c = 0; c < fixed; c++) {
          indent += widths[c] + GAP.length();
        }
        String pad = " ".repeat(indent);
        for (String more : wrapped.subList(1, wrapped.size())) {
          out.append(CellText.stripTrailing(pad + more)).append('\n');
        }
      }
    }
  }

  private String cell(T row, int column) {
    return CellText.clean(columns.get(column).cell().apply(row));
  }

  private void line(String[] cells, int[] widths, Appendable out) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append(GAP);
      }
      String cell = cells[c];
      int pad = Math.max(0, widths[c] - length(cell));
      if (columns.get(c).align() == Align.RIGHT) {
        line.append(" ".repeat(pad)).append(cell);
      } else {
        line.append(cell).append(" ".repeat(pad));
      }
    }
    out.append(CellText.stripTrailing(line.toString())).append('\n');
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
