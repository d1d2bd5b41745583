package io.itam.io.position;

import io.itam.model.position.Accounting;
import io.itam.model.position.Allocation;
import io.itam.model.position.Exempt;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Remedy;
import io.itam.model.position.Shortfall;
import io.itam.model.position.SolverNote;
import io.itam.model.position.Summary;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Small positions for the report tests, each with something a renderer could get wrong. */
final class Positions {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

  /** A value that is markup, a CSV field with every special character, and an id with both. */
  static final String HOSTILE = "<script>alert(\"x\")</script>";

  static final String CSV_HOSTILE = "a,b \"c\"\nd\r\ne;f\\g";

  private Positions() {}

  /**
   * Not compliant, hostile ids and reasons everywhere, a solver note, a product no model covers and
   * an unpriced remedy.
   */
  static Position hostile() {
    return new Position(
        1,
        AS_OF,
        "EUR",
        false,
        new Summary(new BigDecimal("14344"), new BigDecimal("23100"), 2, 3, 2, 3, 2, 1, 1),
        List.of(
            new LicensePosition(
                HOSTILE,
                List.of("PO;1", "PO\\2", CSV_HOSTILE),
                MetricType.DEVICE,
                250,
                195,
                55,
                new BigDecimal("23100"),
                false),
            new LicensePosition(
                "site-av", List.of("PO-3"), MetricType.SITE, 10, 10, 0, BigDecimal.ZERO, true)),
        List.of(
            new ProductPosition(
                HOSTILE,
                "sql-ent-core",
                36,
                32,
                4,
                new BigDecimal("14344"),
                new Remedy("sql-ent-core", 2, 4, new BigDecimal("14344"))),
            new ProductPosition(
                "project", "project-user", 5, 0, 5, null, new Remedy("project-user", 5, 5, null)),
            new ProductPosition("visio", null, 1, 0, 1, null, null)),
        List.of(
            new Allocation(
                "vm-1", HOSTILE, "sql-ent-core", "PO-1", 32, "per-vm: " + HOSTILE + "\nline two"),
            new Allocation(CSV_HOSTILE, "av", "site-av", "PO-3", 1, "site: unlimited")),
        List.of(
            new Shortfall(HOSTILE, HOSTILE, 4, "sql-ent-core", "core: " + CSV_HOSTILE),
            new Shortfall("pc-7", "visio", 1, null, "no licence model covers visio"),
            new Shortfall("u-42", "project", 5, "project-user", "user: 5 named users")),
        List.of(new Exempt("pc-1", "office-pro", "test lab, \"MSDN\"", 1)),
        List.of(new Rejected("installation", "pc-3", "visio", "installed after the as-of date")),
        List.of(
            new SolverNote(
                "office, sql",
                "greedy after 2000 nodes",
                new BigDecimal("14344"),
                new BigDecimal("7172.5"),
                new BigDecimal("7171.5"))),
        List.of(new Accounting("installations", 12, 9, 1, 2)));
  }

  /** Compliant, in yen (no minor digits), no rejected records, no notes. */
  static Position compliantYen() {
    return new Position(
        1,
        AS_OF,
        "JPY",
        true,
        new Summary(BigDecimal.ZERO, new BigDecimal("12000"), 1, 1, 2, 0, 0, 0, 0),
        List.of(
            new LicensePosition(
                "acrobat-user",
                List.of("PO-1/1", "PO-2/1"),
                MetricType.USER,
                5,
                2,
                3,
                new BigDecimal("12000"),
                false)),
        List.of(new ProductPosition("acrobat", "acrobat-user", 2, 2, 0, BigDecimal.ZERO, null)),
        List.of(
            new Allocation("u-1", "acrobat", "acrobat-user", "PO-1/1", 1, "user: primary user"),
            new Allocation("u-2", "acrobat", "acrobat-user", "PO-1/1", 1, "user: primary user")),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(new Accounting("installations", 2, 2, 0, 0)));
  }

  /** Nothing at all, and no currency. */
  static Position empty() {
    return new Position(
        1,
        AS_OF,
        null,
        true,
        new Summary(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 0),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
