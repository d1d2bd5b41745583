package io.itam.io.json;

import static io.itam.io.json.JsonFormat.quote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.ValidationException;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One reading of a position document. A row is built only when all its values are sound; a row
 * whose record rejects it (its arithmetic does not add up) is reported at the row's path.
 */
final class PositionDocumentReader {
  private final JsonInput in;

  private @Nullable Integer format;
  private @Nullable LocalDate asOf;
  private @Nullable String currency;
  private @Nullable Boolean compliant;
  private @Nullable Summary summary;
  private final List<LicensePosition> licenses = new ArrayList<>();
  private final List<ProductPosition> products = new ArrayList<>();
  private final List<Allocation> allocations = new ArrayList<>();
  private final List<Shortfall> shortfalls = new ArrayList<>();
  private final List<Exempt> exempt = new ArrayList<>();
  private final List<Rejected> rejected = new ArrayList<>();
  private final List<SolverNote> notes = new ArrayList<>();
  private final List<Accounting> accounting = new ArrayList<>();
  private io.itam.model.position.Detail detail = io.itam.model.position.Detail.ALL;

  PositionDocumentReader(JsonParser parser, boolean allowUnknownFields) {
    this.in = new JsonInput(parser, allowUnknownFields);
  }

  /**
   * Reads the document.
   *
   * @throws ValidationException listing every problem of the document
   * @throws IOException when the underlying input fails
   */
  Position read() throws IOException {
    try {
      in.start();
      if (in.enterObject(true)) {
        document();
      }
      in.end();
    } catch (JsonProcessingException e) {
      in.malformed(e);
    }
    if (!in.problems().isEmpty()) {
      throw new ValidationException(in.problems());
    }
    return new Position(
        format,
        asOf,
        currency,
        compliant,
        summary,
        licenses,
        products,
        allocations,
        shortfalls,
        exempt,
        rejected,
        notes,
        accounting,
        detail);
  }

  private void document() throws IOException {
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "format" -> {
          format = in.int32(true);
          if (format != null && format != Estate.FORMAT) {
            in.error(
                "unsupported format " + format + "; this version reads format " + Estate.FORMAT);
          }
        }
        case "asOf" -> asOf = in.date(true);
        case "currency" -> {
          currency = in.string(false);
          if (currency != null && !Money.isCurrencyCode(currency)) {
            in.error("not an ISO 4217 currency code: " + quote(currency));
          }
        }
        case "compliant" -> compliant = in.bool(true);
        case "summary" -> summary = summary();
        case "licenses" -> list(licenses, this::license);
        case "products" -> list(products, this::product);
        case "allocations" -> list(allocations, this::allocation);
        case "shortfalls" -> list(shortfalls, this::shortfall);
        case "exempt" -> list(exempt, this::exempt);
        case "rejected" -> list(rejected, this::rejected);
        case "notes" -> list(notes, this::note);
        case "accounting" -> list(accounting, this::accounting);
        case "detail" -> {
          String id = in.string(false);
          if (id != null) {
            detail =
                io.itam.model.position.Detail.parse(id)
                    .orElseGet(
                        () -> {
                          in.error(
                              "unknown detail "
                                  + quote(id)
                                  + " (expected one of: summary, shortfalls, all)");
                          return io.itam.model.position.Detail.ALL;
                        });
          }
        }
        default -> in.unknownField();
      }
    }
    in.required("format", format);
    in.required("asOf", asOf);
    in.required("compliant", compliant);
    in.required("summary", summary);
  }

  /** Reads one row; {@code null} when it is not sound (reported). */
  @FunctionalInterface
  private interface Row<T> {
    @Nullable T read() throws IOException;
  }

  private <T> void list(List<T> rows, Row<T> row) throws IOException {
    if (!in.enterArray()) {
      return;
    }
    while (in.nextElement() >= 0) {
      T value = row.read();
      if (value != null) {
        rows.add(value);
      }
    }
  }

  /** Builds a row read without errors since {@code mark}; reports what its record rejects. */
  private <T> @Nullable T build(int mark, Supplier<T> row) {
    if (in.errors() != mark) {
      return null;
    }
    try {
      return row.get();
    } catch (IllegalArgumentException | ArithmeticException e) {
      in.error(e.getMessage() == null ? "inconsistent row" : e.getMessage());
      return null;
    }
  }

  private @Nullable Summary summary() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    BigDecimal shortfallCost = null;
    BigDecimal surplusValue = null;
    long[] counts = new long[7];
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "shortfallCost" -> shortfallCost = in.amount(true);
        case "surplusValue" -> surplusValue = in.amount(true);
        case "licenses" -> counts[0] = count();
        case "products" -> counts[1] = count();
        case "allocations" -> counts[2] = count();
        case "shortfalls" -> counts[3] = count();
        case "unpricedShortfalls" -> counts[4] = count();
        case "exempt" -> counts[5] = count();
        case "rejected" -> counts[6] = count();
        default -> in.unknownField();
      }
    }
    in.required("shortfallCost", shortfallCost);
    in.required("surplusValue", surplusValue);
    BigDecimal cost = shortfallCost;
    BigDecimal value = surplusValue;
    return build(
        mark,
        () ->
            new Summary(
                cost, value, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                counts[6]));
  }

  private long count() throws IOException {
    Long value = in.integer(false);
    return value == null ? 0 : value;
  }

  private @Nullable LicensePosition license() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    String licenseModel = null;
    List<String> entitlements = List.of();
    MetricType metric = null;
    Long entitled = null;
    Long consumed = null;
    Long surplus = null;
    BigDecimal surplusValue = null;
    Boolean unlimited = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "licenseModel" -> licenseModel = in.string(true);
        case "entitlements" -> {
          List<String> ids = in.strings();
          entitlements = ids == null ? List.of() : ids;
        }
        case "metric" ->
            metric =
                in.choice(true, "metric", MetricType::parse, MetricType.values(), MetricType::id);
        case "entitled" -> entitled = in.integer(true);
        case "consumed" -> consumed = in.integer(true);
        case "surplus" -> surplus = in.integer(true);
        case "surplusValue" -> surplusValue = in.amount(true);
        case "unlimited" -> unlimited = in.bool(false);
        default -> in.unknownField();
      }
    }
    in.required("licenseModel", licenseModel);
    in.required("metric", metric);
    in.required("entitled", entitled);
    in.required("consumed", consumed);
    in.required("surplus", surplus);
    in.required("surplusValue", surplusValue);
    String model = licenseModel;
    List<String> ids = entitlements;
    MetricType type = metric;
    Long e = entitled;
    Long c = consumed;
    Long s = surplus;
    BigDecimal v = surplusValue;
    boolean u = Boolean.TRUE.equals(unlimited);
    return build(mark, () -> new LicensePosition(model, ids, type, e, c, s, v, u));
  }

  private @Nullable ProductPosition product() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    String product = null;
    String licenseModel = null;
    Long required = null;
    Long covered = null;
    Long shortfall = null;
    BigDecimal shortfallCost = null;
    Remedy remedy = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "product" -> product = in.string(true);
        case "licenseModel" -> licenseModel = in.string(false);
        case "required" -> required = in.integer(true);
        case "covered" -> covered = in.integer(true);
        case "shortfall" -> shortfall = in.integer(true);
        case "shortfallCost" -> shortfallCost = in.amount(false);
        case "remedy" -> remedy = remedy();
        default -> in.unknownField();
      }
    }
    in.required("product", product);
    in.required("required", required);
    in.required("covered", covered);
    in.required("shortfall", shortfall);
    String id = product;
    String model = licenseModel;
    Long r = required;
    Long c = covered;
    Long s = shortfall;
    BigDecimal cost = shortfallCost;
    Remedy buy = remedy;
    return build(mark, () -> new ProductPosition(id, model, r, c, s, cost, buy));
  }

  private @Nullable Remedy remedy() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(false)) {
      return null;
    }
    String licenseModel = null;
    Long packs = null;
    Long units = null;
    BigDecimal cost = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "licenseModel" -> licenseModel = in.string(true);
        case "packs" -> packs = in.integer(true);
        case "units" -> units = in.integer(true);
        case "cost" -> cost = in.amount(false);
        default -> in.unknownField();
      }
    }
    in.required("licenseModel", licenseModel);
    in.required("packs", packs);
    in.required("units", units);
    String model = licenseModel;
    Long p = packs;
    Long u = units;
    BigDecimal c = cost;
    return build(mark, () -> new Remedy(model, p, u, c));
  }

  private @Nullable Allocation allocation() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    String consumer = null;
    String product = null;
    String entitlement = null;
    Long units = null;
    String licenseModel = null;
    String reason = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "consumer" -> consumer = in.string(true);
        case "product" -> product = in.string(true);
        case "entitlement" -> entitlement = in.string(true);
        case "units" -> units = in.integer(true);
        case "licenseModel" -> licenseModel = in.string(true);
        case "reason" -> reason = in.string(true);
        default -> in.unknownField();
      }
    }
    in.required("consumer", consumer);
    in.required("product", product);
    in.required("entitlement", entitlement);
    in.required("units", units);
    in.required("licenseModel", licenseModel);
    in.required("reason", reason);
    String c = consumer;
    String p = product;
    String e = entitlement;
    Long u = units;
    String m = licenseModel;
    String r = reason;
    return build(mark, () -> new Allocation(c, p, m, e, u, r));
  }

  private @Nullable Shortfall shortfall() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    String consumer = null;
    String product = null;
    Long units = null;
    String licenseModel = null;
    String reason = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "consumer" -> consumer = in.string(true);
        case "product" -> product = in.string(true);
        case "units" -> units = in.integer(true);
        case "licenseModel" -> licenseModel = in.string(false);
        case "reason" -> reason = in.string(true);
        default -> in.unknownField();
      }
    }
    in.required("consumer", consumer);
    in.required("product", product);
    in.required("units", units);
    in.required("reason", reason);
    String c = consumer;
    String p = product;
    Long u = units;
    String m = licenseModel;
    String r = reason;
    return build(mark, () -> new Shortfall(c, p, u, m, r));
  }

  private @Nullable Exempt exempt() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    String consumer = null;
    String product = null;
    String reason = null;
    Long records = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "consumer" -> consumer = in.string(true);
        case "product" -> product = in.string(true);
        case "reason" -> reason = in.string(true);
        case "records" -> records = in.integer(true);
        default -> in.unknownField();
      }
    }
    in.required("consumer", consumer);
    in.required("product", product);
    in.required("reason", reason);
    in.required("records", records);
    String c = consumer;
    String p = product;
    String r = reason;
    Long n = records;
    return build(mark, () -> new Exempt(c, p, r, n));
  }

  private @Nullable Rejected rejected() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    String record = null;
    String consumer = null;
    String product = null;
    String reason = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "record" -> record = in.string(true);
        case "consumer" -> consumer = in.string(true);
        case "product" -> product = in.string(true);
        case "reason" -> reason = in.string(true);
        default -> in.unknownField();
      }
    }
    in.required("record", record);
    in.required("consumer", consumer);
    in.required("product", product);
    in.required("reason", reason);
    String k = record;
    String c = consumer;
    String p = product;
    String r = reason;
    return build(mark, () -> new Rejected(k, c, p, r));
  }

  private @Nullable Accounting accounting() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    String record = null;
    Long total = null;
    Long counted = null;
    Long exempt = null;
    Long rejected = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "record" -> record = in.string(true);
        case "total" -> total = in.integer(true);
        case "counted" -> counted = in.integer(true);
        case "exempt" -> exempt = in.integer(true);
        case "rejected" -> rejected = in.integer(true);
        default -> in.unknownField();
      }
    }
    in.required("record", record);
    in.required("total", total);
    in.required("counted", counted);
    in.required("exempt", exempt);
    in.required("rejected", rejected);
    String k = record;
    Long t = total;
    Long c = counted;
    Long x = exempt;
    Long r = rejected;
    return build(mark, () -> new Accounting(k, t, c, x, r));
  }

  private @Nullable SolverNote note() throws IOException {
    int mark = in.errors();
    if (!in.enterObject(true)) {
      return null;
    }
    String pool = null;
    String method = null;
    BigDecimal objective = null;
    BigDecimal bound = null;
    BigDecimal gap = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "pool" -> pool = in.string(true);
        case "method" -> method = in.string(true);
        case "objective" -> objective = in.amount(true);
        case "bound" -> bound = in.amount(true);
        case "gap" -> gap = in.amount(true);
        default -> in.unknownField();
      }
    }
    in.required("pool", pool);
    in.required("method", method);
    in.required("objective", objective);
    in.required("bound", bound);
    in.required("gap", gap);
    String p = pool;
    String m = method;
    BigDecimal o = objective;
    BigDecimal b = bound;
    BigDecimal g = gap;
    return build(mark, () -> new SolverNote(p, m, o, b, g));
  }
}
