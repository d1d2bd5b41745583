package io.itam.io.diff;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.itam.io.diff.PositionDiff.AllocationChange;
import io.itam.io.diff.PositionDiff.Change;
import io.itam.io.diff.PositionDiff.LicenceChange;
import io.itam.io.diff.PositionDiff.ProductChange;
import io.itam.io.diff.PositionDiff.RejectedChange;
import io.itam.io.diff.PositionDiff.ShortfallChange;
import io.itam.io.diff.PositionDiff.Totals;
import io.itam.model.Money;
import io.itam.model.position.Allocation;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Remedy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
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

  /** The format of the document this class writes. */
  public static final int FORMAT = 1;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .disable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();

  private PositionDiffJson() {}

  /** The writer. */
  public static PositionDiffJson create() {
    return INSTANCE;
  }

  /** Writes {@code diff} to {@code out}, which is flushed and left open. */
  public void write(PositionDiff diff, OutputStream out) throws IOException {
    requireNonNull(diff, "diff");
    requireNonNull(out, "out");
    try (JsonGenerator g = generator(out)) {
      new Document(g, diff.currency()).write(diff);
      g.writeRaw('\n');
      g.flush();
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

  /** A generator with the layout of the position document. */
  private static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.NONE)
            .withArrayValueSpacing(Separators.Spacing.NONE)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("")
            .withRootSeparator("\n");
    generator.setPrettyPrinter(
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter));
    return generator;
  }

  /** One diff document being written. */
  private static final class Document {
    private final JsonGenerator g;
    private final int digits;

    Document(JsonGenerator g, @Nullable String currency) {
      this.g = g;
      this.digits = minorDigits(currency);
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
        g.writeStringField("record", r.record().record());
        g.writeStringField("consumer", r.record().consumer());
        g.writeStringField("product", r.record().product());
        g.writeStringField("reason", r.record().reason());
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
      if (p == null) {
        return;
      }
      g.writeObjectFieldStart(name);
      g.writeNumberField("required", p.required());
      g.writeNumberField("covered", p.covered());
      g.writeNumberField("shortfall", p.shortfall());
      amount("shortfallCost", p.shortfallCost());
      Remedy remedy = p.remedy();
      if (remedy != null) {
        g.writeObjectFieldStart("remedy");
        g.writeStringField("licenseModel", remedy.licenseModel());
        g.writeNumberField("packs", remedy.packs());
        g.writeNumberField("units", remedy.units());
        amount("cost", remedy.cost());
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    private void licence(String name, @Nullable LicensePosition l) throws IOException {
      if (l == null) {
        return;
      }
      g.writeObjectFieldStart(name);
      g.writeArrayFieldStart("entitlements");
      for (String entitlement : l.entitlements()) {
        g.writeString(entitlement);
      }
      g.writeEndArray();
      g.writeStringField("metric", l.metric().id());
      g.writeNumberField("entitled", l.entitled());
      g.writeNumberField("consumed", l.consumed());
      g.writeNumberField("surplus", l.surplus());
      amount("surplusValue", l.surplusValue());
      if (l.unlimited()) {
        g.writeBooleanField("unlimited", true);
      }
      g.writeEndObject();
    }

    private void allocations(String name, List<Allocation> allocations) throws IOException {
      g.writeArrayFieldStart(name);
      for (Allocation a : allocations) {
        g.writeStartObject();
        g.writeStringField("entitlement", a.entitlement());
        g.writeStringField("licenseModel", a.licenseModel());
        g.writeNumberField("units", a.units());
        g.writeStringField("reason", a.reason());
        g.writeEndObject();
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
        g.writeStringField(name, Money.format(value, digits));
      }
    }
  }

  /** Minor digits of {@code currency}; 2 without a (known) currency. */
  private static int minorDigits(@Nullable String currency) {
    if (currency == null || !Money.isCurrencyCode(currency)) {
      return 2;
    }
    return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
  }
}
