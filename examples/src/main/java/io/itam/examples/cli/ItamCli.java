package io.itam.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.io.json.EstateReader;
import io.itam.io.json.LicenseModelLibrary;
import io.itam.io.json.PositionWriter;
import io.itam.io.text.PositionTable;
import io.itam.io.text.PositionTable.Detail;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.Problem;
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
 * ({@code itam reconcile}) and checks estate documents ({@code itam validate}); see {@link #USAGE}.
 *
 * <p>Standard output carries only the result (the position as a table or as the JSON position
 * document, UTF-8); messages go to standard error. Bad input never yields a stack trace: every
 * problem of an invalid estate is listed with its path and the tool exits with {@value
 * #EXIT_BAD_INPUT}. Exit codes: {@value #EXIT_OK} done, {@value #EXIT_NOT_COMPLIANT} not compliant
 * (only with {@code --fail-on-shortfall}), {@value #EXIT_BAD_INPUT} bad input or usage, {@value
 * #EXIT_INTERNAL_ERROR} a bug.
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

  /** What {@code itam help} prints. */
  static final String USAGE =
      """
      usage: itam <command> [options]

      Computes the effective licence position (ELP) of an estate document: per licence what is
      owned, used and spare, per product what is short and what to buy.

      commands:
        reconcile FILE   compute the position of the estate document FILE
        validate FILE    check the estate document FILE and list every problem
        help             show this help

      reconcile options:
        --as-of DATE            compute the position on DATE (YYYY-MM-DD), not the estate's asOf
        --format table|json     a table for people (default) or the JSON position document
        --detail LEVEL          table detail: summary, shortfalls (default) or all
        --width N               table width in characters (default 120, at least 40)
        --output FILE           write the position to FILE, replaced atomically, not to stdout
        --fail-on-shortfall     exit with 1 when the position is not compliant
        --allow-unknown-fields  ignore unknown fields in the estate instead of reporting them
        --library FILE          a licence-model library of your own for "basedOn" (see docs/library.md)
        --threads N             threads solving independent licence pools (default: processors)
        --node-budget N         search nodes per licence pool before a heuristic (default 2000)

      validate options:
        --allow-unknown-fields  ignore unknown fields instead of reporting them
        --library FILE          a licence-model library of your own for "basedOn"

      every command:
        --debug                 log progress to stderr; show the stack trace of an internal error
        -h, --help              show this help
        --version               show the version

      exit status: 0 done, 1 not compliant (with --fail-on-shortfall), 2 bad input or usage,
      3 internal error
      """;

  private static final String RECONCILE = "reconcile";
  private static final String VALIDATE = "validate";
  private static final String HELP = "help";

  private static final ImmutableSet<String> COMMON_FLAGS = ImmutableSet.of("--debug", "--help");
  private static final ImmutableSet<String> RECONCILE_FLAGS =
      ImmutableSet.<String>builder()
          .addAll(COMMON_FLAGS)
          .add("--fail-on-shortfall", "--allow-unknown-fields")
          .build();
  private static final ImmutableSet<String> RECONCILE_VALUES =
      ImmutableSet.of(
          "--as-of",
          "--format",
          "--detail",
          "--width",
          "--output",
          "--threads",
          "--node-budget",
          "--library");
  private static final ImmutableSet<String> VALIDATE_FLAGS =
      ImmutableSet.<String>builder().addAll(COMMON_FLAGS).add("--allow-unknown-fields").build();
  private static final ImmutableSet<String> VALIDATE_VALUES = ImmutableSet.of("--library");

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
    } catch (OutOfMemoryError e) {
      print(
          err,
          "error: out of memory; rerun with a larger heap, for example: java -Xmx8g -jar itam.jar"
              + " ...");
      return EXIT_INTERNAL_ERROR;
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
      throw CommandException.usage("missing command (reconcile, validate or help)");
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
        Arguments arguments = Arguments.parse(RECONCILE, rest, RECONCILE_FLAGS, RECONCILE_VALUES);
        if (arguments.has("--help")) {
          out.print(USAGE);
          out.flush();
          return EXIT_OK;
        }
        return reconcile(arguments, out, err, logger(debug));
      }
      case VALIDATE -> {
        Arguments arguments = Arguments.parse(VALIDATE, rest, VALIDATE_FLAGS, VALIDATE_VALUES);
        if (arguments.has("--help")) {
          out.print(USAGE);
          out.flush();
          return EXIT_OK;
        }
        return validate(arguments, out, logger(debug));
      }
      default ->
          throw CommandException.usage(
              "unknown command \"" + command + "\" (expected reconcile, validate or help)");
    }
  }

  // ---- reconcile ---------------------------------------------------------------------------

  private static int reconcile(Arguments a, PrintStream out, PrintStream err, Logger log)
      throws CommandException {
    String name = fileOperand(RECONCILE, a);
    Path file = path(name, "FILE");
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
    boolean json =
        choice("--format", a.value("--format"), List.of("table", "json"), "table").equals("json");
    if (json && (a.has("--detail") || a.has("--width"))) {
      throw CommandException.usage("--detail and --width apply to --format table only");
    }
    PositionTable table =
        PositionTable.create()
            .withDetail(
                Detail.valueOf(
                    choice(
                            "--detail",
                            a.value("--detail"),
                            List.of("summary", "shortfalls", "all"),
                            "shortfalls")
                        .toUpperCase(Locale.ROOT)))
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
    if (output != null) {
      checkOutput(outputName, output, file);
    }

    Estate estate = read(name, file, reader(a), log);
    long start = System.nanoTime();
    Position position = Reconciler.create(options).reconcile(estate);
    log.debug(
        "reconciled {} as of {} with {} threads in {} ms",
        name,
        position.asOf(),
        options.threads(),
        (System.nanoTime() - start) / 1_000_000);

    AtomicFile.Content content =
        json
            ? stream -> PositionWriter.create().write(position, stream)
            : stream -> {
              Writer writer = new OutputStreamWriter(stream, UTF_8);
              table.render(position, writer);
              writer.flush();
            };
    if (output == null) {
      try {
        content.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException("a PrintStream does not throw", e);
      }
      out.flush();
      if (out.checkError()) {
        throw CommandException.input("standard output: cannot write the position");
      }
    } else {
      write(outputName, output, content);
      log.debug("wrote the position to {}", output);
    }

    if (a.has("--fail-on-shortfall") && !position.compliant()) {
      print(err, notCompliant(position));
      return EXIT_NOT_COMPLIANT;
    }
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

  /** Fails early, before the work, when the position could not be written to {@code output}. */
  private static void checkOutput(String name, Path output, Path estate) throws CommandException {
    Path directory = output.toAbsolutePath().getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw CommandException.input(name + ": cannot write: no such directory " + directory);
    }
    if (Files.isDirectory(output)) {
      throw CommandException.input(name + ": cannot write: is a directory");
    }
    try {
      if (Files.exists(output) && Files.exists(estate) && Files.isSameFile(output, estate)) {
        throw CommandException.input(
            name + ": cannot write: it is the estate document being reconciled");
      }
    } catch (IOException e) {
      throw CommandException.input(name + ": cannot write: " + describe(e));
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

  private static int validate(Arguments a, PrintStream out, Logger log) throws CommandException {
    String name = fileOperand(VALIDATE, a);
    Estate estate = read(name, path(name, "FILE"), reader(a), log);
    print(out, "valid: " + name + ": " + estate.recordCount() + " records");
    return EXIT_OK;
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
  private static Estate read(String name, Path file, EstateReader reader, Logger log)
      throws CommandException {
    if (!Files.exists(file)) {
      throw CommandException.input(name + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw CommandException.input(name + ": is a directory, not an estate document");
    }
    if (!Files.isReadable(file)) {
      throw CommandException.input(name + ": cannot read: permission denied");
    }
    long start = System.nanoTime();
    try {
      Estate estate = reader.read(file);
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

  /** What went wrong with a file, without the exception's class name. */
  private static String describe(IOException e) {
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

  private static Path path(String name, String what) throws CommandException {
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

  private static String synopsis(@Nullable String command) {
    if (RECONCILE.equals(command)) {
      return "usage: itam reconcile FILE [options]";
    } else if (VALIDATE.equals(command)) {
      return "usage: itam validate FILE [--allow-unknown-fields] [--library FILE]";
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
