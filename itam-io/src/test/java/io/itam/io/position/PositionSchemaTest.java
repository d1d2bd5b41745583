package io.itam.io.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import io.itam.io.Schemas;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every position document of the repository (the goldens, the sample's position) and every document
 * {@link PositionWriter} writes is valid against the position schema.
 */
class PositionSchemaTest {
  private static final Path REPOSITORY = Samples.repository();

  static Stream<String> documents() {
    return Stream.of(
        "itam-io/src/test/resources/io/itam/io/position/position-golden.json",
        "itam-io/src/test/resources/io/itam/io/position/position-minimal-golden.json",
        "examples/src/test/resources/io/itam/examples/sample/sample-position.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void document_isValid(String path) {
    assertEquals(List.of(), Schemas.positionErrors(Schemas.read(REPOSITORY.resolve(path))), path);
  }

  @Test
  void writtenDocuments_areValid() {
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(200)
        .forAll(PositionGenerator.positions())
        .checkAssert(
            position ->
                assertEquals(
                    List.of(),
                    Schemas.positionErrors(
                        Schemas.withoutLoneSurrogates(
                            PositionWriter.create().writeString(position)))));
  }

  @Test
  void theSampleReconciledWithLessDetail_isValid() {
    assertEquals(
        List.of(),
        Schemas.positionErrors(PositionWriter.create().writeString(Samples.report().position())));
  }

  @Test
  void anEstate_isNoPosition() {
    assertFalse(
        Schemas.positionErrors(Schemas.read(REPOSITORY.resolve("examples/data/sample-estate.json")))
            .isEmpty());
  }
}
