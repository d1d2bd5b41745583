package io.itam.io.position;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.itam.io.internal.Amounts;
import io.itam.io.internal.JsonFormat;
import io.itam.io.internal.PositionColumns;
import io.itam.io.internal.PositionColumns.Column;
import io.itam.model.position.Allocation;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.PositionDiff;
import io.itam.model.position.PositionDiff.AllocationChange;
import io.itam.model.position.PositionDiff.Change;
import io.itam.model.position.PositionDiff.LicenceChange;
import io.itam.model.position.PositionDiff.ProductChange;
import io.itam.model.position.PositionDiff.RejectedChange;
import io.itam.model.position.PositionDiff.ShortfallChange;
import io.itam.model.position.PositionDiff.Totals;
import io.itam.model.position.ProductPosition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link PositionDiff} as a JSON document, in the canonical style of the position
 * document: UTF-8, two spaces of indentation, {@code \n} line endings, fields in the order below,
 * absent optional fields left out, amounts as decimal strings with the currency's minor digits
 * ({@code "1220.00"}; 2 without a currency), every list present (empty when nothing changed). The
 * same diff always gives the same bytes.
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "changed": true,
 *   "before": { "asOf": "2026-10-27", "currency": "EUR", "compliant": false,
 *               "shortfallCost": "20468.00", "surplusValue": "5790.52", "unpricedShortfalls": 1 },
 *   "after": { ... },
 *   "shortfallCostChange": "1220.00",
 *   "surplusValueChange": "-610.00",
 *   "shortfalls": [ { "change": "added", "consumer": "de-pc-007", "product": "visio",
 *                     "licenseModel": "visio-pro-device", "unitsBefore": 0, "unitsAfter": 1,
 *                     "reason": "..." } ],
 *   "products": [ { "change": "changed", "product": "visio", "licenseModel": "visio-pro-device",
 *                   "before": { "required": 3, "covered": 3, "shortfall": 0 },
 *                   "after": { "required": 3, "covered": 1, "shortfall": 2, "shortfallCost": "1220.00",
 *                              "remedy": { "licenseModel": "visio-pro-device", "packs": 2,
 *                                          "units": 2, "cost": "1220.00" } } } ],
 *   "licenses": [ { "change": "changed", "licenseModel": "visio-pro-device",
 *                   "before": { "entitlements": ["PO-1", "PO-2"], "metric": "device", "entitled": 3,
 *                               "consumed": 3, "surplus": 0, "surplusValue": "0.00" },
 *                   "after": { ... } } ],
 *   "allocations": [ { "change": "removed", "consumer": "de-pc-007", "product": "visio",
 *                      "before": [ { "entitlement": "PO-1", "licenseModel": "visio-pro-device",
 *                                    "units": 1, "reason": "..." } ],
 *                      "after": [] } ],
 *   "rejected": [ { "change": "added", "record": "entitlement", "consumer": "PO-9",
 *                   "product": "ws-std", "reason": "..." } ]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code format}: {@code 1}. {@code changed}: {@code false} when the positions have the same
 *       totals (the date aside) and no row changed.
 *   <li>{@code before}, {@code after}: the totals of the earlier and the later position: {@code
 *       asOf}, {@code currency} (absent without prices), {@code compliant}, {@code shortfallCost},
 *       {@code surplusValue}, {@code unpricedShortfalls}.
 *   <li>{@code shortfallCostChange}, {@code surplusValueChange}: after minus before (negative when
 *       it went down).
 *   <li>{@code notCompared}: present only when a position does not list every row its summary
 *       counts (it was reconciled with less detail): the lists not compared, among {@code
 *       "shortfalls"}, {@code "allocations"}, {@code "rejected"}; their arrays are then empty.
 *   <li>{@code change} of every row: {@code "added"} (only in the later position), {@code
 *       "removed"} (only in the earlier one) or {@code "changed"}. For {@code shortfalls}: a new, a
 *       resolved, or a changed shortfall; for {@code allocations}: a consumer that gained licences,
 *       lost them, or whose licences moved (other entitlements, models or units); for {@code
 *       rejected}: a record newly rejected or no longer rejected (never {@code "changed"}).
 *   <li>{@code shortfalls[]}: {@code consumer}, {@code product}, {@code licenseModel} (absent when
 *       no model covers the use), {@code unitsBefore}, {@code unitsAfter} ({@code 0} on the side
 *       without the shortfall), {@code reason} (the later one, or the earlier when resolved).
 *   <li>{@code products[]}: {@code product}, {@code licenseModel}, then {@code before} and {@code
 *       after} (each absent on the side without the row): {@code required}, {@code covered}, {@code
 *       shortfall}, {@code shortfallCost} and {@code remedy} as in the position document.
 *   <li>{@code licenses[]}: {@code licenseModel}, then {@code before} and {@code after}: {@code
 *       entitlements}, {@code metric}, {@code entitled}, {@code consumed}, {@code surplus}, {@code
 *       surplusValue}, {@code unlimited} (only when true), as in the position document.
 *   <li>{@code allocations[]}: {@code consumer}, {@code product}, {@code before} and {@code after}:
 *       the consumer's allocations for the product on each side ({@code entitlement}, {@code
 *       licenseModel}, {@code units}, {@code reason}), in the position's order, possibly empty.
 *   <li>{@code rejected[]}: the rejected record's {@code record}, {@code consumer}, {@code
 *       product}, {@code reason}.
 * </ul>
 *
 * <p>Every list is ordered: added, removed, changed, each by its key (see {@link PositionDiff}).
 * Instances are immutable and thread-safe.
 */
public final class PositionDiffJson {
  private static final PositionDiffJson INSTANCE = new PositionDiffJson();

  /** The fields of a product row on one side of a change: all but its key. */
  private static final List<Column<ProductPosition, ?>> PRODUCT_SIDE =
      PositionColumns.except(PositionColumns.PRODUCTS.columns(), "product", "licenseModel");

  /** The fields of a licence row on one side of a change: all but its key. */
  private static final List<Column<LicensePosition, ?>> LICENCE_SIDE =
      PositionColumns.except(PositionColumns.LICENCES.columns(), "licenseModel");

  /** The format of the document this class writes. */
  public static final int FORMAT = 1;

  private PositionDiffJson() {}

  /** The writer. */
  public static PositionDiffJson create() {
    return INSTANCE;
  }

  /** Writes {@code diff} to {@code out}, which is flushed and left open. */
  public void write(PositionDiff diff, OutputStream out) throws IOException {
    requireNonNull(diff, "diff");
    requireNonNull(out, "out");
    try (JsonGenerator g = JsonFormat.generator(out)) {
      new Document(g, diff.currency()).write(diff);
      JsonFormat.finish(g);
    }
  }

  /** The document of {@code diff} as text. */
  public String writeString(PositionDiff diff) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(diff, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** One diff document being written. */
  private static final class Document {
    private final JsonGenerator g;
    private final @Nullable String currency;
    private final PositionJson json;

    Document(JsonGenerator g, @Nullable String currency) {
      this.g = g;
      this.currency = currency;
      this.json = new PositionJson(g, currency);
    }

    void write(PositionDiff diff) throws IOException {
      g.writeStartObject();
      g.writeNumberField("format", FORMAT);
      g.writeBooleanField("changed", !diff.isEmpty());
      totals("before", diff.before());
      totals("after", diff.after());
      amount("shortfallCostChange", diff.shortfallCostChange());
      amount("surplusValueChange", diff.surplusValueChange());
      if (!diff.notCompared().isEmpty()) {
        g.writeArrayFieldStart("notCompared");
        for (String list : diff.notCompared()) {
          g.writeString(list);
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("shortfalls");
      for (ShortfallChange s : diff.shortfalls()) {
        g.writeStartObject();
        change(s.change());
        g.writeStringField("consumer", s.consumer());
        g.writeStringField("product", s.product());
        string("licenseModel", s.licenseModel());
        g.writeNumberField("unitsBefore", s.unitsBefore());
        g.writeNumberField("unitsAfter", s.unitsAfter());
        g.writeStringField("reason", s.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("products");
      for (ProductChange p : diff.products()) {
        g.writeStartObject();
        change(p.change());
        g.writeStringField("product", p.product());
        string("licenseModel", p.licenseModel());
        product("before", p.before());
        product("after", p.after());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("licenses");
      for (LicenceChange l : diff.licences()) {
        g.writeStartObject();
        change(l.change());
        g.writeStringField("licenseModel", l.licenseModel());
        licence("before", l.before());
        licence("after", l.after());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("allocations");
      for (AllocationChange a : diff.allocations()) {
        g.writeStartObject();
        change(a.change());
        g.writeStringField("consumer", a.consumer());
        g.writeStringField("product", a.product());
        allocations("before", a.before());
        allocations("after", a.after());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("rejected");
      for (RejectedChange r : diff.rejected()) {
        g.writeStartObject();
        change(r.change());
        json.fields(PositionColumns.REJECTED.columns(), r.record());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }

    private void totals(String name, Totals t) throws IOException {
      g.writeObjectFieldStart(name);
      g.writeStringField("asOf", t.asOf().toString());
      string("currency", t.currency());
      g.writeBooleanField("compliant", t.compliant());
      amount("shortfallCost", t.shortfallCost());
      amount("surplusValue", t.surplusValue());
      g.writeNumberField("unpricedShortfalls", t.unpricedShortfalls());
      g.writeEndObject();
    }

    private void product(String name, @Nullable ProductPosition p) throws IOException {
      if (p != null) {
        g.writeFieldName(name);
        json.object(PRODUCT_SIDE, p);
      }
    }

    private void licence(String name, @Nullable LicensePosition l) throws IOException {
      if (l != null) {
        g.writeFieldName(name);
        json.object(LICENCE_SIDE, l);
      }
    }

    private void allocations(String name, List<Allocation> allocations) throws IOException {
      g.writeArrayFieldStart(name);
      for (Allocation a : allocations) {
        json.object(PositionColumns.ALLOCATION_GRANT, a);
      }
      g.writeEndArray();
    }

    private void change(Change change) throws IOException {
      g.writeStringField(
          "change",
          switch (change) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> "changed";
          });
    }

    private void string(String name, @Nullable String value) throws IOException {
      if (value != null) {
        g.writeStringField(name, value);
      }
    }

    private void amount(String name, @Nullable BigDecimal value) throws IOException {
      if (value != null) {
        g.writeStringField(name, Amounts.format(value, currency));
      }
    }
  }
}
