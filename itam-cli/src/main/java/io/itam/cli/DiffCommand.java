package io.itam.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.itam.io.estate.EstateSources;
import io.itam.io.position.PositionDiffJson;
import io.itam.io.position.PositionDiffTable;
import io.itam.io.position.PositionReader;
import io.itam.model.ValidationException;
import io.itam.model.position.Position;
import io.itam.model.position.PositionDiff;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code itam diff OLD NEW}: what changed between two position documents (as {@code reconcile
 * --format json} writes them): new, resolved and changed shortfalls, product and licence rows,
 * licences that moved, the cost and value change.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = ItamCli.Version.class,
    abbreviateSynopsis = true,
    sortOptions = false,
    description =
        "List what changed between two position documents (reconcile --format json): shortfalls,"
            + " product and licence rows, licences that moved between consumers and entitlements,"
            + " the cost and value change.")
final class DiffCommand implements Callable<Integer> {
  private static final int MAX_WIDTH = 100_000;

  @ParentCommand ItamCli root;

  @Parameters(
      index = "0",
      paramLabel = "OLD",
      description = "The earlier position document; - for standard input.")
  String before = "";

  @Parameters(
      index = "1",
      paramLabel = "NEW",
      description = "The later position document; - for standard input.")
  String after = "";

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      completionCandidates = Formats.class,
      description = "table: for people (default); json: a document of the changes.")
  String format = "table";

  @Option(
      names = "--width",
      paramLabel = "N",
      description = "Table width in characters (default 120, at least 40).")
  @Nullable Integer width;

  @Option(
      names = "--locale",
      paramLabel = "TAG",
      converter = ReconcileCommand.LocaleConverter.class,
      description = "The language of the table's numbers (default en).")
  @Nullable Locale locale;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE, replaced atomically (- for standard output, the default).")
  @Nullable String output;

  @Option(
      names = "--allow-unknown-fields",
      description = "Ignore unknown fields in the positions (written by a newer itam).")
  boolean allowUnknownFields;

  @Override
  public Integer call() throws CommandException {
    Logger log = root.logger();
    Choices.check("--format", format, List.of("table", "json"));
    boolean json = format.equals("json");
    if (json && (width != null || locale != null)) {
      throw CommandException.usage(
          (width != null ? "--width" : "--locale") + " applies to --format table only");
    }
    if (before.equals("-") && after.equals("-")) {
      throw CommandException.usage("OLD and NEW cannot both be standard input");
    }
    PositionDiffTable table =
        PositionDiffTable.create()
            .withWidth(
                Choices.range(
                    "--width",
                    width,
                    PositionDiffTable.MIN_WIDTH,
                    MAX_WIDTH,
                    PositionDiffTable.DEFAULT_WIDTH))
            .withLocale(locale == null ? Locale.ENGLISH : locale);
    Output target = Output.of(output);
    List<Path> read = new ArrayList<>();
    for (String name : List.of(before, after)) {
      if (!name.equals("-")) {
        read.add(Operands.path(name, name.equals(before) ? "OLD" : "NEW"));
      }
    }
    target.checkFile(read, "an input");

    List<String> problems = new ArrayList<>();
    PositionReader reader = PositionReader.create().allowUnknownFields(allowUnknownFields);
    Position was = read(reader, before, problems);
    Position is = read(reader, after, problems);
    if (was == null || is == null) {
      throw CommandException.input(problems);
    }
    PositionDiff diff;
    try {
      diff = PositionDiff.between(was, is);
    } catch (IllegalArgumentException e) {
      throw CommandException.input(
          "cannot compare " + name(before) + " with " + name(after) + ": " + e.getMessage());
    }
    log.debug("compared {} with {}", name(before), name(after));
    AtomicFile.Content content =
        json
            ? stream -> PositionDiffJson.create().write(diff, stream)
            : stream -> {
              Writer writer = new OutputStreamWriter(stream, UTF_8);
              table.render(diff, writer);
              writer.flush();
            };
    target.write(content, root.terminal().out(), "the changes");
    return ItamCli.EXIT_OK;
  }

  /** The values {@code --format} completes to. */
  static final class Formats extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Formats() {
      super(List.of("table", "json"));
    }
  }

  private static String name(String operand) {
    return operand.equals("-") ? "standard input" : operand;
  }

  /**
   * Reads the position document {@code operand}; {@code null} when it cannot be, with the reasons
   * added to {@code problems} (the first line of a later file's reasons marked as an error too).
   */
  private @Nullable Position read(PositionReader reader, String operand, List<String> problems) {
    List<String> lines = new ArrayList<>();
    Position position = null;
    String name = name(operand);
    try {
      if (operand.equals("-")) {
        position = reader.read(root.terminal().in());
      } else {
        Path file = Operands.path(operand, "FILE");
        Operands.checkReadable(name, file, "a position document");
        position = reader.read(file);
      }
    } catch (CommandException e) {
      lines.addAll(e.lines());
    } catch (ValidationException e) {
      lines.addAll(CommandException.report(name, e.problems()));
    } catch (IOException e) {
      lines.add(name + ": cannot read: " + EstateSources.describe(e));
    } catch (UncheckedIOException e) {
      lines.add(name + ": cannot read: " + EstateSources.describe(e.getCause()));
    }
    if (!lines.isEmpty() && !problems.isEmpty()) {
      lines.set(0, "error: " + lines.get(0));
    }
    problems.addAll(lines);
    return position;
  }
}
