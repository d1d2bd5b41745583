package io.itam.io.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a table cell made safe for a terminal, and wrapped.
 *
 * <p>A value from a document may hold anything: a line break in an id would break the table, an
 * escape character would drive the terminal. So a tab becomes a space, other control characters and
 * line separators are shown as Java escapes (a backslash and {@code n}, or {@code u} and four hex
 * digits), and only a wrapping cell honours line breaks, as breaks.
 */
public final class CellText {
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n\u2028\u2029]");

  private CellText() {}

  /** {@code text} on one line, with control characters escaped. */
  public static String clean(String text) {
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      String replacement = replacement(ch);
      if (replacement != null && clean == null) {
        clean = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (clean != null) {
        if (replacement != null) {
          clean.append(replacement);
        } else {
          clean.append(ch);
        }
      }
    }
    return clean == null ? text : clean.toString();
  }

  private static String replacement(char ch) {
    if (ch == '\t') {
      return " ";
    } else if (ch == '\n') {
      return "\\n";
    } else if (ch == '\r') {
      return "\\r";
    } else if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
      return String.format(Locale.ROOT, "\\u%04X", (int) ch);
    }
    return null;
  }

  /** The lines of {@code text} (split at its line breaks), each cleaned. */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : LINE_BREAK.split(text, -1)) {
      lines.add(clean(line));
    }
    return lines;
  }

  /**
   * {@code text} broken into lines of at most {@code width} code points: at its own line breaks,
   * then greedily at spaces; a word longer than {@code width} is broken after its last {@code -},
   * {@code _}, {@code /} or {@code .} that fits, else cut. Never empty.
   */
  public static List<String> wrap(String text, int width) {
    List<String> wrapped = new ArrayList<>();
    for (String paragraph : lines(text)) {
      StringBuilder line = new StringBuilder();
      int length = 0;
      for (String word : paragraph.split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        int wordLength = word.codePointCount(0, word.length());
        if (length > 0 && length + 1 + wordLength <= width) {
          line.append(' ').append(word);
          length += 1 + wordLength;
          continue;
        }
        if (length > 0) {
          wrapped.add(line.toString());
        }
        while (wordLength > width) {
          int cut = breakWithin(word, width);
          wrapped.add(word.substring(0, cut));
          word = word.substring(cut);
          wordLength = word.codePointCount(0, word.length());
        }
        line = new StringBuilder(word);
        length = wordLength;
      }
      wrapped.add(line.toString());
    }
    return wrapped;
  }

  /** Where to break {@code word} within {@code width} code points: after a separator, else cut. */
  private static int breakWithin(String word, int width) {
    int limit = word.offsetByCodePoints(0, width);
    for (int i = limit; i > 0; i--) {
      char c = word.charAt(i - 1);
      if (c == '-' || c == '_' || c == '/' || c == '.') {
        return i;
      }
    }
    return limit;
  }

  /** {@code line} without the spaces at its end. */
  public static String stripTrailing(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }
}
