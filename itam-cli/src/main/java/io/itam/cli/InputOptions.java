package io.itam.cli;

import io.itam.io.estate.EstateSources;
import io.itam.io.inventory.cyclonedx.SkippedLicence;
import io.itam.io.inventory.swid.UnmappedTag;
import io.itam.model.Estate;
import io.itam.model.Problem;
import io.itam.model.Progress;
import io.itam.model.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import picocli.CommandLine.Option;

/**
 * The inputs of {@code reconcile} and {@code validate} besides the estate document, whose catalogue
 * and licence models they refer to: CSV tables, SWID and CoSWID tags, CycloneDX licensing data
 * ({@link EstateSources} reads and merges them). What the inputs hold that is no record (tags that
 * are no installation, licences that are no entitlement) is listed on standard error.
 */
final class InputOptions {
  @Option(
      names = "--csv",
      paramLabel = "DIR",
      description =
          "CSV exports with a header row, in directory DIR: devices.csv, users.csv,"
              + " installations.csv and entitlements.csv, those present. Repeatable.")
  List<Path> csv = new ArrayList<>();

  @Option(
      names = "--csv-mapping",
      paramLabel = "FILE",
      description = "The CSV headers of each field, delimiter, encoding, date format (JSON).")
  @Nullable Path csvMapping;

  @Option(
      names = "--csv-column",
      paramLabel = "TABLE.FIELD=HEADER",
      description =
          "Field FIELD of table TABLE is the column headed HEADER, as in"
              + " devices.id=Hostname. Repeatable.")
  List<String> csvColumns = new ArrayList<>();

  @Option(
      names = "--allow-unknown-columns",
      description = "Ignore CSV columns that are no field instead of reporting them.")
  boolean allowUnknownColumns;

  @Option(
      names = "--swid",
      paramLabel = "DIR",
      description =
          "SWID (.swidtag) and CoSWID (.coswid) tags: installations; one subdirectory per device,"
              + " or Evidence tags naming their deviceId. Repeatable.")
  List<Path> swid = new ArrayList<>();

  @Option(
      names = "--product-mapping",
      paramLabel = "FILE",
      description = "Rules mapping tags and BOM components to catalogue products (JSON).")
  @Nullable Path productMapping;

  @Option(
      names = "--fail-on-unmapped",
      description =
          "Exit with 2 when a tag matches no product or device (installers, older copies and tags"
              + " the mapping ignores excepted).")
  boolean failOnUnmapped;

  @Option(
      names = "--cyclonedx",
      paramLabel = "FILE",
      description =
          "Entitlements from the licensing data of a CycloneDX BOM (JSON, XML). Repeatable.")
  List<Path> cyclonedx = new ArrayList<>();

  /**
   * The sources the options name.
   *
   * @throws CommandException (usage) when an option needs another that is missing, or a column is
   *     malformed
   */
  EstateSources sources() throws CommandException {
    if (csv.isEmpty()) {
      needs(csvMapping != null, "--csv-mapping", "--csv DIR");
      needs(!csvColumns.isEmpty(), "--csv-column", "--csv DIR");
      needs(allowUnknownColumns, "--allow-unknown-columns", "--csv DIR");
    }
    needs(swid.isEmpty() && failOnUnmapped, "--fail-on-unmapped", "--swid DIR");
    if (swid.isEmpty() && cyclonedx.isEmpty() && productMapping != null) {
      throw CommandException.usage(
          "--product-mapping applies to --swid DIR and --cyclonedx FILE, neither is given");
    }
    EstateSources sources = EstateSources.none().allowUnknownColumns(allowUnknownColumns);
    for (Path directory : csv) {
      sources = sources.withCsv(directory);
    }
    if (csvMapping != null) {
      sources = sources.withCsvMapping(csvMapping);
    }
    for (String column : csvColumns) {
      try {
        sources = sources.withCsvColumn(column);
      } catch (IllegalArgumentException e) {
        throw CommandException.usage("--csv-column: " + e.getMessage());
      }
    }
    for (Path directory : swid) {
      sources = sources.withSwid(directory);
    }
    if (productMapping != null) {
      sources = sources.withProductMapping(productMapping);
    }
    for (Path file : cyclonedx) {
      sources = sources.withCycloneDx(file);
    }
    return sources;
  }

  private static void needs(boolean given, String option, String other) throws CommandException {
    if (given) {
      throw CommandException.usage(option + " applies to " + other + ", which is not given");
    }
  }

  /**
   * Merges {@code sources} into {@code base}, the estate document named {@code name}; lists on
   * standard error what of them is not counted (unless quiet); fails with {@code
   * --fail-on-unmapped} when a tag is unmapped.
   */
  EstateSources.Merged merge(
      EstateSources sources, String name, Estate base, Progress progress, ItamCli root, Logger log)
      throws CommandException {
    long start = System.nanoTime();
    EstateSources.Read read;
    try {
      read = sources.read(base, progress);
    } catch (ValidationException e) {
      throw CommandException.input(CommandException.report("inputs", e.problems()));
    }
    EstateSources.Merged merged;
    try {
      merged = read.merge(name, progress);
    } catch (ValidationException e) {
      List<String> lines = CommandException.report(name + " merged with the inputs", e.problems());
      if (sources.hasSwid()
          && e.problems().stream()
              .map(Problem::toString)
              .anyMatch(p -> p.contains("(installation.device): unknown device"))) {
        lines.add(
            "hint: a device that SWID tags are on (their directory, or their Evidence deviceId)"
                + " must be in "
                + name
                + " or in a devices.csv of --csv");
      }
      throw CommandException.input(lines);
    }
    log.debug(
        "merged {} with the inputs ({}) in {} ms",
        name,
        merged.added(),
        (System.nanoTime() - start) / 1_000_000);
    if (!root.quiet()) {
      warn(merged, root.terminal());
    }
    List<UnmappedTag> failing = merged.unmatched();
    if (failOnUnmapped && !failing.isEmpty()) {
      int n = failing.size();
      throw CommandException.input(
          n
              + (n == 1 ? " SWID tag is" : " SWID tags are")
              + " unmapped (--fail-on-unmapped): map "
              + (n == 1 ? "it" : "them")
              + " to a product with --product-mapping FILE, or ignore "
              + (n == 1 ? "it" : "them")
              + " there");
    }
    return merged;
  }

  private static void warn(EstateSources.Merged merged, ItamCli.Terminal terminal) {
    List<UnmappedTag> unmapped = merged.unmapped();
    List<UnmappedTag> failing = merged.unmatched();
    if (!unmapped.isEmpty()) {
      int n = unmapped.size();
      terminal.print(
          "warning: "
              + n
              + (n == 1 ? " SWID tag is not an installation" : " SWID tags are not installations")
              + (failing.isEmpty() ? "" : " (" + failing.size() + " unmapped)")
              + ":");
      for (UnmappedTag tag : unmapped) {
        terminal.print("  " + tag + " (" + String.join(", ", tag.sources()) + ")");
      }
    }
    List<SkippedLicence> skipped = merged.skipped();
    if (!skipped.isEmpty()) {
      int n = skipped.size();
      terminal.print(
          "warning: "
              + n
              + (n == 1
                  ? " CycloneDX licence is not an entitlement:"
                  : " CycloneDX licences are not entitlements:"));
      for (SkippedLicence licence : skipped) {
        terminal.print("  " + licence);
      }
    }
  }
}
