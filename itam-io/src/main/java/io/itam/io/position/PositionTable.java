package io.itam.io.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.itam.io.internal.RemedyText;
import io.itam.io.internal.TextTable;
import io.itam.io.position.PositionReport.Expiry;
import io.itam.io.position.PositionReport.PublisherRow;
import io.itam.io.position.PositionReport.UnitRow;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders an effective licence position as plain-text tables, for a licence manager reading a
 * terminal: a header (date, currency, compliant or not, shortfall cost, surplus value, counts),
 * then the licences (entitled, consumed, surplus and its value) and the products (required,
 * covered, shortfall, its cost and what to buy); with the estate ({@link PositionReport}) also the
 * names and publishers of the products, the breakdowns by publisher and by organisation unit, what
 * expires soon and, with the last position, what changed since; then, depending on the {@link
 * Detail}, the per-consumer shortfalls, rejected records, solver notes, allocations and exemptions.
 *
 * <pre>{@code
 * String text = PositionTable.create().withDetail(Detail.ALL).render(report);
 * }</pre>
 *
 * <p>The text is deterministic: rows in the position's order, numbers right-aligned and grouped as
 * the report's locale does it ({@code 20,468.00} in English), amounts exact with the currency's
 * minor digits, {@code \n} line endings, no colours, no trailing spaces. Every table fits the width
 * ({@link TextTable}: text columns wrap when the others leave them too little room). Control
 * characters in values are shown escaped. Instances are immutable and thread-safe.
 */
public final class PositionTable {
  /** The width used unless {@link #withWidth(int)} says otherwise: 120 characters. */
  public static final int DEFAULT_WIDTH = 120;

  /** The narrowest width accepted: 40 characters. */
  public static final int MIN_WIDTH = 40;

  /** How much of the position is shown. Each level shows everything the one before it does. */
  public enum Detail {
    /** The header, the licences, the products, the breakdowns, expiries and trend. */
    SUMMARY,
    /** Also what became of every record, the shortfalls, the rejected records and solver notes. */
    SHORTFALLS,
    /** Also every allocation and every exemption. */
    ALL
  }

  private static final PositionTable DEFAULT = new PositionTable(DEFAULT_WIDTH, Detail.SHORTFALLS);

  private static final String NONE = "—";

  private final int width;
  private final Detail detail;

  private PositionTable(int width, Detail detail) {
    this.width = width;
    this.detail = detail;
  }

  /** A table {@value #DEFAULT_WIDTH} characters wide at {@link Detail#SHORTFALLS}. */
  public static PositionTable create() {
    return DEFAULT;
  }

  /**
   * A table like this one, {@code width} characters wide.
   *
   * @throws IllegalArgumentException if {@code width} is less than {@value #MIN_WIDTH}
   */
  public PositionTable withWidth(int width) {
    checkArgument(width >= MIN_WIDTH, "width: must be at least %s, was %s", MIN_WIDTH, width);
    return new PositionTable(width, detail);
  }

  /** A table like this one showing {@code detail}. */
  public PositionTable withDetail(Detail detail) {
    return new PositionTable(width, requireNonNull(detail, "detail"));
  }

  public int width() {
    return width;
  }

  public Detail detail() {
    return detail;
  }

  /** The text of {@code position} alone (ids only), each line ending in {@code \n}. */
  public String render(Position position) {
    return render(PositionReport.of(position));
  }

  /** The text of {@code report}, each line ending in {@code \n}. */
  public String render(PositionReport report) {
    StringBuilder text = new StringBuilder();
    try {
      render(report, text);
    } catch (IOException e) {
      throw new UncheckedIOException("appending to a StringBuilder cannot fail", e);
    }
    return text.toString();
  }

  /**
   * Appends the text of {@code position} alone to {@code out}.
   *
   * @throws IOException when {@code out} fails
   */
  public void render(Position position, Appendable out) throws IOException {
    render(PositionReport.of(requireNonNull(position, "position")), out);
  }

  /**
   * Appends the text of {@code report} to {@code out}, table by table, without building it whole (a
   * position with millions of allocations need not fit in memory twice).
   *
   * @throws IOException when {@code out} fails
   */
  public void render(PositionReport report, Appendable out) throws IOException {
    requireNonNull(report, "report");
    requireNonNull(out, "out");
    new Rendering(report, out).render();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PositionTable other && width == other.width && detail == other.detail;
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, detail);
  }

  @Override
  public String toString() {
    return "PositionTable[width=" + width + ", detail=" + detail + "]";
  }

  /** The rendering of one report: the text appended so far. */
  private final class Rendering {
    private final PositionReport report;
    private final Position position;
    private final Appendable out;

    Rendering(PositionReport report, Appendable out) {
      this.report = report;
      this.position = report.position();
      this.out = out;
    }

    void render() throws IOException {
      header();
      if (detail.compareTo(Detail.SHORTFALLS) >= 0 && !position.accounting().isEmpty()) {
        section("ACCOUNTING", position.accounting(), accounting());
      }
      section("LICENCES", position.licenses(), licences());
      section("PRODUCTS", position.products(), products());
      if (report.hasEstate()) {
        section("BY PUBLISHER", report.publishers(), publishers());
        if (!report.units().isEmpty()) {
          section("BY ORGANISATION UNIT (CHARGEBACK)", report.units(), units());
        }
        section(
            "EXPIRING BY " + report.expiryLimit() + " (WITHIN " + report.expiryHorizon() + " DAYS)",
            report.expiries(),
            expiries());
      }
      PositionDiff trend = report.trend();
      if (trend != null) {
        out.append('\n');
        PositionDiffTable.create()
            .withWidth(width)
            .withLocale(report.locale())
            .renderTrend(trend, out);
      }
      if (detail.compareTo(Detail.SHORTFALLS) >= 0) {
        section("SHORTFALLS", position.shortfalls(), shortfalls());
        section("REJECTED", position.rejected(), rejected());
        if (!position.notes().isEmpty()) {
          section("SOLVER NOTES", position.notes(), notes());
        }
      }
      if (detail == Detail.ALL) {
        section("ALLOCATIONS", position.allocations(), allocations());
        section("EXEMPT", position.exempt(), exempt());
      }
    }

    private void header() throws IOException {
      Summary s = position.summary();
      String currency = position.currency();
      String suffix = currency == null ? "" : " " + currency;
      List<String[]> fields = new ArrayList<>();
      fields.add(new String[] {"as of", position.asOf().toString()});
      fields.add(new String[] {"currency", currency == null ? "none (no prices)" : currency});
      fields.add(new String[] {"status", position.compliant() ? "COMPLIANT" : "NOT COMPLIANT"});
      fields.add(new String[] {"shortfall cost", report.money(s.shortfallCost()) + suffix});
      if (s.unpricedShortfalls() > 0) {
        fields.add(
            new String[] {
              "unpriced",
              s.unpricedShortfalls() == 1
                  ? "1 product short of licences has no known price; its cost is not included"
                  : report.count(s.unpricedShortfalls())
                      + " products short of licences have no known price; their cost is not"
                      + " included"
            });
      }
      fields.add(new String[] {"surplus value", report.money(s.surplusValue()) + suffix});
      fields.add(
          new String[] {
            "counts",
            String.join(
                ", ",
                count(s.licenses(), "licence", "licences"),
                count(s.products(), "product", "products"),
                count(s.allocations(), "allocation", "allocations"),
                count(s.shortfalls(), "shortfall", "shortfalls"),
                count(s.exempt(), "exempt", "exempt"),
                count(s.rejected(), "rejected", "rejected"))
          });
      if (!position.notes().isEmpty()) {
        fields.add(
            new String[] {
              "optimality",
              count(position.notes().size(), "pool", "pools")
                  + " solved by a heuristic, not proven optimal"
            });
      }
      out.append("EFFECTIVE LICENCE POSITION\n");
      TextTable.fields(fields, width, out);
    }

    private <T> void section(String title, List<T> rows, TextTable<T> table) throws IOException {
      out.append('\n');
      if (rows.isEmpty()) {
        out.append(title).append(": none\n");
        return;
      }
      out.append(title).append(" (").append(report.count(rows.size())).append(")\n");
      table.render(rows, width, out);
    }

    private TextTable<Accounting> accounting() {
      return TextTable.<Accounting>of()
          .left("record", Accounting::record)
          .right("total", a -> report.count(a.total()))
          .right("counted", a -> report.count(a.counted()))
          .right("exempt", a -> report.count(a.exempt()))
          .right("not counted", a -> report.count(a.rejected()));
    }

    private TextTable<LicensePosition> licences() {
      TextTable<LicensePosition> table =
          TextTable.<LicensePosition>of().left("model", LicensePosition::licenseModel);
      if (report.hasEstate()) {
        table.text("product", l -> productNameOfModel(l.licenseModel()));
      }
      return table
          .left("metric", l -> l.metric().id())
          .right("entitled", l -> l.unlimited() ? "unlimited" : report.count(l.entitled()))
          .right("consumed", l -> report.count(l.consumed()))
          .right("surplus", l -> l.unlimited() ? NONE : report.count(l.surplus()))
          .right("surplus value", l -> l.unlimited() ? NONE : report.money(l.surplusValue()));
    }

    private String productNameOfModel(String model) {
      String product = report.productOfModel(model);
      return product == null ? NONE : name(product);
    }

    private String name(String product) {
      String name = report.productName(product);
      return name == null ? NONE : name;
    }

    private TextTable<ProductPosition> products() {
      TextTable<ProductPosition> table =
          TextTable.<ProductPosition>of().left("product", ProductPosition::product);
      if (report.hasEstate()) {
        table.text("name, publisher", p -> nameAndPublisher(p.product()));
      }
      return table
          .left("model", p -> orNone(p.licenseModel()))
          .right("required", p -> report.count(p.required()))
          .right("covered", p -> report.count(p.covered()))
          .right("shortfall", p -> report.count(p.shortfall()))
          .right("cost", this::cost)
          .left("remedy", this::remedy);
    }

    /** {@code Visio (Microsoft)}: the product's name and, in brackets, its publisher. */
    private String nameAndPublisher(String product) {
      String publisher = report.publisher(product);
      return name(product) + (publisher == null ? "" : " (" + publisher + ")");
    }

    private String cost(ProductPosition p) {
      if (p.shortfall() == 0) {
        return "";
      }
      BigDecimal cost = p.shortfallCost();
      if (cost != null) {
        return report.money(cost);
      }
      return p.remedy() == null ? NONE : "unpriced";
    }

    /** {@code buy 12 × 2-pack = 24}, {@code buy 4}, naming the model when it is another one. */
    private String remedy(ProductPosition p) {
      Remedy remedy = p.remedy();
      if (remedy == null) {
        return p.shortfall() == 0 ? "" : NONE;
      }
      return RemedyText.of(remedy, p.licenseModel());
    }

    private TextTable<PublisherRow> publishers() {
      return TextTable.<PublisherRow>of()
          .text("publisher", r -> orNone(r.publisher()))
          .right("product rows", r -> report.count(r.productRows()))
          .right("short", r -> report.count(r.shortfallRows()))
          .right("units short", r -> report.count(r.shortfallUnits()))
          .right("shortfall cost", r -> report.money(r.shortfallCost()))
          .right("unpriced", r -> r.unpricedRows() == 0 ? "" : report.count(r.unpricedRows()))
          .right("surplus value", r -> report.money(r.surplusValue()));
    }

    private TextTable<UnitRow> units() {
      return TextTable.<UnitRow>of()
          .left("unit", r -> r.unit() == null ? "no unit" : r.unit())
          .text("within", r -> r.parents().isEmpty() ? "" : String.join(" › ", r.parents()))
          .right("units short", r -> report.count(r.shortfallUnits()))
          .right("shortfall cost", r -> report.money(r.shortfallCost()))
          .right(
              "unpriced units", r -> r.unpricedUnits() == 0 ? "" : report.count(r.unpricedUnits()))
          .right("surplus value", r -> report.money(r.surplusValue()));
    }

    private TextTable<Expiry> expiries() {
      return TextTable.<Expiry>of()
          .right("ends on", e -> e.date().toString())
          .right("days", e -> report.count(e.daysLeft()))
          .left("what", e -> e.ending().id())
          .left("entitlement", Expiry::entitlement)
          .text("product", e -> e.product() == null ? NONE : name(e.product()))
          .right("quantity", e -> report.count(e.quantity()))
          .right("used", e -> e.consumed() == null ? NONE : report.count(e.consumed()))
          .right("value", e -> e.value() == null ? NONE : report.money(e.value()));
    }

    private TextTable<Shortfall> shortfalls() {
      return TextTable.<Shortfall>of()
          .left("consumer", Shortfall::consumer)
          .left("product", Shortfall::product)
          .right("units", s -> report.count(s.units()))
          .left("model", s -> orNone(s.licenseModel()))
          .wrapping("reason", Shortfall::reason);
    }

    private TextTable<Rejected> rejected() {
      return TextTable.<Rejected>of()
          .left("record", Rejected::record)
          .left("consumer", Rejected::consumer)
          .left("product", Rejected::product)
          .wrapping("reason", Rejected::reason);
    }

    private TextTable<SolverNote> notes() {
      return TextTable.<SolverNote>of()
          .left("pool", SolverNote::pool)
          .right("objective", n -> report.money(n.objective()))
          .right("bound", n -> report.money(n.bound()))
          .right("gap", n -> report.money(n.gap()))
          .wrapping("method", SolverNote::method);
    }

    private TextTable<Allocation> allocations() {
      return TextTable.<Allocation>of()
          .left("consumer", Allocation::consumer)
          .left("product", Allocation::product)
          .left("entitlement", Allocation::entitlement)
          .right("units", a -> report.count(a.units()))
          .wrapping("reason", Allocation::reason);
    }

    private TextTable<Exempt> exempt() {
      return TextTable.<Exempt>of()
          .left("consumer", Exempt::consumer)
          .left("product", Exempt::product)
          .right("records", x -> report.count(x.records()))
          .wrapping("reason", Exempt::reason);
    }

    private String count(long n, String one, String many) {
      return report.count(n) + " " + (n == 1 ? one : many);
    }
  }

  private static String orNone(@Nullable String value) {
    return value == null ? NONE : value;
  }
}
