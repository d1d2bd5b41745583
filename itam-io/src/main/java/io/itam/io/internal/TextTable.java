package io.itam.io.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One plain-text table, the only one of itam's text reports (the position table and the diff): a
 * header row, a rule of dashes under each column, then one or more lines per row. Columns are as
 * wide as their widest cell and two spaces apart; numbers are right-aligned.
 *
 * <p>The table fits the width it is given. When the columns at their natural widths are wider, they
 * are narrowed one character at a time, the widest of a kind first, in this order: the wrapping
 * last column ({@link #wrapping}: reasons) down to {@link #MIN_WRAP_WIDTH}; the columns of prose
 * ({@link #text}: names) down to their longest word (within {@link #MAX_WHOLE_WORD}); the number
 * columns ({@link #right}) down to their widest value, their headers wrapping at spaces; the
 * columns of ids ({@link #left}) down to {@link #MIN_TEXT_WIDTH}; the prose down to {@link
 * #MIN_TEXT_WIDTH}; the wrapping column down to that too. No column gets narrower than the longest
 * word of its header. A narrowed cell is wrapped onto the next lines of its row: at spaces, else
 * after a {@code -}, {@code _}, {@code /} or {@code .}, else cut. Numbers never wrap, so only a
 * table whose numbers alone are wider than the width overflows it.
 *
 * <p>Widths are counted in code points. Values may hold anything: control characters are shown
 * escaped ({@link CellText}) and only the wrapping column honours line breaks. Lines have no
 * trailing spaces and end in {@code \n}. The rows are visited twice (widths, then text) and their
 * cells computed again rather than held, so a table of millions of rows is not kept in memory.
 */
public final class TextTable<T> {
  /** Narrowest the wrapping column gets before the other text columns are narrowed. */
  public static final int MIN_WRAP_WIDTH = 20;

  /** Narrowest any text column gets. */
  public static final int MIN_TEXT_WIDTH = 6;

  /** Longest word of prose kept whole when its column is narrowed; longer ones may be cut. */
  public static final int MAX_WHOLE_WORD = 16;

  private static final String GAP = "  ";

  private enum Align {
    /** Prose (names): narrowed first. */
    TEXT,
    /** Ids: narrowed after the prose. */
    LEFT,
    RIGHT,
    WRAP
  }

  private record Column<T>(String header, Align align, Function<? super T, String> cell) {}

  private final List<Column<T>> columns = new ArrayList<>();

  private TextTable() {}

  /** An empty table; add its columns in order. */
  public static <T> TextTable<T> of() {
    return new TextTable<>();
  }

  /** Adds a left-aligned column of ids, narrowed and wrapped only when needed. */
  public TextTable<T> left(String header, Function<? super T, String> cell) {
    return add(new Column<>(header, Align.LEFT, cell));
  }

  /** Adds a left-aligned column of prose (names), narrowed and wrapped before the ids. */
  public TextTable<T> text(String header, Function<? super T, String> cell) {
    return add(new Column<>(header, Align.TEXT, cell));
  }

  /** Adds a right-aligned column (numbers, amounts), never wrapped. */
  public TextTable<T> right(String header, Function<? super T, String> cell) {
    return add(new Column<>(header, Align.RIGHT, cell));
  }

  /** Adds the last column: long text (reasons) wrapped to the width the others leave. */
  public TextTable<T> wrapping(String header, Function<? super T, String> cell) {
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
  public void render(List<? extends T> rows, int width, Appendable out) throws IOException {
    checkArgument(width > 0, "width: must be positive, was %s", width);
    checkState(!columns.isEmpty(), "a table needs a column");
    int[] widths = fit(measure(rows), width);
    List<List<String>> headers = new ArrayList<>();
    String[] rules = new String[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      headers.add(CellText.wrap(columns.get(c).header(), widths[c]));
      rules[c] = "-".repeat(widths[c]);
    }
    lines(headers, widths, out);
    line(rules, widths, out);
    for (T row : rows) {
      List<List<String>> cells = new ArrayList<>(columns.size());
      for (int c = 0; c < columns.size(); c++) {
        cells.add(cellLines(c, row, widths[c]));
      }
      lines(cells, widths, out);
    }
  }

  /**
   * The widths of the columns: {@code natural}, as wide as their widest cell or header; {@code
   * values}, the widest cell alone (a number's floor); {@code words}, the longest word of a column
   * of prose, within {@link #MAX_WHOLE_WORD} (kept whole while the table can fit otherwise).
   */
  private record Widths(int[] natural, int[] values, int[] words) {}

  private Widths measure(List<? extends T> rows) {
    int n = columns.size();
    int[] natural = new int[n];
    int[] values = new int[n];
    int[] words = new int[n];
    for (int c = 0; c < n; c++) {
      natural[c] = length(columns.get(c).header());
    }
    for (T row : rows) {
      for (int c = 0; c < n; c++) {
        Column<T> column = columns.get(c);
        String text = column.cell().apply(row);
        List<String> lines =
            column.align() == Align.WRAP ? CellText.lines(text) : List.of(CellText.clean(text));
        for (String line : lines) {
          values[c] = Math.max(values[c], length(line));
          if (column.align() == Align.TEXT) {
            for (String word : line.split(" ")) {
              words[c] = Math.max(words[c], Math.min(MAX_WHOLE_WORD, length(word)));
            }
          }
        }
        natural[c] = Math.max(natural[c], values[c]);
      }
    }
    return new Widths(natural, values, words);
  }

  /** The widths narrowed, in the order the class comment gives, until the table fits. */
  private int[] fit(Widths measured, int width) {
    int n = columns.size();
    int[] widths = measured.natural().clone();
    int[] headerWords = new int[n];
    for (int c = 0; c < n; c++) {
      for (String word : columns.get(c).header().split(" ")) {
        headerWords[c] = Math.max(headerWords[c], length(word));
      }
    }
    int[] soft = new int[n];
    int[] hard = new int[n];
    for (int c = 0; c < n; c++) {
      int text = Math.max(MIN_TEXT_WIDTH, headerWords[c]);
      hard[c] =
          switch (columns.get(c).align()) {
            case RIGHT -> Math.max(headerWords[c], measured.values()[c]);
            case TEXT, LEFT, WRAP -> text;
          };
      soft[c] =
          switch (columns.get(c).align()) {
            case TEXT -> Math.max(text, measured.words()[c]);
            case WRAP -> Math.max(MIN_WRAP_WIDTH, text);
            case RIGHT, LEFT -> hard[c];
          };
    }
    narrow(widths, width, Align.WRAP, soft);
    narrow(widths, width, Align.TEXT, soft);
    narrow(widths, width, Align.RIGHT, hard);
    narrow(widths, width, Align.LEFT, hard);
    narrow(widths, width, Align.TEXT, hard);
    narrow(widths, width, Align.WRAP, hard);
    return widths;
  }

  /**
   * Narrows the widest column of {@code kind}, one character at a time, not below its {@code
   * floors}, until the table fits.
   */
  private void narrow(int[] widths, int width, Align kind, int[] floors) {
    while (excess(widths, width) > 0) {
      int widest = -1;
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).align() == kind
            && widths[c] > floors[c]
            && (widest < 0 || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      if (widest < 0) {
        return;
      }
      widths[widest]--;
    }
  }

  private int excess(int[] widths, int width) {
    int total = GAP.length() * (widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    return total - width;
  }

  private List<String> cellLines(int c, T row, int width) {
    Column<T> column = columns.get(c);
    String text = column.cell().apply(row);
    return switch (column.align()) {
      case RIGHT -> List.of(CellText.clean(text));
      case LEFT, TEXT -> CellText.wrap(CellText.clean(text), width);
      case WRAP -> CellText.wrap(text, width);
    };
  }

  /** Appends the lines of one row whose cells take one or more lines each. */
  private void lines(List<List<String>> cells, int[] widths, Appendable out) throws IOException {
    int height = 0;
    for (List<String> cell : cells) {
      height = Math.max(height, cell.size());
    }
    String[] line = new String[cells.size()];
    for (int i = 0; i < height; i++) {
      for (int c = 0; c < cells.size(); c++) {
        List<String> cell = cells.get(c);
        line[c] = i < cell.size() ? cell.get(i) : "";
      }
      line(line, widths, out);
    }
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

  /**
   * Appends a block of labelled values ({@code label value}, one a line), the values wrapped to the
   * width the labels leave (at least {@link #MIN_WRAP_WIDTH}) under their first line: the header of
   * a report.
   *
   * @param fields pairs of a label and its value
   */
  public static void fields(List<String[]> fields, int width, Appendable out) throws IOException {
    int labelWidth = 0;
    for (String[] field : fields) {
      labelWidth = Math.max(labelWidth, length(field[0]));
    }
    int valueWidth = Math.max(MIN_WRAP_WIDTH, width - labelWidth - GAP.length());
    String indent = " ".repeat(labelWidth + GAP.length());
    for (String[] field : fields) {
      List<String> lines = CellText.wrap(field[1], valueWidth);
      String first = field[0] + " ".repeat(labelWidth - length(field[0]) + GAP.length());
      out.append(CellText.stripTrailing(first + lines.get(0))).append('\n');
      for (String line : lines.subList(1, lines.size())) {
        out.append(indent).append(line).append('\n');
      }
    }
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
