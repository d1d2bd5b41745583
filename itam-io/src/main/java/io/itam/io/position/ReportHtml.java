package io.itam.io.position;

import io.itam.io.position.PositionReport.Expiry;
import io.itam.io.position.PositionReport.PublisherRow;
import io.itam.io.position.PositionReport.UnitRow;
import io.itam.model.position.PositionDiff;
import io.itam.model.position.PositionDiff.Totals;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.ToLongFunction;
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
  private final String unit;

  ReportHtml(PositionReport report, Appendable out) {
    this.report = report;
    this.out = out;
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
      HtmlTable.<TrendRow>of("changes", "What changed, as the diff of the positions says.")
          .text("change", "Change", TrendRow::change)
          .text("kind", "Row", TrendRow::kind)
          .id("consumer", "Consumer", r -> orNone(r.consumer()))
          .id("product", "Product", r -> orNone(r.product()))
          .id("licenseModel", "Licence model", r -> orNone(r.licenseModel()))
          .number("units", "Units", this::units, r -> r.after() == null ? "" : r.after().toString())
          .reason("reason", "Reason", r -> r.reason() == null ? "" : r.reason())
          .rowClass(r -> r.direction() > 0 ? "up" : r.direction() < 0 ? "down" : "")
          .render(rows, out);
    }
    HtmlSection.close(out);
  }

  private String units(TrendRow row) {
    if (row.before() == null || row.after() == null) {
      return NONE;
    }
    return pair(report.count(row.before()), report.count(row.after()));
  }

  private static String orNone(@Nullable String value) {
    return value == null ? NONE : value;
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
      HtmlTable.<PublisherRow>of("publishers", "Publishers by shortfall cost; click to sort.")
          .text(
              "publisher", "Publisher", r -> r.publisher() == null ? "no publisher" : r.publisher())
          .number(
              "productRows",
              "Product rows",
              count(PublisherRow::productRows),
              raw(PublisherRow::productRows))
          .number(
              "shortfallRows",
              "Short",
              count(PublisherRow::shortfallRows),
              raw(PublisherRow::shortfallRows))
          .number(
              "shortfallUnits",
              "Units short",
              count(PublisherRow::shortfallUnits),
              raw(PublisherRow::shortfallUnits))
          .number(
              "shortfallCost",
              "Shortfall cost",
              r -> report.money(r.shortfallCost()),
              r -> r.shortfallCost().toPlainString())
          .number(
              "unpriced",
              "Unpriced rows",
              r -> r.unpricedRows() == 0 ? "" : report.count(r.unpricedRows()),
              raw(PublisherRow::unpricedRows))
          .number(
              "surplusValue",
              "Surplus value",
              r -> report.money(r.surplusValue()),
              r -> r.surplusValue().toPlainString())
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
      HtmlTable.<UnitRow>of("units", "Organisation units by shortfall cost; click to sort.")
          .id("unit", "Unit", r -> r.unit() == null ? "no unit" : r.unit())
          .text("parents", "Within", r -> String.join(" › ", r.parents()))
          .number(
              "shortfallUnits",
              "Units short",
              count(UnitRow::shortfallUnits),
              raw(UnitRow::shortfallUnits))
          .number(
              "shortfallCost",
              "Shortfall cost",
              r -> report.money(r.shortfallCost()),
              r -> r.shortfallCost().toPlainString())
          .number(
              "unpricedUnits",
              "Unpriced units",
              r -> r.unpricedUnits() == 0 ? "" : report.count(r.unpricedUnits()),
              raw(UnitRow::unpricedUnits))
          .number(
              "surplusValue",
              "Surplus value",
              r -> report.money(r.surplusValue()),
              r -> r.surplusValue().toPlainString())
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
      HtmlTable.<Expiry>of("expiring", "Entitlements by the date they end; click to sort.")
          .text("date", "Ends on", e -> e.date().toString())
          .number(
              "daysLeft",
              "Days left",
              e -> report.count(e.daysLeft()),
              e -> Long.toString(e.daysLeft()))
          .text("ending", "What ends", e -> e.ending().id())
          .id("entitlement", "Entitlement", Expiry::entitlement)
          .id("licenseModel", "Licence model", Expiry::licenseModel)
          .text("product", "Product", e -> productName(e.product()))
          .number(
              "quantity",
              "Quantity",
              e -> report.count(e.quantity()),
              e -> Long.toString(e.quantity()))
          .number(
              "consumed",
              "Used",
              e -> e.consumed() == null ? NONE : report.count(e.consumed()),
              e -> e.consumed() == null ? "" : e.consumed().toString())
          .number(
              "value",
              "Value",
              e -> e.value() == null ? NONE : report.money(e.value()) + unit,
              e -> e.value() == null ? "" : e.value().toPlainString())
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

  private <R> java.util.function.Function<R, String> count(ToLongFunction<R> value) {
    return r -> report.count(value.applyAsLong(r));
  }

  private static <R> java.util.function.Function<R, String> raw(ToLongFunction<R> value) {
    return r -> Long.toString(value.applyAsLong(r));
  }

  private static String pair(String was, String is) {
    return was.equals(is) ? is : was + ARROW + is;
  }

  private String signed(BigDecimal amount) {
    return (amount.signum() > 0 ? "+" : "") + report.money(amount);
  }
}
