package io.itam.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

  @Test
  void fromFile_readsTheSampleEstate() throws IOException {
    Position position = EmbeddingExample.fromFile(Path.of("data/sample-estate.json"));
    assertFalse(position.compliant());
    assertEquals("EUR", position.currency());
  }
}
