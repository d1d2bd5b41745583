package io.itam.io.inventory.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
  @TempDir Path dir;

  @Test
  void writeDevices_headerAttributesAndQuoting() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter.create()
        .writeDevices(
            List.of(
                Device.builder("esx-01", DeviceKind.SERVER)
                    .processors(2, 16)
                    .cpu("Intel Xeon Gold 6338, 2.0 GHz")
                    .attribute("ram-gb", new BigDecimal("512.50"))
                    .build(),
                Device.builder(" pc \"1\"", DeviceKind.DESKTOP).unit("a\nb").build()),
            out);
    assertEquals(
        "id,kind,unit,processors,coresPerProcessor,threadsPerCore,maxProcessors,cpu,host,vcpus,"
            + "primaryUser,owner,role,failoverFor,attributes.ram-gb\n"
            + "esx-01,server,,2,16,,,\"Intel Xeon Gold 6338, 2.0 GHz\",,,,,,,512.5\n"
            + "\" pc \"\"1\"\"\",desktop,\"a\nb\",,,,,,,,,,,,\n",
        out.toString(UTF_8));
  }

  @Test
  void writeDirectory_thenReadDirectory_givesTheRecordsBack() throws IOException {
    Estate estate =
        Estate.builder(LocalDate.parse("2026-11-27"))
            .currency("EUR")
            .unit("acme")
            .add(Product.of("visio", "Microsoft", "Visio"))
            .add(
                LicenseModel.builder("visio-device", "visio")
                    .metric(Metric.of(MetricType.DEVICE))
                    .build())
            .add(
                Entitlement.builder("PO-1", "visio-device")
                    .quantity(1)
                    .unitPrice(Money.of("610.00", "EUR"))
                    .validFrom(LocalDate.parse("2025-01-01"))
                    .build())
            .add(User.of("u-1", "acme"))
            .add(Device.desktop("pc-1", "acme", "u-1"))
            .add(Installation.of("pc-1", "visio"))
            .build();
    CsvWriter.create().writeDirectory(estate, dir);
    assertEquals(
        "id,licenseModel,quantity,scope,validFrom,validUntil,maintenanceUntil,unitPrice,reference\n"
            + "PO-1,visio-device,1,,2025-01-01,,,610.00 EUR,\n",
        Files.readString(dir.resolve("entitlements.csv")));
    CsvInventory csv = CsvReader.create().readDirectory(dir);
    assertEquals(estate.devices(), csv.devices());
    assertEquals(estate.users(), csv.users());
    assertEquals(estate.installations(), csv.installations());
    assertEquals(estate.entitlements(), csv.entitlements());
    Estate rebuilt =
        csv.addTo(
                Estate.builder(estate.asOf())
                    .currency("EUR")
                    .addAll(estate.organization())
                    .addAll(estate.products())
                    .addAll(estate.licenseModels()))
            .build();
    assertEquals(estate, rebuilt);
  }
}
