package io.itam.io.position;

import io.itam.model.position.Allocation;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The bar chart of a report: per product, what closing its shortfall costs (a bar to the left of
 * the axis) and what its spare licences are worth (a bar to the right), on one scale so that the
 * lengths compare. A product licensed by models of different metrics (per core and per user, per
 * device and site) has one row per metric, labelled with it, since their units do not add up. A
 * licence's surplus belongs to the product its model measures (from the product rows, else the
 * allocations); a model nobody uses is shown under its own id. A product short of licences without
 * a price is marked "unpriced". Products with nothing short and nothing spare are left out. Bars
 * are ordered by shortfall cost, then surplus value (both largest first), then name; lengths are
 * whole pixels, rounded half-even, at least one pixel for any amount above zero.
 */
final class ProductChart {
  static final int WIDTH = 1200;
  private static final int LABEL_END = 220;
  private static final int AXIS = 720;
  private static final int MAX_BAR = 380;
  private static final int TOP = 44;
  private static final int ROW = 30;
  private static final int BAR = 18;
  private static final int LABEL_MAX = 28;

  /** One row of the chart: a product, or a product's models of one metric. */
  record Bar(String label, BigDecimal shortfallCost, BigDecimal surplusValue, boolean unpriced) {}

  /**
   * The key of a row: the product and the metric of its models ({@code no model} when none covers
   * it; the model's id when its metric is not known).
   */
  private record Key(String product, String metric) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int c = product.compareTo(other.product);
      return c != 0 ? c : metric.compareTo(other.metric);
    }
  }

  private static String metric(
      @Nullable String model, Map<String, MetricType> metricOf, PositionReport report) {
    if (model == null) {
      return "no model";
    }
    MetricType metric = metricOf.get(model);
    if (metric == null) {
      metric = report.metricOfModel(model);
    }
    return metric == null ? model : metric.id();
  }

  private ProductChart() {}

  /** The bars of {@code report}, in chart order. */
  static List<Bar> bars(PositionReport report) {
    Position position = report.position();
    Map<String, MetricType> metricOf = new TreeMap<>();
    position.licenses().forEach(l -> metricOf.put(l.licenseModel(), l.metric()));
    Map<String, String> productOfModel = new TreeMap<>();
    for (ProductPosition p : position.products()) {
      if (p.licenseModel() != null) {
        productOfModel.putIfAbsent(p.licenseModel(), p.product());
      }
    }
    for (Allocation a : position.allocations()) {
      productOfModel.putIfAbsent(a.licenseModel(), a.product());
    }
    Map<Key, BigDecimal[]> amounts = new TreeMap<>();
    Map<Key, Boolean> unpriced = new TreeMap<>();
    for (ProductPosition p : position.products()) {
      if (p.shortfall() == 0) {
        continue;
      }
      Key key = new Key(p.product(), metric(p.licenseModel(), metricOf, report));
      BigDecimal[] pair = amounts.computeIfAbsent(key, k -> zeros());
      BigDecimal cost = p.shortfallCost();
      if (cost == null) {
        unpriced.put(key, true);
      } else {
        pair[0] = pair[0].add(cost);
      }
    }
    for (LicensePosition l : position.licenses()) {
      if (l.surplusValue().signum() <= 0) {
        continue;
      }
      String product = productOfModel.get(l.licenseModel());
      if (product == null) {
        product = report.productOfModel(l.licenseModel());
      }
      Key key = new Key(product == null ? l.licenseModel() : product, l.metric().id());
      BigDecimal[] pair = amounts.computeIfAbsent(key, k -> zeros());
      pair[1] = pair[1].add(l.surplusValue());
    }
    Map<String, Integer> metrics = new TreeMap<>();
    amounts.keySet().forEach(k -> metrics.merge(k.product(), 1, Integer::sum));
    List<Bar> bars = new ArrayList<>();
    amounts.forEach(
        (key, pair) ->
            bars.add(
                new Bar(
                    metrics.get(key.product()) > 1
                        ? key.product() + " (" + key.metric() + ")"
                        : key.product(),
                    pair[0],
                    pair[1],
                    unpriced.getOrDefault(key, false))));
    bars.sort(
        Comparator.comparing(Bar::shortfallCost, Comparator.reverseOrder())
            .thenComparing(Bar::surplusValue, Comparator.reverseOrder())
            .thenComparing(Bar::label));
    return bars;
  }

  private static BigDecimal[] zeros() {
    return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
  }

  /** The chart as an inline SVG element; {@code null} when there is no bar to draw. */
  static @Nullable String svg(PositionReport report) {
    Position position = report.position();
    List<Bar> bars = bars(report);
    if (bars.isEmpty()) {
      return null;
    }
    String currency = position.currency();
    String unit = currency == null ? "" : " " + currency;
    BigDecimal max = BigDecimal.ZERO;
    for (Bar bar : bars) {
      max = max.max(bar.shortfallCost()).max(bar.surplusValue());
    }
    int height = TOP + bars.size() * ROW + 8;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\">\n");
    svg.append("<title id=\"chart-title\">Shortfall cost and surplus value per product</title>\n");
    svg.append("<desc id=\"chart-desc\">");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      svg.append(i == 0 ? "" : "; ")
          .append(HtmlText.escape(bar.label()))
          .append(": shortfall cost ")
          .append(
              bar.unpriced() && bar.shortfallCost().signum() == 0
                  ? "unpriced"
                  : report.money(bar.shortfallCost()) + unit)
          .append(", surplus value ")
          .append(report.money(bar.surplusValue()))
          .append(unit);
    }
    svg.append("</desc>\n");
    svg.append("<text class=\"axis\" x=\"")
        .append(AXIS - 8)
        .append("\" y=\"18\" text-anchor=\"end\">◀ SHORTFALL COST (TO BUY)</text>\n");
    svg.append("<text class=\"axis\" x=\"")
        .append(AXIS + 8)
        .append("\" y=\"18\">SURPLUS VALUE (SPARE) ▶</text>\n");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = TOP + i * ROW;
      int barY = y + (ROW - BAR) / 2;
      int textY = barY + BAR / 2 + 5;
      String label = HtmlText.escape(bar.label());
      if (i % 2 == 0) {
        svg.append("<rect class=\"band\" x=\"0\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(WIDTH)
            .append("\" height=\"")
            .append(ROW)
            .append("\"/>\n");
      }
      svg.append("<text x=\"")
          .append(LABEL_END)
          .append("\" y=\"")
          .append(textY)
          .append("\" text-anchor=\"end\">")
          .append(HtmlText.escape(HtmlText.shorten(bar.label(), LABEL_MAX)))
          .append("<title>")
          .append(label)
          .append("</title></text>\n");
      int shortWidth = length(bar.shortfallCost(), max);
      if (shortWidth > 0) {
        String amount = report.money(bar.shortfallCost());
        svg.append("<rect class=\"short\" x=\"")
            .append(AXIS - shortWidth)
            .append("\" y=\"")
            .append(barY)
            .append("\" width=\"")
            .append(shortWidth)
            .append("\" height=\"")
            .append(BAR)
            .append("\" rx=\"2\"><title>")
            .append(label)
            .append(": shortfall cost ")
            .append(amount)
            .append(unit)
            .append("</title></rect>\n");
        svg.append("<text class=\"value\" x=\"")
            .append(AXIS - shortWidth - 6)
            .append("\" y=\"")
            .append(textY)
            .append("\" text-anchor=\"end\">")
            .append(amount)
            .append(bar.unpriced() ? " + unpriced" : "")
            .append("</text>\n");
      } else if (bar.unpriced()) {
        svg.append("<text class=\"unpriced\" x=\"")
            .append(AXIS - 8)
            .append("\" y=\"")
            .append(textY)
            .append("\" text-anchor=\"end\">short, no price known</text>\n");
      }
      int spareWidth = length(bar.surplusValue(), max);
      if (spareWidth > 0) {
        String amount = report.money(bar.surplusValue());
        svg.append("<rect class=\"spare\" x=\"")
            .append(AXIS)
            .append("\" y=\"")
            .append(barY)
            .append("\" width=\"")
            .append(spareWidth)
            .append("\" height=\"")
            .append(BAR)
            .append("\" rx=\"2\"><title>")
            .append(label)
            .append(": surplus value ")
            .append(amount)
            .append(unit)
            .append("</title></rect>\n");
        svg.append("<text class=\"value\" x=\"")
            .append(AXIS + spareWidth + 6)
            .append("\" y=\"")
            .append(textY)
            .append("\">")
            .append(amount)
            .append("</text>\n");
      }
    }
    svg.append("<line class=\"zero\" x1=\"")
        .append(AXIS)
        .append("\" y1=\"")
        .append(TOP - 6)
        .append("\" x2=\"")
        .append(AXIS)
        .append("\" y2=\"")
        .append(height - 4)
        .append("\"/>\n");
    svg.append("</svg>");
    return svg.toString();
  }

  /** The length of the bar of {@code amount} on the scale where {@code max} is the longest. */
  static int length(BigDecimal amount, BigDecimal max) {
    if (amount.signum() <= 0 || max.signum() <= 0) {
      return 0;
    }
    int length =
        amount
            .multiply(BigDecimal.valueOf(MAX_BAR))
            .divide(max, 0, RoundingMode.HALF_EVEN)
            .intValueExact();
    return Math.max(1, length);
  }
}
