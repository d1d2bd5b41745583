package io.itam.io.position;

import java.util.Locale;

/**
 * Text made safe for an HTML page, in element content and in quoted attribute values alike: the
 * five characters HTML gives a meaning ({@code & < > " '}) become character references, so a value
 * such as {@code <script>} is shown, never run. Line feeds and tabs stay (a reason may hold lines);
 * a carriage return becomes a line feed; other control characters are shown as Java escapes ({@code
 * \u0007}); a lone surrogate becomes U+FFFD, so the UTF-8 bytes are always well formed.
 */
final class HtmlText {
  private HtmlText() {}

  /** {@code text} escaped for element content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n', '\t' -> out.append(c);
        case '\r' -> {
          if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
            out.append('\n');
          }
        }
        default -> {
          if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * {@code text} cut to at most {@code max} code points, ending in an ellipsis when cut; never
   * splits a surrogate pair.
   */
  static String shorten(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }
}
