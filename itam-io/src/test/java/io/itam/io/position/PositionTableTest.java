package io.itam.io.position;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.io.position.PositionTable.Detail;
import io.itam.model.position.Accounting;
import io.itam.model.position.Allocation;
import io.itam.model.position.Exempt;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Remedy;
import io.itam.model.position.Shortfall;
import io.itam.model.position.SolverNote;
import io.itam.model.position.Summary;
import io.itam.model.terms.MetricType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden texts: one file {@code <name>.txt} in this package's test resources per case of {@link
 * #cases()}, compared exactly. To rewrite them after a deliberate change, run the tests with {@code
 * -Ditam.golden.update=true} from the module directory and review the diff.
 */
class PositionTableTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
  private static final String GOLDEN_DIR = "src/test/resources/io/itam/io/position/text/";

  /**
   * Not compliant, in EUR: a site licence, a product no model covers, an unpriced remedy, long
   * reasons (one with a line break), a solver note and every list filled.
   */
  static Position notCompliant() {
    return new Position(
        1,
        AS_OF,
        "EUR",
        false,
        new Summary(new BigDecimal("14344.00"), new BigDecimal("23100"), 3, 4, 3, 3, 2, 1, 2),
        List.of(
            new LicensePosition(
                "office-pro-device",
                List.of("PO-1002/1"),
                MetricType.DEVICE,
                250,
                195,
                55,
                new BigDecimal("23100"),
                false),
            new LicensePosition(
                "site-av", List.of("PO-1003/1"), MetricType.SITE, 10, 10, 0, BigDecimal.ZERO, true),
            new LicensePosition(
                "sql-ent-core",
                List.of("PO-1001/1"),
                MetricType.CORE,
                32,
                32,
                0,
                new BigDecimal("0.00"),
                false)),
        List.of(
            new ProductPosition("office-pro", "office-pro-device", 195, 195, 0, null, null),
            new ProductPosition(
                "project", "project-user", 5, 0, 5, null, new Remedy("project-user", 5, 5, null)),
            new ProductPosition(
                "sqlserver",
                "sql-ent-core",
                36,
                32,
                4,
                new BigDecimal("14344"),
                new Remedy("sql-ent-core", 2, 4, new BigDecimal("14344"))),
            new ProductPosition("visio", null, 1, 0, 1, null, null)),
        List.of(
            new Allocation(
                "pc-0002",
                "office-pro",
                "office-pro-device",
                "PO-1002/1",
                1,
                "device: 1 device with an installation of office-pro 2021"),
            new Allocation(
                "vm-sql-01",
                "sqlserver",
                "sql-ent-core",
                "PO-1001/1",
                8,
                "pinned allocation; per-vm: 8 vCPUs, minimum 4; edition downgrade"
                    + " Enterprise→Standard; version downgrade 2022→2019; maintenance until"
                    + " 2026-12-31 covers the release of 2022"),
            new Allocation(
                "ws-0001",
                "av",
                "site-av",
                "PO-1003/1",
                1,
                "site: unlimited within acme\nscope acme covers unit acme-de")),
        List.of(
            new Shortfall(
                "esx-02",
                "sqlserver",
                4,
                "sql-ent-core",
                "core: 2 processors × 16 cores = 32 cores, minimum 4 per processor; 28 covered by"
                    + " PO-1001/1, which is fully consumed (32 of 32); PO-1004/1 is out of scope"
                    + " (acme-us does not contain acme-de)"),
            new Shortfall(
                "pc-0007",
                "visio",
                1,
                null,
                "no licence model covers visio: nothing can be bought for it"),
            new Shortfall(
                "u-0042", "project", 5, "project-user", "user: 5 named users; no entitlement")),
        List.of(new Exempt("pc-0001", "office-pro", "test lab, covered by MSDN", 1)),
        List.of(
            new Rejected(
                "entitlement",
                "PO-0999/1",
                "sql-ent-core",
                "expired on 2025-12-31, before the as-of date 2026-11-27; renew it or remove it"
                    + " from the estate"),
            new Rejected("installation", "pc-0003", "visio", "installed after the as-of date")),
        List.of(
            new SolverNote(
                "office-pro-device, sql-ent-core",
                "greedy by cheapest remedy after 2000 branch-and-bound nodes",
                new BigDecimal("14344"),
                new BigDecimal("7172.5"),
                new BigDecimal("7171.5"))),
        List.of(
            new Accounting("installations", 12, 9, 1, 2),
            new Accounting("access", 3, 3, 0, 0),
            new Accounting("usage", 0, 0, 0, 0)));
  }

  /** Compliant, in yen (no minor digits): nothing short, nothing rejected, no notes. */
  static Position compliant() {
    return new Position(
        1,
        AS_OF,
        "JPY",
        true,
        new Summary(BigDecimal.ZERO, new BigDecimal("12000"), 1, 1, 2, 0, 0, 0, 0),
        List.of(
            new LicensePosition(
                "acrobat-user",
                List.of("PO-1/1", "PO-2/1"),
                MetricType.USER,
                5,
                2,
                3,
                new BigDecimal("12000"),
                false)),
        List.of(new ProductPosition("acrobat", "acrobat-user", 2, 2, 0, BigDecimal.ZERO, null)),
        List.of(
            new Allocation("u-1", "acrobat", "acrobat-user", "PO-1/1", 1, "user: primary user"),
            new Allocation("u-2", "acrobat", "acrobat-user", "PO-1/1", 1, "user: primary user")),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(new Accounting("installations", 2, 2, 0, 0)));
  }

  /** Every golden case: file name (without {@code .txt}) → position and table. */
  static Map<String, Case> cases() {
    Map<String, Case> cases = new TreeMap<>();
    for (Detail detail : Detail.values()) {
      String level = detail.name().toLowerCase(java.util.Locale.ROOT);
      cases.put(
          "not-compliant-" + level,
          new Case(notCompliant(), PositionTable.create().withDetail(detail)));
      cases.put(
          "compliant-" + level, new Case(compliant(), PositionTable.create().withDetail(detail)));
    }
    cases.put(
        "not-compliant-all-width-60",
        new Case(notCompliant(), PositionTable.create().withDetail(Detail.ALL).withWidth(60)));
    return cases;
  }

  record Case(Position position, PositionTable table) {}

  static Stream<String> caseNames() {
    return cases().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseNames")
  void render_golden(String name) throws IOException {
    Case c = cases().get(name);
    String text = c.table().render(c.position());
    if (Boolean.getBoolean("itam.golden.update")) {
      Files.writeString(Paths.get(GOLDEN_DIR + name + ".txt"), text, UTF_8);
    }
    assertEquals(golden(name + ".txt"), text);
  }

  @Test
  void goldenFiles_haveNoOrphans() throws URISyntaxException, IOException {
    URL dir = PositionTableTest.class.getResource("text");
    assertNotNull(dir);
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(Paths.get(dir.toURI()))) {
      list.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".txt"))
          .forEach(f -> files.add(f.substring(0, f.length() - ".txt".length())));
    }
    assertEquals(new TreeSet<>(cases().keySet()), files);
  }

  @Test
  void render_everyCase_hasCleanLines() {
    cases()
        .forEach(
            (name, c) -> {
              String text = c.table().render(c.position());
              assertTrue(text.endsWith("\n"), name);
              assertFalse(text.contains("\r"), name);
              assertFalse(text.contains("\u001B"), name);
              for (String line : text.split("\n", -1)) {
                assertFalse(
                    line.endsWith(" "), () -> name + ": trailing space in \"" + line + "\"");
              }
            });
  }

  @Test
  void render_notCompliantAtDefaultWidth_fitsTheWidth() {
    for (Detail detail : Detail.values()) {
      String text = PositionTable.create().withDetail(detail).render(notCompliant());
      for (String line : text.split("\n")) {
        assertTrue(
            line.codePointCount(0, line.length()) <= PositionTable.DEFAULT_WIDTH,
            () -> "longer than 120: " + line);
      }
    }
  }

  /**
   * The sample's report (names, breakdowns, trend) fits every width from 80 up, at every detail.
   */
  @Test
  void render_sampleReportFrom80Columns_fitsTheWidth() {
    PositionReport report = Samples.report();
    for (int width = 80; width <= 160; width += 10) {
      for (Detail detail : Detail.values()) {
        String text = PositionTable.create().withWidth(width).withDetail(detail).render(report);
        for (String line : text.split("\n")) {
          int w = width;
          assertTrue(
              line.codePointCount(0, line.length()) <= width,
              () -> "longer than " + w + " (" + detail + "): " + line);
        }
      }
    }
  }

  @Test
  void render_toAppendable_isTheSameText() throws IOException {
    PositionTable table = PositionTable.create().withDetail(Detail.ALL);
    StringBuilder text = new StringBuilder();
    table.render(notCompliant(), text);
    assertEquals(table.render(notCompliant()), text.toString());
  }

  @Test
  void render_appendableThatFails_throws() {
    Writer failing =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    IOException e =
        assertThrows(IOException.class, () -> PositionTable.create().render(compliant(), failing));
    assertEquals("disk full", e.getMessage());
  }

  @Test
  void render_withoutCurrency_usesTwoDigitsAndSaysSo() {
    Position p =
        new Position(
            1,
            AS_OF,
            null,
            false,
            new Summary(new BigDecimal("7.5"), BigDecimal.ZERO, 0, 1, 0, 1, 0, 0, 0),
            List.of(),
            List.of(
                new ProductPosition(
                    "notepad",
                    "notepad-device",
                    3,
                    0,
                    3,
                    new BigDecimal("7.5"),
                    new Remedy("notepad-install", 3, 7, new BigDecimal("7.5")))),
            List.of(),
            List.of(new Shortfall("pc-1", "notepad", 3, "notepad-device", "no entitlement")),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    String text = PositionTable.create().withDetail(Detail.SUMMARY).render(p);
    assertEquals(
        String.join(
            "\n",
            "EFFECTIVE LICENCE POSITION",
            "as of           2026-11-27",
            "currency        none (no prices)",
            "status          NOT COMPLIANT",
            "shortfall cost  7.50",
            "surplus value   0.00",
            "counts          0 licences, 1 product, 0 allocations, 1 shortfall, 0 exempt, 0 rejected",
            "",
            "LICENCES: none",
            "",
            "PRODUCTS (1)",
            "product  model           required  covered  shortfall  cost  remedy",
            "-------  --------------  --------  -------  ---------  ----  "
                + "----------------------------------",
            "notepad  notepad-device         3        0          3  7.50  buy 3 packs = 7 of"
                + " notepad-install",
            ""),
        text);
  }

  @Test
  void render_controlCharactersInValues_areEscaped() {
    Position p =
        new Position(
            1,
            AS_OF,
            "EUR",
            false,
            new Summary(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 1, 0, 0, 0),
            List.of(),
            List.of(),
            List.of(),
            List.of(new Shortfall("pc\n1", "a\u001B[31mb", 1, null, "line one\r\nline\ttwo\u0007")),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    String text = PositionTable.create().render(p);
    assertTrue(
        text.contains(
            String.join(
                "\n",
                "SHORTFALLS (1)",
                "consumer  product       units  model  reason",
                "--------  ------------  -----  -----  --------------",
                "pc\\n1     a\\u001B[31mb      1  —      line one",
                "                                      line two\\u0007",
                "")),
        text);
  }

  @Test
  void withWidth_belowMinimum_throwsNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PositionTable.create().withWidth(39));
    assertEquals("width: must be at least 40, was 39", e.getMessage());
  }

  @Test
  void create_isTheDefault() {
    PositionTable table = PositionTable.create();
    assertEquals(PositionTable.DEFAULT_WIDTH, table.width());
    assertEquals(Detail.SHORTFALLS, table.detail());
    assertEquals(table, PositionTable.create().withWidth(120).withDetail(Detail.SHORTFALLS));
    assertEquals(table.hashCode(), PositionTable.create().withWidth(120).hashCode());
  }

  private static String golden(String name) {
    try (InputStream in = PositionTableTest.class.getResourceAsStream("text/" + name)) {
      assertNotNull(
          in, () -> "missing golden file " + name + "; run with -Ditam.golden.update=true");
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
