package io.itam.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.InsufficientHeapException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code itam} command-line tool: computes the effective licence position of an estate ({@code
 * itam reconcile}), checks estates ({@code itam validate}), compares two positions ({@code itam
 * diff}) and writes synthetic estates ({@code itam generate}); {@code itam help COMMAND} and {@code
 * itam COMMAND --help} show each command's options, {@code itam completion} prints a shell
 * completion script. Each command is a class of this package; the usage is generated from their
 * definitions (picocli).
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
 * JVM where logging has already started (a test running the tool twice), {@code --debug} still
 * shows stack traces but cannot change the level any more.
 */
@Command(
    name = "itam",
    mixinStandardHelpOptions = true,
    versionProvider = ItamCli.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Computes the effective licence position (ELP) of an estate: per licence what is owned,"
          + " used and spare, per product what is short and what to buy.",
      "",
      "Run 'itam help COMMAND' or 'itam COMMAND --help' for the options of a command."
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      ReconcileCommand.class,
      ValidateCommand.class,
      DiffCommand.class,
      GenerateCommand.class,
      HelpCommand.class
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  done",
      "  1  not compliant (reconcile with --fail-on-shortfall)",
      "  2  bad input or usage: the messages on standard error say what and where",
      "  3  internal error: a bug in itam (--debug shows the stack trace)",
      "  4  not enough memory: the message says which -Xmx to try"
    })
public final class ItamCli implements Callable<Integer> {
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

  private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description =
          "Log what the command does on standard error; show the stack trace of an"
              + " internal error.")
  boolean debug;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print no warnings, notes or summaries on standard error, only errors.")
  boolean quiet;

  @Spec CommandSpec spec;

  private final Terminal terminal;

  private ItamCli(Terminal terminal) {
    this.terminal = terminal;
  }

  /** The streams the commands read from and write to. */
  Terminal terminal() {
    return terminal;
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: reconcile, validate, diff, generate or help");
  }

  /** Runs the tool and exits with its exit code. Standard output and error are UTF-8. */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8);
    int exit = run(args, new Terminal(new FileInputStream(FileDescriptor.in), out, err));
    out.flush();
    err.flush();
    System.exit(exit);
  }

  /** The command line of the tool, printing on the streams of {@code terminal}. */
  static CommandLine commandLine(Terminal terminal) {
    ItamCli root = new ItamCli(terminal);
    CommandLine commandLine = new CommandLine(root);
    AutoComplete.GenerateCompletion completion = new AutoComplete.GenerateCompletion();
    commandLine.addSubcommand("completion", completion);
    CommandLine completionLine = commandLine.getSubcommands().get("completion");
    completionLine.getCommandSpec().usageMessage().hidden(false);
    completionLine
        .getCommandSpec()
        .usageMessage()
        .description(
            "Print a completion script for bash and zsh: source <(java -jar itam.jar completion)"
                + " (or save it and source it from ~/.bashrc).");
    commandLine.registerConverter(Integer.class, value -> (int) wholeNumber(value, true));
    commandLine.registerConverter(Integer.TYPE, value -> (int) wholeNumber(value, true));
    commandLine.registerConverter(Long.class, value -> wholeNumber(value, false));
    commandLine.registerConverter(Long.TYPE, value -> wholeNumber(value, false));
    commandLine.setOut(writer(terminal.out()));
    commandLine.setErr(writer(terminal.err()));
    commandLine.setUsageHelpAutoWidth(false);
    commandLine.setUsageHelpWidth(100);
    commandLine.setParameterExceptionHandler(root::usageMistake);
    commandLine.setExecutionExceptionHandler(root::failure);
    return commandLine;
  }

  /** The whole number {@code value} of an option (an {@code int} when {@code small}). */
  private static long wholeNumber(String value, boolean small) {
    try {
      return small ? Integer.parseInt(value) : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a whole number: \"" + value + "\"");
    }
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, UTF_8), true);
  }

  /**
   * Runs the tool on {@code args}, reading from and printing on the streams of {@code terminal}.
   *
   * @return the exit code
   */
  static int run(String[] args, Terminal terminal) {
    CommandLine commandLine = commandLine(terminal);
    ItamCli root = commandLine.getCommand();
    try {
      int exit = commandLine.execute(args);
      terminal.out().flush();
      return exit;
    } catch (OutOfMemoryError e) {
      terminal.print(
          "error: out of memory; rerun with a larger heap, for example: java -Xmx8g -jar"
              + " itam.jar ...");
      return EXIT_OUT_OF_MEMORY;
    } catch (StackOverflowError | LinkageError e) {
      return root.internalError(e);
    }
  }

  /** A mistake in the command line: the message, a suggestion when there is one, the usage. */
  private int usageMistake(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    terminal.print("error: " + e.getMessage());
    PrintWriter suggestions = writer(terminal.err());
    UnmatchedArgumentException.printSuggestions(e, suggestions);
    suggestions.flush();
    terminal.print(usageHint(command));
    return EXIT_BAD_INPUT;
  }

  /** {@code usage: itam reconcile [OPTIONS] FILE; run 'itam reconcile --help' for the options}. */
  private static String usageHint(CommandLine command) {
    String synopsis = command.getHelp().synopsis(0).strip();
    return "usage: "
        + synopsis
        + "; run '"
        + command.getCommandSpec().qualifiedName()
        + " --help' for the options";
  }

  /** What a command threw: bad input (exit 2), too little heap (4), or a bug (3). */
  private int failure(Exception e, CommandLine command, ParseResult parsed) {
    if (e instanceof CommandException mistake) {
      ImmutableList<String> lines = mistake.lines();
      terminal.print("error: " + lines.get(0));
      lines.subList(1, lines.size()).forEach(terminal::print);
      if (mistake.isUsage()) {
        terminal.print(usageHint(command));
      }
      return EXIT_BAD_INPUT;
    }
    if (e instanceof InsufficientHeapException heap) {
      terminal.print("error: " + heap.getMessage());
      terminal.print(
          String.format(
              Locale.ROOT,
              "rerun with a larger heap, for example: java -Xmx%dm -jar itam.jar ...",
              suggestedHeapMegabytes(heap.neededBytes())));
      return EXIT_OUT_OF_MEMORY;
    }
    return internalError(e);
  }

  private int internalError(Throwable e) {
    String message = e.getMessage();
    terminal.print("internal error: " + (message == null ? e.getClass().getName() : message));
    if (debug) {
      e.printStackTrace(terminal.err());
      terminal.err().flush();
    } else {
      terminal.print(
          "this is a bug in itam: rerun with --debug to see the stack trace, and report it");
    }
    return EXIT_INTERNAL_ERROR;
  }

  /**
   * A heap size to suggest for an estimated need: the need plus a quarter for the JVM's own use and
   * the garbage collector's headroom, rounded up to 256 MB.
   */
  static long suggestedHeapMegabytes(long neededBytes) {
    long megabytes = (neededBytes >> 20) + (neededBytes >> 22) + 1;
    return (megabytes + 255) / 256 * 256;
  }

  /**
   * The tool's logger, created after raising the default level to debug when asked: slf4j-simple
   * reads its configuration (system properties first, then {@code simplelogger.properties}) once,
   * when the first logger is created. The property is restored afterwards.
   */
  Logger logger() {
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

  /** Whether messages other than errors are to be left out ({@code --quiet}). */
  boolean quiet() {
    return quiet;
  }

  /** The version in the jar's manifest ({@code Implementation-Version}), or {@code dev}. */
  static String version() {
    String version = ItamCli.class.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? "dev" : version;
  }

  /** {@code itam 0.1.0} (from the manifest), for {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"itam " + version()};
    }
  }

  /** The standard streams the tool uses: standard input, output and error. */
  record Terminal(InputStream in, PrintStream out, PrintStream err) {
    /** Prints {@code line} and a {@code \n} on standard error, whatever the platform. */
    void print(String line) {
      err.print(line);
      err.print('\n');
      err.flush();
    }
  }
}
