package io.itam.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.itam.compliance.InsufficientHeapException;
import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.io.inventory.cyclonedx.CycloneDxLicensing;
import io.itam.io.inventory.cyclonedx.SkippedLicence;
import io.itam.model.position.PositionDiff;
import io.itam.io.position.PositionDiffJson;
import io.itam.io.position.PositionDiffTable;
import io.itam.io.estate.EstateReader;
import io.itam.io.estate.EstateWriter;
import io.itam.io.estate.LicenseModelLibrary;
import io.itam.io.position.PositionReader;
import io.itam.io.position.PositionWriter;
import io.itam.io.position.PositionCsv;
import io.itam.io.position.PositionHtml;
import io.itam.io.inventory.swid.UnmappedTag;
import io.itam.io.position.PositionTable;
import io.itam.io.position.PositionTable.Detail;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.Progress;
import io.itam.model.ValidationException;
import io.itam.model.position.Position;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code itam} command-line tool: computes the effective licence position of an estate document
 * ({@code itam reconcile}), checks estate documents ({@code itam validate}) and compares two
 * positions ({@code itam diff}); see {@link #USAGE}. The estate document may be completed by the
 * formats inventories and purchases come in: CSV exports, SWID and CoSWID tags, CycloneDX licensing
 * data ({@link EstateInputs}); the position is written as a table, the JSON position document, CSV
 * files, an HTML report or CycloneDX licensing data.
 *
 * <p>Standard output carries only the result (UTF-8); messages go to standard error. Bad input
 * never yields a stack trace: every problem of an invalid estate is listed with its path and the
 * tool exits with {@value #EXIT_BAD_INPUT}. Exit codes: {@value #EXIT_OK} done, {@value
 * #EXIT_NOT_COMPLIANT} not compliant (only with {@code --fail-on-shortfall}), {@value
 * #EXIT_BAD_INPUT} bad input or usage, {@value #EXIT_INTERNAL_ERROR} a bug, {@value
 * #EXIT_OUT_OF_MEMORY} the estate does not fit in the heap (the message says which {@code -Xmx} to
 * try).
 *
 * <p>Logging (slf4j-simple, configured by {@code simplelogger.properties}) shows warnings on
 * standard error; {@code --debug} raises it to debug by setting the {@code
 * org.slf4j.simpleLogger.defaultLogLevel} system property before the first logger is created. In a
 * JVM where logging has already started (a test calling {@link #run} twice), {@code --debug} still
 * shows stack traces but cannot change the level any more.
 */
public final class ItamCli {
  /** The command did what was asked. */
  static final int EXIT_OK = 0;

  /** With {@code --fail-on-shortfall}: the position is not compliant. */
  static final int EXIT_NOT_COMPLIANT = 1;

  /** Bad usage or bad input: the messages on standard error say what and where. */
  static final int EXIT_BAD_INPUT = 2;

  /** A bug in itam: an unexpected exception. */
  static final int EXIT_INTERNAL_ERROR = 3;

  /**
   * The estate is too large for the JVM's heap: the reconciler's estimate said so before any work
   * ({@link InsufficientHeapException}), or the heap ran out anyway.
   */
  static final int EXIT_OUT_OF_MEMORY = 4;

  /** What {@code itam help} prints. */
  static final String USAGE =
      """
      usage: itam <command> [options]

      Computes the effective licence position (ELP) of an estate document: per licence what is
      owned, used and spare, per product what is short and what to buy.

      commands:
        reconcile FILE   compute the position of the estate document FILE and the inputs
        validate FILE    check the estate document FILE and the inputs, and list every problem
        diff OLD NEW     list what changed between two position documents (reconcile --format json)
        generate         write a synthetic estate document (benchmarks, trials)
        help             show this help

      inputs of reconcile and validate, added to the estate document FILE, whose catalogue and
      licence models they refer to (--csv, --csv-column, --swid and --cyclonedx may be repeated):
        --csv DIR               devices.csv, users.csv, installations.csv, entitlements.csv (those
                                present), each with a header row
        --csv-mapping FILE      the CSV headers of each field, delimiter, encoding, date format (JSON)
        --csv-column T.F=H      field F of table T is the column headed H (devices.id=Hostname)
        --allow-unknown-columns ignore CSV columns that are no field instead of reporting them
        --swid DIR              SWID (.swidtag) and CoSWID (.coswid) tags: installations; one
                                subdirectory per device, or Evidence tags naming their deviceId
        --product-mapping FILE  rules mapping tags and BOM components to catalogue products (JSON)
        --fail-on-unmapped      exit with 2 when a tag matches no product or device (installers,
                                older copies and tags the mapping ignores excepted)
        --cyclonedx FILE        entitlements from the licensing data of a CycloneDX BOM (JSON, XML)
        Tags that are no installation and BOM licences that are no entitlement are listed on stderr.

      reconcile options:
        --as-of DATE            compute the position on DATE (YYYY-MM-DD), not the estate's asOf
        --format FORMAT         table: for people (default); json: the position document; csv: one
                                file per view, into --output DIR; html: a report in one file;
                                cyclonedx: the licences as CycloneDX licensing data (JSON)
        --detail LEVEL          per-consumer detail: summary, shortfalls (table default) or all
                                (default of the other formats); less detail is faster on large estates
        --width N               table width in characters (default 120, at least 40)
        --output FILE           write the position to FILE, replaced atomically, not to stdout;
                                with --format csv a directory, created if missing
        --fail-on-shortfall     exit with 1 when the position is not compliant
        --allow-unknown-fields  ignore unknown fields in the estate instead of reporting them
        --library FILE          a licence-model library of your own for "basedOn" (see docs/library.md)
        --threads N             threads solving independent licence pools (default: processors)
        --node-budget N         search nodes per licence pool before a heuristic (default 2000)
        --progress              report the phases and their counts on stderr

      generate options:
        --devices N             end-user devices (about 40 installations each; required)
        --seed S                the seed (default 1): the same seed gives the same estate
        --output FILE           write to FILE, replaced atomically, not to stdout
        --progress              report the phases on stderr

      validate options:
        --allow-unknown-fields  ignore unknown fields instead of reporting them
        --library FILE          a licence-model library of your own for "basedOn"
        --progress              report the phases on stderr

      diff options:
        --format table|json     a table for people (default) or a JSON document of the changes
        --width N               table width in characters (default 120, at least 40)
        --output FILE           write to FILE, replaced atomically, not to stdout
        --allow-unknown-fields  ignore unknown fields in the positions (written by a newer itam)

      every command:
        --debug                 log progress to stderr; show the stack trace of an internal error
        -h, --help              show this help
        --version               show the version

      exit status: 0 done, 1 not compliant (with --fail-on-shortfall), 2 bad input or usage,
      3 internal error, 4 not enough memory (the message says which -Xmx to try)
      """;

  private static final String RECONCILE = "reconcile";
  private static final String VALIDATE = "validate";
  private static final String HELP = "help";
  private static final String GENERATE = "generate";
  private static final String DIFF = "diff";
  private static final String COMMANDS = "reconcile, validate, diff, generate or help";

  private static final List<String> FORMATS = List.of("table", "json", "csv", "html", "cyclonedx");

  private static final ImmutableSet<String> COMMON_FLAGS = ImmutableSet.of("--debug", "--help");
  private static final ImmutableSet<String> RECONCILE_FLAGS =
      ImmutableSet.<String>builder()
          .addAll(COMMON_FLAGS)
          .add("--fail-on-shortfall", "--allow-unknown-fields", "--progress")
          .addAll(EstateInputs.FLAGS)
          .build();
  private static final ImmutableSet<String> RECONCILE_VALUES =
      ImmutableSet.<String>builder()
          .add(
              "--as-of",
              "--format",
              "--detail",
              "--width",
              "--output",
              "--threads",
              "--node-budget",
              "--library")
          .addAll(EstateInputs.VALUED)
          .build();
  private static final ImmutableSet<String> VALIDATE_FLAGS =
      ImmutableSet.<String>builder()
          .addAll(COMMON_FLAGS)
          .add("--allow-unknown-fields", "--progress")
          .addAll(EstateInputs.FLAGS)
          .build();
  private static final ImmutableSet<String> GENERATE_FLAGS =
      ImmutableSet.<String>builder().addAll(COMMON_FLAGS).add("--progress").build();
  private static final ImmutableSet<String> GENERATE_VALUES =
      ImmutableSet.of("--devices", "--seed", "--output");
  private static final long MAX_GENERATED_DEVICES = 5_000_000;
  private static final ImmutableSet<String> VALIDATE_VALUES =
      ImmutableSet.<String>builder().add("--library").addAll(EstateInputs.VALUED).build();
  private static final ImmutableSet<String> DIFF_FLAGS =
      ImmutableSet.<String>builder().addAll(COMMON_FLAGS).add("--allow-unknown-fields").build();
  private static final ImmutableSet<String> DIFF_VALUES =
      ImmutableSet.of("--format", "--width", "--output");

  private static final int MAX_WIDTH = 100_000;
  private static final int MAX_THREADS = 1024;

  private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

  private ItamCli() {}

  /** Runs the tool and exits with its exit code. Standard output and error are UTF-8. */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8);
    int exit = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(exit);
  }

  /**
   * Runs the tool on {@code args}, printing the result on {@code out} and messages on {@code err}.
   *
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> words = Arrays.asList(args.clone());
    boolean debug = debugRequested(words);
    String command = null;
    try {
      command = command(words);
      return execute(command, words, debug, out, err);
    } catch (CommandException e) {
      ImmutableList<String> lines = e.lines();
      print(err, "error: " + lines.get(0));
      for (String line : lines.subList(1, lines.size())) {
        print(err, line);
      }
      if (e.isUsage()) {
        print(err, synopsis(command) + "; run 'itam help' for the options");
      }
      return EXIT_BAD_INPUT;
    } catch (InsufficientHeapException e) {
      print(err, "error: " + e.getMessage());
      print(
          err,
          String.format(
              Locale.ROOT,
              "rerun with a larger heap, for example: java -Xmx%dm -jar itam.jar ...",
              suggestedHeapMegabytes(e.neededBytes())));
      return EXIT_OUT_OF_MEMORY;
    } catch (OutOfMemoryError e) {
      print(
          err,
          "error: out of memory; rerun with a larger heap, for example: java -Xmx8g -jar itam.jar"
              + " ...");
      return EXIT_OUT_OF_MEMORY;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      String message = e.getMessage();
      print(err, "internal error: " + (message == null ? e.getClass().getName() : message));
      if (debug) {
        e.printStackTrace(err);
        err.flush();
      } else {
        print(
            err, "this is a bug in itam: rerun with --debug to see the stack trace, and report it");
      }
      return EXIT_INTERNAL_ERROR;
    }
  }

  /** The command: the first word that is not a global option. */
  /**
   * A heap size to suggest for an estimated need: the need plus a quarter for the JVM's own use and
   * the garbage collector's headroom, rounded up to 256 MB.
   */
  static long suggestedHeapMegabytes(long neededBytes) {
    long megabytes = (neededBytes >> 20) + (neededBytes >> 22) + 1;
    return (megabytes + 255) / 256 * 256;
  }

  private static @Nullable String command(List<String> words) throws CommandException {
    for (String word : words) {
      switch (word) {
        case "--debug", "--help", "-h", "--version" -> {}
        default -> {
          if (word.startsWith("-")) {
            throw CommandException.usage("unknown option " + word + " before the command");
          }
          return word;
        }
      }
    }
    return null;
  }

  private static int execute(
      @Nullable String command, List<String> words, boolean debug, PrintStream out, PrintStream err)
      throws CommandException {
    int at = command == null ? words.size() : words.indexOf(command);
    List<String> global = words.subList(0, at);
    List<String> rest = command == null ? List.of() : words.subList(at + 1, words.size());
    if (global.contains("--version")) {
      print(out, "itam " + version());
      return EXIT_OK;
    }
    if (global.contains("--help") || global.contains("-h")) {
      out.print(USAGE);
      out.flush();
      return EXIT_OK;
    }
    if (command == null) {
      throw CommandException.usage("missing command (" + COMMANDS + ")");
    }
    switch (command) {
      case HELP -> {
        Arguments arguments = Arguments.parse(HELP, rest, COMMON_FLAGS, Set.of());
        if (arguments.operands().size() > 1) {
          throw CommandException.usage(
              "help takes at most one command, got " + arguments.operands());
        }
        out.print(USAGE);
        out.flush();
        return EXIT_OK;
      }
      case RECONCILE -> {
        Arguments arguments =
            Arguments.parse(
                RECONCILE, rest, RECONCILE_FLAGS, RECONCILE_VALUES, EstateInputs.REPEATABLE);
        if (arguments.has("--help")) {
          out.print(USAGE);
          out.flush();
          return EXIT_OK;
        }
        return reconcile(arguments, out, err, logger(debug));
      }
      case VALIDATE -> {
        Arguments arguments =
            Arguments.parse(
                VALIDATE, rest, VALIDATE_FLAGS, VALIDATE_VALUES, EstateInputs.REPEATABLE);
        if (arguments.has("--help")) {
          out.print(USAGE);
          out.flush();
          return EXIT_OK;
        }
        return validate(arguments, out, err, logger(debug));
      }
      case GENERATE -> {
        Arguments arguments = Arguments.parse(GENERATE, rest, GENERATE_FLAGS, GENERATE_VALUES);
        if (arguments.has("--help")) {
          out.print(USAGE);
          out.flush();
          return EXIT_OK;
        }
        return generate(arguments, out, err);
      }
      case DIFF -> {
        Arguments arguments = Arguments.parse(DIFF, rest, DIFF_FLAGS, DIFF_VALUES);
        if (arguments.has("--help")) {
          out.print(USAGE);
          out.flush();
          return EXIT_OK;
        }
        return diff(arguments, out, logger(debug));
      }
      default ->
          throw CommandException.usage(
              "unknown command \"" + command + "\" (expected " + COMMANDS + ")");
    }
  }

  // ---- reconcile ---------------------------------------------------------------------------

  private static int reconcile(Arguments a, PrintStream out, PrintStream err, Logger log)
      throws CommandException {
    String name = fileOperand(RECONCILE, a);
    Path file = path(name, "FILE");
    EstateInputs inputs = EstateInputs.of(a);
    ReconcileOptions options =
        ReconcileOptions.DEFAULTS
            .withAsOf(date("--as-of", a.value("--as-of")))
            .withThreads(
                (int)
                    number(
                        "--threads",
                        a.value("--threads"),
                        1,
                        MAX_THREADS,
                        Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())))
            .withNodeBudget(
                number(
                    "--node-budget",
                    a.value("--node-budget"),
                    1,
                    Long.MAX_VALUE,
                    ReconcileOptions.DEFAULT_NODE_BUDGET));
    String format = choice("--format", a.value("--format"), FORMATS, "table");
    boolean table = format.equals("table");
    if (!table && a.has("--width")) {
      throw CommandException.usage("--width applies to --format table only");
    }
    String detailName =
        choice(
            "--detail",
            a.value("--detail"),
            List.of("summary", "shortfalls", "all"),
            table ? "shortfalls" : "all");
    options = options.withDetail(io.itam.model.position.Detail.parse(detailName).orElseThrow());
    PositionTable positionTable =
        PositionTable.create()
            .withDetail(Detail.valueOf(detailName.toUpperCase(Locale.ROOT)))
            .withWidth(
                (int)
                    number(
                        "--width",
                        a.value("--width"),
                        PositionTable.MIN_WIDTH,
                        MAX_WIDTH,
                        PositionTable.DEFAULT_WIDTH));
    String outputName = a.value("--output");
    Path output = outputName == null ? null : path(outputName, "--output");
    List<Path> read = new ArrayList<>(inputs.paths());
    read.add(file);
    if (format.equals("csv")) {
      if (output == null) {
        throw CommandException.usage(
            "--format csv writes one file per view: it needs --output DIR, a directory");
      }
      checkOutputDirectory(outputName, output);
    } else if (output != null) {
      checkOutput(outputName, output, read, "the estate document being reconciled");
    }

    StderrProgress progress = a.has("--progress") ? new StderrProgress(err) : null;
    Estate base = read(name, file, reader(a), progressOrNone(progress), log);
    Estate estate =
        inputs.isEmpty() ? base : merge(name, base, inputs, progressOrNone(progress), err, log);
    long start = System.nanoTime();
    Position position = Reconciler.create(options).reconcile(estate, progressOrNone(progress));
    if (progress != null) {
      progress.phase("write");
    }
    log.debug(
        "reconciled {} as of {} with {} threads in {} ms",
        name,
        position.asOf(),
        options.threads(),
        (System.nanoTime() - start) / 1_000_000);

    if (format.equals("csv")) {
      try {
        PositionCsv.create().write(position, output);
      } catch (IOException e) {
        throw CommandException.input(outputName + ": cannot write: " + describe(e));
      } catch (UncheckedIOException e) {
        throw CommandException.input(outputName + ": cannot write: " + describe(e.getCause()));
      }
      log.debug("wrote the position as CSV files to {}", output);
    } else {
      AtomicFile.Content content =
          switch (format) {
            case "json" -> stream -> PositionWriter.create().write(position, stream);
            case "html" -> stream -> PositionHtml.create().write(position, stream);
            case "cyclonedx" -> stream -> CycloneDxLicensing.write(position, estate, stream);
            default ->
                stream -> {
                  Writer writer = new OutputStreamWriter(stream, UTF_8);
                  positionTable.render(position, writer);
                  writer.flush();
                };
          };
      emit(outputName, output, content, out, "the position");
      log.debug("wrote the position ({}) to {}", format, output == null ? "stdout" : output);
    }

    if (progress != null) {
      progress.finish();
    }
    if (a.has("--fail-on-shortfall") && !position.compliant()) {
      print(err, notCompliant(position));
      return EXIT_NOT_COMPLIANT;
    }
    return EXIT_OK;
  }

  /**
   * Merges the inputs into the estate document {@code base}; lists on {@code err} what of them is
   * not counted; fails with {@code --fail-on-unmapped} when a tag is unmapped.
   */
  private static Estate merge(
      String name, Estate base, EstateInputs inputs, Progress progress, PrintStream err, Logger log)
      throws CommandException {
    long start = System.nanoTime();
    EstateInputs.Merged merged = inputs.merge(name, base, progress, log);
    log.debug(
        "merged {} with the inputs ({}) in {} ms",
        name,
        merged.added(),
        (System.nanoTime() - start) / 1_000_000);
    List<UnmappedTag> unmapped = merged.unmapped();
    List<UnmappedTag> failing = merged.unmatched();
    if (!unmapped.isEmpty()) {
      int n = unmapped.size();
      print(
          err,
          "warning: "
              + n
              + (n == 1 ? " SWID tag is not an installation" : " SWID tags are not installations")
              + (failing.isEmpty() ? "" : " (" + failing.size() + " unmapped)")
              + ":");
      for (UnmappedTag tag : unmapped) {
        print(err, "  " + tag + " (" + String.join(", ", tag.sources()) + ")");
      }
    }
    List<SkippedLicence> skipped = merged.skipped();
    if (!skipped.isEmpty()) {
      int n = skipped.size();
      print(
          err,
          "warning: "
              + n
              + (n == 1
                  ? " CycloneDX licence is not an entitlement:"
                  : " CycloneDX licences are not entitlements:"));
      for (SkippedLicence licence : skipped) {
        print(err, "  " + licence);
      }
    }
    if (inputs.failOnUnmapped() && !failing.isEmpty()) {
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
    return merged.estate();
  }

  /** Writes {@code content} to {@code output}, atomically, or to {@code out} when it is null. */
  private static void emit(
      @Nullable String outputName,
      @Nullable Path output,
      AtomicFile.Content content,
      PrintStream out,
      String what)
      throws CommandException {
    if (output == null || outputName == null) {
      try {
        content.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException("a PrintStream does not throw", e);
      }
      out.flush();
      if (out.checkError()) {
        throw CommandException.input("standard output: cannot write " + what);
      }
    } else {
      write(outputName, output, content);
    }
  }

  // ---- generate ----------------------------------------------------------------------------

  private static int generate(Arguments a, PrintStream out, PrintStream err)
      throws CommandException {
    if (!a.operands().isEmpty()) {
      throw CommandException.usage("generate takes no operand, got " + a.operands());
    }
    if (a.value("--devices") == null) {
      throw CommandException.usage("generate needs --devices N");
    }
    int devices = (int) number("--devices", a.value("--devices"), 10, MAX_GENERATED_DEVICES, 0);
    long seed = number("--seed", a.value("--seed"), Long.MIN_VALUE, Long.MAX_VALUE, 1);
    StderrProgress progress = a.has("--progress") ? new StderrProgress(err) : null;
    if (progress != null) {
      progress.phase("generate");
    }
    Estate estate = io.itam.model.synthetic.SyntheticEstate.generate(devices, seed);
    if (progress != null) {
      progress.phase("write");
    }
    AtomicFile.Content content = stream -> EstateWriter.create().write(estate, stream);
    String outputName = a.value("--output");
    if (outputName == null) {
      try {
        content.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException("a PrintStream does not throw", e);
      }
      out.flush();
    } else {
      Path output = path(outputName, "--output");
      Path directory = output.toAbsolutePath().getParent();
      if (directory == null || !Files.isDirectory(directory)) {
        throw CommandException.input(outputName + ": cannot write: no such directory " + directory);
      }
      write(outputName, output, content);
    }
    if (progress != null) {
      progress.finish();
    }
    err.println(
        "generated "
            + estate.devices().size()
            + " devices, "
            + estate.installations().size()
            + " installations, "
            + estate.entitlements().size()
            + " entitlements ("
            + estate.recordCount()
            + " records)");
    return EXIT_OK;
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

  /**
   * Fails early, before the work, when the result could not be written to {@code output}, or would
   * replace one of the files read; {@code last} says what the last of them is.
   */
  private static void checkOutput(String name, Path output, List<Path> read, String last)
      throws CommandException {
    Path directory = output.toAbsolutePath().getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw CommandException.input(name + ": cannot write: no such directory " + directory);
    }
    if (Files.isDirectory(output)) {
      throw CommandException.input(name + ": cannot write: is a directory");
    }
    try {
      for (int i = 0; i < read.size(); i++) {
        Path input = read.get(i);
        if (Files.exists(output) && Files.exists(input) && Files.isSameFile(output, input)) {
          throw CommandException.input(
              name + ": cannot write: it is " + (i == read.size() - 1 ? last : "an input"));
        }
      }
    } catch (IOException e) {
      throw CommandException.input(name + ": cannot write: " + describe(e));
    }
  }

  /** Fails early when the CSV files of a position could not be written into {@code output}. */
  private static void checkOutputDirectory(String name, Path output) throws CommandException {
    if (Files.isDirectory(output)) {
      if (!Files.isWritable(output)) {
        throw CommandException.input(name + ": cannot write: permission denied");
      }
      return;
    }
    if (Files.exists(output)) {
      throw CommandException.input(
          name + ": not a directory: --format csv writes one file per view into --output DIR");
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw CommandException.input(name + ": cannot write: no such directory " + parent);
    }
  }

  private static void write(String name, Path output, AtomicFile.Content content)
      throws CommandException {
    try {
      AtomicFile.write(output, content);
    } catch (AtomicMoveNotSupportedException e) {
      throw CommandException.input(
          name + ": cannot write: the file system cannot replace the file atomically");
    } catch (IOException e) {
      throw CommandException.input(name + ": cannot write: " + describe(e));
    }
  }

  // ---- validate ----------------------------------------------------------------------------

  private static int validate(Arguments a, PrintStream out, PrintStream err, Logger log)
      throws CommandException {
    String name = fileOperand(VALIDATE, a);
    Path file = path(name, "FILE");
    EstateInputs inputs = EstateInputs.of(a);
    StderrProgress progress = a.has("--progress") ? new StderrProgress(err) : null;
    Estate base = read(name, file, reader(a), progressOrNone(progress), log);
    if (inputs.isEmpty()) {
      if (progress != null) {
        progress.finish();
      }
      print(out, "valid: " + name + ": " + base.recordCount() + " records");
      return EXIT_OK;
    }
    Estate estate = merge(name, base, inputs, progressOrNone(progress), err, log);
    if (progress != null) {
      progress.finish();
    }
    print(
        out,
        "valid: "
            + name
            + " with the inputs: "
            + estate.recordCount()
            + " records ("
            + base.recordCount()
            + " from "
            + name
            + ", "
            + (estate.recordCount() - base.recordCount())
            + " from the inputs)");
    return EXIT_OK;
  }

  // ---- diff --------------------------------------------------------------------------------

  private static int diff(Arguments a, PrintStream out, Logger log) throws CommandException {
    List<String> operands = a.operands();
    if (operands.size() != 2) {
      throw CommandException.usage(
          "diff takes two position documents, OLD and NEW, got "
              + operands.size()
              + (operands.isEmpty() ? "" : ": " + String.join(" ", operands)));
    }
    boolean json =
        choice("--format", a.value("--format"), List.of("table", "json"), "table").equals("json");
    if (json && a.has("--width")) {
      throw CommandException.usage("--width applies to --format table only");
    }
    PositionDiffTable table =
        PositionDiffTable.create()
            .withWidth(
                (int)
                    number(
                        "--width",
                        a.value("--width"),
                        PositionDiffTable.MIN_WIDTH,
                        MAX_WIDTH,
                        PositionDiffTable.DEFAULT_WIDTH));
    String oldName = operands.get(0);
    String newName = operands.get(1);
    Path oldFile = path(oldName, "OLD");
    Path newFile = path(newName, "NEW");
    String outputName = a.value("--output");
    Path output = outputName == null ? null : path(outputName, "--output");
    if (output != null) {
      checkOutput(outputName, output, List.of(oldFile, newFile), "an input");
    }

    List<String> problems = new ArrayList<>();
    PositionReader reader =
        PositionReader.create().allowUnknownFields(a.has("--allow-unknown-fields"));
    Position before = readPosition(reader, oldName, oldFile, problems);
    Position after = readPosition(reader, newName, newFile, problems);
    if (before == null || after == null) {
      throw CommandException.input(problems);
    }
    PositionDiff diff;
    try {
      diff = PositionDiff.between(before, after);
    } catch (IllegalArgumentException e) {
      throw CommandException.input(
          "cannot compare " + oldName + " with " + newName + ": " + e.getMessage());
    }
    log.debug("compared {} with {}", oldName, newName);
    AtomicFile.Content content =
        json
            ? stream -> PositionDiffJson.create().write(diff, stream)
            : stream -> {
              Writer writer = new OutputStreamWriter(stream, UTF_8);
              table.render(diff, writer);
              writer.flush();
            };
    emit(outputName, output, content, out, "the changes");
    return EXIT_OK;
  }

  /**
   * Reads the position document {@code file}; {@code null} when it cannot be, with the reasons
   * added to {@code problems} (the first line of a later file's reasons marked as an error too).
   */
  private static @Nullable Position readPosition(
      PositionReader reader, String name, Path file, List<String> problems) {
    List<String> lines = new ArrayList<>();
    Position position = null;
    try {
      checkReadable(name, file, "a position document");
      position = reader.read(file);
    } catch (CommandException e) {
      lines.addAll(e.lines());
    } catch (ValidationException e) {
      lines.addAll(
          EstateInputs.report(name, e.problems().stream().map(Problem::toString).toList()));
    } catch (IOException e) {
      lines.add(name + ": cannot read: " + describe(e));
    } catch (UncheckedIOException e) {
      lines.add(name + ": cannot read: " + describe(e.getCause()));
    }
    if (!lines.isEmpty() && !problems.isEmpty()) {
      lines.set(0, "error: " + lines.get(0));
    }
    problems.addAll(lines);
    return position;
  }

  // ---- shared ------------------------------------------------------------------------------

  /** The estate reader the options ask for: unknown fields, and a library of one's own. */
  private static EstateReader reader(Arguments a) throws CommandException {
    EstateReader reader = EstateReader.create().allowUnknownFields(a.has("--allow-unknown-fields"));
    String library = a.value("--library");
    if (library == null) {
      return reader;
    }
    Path file = path(library, "--library");
    if (!Files.isRegularFile(file)) {
      throw CommandException.input(library + ": no such library file");
    }
    try {
      return reader.withLibrary(LicenseModelLibrary.read(file));
    } catch (ValidationException e) {
      List<String> lines = new ArrayList<>();
      int n = e.problems().size();
      lines.add(library + ": " + n + (n == 1 ? " problem:" : " problems:"));
      for (Problem problem : e.problems()) {
        lines.add("  " + problem);
      }
      throw CommandException.input(lines);
    } catch (IOException e) {
      throw CommandException.input(library + ": cannot read: " + describe(e));
    }
  }

  /** Reads and validates the estate document {@code file}, turning every failure into a message. */
  private static Estate read(
      String name, Path file, EstateReader reader, Progress progress, Logger log)
      throws CommandException {
    checkReadable(name, file, "an estate document");
    long start = System.nanoTime();
    try {
      Estate estate = reader.read(file, progress);
      log.debug(
          "read {}: {} records in {} ms",
          name,
          estate.recordCount(),
          (System.nanoTime() - start) / 1_000_000);
      return estate;
    } catch (ValidationException e) {
      List<String> lines = new ArrayList<>();
      int n = e.problems().size();
      lines.add(name + ": " + n + (n == 1 ? " problem:" : " problems:"));
      for (Problem problem : e.problems()) {
        lines.add("  " + problem);
      }
      throw CommandException.input(lines);
    } catch (IOException e) {
      throw CommandException.input(name + ": cannot read: " + describe(e));
    } catch (UncheckedIOException e) {
      throw CommandException.input(name + ": cannot read: " + describe(e.getCause()));
    }
  }

  /** Fails when {@code file}, {@code what} the command reads, cannot be read. */
  private static void checkReadable(String name, Path file, String what) throws CommandException {
    if (!Files.exists(file)) {
      throw CommandException.input(name + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw CommandException.input(name + ": is a directory, not " + what);
    }
    if (!Files.isReadable(file)) {
      throw CommandException.input(name + ": cannot read: permission denied");
    }
  }

  /** What went wrong with a file, without the exception's class name. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? "input/output error" : e.getMessage();
  }

  private static String fileOperand(String command, Arguments a) throws CommandException {
    List<String> operands = a.operands();
    if (operands.isEmpty()) {
      throw CommandException.usage(command + ": missing FILE");
    }
    if (operands.size() > 1) {
      throw CommandException.usage(
          command + " takes one FILE, got " + operands.size() + ": " + String.join(" ", operands));
    }
    return operands.get(0);
  }

  /** {@code name} as a path; {@code what} names it in the message when it is not one. */
  static Path path(String name, String what) throws CommandException {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw CommandException.usage(what + ": not a valid path: \"" + name + "\"");
    }
  }

  private static @Nullable LocalDate date(String option, @Nullable String value)
      throws CommandException {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw CommandException.usage(option + ": not a date (YYYY-MM-DD): \"" + value + "\"");
    }
  }

  private static long number(
      String option, @Nullable String value, long min, long max, long otherwise)
      throws CommandException {
    if (value == null) {
      return otherwise;
    }
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw CommandException.usage(option + ": not a whole number: \"" + value + "\"");
    }
    if (n < min || n > max) {
      throw CommandException.usage(
          option
              + ": must be "
              + (max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max)
              + ", was "
              + n);
    }
    return n;
  }

  private static String choice(
      String option, @Nullable String value, List<String> choices, String otherwise)
      throws CommandException {
    if (value == null) {
      return otherwise;
    }
    if (!choices.contains(value)) {
      throw CommandException.usage(
          option + ": expected one of " + String.join(", ", choices) + ", was \"" + value + "\"");
    }
    return value;
  }

  private static Progress progressOrNone(@Nullable StderrProgress progress) {
    return progress == null ? Progress.NONE : progress;
  }

  private static String synopsis(@Nullable String command) {
    if (RECONCILE.equals(command)) {
      return "usage: itam reconcile FILE [options]";
    } else if (VALIDATE.equals(command)) {
      return "usage: itam validate FILE [--csv DIR] [--swid DIR] [--cyclonedx FILE] [options]";
    } else if (DIFF.equals(command)) {
      return "usage: itam diff OLD NEW [--format table|json] [--width N] [--output FILE]";
    } else if (GENERATE.equals(command)) {
      return "usage: itam generate --devices N [--seed S] [--output FILE]";
    }
    return "usage: itam <command> [options]";
  }

  /** Whether {@code --debug} is among the options (before a {@code --}). */
  private static boolean debugRequested(List<String> words) {
    for (String word : words) {
      if (word.equals("--")) {
        return false;
      } else if (word.equals("--debug")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tool's logger, created after raising the default level to debug when asked: slf4j-simple
   * reads its configuration (system properties first, then {@code simplelogger.properties}) once,
   * when the first logger is created. The property is restored afterwards.
   */
  private static Logger logger(boolean debug) {
    if (!debug) {
      return LoggerFactory.getLogger(ItamCli.class);
    }
    String before = System.getProperty(LOG_LEVEL_PROPERTY);
    System.setProperty(LOG_LEVEL_PROPERTY, "debug");
    try {
      return LoggerFactory.getLogger(ItamCli.class);
    } finally {
      if (before == null) {
        System.clearProperty(LOG_LEVEL_PROPERTY);
      } else {
        System.setProperty(LOG_LEVEL_PROPERTY, before);
      }
    }
  }

  /** The version in the jar's manifest ({@code Implementation-Version}), or {@code dev}. */
  static String version() {
    String version = ItamCli.class.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? "dev" : version;
  }

  /** Prints {@code line} and a {@code \n}, whatever the platform's line separator. */
  private static void print(PrintStream stream, String line) {
    stream.print(line);
    stream.print('\n');
    stream.flush();
  }
}
