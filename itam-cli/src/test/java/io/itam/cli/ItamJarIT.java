package io.itam.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it ({@code java -jar itam-cli/target/itam.jar}), after {@code
 * package}: run by failsafe in {@code mvn verify}, so the jar under test is the one just built. It
 * checks what the class-path tests cannot: the manifest's main class and version, the bundled
 * logging binding, licence-model library and workbook writer (fastexcel and its run-time
 * dependency), that bad input still gives exit 2 and no stack trace from the jar, and that the
 * completion script completes in bash.
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
    return run(command);
  }

  private Run run(List<String> command) throws Exception {
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

  @Test
  void jar_writesTheWorkbook_asTheClassPathCliDoes() throws Exception {
    String sample = Path.of("..", "examples", "data", "sample-estate.json").toString();
    Path fromJar = dir.resolve("jar.xlsx");
    Path inProcess = dir.resolve("class-path.xlsx");

    Run run = jar("reconcile", sample, "--format", "xlsx", "-o", fromJar.toString());

    assertEquals(new Run(0, "", ""), run);
    Cli.Run classPath =
        Cli.itam("reconcile", sample, "--format", "xlsx", "-o", inProcess.toString());
    assertEquals(0, classPath.exit(), classPath.err());
    assertArrayEquals(Files.readAllBytes(inProcess), Files.readAllBytes(fromJar));
  }

  @Test
  void jar_completionScript_completesCommandsOptionsAndValuesInBash() throws Exception {
    Path bash = Path.of("/bin/bash");
    assumeTrue(Files.isExecutable(bash), "skipped: no /bin/bash to source the completion script");
    Run script = jar("completion");
    assertEquals(0, script.exit(), script.err());
    Path file = Files.writeString(dir.resolve("itam-completion.sh"), script.out(), UTF_8);
    String complete =
        "source \"$1\"\n"
            + "complete_line() { COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE};"
            + " read -r -a COMP_WORDS <<< \"$COMP_LINE\"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
            + " COMPREPLY=(); _complete_itam 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
            + "complete_line itam rec\n"
            + "complete_line itam reconcile --for\n"
            + "complete_line itam reconcile --format x\n"
            + "complete_line itam diff --form\n";

    Run run = run(List.of(bash.toString(), "-c", complete, "bash", file.toString()));

    assertEquals(new Run(0, "reconcile\n--format\nxlsx\n--format\n", ""), run);
  }
}
