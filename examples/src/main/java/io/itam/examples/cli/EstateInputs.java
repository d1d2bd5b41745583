package io.itam.examples.cli;

import com.google.common.collect.ImmutableList;
import io.itam.io.inventory.csv.ColumnMapping;
import io.itam.io.inventory.csv.CsvInventory;
import io.itam.io.inventory.csv.CsvReader;
import io.itam.io.inventory.csv.CsvTable;
import io.itam.io.inventory.cyclonedx.CycloneDxEntitlements;
import io.itam.io.inventory.cyclonedx.CycloneDxLicensing;
import io.itam.io.inventory.cyclonedx.SkippedLicence;
import io.itam.io.inventory.ProductMapping;
import io.itam.io.inventory.swid.SwidInstallation;
import io.itam.io.inventory.swid.SwidInventory;
import io.itam.io.inventory.swid.SwidTag;
import io.itam.io.inventory.swid.SwidTags;
import io.itam.io.inventory.swid.UnmappedTag;
import io.itam.model.Estate;
import io.itam.model.EstateSection;
import io.itam.model.Progress;
import io.itam.model.ValidationException;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Installation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The inputs of {@code itam reconcile} and {@code itam validate} besides the estate document, and
 * how they are merged into it: CSV tables ({@code --csv DIR}, with {@code --csv-mapping FILE} and
 * {@code --csv-column table.field=Header}), SWID and CoSWID tags ({@code --swid DIR}, mapped to the
 * catalogue automatically or with {@code --product-mapping FILE}) and the licensing data of
 * CycloneDX BOMs ({@code --cyclonedx FILE}).
 *
 * <p>The estate document is the base: its organisation, catalogue and licence models are what the
 * other inputs refer to, and their records (devices, users, installations, entitlements) are added
 * after its own, CSV first, then SWID installations, then CycloneDX entitlements, each in the order
 * of its options. Reading is two-step, each reporting every problem at once: first every input on
 * its own (malformed files, unknown columns, mapping files naming products the catalogue does not
 * have), then the merged estate, each problem of a merged record at its source ({@link
 * RecordOrigins}).
 */
final class EstateInputs {
  static final String CSV = "--csv";
  static final String CSV_MAPPING = "--csv-mapping";
  static final String CSV_COLUMN = "--csv-column";
  static final String ALLOW_UNKNOWN_COLUMNS = "--allow-unknown-columns";
  static final String SWID = "--swid";
  static final String PRODUCT_MAPPING = "--product-mapping";
  static final String FAIL_ON_UNMAPPED = "--fail-on-unmapped";
  static final String CYCLONEDX = "--cyclonedx";

  /** The options taking a value once. */
  static final Set<String> VALUED = Set.of(CSV_MAPPING, PRODUCT_MAPPING);

  /** The options taking a value any number of times. */
  static final Set<String> REPEATABLE = Set.of(CSV, CSV_COLUMN, SWID, CYCLONEDX);

  /** The flags. */
  static final Set<String> FLAGS = Set.of(ALLOW_UNKNOWN_COLUMNS, FAIL_ON_UNMAPPED);

  /**
   * Why a SWID tag that is no installation is expected not to be one: an installer, an older or a
   * duplicate copy of a tag, a tag a mapping rule ignores. Other tags are <em>unmapped</em>: no
   * product, no device, a supplemental tag without its primary.
   */
  private static final List<String> NOT_UNMAPPED =
      List.of("corpus tag", "superseded by", "duplicate of", "ignored by");

  private final ImmutableList<String> csv;
  private final @Nullable String csvMapping;
  private final ImmutableList<String> csvColumns;
  private final boolean allowUnknownColumns;
  private final ImmutableList<String> swid;
  private final @Nullable String productMapping;
  private final boolean failOnUnmapped;
  private final ImmutableList<String> cyclonedx;

  private EstateInputs(Arguments a) {
    this.csv = a.values(CSV);
    this.csvMapping = a.value(CSV_MAPPING);
    this.csvColumns = a.values(CSV_COLUMN);
    this.allowUnknownColumns = a.has(ALLOW_UNKNOWN_COLUMNS);
    this.swid = a.values(SWID);
    this.productMapping = a.value(PRODUCT_MAPPING);
    this.failOnUnmapped = a.has(FAIL_ON_UNMAPPED);
    this.cyclonedx = a.values(CYCLONEDX);
  }

  /**
   * The inputs the options name.
   *
   * @throws CommandException (usage) when an option needs another that is missing, or a column
   *     mapping is malformed
   */
  static EstateInputs of(Arguments a) throws CommandException {
    EstateInputs inputs = new EstateInputs(a);
    if (inputs.csv.isEmpty()) {
      for (String option : List.of(CSV_MAPPING, CSV_COLUMN, ALLOW_UNKNOWN_COLUMNS)) {
        if (a.has(option)) {
          throw CommandException.usage(option + " applies to --csv DIR, which is not given");
        }
      }
    }
    if (inputs.swid.isEmpty() && a.has(FAIL_ON_UNMAPPED)) {
      throw CommandException.usage("--fail-on-unmapped applies to --swid DIR, which is not given");
    }
    if (inputs.swid.isEmpty() && inputs.cyclonedx.isEmpty() && a.has(PRODUCT_MAPPING)) {
      throw CommandException.usage(
          "--product-mapping applies to --swid DIR and --cyclonedx FILE, neither is given");
    }
    for (String column : inputs.csvColumns) {
      try {
        ColumnMapping.defaults().withColumn(column);
      } catch (IllegalArgumentException e) {
        throw CommandException.usage("--csv-column: " + e.getMessage());
      }
    }
    for (String option : List.of(CSV, CSV_MAPPING, SWID, PRODUCT_MAPPING, CYCLONEDX)) {
      String single = a.value(option);
      for (String name : single == null ? a.values(option) : List.of(single)) {
        ItamCli.path(name, option); // a usage mistake when it is not a path
      }
    }
    return inputs;
  }

  /** Whether there is no input besides the estate document. */
  boolean isEmpty() {
    return csv.isEmpty() && swid.isEmpty() && cyclonedx.isEmpty();
  }

  /** Whether {@code --fail-on-unmapped} was given. */
  boolean failOnUnmapped() {
    return failOnUnmapped;
  }

  /** The files and directories named, as given. */
  private List<String> names() {
    List<String> names = new ArrayList<>(csv);
    if (csvMapping != null) {
      names.add(csvMapping);
    }
    names.addAll(swid);
    if (productMapping != null) {
      names.add(productMapping);
    }
    names.addAll(cyclonedx);
    return names;
  }

  /** The files and directories named, as paths. */
  List<Path> paths() throws CommandException {
    List<Path> paths = new ArrayList<>();
    for (String name : names()) {
      paths.add(ItamCli.path(name, "input"));
    }
    return paths;
  }

  /**
   * The estate merged from {@code base} and the inputs, with what the inputs held that did not
   * become a record.
   *
   * @param estate the merged estate, valid
   * @param unmapped SWID tags that are no installation, with the reason
   * @param skipped CycloneDX licences that are no entitlement, with the reason
   * @param added records added to the base, by input kind ({@code 12 from CSV, 4 from SWID tags})
   */
  record Merged(
      Estate estate, List<UnmappedTag> unmapped, List<SkippedLicence> skipped, String added) {

    /**
     * The tags of {@link #unmapped} that match no product or device, or lack their primary tag:
     * what {@code --fail-on-unmapped} fails on (installers, older copies and tags a mapping rule
     * ignores are expected not to be installations).
     */
    List<UnmappedTag> unmatched() {
      return unmapped.stream()
          .filter(tag -> NOT_UNMAPPED.stream().noneMatch(tag.why()::startsWith))
          .toList();
    }
  }

  /**
   * Reads every input and merges it into {@code base}, the estate document named {@code baseName}.
   *
   * @throws CommandException (input) listing every problem of the inputs, or of the merged estate
   */
  Merged merge(String baseName, Estate base, Progress progress, Logger log)
      throws CommandException {
    progress.phase("inputs");
    List<String> problems = new ArrayList<>();

    ColumnMapping columns = csv.isEmpty() ? ColumnMapping.defaults() : columnMapping(problems);
    List<CsvInventory> tables = new ArrayList<>();
    if (columns != null) {
      CsvReader reader =
          CsvReader.create()
              .withMapping(columns)
              .withCurrency(base.currency())
              .allowUnknownColumns(allowUnknownColumns);
      for (String name : csv) {
        CsvInventory read = read(name, CSV, problems, path -> csvDirectory(reader, name, path));
        if (read != null) {
          tables.add(read);
          log.debug("read {}: {}", name, read);
        }
      }
    }

    ProductMapping mapping = ProductMapping.automatic(base.products());
    if (productMapping != null) {
      ProductMapping read =
          read(
              productMapping,
              PRODUCT_MAPPING,
              problems,
              path -> ProductMapping.read(path, base.products()));
      if (read != null) {
        mapping = read;
      }
    }

    List<SwidTag> tags = new ArrayList<>();
    for (String name : swid) {
      List<SwidTag> read = read(name, SWID, problems, SwidTags::readTags);
      if (read != null) {
        tags.addAll(read);
        log.debug("read {}: {} tags", name, read.size());
      }
    }
    SwidInventory found = SwidTags.inventory(tags, mapping);

    List<CycloneDxEntitlements> boms = new ArrayList<>();
    ProductMapping bomMapping = mapping;
    for (String name : cyclonedx) {
      CycloneDxEntitlements read =
          read(
              name,
              CYCLONEDX,
              problems,
              path -> CycloneDxLicensing.readEntitlements(path, base, bomMapping));
      if (read != null) {
        boms.add(read);
        log.debug("read {}: {} entitlements", name, read.entitlements().size());
      }
    }

    if (!problems.isEmpty()) {
      throw CommandException.input(report("inputs", problems));
    }

    progress.phase("merge");
    Estate.Builder builder = base.toBuilder();
    RecordOrigins origins = new RecordOrigins(baseName, base);
    Counts counts = new Counts();
    for (CsvInventory table : tables) {
      counts.csv += addCsv(builder, origins, table, CsvTable.DEVICES, table.devices(), columns);
      counts.csv += addCsv(builder, origins, table, CsvTable.USERS, table.users(), columns);
      counts.csv +=
          addCsv(builder, origins, table, CsvTable.INSTALLATIONS, table.installations(), columns);
      counts.csv +=
          addCsv(builder, origins, table, CsvTable.ENTITLEMENTS, table.entitlements(), columns);
    }
    List<Installation> installations = found.records();
    for (int i = 0; i < installations.size(); i++) {
      SwidInstallation installation = found.installations().get(i);
      builder.add(installations.get(i));
      origins.other(EstateSection.INSTALLATIONS, installation.sources().get(0));
    }
    counts.swid = installations.size();
    List<SkippedLicence> skipped = new ArrayList<>();
    for (CycloneDxEntitlements bom : boms) {
      for (int i = 0; i < bom.entitlements().size(); i++) {
        Entitlement entitlement = bom.entitlements().get(i);
        builder.add(entitlement);
        origins.other(EstateSection.ENTITLEMENTS, bom.sources().get(i));
      }
      counts.cyclonedx += bom.entitlements().size();
      skipped.addAll(bom.skipped());
    }

    try {
      Estate estate = builder.build(origins.context());
      return new Merged(estate, found.unmapped(), skipped, counts.toString());
    } catch (ValidationException e) {
      List<String> located = new ArrayList<>();
      e.problems().stream().map(origins::locate).sorted().forEach(p -> located.add(p.toString()));
      List<String> lines = report(baseName + " merged with the inputs", located);
      if (!swid.isEmpty()
          && located.stream().anyMatch(p -> p.contains("(installation.device): unknown device"))) {
        lines.add(
            "hint: a device that SWID tags are on (their directory, or their Evidence deviceId)"
                + " must be in "
                + baseName
                + " or in a devices.csv of --csv");
      }
      throw CommandException.input(lines);
    }
  }

  /** Records added, by kind of input. */
  private static final class Counts {
    long csv;
    long swid;
    long cyclonedx;

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      if (csv > 0) {
        parts.add(csv + " from CSV");
      }
      if (swid > 0) {
        parts.add(swid + " from SWID tags");
      }
      if (cyclonedx > 0) {
        parts.add(cyclonedx + " from CycloneDX");
      }
      return parts.isEmpty() ? "none added" : String.join(", ", parts);
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

  /** The column mapping: the file's, if any, then the flags; {@code null} when it is invalid. */
  private @Nullable ColumnMapping columnMapping(List<String> problems) {
    ColumnMapping mapping = ColumnMapping.defaults();
    if (csvMapping != null) {
      mapping = read(csvMapping, CSV_MAPPING, problems, ColumnMapping::read);
      if (mapping == null) {
        return null;
      }
    }
    for (String column : csvColumns) {
      mapping = mapping.withColumn(column); // checked in of()
    }
    return mapping;
  }

  private static CsvInventory csvDirectory(CsvReader reader, String name, Path path)
      throws IOException, InputException {
    if (!Files.isDirectory(path)) {
      throw new InputException(
          name + ": not a directory (--csv takes a directory of devices.csv, users.csv, …)");
    }
    try {
      return reader.readDirectory(path);
    } catch (NoSuchFileException e) {
      throw new InputException(
          name
              + ": no CSV table: expected one or more of devices.csv, users.csv,"
              + " installations.csv, entitlements.csv");
    }
  }

  /**
   * Reads the input {@code name} given to {@code option}; {@code null} when it cannot be, with its
   * problems added to {@code problems}.
   */
  private static <T> @Nullable T read(
      String name, String option, List<String> problems, Reading<T> reading) {
    Path path = Path.of(name); // checked in of()
    if (!Files.exists(path)) {
      problems.add(name + ": no such file or directory (" + option + ")");
      return null;
    }
    try {
      return reading.read(path);
    } catch (InputException e) {
      problems.add(e.getMessage());
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(p.toString()));
    } catch (IOException e) {
      problems.add(name + ": cannot read: " + ItamCli.describe(e));
    } catch (UncheckedIOException e) {
      problems.add(name + ": cannot read: " + ItamCli.describe(e.getCause()));
    }
    return null;
  }

  /** The lines of a report: what, how many problems, then one problem a line. */
  static List<String> report(String what, List<String> problems) {
    List<String> lines = new ArrayList<>();
    int n = problems.size();
    lines.add(what + ": " + n + (n == 1 ? " problem:" : " problems:"));
    problems.forEach(p -> lines.add("  " + p));
    return lines;
  }

  /** Reads an input from its path. */
  @FunctionalInterface
  private interface Reading<T> {
    T read(Path path) throws IOException, InputException;
  }

  /** An input that is not what its option expects, described in one line. */
  private static final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
      super(message);
    }
  }
}
