package io.itam.examples.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.io.position.PositionReader;
import io.itam.io.position.PositionTable;
import io.itam.io.position.PositionWriter;
import io.itam.model.Estate;
import io.itam.model.position.Accounting;
import io.itam.model.position.Exempt;
import io.itam.model.position.Position;
import io.itam.model.position.Rejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample estate in, the expected position out: compared as a position (canonically) and
 * as the exact bytes of the JSON document and of the table. After a deliberate change, regenerate
 * with {@code mvn test -pl examples -Dtest=SampleEstateGoldenTest -Ditam.golden.update=true} and
 * review the diff.
 */
class SampleEstateGoldenTest {
  private static final Path SAMPLE = Path.of("data/sample-estate.json");
  private static final Path GOLDEN = Path.of("src/test/resources/io/itam/examples/sample");
  private static final boolean UPDATE = Boolean.getBoolean("itam.golden.update");

  private static Position reconcile(int threads) throws IOException {
    Estate estate = EstateReader.create().read(SAMPLE);
    return Reconciler.create(ReconcileOptions.DEFAULTS.withThreads(threads)).reconcile(estate);
  }

  @Test
  void samplePosition_json() throws IOException {
    Position position = reconcile(1);
    String json = PositionWriter.create().writeString(position);
    Path golden = GOLDEN.resolve("sample-position.json");
    if (UPDATE) {
      Files.writeString(golden, json, UTF_8);
    }
    String expected = Files.readString(golden, UTF_8);
    assertEquals(PositionReader.create().read(expected), position, "canonical comparison");
    assertEquals(expected, json, "byte for byte");
  }

  @Test
  void samplePosition_table() throws IOException {
    String table = PositionTable.create().withDetail(PositionTable.Detail.ALL).render(reconcile(1));
    Path golden = GOLDEN.resolve("sample-position.txt");
    if (UPDATE) {
      Files.writeString(golden, table, UTF_8);
    }
    assertEquals(Files.readString(golden, UTF_8), table);
  }

  /**
   * Issue 6, "Nothing lost", on the sample: every installation, access and usage record is in the
   * accounting as counted, exempt or rejected, every rejected record has its row with a reason and
   * every exempt record is in an exemption's row. (The independent recount from the estate is
   * {@code AccountingProperties} in itam-compliance, on random and generated estates.)
   */
  @Test
  void samplePosition_accountsForEveryRecord() throws IOException {
    Estate estate = EstateReader.create().read(SAMPLE);
    Position position = Reconciler.create().reconcile(estate);
    Map<String, Accounting> byKind = new HashMap<>();
    position.accounting().forEach(a -> byKind.put(a.record(), a));
    assertEquals(Set.of("installations", "access", "usage"), byKind.keySet());
    assertEquals(estate.installations().size(), byKind.get("installations").total());
    assertEquals(estate.access().size(), byKind.get("access").total());
    assertEquals(estate.usage().size(), byKind.get("usage").total());
    assertTrue(estate.installations().size() > 0 && estate.access().size() > 0);
    for (Accounting a : position.accounting()) {
      assertEquals(a.total(), a.counted() + a.exempt() + a.rejected(), a.toString());
    }
    Map<String, Long> rejectedRows =
        position.rejected().stream()
            .collect(Collectors.groupingBy(Rejected::record, Collectors.counting()));
    assertEquals(
        byKind.get("installations").rejected(), rejectedRows.getOrDefault("installation", 0L));
    assertEquals(byKind.get("access").rejected(), rejectedRows.getOrDefault("access", 0L));
    assertEquals(byKind.get("usage").rejected(), rejectedRows.getOrDefault("usage", 0L));
    position.rejected().forEach(r -> assertFalse(r.reason().isBlank(), r.toString()));
    assertEquals(
        byKind.get("installations").exempt() + byKind.get("access").exempt(),
        position.exempt().stream().mapToLong(Exempt::records).sum());
  }

  @Test
  void samplePosition_sameWhateverTheThreads() throws IOException {
    assertEquals(reconcile(1), reconcile(4));
  }
}
