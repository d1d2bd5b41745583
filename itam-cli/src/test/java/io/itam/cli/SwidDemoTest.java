package io.itam.cli;

import static io.itam.cli.Cli.itam;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.itam.cli.Cli.Run;
import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.io.inventory.ProductMapping;
import io.itam.io.inventory.csv.CsvReader;
import io.itam.io.inventory.swid.SwidTags;
import io.itam.io.position.PositionHtml;
import io.itam.io.position.PositionReport;
import io.itam.model.Estate;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled example {@code examples/data/swid-demo} end to end, as the README shows it: a folder
 * of SWID and CoSWID tags, one subdirectory per device, plus a purchase CSV plus a small base
 * estate (organisation, catalogue, licence models, devices) give an HTML report a licence manager
 * can open:
 *
 * <pre>
 * itam reconcile base.json --swid tags/ --csv purchases/ --format html --output report.html
 * </pre>
 *
 * <p>When headless Chromium is installed ({@code /usr/bin/chromium} or on the {@code PATH}), the
 * report is also opened in it, and its screenshot kept in {@code target/swid-demo/}; otherwise that
 * step is skipped, saying why, unless {@code -Ditam.browser.required=true}.
 */
class SwidDemoTest {
  /** The example, from the module's directory (where the tests run). */
  private static final Path DEMO = Path.of("..", "examples", "data", "swid-demo");

  private static final String NOT_INSTALLATIONS =
      "warning: 2 SWID tags are not installations (1 unmapped):\n"
          + "  lt-0003: community.example.org-notepad-extra-8.6 \"Notepad Extra\" 8.6: no catalogue"
          + " product is named \"Notepad Extra\" from \"Notepad Extra Community\""
          + " (community.example.org); add a rule to the mapping file ("
          + DEMO.resolve("tags/lt-0003/community.example.org-notepad-extra-8.6.swidtag")
          + ")\n"
          + "  lt-0003: example.com-office-2024.1-setup \"Example Office\" 2024.1: corpus tag: it"
          + " describes an installation package, not an installed product ("
          + DEMO.resolve("tags/lt-0003/example.com-office-2024.1-setup.swidtag")
          + ")\n";

  @TempDir Path dir;

  private static String demo(String relative) {
    return DEMO.resolve(relative).toString();
  }

  /** The report of the position the library computes from the same inputs, composed by hand. */
  private static PositionReport expected() throws IOException {
    Estate base = EstateReader.create().read(DEMO.resolve("base.json"));
    Estate.Builder estate = base.toBuilder();
    CsvReader.create()
        .withCurrency(base.currency())
        .readDirectory(DEMO.resolve("purchases"))
        .addTo(estate);
    SwidTags.read(DEMO.resolve("tags"), ProductMapping.automatic(base.products())).addTo(estate);
    Estate merged = estate.build();
    return PositionReport.of(Reconciler.create().reconcile(merged)).withEstate(merged);
  }

  @Test
  void reconcile_tagsAndPurchases_giveTheHtmlReport() throws IOException, InterruptedException {
    Path report = dir.resolve("report.html");

    Run run =
        itam(
            "reconcile",
            demo("base.json"),
            "--swid",
            demo("tags") + "/",
            "--csv",
            demo("purchases") + "/",
            "--format",
            "html",
            "--output",
            report.toString());

    assertEquals(new Run(0, "", NOT_INSTALLATIONS), run);
    String html = Files.readString(report, UTF_8);
    assertEquals(PositionHtml.create().writeString(expected()), html);
    assertTrue(html.contains("<title>Effective licence position 2026-11-27: not compliant"), html);
    assertTrue(html.contains("4,520.00"), "the shortfall cost");
    assertTrue(html.contains("entitlementKey ENT-2025-0042-0001"), "the supplemental tag's data");
    assertTrue(html.contains("PO-2025-0042/2"), "the purchase CSV's entitlement");
    openInABrowser(report);
  }

  @Test
  void reconcile_table_showsWhatToBuyAndWhy() {
    Run run =
        itam(
            "reconcile",
            demo("base.json"),
            "--swid",
            demo("tags"),
            "--csv",
            demo("purchases"),
            "--width",
            "200",
            "--detail",
            "all");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("\nstatus          NOT COMPLIANT\n"), run.out());
    assertTrue(run.out().contains("\nshortfall cost  4,520.00 EUR\n"), run.out());
    assertTrue(
        run.out()
            .contains(
                "example-office  Example Office (Example Software)           example-office-device"
                    + "         4        3          1    320.00  buy 1\n"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "exampledb       Example Database Server (Example Software)  exampledb-ent-device "
                    + "         2        1          1  4,200.00  buy 1\n"),
        run.out());
    assertTrue(run.out().contains("version downgrade 2024→2022"), run.out());
    assertEquals(NOT_INSTALLATIONS, run.err());
  }

  @Test
  void reconcile_withTheMapping_ignoresTheFreeSoftware_andPassesFailOnUnmapped() {
    Run without =
        itam(
            "validate",
            demo("base.json"),
            "--swid",
            demo("tags"),
            "--csv",
            demo("purchases"),
            "--fail-on-unmapped");
    Run with =
        itam(
            "validate",
            demo("base.json"),
            "--swid",
            demo("tags"),
            "--csv",
            demo("purchases"),
            "--product-mapping",
            demo("swid-mapping.json"),
            "--fail-on-unmapped");

    assertEquals(2, without.exit());
    assertTrue(
        without
            .err()
            .endsWith(
                "(--fail-on-unmapped): map it to a product with"
                    + " --product-mapping FILE, or ignore it there\n"),
        without.err());
    assertEquals(0, with.exit(), with.err());
    assertEquals(
        "valid: "
            + demo("base.json")
            + " with the inputs: 19 records (11 from "
            + demo("base.json")
            + ", 8 from the inputs)\n",
        with.out());
    assertTrue(
        with.err()
            .contains(
                "\"Notepad Extra\" 8.6: ignored by "
                    + demo("swid-mapping.json")
                    + ":products[0]: free software: no licence to count"),
        with.err());
  }

  // ---- the browser ---------------------------------------------------------------------------

  private static final long BROWSER_SECONDS = 90;

  private static @Nullable Path chromium() {
    Path debian = Path.of("/usr/bin/chromium");
    if (Files.isExecutable(debian)) {
      return debian;
    }
    String path = System.getenv("PATH");
    for (String directory : path == null ? new String[0] : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(directory, name);
        if (!directory.isEmpty() && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /**
   * Opens {@code report} in headless Chromium: the page renders the verdict with its script run and
   * nothing blocked, and a screenshot is kept in {@code target/swid-demo/report.png}.
   */
  private static void openInABrowser(Path report) throws IOException, InterruptedException {
    Path chromium = chromium();
    String why = "headless Chromium not found: install Debian's chromium package (.ci/run does)";
    if (Boolean.getBoolean("itam.browser.required")) {
      assertTrue(chromium != null, why + " (required by -Ditam.browser.required=true)");
    }
    assumeTrue(chromium != null, why);
    Path out = Path.of("target", "swid-demo");
    Files.createDirectories(out);
    Path page = Files.copy(report, out.resolve("report.html"), REPLACE_EXISTING);
    String dom = chromium(chromium, page, "--dump-dom");
    assertTrue(dom.contains("Not compliant"), dom);
    assertTrue(dom.contains("4520.00"), dom);
    Path screenshot = out.resolve("report.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    chromium(chromium, page, "--screenshot=" + screenshot, "--window-size=1280,2000");
    assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the report");
  }

  /** Runs Chromium on {@code page}, offline and with a fresh profile; returns its stdout. */
  private static String chromium(Path chromium, Path page, String... arguments)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("itam-chromium-");
    Path stdout = Files.createTempFile("itam-chromium-", ".out");
    Path stderr = Files.createTempFile("itam-chromium-", ".err");
    try {
      List<String> command = new ArrayList<>();
      command.add(chromium.toString());
      command.addAll(
          List.of(
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--no-first-run",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--disable-extensions",
              "--disable-dev-shm-usage",
              "--hide-scrollbars",
              "--enable-logging=stderr",
              "--v=0",
              "--user-data-dir=" + profile.toAbsolutePath()));
      command.addAll(List.of(arguments));
      command.add(page.toAbsolutePath().toUri().toString());
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(BROWSER_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("Chromium did not finish in " + BROWSER_SECONDS + " s");
      }
      String err = Files.readString(stderr, UTF_8);
      assertEquals(0, process.exitValue(), () -> "Chromium failed: " + command + "\n" + err);
      assertFalse(err.contains("Content Security Policy"), err);
      assertFalse(err.contains("Uncaught"), err);
      return Files.readString(stdout, UTF_8);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
      try (Stream<Path> walk = Files.walk(profile)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
