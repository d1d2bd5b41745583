package io.itam.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateSources;
import io.itam.io.position.PositionCsv;
import io.itam.io.position.PositionCycloneDx;
import io.itam.io.position.PositionHtml;
import io.itam.io.position.PositionReader;
import io.itam.io.position.PositionReport;
import io.itam.io.position.PositionTable;
import io.itam.io.position.PositionWriter;
import io.itam.io.position.PositionXlsx;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.Progress;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code itam reconcile FILE}: the effective licence position of the estate document FILE and the
 * inputs, written as a table for people, the position document (JSON), CSV views, an HTML report,
 * an XLSX workbook or CycloneDX licensing data.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    versionProvider = ItamCli.Version.class,
    abbreviateSynopsis = true,
    sortOptions = false,
    description = {
      "Compute the effective licence position of the estate document FILE and the inputs: per"
          + " licence what is owned, used and spare, per product what is short, what it costs and"
          + " what to buy, and why.",
      "",
      "The table, html and xlsx reports show product names and publishers, breakdowns by"
          + " publisher and by organisation unit (chargeback), what expires soon and, with"
          + " --previous, what changed since the last position."
    })
final class ReconcileCommand implements Callable<Integer> {
  /** The formats of {@code --format}. */
  static final List<String> FORMATS = List.of("table", "json", "csv", "html", "xlsx", "cyclonedx");

  private static final List<String> REPORTS = List.of("table", "html", "xlsx");
  private static final int MAX_WIDTH = 100_000;
  private static final int MAX_THREADS = 1024;
  private static final int MAX_HORIZON_DAYS = 3660;

  @ParentCommand ItamCli root;

  @Mixin EstateOptions estate = new EstateOptions();

  @Mixin InputOptions inputs = new InputOptions();

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      converter = DateConverter.class,
      description = "Compute the position on DATE (YYYY-MM-DD), not on the estate's asOf.")
  @Nullable LocalDate asOf;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      completionCandidates = Formats.class,
      description =
          "table: for people (default); json: the position document; csv: one file per view, into"
              + " --output DIR; html: a report in one file; xlsx: a workbook, one sheet per view;"
              + " cyclonedx: the licences as CycloneDX licensing data (JSON).")
  String format = "table";

  @Option(
      names = "--detail",
      paramLabel = "LEVEL",
      completionCandidates = Details.class,
      description =
          "Per-consumer detail computed and shown: summary, shortfalls or all. Without it the"
              + " position is computed in full and the table shows the shortfalls; less detail is"
              + " faster on large estates (the chargeback by unit needs all).")
  @Nullable String detail;

  @Option(
      names = "--width",
      paramLabel = "N",
      description = "Table width in characters (default 120, at least 40).")
  @Nullable Integer width;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the position to FILE, replaced atomically (- for standard output, the default);"
              + " with --format csv a directory, created if missing.")
  @Nullable String output;

  @Option(
      names = "--fail-on-shortfall",
      description = "Exit with 1 when the position is not compliant.")
  boolean failOnShortfall;

  @Option(
      names = "--previous",
      paramLabel = "FILE",
      description =
          "The last position document (reconcile --format json): the report shows the trend, what"
              + " changed since (table, html, xlsx).")
  @Nullable Path previous;

  @Option(
      names = "--locale",
      paramLabel = "TAG",
      converter = LocaleConverter.class,
      description =
          "The language of the report's numbers (en: 20,468.00, de: 20.468,00; default en).")
  @Nullable Locale locale;

  @Option(
      names = "--expiring-within",
      paramLabel = "DAYS",
      description =
          "The report lists entitlements and maintenance that end within DAYS days of the"
              + " position's date (default 90).")
  @Nullable Integer expiringWithin;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads solving independent licence pools (default: the processors).")
  @Nullable Integer threads;

  @Option(
      names = "--node-budget",
      paramLabel = "N",
      description = "Search nodes per licence pool before a heuristic (default 2000).")
  @Nullable Long nodeBudget;

  @Override
  public Integer call() throws CommandException {
    Logger log = root.logger();
    Choices.check("--format", format, FORMATS);
    boolean table = format.equals("table");
    if (!table && width != null) {
      throw CommandException.usage("--width applies to --format table only");
    }
    if (!REPORTS.contains(format)) {
      for (String option : reportOptions()) {
        throw CommandException.usage(option + " applies to --format table, html and xlsx only");
      }
    }
    // Without --detail the position is computed in full (the chargeback and expiries need every
    // allocation) and the table shows the shortfalls; with it, only what it asks is computed.
    String level = detail == null ? (table ? "shortfalls" : "all") : detail;
    Choices.check("--detail", level, List.of("summary", "shortfalls", "all"));
    ReconcileOptions options =
        options(detail == null ? Detail.ALL : Detail.parse(level).orElseThrow());
    PositionTable positionTable =
        PositionTable.create()
            .withDetail(PositionTable.Detail.valueOf(level.toUpperCase(Locale.ROOT)))
            .withWidth(Choices.range("--width", width, PositionTable.MIN_WIDTH, MAX_WIDTH, 120));
    int horizon = Choices.range("--expiring-within", expiringWithin, 0, MAX_HORIZON_DAYS, 90);
    EstateSources sources = inputs.sources();
    Output target = checkedOutput(sources);
    Position before = previous == null ? null : previous();

    StderrProgress progress = estate.progress(root);
    Progress reporter = progress == null ? Progress.NONE : progress;
    Estate base = estate.read(root, reporter, log);
    Estate merged =
        sources.isEmpty()
            ? base
            : inputs.merge(sources, estate.name(), base, reporter, root, log).estate();
    long start = System.nanoTime();
    Position position = Reconciler.create(options).reconcile(merged, reporter);
    if (progress != null) {
      progress.phase("write");
    }
    log.debug(
        "reconciled {} as of {} with {} threads in {} ms",
        estate.name(),
        position.asOf(),
        options.threads(),
        (System.nanoTime() - start) / 1_000_000);
    write(position, merged, before, horizon, positionTable, target);
    if (progress != null) {
      progress.finish();
    }
    if (failOnShortfall && !position.compliant()) {
      root.terminal().print(notCompliant(position));
      return ItamCli.EXIT_NOT_COMPLIANT;
    }
    return ItamCli.EXIT_OK;
  }

  /** The report options given, which only the reports (table, html, xlsx) take. */
  private List<String> reportOptions() {
    List<String> given = new ArrayList<>();
    if (previous != null) {
      given.add("--previous");
    }
    if (locale != null) {
      given.add("--locale");
    }
    if (expiringWithin != null) {
      given.add("--expiring-within");
    }
    return given;
  }

  private ReconcileOptions options(Detail level) throws CommandException {
    int processors = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    return ReconcileOptions.DEFAULTS
        .withAsOf(asOf)
        .withThreads(Choices.range("--threads", threads, 1, MAX_THREADS, processors))
        .withNodeBudget(
            Choices.range(
                "--node-budget",
                nodeBudget,
                1,
                Long.MAX_VALUE,
                ReconcileOptions.DEFAULT_NODE_BUDGET))
        .withDetail(level);
  }

  /** The output, checked before any work: a directory for CSV, a file or stdout otherwise. */
  private Output checkedOutput(EstateSources sources) throws CommandException {
    Output target = Output.of(output);
    if (format.equals("csv")) {
      target.checkDirectory("--format csv writes one file per view");
      return target;
    }
    if (format.equals("xlsx") && output == null) {
      throw CommandException.usage(
          "--format xlsx writes a binary workbook: give --output FILE (or - for standard output)");
    }
    List<Path> read = new ArrayList<>(sources.paths());
    if (previous != null) {
      read.add(previous);
    }
    Path file = estate.path();
    if (file != null) {
      read.add(file);
    }
    target.checkFile(read, "the estate document being reconciled");
    return target;
  }

  /** Reads the position of {@code --previous}, for the trend. */
  private Position previous() throws CommandException {
    Path file = previous;
    String name = String.valueOf(file);
    Operands.checkReadable(name, file, "a position document");
    try {
      return PositionReader.create().read(file);
    } catch (io.itam.model.ValidationException e) {
      throw CommandException.input(CommandException.report(name, e.problems()));
    } catch (IOException e) {
      throw CommandException.input(name + ": cannot read: " + EstateSources.describe(e));
    }
  }

  private void write(
      Position position,
      Estate merged,
      @Nullable Position before,
      int horizon,
      PositionTable positionTable,
      Output target)
      throws CommandException {
    Logger log = root.logger();
    if (format.equals("csv")) {
      Path directory = target.file();
      try {
        PositionCsv.create().write(position, directory);
      } catch (IOException e) {
        throw CommandException.input(
            target.name() + ": cannot write: " + EstateSources.describe(e));
      } catch (UncheckedIOException e) {
        throw CommandException.input(
            target.name() + ": cannot write: " + EstateSources.describe(e.getCause()));
      }
      log.debug("wrote the position as CSV files to {}", directory);
      return;
    }
    PositionReport report = report(position, merged, before, horizon);
    AtomicFile.Content content =
        switch (format) {
          case "json" -> stream -> PositionWriter.create().write(position, stream);
          case "html" -> stream -> PositionHtml.create().write(report, stream);
          case "xlsx" -> stream -> PositionXlsx.create().write(report, stream);
          case "cyclonedx" -> stream -> PositionCycloneDx.write(position, merged, stream);
          default ->
              stream -> {
                Writer writer = new OutputStreamWriter(stream, UTF_8);
                positionTable.render(report, writer);
                writer.flush();
              };
        };
    target.write(content, root.terminal().out(), "the position");
    log.debug("wrote the position ({}) to {}", format, target.name());
  }

  private PositionReport report(
      Position position, Estate merged, @Nullable Position before, int horizon)
      throws CommandException {
    PositionReport report =
        PositionReport.of(position)
            .withEstate(merged)
            .withLocale(locale == null ? Locale.ENGLISH : locale)
            .withExpiryHorizon(horizon);
    if (before == null) {
      return report;
    }
    try {
      return report.withPrevious(before);
    } catch (IllegalArgumentException e) {
      throw CommandException.input(
          "cannot compare " + previous + " with the position: " + e.getMessage());
    }
  }

  private static String notCompliant(Position position) {
    long shortfalls = position.summary().shortfalls();
    StringBuilder text =
        new StringBuilder("not compliant: ")
            .append(shortfalls)
            .append(shortfalls == 1 ? " shortfall" : " shortfalls");
    String currency = position.currency();
    if (currency != null) {
      text.append(", shortfall cost ")
          .append(Money.of(position.summary().shortfallCost(), currency).toPlainString())
          .append(' ')
          .append(currency);
    }
    long unpriced = position.summary().unpricedShortfalls();
    if (unpriced > 0) {
      text.append(" (").append(unpriced).append(" without a price)");
    }
    return text.toString();
  }

  /** The values {@code --format} completes to. */
  static final class Formats extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Formats() {
      super(FORMATS);
    }
  }

  /** The values {@code --detail} completes to. */
  static final class Details extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Details() {
      super(List.of("summary", "shortfalls", "all"));
    }
  }

  /** A date of {@code --as-of}: {@code YYYY-MM-DD}. */
  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        throw new TypeConversionException("not a date (YYYY-MM-DD): \"" + value + "\"");
      }
    }
  }

  /** A language tag of {@code --locale}: {@code en}, {@code de-CH}. */
  static final class LocaleConverter implements ITypeConverter<Locale> {
    @Override
    public Locale convert(String value) {
      try {
        return new Locale.Builder().setLanguageTag(value).build();
      } catch (IllformedLocaleException e) {
        throw new TypeConversionException(
            "not a language tag such as en or de-CH: \"" + value + "\"");
      }
    }
  }
}
