package io.itam.io.position;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.position.Position;
import io.itam.model.position.PositionDiff;
import io.itam.model.position.PositionDiff.Change;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden diffs of the sample estate against a later month in which the licence manager changed
 * things: two Visio Professional licences ({@code PO-2022-008/2}) were retired, the CAD floating
 * licences ({@code PO-2025-033/1}) were raised from 5 to 7, 24 Windows Server Standard cores were
 * bought ({@code PO-2026-200/1}) and an expired Windows Server quote was filed ({@code
 * PO-2020-001/1}, rejected). Both positions are reconciled from the estate here, so the diff shows
 * exactly these edits. One file per rendering ({@code sample.txt}, {@code sample.json}); to rewrite
 * them after a deliberate change, run the tests with {@code -Ditam.golden.update=true} from the
 * module directory and review the diff.
 */
class PositionDiffGoldenTest {
  private static final Path GOLDEN_DIR = Paths.get("src/test/resources/io/itam/io/position/diff");

  private static Position before;
  private static Position after;

  static Position before() {
    if (before == null) {
      before = Reconciler.create().reconcile(sampleEstate());
    }
    return before;
  }

  static Position after() {
    if (after == null) {
      after = Reconciler.create().reconcile(laterEstate(sampleEstate()));
    }
    return after;
  }

  /** The repository's root: the first directory up from here that holds the sample estate. */
  static Path repository() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("examples/data/sample-estate.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no examples/data/sample-estate.json above " + Paths.get(""));
  }

  static Estate sampleEstate() {
    try {
      return EstateReader.create().read(repository().resolve("examples/data/sample-estate.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample a month later (see the class comment). */
  static Estate laterEstate(Estate sample) {
    List<Entitlement> entitlements = new ArrayList<>();
    for (Entitlement e : sample.entitlements()) {
      if (e.id().equals("PO-2022-008/2")) {
        continue;
      }
      if (e.id().equals("PO-2025-033/1")) {
        e =
            new Entitlement(
                e.id(),
                e.licenseModel(),
                7,
                e.scope(),
                e.validFrom(),
                e.validUntil(),
                e.maintenanceUntil(),
                e.unitPrice(),
                e.reference());
      }
      entitlements.add(e);
    }
    entitlements.add(
        Entitlement.builder("PO-2026-200/1", "ws-std")
            .quantity(24)
            .validFrom(LocalDate.parse("2026-11-01"))
            .unitPrice(Money.of("110.00", "EUR"))
            .build());
    entitlements.add(
        Entitlement.builder("PO-2020-001/1", "ws-std")
            .quantity(16)
            .validFrom(LocalDate.parse("2020-01-01"))
            .validUntil(LocalDate.parse("2020-12-31"))
            .unitPrice(Money.of("98.00", "EUR"))
            .reference("quote, expired")
            .build());
    return Estate.builder(sample.asOf())
        .format(sample.format())
        .currency(sample.currency())
        .addAll(sample.organization())
        .addAll(sample.products())
        .addAll(sample.licenseModels())
        .addAll(entitlements)
        .addAll(sample.clusters())
        .addAll(sample.devices())
        .addAll(sample.users())
        .addAll(sample.installations())
        .addAll(sample.access())
        .addAll(sample.usage())
        .addAll(sample.allocations())
        .addAll(sample.exemptions())
        .build();
  }

  /** Every golden file of this package → how it is rendered from the diff. */
  static Map<String, Function<PositionDiff, String>> cases() {
    Map<String, Function<PositionDiff, String>> cases = new TreeMap<>();
    cases.put("sample.txt", d -> PositionDiffTable.create().render(d));
    cases.put("sample.json", d -> PositionDiffJson.create().writeString(d));
    return cases;
  }

  static Stream<String> caseNames() {
    return cases().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseNames")
  void sample_matchesGolden(String name) throws IOException {
    String text = cases().get(name).apply(PositionDiff.between(before(), after()));
    if (Boolean.getBoolean("itam.golden.update")) {
      Files.createDirectories(GOLDEN_DIR);
      Files.writeString(GOLDEN_DIR.resolve(name), text, UTF_8);
    }
    assertEquals(golden(name), text);
  }

  @Test
  void goldenFiles_haveNoOrphans() throws URISyntaxException, IOException {
    URL dir = PositionDiffGoldenTest.class.getResource("diff");
    assertNotNull(dir);
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(Paths.get(dir.toURI()))) {
      list.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(f -> !f.endsWith(".class"))
          .forEach(files::add);
    }
    assertEquals(new TreeSet<>(cases().keySet()), files);
  }

  @Test
  void between_sampleEdits_showEveryKindOfChange() {
    PositionDiff diff = PositionDiff.between(before(), after());
    assertFalse(diff.isEmpty());
    for (Change change : Change.values()) {
      assertTrue(
          diff.shortfalls().stream().anyMatch(s -> s.change() == change), "shortfall " + change);
    }
    assertTrue(diff.products().stream().anyMatch(p -> p.change() == Change.CHANGED));
    assertTrue(diff.licences().stream().anyMatch(l -> l.change() == Change.ADDED));
    assertTrue(diff.licences().stream().anyMatch(l -> l.change() == Change.CHANGED));
    assertTrue(diff.allocations().stream().anyMatch(a -> a.change() == Change.ADDED));
    assertTrue(diff.allocations().stream().anyMatch(a -> a.change() == Change.REMOVED));
    assertTrue(diff.rejected().stream().anyMatch(r -> r.change() == Change.ADDED));
  }

  @Test
  void between_theSampleDocumentAndItself_isEmpty() throws IOException {
    Position document =
        PositionReader.create()
            .read(
                repository()
                    .resolve(
                        "examples/src/test/resources/io/itam/examples/sample/sample-position.json"));
    PositionDiff diff = PositionDiff.between(document, document);
    assertTrue(diff.isEmpty(), () -> PositionDiffTable.create().render(diff));
    assertEquals(
        "POSITION CHANGES", PositionDiffTable.create().render(diff).lines().findFirst().get());
  }

  private static String golden(String name) {
    try (InputStream in = PositionDiffGoldenTest.class.getResourceAsStream("diff/" + name)) {
      assertNotNull(
          in, () -> "missing golden file " + name + "; run with -Ditam.golden.update=true");
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
