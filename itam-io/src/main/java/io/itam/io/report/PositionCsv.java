package io.itam.io.report;

import static java.util.Objects.requireNonNull;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.Problem;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes an effective licence position as a set of CSV files, one per view, for spreadsheets and
 * the tools of a licence manager; and reads such a set back into the same {@link Position}.
 *
 * <p>Each {@link View} is one file in one directory, always written, with a header row even when it
 * has no rows: {@code summary.csv} (one row: the document's header and summary), {@code
 * licences.csv}, {@code products.csv}, {@code allocations.csv}, {@code shortfalls.csv}, {@code
 * exempt.csv}, {@code rejected.csv}, {@code notes.csv} and {@code accounting.csv}. Columns are the
 * fields of the position document (estate-format.md) in its order; a field of the remedy is named
 * by its path ({@code remedy.packs}).
 *
 * <p>The bytes are canonical (RFC 4180): UTF-8 without a byte order mark, {@code \n} after every
 * record, a field quoted only when it holds a comma, a double quote, a carriage return or a line
 * feed; rows in the position's order; amounts as in the position document, exact with the
 * currency's minor digits ({@code 14344.00}; 2 without a currency); booleans {@code true} and
 * {@code false}; an absent optional field is an empty field. The entitlements of a licence are one
 * field, their ids separated by {@code ;} (a {@code ;} or {@code \} inside an id escaped by a
 * {@code \}). Values are written as they are: a spreadsheet that evaluates a field beginning with
 * {@code =} does so at its user's request.
 *
 * <pre>{@code
 * PositionCsv.create().write(position, Path.of("position-csv"));
 * Position same = PositionCsv.create().read(Path.of("position-csv"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PositionCsv {
  private static final PositionCsv INSTANCE = new PositionCsv();

  private static final Pattern COUNT = Pattern.compile("[0-9]{1,18}");
  private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,20})?");

  /** One file of the set: a table of the position. */
  public enum View {
    /**
     * One row: {@code format}, {@code asOf}, {@code currency}, {@code compliant} and the summary.
     */
    SUMMARY(
        "summary",
        "format",
        "asOf",
        "currency",
        "compliant",
        "shortfallCost",
        "surplusValue",
        "licenses",
        "products",
        "allocations",
        "shortfalls",
        "unpricedShortfalls",
        "exempt",
        "rejected"),
    /** One row per licence model: what is owned, consumed and spare. */
    LICENCES(
        "licences",
        "licenseModel",
        "entitlements",
        "metric",
        "entitled",
        "consumed",
        "surplus",
        "surplusValue",
        "unlimited"),
    /** One row per product and licence model: required, covered, short, and what to buy. */
    PRODUCTS(
        "products",
        "product",
        "licenseModel",
        "required",
        "covered",
        "shortfall",
        "shortfallCost",
        "remedy.licenseModel",
        "remedy.packs",
        "remedy.units",
        "remedy.cost"),
    /** One row per allocation of an entitlement's units to a consumer, with the reason. */
    ALLOCATIONS(
        "allocations", "consumer", "product", "entitlement", "units", "licenseModel", "reason"),
    /** One row per consumer short of licences, with the reason. */
    SHORTFALLS("shortfalls", "consumer", "product", "units", "licenseModel", "reason"),
    /** One row per exemption applied. */
    EXEMPT("exempt", "consumer", "product", "reason", "records"),
    /** One row per input record that does not count, with the reason. */
    REJECTED("rejected", "record", "consumer", "product", "reason"),
    /** One row per pool solved by a heuristic, with its bound and gap. */
    NOTES("notes", "pool", "method", "objective", "bound", "gap"),
    /** One row per kind of input record: what became of every record. */
    ACCOUNTING("accounting", "record", "total", "counted", "exempt", "rejected");

    private final String name;
    private final List<String> columns;

    View(String name, String... columns) {
      this.name = name;
      this.columns = List.of(columns);
    }

    /** The file of the view: {@code products.csv}. */
    public String fileName() {
      return name + ".csv";
    }

    /** The columns of its header row, in order. */
    public List<String> columns() {
      return columns;
    }
  }

  private PositionCsv() {}

  /** The writer and reader. */
  public static PositionCsv create() {
    return INSTANCE;
  }

  /**
   * Writes every view of {@code position} into {@code directory}, which is created when missing;
   * each file is replaced (atomically where the file system can). Other files are left alone.
   *
   * @throws IOException when a file cannot be written
   */
  public void write(Position position, Path directory) throws IOException {
    requireNonNull(position, "position");
    requireNonNull(directory, "directory");
    Files.createDirectories(directory);
    for (View view : View.values()) {
      Path file = directory.resolve(view.fileName());
      Path temporary = Files.createTempFile(directory, "." + view.name, ".csv.tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          write(position, view, out);
        }
        try {
          Files.move(
              temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** Writes one view of {@code position} to {@code out}, which is flushed and left open. */
  public void write(Position position, View view, OutputStream out) throws IOException {
    requireNonNull(position, "position");
    requireNonNull(view, "view");
    requireNonNull(out, "out");
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    Csv.record(view.columns(), writer);
    Rows rows = new Rows(position.currency(), writer);
    switch (view) {
      case SUMMARY -> rows.summary(position);
      case LICENCES -> rows.each(position.licenses(), rows::license);
      case PRODUCTS -> rows.each(position.products(), rows::product);
      case ALLOCATIONS -> rows.each(position.allocations(), rows::allocation);
      case SHORTFALLS -> rows.each(position.shortfalls(), rows::shortfall);
      case EXEMPT -> rows.each(position.exempt(), rows::exempt);
      case REJECTED -> rows.each(position.rejected(), rows::rejected);
      case NOTES -> rows.each(position.notes(), rows::note);
      case ACCOUNTING -> rows.each(position.accounting(), rows::accounting);
    }
    writer.flush();
  }

  /** One view of {@code position} as text. */
  public String writeString(Position position, View view) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(position, view, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Reads the views in {@code directory} back into a position. Every file must be there, with the
   * header this class writes (columns in any order); everything wrong with them is reported at
   * once, each problem at {@code file[row].column} (rows counted from 0 after the header).
   *
   * @throws IOException when a file cannot be read
   * @throws ValidationException listing every problem of the files
   */
  public Position read(Path directory) throws IOException {
    requireNonNull(directory, "directory");
    Map<View, String> texts = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (View view : View.values()) {
      Path file = directory.resolve(view.fileName());
      if (!Files.isRegularFile(file)) {
        problems.add(Problem.at(view.fileName(), "missing: no such file in " + directory));
        continue;
      }
      String text = Csv.decode(Files.readAllBytes(file), view.fileName(), problems);
      if (text != null) {
        texts.put(view, text);
      }
    }
    return new Reading(texts, problems).position();
  }

  /**
   * Reads views given as text, keyed by view, into a position: the same rules as {@link
   * #read(Path)}.
   *
   * @throws ValidationException listing every problem of the texts
   */
  public Position read(Map<View, String> views) {
    requireNonNull(views, "views");
    List<Problem> problems = new ArrayList<>();
    Map<View, String> texts = new HashMap<>();
    for (View view : View.values()) {
      String text = views.get(view);
      if (text == null) {
        problems.add(Problem.at(view.fileName(), "missing"));
      } else {
        texts.put(view, text.startsWith("\uFEFF") ? text.substring(1) : text);
      }
    }
    return new Reading(texts, problems).position();
  }

  /** The rows of one view being written: the currency of its amounts and the text so far. */
  private static final class Rows {
    private final @Nullable String currency;
    private final Writer out;

    Rows(@Nullable String currency, Writer out) {
      this.currency = currency;
      this.out = out;
    }

    /** Writes one row of a list. */
    @FunctionalInterface
    interface Row<T> {
      List<String> fields(T row);
    }

    <T> void each(List<T> rows, Row<T> row) throws IOException {
      for (T value : rows) {
        Csv.record(row.fields(value), out);
      }
    }

    void summary(Position p) throws IOException {
      Summary s = p.summary();
      Csv.record(
          List.of(
              Integer.toString(p.format()),
              p.asOf().toString(),
              orEmpty(p.currency()),
              Boolean.toString(p.compliant()),
              amount(s.shortfallCost()),
              amount(s.surplusValue()),
              Long.toString(s.licenses()),
              Long.toString(s.products()),
              Long.toString(s.allocations()),
              Long.toString(s.shortfalls()),
              Long.toString(s.unpricedShortfalls()),
              Long.toString(s.exempt()),
              Long.toString(s.rejected())),
          out);
    }

    List<String> license(LicensePosition l) {
      return List.of(
          l.licenseModel(),
          joinIds(l.entitlements()),
          l.metric().id(),
          Long.toString(l.entitled()),
          Long.toString(l.consumed()),
          Long.toString(l.surplus()),
          amount(l.surplusValue()),
          Boolean.toString(l.unlimited()));
    }

    List<String> product(ProductPosition p) {
      Remedy remedy = p.remedy();
      return List.of(
          p.product(),
          orEmpty(p.licenseModel()),
          Long.toString(p.required()),
          Long.toString(p.covered()),
          Long.toString(p.shortfall()),
          amount(p.shortfallCost()),
          remedy == null ? "" : remedy.licenseModel(),
          remedy == null ? "" : Long.toString(remedy.packs()),
          remedy == null ? "" : Long.toString(remedy.units()),
          remedy == null ? "" : amount(remedy.cost()));
    }

    List<String> allocation(Allocation a) {
      return List.of(
          a.consumer(),
          a.product(),
          a.entitlement(),
          Long.toString(a.units()),
          a.licenseModel(),
          a.reason());
    }

    List<String> shortfall(Shortfall s) {
      return List.of(
          s.consumer(),
          s.product(),
          Long.toString(s.units()),
          orEmpty(s.licenseModel()),
          s.reason());
    }

    List<String> exempt(Exempt x) {
      return List.of(x.consumer(), x.product(), x.reason(), Long.toString(x.records()));
    }

    List<String> rejected(Rejected r) {
      return List.of(r.record(), r.consumer(), r.product(), r.reason());
    }

    List<String> note(SolverNote n) {
      return List.of(
          n.pool(), n.method(), amount(n.objective()), amount(n.bound()), amount(n.gap()));
    }

    List<String> accounting(Accounting a) {
      return List.of(
          a.record(),
          Long.toString(a.total()),
          Long.toString(a.counted()),
          Long.toString(a.exempt()),
          Long.toString(a.rejected()));
    }

    private String amount(@Nullable BigDecimal value) {
      return value == null ? "" : Amounts.format(value, currency);
    }
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** Ids separated by {@code ;}, each {@code ;} and {@code \} inside an id escaped by {@code \}. */
  static String joinIds(List<String> ids) {
    StringBuilder text = new StringBuilder();
    for (int n = 0; n < ids.size(); n++) {
      if (n > 0) {
        text.append(';');
      }
      String id = ids.get(n);
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (c == ';' || c == '\\') {
          text.append('\\');
        }
        text.append(c);
      }
    }
    return text.toString();
  }

  /** The ids of a field written by {@link #joinIds}; {@code null} when an escape is unfinished. */
  static @Nullable List<String> splitIds(String text) {
    List<String> ids = new ArrayList<>();
    if (text.isEmpty()) {
      return ids;
    }
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 == text.length()) {
          return null;
        }
        id.append(text.charAt(++i));
      } else if (c == ';') {
        ids.add(id.toString());
        id.setLength(0);
      } else {
        id.append(c);
      }
    }
    ids.add(id.toString());
    return ids;
  }

  /** Reading a set of views: their texts and every problem found so far. */
  private static final class Reading {
    private final Map<View, String> texts;
    private final List<Problem> problems;

    Reading(Map<View, String> texts, List<Problem> problems) {
      this.texts = texts;
      this.problems = problems;
    }

    Position position() {
      List<Position> header = rows(View.SUMMARY, this::header);
      List<LicensePosition> licenses = rows(View.LICENCES, this::license);
      List<ProductPosition> products = rows(View.PRODUCTS, this::product);
      List<Allocation> allocations = rows(View.ALLOCATIONS, this::allocation);
      List<Shortfall> shortfalls = rows(View.SHORTFALLS, this::shortfall);
      List<Exempt> exempt = rows(View.EXEMPT, this::exempt);
      List<Rejected> rejected = rows(View.REJECTED, this::rejected);
      List<SolverNote> notes = rows(View.NOTES, this::note);
      List<Accounting> accounting = rows(View.ACCOUNTING, this::accounting);
      if (texts.containsKey(View.SUMMARY) && header.size() != 1 && problemsIn(View.SUMMARY) == 0) {
        problems.add(
            Problem.at(View.SUMMARY.fileName(), "must have exactly one row, has " + header.size()));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      Position top = header.get(0);
      return new Position(
          top.format(),
          top.asOf(),
          top.currency(),
          top.compliant(),
          top.summary(),
          licenses,
          products,
          allocations,
          shortfalls,
          exempt,
          rejected,
          notes,
          accounting);
    }

    private long problemsIn(View view) {
      return problems.stream().filter(p -> p.path().startsWith(view.fileName())).count();
    }

    /** The rows of {@code view} that read without a problem. */
    private <T> List<T> rows(View view, Function<Fields, @Nullable T> row) {
      List<T> rows = new ArrayList<>();
      String text = texts.get(view);
      if (text == null) {
        return rows;
      }
      String file = view.fileName();
      List<Csv.Record> records = Csv.parse(text, file, problems);
      if (records.isEmpty() || records.get(0).line() != 1) {
        if (records.isEmpty() && text.isEmpty()) {
          problems.add(Problem.at(file, "empty: the header row is missing"));
        }
        return rows;
      }
      Map<String, Integer> index = header(view, records.get(0));
      if (index == null) {
        return rows;
      }
      for (int r = 1; r < records.size(); r++) {
        Csv.Record record = records.get(r);
        String at = file + "[" + (r - 1) + "]";
        if (record.fields().size() != index.size()) {
          problems.add(
              Problem.at(
                  at,
                  "line "
                      + record.line()
                      + ": "
                      + record.fields().size()
                      + (record.fields().size() == 1 ? " field" : " fields")
                      + ", the header has "
                      + index.size()));
          continue;
        }
        Fields fields = new Fields(at, index, record.fields());
        T value = row.apply(fields);
        if (value != null && fields.sound()) {
          rows.add(value);
        }
      }
      return rows;
    }

    /** Column name → field index, or {@code null} when the header is wrong (reported). */
    private @Nullable Map<String, Integer> header(View view, Csv.Record header) {
      Map<String, Integer> index = new HashMap<>();
      boolean sound = true;
      String file = view.fileName();
      for (int i = 0; i < header.fields().size(); i++) {
        String name = header.fields().get(i);
        if (!view.columns().contains(name)) {
          problems.add(Problem.at(file, "unknown column " + quote(name)));
          sound = false;
        } else if (index.putIfAbsent(name, i) != null) {
          problems.add(Problem.at(file, "duplicate column " + quote(name)));
          sound = false;
        }
      }
      for (String column : view.columns()) {
        if (!header.fields().contains(column)) {
          problems.add(Problem.at(file, "missing column " + quote(column)));
          sound = false;
        }
      }
      return sound ? index : null;
    }

    private @Nullable Position header(Fields f) {
      Long format = f.count("format");
      if (format != null && format != Estate.FORMAT) {
        f.problem(
            "format",
            "unsupported format " + format + "; this version reads format " + Estate.FORMAT);
      }
      LocalDate asOf = f.date("asOf");
      String currency = f.optional("currency");
      if (currency != null && !Money.isCurrencyCode(currency)) {
        f.problem("currency", "not an ISO 4217 currency code: " + quote(currency));
      }
      Boolean compliant = f.bool("compliant");
      BigDecimal shortfallCost = f.amount("shortfallCost", true);
      BigDecimal surplusValue = f.amount("surplusValue", true);
      Long licenses = f.count("licenses");
      Long products = f.count("products");
      Long allocations = f.count("allocations");
      Long shortfalls = f.count("shortfalls");
      Long unpriced = f.count("unpricedShortfalls");
      Long exempt = f.count("exempt");
      Long rejected = f.count("rejected");
      return f.build(
          () ->
              new Position(
                  format.intValue(),
                  asOf,
                  currency,
                  compliant,
                  new Summary(
                      shortfallCost,
                      surplusValue,
                      licenses,
                      products,
                      allocations,
                      shortfalls,
                      unpriced,
                      exempt,
                      rejected),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of()));
    }

    private @Nullable LicensePosition license(Fields f) {
      String model = f.text("licenseModel");
      List<String> entitlements = splitIds(f.text("entitlements"));
      if (entitlements == null) {
        f.problem("entitlements", "ends in an unfinished \\ escape");
      }
      String metricName = f.text("metric");
      MetricType metric = MetricType.parse(metricName).orElse(null);
      if (metric == null) {
        f.problem("metric", "unknown metric " + quote(metricName));
      }
      Long entitled = f.count("entitled");
      Long consumed = f.count("consumed");
      Long surplus = f.count("surplus");
      BigDecimal surplusValue = f.amount("surplusValue", true);
      Boolean unlimited = f.bool("unlimited");
      return f.build(
          () ->
              new LicensePosition(
                  model,
                  entitlements,
                  metric,
                  entitled,
                  consumed,
                  surplus,
                  surplusValue,
                  unlimited));
    }

    private @Nullable ProductPosition product(Fields f) {
      String product = f.text("product");
      String model = f.optional("licenseModel");
      Long required = f.count("required");
      Long covered = f.count("covered");
      Long shortfall = f.count("shortfall");
      BigDecimal cost = f.amount("shortfallCost", false);
      String remedyModel = f.optional("remedy.licenseModel");
      Remedy remedy = null;
      if (remedyModel != null) {
        Long packs = f.count("remedy.packs");
        Long units = f.count("remedy.units");
        BigDecimal remedyCost = f.amount("remedy.cost", false);
        remedy = f.build(() -> new Remedy(remedyModel, packs, units, remedyCost));
      } else {
        for (String column : List.of("remedy.packs", "remedy.units", "remedy.cost")) {
          if (f.optional(column) != null) {
            f.problem(column, "must be empty without remedy.licenseModel");
          }
        }
      }
      Remedy theRemedy = remedy;
      return f.build(
          () -> new ProductPosition(product, model, required, covered, shortfall, cost, theRemedy));
    }

    private @Nullable Allocation allocation(Fields f) {
      String consumer = f.text("consumer");
      String product = f.text("product");
      String entitlement = f.text("entitlement");
      Long units = f.count("units");
      String model = f.text("licenseModel");
      String reason = f.text("reason");
      return f.build(() -> new Allocation(consumer, product, model, entitlement, units, reason));
    }

    private @Nullable Shortfall shortfall(Fields f) {
      String consumer = f.text("consumer");
      String product = f.text("product");
      Long units = f.count("units");
      String model = f.optional("licenseModel");
      String reason = f.text("reason");
      return f.build(() -> new Shortfall(consumer, product, units, model, reason));
    }

    private @Nullable Exempt exempt(Fields f) {
      String consumer = f.text("consumer");
      String product = f.text("product");
      String reason = f.text("reason");
      Long records = f.count("records");
      return f.build(() -> new Exempt(consumer, product, reason, records));
    }

    private @Nullable Rejected rejected(Fields f) {
      String record = f.text("record");
      String consumer = f.text("consumer");
      String product = f.text("product");
      String reason = f.text("reason");
      return f.build(() -> new Rejected(record, consumer, product, reason));
    }

    private @Nullable SolverNote note(Fields f) {
      String pool = f.text("pool");
      String method = f.text("method");
      BigDecimal objective = f.amount("objective", true);
      BigDecimal bound = f.amount("bound", true);
      BigDecimal gap = f.amount("gap", true);
      return f.build(() -> new SolverNote(pool, method, objective, bound, gap));
    }

    private @Nullable Accounting accounting(Fields f) {
      String record = f.text("record");
      Long total = f.count("total");
      Long counted = f.count("counted");
      Long exempt = f.count("exempt");
      Long rejected = f.count("rejected");
      return f.build(() -> new Accounting(record, total, counted, exempt, rejected));
    }

    /** The fields of one row, by column, and whether they all read. */
    private final class Fields {
      private final String at;
      private final Map<String, Integer> index;
      private final List<String> values;
      private boolean sound = true;

      Fields(String at, Map<String, Integer> index, List<String> values) {
        this.at = at;
        this.index = index;
        this.values = values;
      }

      boolean sound() {
        return sound;
      }

      void problem(String column, String message) {
        problems.add(Problem.at(at + "." + column, message));
        sound = false;
      }

      String text(String column) {
        return values.get(index.get(column));
      }

      @Nullable String optional(String column) {
        String value = text(column);
        return value.isEmpty() ? null : value;
      }

      @Nullable Long count(String column) {
        String value = text(column);
        if (!COUNT.matcher(value).matches()) {
          problem(column, "must be a whole number such as 12, was " + quote(value));
          return null;
        }
        return Long.parseLong(value);
      }

      @Nullable BigDecimal amount(String column, boolean required) {
        String value = text(column);
        if (value.isEmpty() && !required) {
          return null;
        }
        if (!AMOUNT.matcher(value).matches()) {
          problem(column, "must be an amount such as 3586.00, was " + quote(value));
          return null;
        }
        return new BigDecimal(value);
      }

      @Nullable Boolean bool(String column) {
        String value = text(column);
        if (value.equals("true") || value.equals("false")) {
          return Boolean.valueOf(value);
        }
        problem(column, "must be true or false, was " + quote(value));
        return null;
      }

      @Nullable LocalDate date(String column) {
        String value = text(column);
        try {
          return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          problem(column, "must be a date such as 2026-11-27, was " + quote(value));
          return null;
        }
      }

      /** The row built when every field read; a row its record rejects is reported. */
      <T> @Nullable T build(Supplier<T> row) {
        if (!sound) {
          return null;
        }
        try {
          return row.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
          problems.add(
              Problem.at(at, e.getMessage() == null ? "inconsistent row" : e.getMessage()));
          sound = false;
          return null;
        }
      }
    }
  }

  /** {@code value} in double quotes, shortened when long, control characters escaped. */
  static String quote(String value) {
    String shown = value.length() > 64 ? value.substring(0, 61) + "…" : value;
    StringBuilder text = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F) {
        text.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.append('"').toString();
  }
}
