package io.itam.io.estate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.DeviceOwner;
import io.itam.model.inventory.DeviceRole;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.terms.FactorTable;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Rounding;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstateReaderTest {
  private static final EstateReader STRICT = EstateReader.create();
  private static final String HEAD =
      "{\"format\": 1, \"asOf\": \"2026-11-27\", \"currency\": \"EUR\"";
  private static final String PRODUCT = "\"products\": [{\"id\": \"p\"}]";
  private static final String MODEL =
      "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"metric\": {\"type\": \"device\"}}]";

  // ---- helpers -----------------------------------------------------------------------------

  /** An estate document with format, asOf and currency, plus {@code fields}. */
  private static String doc(String... fields) {
    StringBuilder json = new StringBuilder(HEAD);
    for (String field : fields) {
      json.append(", ").append(field);
    }
    return json.append('}').toString();
  }

  private static List<String> problems(String json) {
    return problems(STRICT, json);
  }

  private static List<String> problems(EstateReader reader, String json) {
    ValidationException e = assertThrows(ValidationException.class, () -> reader.read(json));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static List<String> problems(byte[] json) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> STRICT.read(new ByteArrayInputStream(json)));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static String resource(String name) {
    try (InputStream in = EstateReaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  // ---- the example of estate-format.md -----------------------------------------------------

  /** The example as printed names host esx-02 of the cluster without declaring the device. */
  @Test
  void read_exampleAsPrinted_reportsOnlyItsUndeclaredHost() {
    assertEquals(
        List.of("clusters[0].hosts[1]: unknown device \"esx-02\""),
        problems(resource("estate-format-example.json")));
  }

  @Test
  void read_example_givesTheExpectedObjects() {
    Estate estate = STRICT.read(resource("estate-format-example-complete.json"));

    Estate expected =
        Estate.builder(date("2026-11-27"))
            .currency("EUR")
            .unit("acme")
            .unit("acme-de", "acme")
            .unit("acme-us", "acme")
            .add(
                Product.builder("sqlserver")
                    .publisher("Microsoft")
                    .name("SQL Server")
                    .editions("Express", "Standard", "Enterprise")
                    .version("2019", date("2019-11-04"))
                    .version("2022", date("2022-11-16"))
                    .build())
            .add(
                Product.builder("office-pro")
                    .publisher("Microsoft")
                    .name("Office Professional Plus")
                    .version("2021", date("2021-10-05"))
                    .components("word", "excel")
                    .build())
            .add(
                Product.builder("word").publisher("Microsoft").name("Word").version("2021").build())
            .add(
                Product.builder("excel")
                    .publisher("Microsoft")
                    .name("Excel")
                    .version("2021")
                    .build())
            .add(
                LicenseModel.builder("sql-ent-core", "sqlserver")
                    .edition("Enterprise")
                    .version("2022")
                    .metric(
                        Metric.builder(MetricType.CORE).minimumPerProcessor(4).packSize(2).build())
                    .virtualization(
                        Virtualization.of(VirtualizationMode.PER_VM).withMinimumPerVm(4))
                    .rights(Rights.NONE.withVersionDowngrade().withEditionDowngrade())
                    .build())
            .add(
                LicenseModel.builder("office-pro-device", "office-pro")
                    .version("2021")
                    .metric(MetricType.DEVICE)
                    .rights(Rights.NONE.withVersionDowngrade().withSecondUse())
                    .build())
            .add(
                Entitlement.builder("PO-1001/1", "sql-ent-core")
                    .quantity(32)
                    .scope("acme")
                    .unitPrice(Money.of("3586.00", "EUR"))
                    .validFrom(date("2023-01-01"))
                    .maintenanceUntil(date("2026-12-31"))
                    .build())
            .add(
                Entitlement.builder("PO-1002/1", "office-pro-device")
                    .quantity(250)
                    .scope("acme-de")
                    .unitPrice(Money.of("420.00", "EUR"))
                    .build())
            .add(Cluster.of("vc-prod", "esx-01", "esx-02"))
            .add(
                Device.builder("esx-01", DeviceKind.SERVER)
                    .unit("acme-de")
                    .processors(2, 16)
                    .cpu("Intel Xeon Gold 6338")
                    .build())
            .add(
                Device.builder("esx-02", DeviceKind.SERVER)
                    .unit("acme-de")
                    .processors(2, 16)
                    .cpu("Intel Xeon Gold 6338")
                    .build())
            .add(
                Device.builder("vm-sql-01", DeviceKind.VM)
                    .unit("acme-de")
                    .host("esx-01")
                    .vcpus(8L)
                    .build())
            .add(Device.desktop("pc-0001", "acme-de", "u-0001"))
            .add(
                Device.builder("lt-0001", DeviceKind.LAPTOP)
                    .unit("acme-de")
                    .primaryUser("u-0001")
                    .owner(DeviceOwner.ORGANIZATION)
                    .build())
            .add(User.of("u-0001", "acme-de"))
            .add(
                new Installation(
                    "vm-sql-01",
                    "sqlserver",
                    "2019",
                    "Standard",
                    date("2024-02-01"),
                    date("2026-11-20")))
            .add(Installation.of("pc-0001", "office-pro", "2021"))
            .add(Installation.of("lt-0001", "excel", "2021"))
            .add(Access.byUser("sqlserver", "u-0001"))
            .add(Usage.of("sqlserver", 12, date("2026-11-01"), date("2026-11-30")))
            .add(PinnedAllocation.toDevice("PO-1001/1", "vm-sql-01"))
            .add(Exemption.ofDevice("pc-0001", "office-pro", "test lab, covered by MSDN"))
            .build();
    assertEquals(expected, estate);
  }

  @Test
  void read_path_readsTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("estate.json");
    Files.writeString(file, resource("estate-format-example-complete.json"), UTF_8);
    assertEquals(STRICT.read(resource("estate-format-example-complete.json")), STRICT.read(file));
  }

  @Test
  void read_missingFile_throwsIOException(@TempDir Path dir) {
    assertThrows(NoSuchFileException.class, () -> STRICT.read(dir.resolve("absent.json")));
  }

  @Test
  void read_inputStream_leavesItOpen() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(doc().getBytes(UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    STRICT.read(in);
    assertFalse(closed[0]);
  }

  // ---- extensions and value forms ----------------------------------------------------------

  @Test
  void read_extensions_andEveryMetricParameter() {
    Estate estate =
        STRICT.read(
            doc(
                PRODUCT,
                """
                "licenseModels": [
                  {"id": "cal", "product": "p", "metric": {"type": "user", "userMinimumPerProcessor": 25},
                   "clientAccess": true, "unitPrice": "34.5"},
                  {"id": "ora", "product": "p",
                   "metric": {"type": "core", "minimumPerProcessor": 2, "minimumPerDevice": 8,
                              "packSize": 2, "coreFactors": "oracle", "rounding": "aggregate",
                              "maximumSockets": 2, "maximumVcpus": 8},
                   "virtualization": {"mode": "per-vm", "minimumPerVm": 4, "threadsPerCore": 2,
                                      "capAtHost": true, "requiresMaintenance": true},
                   "rights": {"upgradeWithMaintenance": true, "failover": true, "failoverDevices": 2,
                              "secondUse": false}},
                  {"id": "ibm", "product": "p",
                   "metric": {"type": "pvu", "pvuTable": {"Xeon": "70", "POWER9": "120.5", "default": "100"}},
                   "virtualization": {"mode": "host-per-vm-set", "vmsPerSet": 2}},
                  {"id": "cap", "product": "p", "metric": {"type": "capacity", "capacityAttribute": "ramGb"}},
                  {"id": "cc", "product": "p", "metric": {"type": "concurrent-user", "windowDays": 30}},
                  {"id": "rh", "product": "p", "metric": {"type": "processor", "processorsPerUnit": 2},
                   "virtualization": {"mode": "physical", "vcpusPerProcessor": 4}}
                ]""",
                """
                "devices": [
                  {"id": "a", "kind": "server", "role": "active", "attributes": {"ramGb": 12.50, "disks": 3}},
                  {"id": "b", "kind": "server", "role": "passive-failover", "failoverFor": "a",
                   "owner": "provider", "threadsPerCore": 2, "maxProcessors": 4, "processors": 2}
                ]""",
                "\"users\": [{\"id\": \"u\", \"active\": false}]"));

    List<LicenseModel> models = estate.licenseModels();
    assertTrue(models.get(0).clientAccess());
    assertEquals(Money.of("34.50", "EUR"), models.get(0).unitPrice());
    assertEquals(25, models.get(0).metric().userMinimumPerProcessor());
    Metric ora = models.get(1).metric();
    assertEquals(
        Metric.builder(MetricType.CORE)
            .minimumPerProcessor(2)
            .minimumPerDevice(8)
            .packSize(2)
            .coreFactors(FactorTableRef.builtIn("oracle"))
            .rounding(Rounding.AGGREGATE)
            .maximumSockets(2)
            .maximumVcpus(8)
            .build(),
        ora);
    assertEquals(
        Virtualization.of(VirtualizationMode.PER_VM)
            .withMinimumPerVm(4)
            .withThreadsPerCore(2)
            .withCapAtHost(true)
            .withRequiresMaintenance(true),
        models.get(1).virtualization());
    assertEquals(Rights.NONE.withUpgradeWithMaintenance().withFailover(2), models.get(1).rights());
    assertEquals(
        FactorTableRef.inline(
            FactorTable.of(
                Map.of("Xeon", new BigDecimal("70"), "POWER9", new BigDecimal("120.5")),
                new BigDecimal("100"))),
        models.get(2).metric().pvuTable());
    assertEquals(
        Virtualization.of(VirtualizationMode.HOST_PER_VM_SET).withVmsPerSet(2),
        models.get(2).virtualization());
    assertEquals("ramGb", models.get(3).metric().capacityAttribute());
    assertEquals(30, models.get(4).metric().windowDays());
    assertEquals(2, models.get(5).metric().processorsPerUnit());
    assertEquals(
        Virtualization.of(VirtualizationMode.PHYSICAL).withVcpusPerProcessor(4),
        models.get(5).virtualization());
    assertNull(models.get(3).virtualization());

    Device a = estate.devices().get(0);
    assertEquals(
        Map.of("disks", new BigDecimal("3"), "ramGb", new BigDecimal("12.5")), a.attributes());
    assertEquals(
        0,
        a.attributes().get("ramGb").compareTo(new BigDecimal("12.50")),
        "attributes are exact decimals, normalised");
    Device b = estate.devices().get(1);
    assertEquals(DeviceRole.PASSIVE_FAILOVER, b.role());
    assertEquals("a", b.failoverFor());
    assertEquals(DeviceOwner.PROVIDER, b.owner());
    assertFalse(estate.users().get(0).active());
  }

  @Test
  void read_absentMetricParameters_keepTheirDefaults() {
    Estate estate = STRICT.read(doc(PRODUCT, MODEL));
    assertEquals(Metric.of(MetricType.DEVICE), estate.licenseModels().get(0).metric());
    assertEquals(Rights.NONE, estate.licenseModels().get(0).rights());
  }

  @Test
  void read_nullForOptionalValues_meansAbsent() {
    Estate estate =
        STRICT.read(
            doc(
                PRODUCT,
                "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"edition\": null,"
                    + " \"metric\": {\"type\": \"core\", \"coreFactors\": null},"
                    + " \"virtualization\": null, \"rights\": null, \"unitPrice\": null}]",
                "\"users\": [{\"id\": \"u\", \"unit\": null, \"active\": null}]"));
    assertEquals(
        LicenseModel.builder("m", "p").metric(MetricType.CORE).build(),
        estate.licenseModels().get(0));
    assertEquals(User.of("u", null), estate.users().get(0));
  }

  @Test
  void read_currencyAfterThePrices_appliesToThem() {
    Estate estate =
        STRICT.read(
            "{\"format\": 1, \"asOf\": \"2026-11-27\", "
                + PRODUCT
                + ", "
                + MODEL
                + ", \"entitlements\": [{\"id\": \"e\", \"licenseModel\": \"m\", \"quantity\": 3,"
                + " \"unitPrice\": \"1200\"}], \"currency\": \"JPY\"}");
    assertEquals(Money.of("1200", "JPY"), estate.entitlements().get(0).unitPrice());
    assertEquals("JPY", estate.currency());
  }

  @Test
  void read_priceWithTheDocumentsCode_isThatCurrency() {
    Estate estate =
        STRICT.read(
            doc(
                PRODUCT,
                MODEL,
                "\"entitlements\": [{\"id\": \"e\", \"licenseModel\": \"m\", \"quantity\": 3,"
                    + " \"unitPrice\": \"420.00 EUR\"}]"));
    assertEquals(Money.of("420", "EUR"), estate.entitlements().get(0).unitPrice());
  }

  @Test
  void allowUnknownFields_ignoresThemEverywhere() {
    String json =
        doc(
            "\"colour\": \"red\"",
            PRODUCT,
            "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"x\": [1, {\"y\": 2}],"
                + " \"metric\": {\"type\": \"device\", \"z\": null}, \"rights\": {\"w\": true}}]",
            "\"devices\": [{\"id\": \"d\", \"kind\": \"desktop\", \"colour\": \"red\"}]");
    assertEquals(
        List.of(
            "colour: unknown field \"colour\"",
            "devices[0].colour: unknown field \"colour\"",
            "licenseModels[0].metric.z: unknown field \"z\"",
            "licenseModels[0].rights.w: unknown field \"w\"",
            "licenseModels[0].x: unknown field \"x\""),
        problems(json));
    EstateReader lenient = STRICT.allowUnknownFields(true);
    assertTrue(lenient.allowsUnknownFields());
    assertFalse(STRICT.allowsUnknownFields());
    Estate estate = lenient.read(json);
    assertEquals(1, estate.devices().size());
    assertEquals(STRICT, lenient.allowUnknownFields(false));
  }

  @Test
  void allowUnknownFields_stillReportsEverythingElse() {
    assertEquals(
        List.of("devices[0].kind: required"),
        problems(
            STRICT.allowUnknownFields(true), doc("\"devices\": [{\"id\": \"d\", \"size\": 3}]")));
  }

  // ---- one rule, one test ------------------------------------------------------------------

  @Test
  void unknownDeviceKind_namesTheKinds() {
    assertEquals(
        List.of(
            "devices[0].kind: unknown device kind \"tablet\" (expected one of: server, vm, cloud,"
                + " desktop, laptop, mobile)"),
        problems(doc("\"devices\": [{\"id\": \"d\", \"kind\": \"tablet\"}]")));
  }

  @Test
  void unknownEnumValues_namesTheValues() {
    assertEquals(
        List.of(
            "devices[0].owner: unknown device owner \"me\" (expected one of: organization,"
                + " personal, provider)",
            "devices[0].role: unknown device role \"standby\" (expected one of: active,"
                + " passive-failover)",
            "licenseModels[0].metric.rounding: unknown rounding \"up\" (expected one of:"
                + " per-device, aggregate)",
            "licenseModels[0].metric.type: unknown metric type \"seat\" (expected one of:"
                + " installation, device, user, concurrent-user, processor, core, pvu, capacity,"
                + " site)",
            "licenseModels[1].virtualization.mode: unknown virtualization mode \"vm\" (expected"
                + " one of: physical, per-vm, cluster, host-per-vm-set)"),
        problems(
            doc(
                PRODUCT,
                "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"metric\": {\"type\":"
                    + " \"seat\", \"rounding\": \"up\"}}, {\"id\": \"n\", \"product\": \"p\","
                    + " \"metric\": {\"type\": \"core\"}, \"virtualization\": {\"mode\": \"vm\"}}]",
                "\"devices\": [{\"id\": \"d\", \"kind\": \"server\", \"owner\": \"me\", \"role\":"
                    + " \"standby\"}]")));
  }

  @Test
  void integers_mustBeWholeNumbers() {
    assertEquals(
        List.of(
            "devices[0].coresPerProcessor: must be a whole number, was 2.0",
            "devices[0].processors: must be a whole number, was 2.5",
            "devices[0].vcpus: must be a whole number, was 1e2",
            "licenseModels[0].metric.packSize: must be a whole number, was 2.5",
            "licenseModels[0].virtualization.minimumPerVm: must be a whole number, was a string"),
        problems(
            doc(
                PRODUCT,
                "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"metric\": {\"type\":"
                    + " \"core\", \"packSize\": 2.5}, \"virtualization\": {\"mode\": \"per-vm\","
                    + " \"minimumPerVm\": \"4\"}}]",
                "\"devices\": [{\"id\": \"d\", \"kind\": \"cloud\", \"processors\": 2.5,"
                    + " \"coresPerProcessor\": 2.0, \"vcpus\": 1e2}]")));
  }

  @Test
  void integers_beyondLong_areOutOfRange() {
    assertEquals(
        List.of(
            "entitlements[0].quantity: out of range, was 99999999999999999999",
            "format: out of range, was 3000000000"),
        problems(
            "{\"format\": 3000000000, \"asOf\": \"2026-11-27\", "
                + PRODUCT
                + ", "
                + MODEL
                + ", \"entitlements\": [{\"id\": \"e\", \"licenseModel\": \"m\", \"quantity\":"
                + " 99999999999999999999}]}"));
  }

  @Test
  void dates_mustBeIsoDates() {
    assertEquals(
        List.of(
            "asOf: must be a date like 2026-11-27, was \"27/11/2026\"",
            "products[2].versions[1].released: must be a date like 2026-11-27, was \"2022-02-30\"",
            "usage[0].from: must be a date like 2026-11-27, was a number"),
        problems(
            "{\"format\": 1, \"asOf\": \"27/11/2026\", \"products\": [{\"id\": \"a\"}, {\"id\":"
                + " \"b\"}, {\"id\": \"c\", \"versions\": [{\"name\": \"1\", \"released\":"
                + " \"2021-01-01\"}, {\"name\": \"2\", \"released\": \"2022-02-30\"}]}],"
                + " \"usage\": [{\"product\": \"a\", \"peakConcurrentUsers\": 1, \"from\":"
                + " 20261101, \"until\": \"2026-11-30\"}]}"));
  }

  @Test
  void booleans_mustBeTrueOrFalse() {
    assertEquals(
        List.of(
            "licenseModels[0].clientAccess: must be true or false, was a number",
            "licenseModels[0].rights.failover: must be true or false, was a string",
            "users[0].active: must be true or false, was a string"),
        problems(
            doc(
                PRODUCT,
                "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"metric\": {\"type\":"
                    + " \"device\"}, \"clientAccess\": 1, \"rights\": {\"failover\": \"yes\"}}]",
                "\"users\": [{\"id\": \"u\", \"active\": \"yes\"}]")));
  }

  @Test
  void strings_objectsAndArrays_mustHaveTheirType() {
    assertEquals(
        List.of(
            "clusters[0].hosts: must be an array, was a string",
            "devices[0]: must be an object, was a string",
            "devices[1].cpu: must be a string, was a number",
            "devices[1].id: must be a string, was null",
            "licenseModels[0].metric: must be an object, was a string",
            "products[0].editions[1]: must be a string, was true"),
        problems(
            doc(
                "\"products\": [{\"id\": \"p\", \"editions\": [\"Std\", true]}]",
                "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"metric\": \"core\"}]",
                "\"clusters\": [{\"id\": \"c\", \"hosts\": \"esx-01\"}]",
                "\"devices\": [\"pc-1\", {\"id\": null, \"kind\": \"desktop\", \"cpu\": 6338}]")));
  }

  @Test
  void prices_areStringsOfDecimals() {
    assertEquals(
        List.of(
            "entitlements[0].unitPrice: must be a string such as \"3586.00\", was a number",
            "entitlements[1].unitPrice: must be an amount such as \"3586.00\" or \"3586.00 EUR\","
                + " was \"3586,00\"",
            "entitlements[2].unitPrice: unknown currency \"XYZ\" (expected an ISO 4217 code such"
                + " as \"EUR\")",
            "entitlements[3].unitPrice: must be an amount such as \"3586.00\" or \"3586.00 EUR\","
                + " was \"1e3\""),
        problems(
            doc(
                PRODUCT,
                MODEL,
                "\"entitlements\": [{\"id\": \"a\", \"licenseModel\": \"m\", \"quantity\": 1,"
                    + " \"unitPrice\": 3586}, {\"id\": \"b\", \"licenseModel\": \"m\","
                    + " \"quantity\": 1, \"unitPrice\": \"3586,00\"}, {\"id\": \"c\","
                    + " \"licenseModel\": \"m\", \"quantity\": 1, \"unitPrice\": \"1.00 XYZ\"},"
                    + " {\"id\": \"d\", \"licenseModel\": \"m\", \"quantity\": 1, \"unitPrice\":"
                    + " \"1e3\"}]")));
  }

  @Test
  void prices_withoutAnyCurrency_needTheDocumentsCurrency() {
    assertEquals(
        List.of(
            "entitlements[0].unitPrice: a price needs the document's \"currency\"",
            "licenseModels[0].unitPrice: a price needs the document's \"currency\""),
        problems(
            "{\"format\": 1, \"asOf\": \"2026-11-27\", "
                + PRODUCT
                + ", \"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"metric\":"
                + " {\"type\": \"device\"}, \"unitPrice\": \"10\"}], \"entitlements\": [{\"id\":"
                + " \"e\", \"licenseModel\": \"m\", \"quantity\": 1, \"unitPrice\": \"9.50\"}],"
                + " \"allocations\": [{\"entitlement\": \"e\", \"user\": \"u\"}], \"users\":"
                + " [{\"id\": \"u\"}]}"));
  }

  @Test
  void prices_inAnotherCurrency_areReportedOnceByTheValidator() {
    assertEquals(
        List.of(
            "entitlements[0].unitPrice: amount in USD but the document's currency is EUR;"
                + " convert it first"),
        problems(
            doc(
                PRODUCT,
                MODEL,
                "\"entitlements\": [{\"id\": \"e\", \"licenseModel\": \"m\", \"quantity\": 1,"
                    + " \"unitPrice\": \"1.00 USD\"}]")));
  }

  @Test
  void factorTables_areAnIdOrPatternsToDecimalStrings() {
    assertEquals(
        List.of(
            "licenseModels[0].metric.coreFactors.Epyc: must be a decimal such as \"0.5\", was"
                + " \"half\"",
            "licenseModels[0].metric.coreFactors.Xeon: must be a string such as \"0.5\", was a"
                + " number",
            "licenseModels[1].metric.pvuTable: must be a table id such as \"oracle\" or an object"
                + " of CPU pattern → factor, was an array"),
        problems(
            doc(
                PRODUCT,
                "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"metric\": {\"type\":"
                    + " \"core\", \"coreFactors\": {\"Xeon\": 0.5, \"Epyc\": \"half\", \"default\":"
                    + " \"1\"}}}, {\"id\": \"n\", \"product\": \"p\", \"metric\": {\"type\":"
                    + " \"pvu\", \"pvuTable\": [\"ibm\"]}}]")));
  }

  @Test
  void metricParameters_thatDoNotApply_areReportedOnceByTheValidator() {
    assertEquals(
        List.of(
            "licenseModels[0].metric.colour: unknown field \"colour\"",
            "licenseModels[0].metric.windowDays: not a parameter of metric \"core\" (ignored)"),
        problems(
            doc(
                PRODUCT,
                "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"metric\": {\"type\":"
                    + " \"core\", \"windowDays\": 30, \"colour\": \"red\"}}]")));
  }

  @Test
  void attributes_areNumbers() {
    assertEquals(
        List.of(
            "devices[0].attributes.cores: must be a number, was null",
            "devices[0].attributes.ramGb: must be a number, was a string"),
        problems(
            doc(
                "\"devices\": [{\"id\": \"d\", \"kind\": \"server\", \"attributes\": {\"ramGb\":"
                    + " \"16\", \"cores\": null}}]")));
  }

  @Test
  void requiredFields_areReportedAtTheirPath() {
    assertEquals(
        List.of(
            "access[0].product: required",
            "allocations[0].entitlement: required",
            "asOf: required",
            "clusters[0].hosts: required",
            "clusters[0].id: required",
            "devices[0].id: required",
            "devices[0].kind: required",
            "entitlements[0].id: required",
            "entitlements[0].licenseModel: required",
            "entitlements[0].quantity: required",
            "exemptions[0].product: required",
            "exemptions[0].reason: required",
            "format: required",
            "installations[0].device: required",
            "installations[0].product: required",
            "licenseModels[0].id: required",
            "licenseModels[0].metric: required",
            "licenseModels[0].product: required",
            "licenseModels[1].metric.type: required",
            "licenseModels[1].virtualization.mode: required",
            "organization[0].id: required",
            "products[0].id: required",
            "products[1].versions[0].name: required",
            "usage[0].from: required",
            "usage[0].peakConcurrentUsers: required",
            "usage[0].product: required",
            "usage[0].until: required",
            "users[0].id: required"),
        problems(
            "{\"organization\": [{}], \"products\": [{}, {\"id\": \"p\", \"versions\": [{}]}],"
                + " \"licenseModels\": [{}, {\"id\": \"m\", \"product\": \"p\", \"metric\": {},"
                + " \"virtualization\": {}}], \"entitlements\": [{}], \"clusters\": [{}],"
                + " \"devices\": [{}], \"users\": [{}], \"installations\": [{}], \"access\":"
                + " [{}], \"usage\": [{}], \"allocations\": [{}], \"exemptions\": [{}]}"));
  }

  @Test
  void lists_mustNotBeNull() {
    assertEquals(
        List.of(
            "devices: must be an array, was null (leave the field out for an empty list)",
            "organization: must be an array, was an object",
            "products[0].components: must be an array, was null (leave the field out for an"
                + " empty list)"),
        problems(
            doc(
                "\"devices\": null",
                "\"organization\": {}",
                "\"products\": [{\"id\": \"p\", \"components\": null}]")));
  }

  @Test
  void duplicateFields_areReported_andTheFirstValueKept() {
    assertEquals(
        List.of(
            "devices[0].attributes.ram: duplicate field \"ram\"",
            "devices[0].id: duplicate field \"id\"",
            "devices[1].host: unknown device \"b\"",
            "format: duplicate field \"format\""),
        problems(
            doc(
                "\"format\": 2",
                "\"devices\": [{\"id\": \"a\", \"id\": \"b\", \"kind\": \"server\", \"attributes\":"
                    + " {\"ram\": 1, \"ram\": 2}}, {\"id\": \"c\", \"kind\": \"vm\", \"host\":"
                    + " \"b\"}]")));
  }

  @Test
  void rootThatIsNoObject_isReportedAlone() {
    assertEquals(List.of("must be an object, was an array"), problems("[{\"format\": 1}]"));
  }

  // ---- records that fail their own checks --------------------------------------------------

  @Test
  void referencesToUnreadRecords_areNotReportedAgain() {
    assertEquals(
        List.of(
            "devices[0].kind: unknown device kind \"tablet\" (expected one of: server, vm, cloud,"
                + " desktop, laptop, mobile)",
            "entitlements[0].quantity: must be a whole number, was 1.5",
            "installations[1].device: unknown device \"ghost\"",
            "products[0].editions: must be an array, was a string",
            "users[0].active: must be true or false, was a string"),
        problems(
            doc(
                "\"products\": [{\"id\": \"p\", \"editions\": \"Std\"}]",
                "\"licenseModels\": [{\"id\": \"m\", \"product\": \"p\", \"metric\": {\"type\":"
                    + " \"device\"}}]",
                "\"entitlements\": [{\"id\": \"e\", \"licenseModel\": \"m\", \"quantity\": 1.5}]",
                "\"users\": [{\"id\": \"u\", \"active\": \"no\"}]",
                "\"devices\": [{\"id\": \"t\", \"kind\": \"tablet\", \"primaryUser\": \"u\"},"
                    + " {\"id\": \"d\", \"kind\": \"desktop\", \"primaryUser\": \"u\"}]",
                "\"installations\": [{\"device\": \"t\", \"product\": \"p\"}, {\"device\":"
                    + " \"ghost\", \"product\": \"p\"}]",
                "\"allocations\": [{\"entitlement\": \"e\", \"device\": \"t\"}]",
                "\"access\": [{\"product\": \"p\", \"user\": \"u\"}]")));
  }

  @Test
  void validatorProblems_pointAtTheDocumentIndex_afterUnreadRecords() {
    assertEquals(
        List.of(
            "devices[0].kind: required",
            "devices[1].kind: required",
            "devices[2].host: unknown device \"nowhere\"",
            "devices[3].vcpus: only a VM or a cloud instance has vCPUs; this device is a desktop"),
        problems(
            doc(
                "\"devices\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\", \"kind\": \"vm\","
                    + " \"host\": \"nowhere\"}, {\"id\": \"d\", \"kind\": \"desktop\", \"vcpus\":"
                    + " 2}]")));
  }

  @Test
  void manyErrors_areAllReportedAtOnce() {
    assertEquals(
        List.of(
            "colour: unknown field \"colour\"",
            "devices[0]: must be an object, was a number",
            "devices[1].id: must be a string, was a number",
            "devices[1].kind: duplicate field \"kind\"",
            "devices[2].id: required",
            "devices[3].host: unknown device \"nowhere\"",
            "devices[4].processors: must be at least 1, was 0",
            // entitlements[0] is not read (its price has no currency): not reported again
            "entitlements[0].unitPrice: a price needs the document's \"currency\"",
            "entitlements[1].licenseModel: unknown licence model \"m\"",
            "entitlements[1].validUntil: 2020-01-01 is before validFrom 2021-01-01",
            "format: unsupported format 2; this version reads format 1",
            "users[0].unit: unknown organisation unit \"x\""),
        problems(
            """
            {"format": 2, "asOf": "2026-11-27", "colour": 1,
             "devices": [1,
                         {"id": 5, "kind": "vm", "kind": "x"},
                         {"kind": "server"},
                         {"id": "ok", "kind": "vm", "host": "nowhere"},
                         {"id": "zero", "kind": "server", "processors": 0}],
             "entitlements": [{"id": "e", "licenseModel": "m", "quantity": 1, "unitPrice": "1.00"},
                              {"id": "f", "licenseModel": "m", "quantity": 1,
                               "validFrom": "2021-01-01", "validUntil": "2020-01-01"}],
             "users": [{"id": "u", "unit": "x"}]}
            """));
  }

  @Test
  void missingAsOf_stillReportsEveryLocalProblem() {
    assertEquals(
        List.of(
            "asOf: required",
            "devices[0].kind: unknown device kind \"tablet\" (expected one of: server, vm, cloud,"
                + " desktop, laptop, mobile)",
            "users[0].id: must be a string, was a number"),
        problems(
            "{\"format\": 1, \"devices\": [{\"id\": \"d\", \"kind\": \"tablet\"}, {\"id\": \"e\","
                + " \"kind\": \"vm\", \"host\": \"nowhere\"}], \"users\": [{\"id\": 7}]}"));
  }

  // ---- malformed documents -----------------------------------------------------------------

  @Test
  void truncated_isReportedWhereParsingStopped() {
    assertEquals(
        List.of(
            "devices[0].kind: malformed JSON at line 3, column 14: unexpected end of input",
            "users[0].id: required"),
        problems(
            "{\"format\": 1, \"asOf\": \"2026-11-27\", \"users\": [{}],\n"
                + " \"devices\": [{\"id\": \"d1\",\n"
                + " \"kind\": \"ser"));
    assertEquals(
        List.of("devices: malformed JSON at line 2, column 1: unexpected end of input"),
        problems("{\"devices\": [{\"id\": \"d1\", \"kind\": \"server\"},\n"));
  }

  @Test
  void emptyDocument_isMalformed() {
    assertEquals(
        List.of("malformed JSON at line 1, column 1: unexpected end of input"), problems(""));
  }

  @Test
  void badToken_isReportedWithItsPosition() {
    assertEquals(
        List.of(
            "users[0].active: malformed JSON at line 1, column 91: unrecognized token 'tru': was"
                + " expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
                + " 'false')"),
        problems(doc("\"users\": [{\"id\": \"u\", \"active\": tru}]")));
  }

  @Test
  void contentAfterTheDocument_isMalformed() {
    assertEquals(
        List.of(
            "malformed JSON at line 1, column 56: unexpected content after the end of the"
                + " document"),
        problems(doc() + " {}"));
  }

  @Test
  void invalidUtf8_isMalformed() {
    byte[] json = doc("\"devices\": [{\"id\": \"dé\", \"kind\": \"server\"}]").getBytes(UTF_8);
    for (int i = 0; i < json.length; i++) {
      if (json[i] == (byte) 0xC3) {
        json[i] = (byte) 0xFF;
      }
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertEquals(
                List.of(
                    "devices[0].id: malformed JSON at line 1, column 78: invalid UTF-8 start byte"
                        + " 0xff"),
                problems(json)));
  }

  @Test
  void utf16_isNotUtf8() {
    assertEquals(
        List.of(
            "malformed JSON at line 1, column 1: the document is not UTF-8 (it looks like UTF-16"
                + " or UTF-32)"),
        problems(doc().getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));
  }

  @Test
  void nesting10000Deep_isMalformed_quickly() {
    String json = "{\"devices\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertEquals(
                List.of(
                    "devices[0]: malformed JSON at line 1, column 77: nested deeper than 64"
                        + " levels",
                    "devices[0]: must be an object, was an array"),
                problems(json.getBytes(UTF_8))));
  }

  @Test
  void fiveMegabyteString_isMalformed_quickly() {
    String json =
        doc(
            "\"devices\": [{\"id\": \"d\", \"kind\": \"server\", \"cpu\": \""
                + "x".repeat(5_000_000)
                + "\"}]");
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          List<String> problems = problems(json.getBytes(UTF_8));
          assertEquals(1, problems.size());
          assertTrue(
              problems
                  .get(0)
                  .matches(
                      "devices\\[0\\]\\.cpu: malformed JSON at line 1, column \\d+: a string longer"
                          + " than 1048576 characters"),
              problems.get(0));
        });
  }

  @Test
  void longValues_areShortenedInMessages() {
    String kind = "k".repeat(1000);
    List<String> problems =
        problems(doc("\"devices\": [{\"id\": \"d\", \"kind\": \"" + kind + "\"}]"));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).length() < 250, problems.get(0));
    assertTrue(problems.get(0).contains("\"" + "k".repeat(61) + "…\""), problems.get(0));
  }

  @Test
  void malformedFieldName_isReportedAtTheObject() {
    assertEquals(
        List.of(
            "products[0].versions[0]: malformed JSON at line 1, column 54: unexpected character"
                + " 'x': was expecting double-quote to start field name"),
        problems("{\"format\": 1, \"products\": [{\"id\": \"a\", \"versions\": [{x}]}]}"));
  }

  @Test
  void controlCharacterInAString_isMalformed() {
    assertEquals(
        List.of(
            "users[0].unit: malformed JSON at line 1, column 69: illegal unquoted character"
                + " (control character 1): has to be escaped using backslash to be included in"
                + " string value"),
        problems(
            "{\"format\": 1, \"asOf\": \"2026-11-27\", \"users\": [{\"id\": \"a\", \"unit\":"
                + " \"x\u0001\"}]}"));
  }

  /** 200 000 records stream through in a few seconds; nothing is held as a tree. */
  @Test
  void read_largeDocument_quickly() {
    StringBuilder json = new StringBuilder(doc(PRODUCT).replace("}]}", "}], \"devices\": ["));
    int devices = 100_000;
    for (int i = 0; i < devices; i++) {
      json.append(i == 0 ? "" : ",\n")
          .append("{\"id\": \"pc-")
          .append(i)
          .append("\", \"kind\": \"desktop\", \"cpu\": \"Intel Core i7\"}");
    }
    json.append("], \"installations\": [");
    for (int i = 0; i < devices; i++) {
      json.append(i == 0 ? "" : ",\n")
          .append("{\"device\": \"pc-")
          .append(i)
          .append("\", \"product\": \"p\"}");
    }
    json.append("]}");
    byte[] bytes = json.toString().getBytes(UTF_8);
    Estate estate =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> STRICT.read(new ByteArrayInputStream(bytes)));
    assertEquals(devices, estate.devices().size());
    assertEquals(devices, estate.installations().size());
  }
}
