package io.itam.io.inventory.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.EstateSection;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.DeviceOwner;
import io.itam.model.inventory.DeviceRole;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  private static final CsvReader READER = CsvReader.create();

  @TempDir Path dir;

  private static CsvInventory read(CsvReader reader, CsvTable table, String csv)
      throws IOException {
    return reader.read(table, new ByteArrayInputStream(csv.getBytes(UTF_8)), table.fileName());
  }

  private static CsvInventory read(CsvTable table, String csv) throws IOException {
    return read(READER, table, csv);
  }

  private static List<String> problems(CsvReader reader, CsvTable table, byte[] csv) {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> reader.read(table, new ByteArrayInputStream(csv), table.fileName()));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static List<String> problems(CsvTable table, String csv) {
    return problems(READER, table, csv.getBytes(UTF_8));
  }

  private static Path resource(String name) {
    try {
      return Path.of(CsvReaderTest.class.getResource("/io/itam/io/inventory/csv/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the tables ---------------------------------------------------------------------------

  @Test
  void read_devices_everyColumn() throws IOException {
    CsvInventory csv =
        read(
            CsvTable.DEVICES,
            "id,kind,unit,processors,coresPerProcessor,threadsPerCore,maxProcessors,cpu,host,vcpus,"
                + "primaryUser,owner,role,failoverFor,attributes.ram-gb\n"
                + "esx-01,SERVER,acme,2,16,2,4,\"Intel Xeon Gold 6338, 2.0 GHz\",,,,provider,"
                + "passive-failover,esx-02,512.5\n"
                + "pc-1 , desktop ,,,,,,,,,u-1,,,,\n");
    assertEquals(
        List.of(
            Device.builder("esx-01", DeviceKind.SERVER)
                .unit("acme")
                .processors(2, 16)
                .threadsPerCore(2L)
                .maxProcessors(4L)
                .cpu("Intel Xeon Gold 6338, 2.0 GHz")
                .owner(DeviceOwner.PROVIDER)
                .role(DeviceRole.PASSIVE_FAILOVER)
                .failoverFor("esx-02")
                .attribute("ram-gb", new BigDecimal("512.5"))
                .build(),
            Device.builder("pc-1", DeviceKind.DESKTOP).primaryUser("u-1").build()),
        csv.devices());
    assertEquals("devices.csv:2", csv.source(EstateSection.DEVICES, 0));
    assertEquals("devices.csv:3", csv.source(EstateSection.DEVICES, 1));
  }

  @Test
  void read_usersInstallationsEntitlements() throws IOException {
    assertEquals(
        List.of(User.of("u-1", "acme"), new User("u-2", null, false)),
        read(CsvTable.USERS, "id,unit,active\nu-1,acme,\nu-2,,no\n").users());
    assertEquals(
        List.of(
            new Installation(
                "vm-1",
                "sqlserver",
                "2019",
                "Standard",
                LocalDate.parse("2024-02-01"),
                LocalDate.parse("2026-11-20")),
            Installation.of("pc-1", "office-pro")),
        read(
                CsvTable.INSTALLATIONS,
                "device,product,version,edition,installed,lastUsed\n"
                    + "vm-1,sqlserver,2019,Standard,2024-02-01,2026-11-20T13:45:00Z\n"
                    + "pc-1,office-pro,,,,\n")
            .installations());
    assertEquals(
        List.of(
            Entitlement.builder("PO-1/1", "sql-ent-core")
                .quantity(32)
                .scope("acme")
                .validFrom(LocalDate.parse("2023-01-01"))
                .maintenanceUntil(LocalDate.parse("2026-12-31"))
                .unitPrice(Money.of("3586.00", "EUR"))
                .reference("INV-1")
                .build(),
            Entitlement.builder("PO-2/1", "visio")
                .quantity(5)
                .unitPrice(Money.of("610", "USD"))
                .build()),
        read(
                READER.withCurrency("EUR"),
                CsvTable.ENTITLEMENTS,
                "id,licenseModel,quantity,scope,validFrom,validUntil,maintenanceUntil,unitPrice,reference\n"
                    + "PO-1/1,sql-ent-core,32,acme,2023-01-01,,2026-12-31,3586.00,INV-1\n"
                    + "PO-2/1,visio,5,,,,,610 USD,\n")
            .entitlements());
  }

  @Test
  void read_columnsInAnyOrderAndCase_blankLinesAndQuotedLineBreaks() throws IOException {
    CsvInventory csv =
        read(
            CsvTable.INSTALLATIONS,
            "\uFEFFProduct , DEVICE,edition\n\nvisio,pc-1,\"Pro\"\n\n\"visio\",\"pc\n2\",\n");
    assertEquals(
        List.of(
            Installation.of("pc-1", "visio").withEdition("Pro"), Installation.of("pc\n2", "visio")),
        csv.installations());
    assertEquals("installations.csv:5", csv.source(EstateSection.INSTALLATIONS, 1));
  }

  // ---- problems ----------------------------------------------------------------------------

  @Test
  void read_wrongValues_eachAtFileLineAndColumn() {
    assertEquals(
        List.of(
            "devices.csv:2:kind: unknown device kind \"tablet\" (expected one of: server, vm, cloud,"
                + " desktop, laptop, mobile)",
            "devices.csv:2:processors: must be a whole number, was \"two\"",
            "devices.csv:3:id: required",
            "devices.csv:3:owner: unknown device owner \"me\" (expected one of: organization,"
                + " personal, provider)",
            "devices.csv:4:attributes.ram: must be a decimal number such as 12.5, was \"1e3\"",
            "devices.csv:5:id: duplicate id \"a\" (first on line 2)"),
        problems(
            CsvTable.DEVICES,
            "id,kind,processors,owner,attributes.ram\n"
                + "a,tablet,two,,\n"
                + ",desktop,,me,\n"
                + "b,desktop,,,1e3\n"
                + "a,desktop,,,\n"));
  }

  @Test
  void read_datesPricesBooleans_reported() {
    assertEquals(
        List.of(
            "entitlements.csv:2:quantity: required",
            "entitlements.csv:2:unitPrice: no currency: write \"420.00 EUR\" or give the reader"
                + " the estate's currency",
            "entitlements.csv:2:validFrom: must be a date like 2026-11-27, was \"2026-02-30\"",
            "entitlements.csv:3:quantity: must be a whole number, was \"1.5\"",
            "entitlements.csv:3:unitPrice: unknown currency \"EURO\" (expected an ISO 4217 code"
                + " such as EUR)",
            "entitlements.csv:4:unitPrice: must be an amount such as 420.00 or 420.00 EUR, was"
                + " \"€420\""),
        problems(
            CsvTable.ENTITLEMENTS,
            "id,licenseModel,quantity,validFrom,unitPrice\n"
                + "e1,m,,2026-02-30,420.00\n"
                + "e2,m,1.5,,420.00 EURO\n"
                + "e3,m,1,,€420\n"));
    assertEquals(
        List.of("users.csv:2:active: must be true or false, was \"maybe\""),
        problems(CsvTable.USERS, "id,active\nu,maybe\n"));
  }

  @Test
  void read_header_missingUnknownAndDuplicateColumns() {
    assertEquals(
        List.of(
            "installations.csv:1: no column \"product\" (required)",
            "installations.csv:1:Device: duplicate column",
            "installations.csv:1:colour: unknown column (columns of installations.csv: device,"
                + " product, version, edition, installed, lastUsed); map it or allow unknown"
                + " columns"),
        problems(CsvTable.INSTALLATIONS, "device,colour,Device\npc-1,red,pc-1\n"));
  }

  @Test
  void read_unknownColumnsAllowed() throws IOException {
    assertEquals(
        List.of(Installation.of("pc-1", "visio")),
        read(
                READER.allowUnknownColumns(true),
                CsvTable.INSTALLATIONS,
                "device,colour,product\npc-1,red,visio\n")
            .installations());
  }

  @Test
  void read_malformedRows() {
    assertEquals(
        List.of(
            "users.csv:3: 3 cells, but the header has 2 columns (a value with an unquoted"
                + " delimiter?)"),
        problems(CsvTable.USERS, "id,unit\nu-1,acme,\nu-2,Sales, EMEA\n"));
    List<String> unclosed = problems(CsvTable.USERS, "id,unit\nu-1,\"acme\n");
    assertEquals(1, unclosed.size());
    assertTrue(
        unclosed.get(0).startsWith("users.csv:3: malformed CSV at column "), unclosed.toString());
    assertTrue(unclosed.get(0).contains("missing closing quote"), unclosed.toString());
    assertEquals(List.of("users.csv: empty: expected a header row"), problems(CsvTable.USERS, ""));
  }

  @Test
  void read_notTheEncoding_reported() {
    byte[] latin1 = "id,unit\nu-1,Zürich\n".getBytes(Charset.forName("ISO-8859-1"));
    assertEquals(
        List.of("users.csv:2: not UTF-8 text (give the file's encoding in the mapping)"),
        problems(READER, CsvTable.USERS, latin1));
  }

  @Test
  void read_binaryGarbage_isOneValidationException() {
    byte[] garbage = new byte[512];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 31 + 7);
    }
    assertTrue(!problems(READER, CsvTable.DEVICES, garbage).isEmpty());
  }

  // ---- mapping -----------------------------------------------------------------------------

  @Test
  void readDirectory_exportWithMapping_buildsAnEstate() throws IOException {
    CsvReader reader =
        READER
            .withMapping(ColumnMapping.read(resource("export-mapping.json")))
            .withCurrency("EUR")
            .allowUnknownColumns(true);
    CsvInventory csv = reader.readDirectory(resource("export"));
    assertEquals(
        List.of(
            Device.builder("esx-01", DeviceKind.SERVER)
                .unit("acme-de")
                .processors(2, 16)
                .cpu("Intel Xeon Gold 6338")
                .attribute("ram-gb", new BigDecimal("512"))
                .build(),
            Device.builder("vm-sql-01", DeviceKind.VM)
                .unit("acme-de")
                .host("esx-01")
                .vcpus(8L)
                .attribute("ram-gb", new BigDecimal("64"))
                .build(),
            Device.builder("pc-0001", DeviceKind.DESKTOP)
                .unit("acme-de")
                .primaryUser("u-0001")
                .attribute("ram-gb", new BigDecimal("16"))
                .build(),
            Device.builder("lt-0001", DeviceKind.LAPTOP)
                .primaryUser("u-0001")
                .attribute("ram-gb", new BigDecimal("8.5"))
                .build()),
        csv.devices());
    assertEquals(
        List.of(User.of("u-0001", "acme-de"), new User("u-0002", "acme-de", false)), csv.users());
    assertEquals(
        new Installation(
            "vm-sql-01", "sqlserver", "2019", "Standard", LocalDate.parse("2024-02-01"), null),
        csv.installations().get(0));
    assertEquals(LocalDate.parse("2025-03-15"), csv.installations().get(2).installed());
    assertEquals("INV 2023-001, \"core pack\"", csv.entitlements().get(0).reference());
    assertEquals(Money.of("420.00", "EUR"), csv.entitlements().get(1).unitPrice());

    Estate estate =
        csv.addTo(
                Estate.builder(LocalDate.parse("2026-11-27"))
                    .currency("EUR")
                    .unit("acme")
                    .unit("acme-de", "acme")
                    .add(
                        Product.builder("sqlserver")
                            .editions("Standard", "Enterprise")
                            .version("2019")
                            .version("2022")
                            .build())
                    .add(Product.builder("office-pro").version("2021").build())
                    .add(
                        LicenseModel.builder("sql-ent-core", "sqlserver")
                            .metric(Metric.of(MetricType.CORE))
                            .build())
                    .add(
                        LicenseModel.builder("office-pro-device", "office-pro")
                            .metric(Metric.of(MetricType.DEVICE))
                            .build()))
            .build();
    assertEquals(4, estate.devices().size());
  }

  @Test
  void read_exportWithoutAllowingUnknownColumns_namesTheColumn() throws IOException {
    CsvReader reader = READER.withMapping(ColumnMapping.read(resource("export-mapping.json")));
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> reader.read(CsvTable.DEVICES, resource("export/devices.csv")));
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).path().endsWith("devices.csv:1:Last Scan"), e.getMessage());
  }

  @Test
  void read_mappedColumnAbsent_reported() {
    CsvReader reader = READER.withMapping(ColumnMapping.defaults().withColumn("users.id=Login"));
    assertEquals(
        List.of(
            "users.csv:1: no column \"Login\" (mapped to id)",
            "users.csv:1:id: unknown column (columns of users.csv: id, unit, active); map it or"
                + " allow unknown columns"),
        problems(reader, CsvTable.USERS, "id\nu-1\n".getBytes(UTF_8)));
  }

  @Test
  void read_defaultsAndValues() throws IOException {
    ColumnMapping mapping =
        ColumnMapping.defaults()
            .withDefault(CsvTable.DEVICES, "kind", "Workstation")
            .withValue(CsvTable.DEVICES, "kind", "workstation", "desktop")
            .withDelimiter('\t');
    CsvInventory csv =
        read(
            READER.withMapping(mapping),
            CsvTable.DEVICES,
            "id\tkind\npc-1\t\npc-2\tWORKSTATION\nsrv\tserver\n");
    assertEquals(
        List.of(DeviceKind.DESKTOP, DeviceKind.DESKTOP, DeviceKind.SERVER),
        csv.devices().stream().map(Device::kind).toList());
  }

  @Test
  void read_windows1252() throws IOException {
    CsvReader reader =
        READER.withMapping(ColumnMapping.defaults().withCharset(Charset.forName("windows-1252")));
    byte[] bytes = "id,unit\nu-1,Zürich – Süd\n".getBytes(Charset.forName("windows-1252"));
    assertEquals(
        "Zürich – Süd",
        reader
            .read(CsvTable.USERS, new ByteArrayInputStream(bytes), "users.csv")
            .users()
            .get(0)
            .unit());
  }

  @Test
  void read_severalFiles_reportsTheProblemsOfAll() throws IOException {
    Files.writeString(dir.resolve("devices.csv"), "id,kind\npc-1,phone\n");
    Files.writeString(dir.resolve("users.csv"), "id,active\nu,x\n");
    ValidationException e =
        assertThrows(ValidationException.class, () -> READER.readDirectory(dir));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).path().endsWith("devices.csv:2:kind"), e.getMessage());
    assertTrue(e.problems().get(1).path().endsWith("users.csv:2:active"), e.getMessage());
  }

  @Test
  void readDirectory_withoutTables_isAnIoError() {
    assertThrows(NoSuchFileException.class, () -> READER.readDirectory(dir));
  }

  @Test
  void source_outOfRange_throws() throws IOException {
    CsvInventory csv = read(CsvTable.USERS, "id\nu\n");
    assertThrows(IndexOutOfBoundsException.class, () -> csv.source(EstateSection.USERS, 1));
  }
}
