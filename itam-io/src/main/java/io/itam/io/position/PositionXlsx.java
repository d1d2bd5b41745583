package io.itam.io.position;

import static java.util.Objects.requireNonNull;

import io.itam.io.internal.Amounts;
import io.itam.io.internal.PositionColumns;
import io.itam.io.internal.PositionColumns.Column;
import io.itam.io.internal.PositionColumns.Table;
import io.itam.io.internal.PositionColumns.Type;
import io.itam.model.position.Position;
import io.itam.model.position.PositionDiff;
import io.itam.model.position.ProductPosition;
import io.itam.model.terms.MetricType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes a position report as an XLSX workbook for the spreadsheets a licence manager works in: one
 * sheet per view (summary, licences, products, shortfalls, allocations, exempt, rejected, solver
 * notes, accounting), their columns the one description of the position's tables (their labels as
 * headers), and, with the estate, the products' names and publishers and the sheets {@code
 * publishers}, {@code units} (chargeback) and {@code expiring}; with the last position, {@code
 * changes}.
 *
 * <p>Cells are typed: counts are numbers, amounts numbers in a currency format ({@code #,##0.00
 * [$EUR]}, the currency's digits), dates dates, booleans booleans; the header row is bold and
 * frozen, with filters, and columns are as wide as their longest value (within limits). A view with
 * more rows than a sheet holds (1,048,575) goes on in further sheets ({@code allocations 2}): no
 * row is left out.
 *
 * <p>The bytes are deterministic: the workbook's creation date is the position's date, and every
 * entry of the archive is dated the same (as a local date, between 1980 and 2107, the years the
 * archive's dates hold), so the same report gives the same file in any time zone. Written with
 * fastexcel, through a temporary file (the archive is rewritten with those dates). Instances are
 * immutable and thread-safe.
 */
public final class PositionXlsx {
  private static final PositionXlsx INSTANCE = new PositionXlsx();

  /** Rows of data a sheet holds below its header. */
  static final int ROWS_PER_SHEET = Worksheet.MAX_ROWS - 1;

  private static final int FLUSH_EVERY = 10_000;
  private static final double MIN_WIDTH = 8;
  private static final double MAX_WIDTH = 60;
  private static final LocalDate FIRST_DOS_DAY = LocalDate.of(1980, 1, 1);
  private static final LocalDate LAST_DOS_DAY = LocalDate.of(2107, 12, 31);
  private static final Pattern CREATED =
      Pattern.compile("<dcterms:created xsi:type=\"dcterms:W3CDTF\">[^<]*</dcterms:created>");

  private PositionXlsx() {}

  /** The writer. */
  public static PositionXlsx create() {
    return INSTANCE;
  }

  /** Writes {@code report} to {@code out}, which is flushed and left open. */
  public void write(PositionReport report, OutputStream out) throws IOException {
    requireNonNull(report, "report");
    requireNonNull(out, "out");
    Path workbook = Files.createTempFile("itam-", ".xlsx");
    try {
      try (OutputStream file = Files.newOutputStream(workbook)) {
        Workbook book = new Workbook(file, "itam", "1.0");
        new Book(report, book).write();
        book.finish();
      }
      normalize(workbook, report.position().asOf(), out);
    } finally {
      Files.deleteIfExists(workbook);
    }
    out.flush();
  }

  /** Writes {@code report} to {@code file}, replacing it. */
  public void write(PositionReport report, Path file) throws IOException {
    requireNonNull(file, "file");
    try (OutputStream out = Files.newOutputStream(file)) {
      write(report, out);
    }
  }

  /** {@code report} as the bytes of a workbook. */
  public byte[] writeBytes(PositionReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(report, bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The archive {@code workbook} written again with its creation date set to {@code date} and every
   * entry dated the same, entries in the same order: fastexcel dates both with the time of writing.
   */
  private static void normalize(Path workbook, LocalDate date, OutputStream out)
      throws IOException {
    // The entries' local date and time as the archive stores it (DOS time), whatever the machine's
    // time zone; within the years it can hold, so no zone-dependent extra field is written.
    LocalDateTime time = clamp(date, FIRST_DOS_DAY, LAST_DOS_DAY).atStartOfDay();
    ZipOutputStream zip = new ZipOutputStream(out);
    try (ZipFile in = new ZipFile(workbook.toFile())) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        byte[] content;
        try (InputStream entryIn = in.getInputStream(entry)) {
          content = entryIn.readAllBytes();
        }
        if (entry.getName().equals("docProps/core.xml")) {
          String core = new String(content, StandardCharsets.UTF_8);
          content =
              CREATED
                  .matcher(core)
                  .replaceFirst(
                      "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                          + date
                          + "T00:00:00Z</dcterms:created>")
                  .getBytes(StandardCharsets.UTF_8);
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(time);
        zip.putNextEntry(copy);
        zip.write(content);
        zip.closeEntry();
      }
    }
    zip.finish();
  }

  private static LocalDate clamp(LocalDate date, LocalDate first, LocalDate last) {
    return date.isBefore(first) ? first : date.isAfter(last) ? last : date;
  }

  /** A column of a sheet: its header, its type and its value in a row. */
  private record Cell<R>(String header, Type type, Function<R, @Nullable Object> value) {}

  /** The workbook of one report being written. */
  private static final class Book {
    private final PositionReport report;
    private final Position position;
    private final Workbook book;
    private final String moneyFormat;

    Book(PositionReport report, Workbook book) {
      this.report = report;
      this.position = report.position();
      this.book = book;
      this.moneyFormat = moneyFormat(position.currency());
    }

    private static String moneyFormat(@Nullable String currency) {
      int digits = Amounts.minorDigits(currency);
      String number = digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
      // The currency as a symbol of the format ([$EUR]): fastexcel does not escape a format's
      // quotes in the workbook's XML, so a quoted literal would break the file.
      return currency == null ? number : number + " [$" + currency + "]";
    }

    void write() throws IOException {
      summary();
      sheet("licences", licences(), position.licenses());
      sheet("products", products(), position.products());
      if (report.hasEstate()) {
        sheet("publishers", columns(ReportColumns.PUBLISHERS), report.publishers());
        sheet("units", columns(ReportColumns.UNITS), report.units());
        sheet("expiring", columns(ReportColumns.EXPIRIES), report.expiries());
      }
      PositionDiff trend = report.trend();
      if (trend != null) {
        sheet("changes", columns(ReportColumns.CHANGES), TrendRow.of(trend));
      }
      sheet("shortfalls", columns(PositionColumns.SHORTFALLS), position.shortfalls());
      sheet("allocations", columns(PositionColumns.ALLOCATIONS), position.allocations());
      sheet("exempt", columns(PositionColumns.EXEMPT), position.exempt());
      sheet("rejected", columns(PositionColumns.REJECTED), position.rejected());
      sheet("notes", columns(PositionColumns.NOTES), position.notes());
      sheet("accounting", columns(PositionColumns.ACCOUNTING), position.accounting());
    }

    /** The summary: one row per field of the document's header and summary, label and value. */
    private void summary() throws IOException {
      Worksheet ws = book.newWorksheet("summary");
      ws.value(0, 0, "Field");
      ws.value(0, 1, "Value");
      ws.style(0, 0).bold().set();
      ws.style(0, 1).bold().set();
      int row = 1;
      for (Column<Position, ?> column : PositionColumns.HEADER) {
        row = field(ws, row, column.label(), column.type(), column.value(position));
      }
      for (Column<io.itam.model.position.Summary, ?> column : PositionColumns.SUMMARY.columns()) {
        row = field(ws, row, column.label(), column.type(), column.value(position.summary()));
      }
      if (report.hasEstate()) {
        row = field(ws, row, "Expiring by", Type.DATE, report.expiryLimit());
      }
      PositionDiff trend = report.trend();
      if (trend != null) {
        row = field(ws, row, "Previous position", Type.DATE, trend.before().asOf());
        row = field(ws, row, "Shortfall cost change", Type.AMOUNT, trend.shortfallCostChange());
        field(ws, row, "Surplus value change", Type.AMOUNT, trend.surplusValueChange());
      }
      ws.freezePane(0, 1);
      ws.width(0, 28);
      ws.width(1, 24);
      ws.finish();
    }

    private int field(Worksheet ws, int row, String label, Type type, @Nullable Object value) {
      ws.value(row, 0, label);
      cell(ws, row, 1, type, value);
      return row + 1;
    }

    /** The rows of one view, on as many sheets as they need, each with its header. */
    private <R> void sheet(String name, List<Cell<R>> cells, List<R> rows) throws IOException {
      int sheets = Math.max(1, (rows.size() + ROWS_PER_SHEET - 1) / ROWS_PER_SHEET);
      for (int s = 0; s < sheets; s++) {
        int from = s * ROWS_PER_SHEET;
        int to = Math.min(rows.size(), from + ROWS_PER_SHEET);
        Worksheet ws = book.newWorksheet(s == 0 ? name : name + " " + (s + 1));
        double[] widths = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
          ws.value(0, c, cells.get(c).header());
          ws.style(0, c).bold().set();
          widths[c] = cells.get(c).header().length();
        }
        for (int r = from; r < to; r++) {
          R row = rows.get(r);
          for (int c = 0; c < cells.size(); c++) {
            Cell<R> cell = cells.get(c);
            Object value = cell.value().apply(row);
            cell(ws, r - from + 1, c, cell.type(), value);
            widths[c] = Math.max(widths[c], width(cell.type(), value));
          }
          if ((r - from + 1) % FLUSH_EVERY == 0) {
            ws.flush();
          }
        }
        for (int c = 0; c < cells.size(); c++) {
          ws.width(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)));
        }
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, Math.max(1, to - from), cells.size() - 1);
        ws.finish();
      }
    }

    private double width(Type type, @Nullable Object value) {
      if (value == null) {
        return 0;
      }
      return switch (type) {
        case AMOUNT -> report.money((BigDecimal) value).length() + 4;
        case DATE -> 10;
        default -> Math.min(MAX_WIDTH, text(type, value).length());
      };
    }

    private void cell(Worksheet ws, int row, int column, Type type, @Nullable Object value) {
      if (value == null) {
        return;
      }
      switch (type) {
        case COUNT -> ws.value(row, column, (Long) value);
        case AMOUNT -> {
          ws.value(row, column, (BigDecimal) value);
          ws.style(row, column).format(moneyFormat).set();
        }
        case BOOLEAN -> ws.value(row, column, (Boolean) value);
        case DATE -> {
          ws.value(row, column, (LocalDate) value);
          ws.style(row, column).format("yyyy-mm-dd").set();
        }
        case ID, TEXT, REASON, IDS, METRIC -> ws.value(row, column, text(type, value));
      }
    }

    private static String text(Type type, Object value) {
      return switch (type) {
        case IDS -> String.join(", ", ((List<?>) value).stream().map(Object::toString).toList());
        case METRIC -> ((MetricType) value).id();
        default -> value.toString();
      };
    }

    /** The cells of every column of {@code table}, as the one description gives them. */
    private static <R> List<Cell<R>> columns(Table<R> table) {
      return columns(table.columns());
    }

    /** The cells of {@code columns}, their labels as headers. */
    private static <R> List<Cell<R>> columns(List<Column<R, ?>> columns) {
      List<Cell<R>> cells = new ArrayList<>();
      for (Column<R, ?> column : columns) {
        cells.add(new Cell<>(column.label(), column.type(), column::value));
      }
      return cells;
    }

    private List<Cell<io.itam.model.position.LicensePosition>> licences() {
      List<Cell<io.itam.model.position.LicensePosition>> cells = columns(PositionColumns.LICENCES);
      if (report.hasEstate()) {
        cells.add(1, new Cell<>("Product", Type.TEXT, l -> modelProductName(l.licenseModel())));
      }
      return cells;
    }

    private @Nullable String modelProductName(String model) {
      String product = report.productOfModel(model);
      return product == null ? null : report.productName(product);
    }

    private List<Cell<ProductPosition>> products() {
      List<Cell<ProductPosition>> cells = columns(PositionColumns.PRODUCTS);
      if (report.hasEstate()) {
        cells.add(1, new Cell<>("Name", Type.TEXT, p -> report.productName(p.product())));
        cells.add(2, new Cell<>("Publisher", Type.TEXT, p -> report.publisher(p.product())));
      }
      return cells;
    }
  }
}
