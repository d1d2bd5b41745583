package io.itam.io.inventory.swid;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.io.inventory.Iso19770Fixtures;
import io.itam.io.inventory.ProductMapping;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.inventory.Installation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwidTagsTest {
  private static final String NS_2015 = "http://standards.iso.org/iso/19770/-2/2015/schema.xsd";

  @TempDir Path dir;

  private static SwidTag xml(String fixture) throws IOException {
    return SwidTags.parse(new ByteArrayInputStream(Iso19770Fixtures.bytes(fixture)), fixture, null);
  }

  private static SwidTag xml(String text, String device) throws IOException {
    return SwidTags.parse(new ByteArrayInputStream(text.getBytes(UTF_8)), "t.swidtag", device);
  }

  private static List<String> problems(String text) {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                SwidTags.parse(new ByteArrayInputStream(text.getBytes(UTF_8)), "t.swidtag", null));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static ProductMapping automatic() {
    return ProductMapping.automatic(Iso19770Fixtures.catalogue());
  }

  // ---- single tags: every XML fixture --------------------------------------------------------

  @Test
  void parse_nistAuthoritative() throws IOException {
    SwidTag tag = xml(Iso19770Fixtures.NIST);
    assertEquals(SwidFormat.SWID_2015, tag.format());
    assertEquals("gov.nist.decima-swidval-0.5.0.1", tag.tagId());
    assertEquals(1, tag.tagVersion());
    assertEquals("swidval", tag.name());
    assertEquals("0.5.0.1", tag.version());
    assertEquals("multipartnumeric", tag.versionScheme());
    assertEquals(SwidTagType.PRIMARY, tag.type());
    assertEquals(
        List.of(
            new SwidEntity(
                "National Institute of Standards and Technology",
                "nist.gov",
                List.of("tagCreator", "softwareCreator"))),
        tag.entities());
    assertEquals("National Institute of Standards and Technology", tag.licensor().name());
    assertTrue(tag.isInstalled());
    assertFalse(tag.hasEvidence());
  }

  @Test
  void parse_minimalTag_hasNoVersion() throws IOException {
    SwidTag tag = xml(Iso19770Fixtures.MINIMAL);
    assertEquals("test.a.minimal", tag.tagId());
    assertEquals("Minial SWID tag", tag.name());
    assertNull(tag.version(), "the default 0.0 says nothing");
    assertEquals(0, tag.tagVersion());
    assertEquals(Map.of(), tag.meta());
  }

  @Test
  void parse_distroPrimary_keepsLicenseLinkAndMeta() throws IOException {
    SwidTag tag = xml(Iso19770Fixtures.DISTRO);
    assertEquals("test.a.Example-OS-Distro-3.x86_64", tag.tagId());
    assertEquals("3.x86_64", tag.version());
    assertEquals(
        List.of(new SwidLink("license", "http://www.apache.org/licenses/LICENSE-2.0")),
        tag.links());
    assertEquals(Map.of("product", "Example OS", "colloquialVersion", "3"), tag.meta());
  }

  @Test
  void parse_distroSupplemental_toleratesUnknownRole() throws IOException {
    SwidTag tag = xml(Iso19770Fixtures.DISTRO_SUPPLEMENTAL);
    assertEquals(SwidTagType.SUPPLEMENTAL, tag.type());
    assertEquals(List.of("test.a.Example-OS-Distro-3.x86_64"), tag.linked("supplemental"));
    assertEquals(List.of("otherRole"), tag.entities().get(1).roles());
    assertNull(tag.licensor(), "tagCreator and otherRole only");
  }

  @Test
  void parse_evidenceTag_toleratesUnknownAttributeAndForeignNamespaces() throws IOException {
    // Invalid against NIST's fixed XSD (unqualified "arch" on Meta): read leniently.
    SwidTag tag = xml(Iso19770Fixtures.EVIDENCE);
    assertEquals("test.a.pkg1-1.2.0-1.fc28.x86_64", tag.tagId());
    assertEquals("rpm", tag.versionScheme());
    assertTrue(tag.hasEvidence());
    assertEquals("machine.example.test", tag.evidenceDevice());
    assertEquals("2018-01-01T12:13:14Z", tag.evidenceDate());
    assertEquals("machine.example.test", tag.installedOn());
    assertEquals("x86_64", tag.meta().get("arch"));
    assertEquals("1.fc28", tag.meta().get("revision"));
    assertEquals(
        List.of("tagCreator", "softwareCreator", "distributor"), tag.entities().get(0).roles());
  }

  @Test
  void parse_strongswan_nonStandardExtensionNamespace() throws IOException {
    SwidTag tag = xml(Iso19770Fixtures.STRONGSWAN);
    assertEquals("debian stretch/sid-x86_64-docker-1.5-1", tag.tagId());
    assertEquals("alphanumeric", tag.versionScheme());
    assertNull(tag.licensor(), "a tagCreator-only (non-authoritative) tag names no licensor");
  }

  @Test
  void parse_authoredPrimaryAndSupplemental() throws IOException {
    SwidTag primary = xml(Iso19770Fixtures.PRIMARY);
    assertEquals("Enterprise", primary.meta().get("edition"));
    assertEquals("true", primary.meta().get("entitlementDataRequired"));
    assertEquals("5a0c2b6e-2f6b-4a3e-9d1c-1c2b3a4d5e6f", primary.meta().get("persistentId"));
    assertEquals(
        new SwidEntity(
            "Example Software Ltd",
            "example.com",
            List.of("tagCreator", "softwareCreator", "licensor")),
        primary.licensor());
    SwidTag supplemental = xml(Iso19770Fixtures.SUPPLEMENTAL);
    assertEquals(SwidTagType.SUPPLEMENTAL, supplemental.type());
    assertEquals("ENT-0000-EXAMPLE-0042", supplemental.meta().get("entitlementKey"));
    assertEquals("Licensed", supplemental.meta().get("activationStatus"));
    assertEquals("Volume", supplemental.meta().get("channelType"));
  }

  @Test
  void parse_swid2009() throws IOException {
    SwidTag tag = xml(Iso19770Fixtures.SWID_2009);
    assertEquals(SwidFormat.SWID_2009, tag.format());
    assertEquals("regid.2001-04.com.example_5a0c2b6e-2f6b-4a3e-9d1c-1c2b3a4d5e6f", tag.tagId());
    assertEquals("Example Database Server Enterprise", tag.name());
    assertEquals("12.1.0.0", tag.version());
    assertEquals(
        Map.of(
            "colloquialVersion", "12.1",
            "entitlementDataRequired", "true",
            "activationStatus", "fully_licensed",
            "channelType", "volume",
            "customerType", "corporate",
            "serialNumber", "EXAMPLE-SERIAL-0042"),
        tag.meta());
    assertEquals(
        List.of(
            new SwidEntity(
                "Example Software Ltd",
                "regid.2001-04.com.example",
                List.of("softwareCreator", "licensor", "tagCreator"))),
        tag.entities());
    assertEquals("licensor", tag.licensor().roles().get(1));
  }

  @Test
  void parse_draftNamespaces() throws IOException {
    String dis =
        Iso19770Fixtures.text(Iso19770Fixtures.PRIMARY)
            .replace(NS_2015, "http://standards.iso.org/iso/19770/-2/2014-DIS/schema.xsd")
            .replace(
                "role=\"tagCreator softwareCreator licensor\"",
                "role=\"tagCreator softwareLicensor\"");
    SwidTag tag = xml(dis, null);
    assertEquals(SwidFormat.SWID_2015, tag.format());
    assertEquals("example.com", tag.licensor().regid(), "softwareLicensor is the licensor");
    String current =
        Iso19770Fixtures.text(Iso19770Fixtures.PRIMARY).replace("/2015/", "/2015-current/");
    assertEquals(SwidFormat.SWID_2015, xml(current, null).format());
    String draft2008 =
        Iso19770Fixtures.text(Iso19770Fixtures.SWID_2009).replace("/2009/", "/2008/");
    assertEquals(SwidFormat.SWID_2009, xml(draft2008, null).format());
  }

  @Test
  void parse_patchCorpusFlags() throws IOException {
    String head = "<SoftwareIdentity xmlns=\"" + NS_2015 + "\" name=\"n\" tagId=\"t\" ";
    assertEquals(SwidTagType.PATCH, xml(head + "patch=\"1\"/>", null).type());
    assertEquals(SwidTagType.CORPUS, xml(head + "corpus=\"true\" patch=\"true\"/>", null).type());
    assertEquals(SwidTagType.PRIMARY, xml(head + "corpus=\"false\"/>", null).type());
    assertEquals("d", xml(head + "/>", "d").device());
  }

  // ---- problems -------------------------------------------------------------------------------

  @Test
  void parse_missingTagIdAndName_reportsBothAtTheRootElement() {
    assertEquals(
        List.of(
            "t.swidtag:1:93: SoftwareIdentity has no name (required)",
            "t.swidtag:1:93: SoftwareIdentity has no tagId (required)"),
        problems(
            "<SoftwareIdentity xmlns=\"" + NS_2015 + "\" version=\"1\">" + "</SoftwareIdentity>"));
  }

  @Test
  void parse_badFlagAndTagVersion_reported() {
    List<String> problems =
        problems(
            "<SoftwareIdentity xmlns=\""
                + NS_2015
                + "\" name=\"n\" tagId=\"t\" corpus=\"yes\" tagVersion=\"one\"/>");
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("corpus must be true or false, was \"yes\""), problems.toString());
    assertTrue(problems.get(1).contains("tagVersion must be a whole number"), problems.toString());
  }

  @Test
  void parse_malformedXml_namesLineAndColumn() {
    assertEquals(
        List.of(
            "t.swidtag:3:3: malformed XML: The element type \"Entity\" must be terminated by the"
                + " matching end-tag \"</Entity>\"."),
        problems(
            "<SoftwareIdentity xmlns=\""
                + NS_2015
                + "\" name=\"n\" tagId=\"t\">\n<Entity>\n</SoftwareIdentity>"));
  }

  @Test
  void parse_wrongRoot_listsTheNamespacesRead() {
    List<String> problems = problems("<SoftwareIdentity name=\"n\" tagId=\"t\"/>");
    assertEquals(1, problems.size());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "t.swidtag:1:39: not a SWID tag: the root element is SoftwareIdentity (no namespace)"),
        problems.get(0));
    assertTrue(problems.get(0).contains("/2014-DIS/schema.xsd"), problems.get(0));
  }

  @Test
  void parse_externalEntity_isNeverResolved() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE SoftwareIdentity [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<SoftwareIdentity xmlns=\""
            + NS_2015
            + "\" name=\"&x;\" tagId=\"t\"/>";
    List<String> problems = problems(xxe);
    assertEquals(1, problems.size());
    assertTrue(
        problems.get(0).contains("The entity \"x\" was referenced, but not declared"),
        problems.get(0));
  }

  @Test
  void parse_entityExpansion_isNeverExpanded() {
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
            + "<SoftwareIdentity xmlns=\""
            + NS_2015
            + "\" name=\"&b;\" tagId=\"t\"/>";
    assertTrue(problems(bomb).get(0).contains("was referenced, but not declared"));
  }

  @Test
  void parse_binaryAndEmpty_reportedNotThrown() {
    assertTrue(problems("").get(0).startsWith("t.swidtag"));
    assertTrue(problems("\u0000\u0001\u0002").get(0).contains("malformed XML"));
    assertTrue(
        problems("<SoftwareIdentity xmlns=\"" + NS_2015 + "\" name=\"n\" tagId=\"t\"/>trailing")
            .get(0)
            .contains("malformed XML"));
  }

  @Test
  void readTags_collectsTheProblemsOfEveryFile() throws IOException {
    Files.createDirectories(dir.resolve("pc-1"));
    Files.writeString(dir.resolve("pc-1/a.swidtag"), "<oops");
    Files.writeString(
        dir.resolve("pc-1/b.swidtag"), "<SoftwareIdentity xmlns=\"" + NS_2015 + "\"/>");
    Files.write(dir.resolve("pc-1/c.coswid"), new byte[] {(byte) 0xff});
    Iso19770Fixtures.copy(Iso19770Fixtures.NIST, dir, "pc-1/ok.swidtag");
    ValidationException e = assertThrows(ValidationException.class, () -> SwidTags.readTags(dir));
    List<String> paths = e.problems().stream().map(Problem::path).toList();
    assertEquals(4, paths.size(), e.getMessage());
    assertTrue(paths.get(0).startsWith(dir.resolve("pc-1/a.swidtag") + ":1:"), paths.toString());
    assertTrue(paths.get(1).startsWith(dir.resolve("pc-1/b.swidtag") + ":1:"), paths.toString());
    assertTrue(paths.get(3).startsWith(dir.resolve("pc-1/c.coswid").toString()), paths.toString());
  }

  // ---- directories and the merge --------------------------------------------------------------

  @Test
  void read_everyFixture_accountsForEveryTag() throws IOException {
    for (String fixture : Iso19770Fixtures.TAGS) {
      Iso19770Fixtures.copy(fixture, dir, "pc-1/" + fixture.replace('/', '-'));
    }
    SwidInventory found = SwidTags.read(dir, automatic());
    List<String> sources = new ArrayList<>();
    found.installations().forEach(i -> sources.addAll(i.sources()));
    found.unmapped().forEach(u -> sources.addAll(u.sources()));
    assertEquals(Iso19770Fixtures.TAGS.size(), sources.size(), found.toString());
    assertEquals(Iso19770Fixtures.TAGS.size(), sources.stream().distinct().count());
  }

  @Test
  void read_primaryWithSupplemental_mergesMetaIntoOneInstallation() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.PRIMARY, dir, "host42/exampledb.swidtag");
    Iso19770Fixtures.copy(
        Iso19770Fixtures.SUPPLEMENTAL, dir, "host42/exampledb-activation.swidtag");
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(List.of(), found.unmapped());
    SwidInstallation one = found.installations().get(0);
    assertEquals(
        new Installation("host42", "exampledb", "12", "Enterprise", null, null),
        one.installation());
    assertEquals("ENT-0000-EXAMPLE-0042", one.entitlementKey());
    assertEquals("Licensed", one.meta().get("activationStatus"));
    assertEquals("Example Data Platform", one.meta().get("productFamily"));
    assertEquals(2, one.sources().size());
    assertEquals(
        "SWID tag example.com-exampledb-enterprise-12.1.0 (tagVersion 1): \"Example Database"
            + " Server\" 12.1.0, licensor Example Software Ltd (example.com); edition Enterprise,"
            + " colloquialVersion 12, entitlementKey ENT-0000-EXAMPLE-0042, activationStatus"
            + " Licensed, channelType Volume; mapped by name and publisher; version 12.1.0 as 12",
        one.describe());
  }

  @Test
  void read_supplementalWithoutPrimary_isReported() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.SUPPLEMENTAL, dir, "host42/activation.swidtag");
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(List.of(), found.installations());
    assertEquals(
        "supplemental to example.com-exampledb-enterprise-12.1.0, which is not among the tags of"
            + " device host42",
        found.unmapped().get(0).why());
  }

  @Test
  void read_supplementalOfAnotherDevice_doesNotMerge() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.PRIMARY, dir, "host1/exampledb.swidtag");
    Iso19770Fixtures.copy(Iso19770Fixtures.SUPPLEMENTAL, dir, "host2/activation.swidtag");
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(1, found.installations().size());
    assertNull(found.installations().get(0).entitlementKey());
    assertEquals("host2", found.unmapped().get(0).device());
  }

  @Test
  void read_distroPrimaryAndSupplemental_merge() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.DISTRO, dir, "srv-1/distro.swidtag");
    Iso19770Fixtures.copy(Iso19770Fixtures.DISTRO_SUPPLEMENTAL, dir, "srv-1/distro-minor.swidtag");
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(List.of(), found.unmapped());
    SwidInstallation os = found.installations().get(0);
    assertEquals(new Installation("srv-1", "example-os", "3", null, null, null), os.installation());
    assertEquals("14", os.meta().get("revision"), "the supplemental tag adds revision");
  }

  @Test
  void read_evidenceTagInTheRoot_belongsToItsDeviceId() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.EVIDENCE, dir, "scan-0001.swidtag");
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(List.of(), found.unmapped());
    assertEquals(
        new Installation("machine.example.test", "pkg1", null, null, null, null),
        found.installations().get(0).installation());
    assertEquals("by name and publisher", found.installations().get(0).mapping());
  }

  @Test
  void read_tagInTheRootWithoutEvidence_hasNoDevice() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.NIST, dir, "loose.swidtag");
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(List.of(), found.installations());
    assertNull(found.unmapped().get(0).device());
    assertTrue(found.unmapped().get(0).why().startsWith("no device"));
  }

  @Test
  void read_highestTagVersionWins() throws IOException {
    String v1 = Iso19770Fixtures.text(Iso19770Fixtures.PRIMARY);
    String v2 =
        v1.replace("tagVersion=\"1\"", "tagVersion=\"2\"")
            .replace("edition=\"Enterprise\"", "edition=\"Standard\"");
    Files.createDirectories(dir.resolve("pc-1"));
    Files.writeString(dir.resolve("pc-1/a-v2.swidtag"), v2);
    Files.writeString(dir.resolve("pc-1/b-v1.swidtag"), v1);
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(1, found.installations().size());
    assertEquals("Standard", found.installations().get(0).installation().edition());
    assertEquals(2, found.installations().get(0).tagVersion());
    assertTrue(
        found.unmapped().get(0).why().startsWith("superseded by tagVersion 2 in "),
        found.toString());
  }

  @Test
  void read_corpusTag_isNoInstallation() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.COSWID_UNTAGGED, dir, "pc-1/lvfs.coswid");
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(List.of(), found.installations());
    assertEquals(
        "corpus tag: it describes an installation package, not an installed product",
        found.unmapped().get(0).why());
  }

  @Test
  void read_patchOfAnInstalledRelease_joinsIt() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.PRIMARY, dir, "pc-1/exampledb.swidtag");
    Files.writeString(
        dir.resolve("pc-1/exampledb-patch.swidtag"),
        "<SoftwareIdentity xmlns=\""
            + NS_2015
            + "\" name=\"Example Database Server\""
            + " tagId=\"exampledb-12.1.1\" version=\"12.1.1\" patch=\"true\">"
            + "<Link rel=\"patches\" href=\"swid:example.com-exampledb-enterprise-12.1.0\"/>"
            + "</SoftwareIdentity>");
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(1, found.installations().size(), found.toString());
    assertEquals(2, found.installations().get(0).sources().size());
    assertEquals(List.of(), found.unmapped());
  }

  @Test
  void read_unmappedTags_areReportedWithTheReason() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.STRONGSWAN, dir, "pc-1/docker.swidtag");
    Iso19770Fixtures.copy(Iso19770Fixtures.SWID_2009, dir, "pc-1/exampledb-2009.swidtag");
    SwidInventory found = SwidTags.read(dir, automatic());
    assertEquals(List.of(), found.installations());
    assertEquals(
        List.of(
            "pc-1: debian stretch/sid-x86_64-docker-1.5-1 \"docker\" 1.5-1: no catalogue product is"
                + " named \"docker\" or \"debian stretch/sid x86_64\"; add a rule to the mapping"
                + " file",
            "pc-1: regid.2001-04.com.example_5a0c2b6e-2f6b-4a3e-9d1c-1c2b3a4d5e6f \"Example"
                + " Database Server Enterprise\" 12.1.0.0: no catalogue product is named \"Example"
                + " Database Server Enterprise\" from \"Example Software Ltd\""
                + " (regid.2001-04.com.example); add a rule to the mapping file"),
        found.unmapped().stream().map(UnmappedTag::toString).toList());
  }

  @Test
  void read_mappingFile_mapsIgnoresAndResolvesVersions() throws IOException {
    Iso19770Fixtures.copy(Iso19770Fixtures.STRONGSWAN, dir, "pc-1/docker.swidtag");
    Iso19770Fixtures.copy(Iso19770Fixtures.SWID_2009, dir, "pc-1/exampledb-2009.swidtag");
    Iso19770Fixtures.copy(Iso19770Fixtures.COSWID, dir, "pc-2/exampledb.coswid");
    ProductMapping mapping =
        ProductMapping.parse(
            """
            {
              "products": [
                { "match": { "name": "docker" }, "ignore": "open source, not licensed" },
                { "match": { "name": "Example Database Server*", "regid": "*.com.example" },
                  "product": "exampledb", "edition": "Enterprise" }
              ],
              "versions": [ { "product": "exampledb", "match": "12.*", "version": "12" } ]
            }
            """,
            "mapping.json",
            Iso19770Fixtures.catalogue());
    SwidInventory found = SwidTags.read(dir, mapping);
    assertEquals(
        List.of(
            new Installation("pc-1", "exampledb", "12", "Enterprise", null, null),
            new Installation("pc-2", "exampledb", "12", "Enterprise", null, null)),
        found.records().stream().map(i -> i.withEvidence(null)).toList());
    // The estate's records carry the tag data the position's reasons quote.
    for (int i = 0; i < found.records().size(); i++) {
      assertEquals(found.installations().get(i).describe(), found.records().get(i).evidence());
    }
    assertTrue(
        found.records().get(0).evidence().contains("serialNumber EXAMPLE-SERIAL-0042"),
        found.records().get(0).evidence());
    assertEquals(
        "by mapping.json:products[1]; version 12.1.0.0 as 12 by the mapping's versions",
        found.installations().get(0).mapping());
    assertEquals(
        "by name and publisher; version 12.1.0 as 12 by the mapping's versions",
        found.installations().get(1).mapping());
    assertEquals(
        "ignored by mapping.json:products[0]: open source, not licensed",
        found.unmapped().get(0).why());
  }
}
