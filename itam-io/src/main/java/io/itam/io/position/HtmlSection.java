package io.itam.io.position;

import java.io.IOException;

/**
 * A section of the HTML report: a heading with the number of rows, a filter box for a long table, a
 * lead paragraph, and a notice when the position counts rows it does not list.
 */
final class HtmlSection {
  /** Tables with more rows than this get a filter box. */
  static final int FILTER_FROM = 8;

  private HtmlSection() {}

  /**
   * Opens the section {@code id} of a table of {@code rows} rows of {@code total} (a position
   * reconciled with less detail counts rows it does not list, and the page says so); {@code lead}
   * and {@code title} are markup.
   */
  static void open(
      Appendable out,
      PositionReport report,
      String id,
      String title,
      int rows,
      long total,
      String lead)
      throws IOException {
    out.append("<section id=\"")
        .append(id)
        .append("-section\" aria-labelledby=\"")
        .append(id)
        .append("-title\">\n<div class=\"toolbar\"><h2 id=\"")
        .append(id)
        .append("-title\">")
        .append(title)
        .append(" <span class=\"count\">(")
        .append(report.count(Math.max(rows, total)))
        .append(")</span></h2>");
    if (rows > FILTER_FROM) {
      out.append("<div class=\"filter\"><label>Filter <input type=\"search\" data-filter=\"")
          .append(id)
          .append("\" data-status=\"")
          .append(id)
          .append("-status\" aria-controls=\"")
          .append(id)
          .append("\"></label><span id=\"")
          .append(id)
          .append("-status\" class=\"muted\" aria-live=\"polite\"></span></div>");
    }
    out.append("</div>\n<p class=\"lead\">").append(lead).append("</p>\n");
    if (rows < total) {
      out.append("<p class=\"notice\" role=\"note\"><strong>Not listed:</strong> this")
          .append(" position counts ")
          .append(report.count(total))
          .append(" rows here but lists ")
          .append(rows == 0 ? "none" : "only " + report.count(rows))
          .append("; it was reconciled with less detail.</p>\n");
    } else if (rows == 0) {
      out.append("<p class=\"muted\">None.</p>\n");
    }
  }

  static void close(Appendable out) throws IOException {
    out.append("</section>\n");
  }

  /** {@code 3 units}: a grouped count and its noun. */
  static String count(PositionReport report, long n, String one, String many) {
    return report.count(n) + " " + (n == 1 ? one : many);
  }
}
