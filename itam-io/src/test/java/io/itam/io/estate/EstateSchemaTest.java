package io.itam.io.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import io.itam.io.Schemas;
import io.itam.model.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every estate document of the repository (the format's examples, the bundled samples, the
 * licence-model libraries, which are estate documents of products and models) and every document
 * {@link EstateWriter} writes is valid against the estate schema; and the schema rejects what it
 * should (unknown fields, wrong types) the way the reader does.
 */
class EstateSchemaTest {
  /** The repository: the parent of the module directory. */
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  static Stream<String> documents() {
    return Stream.of(
        "itam-io/src/test/resources/io/itam/io/estate/estate-format-example.json",
        "itam-io/src/test/resources/io/itam/io/estate/estate-format-example-complete.json",
        "itam-io/src/test/resources/io/itam/io/estate/estate-format-example-canonical.json",
        "examples/data/sample-estate.json",
        "examples/data/swid-demo/base.json",
        "itam-io/src/main/resources/io/itam/io/estate/licence-model-library.json",
        "examples/data/publisher/acme-library.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void document_isValid(String path) {
    assertEquals(List.of(), Schemas.estateErrors(Schemas.read(REPOSITORY.resolve(path))), path);
  }

  /**
   * Written documents are valid. The generator also writes texts with lone surrogates (escaped as
   * JSON allows, read back by itam), which the validator's parser refuses in field names: they are
   * replaced by U+FFFD before validating ({@link Schemas#withoutLoneSurrogates}).
   */
  @Test
  void writtenDocuments_areValid() {
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(200)
        .forAll(EstateGenerator.estates())
        .checkAssert(
            estate ->
                assertEquals(
                    List.of(),
                    Schemas.estateErrors(
                        Schemas.withoutLoneSurrogates(EstateWriter.create().writeString(estate)))));
  }

  @Test
  void aDocumentOfWorkedExamples_isNoEstate() {
    assertFalse(Schemas.estateErrors(resource("vendor-examples/oracle.json")).isEmpty());
  }

  /** What the schema rejects, the strict reader rejects too: a wrong type, an unknown field. */
  @Test
  void invalidShapes_areRejectedByBoth() {
    List<String> documents = new ArrayList<>();
    documents.add("{\"format\": 1, \"asOf\": \"2026-11-27\", \"colour\": \"blue\"}");
    documents.add("{\"format\": 1, \"asOf\": \"27.11.2026\"}");
    documents.add("{\"format\": 2, \"asOf\": \"2026-11-27\"}");
    documents.add("{\"asOf\": \"2026-11-27\"}");
    documents.add(
        "{\"format\": 1, \"asOf\": \"2026-11-27\", \"devices\": [{\"id\": \"pc\", \"kind\":"
            + " \"tablet\"}]}");
    documents.add(
        "{\"format\": 1, \"asOf\": \"2026-11-27\", \"entitlements\": [{\"id\": \"e\","
            + " \"licenseModel\": \"m\", \"quantity\": -1}]}");
    for (String document : documents) {
      assertFalse(Schemas.estateErrors(document).isEmpty(), "the schema rejects " + document);
      boolean rejected;
      try {
        EstateReader.create().read(document);
        rejected = false;
      } catch (ValidationException e) {
        rejected = true;
      }
      assertEquals(true, rejected, "the reader rejects " + document);
    }
  }

  @Test
  void theSchemas_areInTheJarsResources() throws IOException {
    for (String resource : List.of(Schemas.ESTATE, Schemas.POSITION)) {
      Path file = REPOSITORY.resolve("itam-io/src/main/resources" + resource);
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), resourceText(resource));
    }
  }

  private static String resource(String name) {
    return resourceText("/io/itam/io/estate/" + name);
  }

  private static String resourceText(String name) {
    try (InputStream in = EstateSchemaTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
