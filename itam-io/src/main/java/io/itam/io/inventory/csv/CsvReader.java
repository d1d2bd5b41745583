package io.itam.io.inventory.csv;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.itam.model.EstateSection;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads devices, users, installations and entitlements from CSV files with a header row ({@link
 * CsvTable}: discovery-tool exports, purchase spreadsheets), with Jackson's CSV parser (RFC 4180
 * quoting: a value with the delimiter, a quote or a line break is quoted, {@code ""} is a quote
 * inside).
 *
 * <p>Cells are trimmed; an empty cell is an absent value. Whole numbers, ISO dates (or the
 * mapping's {@code dateFormat}; the date of a date-time), {@code true}/{@code false} (also {@code
 * yes}/{@code no}, {@code 1}/{@code 0}), device kinds, owners and roles as in the estate document
 * (any case), prices as {@code 420.00} or {@code 420.00 EUR} (without a code, in the reader's
 * {@link #withCurrency currency}), attributes as decimals. Blank lines are skipped; a cell beyond
 * the header's width that is not blank is an error (a value with an unquoted delimiter).
 *
 * <p>Every problem of every file is reported at once, each at {@code file:line:column} with the
 * column's header as written in the file ({@code devices.csv:17:host}), at {@code file:line} for a
 * whole row, in one {@link ValidationException}: malformed CSV, bad encoding, missing required and
 * unknown columns, values of the wrong type, duplicate ids within a file. References between
 * records (units, hosts, licence models) are checked when the estate is built.
 *
 * <pre>{@code
 * CsvInventory csv =
 *     CsvReader.create()
 *         .withMapping(ColumnMapping.read(Path.of("sccm-mapping.json")))
 *         .withCurrency("EUR")
 *         .readDirectory(Path.of("export")); // devices.csv, users.csv, installations.csv, …
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CsvReader {
  private static final CsvReader DEFAULT = new CsvReader(ColumnMapping.defaults(), null, false);

  private final ColumnMapping mapping;
  private final @Nullable String currency;
  private final boolean allowUnknownColumns;

  private CsvReader(ColumnMapping mapping, @Nullable String currency, boolean allowUnknownColumns) {
    this.mapping = mapping;
    this.currency = currency;
    this.allowUnknownColumns = allowUnknownColumns;
  }

  /** A reader of files whose headers are the field names; unknown columns are problems. */
  public static CsvReader create() {
    return DEFAULT;
  }

  /** A reader like this one with {@code mapping}. */
  public CsvReader withMapping(ColumnMapping mapping) {
    return new CsvReader(requireNonNull(mapping, "mapping"), currency, allowUnknownColumns);
  }

  /**
   * A reader like this one that reads prices without a currency code in {@code currency} (the
   * estate's); {@code null}: such prices are problems.
   *
   * @throws IllegalArgumentException when {@code currency} is not an ISO 4217 code
   */
  public CsvReader withCurrency(@Nullable String currency) {
    checkArgument(
        currency == null || Money.isCurrencyCode(currency),
        "currency: not an ISO 4217 code: \"%s\"",
        currency);
    return new CsvReader(mapping, currency, allowUnknownColumns);
  }

  /**
   * A reader like this one that ignores columns it does not know ({@code true}) or reports them.
   */
  public CsvReader allowUnknownColumns(boolean allow) {
    return new CsvReader(mapping, currency, allow);
  }

  /** The column mapping. */
  public ColumnMapping mapping() {
    return mapping;
  }

  /**
   * Reads {@code file} as {@code table}; problems name the file as given.
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the file
   */
  public CsvInventory read(CsvTable table, Path file) throws IOException {
    return read(Map.of(table, file));
  }

  /**
   * Reads {@code in} as {@code table}; {@code source} names it in problems ({@code devices.csv}).
   * The stream is left open.
   *
   * @throws IOException when {@code in} fails
   * @throws ValidationException listing every problem of the table
   */
  public CsvInventory read(CsvTable table, InputStream in, String source) throws IOException {
    requireNonNull(table, "table");
    requireNonNull(source, "source");
    List<Problem> problems = new ArrayList<>();
    Tables tables = new Tables();
    tables.read(table, in, source, problems);
    return tables.inventory(problems);
  }

  /**
   * Reads several tables, each from its file; every problem of every file is reported at once.
   *
   * @throws IOException when a file cannot be read
   * @throws ValidationException listing every problem of every file
   */
  public CsvInventory read(Map<CsvTable, Path> files) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Tables tables = new Tables();
    for (Map.Entry<CsvTable, Path> entry : new EnumMap<>(files).entrySet()) {
      try (InputStream in = Files.newInputStream(entry.getValue())) {
        tables.read(entry.getKey(), in, entry.getValue().toString(), problems);
      }
    }
    return tables.inventory(problems);
  }

  /**
   * Reads the tables of {@code directory} named by their {@link CsvTable#fileName()} ({@code
   * devices.csv}, {@code users.csv}, {@code installations.csv}, {@code entitlements.csv}); absent
   * files are empty tables.
   *
   * @throws IOException when a file cannot be read, or {@code directory} holds none of them
   * @throws ValidationException listing every problem of every file
   */
  public CsvInventory readDirectory(Path directory) throws IOException {
    Map<CsvTable, Path> files = new EnumMap<>(CsvTable.class);
    for (CsvTable table : CsvTable.values()) {
      Path file = directory.resolve(table.fileName());
      if (Files.isRegularFile(file)) {
        files.put(table, file);
      }
    }
    if (files.isEmpty()) {
      throw new NoSuchFileException(
          directory.toString(),
          null,
          "none of devices.csv, users.csv, installations.csv, entitlements.csv");
    }
    return read(files);
  }

  /** The records of the tables read so far. */
  private final class Tables {
    private final List<Device> devices = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<Installation> installations = new ArrayList<>();
    private final List<Entitlement> entitlements = new ArrayList<>();
    private final Map<EstateSection, List<String>> sources = new EnumMap<>(EstateSection.class);

    void read(CsvTable table, InputStream in, String source, List<Problem> problems)
        throws IOException {
      TableReader reader =
          new TableReader(table, mapping, currency, allowUnknownColumns, source, problems);
      reader.read(in);
      List<String> lines = sources.computeIfAbsent(table.section(), s -> new ArrayList<>());
      for (int i = 0; i < reader.records().size(); i++) {
        Object record = reader.records().get(i);
        lines.add(source + ":" + reader.lines().get(i));
        switch (table) {
          case DEVICES -> devices.add((Device) record);
          case USERS -> users.add((User) record);
          case INSTALLATIONS -> installations.add((Installation) record);
          case ENTITLEMENTS -> entitlements.add((Entitlement) record);
        }
      }
    }

    CsvInventory inventory(List<Problem> problems) {
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new CsvInventory(devices, users, installations, entitlements, sources);
    }
  }
}
