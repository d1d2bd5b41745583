package io.itam.io.estate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.terms.FactorTable;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstateWriterTest {
  private static final EstateWriter WRITER = EstateWriter.create();

  private static String resource(String name) {
    try (InputStream in = EstateWriterTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void writeString_example_isCanonical() {
    Estate example = EstateReader.create().read(resource("estate-format-example-complete.json"));
    assertEquals(resource("estate-format-example-canonical.json"), WRITER.writeString(example));
  }

  @Test
  void write_path_writesTheSameBytes(@TempDir Path dir) throws IOException {
    Estate example = EstateReader.create().read(resource("estate-format-example-complete.json"));
    Path file = dir.resolve("estate.json");
    WRITER.write(example, file);
    assertArrayEquals(
        resource("estate-format-example-canonical.json").getBytes(UTF_8), Files.readAllBytes(file));
  }

  @Test
  void prices_haveTheCurrencysDigits_andNoCodeInTheDocumentsCurrency() {
    Estate estate =
        Estate.builder(LocalDate.of(2026, 11, 27))
            .currency("JPY")
            .add(Product.of("p", "P", "P"))
            .add(
                LicenseModel.builder("m", "p")
                    .metric(MetricType.DEVICE)
                    .unitPrice(Money.of("1200.000", "JPY"))
                    .build())
            .add(
                Entitlement.builder("e", "m")
                    .quantity(1)
                    .unitPrice(Money.of("99.5", "JPY"))
                    .build())
            .build();
    String json = WRITER.writeString(estate);
    assertTrue(json.contains("\"unitPrice\": \"1200\""), json);
    assertTrue(json.contains("\"unitPrice\": \"99.5\""), json);
  }

  @Test
  void decimals_areWrittenNormalised_andReadBackEqual() {
    Estate estate =
        Estate.builder(LocalDate.of(2026, 11, 27))
            .add(
                Device.builder("d", DeviceKind.SERVER)
                    .attribute("ramGb", new BigDecimal("12.50"))
                    .attribute("bytes", new BigDecimal("1E+3"))
                    .build())
            .build();
    String json = WRITER.writeString(estate);
    assertTrue(json.contains("\"bytes\": 1000,\n"), json);
    assertTrue(json.contains("\"ramGb\": 12.5\n"), json);
    assertEquals(estate, EstateReader.create().read(json));
  }

  @Test
  void patternNamedDefault_isAValidationProblem() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                Estate.builder(LocalDate.of(2026, 11, 27))
                    .add(Product.of("p", "P", "P"))
                    .add(
                        LicenseModel.builder("m", "p")
                            .metric(
                                Metric.builder(MetricType.CORE)
                                    .coreFactors(
                                        FactorTableRef.inline(
                                            FactorTable.of(
                                                Map.of("default", BigDecimal.ONE), null)))
                                    .build())
                            .build())
                    .build());
    assertTrue(
        e.getMessage().contains("licenseModels[0].metric.coreFactors.default"), e.getMessage());
  }

  @Test
  void text_beyondTheBmpAndLoneSurrogates_roundTripsExactly() {
    Estate estate =
        Estate.builder(LocalDate.of(2026, 11, 27))
            .add(io.itam.model.inventory.User.of("a\uD800b", null))
            .add(io.itam.model.inventory.User.of("c\uDE00", null))
            .add(io.itam.model.inventory.User.of("😀 中文 é", null))
            .build();
    String json = WRITER.writeString(estate);
    assertTrue(json.contains("\"a\\uD800b\""), json);
    assertTrue(json.contains("\"\\uD83D\\uDE00 中文 é\""), json);
    assertEquals(estate, EstateReader.create().read(json));
  }
}
