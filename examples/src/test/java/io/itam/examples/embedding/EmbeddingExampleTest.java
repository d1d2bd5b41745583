package io.itam.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.position.Position;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {
  @Test
  void inCode_oneVisioShort() {
    Position position = EmbeddingExample.inCode();
    assertFalse(position.compliant());
    assertEquals(1, position.shortfalls().size());
    assertEquals("pc-2", position.shortfalls().get(0).consumer());
    assertEquals(0, new BigDecimal("610.00").compareTo(position.summary().shortfallCost()));
  }

  /** The README shows the snippet's output: it must be what the snippet prints. */
  @Test
  void inCode_printsWhatTheReadmeSays() throws IOException {
    Position position = EmbeddingExample.inCode();
    String printed =
        position.shortfalls().get(0).consumer() + ": " + position.shortfalls().get(0).reason();
    assertEquals(
        "pc-2: device metric: 1 device (1 record); not covered: PO-1 fully consumed (1 of 1)",
        printed);
    String readme = java.nio.file.Files.readString(Path.of("../README.md"));
    assertTrue(readme.contains("prints `" + printed + "`"), "README.md quotes the output");
  }

  @Test
  void fromFile_readsTheSampleEstate() throws IOException {
    Position position = EmbeddingExample.fromFile(Path.of("data/sample-estate.json"));
    assertFalse(position.compliant());
    assertEquals("EUR", position.currency());
  }
}
