package io.itam.io.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.ValidationException;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.VirtualizationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseModelLibraryTest {
  private static final LicenseModelLibrary LIBRARY = LicenseModelLibrary.bundled();

  @Test
  void bundled_everyModelNamesItsRulesAndTitle() {
    assertEquals(20, LIBRARY.models().size());
    for (LicenseModel model : LIBRARY.models()) {
      assertNotNull(model.title(), model.id());
      assertFalse(model.rules().isEmpty(), model.id());
      assertNotNull(LIBRARY.productOf(model.id()), model.id());
    }
  }

  @Test
  void use_givesTheTermsAnEstateIdAndProduct() {
    LicenseModel ws = LIBRARY.use("microsoft/windows-server-standard-core", "ws-std", "windows");
    assertEquals("ws-std", ws.id());
    assertEquals("windows", ws.product());
    assertEquals("Standard", ws.edition());
    assertEquals(MetricType.CORE, ws.metric().type());
    assertEquals(8, ws.metric().minimumPerProcessor());
    assertEquals(16, ws.metric().minimumPerDevice());
    assertEquals(VirtualizationMode.HOST_PER_VM_SET, ws.virtualization().mode());
    assertEquals(2, ws.virtualization().vmsPerSet());
    assertTrue(ws.rules().contains("WS-04"));
    assertThrows(IllegalArgumentException.class, () -> LIBRARY.use("nope", "x", "y"));
  }

  @Test
  void basedOn_fieldsGivenOverrideTheTemplate() {
    Estate estate =
        EstateReader.create()
            .read(
                """
                {"format": 1, "asOf": "2026-11-27",
                 "products": [{"id": "ora", "editions": ["Standard Edition 2", "Enterprise Edition"]}],
                 "licenseModels": [
                   {"id": "ee", "basedOn": "oracle/database-enterprise-processor", "product": "ora"},
                   {"id": "ee-agg", "basedOn": "oracle/database-enterprise-processor", "product": "ora",
                    "metric": {"type": "core", "coreFactors": "oracle", "rounding": "aggregate"},
                    "title": "ours"}]}
                """);
    LicenseModel ee = estate.licenseModels().get(0);
    LicenseModel agg = estate.licenseModels().get(1);
    assertEquals(LIBRARY.use("oracle/database-enterprise-processor", "ee", "ora"), ee);
    assertEquals("aggregate", agg.metric().rounding().id());
    assertEquals("ours", agg.title());
    assertEquals(ee.virtualization(), agg.virtualization(), "not given: kept from the template");
    assertEquals(ee.rules(), agg.rules());
  }

  @Test
  void basedOn_unknownTemplate_isAProblemAtItsPath() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                EstateReader.create()
                    .read(
                        """
                        {"format": 1, "asOf": "2026-11-27", "products": [{"id": "p"}],
                         "licenseModels": [{"id": "m", "basedOn": "acme/nothing", "product": "p"}]}
                        """));
    assertEquals(
        List.of(
            "licenseModels[0].basedOn: unknown library model \"acme/nothing\" (the bundled library"
                + " lists its models in docs/library.md)"),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void basedOn_templateEditionMustExistInTheEstatesProduct() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                EstateReader.create()
                    .read(
                        """
                        {"format": 1, "asOf": "2026-11-27", "products": [{"id": "ws"}],
                         "licenseModels": [{"id": "m", "basedOn": "microsoft/windows-server-standard-core", "product": "ws"}]}
                        """));
    assertEquals(
        "licenseModels[0].edition: product \"ws\" declares no editions",
        e.problems().get(0).toString());
  }

  @Test
  void writtenEstatesSpellTheTemplateOut_andReadBackEqual() {
    Estate estate =
        EstateReader.create()
            .read(
                """
                {"format": 1, "asOf": "2026-11-27", "products": [{"id": "vcf"}],
                 "licenseModels": [{"id": "v", "basedOn": "vmware/vcf-core", "product": "vcf"}]}
                """);
    String json = EstateWriter.create().writeString(estate);
    assertFalse(json.contains("basedOn"), json);
    assertTrue(json.contains("\"minimumPerProcessor\": 16"), json);
    assertEquals(estate, EstateReader.create().read(json));
  }
}
