package io.itam.io.position;

import io.itam.model.position.LicensePosition;
import io.itam.model.position.PositionDiff;
import io.itam.model.position.PositionDiff.Change;
import io.itam.model.position.PositionDiff.LicenceChange;
import io.itam.model.position.PositionDiff.ProductChange;
import io.itam.model.position.PositionDiff.RejectedChange;
import io.itam.model.position.PositionDiff.ShortfallChange;
import io.itam.model.position.ProductPosition;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of the trend of a report (the HTML section and the workbook's sheet of the changes): a
 * shortfall, product row, licence row or rejected record that changed since the last position, as
 * {@link PositionDiff} says, with the units it is about before and after (units short for a
 * shortfall or product row, units consumed for a licence, none for a rejected record).
 *
 * @param change {@code new}, {@code resolved}, {@code gone} or {@code changed}
 * @param kind {@code shortfall}, {@code product}, {@code licence} or {@code rejected}
 * @param consumer the consumer, when the row has one
 * @param product the product, when the row has one
 * @param licenseModel the licence model, when the row has one
 * @param before units before ({@code null} for a rejected record)
 * @param after units after ({@code null} for a rejected record)
 * @param reason why, when the row says
 */
record TrendRow(
    String change,
    String kind,
    @Nullable String consumer,
    @Nullable String product,
    @Nullable String licenseModel,
    @Nullable Long before,
    @Nullable Long after,
    @Nullable String reason) {

  /** The rows of {@code diff}: shortfalls, product rows, licence rows, rejected records. */
  static List<TrendRow> of(PositionDiff diff) {
    List<TrendRow> rows = new ArrayList<>();
    for (ShortfallChange s : diff.shortfalls()) {
      rows.add(
          new TrendRow(
              word(s.change(), "resolved"),
              "shortfall",
              s.consumer(),
              s.product(),
              s.licenseModel(),
              s.unitsBefore(),
              s.unitsAfter(),
              s.reason()));
    }
    for (ProductChange p : diff.products()) {
      rows.add(
          new TrendRow(
              word(p.change(), "gone"),
              "product",
              null,
              p.product(),
              p.licenseModel(),
              shortfall(p.before()),
              shortfall(p.after()),
              null));
    }
    for (LicenceChange l : diff.licences()) {
      rows.add(
          new TrendRow(
              word(l.change(), "gone"),
              "licence",
              null,
              null,
              l.licenseModel(),
              consumed(l.before()),
              consumed(l.after()),
              null));
    }
    for (RejectedChange r : diff.rejected()) {
      rows.add(
          new TrendRow(
              word(r.change(), "gone"),
              "rejected",
              r.record().consumer(),
              r.record().product(),
              null,
              null,
              null,
              r.record().record() + ": " + r.record().reason()));
    }
    return rows;
  }

  private static String word(Change change, String removed) {
    return switch (change) {
      case ADDED -> "new";
      case REMOVED -> removed;
      case CHANGED -> "changed";
    };
  }

  private static long shortfall(@Nullable ProductPosition row) {
    return row == null ? 0 : row.shortfall();
  }

  private static long consumed(@Nullable LicensePosition row) {
    return row == null ? 0 : row.consumed();
  }

  /** Whether the units went up (worse for a shortfall), down, or neither. */
  int direction() {
    if (before == null || after == null) {
      return 0;
    }
    return Long.compare(after, before);
  }
}
