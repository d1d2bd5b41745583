package io.itam.io.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Position} (the effective licence position) as a position document
 * (estate-format.md) in canonical form: UTF-8, two spaces of indentation, {@code \n} line endings,
 * fields in the order of the format, absent optional fields and empty {@code notes} and {@code
 * accounting} left out, amounts as decimal strings with the currency's digits ({@code "14344.00"};
 * 2 without a currency). The same position always gives the same bytes, and {@link PositionReader}
 * reads them back.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PositionWriter {
  private static final PositionWriter INSTANCE = new PositionWriter();

  private PositionWriter() {}

  /** The writer. */
  public static PositionWriter create() {
    return INSTANCE;
  }

  /** Writes {@code position} to {@code out}, which is flushed and left open. */
  public void write(Position position, OutputStream out) throws IOException {
    requireNonNull(position, "position");
    requireNonNull(out, "out");
    try (JsonGenerator g = JsonFormat.generator(out)) {
      new Document(g, position.currency()).write(position);
      JsonFormat.finish(g);
    }
  }

  /** Writes {@code position} to {@code file}, replacing it. */
  public void write(Position position, Path file) throws IOException {
    requireNonNull(file, "file");
    try (OutputStream out = Files.newOutputStream(file)) {
      write(position, out);
    }
  }

  /** The document of {@code position} as text. */
  public String writeString(Position position) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(position, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** One position document being written: the generator and the currency of its amounts. */
  private static final class Document {
    private final JsonGenerator g;
    private final @Nullable String currency;

    Document(JsonGenerator g, @Nullable String currency) {
      this.g = g;
      this.currency = currency;
    }

    void write(Position p) throws IOException {
      g.writeStartObject();
      g.writeNumberField("format", p.format());
      g.writeStringField("asOf", p.asOf().toString());
      if (currency != null) {
        g.writeStringField("currency", currency);
      }
      g.writeBooleanField("compliant", p.compliant());
      summary(p.summary());
      list("licenses", p.licenses(), this::license);
      list("products", p.products(), this::product);
      list("allocations", p.allocations(), this::allocation);
      list("shortfalls", p.shortfalls(), this::shortfall);
      list("exempt", p.exempt(), this::exempt);
      list("rejected", p.rejected(), this::rejected);
      if (!p.notes().isEmpty()) {
        list("notes", p.notes(), this::note);
      }
      if (!p.accounting().isEmpty()) {
        list("accounting", p.accounting(), this::accounting);
      }
      if (p.detail() != io.itam.model.position.Detail.ALL) {
        g.writeStringField("detail", p.detail().id());
      }
      g.writeEndObject();
    }

    private void summary(Summary s) throws IOException {
      g.writeObjectFieldStart("summary");
      amount("shortfallCost", s.shortfallCost());
      amount("surplusValue", s.surplusValue());
      g.writeNumberField("licenses", s.licenses());
      g.writeNumberField("products", s.products());
      g.writeNumberField("allocations", s.allocations());
      g.writeNumberField("shortfalls", s.shortfalls());
      g.writeNumberField("unpricedShortfalls", s.unpricedShortfalls());
      g.writeNumberField("exempt", s.exempt());
      g.writeNumberField("rejected", s.rejected());
      g.writeEndObject();
    }

    private void license(LicensePosition l) throws IOException {
      g.writeStartObject();
      g.writeStringField("licenseModel", l.licenseModel());
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

    private void product(ProductPosition p) throws IOException {
      g.writeStartObject();
      g.writeStringField("product", p.product());
      string("licenseModel", p.licenseModel());
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

    private void allocation(Allocation a) throws IOException {
      g.writeStartObject();
      g.writeStringField("consumer", a.consumer());
      g.writeStringField("product", a.product());
      g.writeStringField("entitlement", a.entitlement());
      g.writeNumberField("units", a.units());
      g.writeStringField("licenseModel", a.licenseModel());
      g.writeStringField("reason", a.reason());
      g.writeEndObject();
    }

    private void shortfall(Shortfall s) throws IOException {
      g.writeStartObject();
      g.writeStringField("consumer", s.consumer());
      g.writeStringField("product", s.product());
      g.writeNumberField("units", s.units());
      string("licenseModel", s.licenseModel());
      g.writeStringField("reason", s.reason());
      g.writeEndObject();
    }

    private void exempt(Exempt x) throws IOException {
      g.writeStartObject();
      g.writeStringField("consumer", x.consumer());
      g.writeStringField("product", x.product());
      g.writeStringField("reason", x.reason());
      g.writeNumberField("records", x.records());
      g.writeEndObject();
    }

    private void rejected(Rejected r) throws IOException {
      g.writeStartObject();
      g.writeStringField("record", r.record());
      g.writeStringField("consumer", r.consumer());
      g.writeStringField("product", r.product());
      g.writeStringField("reason", r.reason());
      g.writeEndObject();
    }

    private void note(SolverNote n) throws IOException {
      g.writeStartObject();
      g.writeStringField("pool", n.pool());
      g.writeStringField("method", n.method());
      amount("objective", n.objective());
      amount("bound", n.bound());
      amount("gap", n.gap());
      g.writeEndObject();
    }

    private void accounting(Accounting a) throws IOException {
      g.writeStartObject();
      g.writeStringField("record", a.record());
      g.writeNumberField("total", a.total());
      g.writeNumberField("counted", a.counted());
      g.writeNumberField("exempt", a.exempt());
      g.writeNumberField("rejected", a.rejected());
      g.writeEndObject();
    }

    private void string(String name, @Nullable String value) throws IOException {
      if (value != null) {
        g.writeStringField(name, value);
      }
    }

    private void amount(String name, @Nullable BigDecimal value) throws IOException {
      if (value != null) {
        g.writeStringField(name, JsonFormat.amount(value, currency));
      }
    }

    /** Writes one row of a list. */
    @FunctionalInterface
    private interface Row<T> {
      void write(T row) throws IOException;
    }

    private <T> void list(String name, List<T> rows, Row<T> row) throws IOException {
      g.writeArrayFieldStart(name);
      for (T value : rows) {
        row.write(value);
      }
      g.writeEndArray();
    }
  }
}
