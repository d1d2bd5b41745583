package io.itam.io.position;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.itam.model.position.Allocation;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser: headless Chromium loads the page from a file, runs its script,
 * and the test checks what it renders (the DOM after the script ran) and keeps a screenshot under
 * {@code target/html-report/}. Skipped, saying why, when no Chromium is installed ({@code
 * /usr/bin/chromium} or {@code chromium} on the {@code PATH}; Debian's {@code chromium} package),
 * unless {@code -Ditam.browser.required=true} (as CI runs it) makes that a failure.
 *
 * <p>Chromium runs with no network services, a fresh profile and bounded time; its console is
 * logged so that a content security policy violation (an inline block the policy does not allow,
 * anything the page tries to load) fails the test.
 */
class PositionHtmlBrowserTest {
  private static final Path OUT = Paths.get("target", "html-report");
  private static final long TIMEOUT_SECONDS = 90;

  private static Path chromium;

  @BeforeAll
  static void findChromium() {
    chromium = chromium().orElse(null);
  }

  private static Optional<Path> chromium() {
    Path debian = Paths.get("/usr/bin/chromium");
    if (Files.isExecutable(debian)) {
      return Optional.of(debian);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Paths.get(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static void assumeChromium() {
    String why =
        "headless Chromium not found (/usr/bin/chromium or chromium on the PATH): install Debian's"
            + " chromium package (.ci/run does) to run the HTML report's browser test";
    if (Boolean.getBoolean("itam.browser.required")) {
      assertTrue(chromium != null, why + " (required by -Ditam.browser.required=true)");
    }
    assumeTrue(chromium != null, why);
  }

  /** What one run of Chromium printed. */
  private record Run(String stdout, String console) {}

  /** Runs Chromium on {@code page} (plus {@code fragment}) with {@code arguments}. */
  private static Run chromium(Path page, String fragment, String... arguments)
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
              "--disable-quic",
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
      command.addAll(Arrays.asList(arguments));
      command.add(page.toAbsolutePath().toUri() + fragment);
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "Chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
      }
      String err = Files.readString(stderr, UTF_8);
      assertEquals(0, process.exitValue(), () -> "Chromium failed: " + command + "\n" + err);
      String console =
          err.lines().filter(line -> line.contains(":CONSOLE")).collect(Collectors.joining("\n"));
      return new Run(Files.readString(stdout, UTF_8), console);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Path page(String name, Position position) throws IOException {
    Files.createDirectories(OUT);
    Path page = OUT.resolve(name);
    PositionHtml.create().write(position, page);
    return page;
  }

  /** The DOM after the script ran, with the root's attributes and the rows of a table. */
  private static String dom(Path page, String fragment) throws IOException, InterruptedException {
    Run run = chromium(page, fragment, "--dump-dom");
    assertFalse(
        run.console().contains("Content Security Policy"),
        () -> "the page broke its content security policy:\n" + run.console());
    assertFalse(run.console().contains("Uncaught"), () -> "a script error:\n" + run.console());
    return run.stdout();
  }

  private static String rootTag(String dom) {
    Matcher m = Pattern.compile("<html[^>]*>").matcher(dom);
    assertTrue(m.find(), "no <html> in the DOM");
    return m.group();
  }

  /** The {@code data-row} of each row of the table {@code id}, in the DOM's order. */
  private static List<Integer> rowOrder(String dom, String id) {
    int start = dom.indexOf("<table id=\"" + id + "\"");
    assertTrue(start >= 0, () -> "no table " + id);
    String table = dom.substring(start, dom.indexOf("</table>", start));
    List<Integer> rows = new ArrayList<>();
    Matcher m = Pattern.compile("<tr data-row=\"(\\d+)\"").matcher(table);
    while (m.find()) {
      rows.add(Integer.parseInt(m.group(1)));
    }
    return rows;
  }

  @Test
  void sample_sortedByShortfallFromTheAddress_rendersLargestFirst() throws Exception {
    assumeChromium();
    Position sample = Samples.position();
    String dom = dom(page("report.html", sample), "#sort=products:shortfall:desc");
    String root = rootTag(dom);
    assertTrue(root.contains("data-ready=\"true\""), root);
    assertTrue(root.contains("data-sorted=\"products:shortfall:desc\""), root);
    List<ProductPosition> products = sample.products();
    List<Integer> expected =
        IntStream.range(0, products.size())
            .boxed()
            .sorted(
                Comparator.<Integer>comparingLong(i -> -products.get(i).shortfall())
                    .thenComparing(i -> i))
            .collect(Collectors.toList());
    assertEquals(expected, rowOrder(dom, "products"));
    assertEquals("windows-server", products.get(expected.get(0)).product());
    assertTrue(dom.contains("aria-sort=\"descending\""), "the sorted column says so");
  }

  @Test
  void sample_sortedByConsumer_rendersAlphabetically() throws Exception {
    assumeChromium();
    Position sample = Samples.position();
    String dom = dom(page("report-by-consumer.html", sample), "#sort=allocations:consumer");
    assertTrue(rootTag(dom).contains("data-sorted=\"allocations:consumer:asc\""));
    List<Allocation> allocations = sample.allocations();
    List<Integer> expected =
        IntStream.range(0, allocations.size())
            .boxed()
            .sorted(
                Comparator.<Integer, String>comparing(
                        i -> allocations.get(i).consumer().toLowerCase(Locale.ROOT))
                    .thenComparing(i -> i))
            .collect(Collectors.toList());
    assertEquals(expected, rowOrder(dom, "allocations"));
  }

  @Test
  void sample_withoutAddress_keepsThePositionsOrder() throws Exception {
    assumeChromium();
    Position sample = Samples.position();
    String dom = dom(page("report-unsorted.html", sample), "");
    assertTrue(rootTag(dom).contains("data-ready=\"true\""));
    assertFalse(rootTag(dom).contains("data-sorted"));
    assertEquals(
        IntStream.range(0, sample.products().size()).boxed().collect(Collectors.toList()),
        rowOrder(dom, "products"));
  }

  @Test
  void hostile_valuesRenderAsText() throws Exception {
    assumeChromium();
    String dom = dom(page("hostile.html", Positions.hostile()), "#sort=shortfalls:units:desc");
    assertTrue(rootTag(dom).contains("data-ready=\"true\""), "the page's script still ran");
    assertEquals(1, dom.split("<script", -1).length - 1, "no script element but the page's own");
    assertTrue(dom.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;"), "shown as text");
  }

  /**
   * The licence manager's report (names, breakdowns, expiries, trend): its tables render every row,
   * the publishers sort by surplus value from the address, and the chart has a row per metric.
   */
  @Test
  void report_rendersBreakdownsExpiriesAndTrend_sortedFromTheAddress() throws Exception {
    assumeChromium();
    PositionReport report = Samples.report();
    Files.createDirectories(OUT);
    Path page = OUT.resolve("report-full.html");
    PositionHtml.create().write(report, page);

    String dom = dom(page, "#sort=publishers:surplusValue:desc");

    assertTrue(rootTag(dom).contains("data-sorted=\"publishers:surplusValue:desc\""), rootTag(dom));
    List<PositionReport.PublisherRow> publishers = report.publishers();
    List<Integer> bySurplus =
        IntStream.range(0, publishers.size())
            .boxed()
            .sorted(
                Comparator.<Integer, java.math.BigDecimal>comparing(
                        i -> publishers.get(i).surplusValue(), Comparator.reverseOrder())
                    .thenComparing(i -> i))
            .toList();
    assertEquals(bySurplus, rowOrder(dom, "publishers"));
    assertEquals(report.units().size(), rowOrder(dom, "units").size());
    assertEquals(report.expiries().size(), rowOrder(dom, "expiring").size());
    assertEquals(
        TrendRow.of(java.util.Objects.requireNonNull(report.trend())).size(),
        rowOrder(dom, "changes").size());
    assertTrue(dom.contains("Frameworks Inc."), "publishers by name");
    assertTrue(dom.contains("10,800.00"), "grouped amounts");
    assertTrue(
        dom.contains("windows-server (core)") && dom.contains("windows-server (user)"),
        "a chart row per metric");
  }

  @Test
  void sample_screenshot_isKept() throws Exception {
    assumeChromium();
    Path page = page("report.html", Samples.position());
    Path png = OUT.resolve("report.png").toAbsolutePath();
    Files.deleteIfExists(png);
    Run run = chromium(page, "", "--screenshot=" + png, "--window-size=1400,1800");
    assertFalse(run.console().contains("Content Security Policy"), run.console());
    assertTrue(Files.isRegularFile(png), () -> "no screenshot at " + png);
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), "a PNG image");
    assertTrue(bytes.length > 20_000, () -> "a blank page? only " + bytes.length + " bytes");
  }
}
