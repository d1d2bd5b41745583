package io.itam.io.inventory.cyclonedx;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.Reconciler;
import io.itam.io.inventory.Iso19770Fixtures;
import io.itam.io.inventory.ProductMapping;
import io.itam.io.position.PositionCycloneDx;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycloneDxLicensingTest {
  private static final String JSON_16 = "valid-license-licensing-1.6.json";
  private static final String XML_16 = "valid-license-licensing-1.6.xml";
  private static final String JSON_17 = "valid-license-expression-with-licensing-1.7.json";

  private static final Estate ESTATE =
      Estate.builder(LocalDate.parse("2026-11-27"))
          .currency("EUR")
          .unit("acme")
          .add(Product.of("crypto", "Acme Inc", "cryptographic-provider"))
          .add(Product.of("visio", "Microsoft", "Visio"))
          .add(
              LicenseModel.builder("crypto-appliance", "crypto")
                  .metric(Metric.of(MetricType.DEVICE))
                  .build())
          .add(
              LicenseModel.builder("visio-device", "visio")
                  .metric(Metric.of(MetricType.DEVICE))
                  .title("Visio Professional, per device")
                  .build())
          .add(
              Entitlement.builder("PO-1/1", "visio-device")
                  .quantity(2)
                  .validFrom(LocalDate.parse("2025-01-01"))
                  .maintenanceUntil(LocalDate.parse("2027-12-31"))
                  .unitPrice(Money.of("610.00", "EUR"))
                  .reference("INV-7")
                  .build())
          .add(
              Entitlement.builder("PO-1/2", "visio-device")
                  .quantity(1)
                  .validFrom(LocalDate.parse("2026-01-01"))
                  .validUntil(LocalDate.parse("2026-12-31"))
                  .build())
          .add(Entitlement.builder("PO-2", "crypto-appliance").quantity(1).scope("acme").build())
          .add(Device.desktop("pc-1", "acme", null))
          .add(Device.desktop("pc-2", "acme", null))
          .add(Installation.of("pc-1", "visio"))
          .add(Installation.of("pc-2", "visio"))
          .add(Installation.of("pc-1", "crypto"))
          .build();

  /** The catalogue alone: products and models, no entitlements. */
  private static final Estate CATALOGUE =
      Estate.builder(ESTATE.asOf())
          .currency("EUR")
          .unit("acme")
          .addAll(ESTATE.products())
          .addAll(ESTATE.licenseModels())
          .build();

  private static byte[] fixture(String name) {
    return Iso19770Fixtures.bytes("cyclonedx/" + name);
  }

  private static byte[] resource(String name) {
    try (InputStream in =
        CycloneDxLicensingTest.class.getResourceAsStream("/io/itam/io/position/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CycloneDxEntitlements read(byte[] bom, String source) {
    return CycloneDxLicensing.readEntitlements(
        bom, source, CATALOGUE, ProductMapping.automatic(CATALOGUE.products()));
  }

  private static CycloneDxEntitlements read(String bom) {
    return read(bom.getBytes(UTF_8), "bom.json");
  }

  private static List<String> problems(String bom) {
    ValidationException e = assertThrows(ValidationException.class, () -> read(bom));
    return e.problems().stream().map(Problem::toString).toList();
  }

  /** A 1.6 BOM with one component whose licence has {@code licensing} and {@code properties}. */
  private static String bom(String licensing, String properties) {
    return """
        {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
         "components": [{"type": "library", "publisher": "Acme Inc", "name": "cryptographic-provider",
           "version": "2.2.0",
           "licenses": [{"license": {"name": "Acme Commercial License",
             "licensing": %s, "properties": [%s]}}]}]}
        """
        .formatted(licensing, properties);
  }

  // ---- the fixtures ----------------------------------------------------------------------------

  @Test
  void readEntitlements_fixturesWithoutQuantity_areSkippedWithWhatTheySay() {
    String licensing =
        "purchase order PO-12345, licensor Acme Inc, licensee Example Co., types appliance, last"
            + " renewed 2022-04-13T20:20:39+00:00, expires 2023-04-13T20:20:39+00:00";
    String why = "no quantity: CycloneDX licensing has none; add the property itam:quantity";
    CycloneDxEntitlements json = read(fixture(JSON_16), JSON_16);
    assertEquals(List.of(), json.entitlements());
    assertEquals(
        List.of(
            new SkippedLicence(
                JSON_16 + ":components[0].licenses[0]",
                "cryptographic-provider",
                "2.2.0",
                "Acme Commercial License",
                licensing,
                why)),
        json.skipped());
    CycloneDxEntitlements xml = read(fixture(XML_16), XML_16);
    assertEquals(
        List.of(
            new SkippedLicence(
                XML_16 + ":10:51",
                "cryptographic-provider",
                "2.2.0",
                "Acme Commercial License",
                licensing,
                why)),
        xml.skipped());
    CycloneDxEntitlements expression = read(fixture(JSON_17), JSON_17);
    assertEquals(
        List.of(
            new SkippedLicence(
                JSON_17 + ":components[0].licenses[0]",
                "cryptographic-provider",
                "2.2.0",
                "LicenseRef-AcmeCommercialLicense",
                licensing,
                why)),
        expression.skipped());
  }

  @Test
  void readEntitlements_fixturesWithAQuantity_becomeEntitlements() {
    Entitlement expected =
        Entitlement.builder("PO-12345", "crypto-appliance")
            .quantity(25)
            .validFrom(LocalDate.parse("2022-04-13"))
            .validUntil(LocalDate.parse("2023-04-13"))
            .reference("PO-12345")
            .build();
    String property = "{\"name\": \"itam:quantity\", \"value\": \"25\"}";
    String json16 = new String(fixture(JSON_16), UTF_8);
    String withQuantity =
        json16.replace(
            "\"type\": \"library\",", "\"type\": \"library\", \"properties\": [" + property + "],");
    assertEquals(List.of(expected), read(withQuantity.getBytes(UTF_8), JSON_16).entitlements());
    String xml =
        new String(fixture(XML_16), UTF_8)
            .replace(
                "</licensing>",
                "</licensing><properties><property name=\"itam:quantity\">25</property></properties>");
    CycloneDxEntitlements fromXml = read(xml.getBytes(UTF_8), XML_16);
    assertEquals(List.of(expected), fromXml.entitlements());
    assertEquals(List.of(XML_16 + ":10:51"), fromXml.sources());
    String json17 =
        new String(fixture(JSON_17), UTF_8)
            .replace("\"licensing\": {", "\"properties\": [" + property + "], \"licensing\": {");
    assertEquals(List.of(expected), read(json17.getBytes(UTF_8), JSON_17).entitlements());
  }

  @Test
  void readEntitlements_the17XmlForm() {
    String xml =
        """
        <?xml version="1.0"?>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.7" version="1">
          <components><component type="library">
            <publisher>Acme Inc</publisher><name>cryptographic-provider</name>
            <licenses>
              <expression-detailed bom-ref="acme-license-1" expression="LicenseRef-Acme">
                <licensing><licenseTypes><licenseType>perpetual</licenseType></licenseTypes>
                  <expiration>2027-06-30T00:00:00-05:00</expiration></licensing>
              </expression-detailed>
            </licenses>
            <properties><property name="itam:quantity">3</property></properties>
          </component></components>
        </bom>
        """;
    assertEquals(
        List.of(
            Entitlement.builder("acme-license-1", "crypto-appliance")
                .quantity(3)
                .maintenanceUntil(LocalDate.parse("2027-06-30"))
                .build()),
        read(xml.getBytes(UTF_8), "bom.xml").entitlements());
  }

  // ---- properties and inference
  // ------------------------------------------------------------------

  @Test
  void readEntitlements_everyProperty() {
    CycloneDxEntitlements read =
        read(
            bom(
                "{\"purchaseOrder\": \"PO-9\", \"licenseTypes\": [\"subscription\"],"
                    + " \"lastRenewal\": \"2026-01-01T00:00:00+14:00\"}",
                """
                {"name": "itam:entitlement", "value": "E-1"},
                {"name": "itam:licenseModel", "value": "crypto-appliance"},
                {"name": "itam:quantity", "value": "4"},
                {"name": "itam:scope", "value": "acme"},
                {"name": "itam:validUntil", "value": "2026-12-31"},
                {"name": "itam:maintenanceUntil", "value": "2026-06-30"},
                {"name": "itam:unitPrice", "value": "99.50"},
                {"name": "itam:reference", "value": "contract 7"},
                {"name": "acme:other", "value": "ignored"}
                """));
    assertEquals(
        List.of(
            Entitlement.builder("E-1", "crypto-appliance")
                .quantity(4)
                .scope("acme")
                .validFrom(LocalDate.parse("2026-01-01"))
                .validUntil(LocalDate.parse("2026-12-31"))
                .maintenanceUntil(LocalDate.parse("2026-06-30"))
                .unitPrice(Money.of("99.50", "EUR"))
                .reference("contract 7")
                .build()),
        read.entitlements());
  }

  @Test
  void readEntitlements_modelInferredFromTheComponentAndLicenceTypes() {
    Estate twoModels =
        Estate.builder(CATALOGUE.asOf())
            .addAll(CATALOGUE.products())
            .addAll(CATALOGUE.licenseModels())
            .add(
                LicenseModel.builder("crypto-user", "crypto")
                    .metric(Metric.of(MetricType.USER))
                    .build())
            .build();
    String quantity = "{\"name\": \"itam:quantity\", \"value\": \"1\"}";
    CycloneDxEntitlements device =
        CycloneDxLicensing.readEntitlements(
            bom("{\"licenseTypes\": [\"named-user\"]}", quantity).getBytes(UTF_8),
            "bom.json",
            twoModels,
            ProductMapping.automatic(twoModels.products()));
    assertEquals("crypto-user", device.entitlements().get(0).licenseModel());
    assertEquals(
        "cryptographic-provider/Acme Commercial License", device.entitlements().get(0).id());
    CycloneDxEntitlements either =
        CycloneDxLicensing.readEntitlements(
            bom("{\"licenseTypes\": [\"perpetual\"]}", quantity).getBytes(UTF_8),
            "bom.json",
            twoModels,
            ProductMapping.automatic(twoModels.products()));
    assertEquals(
        "no licence model: product \"crypto\" has several (crypto-appliance, crypto-user); add the"
            + " property itam:licenseModel",
        either.skipped().get(0).why());
    CycloneDxEntitlements unknown =
        read(bom("{}", quantity).replace("cryptographic-provider", "other-thing"));
    assertTrue(
        unknown
            .skipped()
            .get(0)
            .why()
            .startsWith(
                "no licence model: add the property itam:licenseModel (the component is no catalogue"
                    + " product: no catalogue product is named \"other-thing\""),
        unknown.skipped().get(0).why());
  }

  @Test
  void readEntitlements_derivedIdsSharedBySeveral_getNumbers() {
    String licence =
        "{\"license\": {\"name\": \"L\", \"licensing\": {\"purchaseOrder\": \"PO-7\"},"
            + " \"properties\": [{\"name\": \"itam:quantity\", \"value\": \"1\"}]}}";
    String bom =
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.7\", \"components\": [{\"name\":"
            + " \"cryptographic-provider\", \"publisher\": \"Acme\", \"licenses\": ["
            + licence
            + ", "
            + licence
            + "]}]}";
    assertEquals(
        List.of("PO-7/1", "PO-7/2"),
        read(bom).entitlements().stream().map(Entitlement::id).toList());
  }

  // ---- problems
  // ----------------------------------------------------------------------------------

  @Test
  void readEntitlements_badValues_reportedAtTheirPaths() {
    assertEquals(
        List.of(
            "bom.json:components[0].licenses[0].license.licensing.lastRenewal: must be a date or"
                + " date-time such as 2026-11-27T00:00:00Z, was \"yesterday\"",
            "bom.json:components[0].licenses[0].license.properties: itam:licenseModel: unknown"
                + " licence model \"nope\" (not in the estate)",
            "bom.json:components[0].licenses[0].license.properties: itam:quantity: must be a whole"
                + " number ≥ 0, was \"-1\"",
            "bom.json:components[0].licenses[0].license.properties: itam:scope: unknown"
                + " organisation unit \"mars\"",
            "bom.json:components[0].licenses[0].license.properties: itam:unitPrice: unknown"
                + " currency \"XXY\""),
        problems(
            bom(
                "{\"lastRenewal\": \"yesterday\"}",
                """
                {"name": "itam:quantity", "value": "-1"},
                {"name": "itam:licenseModel", "value": "nope"},
                {"name": "itam:scope", "value": "mars"},
                {"name": "itam:unitPrice", "value": "1.00 XXY"}
                """)));
  }

  @Test
  void readEntitlements_duplicateExplicitIds_reported() {
    String licence =
        "{\"license\": {\"name\": \"L\", \"properties\": [{\"name\": \"itam:quantity\", \"value\":"
            + " \"1\"}, {\"name\": \"itam:entitlement\", \"value\": \"E\"}, {\"name\":"
            + " \"itam:licenseModel\", \"value\": \"crypto-appliance\"}]}}";
    List<String> problems =
        problems(
            "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [{\"name\":"
                + " \"x\", \"licenses\": ["
                + licence
                + ", "
                + licence
                + "]}]}");
    assertEquals(
        List.of(
            "bom.json:components[0].licenses[1].license.properties: itam:entitlement: duplicate"
                + " entitlement id \"E\""),
        problems);
  }

  @Test
  void readEntitlements_notABom() {
    assertEquals(
        List.of("bom.json: not a CycloneDX BOM: expected JSON ({) or XML (<)"), problems("SWID"));
    assertEquals(
        List.of("bom.json:bomFormat: not a CycloneDX BOM: bomFormat must be \"CycloneDX\""),
        problems("{\"bomFormat\": \"SPDX\"}"));
    assertEquals(
        List.of(
            "bom.json:specVersion: CycloneDX 1.4 has no licensing data (it came with 1.5); nothing"
                + " to read"),
        problems("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\"}"));
    assertTrue(
        problems("{\"bomFormat\": ").get(0).startsWith("bom.json: malformed JSON at line 1"));
    ValidationException xml =
        assertThrows(
            ValidationException.class,
            () ->
                read(
                    "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>"
                        .getBytes(UTF_8),
                    "bom.xml"));
    assertTrue(xml.problems().get(0).toString().startsWith("bom.xml:1:"), xml.getMessage());
    ValidationException spdx =
        assertThrows(
            ValidationException.class,
            () -> read("<Document xmlns=\"http://spdx.org\"/>".getBytes(UTF_8), "bom.xml"));
    assertTrue(
        spdx.problems().get(0).message().startsWith("not a CycloneDX BOM"), spdx.getMessage());
  }

  // ---- writing
  // -----------------------------------------------------------------------------------

  @Test
  void write_isTheGoldenBom() {
    Position position = Reconciler.create().reconcile(ESTATE);
    String written = PositionCycloneDx.writeString(position, ESTATE);
    String golden = new String(resource("position-golden.cdx.json"), UTF_8);
    if (!golden.equals(written)) {
      try {
        Files.writeString(Path.of("target", "position-golden.cdx.json.actual"), written);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertEquals(golden, written, "actual output in target/position-golden.cdx.json.actual");
  }

  @Test
  void write_thenRead_givesTheEntitlementsBack() {
    Position position = Reconciler.create().reconcile(ESTATE);
    byte[] bom = PositionCycloneDx.writeString(position, ESTATE).getBytes(UTF_8);
    CycloneDxEntitlements read = read(bom, "position.cdx.json");
    assertEquals(List.of(), read.skipped());
    assertEquals(
        ESTATE.entitlements().stream().sorted(Comparator.comparing(Entitlement::id)).toList(),
        read.entitlements().stream().sorted(Comparator.comparing(Entitlement::id)).toList());
    Estate rebuilt = read.addTo(CATALOGUE.toBuilder()).build();
    assertEquals(3, rebuilt.entitlements().size());
  }

  @Test
  void metrics_ofATermAlone_areNone() {
    assertFalse(BomEntitlements.metrics(List.of("perpetual")).iterator().hasNext());
  }
}
