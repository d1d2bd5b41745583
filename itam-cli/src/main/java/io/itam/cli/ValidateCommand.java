package io.itam.cli;

import io.itam.io.estate.EstateSources;
import io.itam.model.Estate;
import io.itam.model.Progress;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code itam validate FILE}: checks the estate document FILE and the inputs and lists every
 * problem, each at its path, or says how many records are valid.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = ItamCli.Version.class,
    abbreviateSynopsis = true,
    sortOptions = false,
    description =
        "Check the estate document FILE and the inputs, and list every problem with its path.")
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand ItamCli root;

  @Mixin EstateOptions estate = new EstateOptions();

  @Mixin InputOptions inputs = new InputOptions();

  @Override
  public Integer call() throws CommandException {
    Logger log = root.logger();
    EstateSources sources = inputs.sources();
    StderrProgress progress = estate.progress(root);
    Progress reporter = progress == null ? Progress.NONE : progress;
    Estate base = estate.read(root, reporter, log);
    String name = estate.name();
    String result;
    if (sources.isEmpty()) {
      result = "valid: " + name + ": " + base.recordCount() + " records";
    } else {
      Estate merged = inputs.merge(sources, name, base, reporter, root, log).estate();
      result =
          "valid: "
              + name
              + " with the inputs: "
              + merged.recordCount()
              + " records ("
              + base.recordCount()
              + " from "
              + name
              + ", "
              + (merged.recordCount() - base.recordCount())
              + " from the inputs)";
    }
    if (progress != null) {
      progress.finish();
    }
    root.terminal().out().print(result + "\n");
    root.terminal().out().flush();
    return ItamCli.EXIT_OK;
  }
}
