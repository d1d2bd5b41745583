package io.itam.io.estate;

import io.itam.io.internal.JsonInput;
import java.io.IOException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The parsing of the three large lists of an estate document, apart from everything else: {@code
 * installations}, {@code access} and {@code usage}, which hold nearly all of a large estate's
 * records (20 million installations against a few hundred thousand devices). Each record is read
 * into reused fields, checked, and handed to a {@link Sink} as plain values, so that a sink can
 * build one object per record (the {@link io.itam.model.Estate} of today) or fill primitive columns
 * instead. Nothing here allocates per record but the texts the parser returns.
 *
 * <p>A record with a wrong value is reported (at its path, by {@link JsonInput}) and not handed on;
 * the sink sees only sound records, each with its index in its list.
 */
final class ConsumptionRecords {
  /** Where the sound records go, one at a time, in document order. */
  interface Sink {
    /** An installation record (estate-format.md, {@code installations[]}). */
    void installation(
        int index,
        String device,
        String product,
        @Nullable String version,
        @Nullable String edition,
        @Nullable LocalDate installed,
        @Nullable LocalDate lastUsed,
        @Nullable String evidence);

    /** An access record ({@code access[]}): a user or a device that uses a product. */
    void access(int index, String product, @Nullable String user, @Nullable String device);

    /** A usage record ({@code usage[]}): the peak of concurrent users over a window. */
    void usage(
        int index,
        String product,
        long peakConcurrentUsers,
        LocalDate from,
        LocalDate until,
        @Nullable String unit);
  }

  private final JsonInput in;
  private final Sink sink;

  // The fields of the record being read, reused from one record to the next.
  private @Nullable String device;
  private @Nullable String product;
  private @Nullable String version;
  private @Nullable String edition;
  private @Nullable LocalDate installed;
  private @Nullable LocalDate lastUsed;
  private @Nullable String evidence;
  private @Nullable String user;
  private @Nullable Long peak;
  private @Nullable LocalDate from;
  private @Nullable LocalDate until;
  private @Nullable String unit;

  ConsumptionRecords(JsonInput in, Sink sink) {
    this.in = in;
    this.sink = sink;
  }

  private void clear() {
    device = null;
    product = null;
    version = null;
    edition = null;
    installed = null;
    lastUsed = null;
    evidence = null;
    user = null;
    peak = null;
    from = null;
    until = null;
    unit = null;
  }

  /** Reads the installation at {@code index} of {@code installations}. */
  void installation(int index) throws IOException {
    int mark = in.errors();
    clear();
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "device" -> device = in.string(true);
          case "product" -> product = in.string(true);
          case "version" -> version = in.string(false);
          case "edition" -> edition = in.string(false);
          case "installed" -> installed = in.date(false);
          case "lastUsed" -> lastUsed = in.date(false);
          case "evidence" -> evidence = in.string(false);
          default -> in.unknownField();
        }
      }
      in.required("device", device);
      in.required("product", product);
    }
    if (in.errors() == mark && device != null && product != null) {
      sink.installation(index, device, product, version, edition, installed, lastUsed, evidence);
    }
  }

  /** Reads the access record at {@code index} of {@code access}. */
  void access(int index) throws IOException {
    int mark = in.errors();
    clear();
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "product" -> product = in.string(true);
          case "user" -> user = in.string(false);
          case "device" -> device = in.string(false);
          default -> in.unknownField();
        }
      }
      in.required("product", product);
    }
    if (in.errors() == mark && product != null) {
      sink.access(index, product, user, device);
    }
  }

  /** Reads the usage record at {@code index} of {@code usage}. */
  void usage(int index) throws IOException {
    int mark = in.errors();
    clear();
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "product" -> product = in.string(true);
          case "peakConcurrentUsers" -> peak = in.integer(true);
          case "from" -> from = in.date(true);
          case "until" -> until = in.date(true);
          case "unit" -> unit = in.string(false);
          default -> in.unknownField();
        }
      }
      in.required("product", product);
      in.required("peakConcurrentUsers", peak);
      in.required("from", from);
      in.required("until", until);
    }
    if (in.errors() == mark && product != null && peak != null && from != null && until != null) {
      sink.usage(index, product, peak, from, until, unit);
    }
  }
}
