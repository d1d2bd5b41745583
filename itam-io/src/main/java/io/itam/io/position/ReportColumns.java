package io.itam.io.position;

import static io.itam.io.internal.PositionColumns.shown;

import io.itam.io.internal.PositionColumns.Column;
import io.itam.io.internal.PositionColumns.Type;
import io.itam.io.position.PositionReport.Expiry;
import io.itam.io.position.PositionReport.PublisherRow;
import io.itam.io.position.PositionReport.UnitRow;
import java.util.List;

/**
 * The one description of the report's own tables, beside the position's ({@link
 * io.itam.io.internal.PositionColumns}): the breakdowns by publisher and by organisation unit, the
 * expiries and the changes since the last position, each column with its key, heading, type and
 * value, as the HTML report and the XLSX workbook show them.
 */
final class ReportColumns {
  private ReportColumns() {}

  /** Per publisher: product rows, what is short and its cost, what is spare. */
  static final List<Column<PublisherRow, ?>> PUBLISHERS =
      List.of(
          shown("publisher", "Publisher", Type.TEXT, PublisherRow::publisher),
          shown("productRows", "Product rows", Type.COUNT, PublisherRow::productRows),
          shown("shortfallRows", "Rows short", Type.COUNT, PublisherRow::shortfallRows),
          shown("shortfallUnits", "Units short", Type.COUNT, PublisherRow::shortfallUnits),
          shown("shortfallCost", "Shortfall cost", Type.AMOUNT, PublisherRow::shortfallCost),
          shown("unpriced", "Unpriced rows", Type.COUNT, PublisherRow::unpricedRows),
          shown("surplusValue", "Surplus value", Type.AMOUNT, PublisherRow::surplusValue));

  /** Per organisation unit: the chargeback of shortfall cost and surplus value. */
  static final List<Column<UnitRow, ?>> UNITS =
      List.of(
          shown("unit", "Unit", Type.ID, UnitRow::unit),
          shown("parents", "Within", Type.TEXT, r -> String.join(" › ", r.parents())),
          shown("shortfallUnits", "Units short", Type.COUNT, UnitRow::shortfallUnits),
          shown("shortfallCost", "Shortfall cost", Type.AMOUNT, UnitRow::shortfallCost),
          shown("unpricedUnits", "Unpriced units", Type.COUNT, UnitRow::unpricedUnits),
          shown("surplusValue", "Surplus value", Type.AMOUNT, UnitRow::surplusValue));

  /** Entitlements whose validity or maintenance ends soon. */
  static final List<Column<Expiry, ?>> EXPIRIES =
      List.of(
          shown("date", "Ends on", Type.DATE, Expiry::date),
          shown("daysLeft", "Days left", Type.COUNT, Expiry::daysLeft),
          shown("ending", "What ends", Type.TEXT, e -> e.ending().id()),
          shown("entitlement", "Entitlement", Type.ID, Expiry::entitlement),
          shown("licenseModel", "Licence model", Type.ID, Expiry::licenseModel),
          shown("product", "Product", Type.TEXT, Expiry::product),
          shown("quantity", "Quantity", Type.COUNT, Expiry::quantity),
          shown("consumed", "Used", Type.COUNT, Expiry::consumed),
          shown("value", "Value", Type.AMOUNT, Expiry::value));

  /** What changed since the last position. */
  static final List<Column<TrendRow, ?>> CHANGES =
      List.of(
          shown("change", "Change", Type.TEXT, TrendRow::change),
          shown("kind", "Row", Type.TEXT, TrendRow::kind),
          shown("consumer", "Consumer", Type.ID, TrendRow::consumer),
          shown("product", "Product", Type.ID, TrendRow::product),
          shown("licenseModel", "Licence model", Type.ID, TrendRow::licenseModel),
          shown("before", "Units before", Type.COUNT, TrendRow::before),
          shown("after", "Units after", Type.COUNT, TrendRow::after),
          shown("reason", "Reason", Type.REASON, TrendRow::reason));
}
