package io.itam.cli;

import static io.itam.cli.Cli.assertNoStackTrace;
import static io.itam.cli.Cli.copy;
import static io.itam.cli.Cli.itam;
import static io.itam.cli.Cli.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.cli.Cli.Run;
import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.io.position.PositionReader;
import io.itam.io.position.PositionWriter;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Allocation;
import io.itam.model.position.Position;
import io.itam.model.position.Shortfall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs {@code itam reconcile} and {@code itam validate} merge into the estate document: CSV
 * tables ({@code --csv}, {@code --csv-mapping}, {@code --csv-column}), SWID and CoSWID tags ({@code
 * --swid}, {@code --product-mapping}, {@code --fail-on-unmapped}) and CycloneDX licensing ({@code
 * --cyclonedx}); each happy path, and each way it fails: exit 2, every problem at once and at its
 * source, no stack trace.
 */
class ItamCliInputsTest {
  /** A catalogue for the ISO 19770 fixtures, two licence models, two desktops; no purchases. */
  private static final String BASE =
      """
      {
        "format": 1,
        "asOf": "2026-11-27",
        "currency": "EUR",
        "organization": [{"id": "acme"}, {"id": "acme-de", "parent": "acme"}],
        "products": [
          {"id": "exampledb", "publisher": "Example Software", "name": "Example Database Server",
           "editions": ["Standard", "Enterprise"],
           "versions": [{"name": "11", "released": "2021-03-01"},
                        {"name": "12", "released": "2023-03-01"}]},
          {"id": "pkg1", "publisher": "Example A Organization", "name": "pkg1"}
        ],
        "licenseModels": [
          {"id": "exampledb-device", "product": "exampledb", "edition": "Enterprise",
           "version": "12", "metric": {"type": "device"},
           "rights": {"versionDowngrade": true, "editionDowngrade": true}},
          {"id": "pkg1-installation", "product": "pkg1", "metric": {"type": "installation"}}
        ],
        "devices": [{"id": "pc-1", "kind": "desktop", "unit": "acme-de"},
                    {"id": "pc-2", "kind": "desktop", "unit": "acme-de"}]
      }
      """;

  private static final String PRIMARY = "authored/swid2015-primary-licensed-product.swidtag";
  private static final String SUPPLEMENTAL = "authored/swid2015-supplemental-entitlement.swidtag";
  private static final String SWID_2009 = "authored/swid2009-licensed-product.swidtag";
  private static final String COSWID = "authored/coswid-primary-licensor.coswid";
  private static final String CORPUS = "coswid/rimtool-lvfs-untagged.coswid";
  private static final String EVIDENCE = "swid2015/rpm2swidtag-pkg1-evidence.swidtag";
  private static final String BOM_WITHOUT_QUANTITY = "cyclonedx/valid-license-licensing-1.6.json";

  /** A BOM buying two device licences of Example Database Server. */
  private static final String BOM =
      """
      {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
       "components": [{"type": "application", "publisher": "Example Software",
         "name": "Example Database Server", "version": "12.1.0",
         "licenses": [{"license": {"name": "Example Database Server Enterprise",
           "licensing": {"purchaseOrder": "PO-9", "licenseTypes": ["device", "perpetual"]},
           "properties": [{"name": "itam:quantity", "value": "2"},
                          {"name": "itam:scope", "value": "acme"}]}}]}]}
      """;

  /** A tag of software the catalogue does not list. */
  private static final String FREEWARE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <SoftwareIdentity xmlns="http://standards.iso.org/iso/19770/-2/2015/schema.xsd"
          name="Notepad Extra" tagId="community.example.org-notepad-extra-8.6" version="8.6">
        <Entity name="Notepad Extra Community" regid="community.example.org"
                role="tagCreator softwareCreator"/>
      </SoftwareIdentity>
      """;

  @TempDir Path dir;
  private String base;

  @BeforeEach
  void writeBase() throws IOException {
    base = write(dir, "base.json", BASE).toString();
  }

  private String path(String relative) {
    return dir.resolve(relative).toString();
  }

  private static Position position(Run run) {
    assertEquals(0, run.exit(), run.err());
    return PositionReader.create().read(run.out());
  }

  /** Product by consumer, of the allocations and shortfalls, with each one's reason. */
  private static Map<String, String> reasons(Position position) {
    Map<String, String> reasons = new TreeMap<>();
    for (Allocation a : position.allocations()) {
      reasons.put(a.consumer() + " " + a.product() + " allocated", a.reason());
    }
    for (Shortfall s : position.shortfalls()) {
      reasons.put(s.consumer() + " " + s.product() + " short", s.reason());
    }
    return reasons;
  }

  // ---- CSV -----------------------------------------------------------------------------------

  private void writeCsvTables(String directory) throws IOException {
    writeCsvTables(directory, directory);
  }

  /** Devices and installations into {@code inventory}, entitlements into {@code purchases}. */
  private void writeCsvTables(String inventory, String purchases) throws IOException {
    write(dir, inventory + "/devices.csv", "id,kind,unit\npc-3,laptop,acme\n");
    write(
        dir,
        inventory + "/installations.csv",
        "device,product,version,edition\npc-1,exampledb,12,Enterprise\npc-3,exampledb,11,Standard\n");
    write(
        dir,
        purchases + "/entitlements.csv",
        "id,licenseModel,quantity,scope,unitPrice\nPO-1/1,exampledb-device,1,acme,4200.00\n");
  }

  /** The base estate with the records of {@link #writeCsvTables}, built in code. */
  private Position expectedFromCsv() throws IOException {
    Estate estate =
        EstateReader.create().read(Path.of(base)).toBuilder()
            .add(Device.laptop("pc-3", "acme", null))
            .add(new Installation("pc-1", "exampledb", "12", "Enterprise", null, null))
            .add(new Installation("pc-3", "exampledb", "11", "Standard", null, null))
            .add(
                Entitlement.builder("PO-1/1", "exampledb-device")
                    .quantity(1)
                    .scope("acme")
                    .unitPrice(Money.of("4200.00", "EUR"))
                    .build())
            .build();
    return Reconciler.create().reconcile(estate);
  }

  @Test
  void csv_tablesAreMergedIntoTheEstate() throws IOException {
    writeCsvTables("export");

    Run run = itam("reconcile", base, "--csv", path("export"), "--format", "json");

    assertEquals("", run.err());
    assertEquals(PositionWriter.create().writeString(expectedFromCsv()), run.out());
    assertEquals(
        new Run(
            0,
            "valid: "
                + base
                + " with the inputs: 12 records (8 from "
                + base
                + ", 4 from the inputs)\n",
            ""),
        itam("validate", base, "--csv", path("export")));
  }

  @Test
  void csv_repeated_readsEveryDirectory() throws IOException {
    writeCsvTables("inventory", "purchases");

    Run run =
        itam(
            "reconcile",
            base,
            "--csv",
            path("inventory"),
            "--csv",
            path("purchases"),
            "--format",
            "json");

    assertEquals("", run.err());
    assertEquals(PositionWriter.create().writeString(expectedFromCsv()), run.out());
  }

  @Test
  void csv_headersOfAnExport_mappedByFlagsAndByAFile() throws IOException {
    write(dir, "export/devices.csv", "Hostname;Type;Cost Centre;RAM\npc-3;Notebook;acme;16\n");
    write(
        dir,
        "export/installations.csv",
        "Computer;Software;Version;Edition\n"
            + "pc-1;exampledb;12;Enterprise\n"
            + "pc-3;exampledb;11;Standard\n");
    write(
        dir,
        "export/entitlements.csv",
        "PO;SKU;Qty;Scope;Price\nPO-1/1;exampledb-device;1;acme;4200.00 EUR\n");
    Path mapping =
        write(
            dir,
            "mapping.json",
            """
            {"delimiter": ";",
             "devices": {"values": {"kind": {"Notebook": "laptop"}}},
             "installations": {"columns": {"device": "Computer", "product": "Software"}},
             "entitlements": {"columns": {"id": "PO", "licenseModel": "SKU", "quantity": "Qty",
                                          "unitPrice": "Price"}}}
            """);

    Run run =
        itam(
            "reconcile",
            base,
            "--csv",
            path("export"),
            "--csv-mapping",
            mapping.toString(),
            "--csv-column",
            "devices.id=Hostname",
            "--csv-column=devices.kind=Type",
            "--csv-column",
            "devices.unit=Cost Centre",
            "--allow-unknown-columns",
            "--format",
            "json");

    assertEquals("", run.err());
    assertEquals(PositionWriter.create().writeString(expectedFromCsv()), run.out());
  }

  @Test
  void csv_unknownColumn_isAProblemUnlessAllowed() throws IOException {
    Path table = write(dir, "export/devices.csv", "id,kind,unit,colour\npc-3,laptop,acme,red\n");

    Run strict = itam("validate", base, "--csv", path("export"));

    assertEquals(2, strict.exit());
    assertTrue(
        strict
            .err()
            .startsWith("error: inputs: 1 problem:\n  " + table + ":1:colour: unknown column"),
        strict.err());
    assertEquals(
        0, itam("validate", base, "--csv", path("export"), "--allow-unknown-columns").exit());
  }

  @Test
  void csv_badDirectories_exit2NamingEach() throws IOException {
    write(dir, "empty/readme.txt", "nothing here");
    write(dir, "file.csv", "id\n");

    Run run =
        itam(
            "reconcile",
            base,
            "--csv",
            path("missing"),
            "--csv",
            path("empty"),
            "--csv",
            path("file.csv"));

    assertEquals(
        new Run(
            2,
            "",
            "error: inputs: 3 problems:\n"
                + "  "
                + path("empty")
                + ": no CSV table: expected one or more of devices.csv, users.csv, installations.csv,"
                + " entitlements.csv\n"
                + "  "
                + path("file.csv")
                + ": not a directory (CSV input is a directory of devices.csv, users.csv, …)\n"
                + "  "
                + path("missing")
                + ": no such file or directory (CSV tables)\n"),
        run);
  }

  @Test
  void csv_badMappings_exit2() throws IOException {
    writeCsvTables("export");
    Path mapping =
        write(dir, "mapping.json", "{\"devices\": {\"columns\": {\"colour\": \"Farbe\"}}}");
    String hint =
        "usage: itam reconcile [OPTIONS] FILE; run 'itam reconcile --help' for the options\n";

    Run badFile =
        itam("reconcile", base, "--csv", path("export"), "--csv-mapping", mapping.toString());
    Run missingFile =
        itam("reconcile", base, "--csv", path("export"), "--csv-mapping", path("none.json"));

    assertEquals(2, badFile.exit());
    assertTrue(
        badFile.err().startsWith("error: inputs: 1 problem:\n  " + mapping + ":"), badFile.err());
    assertTrue(badFile.err().contains("colour"), badFile.err());
    assertNoStackTrace(badFile.err());
    assertEquals(
        new Run(
            2,
            "",
            "error: inputs: 1 problem:\n  "
                + path("none.json")
                + ": no such file or directory (CSV mapping)\n"),
        missingFile);
    assertEquals(
        new Run(
            2,
            "",
            "error: --csv-column: column mapping \"devices.id\": expected table.field=Header, e.g."
                + " devices.id=Hostname\n"
                + hint),
        itam("reconcile", base, "--csv", path("export"), "--csv-column", "devices.id"));
    assertEquals(
        new Run(
            2,
            "",
            "error: --csv-column: column mapping \"printers.id=Name\": unknown table \"printers\""
                + " (tables: devices, users, installations, entitlements)\n"
                + hint),
        itam("reconcile", base, "--csv", path("export"), "--csv-column", "printers.id=Name"));
    assertEquals(
        new Run(2, "", "error: --csv-mapping applies to --csv DIR, which is not given\n" + hint),
        itam("reconcile", base, "--csv-mapping", mapping.toString()));
  }

  @Test
  void csv_problemsOfMergedRecords_pointAtFileLineAndHeader() throws IOException {
    Path devices =
        write(
            dir, "export/devices.csv", "Hostname,kind,unit\npc-3,laptop,acme\npc-1,desktop,acme\n");
    Path entitlements =
        write(
            dir,
            "export/entitlements.csv",
            "id,licenseModel,quantity,scope\n"
                + "PO-1/1,exampledb-dev,1,acme\n"
                + "PO-1/2,exampledb-device,1,mars\n");

    Run run =
        itam("validate", base, "--csv", path("export"), "--csv-column", "devices.id=Hostname");

    assertEquals(
        new Run(
            2,
            "",
            "error: "
                + base
                + " merged with the inputs: 3 problems:\n"
                + "  "
                + devices
                + ":3:Hostname: duplicate id \"pc-1\" (first at "
                + base
                + ":devices[0])\n"
                + "  "
                + entitlements
                + ":2:licenseModel: unknown licence model \"exampledb-dev\"\n"
                + "  "
                + entitlements
                + ":3:scope: unknown organisation unit \"mars\"\n"),
        run);
  }

  // ---- SWID and CoSWID -----------------------------------------------------------------------

  @Test
  void swid_tagsPerDeviceAndEvidenceTags_becomeInstallationsWithTheTagData() throws IOException {
    copy(PRIMARY, dir, "tags/pc-1/primary.swidtag");
    copy(SUPPLEMENTAL, dir, "tags/pc-1/activation.swidtag");
    copy(COSWID, dir, "tags/pc-2/exampledb.coswid");
    copy(EVIDENCE, dir, "scans/scanner-0001.swidtag");
    write(dir, "export/devices.csv", "id,kind,unit\nmachine.example.test,server,acme\n");

    Run run =
        itam(
            "reconcile",
            base,
            "--swid",
            path("tags"),
            "--swid",
            path("scans"),
            "--csv",
            path("export"),
            "--format",
            "json");

    assertEquals("", run.err());
    Map<String, String> reasons = reasons(position(run));
    assertEquals(
        List.of("machine.example.test pkg1 short", "pc-1 exampledb short", "pc-2 exampledb short"),
        List.copyOf(reasons.keySet()));
    assertTrue(
        reasons
            .get("pc-1 exampledb short")
            .contains(
                "SWID tag example.com-exampledb-enterprise-12.1.0 (tagVersion 1): \"Example Database"
                    + " Server\" 12.1.0"),
        reasons.toString());
    assertTrue(
        reasons.get("pc-1 exampledb short").contains("entitlementKey ENT-0000-EXAMPLE-0042"),
        reasons.toString());
    assertTrue(
        reasons.get("pc-2 exampledb short").contains("edition Enterprise"), reasons.toString());
    assertTrue(
        reasons.get("machine.example.test pkg1 short").contains("test.a.pkg1-1.2.0-1.fc28.x86_64"),
        reasons.toString());
  }

  @Test
  void swid_unmappedTags_areListedAndFailOnlyWhenAsked() throws IOException {
    Path tag2009 = copy(SWID_2009, dir, "tags/pc-2/exampledb-2009.swidtag");
    Path freeware = write(dir, "tags/pc-2/notepad.swidtag", FREEWARE);
    copy(CORPUS, dir, "tags/pc-1/installer.coswid");

    Run listed = itam("reconcile", base, "--swid", path("tags"), "--format", "json");
    Run failing =
        itam("reconcile", base, "--swid", path("tags"), "--fail-on-unmapped", "--format", "json");

    assertEquals(0, listed.exit(), listed.err());
    List<String> lines = listed.err().lines().toList();
    assertEquals(4, lines.size(), listed.err());
    assertEquals("warning: 3 SWID tags are not installations (2 unmapped):", lines.get(0));
    assertTrue(lines.get(1).startsWith("  pc-1: "), lines.get(1));
    assertTrue(lines.get(1).contains("corpus tag"), lines.get(1));
    assertTrue(
        lines
            .get(2)
            .startsWith(
                "  pc-2: community.example.org-notepad-extra-8.6 \"Notepad Extra\" 8.6: no catalogue"
                    + " product is named \"Notepad Extra\""),
        lines.get(2));
    assertTrue(lines.get(2).endsWith("(" + freeware + ")"), lines.get(2));
    assertTrue(
        lines
            .get(3)
            .startsWith(
                "  pc-2: regid.2001-04.com.example_5a0c2b6e-2f6b-4a3e-9d1c-1c2b3a4d5e6f \"Example"
                    + " Database Server Enterprise\" 12.1.0.0: no catalogue product"),
        lines.get(3));
    assertTrue(lines.get(3).endsWith("(" + tag2009 + ")"), lines.get(3));
    assertEquals(2, failing.exit());
    assertEquals("", failing.out());
    assertTrue(
        failing
            .err()
            .endsWith(
                "error: 2 SWID tags are unmapped (--fail-on-unmapped): map them to a product with"
                    + " --product-mapping FILE, or ignore them there\n"),
        failing.err());

    Path mapping =
        write(
            dir,
            "swid-mapping.json",
            """
            {"products": [
              {"match": {"name": "Example Database Server*"}, "product": "exampledb",
               "edition": "Enterprise"},
              {"match": {"regid": "community.example.org"}, "ignore": "free software"}]}
            """);
    Run mapped =
        itam(
            "reconcile",
            base,
            "--swid",
            path("tags"),
            "--product-mapping",
            mapping.toString(),
            "--fail-on-unmapped",
            "--format",
            "json");

    Map<String, String> reasons = reasons(position(mapped));
    assertEquals(List.of("pc-2 exampledb short"), List.copyOf(reasons.keySet()));
    assertTrue(
        reasons.get("pc-2 exampledb short").contains("serialNumber EXAMPLE-SERIAL-0042"),
        reasons.toString());
    assertTrue(
        mapped.err().startsWith("warning: 2 SWID tags are not installations:\n"), mapped.err());
    assertTrue(mapped.err().contains(": ignored by " + mapping), mapped.err());
  }

  @Test
  void swid_deviceNotInTheEstate_isAProblemAtTheTagFile() throws IOException {
    Path tag = copy(PRIMARY, dir, "tags/pc-9/primary.swidtag");

    Run run = itam("validate", base, "--swid", path("tags"));

    assertEquals(
        new Run(
            2,
            "",
            "error: "
                + base
                + " merged with the inputs: 1 problem:\n"
                + "  "
                + tag
                + " (installation.device): unknown device \"pc-9\"\n"
                + "hint: a device that SWID tags are on (their directory, or their Evidence deviceId)"
                + " must be in "
                + base
                + " or in a devices.csv of --csv\n"),
        run);
  }

  @Test
  void swid_badTagsAndMappings_exit2WithEveryProblem() throws IOException {
    Path broken = write(dir, "tags/pc-1/broken.swidtag", "<SoftwareIdentity name=\"x\"");
    Path nameless =
        write(
            dir,
            "tags/pc-2/nameless.swidtag",
            "<SoftwareIdentity xmlns=\"http://standards.iso.org/iso/19770/-2/2015/schema.xsd\""
                + " tagId=\"t\"/>");
    Path mapping =
        write(
            dir,
            "m.json",
            "{\"products\": [{\"match\": {\"name\": \"x\"}, \"product\": \"nope\"}]}");

    Run run =
        itam(
            "reconcile",
            base,
            "--swid",
            path("tags"),
            "--swid",
            path("missing"),
            "--product-mapping",
            mapping.toString());

    assertEquals(2, run.exit());
    assertEquals("", run.out());
    List<String> lines = run.err().lines().toList();
    assertEquals("error: inputs: 4 problems:", lines.get(0), run.err());
    assertTrue(lines.get(1).startsWith("  " + mapping + ":products[0].product: "), run.err());
    assertEquals("  " + path("missing") + ": no such file or directory (SWID tags)", lines.get(2));
    assertTrue(lines.get(3).startsWith("  " + broken + ":"), run.err());
    assertTrue(lines.get(4).startsWith("  " + nameless + ":"), run.err());
    assertNoStackTrace(run.err());
  }

  @Test
  void swid_optionsThatNeedAnother_areUsageMistakes() throws IOException {
    String hint =
        "usage: itam validate [OPTIONS] FILE; run 'itam validate --help' for the options\n";

    assertEquals(
        new Run(
            2, "", "error: --fail-on-unmapped applies to --swid DIR, which is not given\n" + hint),
        itam("validate", base, "--fail-on-unmapped"));
    assertEquals(
        new Run(
            2,
            "",
            "error: --product-mapping applies to --swid DIR and --cyclonedx FILE, neither is given\n"
                + hint),
        itam("validate", base, "--product-mapping", "m.json"));
    assertEquals(
        new Run(
            2,
            "",
            "error: option '--product-mapping' (FILE) should be specified only once\n" + hint),
        itam("validate", base, "--product-mapping", "a.json", "--product-mapping", "b.json"));
  }

  // ---- CycloneDX -----------------------------------------------------------------------------

  @Test
  void cyclonedx_licencesWithAQuantity_becomeEntitlements_othersAreListed() throws IOException {
    copy(PRIMARY, dir, "tags/pc-1/primary.swidtag");
    copy(COSWID, dir, "tags/pc-2/exampledb.coswid");
    Path bom = write(dir, "bom.json", BOM);
    Path other = copy(BOM_WITHOUT_QUANTITY, dir, "vendor.cdx.json");

    Run run =
        itam(
            "reconcile",
            base,
            "--swid",
            path("tags"),
            "--cyclonedx",
            bom.toString(),
            "--cyclonedx",
            other.toString(),
            "--format",
            "json");

    Position position = position(run);
    assertTrue(position.compliant(), run.out());
    assertEquals(List.of("PO-9"), position.licenses().get(0).entitlements());
    assertEquals(2, position.licenses().get(0).consumed());
    assertEquals(
        "warning: 1 CycloneDX licence is not an entitlement:\n"
            + "  "
            + other
            + ":components[0].licenses[0]: cryptographic-provider 2.2.0, Acme Commercial License"
            + " (purchase order PO-12345, licensor Acme Inc, licensee Example Co., types appliance,"
            + " last renewed 2022-04-13T20:20:39+00:00, expires 2023-04-13T20:20:39+00:00): no"
            + " quantity: CycloneDX licensing has none; add the property itam:quantity\n",
        run.err());
  }

  @Test
  void cyclonedx_problems_atTheirSource() throws IOException {
    Path bom = write(dir, "bom.json", BOM);
    Path csv =
        write(dir, "po/entitlements.csv", "id,licenseModel,quantity\nPO-9,exampledb-device,1\n");
    Path broken = write(dir, "broken.json", "{\"bomFormat\": ");

    Run duplicate = itam("validate", base, "--csv", path("po"), "--cyclonedx", bom.toString());
    Run malformed = itam("validate", base, "--cyclonedx", broken.toString());

    assertEquals(
        new Run(
            2,
            "",
            "error: "
                + base
                + " merged with the inputs: 1 problem:\n"
                + "  "
                + bom
                + ":components[0].licenses[0] (entitlement.id): duplicate id \"PO-9\" (first at "
                + csv
                + ":2)\n"),
        duplicate);
    assertEquals(2, malformed.exit());
    assertTrue(
        malformed.err().startsWith("error: inputs: 1 problem:\n  " + broken + ":"),
        malformed.err());
    assertNoStackTrace(malformed.err());
  }

  // ---- all inputs ----------------------------------------------------------------------------

  @Test
  void everyInput_everyProblemAtOnce() throws IOException {
    Path table =
        write(
            dir,
            "export/entitlements.csv",
            "id,licenseModel,quantity\nPO-1,exampledb-device,ten\n");
    Path tag = write(dir, "tags/pc-1/broken.swidtag", "<SoftwareIdentity");

    Run run =
        itam(
            "reconcile",
            base,
            "--csv",
            path("export"),
            "--swid",
            path("tags"),
            "--cyclonedx",
            path("bom.json"));

    List<String> lines = run.err().lines().toList();
    assertEquals(2, run.exit());
    assertEquals("error: inputs: 3 problems:", lines.get(0));
    assertEquals(
        "  " + path("bom.json") + ": no such file or directory (CycloneDX BOM)", lines.get(1));
    assertTrue(lines.get(2).startsWith("  " + table + ":2:quantity: "), run.err());
    assertTrue(lines.get(3).startsWith("  " + tag + ":"), run.err());
    assertEquals(4, lines.size(), run.err());
  }

  @Test
  void output_thatIsAnInput_isRefused() throws IOException {
    Path bom = write(dir, "bom.json", BOM);

    Run run = itam("reconcile", base, "--cyclonedx", bom.toString(), "--output", bom.toString());

    assertEquals(new Run(2, "", "error: " + bom + ": cannot write: it is an input\n"), run);
    assertEquals(BOM, Files.readString(bom, UTF_8));
  }

  @Test
  void baseDocumentInvalid_isReportedAsBefore() throws IOException {
    writeCsvTables("export");
    Path broken =
        write(
            dir,
            "broken.json",
            BASE.replace("\"currency\": \"EUR\",", "\"currency\": \"EUR\", \"x\": 1,"));

    assertEquals(
        new Run(2, "", "error: " + broken + ": 1 problem:\n  x: unknown field \"x\"\n"),
        itam("reconcile", broken.toString(), "--csv", path("export")));
  }
}
