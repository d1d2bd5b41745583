package io.itam.io.position;

import static io.itam.io.position.ReportColumns.CHANGES;
import static io.itam.io.position.ReportColumns.EXPIRIES;
import static io.itam.io.position.ReportColumns.PUBLISHERS;
import static io.itam.io.position.ReportColumns.UNITS;

import io.itam.io.position.PositionReport.Expiry;
import io.itam.io.position.PositionReport.PublisherRow;
import io.itam.io.position.PositionReport.UnitRow;
import io.itam.model.position.PositionDiff;
import io.itam.model.position.PositionDiff.Totals;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sections of the HTML report that need more than the position: the breakdowns by publisher and
 * by organisation unit (chargeback), the entitlements and maintenance that expire soon, and the
 * trend since the last position.
 */
final class ReportHtml {
  private static final String NONE = "—";
  private static final String ARROW = " → ";

  private final PositionReport report;
  private final Appendable out;
  private final HtmlTable.Numbers numbers;
  private final String unit;

  ReportHtml(PositionReport report, Appendable out) {
    this.report = report;
    this.out = out;
    this.numbers =
        new HtmlTable.Numbers() {
          @Override
          public String count(long count) {
            return report.count(count);
          }

          @Override
          public String money(BigDecimal amount) {
            return report.money(amount);
          }
        };
    String currency = report.position().currency();
    this.unit = currency == null ? "" : " " + currency;
  }

  /** What changed since the last position: the totals before and after, then what changed. */
  void trend(PositionDiff diff) throws IOException {
    Totals was = diff.before();
    Totals is = diff.after();
    List<TrendRow> rows = TrendRow.of(diff);
    HtmlSection.open(
        out,
        report,
        "changes",
        "Changes since " + was.asOf(),
        rows.size(),
        rows.size(),
        "The trend against the last position ("
            + was.asOf()
            + "): shortfall cost "
            + HtmlText.escape(
                pair(report.money(was.shortfallCost()), report.money(is.shortfallCost())))
            + HtmlText.escape(unit)
            + " ("
            + HtmlText.escape(signed(diff.shortfallCostChange()))
            + "), surplus value "
            + HtmlText.escape(
                pair(report.money(was.surplusValue()), report.money(is.surplusValue())))
            + HtmlText.escape(unit)
            + " ("
            + HtmlText.escape(signed(diff.surplusValueChange()))
            + "); "
            + (was.compliant() == is.compliant()
                ? (is.compliant() ? "compliant" : "not compliant") + " as before"
                : (is.compliant() ? "now compliant" : "no longer compliant"))
            + ". The shortfalls, product and licence rows and rejected records that changed:");
    if (!rows.isEmpty()) {
      HtmlTable.of("changes", "What changed, as the diff of the positions says.", CHANGES, numbers)
          .rowClass(r -> r.direction() > 0 ? "up" : r.direction() < 0 ? "down" : "")
          .render(rows, out);
    }
    HtmlSection.close(out);
  }

  /** Per publisher: product rows, what is short and its cost, what is spare. */
  void publishers() throws IOException {
    List<PublisherRow> rows = report.publishers();
    HtmlSection.open(
        out,
        report,
        "publishers",
        "By publisher",
        rows.size(),
        rows.size(),
        "What each publisher's products are short of and what closing it costs, and what their"
            + " unused licences are worth: the conversation to have with each vendor.");
    if (!rows.isEmpty()) {
      HtmlTable.of(
              "publishers", "Publishers by shortfall cost; click to sort.", PUBLISHERS, numbers)
          .shown("publisher", r -> r.publisher() == null ? "no publisher" : r.publisher())
          .shown("unpriced", r -> r.unpricedRows() == 0 ? "" : report.count(r.unpricedRows()))
          .rowClass(
              r -> r.shortfallRows() > 0 ? "short" : r.surplusValue().signum() > 0 ? "spare" : "")
          .render(rows, out);
    }
    HtmlSection.close(out);
  }

  /** Per organisation unit: the chargeback of shortfall cost and surplus value. */
  void units() throws IOException {
    List<UnitRow> rows = report.units();
    HtmlSection.open(
        out,
        report,
        "units",
        "By organisation unit (chargeback)",
        rows.size(),
        rows.size(),
        "Per cost centre: its share of the shortfall cost (each product row's cost shared among"
            + " the units of the consumers short of it, by their units) and the value of the"
            + " unused licences scoped to it.");
    if (rows.isEmpty()) {
      out.append("<p class=\"muted\">The position does not list its shortfalls and allocations")
          .append(" (reconciled with less detail), so they cannot be charged to units.</p>\n");
    } else {
      HtmlTable.of("units", "Organisation units by shortfall cost; click to sort.", UNITS, numbers)
          .shown("unit", r -> r.unit() == null ? "no unit" : r.unit())
          .shown(
              "unpricedUnits", r -> r.unpricedUnits() == 0 ? "" : report.count(r.unpricedUnits()))
          .rowClass(
              r -> r.shortfallUnits() > 0 ? "short" : r.surplusValue().signum() > 0 ? "spare" : "")
          .render(rows, out);
    }
    HtmlSection.close(out);
  }

  /** What expires within the horizon, soonest first. */
  void expiries() throws IOException {
    List<Expiry> rows = report.expiries();
    HtmlSection.open(
        out,
        report,
        "expiring",
        "Expiring within " + report.expiryHorizon() + " days",
        rows.size(),
        rows.size(),
        "Entitlements whose validity or maintenance ends by "
            + report.expiryLimit()
            + ": renew them, or plan for the licences they leave short.");
    if (!rows.isEmpty()) {
      HtmlTable.of(
              "expiring", "Entitlements by the date they end; click to sort.", EXPIRIES, numbers)
          .replace(
              "product",
              e -> HtmlText.escape(productName(e.product())),
              e -> productName(e.product()))
          .rowClass(e -> e.daysLeft() <= 30 ? "short" : "")
          .render(rows, out);
    }
    HtmlSection.close(out);
  }

  private String productName(@Nullable String product) {
    if (product == null) {
      return NONE;
    }
    String name = report.productName(product);
    return name == null ? product : name;
  }

  private static String pair(String was, String is) {
    return was.equals(is) ? is : was + ARROW + is;
  }

  private String signed(BigDecimal amount) {
    return (amount.signum() > 0 ? "+" : "") + report.money(amount);
  }
}
