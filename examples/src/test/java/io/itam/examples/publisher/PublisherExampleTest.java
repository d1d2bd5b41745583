package io.itam.examples.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.io.estate.LicenseModelLibrary;
import io.itam.io.estate.WorkedExamples;
import io.itam.model.Estate;
import io.itam.model.terms.LicenseModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublisherExampleTest {
  private static final Path FOLDER = Path.of("data/publisher");

  @Test
  void theModelsInCodeAndInJsonAreTheSame() throws IOException {
    LicenseModelLibrary library = LicenseModelLibrary.read(FOLDER.resolve("acme-library.json"));
    assertEquals(
        List.of(AcmeAnalyticsModels.enterpriseCore(), AcmeAnalyticsModels.viewer()),
        library.models());
  }

  @Test
  void everyWorkedExampleHolds() throws IOException {
    assertEquals(List.of(), PublisherExample.check(FOLDER));
  }

  @Test
  void theCodeModelsReproduceTheWorkedExamplesToo() throws IOException {
    // The same examples, with the estates' models replaced by the ones written in code.
    LicenseModelLibrary library = LicenseModelLibrary.read(FOLDER.resolve("acme-library.json"));
    WorkedExamples examples =
        WorkedExamples.read(
            FOLDER.resolve("acme-worked-examples.json"),
            EstateReader.create().withLibrary(library));
    assertEquals(5, examples.examples().size());
    for (WorkedExamples.WorkedExample example : examples.examples()) {
      Estate.Builder rebuilt = Estate.builder(example.estate().asOf());
      Estate original = example.estate();
      rebuilt.currency(original.currency());
      rebuilt.addAll(original.organization()).addAll(original.products());
      for (LicenseModel model : original.licenseModels()) {
        LicenseModel template =
            model.id().equals("core")
                ? AcmeAnalyticsModels.enterpriseCore()
                : AcmeAnalyticsModels.viewer();
        rebuilt.add(template.toBuilder(model.id(), model.product()).build());
      }
      rebuilt
          .addAll(original.entitlements())
          .addAll(original.clusters())
          .addAll(original.devices());
      rebuilt.addAll(original.users()).addAll(original.installations()).addAll(original.access());
      Estate estate = rebuilt.build();
      assertEquals(original, estate, example.id());
      assertEquals(
          List.of(), example.mismatches(Reconciler.create().reconcile(estate)), example.id());
    }
  }

  @Test
  void aWrongExpectationIsReported() throws IOException {
    LicenseModelLibrary library = LicenseModelLibrary.read(FOLDER.resolve("acme-library.json"));
    WorkedExamples examples =
        WorkedExamples.read(
            FOLDER.resolve("acme-worked-examples.json"),
            EstateReader.create().withLibrary(library));
    WorkedExamples.WorkedExample first = examples.examples().get(0);
    WorkedExamples.WorkedExample wrong =
        new WorkedExamples.WorkedExample(
            first.id(),
            first.text(),
            first.estate(),
            Boolean.TRUE,
            List.of(
                new WorkedExamples.Expectation("analytics", "core", 9L, null, null, null, null)));
    List<String> mismatches = wrong.check(Reconciler.create()::reconcile);
    assertFalse(mismatches.isEmpty());
    assertTrue(mismatches.toString().contains("required expected 9, was 8"), mismatches.toString());
    assertTrue(mismatches.toString().contains("expected compliant true"), mismatches.toString());
  }
}
