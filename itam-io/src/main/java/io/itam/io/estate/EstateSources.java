package io.itam.io.estate;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.io.inventory.ProductMapping;
import io.itam.io.inventory.csv.ColumnMapping;
import io.itam.io.inventory.csv.CsvInventory;
import io.itam.io.inventory.csv.CsvReader;
import io.itam.io.inventory.csv.CsvTable;
import io.itam.io.inventory.cyclonedx.CycloneDxEntitlements;
import io.itam.io.inventory.cyclonedx.CycloneDxLicensing;
import io.itam.io.inventory.cyclonedx.SkippedLicence;
import io.itam.io.inventory.swid.SwidInstallation;
import io.itam.io.inventory.swid.SwidInventory;
import io.itam.io.inventory.swid.SwidTag;
import io.itam.io.inventory.swid.SwidTags;
import io.itam.io.inventory.swid.UnmappedTag;
import io.itam.model.Estate;
import io.itam.model.EstateSection;
import io.itam.model.Problem;
import io.itam.model.Progress;
import io.itam.model.ValidationException;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Installation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of an estate besides its document, and how they are combined with it: CSV tables
 * (discovery-tool exports, purchase spreadsheets, with a {@link ColumnMapping}), SWID and CoSWID
 * tags (installations, matched to the catalogue automatically or by a {@link ProductMapping}) and
 * the licensing data of CycloneDX BOMs (entitlements).
 *
 * <p>The estate document is the base: its organisation, catalogue and licence models are what the
 * other inputs refer to, and their records (devices, users, installations, entitlements) are added
 * after its own: CSV first, then SWID installations, then CycloneDX entitlements, each in the order
 * given. Combining is two steps, each reporting every problem at once in one {@link
 * ValidationException}: {@link #read} reads every input on its own (malformed files, unknown
 * columns, mapping files naming products the catalogue does not have), then {@link Read#merge}
 * builds the merged estate, each problem of a merged record pointing at its source ({@code
 * purchases/entitlements.csv:4:licenseModel}, {@code tags/pc-9/office.swidtag
 * (installation.device)}, {@code base.json:devices[3]}).
 *
 * <pre>{@code
 * Estate base = EstateReader.create().read(Path.of("base.json"));
 * EstateSources.Merged merged =
 *     EstateSources.none()
 *         .withCsv(Path.of("purchases"))
 *         .withSwid(Path.of("tags"))
 *         .read(base, Progress.NONE)
 *         .merge("base.json", Progress.NONE);
 * Position position = Reconciler.create().reconcile(merged.estate());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EstateSources {
  private static final EstateSources NONE =
      new EstateSources(List.of(), null, List.of(), false, List.of(), null, List.of());

  /**
   * Why a SWID tag that is no installation is expected not to be one: an installer, an older or a
   * duplicate copy of a tag, a tag a mapping rule ignores. Other tags are <em>unmatched</em>: no
   * product, no device, a supplemental tag without its primary.
   */
  private static final List<String> EXPECTED =
      List.of("corpus tag", "superseded by", "duplicate of", "ignored by");

  private final ImmutableList<Path> csv;
  private final @Nullable Path csvMapping;
  private final ImmutableList<String> csvColumns;
  private final boolean allowUnknownColumns;
  private final ImmutableList<Path> swid;
  private final @Nullable Path productMapping;
  private final ImmutableList<Path> cyclonedx;

  private EstateSources(
      List<Path> csv,
      @Nullable Path csvMapping,
      List<String> csvColumns,
      boolean allowUnknownColumns,
      List<Path> swid,
      @Nullable Path productMapping,
      List<Path> cyclonedx) {
    this.csv = ImmutableList.copyOf(csv);
    this.csvMapping = csvMapping;
    this.csvColumns = ImmutableList.copyOf(csvColumns);
    this.allowUnknownColumns = allowUnknownColumns;
    this.swid = ImmutableList.copyOf(swid);
    this.productMapping = productMapping;
    this.cyclonedx = ImmutableList.copyOf(cyclonedx);
  }

  /** No input besides the document. */
  public static EstateSources none() {
    return NONE;
  }

  private static <T> List<T> plus(List<T> list, T value) {
    List<T> more = new ArrayList<>(list);
    more.add(requireNonNull(value));
    return more;
  }

  /** These inputs and the CSV tables of {@code directory} ({@code devices.csv}, …). */
  public EstateSources withCsv(Path directory) {
    return new EstateSources(
        plus(csv, directory),
        csvMapping,
        csvColumns,
        allowUnknownColumns,
        swid,
        productMapping,
        cyclonedx);
  }

  /** These inputs with the CSV column mapping in {@code file} (JSON). */
  public EstateSources withCsvMapping(Path file) {
    return new EstateSources(
        csv,
        requireNonNull(file),
        csvColumns,
        allowUnknownColumns,
        swid,
        productMapping,
        cyclonedx);
  }

  /**
   * These inputs with the CSV column {@code column} mapped ({@code devices.id=Hostname}: field
   * {@code id} of table {@code devices} is the column headed {@code Hostname}), after the mapping
   * file's.
   *
   * @throws IllegalArgumentException when {@code column} is not {@code table.field=Header}
   */
  public EstateSources withCsvColumn(String column) {
    ColumnMapping.defaults().withColumn(column);
    return new EstateSources(
        csv,
        csvMapping,
        plus(csvColumns, column),
        allowUnknownColumns,
        swid,
        productMapping,
        cyclonedx);
  }

  /** These inputs, ignoring CSV columns that are no field ({@code true}) or reporting them. */
  public EstateSources allowUnknownColumns(boolean allow) {
    return new EstateSources(csv, csvMapping, csvColumns, allow, swid, productMapping, cyclonedx);
  }

  /** These inputs and the SWID and CoSWID tags under {@code directory}. */
  public EstateSources withSwid(Path directory) {
    return new EstateSources(
        csv,
        csvMapping,
        csvColumns,
        allowUnknownColumns,
        plus(swid, directory),
        productMapping,
        cyclonedx);
  }

  /** These inputs with the rules of {@code file} mapping tags and BOM components to products. */
  public EstateSources withProductMapping(Path file) {
    return new EstateSources(
        csv, csvMapping, csvColumns, allowUnknownColumns, swid, requireNonNull(file), cyclonedx);
  }

  /** These inputs and the entitlements of the CycloneDX BOM in {@code file} (JSON or XML). */
  public EstateSources withCycloneDx(Path file) {
    return new EstateSources(
        csv,
        csvMapping,
        csvColumns,
        allowUnknownColumns,
        swid,
        productMapping,
        plus(cyclonedx, file));
  }

  /** Whether there is no input besides the document (mappings alone add no record). */
  public boolean isEmpty() {
    return csv.isEmpty() && swid.isEmpty() && cyclonedx.isEmpty();
  }

  /** Whether SWID tags are among the inputs. */
  public boolean hasSwid() {
    return !swid.isEmpty();
  }

  /** Every file and directory these inputs read, mappings included. */
  public List<Path> paths() {
    List<Path> paths = new ArrayList<>(csv);
    if (csvMapping != null) {
      paths.add(csvMapping);
    }
    paths.addAll(swid);
    if (productMapping != null) {
      paths.add(productMapping);
    }
    paths.addAll(cyclonedx);
    return paths;
  }

  /**
   * Reads every input, each on its own, for the catalogue of {@code base} (phase {@code inputs}).
   *
   * @throws ValidationException listing every problem of every input
   */
  public Read read(Estate base, Progress progress) {
    requireNonNull(base, "base");
    progress.phase("inputs");
    List<Problem> problems = new ArrayList<>();
    ColumnMapping columns = columnMapping(problems);
    List<CsvInventory> tables = new ArrayList<>();
    if (columns != null) {
      CsvReader reader =
          CsvReader.create()
              .withMapping(columns)
              .withCurrency(base.currency())
              .allowUnknownColumns(allowUnknownColumns);
      for (Path directory : csv) {
        addIfRead(tables, read(directory, "CSV tables", problems, p -> csvDirectory(reader, p)));
      }
    }
    ProductMapping mapping = ProductMapping.automatic(base.products());
    if (productMapping != null) {
      ProductMapping read =
          read(
              productMapping,
              "product mapping",
              problems,
              p -> ProductMapping.read(p, base.products()));
      mapping = read == null ? mapping : read;
    }
    List<SwidTag> tags = new ArrayList<>();
    for (Path directory : swid) {
      List<SwidTag> read = read(directory, "SWID tags", problems, SwidTags::readTags);
      if (read != null) {
        tags.addAll(read);
      }
    }
    SwidInventory found = SwidTags.inventory(tags, mapping);
    List<CycloneDxEntitlements> boms = new ArrayList<>();
    ProductMapping bomMapping = mapping;
    for (Path file : cyclonedx) {
      addIfRead(
          boms,
          read(
              file,
              "CycloneDX BOM",
              problems,
              p -> CycloneDxLicensing.readEntitlements(p, base, bomMapping)));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new Read(base, tables, columns, found, boms);
  }

  private static <T> void addIfRead(List<T> list, @Nullable T read) {
    if (read != null) {
      list.add(read);
    }
  }

  /** The column mapping: the file's, if any, then the columns; {@code null} when invalid. */
  private @Nullable ColumnMapping columnMapping(List<Problem> problems) {
    ColumnMapping mapping = ColumnMapping.defaults();
    if (csvMapping != null) {
      mapping = read(csvMapping, "CSV mapping", problems, ColumnMapping::read);
      if (mapping == null) {
        return null;
      }
    }
    for (String column : csvColumns) {
      mapping = mapping.withColumn(column); // checked in withCsvColumn
    }
    return mapping;
  }

  private static CsvInventory csvDirectory(CsvReader reader, Path path)
      throws IOException, InputException {
    if (!Files.isDirectory(path)) {
      throw new InputException(
          "not a directory (CSV input is a directory of devices.csv, users.csv, …)");
    }
    try {
      return reader.readDirectory(path);
    } catch (NoSuchFileException e) {
      throw new InputException(
          "no CSV table: expected one or more of devices.csv, users.csv, installations.csv,"
              + " entitlements.csv");
    }
  }

  /**
   * Reads the input at {@code path}, {@code what} it is; {@code null} when it cannot be, with its
   * problems added to {@code problems}.
   */
  private static <T> @Nullable T read(
      Path path, String what, List<Problem> problems, Reading<T> reading) {
    if (!Files.exists(path)) {
      problems.add(Problem.at(path.toString(), "no such file or directory (" + what + ")"));
      return null;
    }
    try {
      return reading.read(path);
    } catch (InputException e) {
      problems.add(Problem.at(path.toString(), e.getMessage()));
    } catch (ValidationException e) {
      problems.addAll(e.problems());
    } catch (IOException e) {
      problems.add(Problem.at(path.toString(), "cannot read: " + describe(e)));
    } catch (UncheckedIOException e) {
      problems.add(Problem.at(path.toString(), "cannot read: " + describe(e.getCause())));
    }
    return null;
  }

  /** What went wrong with a file, in words, without the exception's class name. */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? "input/output error" : e.getMessage();
  }

  /**
   * The inputs read, each sound on its own, ready to be merged into the base estate.
   *
   * <p>Not thread-safe: merge it once.
   */
  public static final class Read {
    private final Estate base;
    private final List<CsvInventory> tables;
    private final @Nullable ColumnMapping columns;
    private final SwidInventory found;
    private final List<CycloneDxEntitlements> boms;

    private Read(
        Estate base,
        List<CsvInventory> tables,
        @Nullable ColumnMapping columns,
        SwidInventory found,
        List<CycloneDxEntitlements> boms) {
      this.base = base;
      this.tables = tables;
      this.columns = columns;
      this.found = found;
      this.boms = boms;
    }

    /**
     * The estate of the base and the inputs (phase {@code merge}); {@code baseName} names the base
     * document in problems ({@code base.json:devices[3]}).
     *
     * @throws ValidationException listing every problem of the merged estate, each at its source,
     *     sorted
     */
    public Merged merge(String baseName, Progress progress) {
      progress.phase("merge");
      Estate.Builder builder = base.toBuilder();
      RecordOrigins origins = new RecordOrigins(baseName, base);
      long fromCsv = 0;
      for (CsvInventory table : tables) {
        ColumnMapping mapping = requireNonNull(columns);
        fromCsv += addCsv(builder, origins, table, CsvTable.DEVICES, table.devices(), mapping);
        fromCsv += addCsv(builder, origins, table, CsvTable.USERS, table.users(), mapping);
        fromCsv +=
            addCsv(builder, origins, table, CsvTable.INSTALLATIONS, table.installations(), mapping);
        fromCsv +=
            addCsv(builder, origins, table, CsvTable.ENTITLEMENTS, table.entitlements(), mapping);
      }
      List<Installation> installations = found.records();
      for (int i = 0; i < installations.size(); i++) {
        SwidInstallation installation = found.installations().get(i);
        builder.add(installations.get(i));
        origins.other(EstateSection.INSTALLATIONS, installation.sources().get(0));
      }
      List<SkippedLicence> skipped = new ArrayList<>();
      long fromBoms = 0;
      for (CycloneDxEntitlements bom : boms) {
        for (int i = 0; i < bom.entitlements().size(); i++) {
          Entitlement entitlement = bom.entitlements().get(i);
          builder.add(entitlement);
          origins.other(EstateSection.ENTITLEMENTS, bom.sources().get(i));
        }
        fromBoms += bom.entitlements().size();
        skipped.addAll(bom.skipped());
      }
      try {
        Estate estate = builder.build(origins.context());
        return new Merged(
            estate, found.unmapped(), skipped, fromCsv, installations.size(), fromBoms);
      } catch (ValidationException e) {
        throw new ValidationException(e.problems().stream().map(origins::locate).sorted().toList());
      }
    }

    private static int addCsv(
        Estate.Builder builder,
        RecordOrigins origins,
        CsvInventory inventory,
        CsvTable table,
        List<?> records,
        ColumnMapping columns) {
      builder.addAll(records);
      for (int i = 0; i < records.size(); i++) {
        origins.csv(table, inventory.source(table.section(), i), columns);
      }
      return records.size();
    }
  }

  /**
   * The estate merged from a base document and its inputs, with what the inputs held that did not
   * become a record.
   *
   * @param estate the merged estate, valid
   * @param unmapped SWID tags that are no installation, with the reason
   * @param skipped CycloneDX licences that are no entitlement, with the reason
   * @param fromCsv records added from CSV tables
   * @param fromSwid installations added from SWID tags
   * @param fromCycloneDx entitlements added from CycloneDX BOMs
   */
  public record Merged(
      Estate estate,
      List<UnmappedTag> unmapped,
      List<SkippedLicence> skipped,
      long fromCsv,
      long fromSwid,
      long fromCycloneDx) {

    public Merged {
      requireNonNull(estate, "estate");
      unmapped = ImmutableList.copyOf(unmapped);
      skipped = ImmutableList.copyOf(skipped);
    }

    /**
     * The tags of {@link #unmapped} that match no product or device, or lack their primary tag
     * (installers, older copies and tags a mapping rule ignores are expected not to be
     * installations): what a caller that wants every tag mapped fails on.
     */
    public List<UnmappedTag> unmatched() {
      return unmapped.stream()
          .filter(tag -> EXPECTED.stream().noneMatch(tag.why()::startsWith))
          .toList();
    }

    /** The records added to the base, by kind of input: {@code 12 from CSV, 4 from SWID tags}. */
    public String added() {
      List<String> parts = new ArrayList<>();
      if (fromCsv > 0) {
        parts.add(fromCsv + " from CSV");
      }
      if (fromSwid > 0) {
        parts.add(fromSwid + " from SWID tags");
      }
      if (fromCycloneDx > 0) {
        parts.add(fromCycloneDx + " from CycloneDX");
      }
      return parts.isEmpty() ? "none added" : String.join(", ", parts);
    }
  }

  /** Reads an input from its path. */
  @FunctionalInterface
  private interface Reading<T> {
    T read(Path path) throws IOException, InputException;
  }

  /** An input that is not what it should be, described in one line. */
  private static final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
      super(message);
    }
  }
}
