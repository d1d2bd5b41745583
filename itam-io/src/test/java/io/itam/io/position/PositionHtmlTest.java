package io.itam.io.position;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.position.Position;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionHtmlTest {
  private static final PositionHtml HTML = PositionHtml.create();

  private static List<Position> all() {
    return List.of(
        Samples.position(), Positions.hostile(), Positions.compliantYen(), Positions.empty());
  }

  @Test
  void write_everyPosition_loadsNothingFromTheNetwork() {
    for (Position position : all()) {
      String page = HTML.writeString(position).toLowerCase(Locale.ROOT);
      assertFalse(page.contains("http://"), "http://");
      assertFalse(page.contains("https://"), "https://");
      assertFalse(page.contains("//cdn"), "a CDN");
      assertFalse(page.contains("<link"), "<link>");
      assertFalse(page.contains("<img"), "<img>");
      assertFalse(page.contains("<iframe"), "<iframe>");
      assertFalse(page.contains("@import"), "@import");
      assertFalse(page.contains("url("), "url(");
      assertFalse(page.contains("@font-face"), "@font-face");
      assertFalse(Pattern.compile("\\ssrc=").matcher(page).find(), "src=");
      Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
      while (href.find()) {
        assertTrue(href.group(1).startsWith("#"), () -> "a link out of the page: " + href.group());
      }
    }
  }

  @Test
  void write_contentSecurityPolicy_allowsExactlyTheInlineStyleAndScript() {
    String page = HTML.writeString(Samples.position());
    String style = between(page, "<style>", "</style>");
    String script = between(page, "<script>", "</script>");
    String policy = between(page, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
    assertTrue(policy.startsWith("default-src 'none'; "), policy);
    assertTrue(policy.contains("style-src '" + sha256(style) + "'"), policy);
    assertTrue(policy.contains("script-src '" + sha256(script) + "'"), policy);
    assertFalse(policy.contains("unsafe"), policy);
    assertFalse(page.contains(" style=\""), "an inline style attribute the policy would block");
    assertFalse(page.contains(" onclick="), "an inline handler the policy would block");
  }

  @Test
  void write_hostileValues_areTextNeverMarkup() {
    String page = HTML.writeString(Positions.hostile());
    assertEquals(1, count(page, "<script"), "only the page's own script");
    assertEquals(1, count(page, "</script>"));
    assertTrue(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assertFalse(page.contains("alert(\"x\")"));
    assertTrue(page.contains("a,b &quot;c&quot;\nd\ne;f\\g"), "a CR LF is one line break");
  }

  @Test
  void write_sample_showsTheSummaryAndEveryTable() {
    String page = HTML.writeString(Samples.position());
    assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n"));
    assertTrue(page.endsWith("</html>\n"));
    assertTrue(
        page.contains("<title>Effective licence position 2026-11-27: not compliant</title>"));
    assertTrue(page.contains("<h1>Not compliant</h1>"));
    assertTrue(page.contains("19,969.00 <small>EUR</small>"), "shortfall cost");
    assertTrue(page.contains("4,991.52 <small>EUR</small>"), "surplus value");
    assertTrue(page.contains("<strong>Unpriced:</strong> 1 product row short"));
    assertTrue(page.contains("<strong>Optimal:</strong>"));
    for (String table :
        List.of(
            "products",
            "shortfalls",
            "licences",
            "allocations",
            "rejected",
            "exempt",
            "accounting")) {
      assertTrue(page.contains("<table id=\"" + table + "\" class=\"sortable\">"), table);
    }
    assertEquals(21, count(between(page, "<table id=\"products\"", "</table>"), "<tr data-row="));
    assertEquals(99, count(between(page, "<table id=\"allocations\"", "</table>"), "<tr "));
    assertTrue(
        page.contains("<td class=\"num shortfallCost\" data-value=\"10800\">10,800.00</td>"),
        "shown grouped, sorted by the plain amount");
    assertTrue(page.contains("buy 24 × 2-pack = 48"));
    assertTrue(page.contains("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\""));
  }

  @Test
  void write_everyTable_isAccessible() {
    String page = HTML.writeString(Samples.position());
    int tables = count(page, "<table ");
    assertEquals(tables, count(page, "<caption>"));
    assertEquals(count(page, "<th "), count(page, "<th scope=\"col\""));
    assertEquals(count(page, "<input "), count(page, "<label>Filter <input "));
    assertEquals(count(page, "<button "), count(page, "<button type=\"button\">"));
  }

  @Test
  void write_compliantInYen_isGreenWithoutMinorDigits() {
    String page = HTML.writeString(Positions.compliantYen());
    assertTrue(page.contains("<header class=\"banner good\">"));
    assertTrue(page.contains("<h1>Compliant</h1>"));
    assertTrue(page.contains("12,000 <small>JPY</small>"));
    assertFalse(page.contains("12000.00"));
    assertFalse(page.contains("<section id=\"notes-section\""), "no solver notes");
  }

  @Test
  void write_notes_areListedAndFlagged() {
    String page = HTML.writeString(Positions.hostile());
    assertTrue(page.contains("<strong>Not proven optimal:</strong> 1 licence pool was solved"));
    assertTrue(page.contains("<table id=\"notes\" class=\"sortable\">"));
  }

  @Test
  void write_emptyPosition_saysSoWithoutAChart() {
    String page = HTML.writeString(Positions.empty());
    assertTrue(page.contains("Nothing is short and nothing is spare."));
    assertFalse(page.contains("<svg role=\"img\""));
    assertFalse(page.contains("<table "));
    assertEquals(7, count(page, "<p class=\"muted\">None.</p>"));
    assertTrue(page.contains("amounts in no currency (no prices)"));
  }

  @Test
  void write_report_showsNamesBreakdownsExpiriesAndTheTrend() {
    String page = HTML.writeString(Samples.report());
    assertTrue(page.contains("windows-server<small>Windows Server · Microsoft</small>"), "names");
    for (String table : List.of("publishers", "units", "expiring", "changes")) {
      assertTrue(page.contains("<table id=\"" + table + "\" class=\"sortable\">"), table);
      assertTrue(page.contains("<a href=\"#" + table + "-section\">"), "in the navigation");
    }
    assertTrue(page.contains("<td class=\"publisher\">Frameworks Inc.</td>"), "a publisher");
    assertTrue(
        page.contains(
            "<td class=\"id\">acme-de-eng</td><td class=\"parents\">acme › acme-de</td>"));
    assertTrue(page.contains("Expiring within 90 days"), "the horizon");
    assertTrue(page.contains("<td class=\"date\">2026-12-31</td>"), "an entitlement that ends");
    assertTrue(page.contains("Changes since 2026-10-27"), "the trend");
    assertTrue(page.contains("windows-server (core)"), "a chart row per metric");
    assertEquals(page, HTML.writeString(Samples.report()), "deterministic");
  }

  @Test
  void write_reportInGerman_groupsNumbersTheGermanWay() {
    String page = HTML.writeString(Samples.report().withLocale(java.util.Locale.GERMAN));
    assertTrue(page.contains("19.969,00 <small>EUR</small>"), "the shortfall cost");
    assertTrue(page.contains("<html lang=\"en\">"), "the page's own text stays English");
  }

  @Test
  void write_positionWithLessDetail_saysWhatIsNotListed() {
    Position full = Samples.position();
    Position summaryOnly =
        new Position(
            full.format(),
            full.asOf(),
            full.currency(),
            full.compliant(),
            full.summary(),
            full.licenses(),
            full.products(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            full.notes(),
            full.accounting());
    String page = HTML.writeString(summaryOnly);
    assertTrue(page.contains("Allocations <span class=\"count\">(99)</span>"));
    assertTrue(page.contains("this position counts 99 rows here but lists none"));
    assertEquals(4, count(page, "<strong>Not listed:</strong>"));
    assertTrue(page.contains("13 shortfall rows (not listed)"));
    assertTrue(page.contains("19,969.00 <small>EUR</small>"), "the totals are all there");
  }

  @Test
  void write_isDeterministic(@TempDir Path dir) throws IOException {
    for (Position position : all()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      HTML.write(position, out);
      Path file = dir.resolve("report.html");
      HTML.write(position, file);
      assertArrayEquals(out.toByteArray(), Files.readAllBytes(file));
      assertArrayEquals(
          out.toByteArray(), HTML.writeString(position).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void chart_sample_barsByShortfallCostThenSurplusValue() {
    List<String> labels = new ArrayList<>();
    for (ProductChart.Bar bar : ProductChart.bars(PositionReport.of(Samples.position()))) {
      labels.add(bar.label());
    }
    assertEquals(
        List.of(
            "autoframe",
            "windows-server (ws-std)",
            "oracle-db",
            "vault",
            "rhel",
            "office-pro",
            "visio",
            "antivirus",
            "project",
            "acrobat",
            "windows-server (user)",
            "backup-agent",
            "word"),
        labels);
    List<ProductChart.Bar> bars = ProductChart.bars(PositionReport.of(Samples.position()));
    assertEquals(0, bars.get(1).shortfallCost().compareTo(new BigDecimal("5280")));
    assertEquals(0, bars.get(1).surplusValue().signum(), "the CALs are counted in users");
    assertEquals(0, bars.get(10).surplusValue().compareTo(new BigDecimal("615")), "the CALs");
    assertTrue(bars.get(12).unpriced());
    List<String> withEstate = new ArrayList<>();
    ProductChart.bars(Samples.report()).forEach(b -> withEstate.add(b.label()));
    assertEquals("windows-server (core)", withEstate.get(1), "the model's metric, from the estate");
  }

  @Test
  void chart_length_isProportionalAndNeverHidesAnAmount() {
    BigDecimal max = new BigDecimal("10800");
    assertEquals(380, ProductChart.length(max, max));
    assertEquals(190, ProductChart.length(new BigDecimal("5400"), max));
    assertEquals(1, ProductChart.length(new BigDecimal("0.01"), max));
    assertEquals(0, ProductChart.length(BigDecimal.ZERO, max));
    assertNull(ProductChart.svg(PositionReport.of(Positions.empty())));
  }

  @Test
  void escape_controlCharactersAndSurrogates() {
    assertEquals("a\\u0007b\\u0085c\n\n\td", HtmlText.escape("a\u0007b\u0085c\r\n\r\td"));
    assertEquals("😀 \uFFFD \uFFFD", HtmlText.escape("😀 \uD800 \uDFFF"));
    assertEquals("&amp;&lt;&gt;&quot;&#39;", HtmlText.escape("&<>\"'"));
    assertEquals("abcd…", HtmlText.shorten("abcdefgh", 5));
    assertEquals("😀😀😀😀…", HtmlText.shorten("😀😀😀😀😀😀", 5));
    assertEquals("abc", HtmlText.shorten("abc", 5));
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertTrue(from >= 0, () -> "no " + start);
    from += start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static String sha256(String text) {
    try {
      return "sha256-"
          + Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
