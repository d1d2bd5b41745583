package io.itam.cli;

import io.itam.io.estate.EstateWriter;
import io.itam.model.Estate;
import io.itam.model.synthetic.SyntheticEstate;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code itam generate --devices N}: a synthetic estate document, the same for the same seed (for
 * benchmarks and trials).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = ItamCli.Version.class,
    abbreviateSynopsis = true,
    sortOptions = false,
    description =
        "Write a synthetic estate document (benchmarks, trials): the same seed gives the same"
            + " estate.")
final class GenerateCommand implements Callable<Integer> {
  private static final long MAX_DEVICES = 5_000_000;

  @ParentCommand ItamCli root;

  @Option(
      names = "--devices",
      paramLabel = "N",
      required = true,
      description = "End-user devices, about 40 installations each (10 to 5,000,000).")
  long devices;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "The seed (default 1): the same seed gives the same estate.")
  long seed = 1;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE, replaced atomically (- for standard output, the default).")
  @Nullable String output;

  @Option(names = "--progress", description = "Report the phases on stderr.")
  boolean progress;

  @Override
  public Integer call() throws CommandException {
    int count = (int) Choices.range("--devices", devices, 10, MAX_DEVICES, 0);
    Output target = Output.of(output);
    target.checkFile(List.of(), "an input");
    StderrProgress reporter = progress ? new StderrProgress(root.terminal().err()) : null;
    if (reporter != null) {
      reporter.phase("generate");
    }
    Estate estate = SyntheticEstate.generate(count, seed);
    if (reporter != null) {
      reporter.phase("write");
    }
    target.write(
        stream -> EstateWriter.create().write(estate, stream), root.terminal().out(), "the estate");
    if (reporter != null) {
      reporter.finish();
    }
    if (!root.quiet()) {
      root.terminal()
          .print(
              "generated "
                  + estate.devices().size()
                  + " devices, "
                  + estate.installations().size()
                  + " installations, "
                  + estate.entitlements().size()
                  + " entitlements ("
                  + estate.recordCount()
                  + " records)");
    }
    return ItamCli.EXIT_OK;
  }
}
