package io.itam.io.position;

import static java.util.Objects.requireNonNull;

import io.itam.io.internal.PositionColumns;
import io.itam.io.internal.RemedyText;
import io.itam.model.position.Accounting;
import io.itam.model.position.Allocation;
import io.itam.model.position.Exempt;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.PositionDiff;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Remedy;
import io.itam.model.position.Shortfall;
import io.itam.model.position.SolverNote;
import io.itam.model.position.Summary;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes an effective licence position as one self-contained HTML page, the report a licence
 * manager shows in a meeting: a banner saying whether the estate is compliant; cards with the
 * shortfall cost, the surplus value and the counts, with notices for unpriced shortfalls and pools
 * not proven optimal; with the last position, what changed since; a bar chart of shortfall cost and
 * surplus value per product, one row per metric of a product (inline SVG); then sortable,
 * filterable tables of the products (with their names, publishers and what to buy), the breakdowns
 * by publisher and by organisation unit (chargeback), what expires soon, the shortfalls, the
 * licences (with how much of each is used), the allocations, the rejected and exempt records and
 * what became of every input record. Every row says why: a shortfall or an allocation carries its
 * reason, a product or licence row an expandable list of the consumers behind it. The names,
 * breakdowns and expiries need the estate, the trend the last position ({@link PositionReport}).
 *
 * <p>The page needs nothing else: the style sheet and a small script are inline, there is no font,
 * image, link or address to fetch, and its content security policy forbids loading anything (see
 * {@code HtmlAssets}). Without the script the page is the same, unsorted. Every value of the
 * position is escaped: an id such as {@code <script>} is shown as text. The markup is accessible: a
 * language, a title, table captions, column headers with {@code scope} and {@code aria-sort},
 * labelled inputs, a chart with a title and a text description.
 *
 * <p>The bytes are deterministic (UTF-8, {@code \n} line ends, no date or time of writing): the
 * same report always gives the same page. Amounts are exact, with the currency's minor digits,
 * grouped as the report's locale does it (the text of the page is English). Tables take their
 * columns from the one description of the position's tables ({@code PositionColumns}). Instances
 * are immutable and thread-safe.
 */
public final class PositionHtml {
  private static final PositionHtml INSTANCE = new PositionHtml();
  private static final String NONE = "—";

  private PositionHtml() {}

  /** The writer. */
  public static PositionHtml create() {
    return INSTANCE;
  }

  /** Writes the report of {@code position} alone (ids only) to {@code out}, left open. */
  public void write(Position position, OutputStream out) throws IOException {
    write(PositionReport.of(requireNonNull(position, "position")), out);
  }

  /** Writes {@code report} to {@code out}, which is flushed and left open. */
  public void write(PositionReport report, OutputStream out) throws IOException {
    requireNonNull(report, "report");
    requireNonNull(out, "out");
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    new Page(report, writer).write();
    writer.flush();
  }

  /** Writes the report of {@code position} alone to {@code file}, replacing it. */
  public void write(Position position, Path file) throws IOException {
    write(PositionReport.of(requireNonNull(position, "position")), file);
  }

  /** Writes {@code report} to {@code file}, replacing it. */
  public void write(PositionReport report, Path file) throws IOException {
    requireNonNull(file, "file");
    try (OutputStream out = Files.newOutputStream(file)) {
      write(report, out);
    }
  }

  /** The report of {@code position} alone as text. */
  public String writeString(Position position) {
    return writeString(PositionReport.of(requireNonNull(position, "position")));
  }

  /** {@code report} as text. */
  public String writeString(PositionReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(report, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The key of a product row: its product and licence model. */
  private record ProductKey(String product, @Nullable String licenseModel) {}

  /** The page of one position being written. */
  private static final class Page implements HtmlTable.Numbers {
    private final PositionReport report;
    private final Position position;
    private final Writer out;
    private final @Nullable String currency;
    private final String unit;
    private final Map<ProductKey, List<Shortfall>> shortfallsByRow = new TreeMap<>(PRODUCT_KEYS);
    private final Map<ProductKey, List<Allocation>> allocationsByRow = new TreeMap<>(PRODUCT_KEYS);
    private final Map<String, List<Allocation>> allocationsByModel = new TreeMap<>();

    private static final Comparator<ProductKey> PRODUCT_KEYS =
        Comparator.comparing(ProductKey::product)
            .thenComparing(
                ProductKey::licenseModel, Comparator.nullsLast(Comparator.naturalOrder()));

    Page(PositionReport report, Writer out) {
      this.report = report;
      this.position = report.position();
      this.out = out;
      this.currency = position.currency();
      this.unit = currency == null ? "" : " " + currency;
      for (Shortfall s : position.shortfalls()) {
        shortfallsByRow
            .computeIfAbsent(new ProductKey(s.product(), s.licenseModel()), k -> new ArrayList<>())
            .add(s);
      }
      for (Allocation a : position.allocations()) {
        allocationsByRow
            .computeIfAbsent(new ProductKey(a.product(), a.licenseModel()), k -> new ArrayList<>())
            .add(a);
        allocationsByModel.computeIfAbsent(a.licenseModel(), k -> new ArrayList<>()).add(a);
      }
    }

    void write() throws IOException {
      Summary s = position.summary();
      String status = position.compliant() ? "Compliant" : "Not compliant";
      out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
          .append(HtmlAssets.CONTENT_SECURITY_POLICY)
          .append("\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<meta name=\"generator\" content=\"itam\">\n")
          .append("<title>Effective licence position ")
          .append(position.asOf().toString())
          .append(": ")
          .append(status.toLowerCase(java.util.Locale.ROOT))
          .append("</title>\n<style>")
          .append(HtmlAssets.STYLE)
          .append("</style>\n</head>\n<body>\n");
      banner(s, status);
      out.append("<main>\n");
      summary(s);
      nav();
      ReportHtml sections = new ReportHtml(report, out);
      PositionDiff trend = report.trend();
      if (trend != null) {
        sections.trend(trend);
      }
      chart();
      buy();
      products();
      if (report.hasEstate()) {
        sections.publishers();
        sections.units();
        sections.expiries();
      }
      shortfalls();
      licences();
      allocations();
      rejected();
      exempt();
      notes();
      accounting();
      out.append("</main>\n<footer><p>Written by itam from the position document (format ")
          .append(Integer.toString(position.format()))
          .append("). Amounts are exact")
          .append(currency == null ? "" : ", in " + HtmlText.escape(currency))
          .append("; shortfall costs buy whole packs. Rows are in the position's order until a")
          .append(" column header is clicked.</p></footer>\n<script>")
          .append(HtmlAssets.SCRIPT)
          .append("</script>\n</body>\n</html>\n");
    }

    private void banner(Summary s, String status) throws IOException {
      out.append("<header class=\"banner ")
          .append(position.compliant() ? "good" : "bad")
          .append("\"><div>\n<p class=\"eyebrow\">Effective licence position</p>\n<h1>")
          .append(status)
          .append("</h1>\n<p class=\"meta\">as of <time datetime=\"")
          .append(position.asOf().toString())
          .append("\">")
          .append(position.asOf().toString())
          .append("</time> · ");
      if (position.compliant()) {
        out.append("every use is covered by a licence");
      } else {
        long short_ = position.products().stream().filter(p -> p.shortfall() > 0).count();
        out.append(count(short_, "product row", "product rows"))
            .append(" short of licences, ")
            .append(money(s.shortfallCost()))
            .append(unit)
            .append(" to close");
        if (s.unpricedShortfalls() > 0) {
          out.append(" (").append(report.count(s.unpricedShortfalls())).append(" unpriced)");
        }
      }
      out.append(" · amounts in ")
          .append(currency == null ? "no currency (no prices)" : HtmlText.escape(currency))
          .append("</p>\n</div></header>\n");
    }

    private void summary(Summary s) throws IOException {
      long productsShort = position.products().stream().filter(p -> p.shortfall() > 0).count();
      long modelsSpare = position.licenses().stream().filter(l -> l.surplus() > 0).count();
      long consumersShort =
          position.shortfalls().stream().map(Shortfall::consumer).distinct().count();
      out.append("<section id=\"summary\" aria-labelledby=\"summary-title\">\n")
          .append("<h2 id=\"summary-title\" class=\"visually-hidden\">Summary</h2>\n")
          .append("<dl class=\"cards\">\n");
      card(
          s.shortfallCost().signum() > 0 || !position.compliant() ? "bad" : "good",
          "Shortfall cost",
          money(s.shortfallCost()),
          s.unpricedShortfalls() > 0
              ? "to buy what is missing, in whole packs; "
                  + count(s.unpricedShortfalls(), "product row", "product rows")
                  + " without a price not included"
              : "to buy what is missing, in whole packs");
      card(
          "spare",
          "Surplus value",
          money(s.surplusValue()),
          "what the unused licences cost; "
              + count(modelsSpare, "licence model", "licence models")
              + " with spare units");
      card(
          productsShort > 0 ? "bad" : "good",
          "Products short",
          report.count(productsShort)
              + " <small>of "
              + report.count(position.products().size())
              + "</small>",
          position.shortfalls().size() < s.shortfalls()
              ? count(s.shortfalls(), "shortfall row", "shortfall rows") + " (not listed)"
              : count(consumersShort, "consumer", "consumers") + " short of licences");
      card(
          "",
          "Licences",
          report.count(position.licenses().size()),
          "licence models, " + count(s.allocations(), "allocation", "allocations"));
      card(
          "",
          "Not counted",
          report.count(Math.addExact(s.rejected(), s.exempt())),
          report.count(s.rejected()) + " rejected, " + report.count(s.exempt()) + " exempt");
      out.append("</dl>\n");
      if (s.unpricedShortfalls() > 0) {
        out.append("<p class=\"notice\" role=\"note\"><strong>Unpriced:</strong> ")
            .append(
                s.unpricedShortfalls() == 1
                    ? "1 product row short of licences has no known price; its cost is not"
                        + " included in the shortfall cost."
                    : s.unpricedShortfalls()
                        + " product rows short of licences have no known price; their cost is"
                        + " not included in the shortfall cost.")
            .append("</p>\n");
      }
      if (position.notes().isEmpty()) {
        out.append("<p class=\"notice fine\" role=\"note\"><strong>Optimal:</strong> every")
            .append(" allocation is proven optimal.</p>\n");
      } else {
        out.append("<p class=\"notice\" role=\"note\"><strong>Not proven optimal:</strong> ")
            .append(count(position.notes().size(), "licence pool was", "licence pools were"))
            .append(" solved by a heuristic after the exact search ran out of budget; see")
            .append(" <a href=\"#notes-section\">solver notes</a>.</p>\n");
      }
      out.append("</section>\n");
    }

    private void card(String tone, String title, String figureHtml, String sub) throws IOException {
      out.append("<div class=\"card")
          .append(tone.isEmpty() ? "" : " " + tone)
          .append("\"><dt>")
          .append(title)
          .append("</dt><dd class=\"figure\">")
          .append(figureHtml);
      if (title.endsWith("cost") || title.endsWith("value")) {
        out.append(unit.isEmpty() ? "" : " <small>" + HtmlText.escape(currency) + "</small>");
      }
      out.append("</dd><dd class=\"sub\">").append(HtmlText.escape(sub)).append("</dd></div>\n");
    }

    private void nav() throws IOException {
      out.append("<nav class=\"jump\" aria-label=\"Sections\">")
          .append(report.trend() == null ? "" : "<a href=\"#changes-section\">Changes</a>")
          .append("<a href=\"#chart-section\">Chart</a>")
          .append("<a href=\"#buy-section\">What to buy</a>")
          .append("<a href=\"#products-section\">Products</a>")
          .append(report.hasEstate() ? "<a href=\"#publishers-section\">By publisher</a>" : "")
          .append(report.hasEstate() ? "<a href=\"#units-section\">By unit</a>" : "")
          .append(report.hasEstate() ? "<a href=\"#expiring-section\">Expiring</a>" : "")
          .append("<a href=\"#shortfalls-section\">Shortfalls</a>")
          .append("<a href=\"#licences-section\">Licences</a>")
          .append("<a href=\"#allocations-section\">Allocations</a>")
          .append("<a href=\"#rejected-section\">Rejected</a>")
          .append("<a href=\"#exempt-section\">Exempt</a>");
      if (!position.notes().isEmpty()) {
        out.append("<a href=\"#notes-section\">Solver notes</a>");
      }
      out.append("<a href=\"#accounting-section\">Accounting</a></nav>\n");
    }

    private void chart() throws IOException {
      out.append("<section id=\"chart-section\" aria-labelledby=\"chart-section-title\">\n")
          .append("<h2 id=\"chart-section-title\">Shortfall and surplus per product</h2>\n")
          .append("<p class=\"lead\">What closing each product's shortfall costs, and what its")
          .append(" unused licences are worth, on one scale; a product licensed by models of")
          .append(" different metrics has a row per metric.</p>\n");
      String svg = ProductChart.svg(report);
      if (svg == null) {
        out.append("<p class=\"muted\">Nothing is short and nothing is spare.</p>\n");
      } else {
        out.append("<figure>\n")
            .append(svg)
            .append("\n<figcaption><span class=\"key short\"></span>shortfall cost (to buy)")
            .append("<span class=\"key spare\"></span>surplus value (licences not used)")
            .append(unit.isEmpty() ? "" : "; amounts in " + HtmlText.escape(currency))
            .append("</figcaption>\n</figure>\n");
      }
      out.append("</section>\n");
    }

    /**
     * The shopping list: every product row short of licences with what to buy and its cost, the
     * most expensive first (then in the position's order), unpriced rows last, and the total.
     */
    private void buy() throws IOException {
      List<ProductPosition> rows = new ArrayList<>();
      for (ProductPosition p : position.products()) {
        if (p.shortfall() > 0) {
          rows.add(p);
        }
      }
      if (rows.isEmpty()) {
        return;
      }
      rows.sort(
          Comparator.comparing(
              (ProductPosition p) -> p.shortfallCost(),
              Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())));
      out.append("<section id=\"buy-section\" aria-labelledby=\"buy-title\">\n")
          .append("<h2 id=\"buy-title\">What to buy</h2>\n")
          .append("<p class=\"lead\">The remedy of every shortfall, in whole packs, the most")
          .append(" expensive first.</p>\n<ol class=\"buy\">\n");
      for (ProductPosition p : rows) {
        BigDecimal cost = p.shortfallCost();
        out.append("<li><span><b>")
            .append(HtmlText.escape(p.product()))
            .append("</b> <span class=\"what\">")
            .append(HtmlText.escape(orNone(p.licenseModel())))
            .append("</span>")
            .append(nameLine(p.product()))
            .append("</span><span>")
            .append(HtmlText.escape(remedy(p)))
            .append(" <span class=\"what\">(")
            .append(count(p.shortfall(), "unit", "units"))
            .append(" short)</span></span>");
        if (cost != null) {
          out.append("<span class=\"amount\">").append(money(cost)).append(unit).append("</span>");
        } else {
          out.append("<span class=\"amount none\">")
              .append(p.remedy() == null ? NONE : "no price known")
              .append("</span>");
        }
        out.append("</li>\n");
      }
      out.append("<li class=\"total\"><span>Total</span><span>")
          .append(count(rows.size(), "product row", "product rows"))
          .append("</span><span class=\"amount\">")
          .append(money(position.summary().shortfallCost()))
          .append(unit)
          .append("</span></li>\n</ol>\n</section>\n");
    }

    private void section(String id, String title, int rows, String lead) throws IOException {
      HtmlSection.open(out, report, id, title, rows, rows, lead);
    }

    private void section(String id, String title, int rows, long total, String lead)
        throws IOException {
      HtmlSection.open(out, report, id, title, rows, total, lead);
    }

    private void endSection() throws IOException {
      HtmlSection.close(out);
    }

    /** The product's name and publisher under its id, when the estate is known. */
    private String nameLine(String product) {
      String name = report.productName(product);
      String publisher = report.publisher(product);
      if (name == null && publisher == null) {
        return "";
      }
      String text = name == null ? publisher : publisher == null ? name : name + " · " + publisher;
      return "<small>" + HtmlText.escape(text) + "</small>";
    }

    /** The name of the product a licence model grants, under the model's id. */
    private String modelLine(String model) {
      String product = report.productOfModel(model);
      return product == null ? "" : nameLine(product);
    }

    @Override
    public String count(long n) {
      return report.count(n);
    }

    private void products() throws IOException {
      List<ProductPosition> rows = position.products();
      section(
          "products",
          "Products",
          rows.size(),
          "What each product's use requires, in the units of a licence model, what is covered,"
              + " what is short and what to buy. Expand a row to see the consumers behind it.");
      if (!rows.isEmpty()) {
        HtmlTable.of(
                "products",
                "Products by product and licence model; click a column header to sort.",
                PositionColumns.PRODUCTS,
                this,
                "remedy.licenseModel",
                "remedy.packs",
                "remedy.units",
                "remedy.cost")
            .replace(
                "product",
                p -> HtmlText.escape(p.product()) + nameLine(p.product()),
                ProductPosition::product)
            .shown("shortfallCost", this::cost)
            .text("remedy", "What to buy", this::remedy)
            .html("why", "Why", this::productWhy, p -> p.shortfall() > 0 ? "short" : "covered")
            .rowClass(p -> p.shortfall() > 0 ? "short" : "")
            .render(rows, out);
      }
      endSection();
    }

    private String cost(ProductPosition p) {
      if (p.shortfall() == 0) {
        return "";
      }
      BigDecimal cost = p.shortfallCost();
      if (cost != null) {
        return money(cost);
      }
      return p.remedy() == null ? NONE : "unpriced";
    }

    /** {@code buy 12 × 2-pack = 24}, {@code buy 4}, naming the model when it is another one. */
    private String remedy(ProductPosition p) {
      Remedy remedy = p.remedy();
      if (remedy == null) {
        return p.shortfall() == 0
            ? ""
            : p.licenseModel() == null ? "no licence model covers it" : NONE;
      }
      return RemedyText.of(remedy, p.licenseModel());
    }

    private String productWhy(ProductPosition p) {
      ProductKey key = new ProductKey(p.product(), p.licenseModel());
      List<Shortfall> shortfalls = shortfallsByRow.getOrDefault(key, List.of());
      List<Allocation> allocations = allocationsByRow.getOrDefault(key, List.of());
      StringBuilder why = new StringBuilder();
      if (p.shortfall() > 0) {
        why.append("<span class=\"pill bad\">short</span> ");
      } else {
        why.append("<span class=\"pill good\">covered</span> ");
      }
      Map<String, Long> byEntitlement = new TreeMap<>();
      for (Allocation a : allocations) {
        byEntitlement.merge(a.entitlement(), a.units(), Math::addExact);
      }
      if (!byEntitlement.isEmpty()) {
        List<String> parts = new ArrayList<>();
        byEntitlement.forEach((entitlement, units) -> parts.add(entitlement + " × " + units));
        why.append(HtmlText.escape("covered by " + String.join(", ", parts)));
      } else if (p.covered() == 0 && p.shortfall() > 0) {
        why.append("nothing covers it");
      }
      if (!shortfalls.isEmpty()) {
        why.append("<details><summary>")
            .append(count(shortfalls.size(), "consumer short", "consumers short"))
            .append("</summary><ul>");
        for (Shortfall s : shortfalls) {
          why.append("<li><b>")
              .append(HtmlText.escape(s.consumer()))
              .append("</b> ")
              .append(count(s.units(), "unit", "units"))
              .append(": ")
              .append(HtmlText.escape(s.reason()))
              .append("</li>");
        }
        why.append("</ul></details>");
      }
      if (!allocations.isEmpty()) {
        why.append("<details><summary>")
            .append(count(allocations.size(), "allocation", "allocations"))
            .append("</summary><ul>");
        for (Allocation a : allocations) {
          why.append("<li><b>")
              .append(HtmlText.escape(a.consumer()))
              .append("</b> ")
              .append(count(a.units(), "unit", "units"))
              .append(" of ")
              .append(HtmlText.escape(a.entitlement()))
              .append(": ")
              .append(HtmlText.escape(a.reason()))
              .append("</li>");
        }
        why.append("</ul></details>");
      }
      return why.toString();
    }

    private void shortfalls() throws IOException {
      List<Shortfall> rows = position.shortfalls();
      section(
          "shortfalls",
          "Shortfalls",
          rows.size(),
          position.summary().shortfalls(),
          "Every consumer short of licences: how many units are missing and why nothing covers"
              + " them.");
      if (!rows.isEmpty()) {
        HtmlTable.of(
                "shortfalls",
                "Shortfalls by licence model, product and consumer; click to sort.",
                PositionColumns.SHORTFALLS,
                this)
            .rowClass(s -> "short")
            .render(rows, out);
      }
      endSection();
    }

    private void licences() throws IOException {
      List<LicensePosition> rows = position.licenses();
      section(
          "licences",
          "Licences",
          rows.size(),
          "Per licence model, its entitlements valid on the date pooled: what is owned, what is"
              + " used and what is spare. Expand a row to see who uses it.");
      if (!rows.isEmpty()) {
        HtmlTable.of(
                "licences",
                "Licences by licence model; click a column header to sort.",
                PositionColumns.LICENCES,
                this,
                "unlimited")
            .replace(
                "licenseModel",
                l -> HtmlText.escape(l.licenseModel()) + modelLine(l.licenseModel()),
                LicensePosition::licenseModel)
            .shown("entitled", l -> l.unlimited() ? "unlimited" : report.count(l.entitled()))
            .shown("surplus", l -> l.unlimited() ? NONE : report.count(l.surplus()))
            .shown("surplusValue", l -> l.unlimited() ? NONE : report.money(l.surplusValue()))
            .html("use", "Used", this::meter, this::usedPercent)
            .html("why", "Who uses it", this::licenceWhy, l -> Long.toString(l.consumed()))
            .rowClass(l -> l.surplus() > 0 ? "spare" : "")
            .render(rows, out);
      }
      endSection();
    }

    /** Consumed as a whole percentage of entitled, rounded half-even; empty when unlimited. */
    private String usedPercent(LicensePosition l) {
      if (l.unlimited() || l.entitled() == 0) {
        return "";
      }
      return BigDecimal.valueOf(l.consumed())
          .multiply(BigDecimal.valueOf(100))
          .divide(BigDecimal.valueOf(l.entitled()), 0, RoundingMode.HALF_EVEN)
          .toPlainString();
    }

    private String meter(LicensePosition l) {
      String percent = usedPercent(l);
      if (percent.isEmpty()) {
        return l.unlimited()
            ? "<span class=\"pill plain\">site</span>"
            : "<span class=\"muted\">none owned</span>";
      }
      int used = Integer.parseInt(percent);
      int width = Math.min(64, (used * 64 + 50) / 100);
      return "<svg class=\"meter\" viewBox=\"0 0 64 8\" width=\"64\" height=\"8\""
          + " aria-hidden=\"true\"><rect class=\"track\" width=\"64\" height=\"8\" rx=\"4\"/>"
          + (width > 0
              ? "<rect class=\""
                  + (l.surplus() == 0 ? "full" : "used")
                  + "\" width=\""
                  + width
                  + "\" height=\"8\" rx=\"4\"/>"
              : "")
          + "</svg>"
          + percent
          + "%";
    }

    private String licenceWhy(LicensePosition l) {
      List<Allocation> allocations = allocationsByModel.getOrDefault(l.licenseModel(), List.of());
      if (allocations.isEmpty()) {
        return l.entitled() == 0 && !l.unlimited()
            ? "<span class=\"muted\">nothing owned, nothing used</span>"
            : "<span class=\"pill spare\">unused</span>";
      }
      Map<String, List<Allocation>> byEntitlement = new TreeMap<>();
      for (Allocation a : allocations) {
        byEntitlement.computeIfAbsent(a.entitlement(), k -> new ArrayList<>()).add(a);
      }
      long consumers = allocations.stream().map(Allocation::consumer).distinct().count();
      StringBuilder why = new StringBuilder("<details><summary>");
      why.append(count(consumers, "consumer", "consumers")).append("</summary><ul>");
      for (Map.Entry<String, List<Allocation>> entry : byEntitlement.entrySet()) {
        List<String> parts = new ArrayList<>();
        long units = 0;
        for (Allocation a : entry.getValue()) {
          parts.add(a.consumer() + " × " + a.units());
          units = Math.addExact(units, a.units());
        }
        why.append("<li><b>")
            .append(HtmlText.escape(entry.getKey()))
            .append("</b> ")
            .append(count(units, "unit", "units"))
            .append(": ")
            .append(HtmlText.escape(String.join(", ", parts)))
            .append("</li>");
      }
      return why.append("</ul></details>").toString();
    }

    private void allocations() throws IOException {
      List<Allocation> rows = position.allocations();
      section(
          "allocations",
          "Allocations",
          rows.size(),
          position.summary().allocations(),
          "Which entitlement covers which consumer, with how many units, and why it was chosen.");
      if (!rows.isEmpty()) {
        HtmlTable.of(
                "allocations",
                "Allocations by licence model, product, consumer and entitlement; click to sort.",
                PositionColumns.ALLOCATIONS,
                this)
            .render(rows, out);
      }
      endSection();
    }

    private void rejected() throws IOException {
      List<Rejected> rows = position.rejected();
      section(
          "rejected",
          "Rejected",
          rows.size(),
          position.summary().rejected(),
          "Input records that do not count on the date, and why: nothing is dropped silently.");
      if (!rows.isEmpty()) {
        HtmlTable.of(
                "rejected",
                "Rejected records by kind, consumer and product.",
                PositionColumns.REJECTED,
                this)
            .render(rows, out);
      }
      endSection();
    }

    private void exempt() throws IOException {
      List<Exempt> rows = position.exempt();
      section(
          "exempt",
          "Exempt",
          rows.size(),
          position.summary().exempt(),
          "Use left out of the count on purpose.");
      if (!rows.isEmpty()) {
        HtmlTable.of("exempt", "Exemptions by product and consumer.", PositionColumns.EXEMPT, this)
            .render(rows, out);
      }
      endSection();
    }

    private void notes() throws IOException {
      List<SolverNote> rows = position.notes();
      if (rows.isEmpty()) {
        return;
      }
      section(
          "notes",
          "Solver notes",
          rows.size(),
          "Licence pools whose exact search ran out of budget: the shortfall cost found, a proven"
              + " lower bound and the gap between them.");
      HtmlTable.of("notes", "Pools not proven optimal.", PositionColumns.NOTES, this)
          .render(rows, out);
      endSection();
    }

    private void accounting() throws IOException {
      List<Accounting> rows = position.accounting();
      section(
          "accounting",
          "Accounting",
          rows.size(),
          "What became of every installation, access and usage record: counted, exempt or not"
              + " counted (rejected), adding up to the total.");
      if (!rows.isEmpty()) {
        HtmlTable.of("accounting", "Input records by kind.", PositionColumns.ACCOUNTING, this)
            .render(rows, out);
      }
      endSection();
    }

    @Override
    public String money(BigDecimal amount) {
      return report.money(amount);
    }

    private String count(long n, String one, String many) {
      return HtmlSection.count(report, n, one, many);
    }
  }

  private static String orNone(@Nullable String value) {
    return value == null ? NONE : value;
  }
}
