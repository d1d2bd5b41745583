package io.itam.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it ({@code java -jar examples/target/itam.jar}), after {@code
 * package}: run by failsafe in {@code mvn verify}, so the jar under test is the one just built. It
 * checks what the class-path tests cannot: the manifest's main class and version, the bundled
 * logging binding and licence-model library, and that bad input still gives exit 2 and no stack
 * trace from the jar.
 */
class ItamJarIT {
  private static final Path JAR = Path.of("target", "itam.jar");

  @TempDir Path dir;

  /** The outcome of one run of the jar: exit code, stdout and stderr. */
  private record Run(int exit, String out, String err) {}

  private Run jar(String... args) throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by mvn package before failsafe runs");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the jar did not finish in 120 s");
    return new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
  }

  @Test
  void jar_validateBrokenFile_exits2ListingEveryProblem() throws Exception {
    Path estate = Files.writeString(dir.resolve("broken.json"), ItamCliTest.BROKEN, UTF_8);

    Run run = jar("validate", estate.toString());

    List<String> expected = new ArrayList<>();
    expected.add("error: " + estate + ": 6 problems:");
    expected.addAll(ItamCliTest.BROKEN_PROBLEMS);
    assertEquals(new Run(2, "", String.join("\n", expected) + "\n"), run);
  }

  @Test
  void jar_reconcilesTheSampleEstate_asTheClassPathCliDoes() throws Exception {
    String sample = Path.of("..", "examples", "data", "sample-estate.json").toString();

    Run run = jar("reconcile", sample);

    Cli.Run inProcess = Cli.itam("reconcile", sample);
    assertEquals(0, run.exit(), run.err());
    assertEquals(new Run(inProcess.exit(), inProcess.out(), inProcess.err()), run);
    assertTrue(run.out().startsWith("EFFECTIVE LICENCE POSITION\n"), run.out());
  }

  @Test
  void jar_versionComesFromTheManifest() throws Exception {
    Run run = jar("--version");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().matches("itam [0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?\n"), run.out());
  }
}
