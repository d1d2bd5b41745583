package io.itam.examples.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.io.json.EstateReader;
import io.itam.io.json.PositionReader;
import io.itam.io.json.PositionWriter;
import io.itam.io.text.PositionTable;
import io.itam.model.Estate;
import io.itam.model.position.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void samplePosition_sameWhateverTheThreads() throws IOException {
    assertEquals(reconcile(1), reconcile(4));
  }
}
