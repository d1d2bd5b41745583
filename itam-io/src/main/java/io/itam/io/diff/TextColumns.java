package io.itam.io.diff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One plain-text table of a diff, laid out like the position tables of {@code io.itam.io.text}: a
 * header row, a rule of dashes, one line per row; columns as wide as their widest cell, two spaces
 * apart, numbers right-aligned; only the last column wraps (at spaces, onto continuation lines
 * under it) to fit the width, never narrower than {@link #MIN_WRAP_WIDTH}. A value from a document
 * may hold anything, so a tab becomes a space and other control characters are shown as Java
 * escapes; only the wrapping column honours line breaks. Widths count code points.
 */
final class TextColumns<T> {
  /** Narrowest a wrapping column gets. */
  static final int MIN_WRAP_WIDTH = 20;

  private static final String GAP = "  ";
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n\u2028\u2029]");

  private enum Align {
    LEFT,
    RIGHT,
    WRAP
  }

  private record Column<T>(String header, Align align, Function<? super T, String> cell) {}

  private final List<Column<T>> columns = new ArrayList<>();

  private TextColumns() {}

  static <T> TextColumns<T> of() {
    return new TextColumns<>();
  }

  TextColumns<T> left(String header, Function<? super T, String> cell) {
    columns.add(new Column<>(header, Align.LEFT, cell));
    return this;
  }

  TextColumns<T> right(String header, Function<? super T, String> cell) {
    columns.add(new Column<>(header, Align.RIGHT, cell));
    return this;
  }

  /** The last column: left-aligned, wrapped to the width the others leave. */
  TextColumns<T> wrapping(String header, Function<? super T, String> cell) {
    columns.add(new Column<>(header, Align.WRAP, cell));
    return this;
  }

  void render(List<? extends T> rows, int width, Appendable out) throws IOException {
    int n = columns.size();
    boolean wraps = columns.get(n - 1).align() == Align.WRAP;
    int fixed = wraps ? n - 1 : n;
    List<String[]> cells = new ArrayList<>(rows.size());
    int[] widths = new int[n];
    for (int c = 0; c < n; c++) {
      widths[c] = length(columns.get(c).header());
    }
    for (T row : rows) {
      String[] line = new String[n];
      for (int c = 0; c < n; c++) {
        String value = columns.get(c).cell().apply(row);
        line[c] = c < fixed ? clean(value) : value;
        if (c < fixed) {
          widths[c] = Math.max(widths[c], length(line[c]));
        }
      }
      cells.add(line);
    }
    int indent = 0;
    for (int c = 0; c < fixed; c++) {
      indent += widths[c] + GAP.length();
    }
    if (wraps) {
      int natural = widths[n - 1];
      for (String[] line : cells) {
        for (String part : LINE_BREAK.split(line[n - 1], -1)) {
          natural = Math.max(natural, length(clean(part)));
        }
      }
      widths[n - 1] = Math.min(natural, Math.max(MIN_WRAP_WIDTH, width - indent));
      widths[n - 1] = Math.max(widths[n - 1], length(columns.get(n - 1).header()));
    }
    String[] headers = new String[n];
    String[] rules = new String[n];
    for (int c = 0; c < n; c++) {
      headers[c] = columns.get(c).header();
      rules[c] = "-".repeat(widths[c]);
    }
    line(headers, widths, out);
    line(rules, widths, out);
    String pad = " ".repeat(indent);
    for (String[] line : cells) {
      if (!wraps) {
        line(line, widths, out);
        continue;
      }
      List<String> wrapped = wrap(line[n - 1], widths[n - 1]);
      line[n - 1] = wrapped.get(0);
      line(line, widths, out);
      for (String more : wrapped.subList(1, wrapped.size())) {
        out.append(stripTrailing(pad + more)).append('\n');
      }
    }
  }

  private void line(String[] cells, int[] widths, Appendable out) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append(GAP);
      }
      int pad = Math.max(0, widths[c] - length(cells[c]));
      if (columns.get(c).align() == Align.RIGHT) {
        line.append(" ".repeat(pad)).append(cells[c]);
      } else {
        line.append(cells[c]).append(" ".repeat(pad));
      }
    }
    out.append(stripTrailing(line.toString())).append('\n');
  }

  /** {@code text} on one line: a tab a space, other control characters escaped. */
  static String clean(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\t') {
        clean.append(' ');
      } else if (ch == '\n') {
        clean.append("\\n");
      } else if (ch == '\r') {
        clean.append("\\r");
      } else if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
        clean.append(String.format(Locale.ROOT, "\\u%04X", (int) ch));
      } else {
        clean.append(ch);
      }
    }
    return clean.toString();
  }

  /**
   * {@code text} broken at its line breaks, then at spaces, into lines of at most {@code width}.
   */
  static List<String> wrap(String text, int width) {
    List<String> wrapped = new ArrayList<>();
    for (String paragraph : LINE_BREAK.split(text, -1)) {
      StringBuilder line = new StringBuilder();
      int length = 0;
      for (String word : clean(paragraph).split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        int wordLength = length(word);
        if (length > 0 && length + 1 + wordLength <= width) {
          line.append(' ').append(word);
          length += 1 + wordLength;
          continue;
        }
        if (length > 0) {
          wrapped.add(line.toString());
        }
        while (wordLength > width) {
          int cut = word.offsetByCodePoints(0, width);
          wrapped.add(word.substring(0, cut));
          word = word.substring(cut);
          wordLength -= width;
        }
        line = new StringBuilder(word);
        length = wordLength;
      }
      wrapped.add(line.toString());
    }
    return wrapped;
  }

  static String stripTrailing(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
