package io.itam.io.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.model.Estate;
import io.itam.model.Money;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one description of the tables of an effective licence position (estate-format.md, "the
 * position document"): for every table its columns in the document's order, each with its field
 * name, its label for people, its type and how to get it from a row, and how a row is built back
 * from its values. The JSON document, the CSV views, the XLSX workbook, the HTML report and the
 * diff all write (and the JSON and CSV readers read) a position from this description, so a field
 * is named here and nowhere else.
 *
 * <p>A column whose name has a dot ({@code remedy.packs}) is a field of a nested object in JSON
 * ({@code "remedy": {"packs": 2}}); the CSV and XLSX views name it by that path.
 */
public final class PositionColumns {
  private PositionColumns() {}

  /** How a column's values are typed, written and read. */
  public enum Type {
    /** An id or a name: text, shown in a fixed-width font in reports. */
    ID,
    /** Other text. */
    TEXT,
    /** A long explanation (a reason): text that wraps. */
    REASON,
    /** A whole number (units, records, rows). */
    COUNT,
    /** An exact amount of money in the position's currency. */
    AMOUNT,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An ISO date. */
    DATE,
    /** A list of ids (JSON: an array; CSV: separated by {@code ;}). */
    IDS,
    /** A metric type, by its id. */
    METRIC
  }

  /**
   * One column of a table.
   *
   * @param name the field's name in the position document (a path for nested fields)
   * @param label its heading for people ({@code Licence model})
   * @param type how its values are typed
   * @param optional whether a row may lack it (then JSON leaves it out, CSV leaves it empty); a
   *     field of a nested object is required only when the object is there
   * @param absent the value a JSON document without the field means ({@code null}: none)
   * @param omitAbsent whether the JSON writer leaves the field out when it has that value
   * @param get its value in a row; {@code null} when the row has none
   */
  public record Column<R, V>(
      String name,
      String label,
      Type type,
      boolean optional,
      @Nullable V absent,
      boolean omitAbsent,
      Function<R, @Nullable V> get) {

    public Column {
      requireNonNull(name, "name");
      requireNonNull(label, "label");
      requireNonNull(type, "type");
      requireNonNull(get, "get");
    }

    /** The column, read as {@code absent} when a JSON document leaves it out. */
    Column<R, V> orElse(V absent, boolean omit) {
      return new Column<>(name, label, type, optional, absent, omit, get);
    }

    /** The JSON object holding the field ({@code remedy}), or {@code null} at the row's level. */
    public @Nullable String group() {
      int dot = name.indexOf('.');
      return dot < 0 ? null : name.substring(0, dot);
    }

    /** The field's name within its object ({@code packs} of {@code remedy.packs}). */
    public String field() {
      return name.substring(name.indexOf('.') + 1);
    }

    /** The value of {@code row}, or {@code null}. */
    public @Nullable Object value(R row) {
      return get.apply(row);
    }
  }

  /** The values of one row being read, by column; they must have the columns' types. */
  public static final class Values {
    private final Map<Column<?, ?>, Object> values;

    public Values(Map<Column<?, ?>, Object> values) {
      this.values = values;
    }

    /** The value of {@code column}; {@code null} only for an optional column without one. */
    @SuppressWarnings("unchecked")
    public <V> V get(Column<?, V> column) {
      Object value = values.get(column);
      if (value == null) {
        value = column.absent();
      }
      if (value == null && !column.optional() && column.group() == null) {
        throw new IllegalStateException("no value for the required column " + column.name());
      }
      return (V) value;
    }
  }

  /**
   * One table of the position: a list of the JSON document, a file of the CSV views, a sheet of the
   * workbook.
   *
   * @param field the list's field in the position document ({@code licenses})
   * @param view the name of its CSV file and sheet ({@code licences})
   * @param title its heading for people
   * @param columns its columns in the document's order
   * @param build the row of some values (throws {@link IllegalArgumentException} when the row's own
   *     checks reject them)
   * @param rows the table's rows in a position
   */
  public record Table<R>(
      String field,
      String view,
      String title,
      List<Column<R, ?>> columns,
      Function<Values, R> build,
      Function<Position, List<R>> rows) {

    public Table {
      columns = ImmutableList.copyOf(columns);
    }

    /** The column called {@code name}, or {@code null}. */
    public @Nullable Column<R, ?> column(String name) {
      for (Column<R, ?> column : columns) {
        if (column.name().equals(name)) {
          return column;
        }
      }
      return null;
    }

    /** The column names, in order. */
    public List<String> names() {
      return columns.stream().map(Column::name).toList();
    }
  }

  /**
   * A column of a table for people only (a breakdown of a report, no field of the document): its
   * key {@code name}, heading {@code label}, type and value, {@code null} when a row has none.
   */
  public static <R, V> Column<R, V> shown(
      String name, String label, Type type, Function<R, @Nullable V> get) {
    return new Column<>(name, label, type, true, null, true, get);
  }

  private static <R, V> Column<R, V> required(
      String name, String label, Type type, Function<R, @Nullable V> get) {
    return new Column<>(name, label, type, false, null, false, get);
  }

  private static <R, V> Column<R, V> optional(
      String name, String label, Type type, Function<R, @Nullable V> get) {
    return new Column<>(name, label, type, true, null, true, get);
  }

  // ---- the position's header and summary ----------------------------------------------------

  /** The document format: {@code 1}. */
  public static final Column<Position, Long> FORMAT =
      required("format", "Format", Type.COUNT, p -> (long) p.format());

  /** The date of the position. */
  public static final Column<Position, LocalDate> AS_OF =
      required("asOf", "As of", Type.DATE, Position::asOf);

  /** The currency of every amount; none without prices. */
  public static final Column<Position, String> CURRENCY =
      optional("currency", "Currency", Type.ID, Position::currency);

  /** Whether nothing is short. */
  public static final Column<Position, Boolean> COMPLIANT =
      required("compliant", "Compliant", Type.BOOLEAN, Position::compliant);

  /** The position's own fields, before its summary. */
  public static final List<Column<Position, ?>> HEADER =
      List.of(FORMAT, AS_OF, CURRENCY, COMPLIANT);

  /** A problem with a header value, or {@code null}: the format read and the currency code. */
  public static @Nullable String check(Column<Position, ?> column, Object value) {
    if (column == FORMAT && (Long) value != Estate.FORMAT) {
      return "unsupported format " + value + "; this version reads format " + Estate.FORMAT;
    }
    if (column == CURRENCY && !Money.isCurrencyCode((String) value)) {
      return "not an ISO 4217 currency code: " + JsonFormat.quote((String) value);
    }
    return null;
  }

  private static final Column<Summary, BigDecimal> SHORTFALL_COST =
      required("shortfallCost", "Shortfall cost", Type.AMOUNT, Summary::shortfallCost);
  private static final Column<Summary, BigDecimal> SURPLUS_VALUE =
      required("surplusValue", "Surplus value", Type.AMOUNT, Summary::surplusValue);
  private static final Column<Summary, Long> LICENCE_ROWS =
      required("licenses", "Licence rows", Type.COUNT, Summary::licenses).orElse(0L, false);
  private static final Column<Summary, Long> PRODUCT_ROWS =
      required("products", "Product rows", Type.COUNT, Summary::products).orElse(0L, false);
  private static final Column<Summary, Long> ALLOCATION_ROWS =
      required("allocations", "Allocations", Type.COUNT, Summary::allocations).orElse(0L, false);
  private static final Column<Summary, Long> SHORTFALL_ROWS =
      required("shortfalls", "Shortfalls", Type.COUNT, Summary::shortfalls).orElse(0L, false);
  private static final Column<Summary, Long> UNPRICED =
      required("unpricedShortfalls", "Unpriced shortfalls", Type.COUNT, Summary::unpricedShortfalls)
          .orElse(0L, false);
  private static final Column<Summary, Long> EXEMPT_ROWS =
      required("exempt", "Exempt", Type.COUNT, Summary::exempt).orElse(0L, false);
  private static final Column<Summary, Long> REJECTED_ROWS =
      required("rejected", "Rejected", Type.COUNT, Summary::rejected).orElse(0L, false);

  /** The totals: the {@code summary} object of the document. */
  public static final Table<Summary> SUMMARY =
      new Table<>(
          "summary",
          "summary",
          "Summary",
          List.of(
              SHORTFALL_COST,
              SURPLUS_VALUE,
              LICENCE_ROWS,
              PRODUCT_ROWS,
              ALLOCATION_ROWS,
              SHORTFALL_ROWS,
              UNPRICED,
              EXEMPT_ROWS,
              REJECTED_ROWS),
          v ->
              new Summary(
                  v.get(SHORTFALL_COST),
                  v.get(SURPLUS_VALUE),
                  v.get(LICENCE_ROWS),
                  v.get(PRODUCT_ROWS),
                  v.get(ALLOCATION_ROWS),
                  v.get(SHORTFALL_ROWS),
                  v.get(UNPRICED),
                  v.get(EXEMPT_ROWS),
                  v.get(REJECTED_ROWS)),
          p -> List.of(p.summary()));

  // ---- licences and products -------------------------------------------------------------------

  private static final Column<LicensePosition, String> L_MODEL =
      required("licenseModel", "Licence model", Type.ID, LicensePosition::licenseModel);
  private static final Column<LicensePosition, List<String>> L_ENTITLEMENTS =
      required("entitlements", "Entitlements", Type.IDS, LicensePosition::entitlements)
          .orElse(List.of(), false);
  private static final Column<LicensePosition, MetricType> L_METRIC =
      required("metric", "Metric", Type.METRIC, LicensePosition::metric);
  private static final Column<LicensePosition, Long> L_ENTITLED =
      required("entitled", "Entitled", Type.COUNT, LicensePosition::entitled);
  private static final Column<LicensePosition, Long> L_CONSUMED =
      required("consumed", "Consumed", Type.COUNT, LicensePosition::consumed);
  private static final Column<LicensePosition, Long> L_SURPLUS =
      required("surplus", "Surplus", Type.COUNT, LicensePosition::surplus);
  private static final Column<LicensePosition, BigDecimal> L_SURPLUS_VALUE =
      required("surplusValue", "Surplus value", Type.AMOUNT, LicensePosition::surplusValue);
  private static final Column<LicensePosition, Boolean> L_UNLIMITED =
      required("unlimited", "Unlimited", Type.BOOLEAN, LicensePosition::unlimited)
          .orElse(false, true);

  /** Per licence model: owned, consumed, spare. */
  public static final Table<LicensePosition> LICENCES =
      new Table<>(
          "licenses",
          "licences",
          "Licences",
          List.of(
              L_MODEL,
              L_ENTITLEMENTS,
              L_METRIC,
              L_ENTITLED,
              L_CONSUMED,
              L_SURPLUS,
              L_SURPLUS_VALUE,
              L_UNLIMITED),
          v ->
              new LicensePosition(
                  v.get(L_MODEL),
                  v.get(L_ENTITLEMENTS),
                  v.get(L_METRIC),
                  v.get(L_ENTITLED),
                  v.get(L_CONSUMED),
                  v.get(L_SURPLUS),
                  v.get(L_SURPLUS_VALUE),
                  v.get(L_UNLIMITED)),
          Position::licenses);

  private static final Column<ProductPosition, String> P_PRODUCT =
      required("product", "Product", Type.ID, ProductPosition::product);
  private static final Column<ProductPosition, String> P_MODEL =
      optional("licenseModel", "Licence model", Type.ID, ProductPosition::licenseModel);
  private static final Column<ProductPosition, Long> P_REQUIRED =
      required("required", "Required", Type.COUNT, ProductPosition::required);
  private static final Column<ProductPosition, Long> P_COVERED =
      required("covered", "Covered", Type.COUNT, ProductPosition::covered);
  private static final Column<ProductPosition, Long> P_SHORTFALL =
      required("shortfall", "Shortfall", Type.COUNT, ProductPosition::shortfall);
  private static final Column<ProductPosition, BigDecimal> P_COST =
      optional("shortfallCost", "Shortfall cost", Type.AMOUNT, ProductPosition::shortfallCost);

  // The remedy object: absent without a shortfall; when it is there, only its cost is optional.
  private static final Column<ProductPosition, String> REMEDY_MODEL =
      required(
          "remedy.licenseModel", "Model to buy", Type.ID, p -> remedy(p, Remedy::licenseModel));
  private static final Column<ProductPosition, Long> REMEDY_PACKS =
      required("remedy.packs", "Packs to buy", Type.COUNT, p -> remedy(p, Remedy::packs));
  private static final Column<ProductPosition, Long> REMEDY_UNITS =
      required("remedy.units", "Units bought", Type.COUNT, p -> remedy(p, Remedy::units));
  private static final Column<ProductPosition, BigDecimal> REMEDY_COST =
      optional("remedy.cost", "Remedy cost", Type.AMOUNT, p -> remedy(p, Remedy::cost));

  /** A nested object of a row that its own checks reject: the problem is at the object. */
  public static final class NestedRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String group;

    NestedRowException(String group, @Nullable String message) {
      super(message);
      this.group = group;
    }

    /** The field of the nested object ({@code remedy}). */
    public String group() {
      return group;
    }
  }

  private static <T> T nested(String group, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new NestedRowException(group, e.getMessage());
    }
  }

  private static <V> @Nullable V remedy(ProductPosition p, Function<Remedy, @Nullable V> get) {
    Remedy remedy = p.remedy();
    return remedy == null ? null : get.apply(remedy);
  }

  /** Per product and licence model: required, covered, short, and what to buy. */
  public static final Table<ProductPosition> PRODUCTS =
      new Table<>(
          "products",
          "products",
          "Products",
          List.of(
              P_PRODUCT,
              P_MODEL,
              P_REQUIRED,
              P_COVERED,
              P_SHORTFALL,
              P_COST,
              REMEDY_MODEL,
              REMEDY_PACKS,
              REMEDY_UNITS,
              REMEDY_COST),
          v ->
              new ProductPosition(
                  v.get(P_PRODUCT),
                  v.get(P_MODEL),
                  v.get(P_REQUIRED),
                  v.get(P_COVERED),
                  v.get(P_SHORTFALL),
                  v.get(P_COST),
                  v.get(REMEDY_MODEL) == null
                      ? null
                      : nested(
                          "remedy",
                          () ->
                              new Remedy(
                                  v.get(REMEDY_MODEL),
                                  requireNonNull(v.get(REMEDY_PACKS)),
                                  requireNonNull(v.get(REMEDY_UNITS)),
                                  v.get(REMEDY_COST)))),
          Position::products);

  // ---- per consumer
  // ------------------------------------------------------------------------------

  private static final Column<Allocation, String> A_CONSUMER =
      required("consumer", "Consumer", Type.ID, Allocation::consumer);
  private static final Column<Allocation, String> A_PRODUCT =
      required("product", "Product", Type.ID, Allocation::product);
  private static final Column<Allocation, String> A_ENTITLEMENT =
      required("entitlement", "Entitlement", Type.ID, Allocation::entitlement);
  private static final Column<Allocation, Long> A_UNITS =
      required("units", "Units", Type.COUNT, Allocation::units);
  private static final Column<Allocation, String> A_MODEL =
      required("licenseModel", "Licence model", Type.ID, Allocation::licenseModel);
  private static final Column<Allocation, String> A_REASON =
      required("reason", "Reason", Type.REASON, Allocation::reason);

  /** Per consumer, product and entitlement: the units allocated, and why. */
  public static final Table<Allocation> ALLOCATIONS =
      new Table<>(
          "allocations",
          "allocations",
          "Allocations",
          List.of(A_CONSUMER, A_PRODUCT, A_ENTITLEMENT, A_UNITS, A_MODEL, A_REASON),
          v ->
              new Allocation(
                  v.get(A_CONSUMER),
                  v.get(A_PRODUCT),
                  v.get(A_MODEL),
                  v.get(A_ENTITLEMENT),
                  v.get(A_UNITS),
                  v.get(A_REASON)),
          Position::allocations);

  /** The fields of an allocation that a diff lists on each side: all but its key. */
  public static final List<Column<Allocation, ?>> ALLOCATION_GRANT =
      List.of(A_ENTITLEMENT, A_MODEL, A_UNITS, A_REASON);

  private static final Column<Shortfall, String> S_CONSUMER =
      required("consumer", "Consumer", Type.ID, Shortfall::consumer);
  private static final Column<Shortfall, String> S_PRODUCT =
      required("product", "Product", Type.ID, Shortfall::product);
  private static final Column<Shortfall, Long> S_UNITS =
      required("units", "Units", Type.COUNT, Shortfall::units);
  private static final Column<Shortfall, String> S_MODEL =
      optional("licenseModel", "Licence model", Type.ID, Shortfall::licenseModel);
  private static final Column<Shortfall, String> S_REASON =
      required("reason", "Reason", Type.REASON, Shortfall::reason);

  /** Per consumer and product: the units no entitlement covers, and why. */
  public static final Table<Shortfall> SHORTFALLS =
      new Table<>(
          "shortfalls",
          "shortfalls",
          "Shortfalls",
          List.of(S_CONSUMER, S_PRODUCT, S_UNITS, S_MODEL, S_REASON),
          v ->
              new Shortfall(
                  v.get(S_CONSUMER),
                  v.get(S_PRODUCT),
                  v.get(S_UNITS),
                  v.get(S_MODEL),
                  v.get(S_REASON)),
          Position::shortfalls);

  private static final Column<Exempt, String> X_CONSUMER =
      required("consumer", "Consumer", Type.ID, Exempt::consumer);
  private static final Column<Exempt, String> X_PRODUCT =
      required("product", "Product", Type.ID, Exempt::product);
  private static final Column<Exempt, String> X_REASON =
      required("reason", "Reason", Type.REASON, Exempt::reason);
  private static final Column<Exempt, Long> X_RECORDS =
      required("records", "Records", Type.COUNT, Exempt::records);

  /** The exemptions applied. */
  public static final Table<Exempt> EXEMPT =
      new Table<>(
          "exempt",
          "exempt",
          "Exempt",
          List.of(X_CONSUMER, X_PRODUCT, X_REASON, X_RECORDS),
          v -> new Exempt(v.get(X_CONSUMER), v.get(X_PRODUCT), v.get(X_REASON), v.get(X_RECORDS)),
          Position::exempt);

  private static final Column<Rejected, String> R_RECORD =
      required("record", "Record", Type.TEXT, Rejected::record);
  private static final Column<Rejected, String> R_CONSUMER =
      required("consumer", "Consumer", Type.ID, Rejected::consumer);
  private static final Column<Rejected, String> R_PRODUCT =
      required("product", "Product", Type.ID, Rejected::product);
  private static final Column<Rejected, String> R_REASON =
      required("reason", "Reason", Type.REASON, Rejected::reason);

  /** The input records that do not count, and why. */
  public static final Table<Rejected> REJECTED =
      new Table<>(
          "rejected",
          "rejected",
          "Rejected",
          List.of(R_RECORD, R_CONSUMER, R_PRODUCT, R_REASON),
          v -> new Rejected(v.get(R_RECORD), v.get(R_CONSUMER), v.get(R_PRODUCT), v.get(R_REASON)),
          Position::rejected);

  private static final Column<SolverNote, String> N_POOL =
      required("pool", "Pool", Type.TEXT, SolverNote::pool);
  private static final Column<SolverNote, String> N_METHOD =
      required("method", "Method", Type.REASON, SolverNote::method);
  private static final Column<SolverNote, BigDecimal> N_OBJECTIVE =
      required("objective", "Shortfall cost found", Type.AMOUNT, SolverNote::objective);
  private static final Column<SolverNote, BigDecimal> N_BOUND =
      required("bound", "Proven bound", Type.AMOUNT, SolverNote::bound);
  private static final Column<SolverNote, BigDecimal> N_GAP =
      required("gap", "Gap", Type.AMOUNT, SolverNote::gap);

  /** The pools solved by a heuristic, with the bound proven and the gap. */
  public static final Table<SolverNote> NOTES =
      new Table<>(
          "notes",
          "notes",
          "Solver notes",
          List.of(N_POOL, N_METHOD, N_OBJECTIVE, N_BOUND, N_GAP),
          v ->
              new SolverNote(
                  v.get(N_POOL), v.get(N_METHOD), v.get(N_OBJECTIVE), v.get(N_BOUND), v.get(N_GAP)),
          Position::notes);

  private static final Column<Accounting, String> C_RECORD =
      required("record", "Record", Type.TEXT, Accounting::record);
  private static final Column<Accounting, Long> C_TOTAL =
      required("total", "Total", Type.COUNT, Accounting::total);
  private static final Column<Accounting, Long> C_COUNTED =
      required("counted", "Counted", Type.COUNT, Accounting::counted);
  private static final Column<Accounting, Long> C_EXEMPT =
      required("exempt", "Exempt", Type.COUNT, Accounting::exempt);
  private static final Column<Accounting, Long> C_REJECTED =
      required("rejected", "Not counted", Type.COUNT, Accounting::rejected);

  /** What became of every input record, by kind. */
  public static final Table<Accounting> ACCOUNTING =
      new Table<>(
          "accounting",
          "accounting",
          "Accounting",
          List.of(C_RECORD, C_TOTAL, C_COUNTED, C_EXEMPT, C_REJECTED),
          v ->
              new Accounting(
                  v.get(C_RECORD),
                  v.get(C_TOTAL),
                  v.get(C_COUNTED),
                  v.get(C_EXEMPT),
                  v.get(C_REJECTED)),
          Position::accounting);

  /** The lists of the document, in its order (the summary is an object, not a list). */
  public static final List<Table<?>> LISTS =
      List.of(LICENCES, PRODUCTS, ALLOCATIONS, SHORTFALLS, EXEMPT, REJECTED, NOTES, ACCOUNTING);

  /** The lists the JSON document leaves out when they are empty. */
  public static final List<Table<?>> OMITTED_WHEN_EMPTY = List.of(NOTES, ACCOUNTING);

  /** The columns of {@code table} but those named. */
  public static <R> List<Column<R, ?>> except(List<Column<R, ?>> columns, String... names) {
    List<String> left = Arrays.asList(names);
    List<Column<R, ?>> kept = new ArrayList<>();
    for (Column<R, ?> column : columns) {
      if (!left.contains(column.name())) {
        kept.add(column);
      }
    }
    return kept;
  }
}
