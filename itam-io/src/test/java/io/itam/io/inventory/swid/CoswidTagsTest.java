package io.itam.io.inventory.swid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.itam.io.inventory.Iso19770Fixtures;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoswidTagsTest {
  private static final CBORFactory CBOR = new CBORFactory();

  /** Writes CBOR with a generator: tags, integer or text labels, indefinite-length maps. */
  private interface Writing {
    void write(CBORGenerator g) throws IOException;
  }

  private static byte[] cbor(Writing writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator g = CBOR.createGenerator(out)) {
      writing.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<String> problems(byte[] bytes) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> CoswidTags.parse(bytes, "x.coswid", null));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void parse_authoredTaggedTag() {
    byte[] bytes = Iso19770Fixtures.bytes(Iso19770Fixtures.COSWID);
    assertEquals("da53574944", hex(Arrays.copyOf(bytes, 5)), "CBOR tag 1398229316");
    SwidTag tag = CoswidTags.parse(bytes, "primary.coswid", "host42");
    assertEquals(SwidFormat.COSWID, tag.format());
    assertEquals("5a0c2b6e-2f6b-4a3e-9d1c-1c2b3a4d5e6f", tag.tagId(), "16-byte tag id as UUID");
    assertEquals(1, tag.tagVersion());
    assertEquals("Example Database Server", tag.name());
    assertEquals("12.1.0", tag.version());
    assertEquals("multipartnumeric", tag.versionScheme());
    assertEquals(SwidTagType.PRIMARY, tag.type());
    assertEquals(
        List.of(
            new SwidEntity(
                "Example Software Ltd",
                "https://example.com",
                List.of("tagCreator", "softwareCreator", "licensor"))),
        tag.entities());
    assertEquals(
        List.of(new SwidLink("license", "https://example.com/legal/eula-exampledb-12.html")),
        tag.links());
    assertEquals(
        Map.of(
            "product", "Example Database Server",
            "edition", "Enterprise",
            "colloquialVersion", "12",
            "entitlementDataRequired", "true"),
        tag.meta());
    assertEquals("host42", tag.installedOn());
  }

  @Test
  void parse_untaggedCorpusTag() {
    SwidTag tag =
        CoswidTags.parse(
            Iso19770Fixtures.bytes(Iso19770Fixtures.COSWID_UNTAGGED), "lvfs.coswid", null);
    assertEquals("fab60fae-7ae9-4b56-9c50-44c7e6836af5", tag.tagId());
    assertEquals("Test2.efi", tag.name());
    assertEquals("1", tag.version());
    assertEquals(SwidTagType.CORPUS, tag.type());
    assertEquals(Map.of("generator", "uSWID"), tag.meta());
    assertEquals(
        List.of("tagCreator", "softwareCreator", "maintainer"), tag.entities().get(0).roles());
  }

  @Test
  void parse_textLabelsAndIndefiniteMaps_readAsIntegerLabels() {
    byte[] text =
        cbor(
            g -> {
              g.writeStartObject(); // indefinite length
              g.writeStringField("tag-id", "acme-rr-1.0");
              g.writeStringField("software-name", "Roadrunner");
              g.writeStringField("software-version", "1.0");
              g.writeNumberField("tag-version", 3);
              g.writeBooleanField("supplemental", true);
              g.writeFieldName("entity");
              g.writeStartArray();
              g.writeStartObject();
              g.writeStringField("entity-name", "ACME Ltd");
              g.writeStringField("reg-id", "acme.example");
              g.writeFieldName("role");
              g.writeStartArray();
              g.writeString("tag-creator");
              g.writeString("licensor");
              g.writeEndArray();
              g.writeEndObject();
              g.writeStartObject();
              g.writeStringField("entity-name", "Scanner Inc");
              g.writeNumberField("role", 1);
              g.writeEndObject();
              g.writeEndArray();
              g.writeFieldName("link");
              g.writeStartObject();
              g.writeStringField("href", "swid:acme-rr-base");
              g.writeNumberField("rel", 11);
              g.writeEndObject();
              g.writeFieldName("software-meta");
              g.writeStartObject();
              g.writeStringField("entitlement-key", "K-1");
              g.writeStringField("activation-status", "Trial");
              g.writeEndObject();
              g.writeFieldName("evidence");
              g.writeStartObject();
              g.writeStringField("device-id", "pc-9");
              g.writeStringField("date", "2026-11-01T00:00:00Z");
              g.writeEndObject();
              g.writeEndObject();
            });
    SwidTag tag = CoswidTags.parse(text, "x.coswid", null);
    assertEquals("acme-rr-1.0", tag.tagId());
    assertEquals(3, tag.tagVersion());
    assertEquals(SwidTagType.SUPPLEMENTAL, tag.type());
    assertEquals(List.of("acme-rr-base"), tag.linked("supplemental"));
    assertEquals(List.of("tagCreator", "licensor"), tag.entities().get(0).roles());
    assertEquals(List.of("tagCreator"), tag.entities().get(1).roles());
    assertEquals(Map.of("entitlementKey", "K-1", "activationStatus", "Trial"), tag.meta());
    assertEquals("pc-9", tag.installedOn());
    assertEquals("2026-11-01T00:00:00Z", tag.evidenceDate());

    byte[] integer =
        cbor(
            g -> {
              g.writeTag((int) CoswidTags.CBOR_TAG);
              g.writeStartObject();
              g.writeFieldId(0);
              g.writeString("acme-rr-1.0");
              g.writeFieldId(1);
              g.writeString("Roadrunner");
              g.writeFieldId(99); // unknown label: skipped
              g.writeStartArray();
              g.writeEndArray();
              g.writeEndObject();
            });
    SwidTag tagged = CoswidTags.parse(integer, "y.coswid", "d");
    assertEquals("Roadrunner", tagged.name());
    assertNull(tagged.version());
  }

  @Test
  void parse_byteStringInsideTheTag_isReportedAsNonConformant() {
    // RIM-Tool's coswid_rim_1.coswid wraps the map in a byte string inside the CoSWID tag.
    byte[] inner = Arrays.copyOfRange(Iso19770Fixtures.bytes(Iso19770Fixtures.COSWID), 5, 234);
    byte[] wrapped =
        cbor(
            g -> {
              g.writeTag((int) CoswidTags.CBOR_TAG);
              g.writeBinary(inner);
            });
    assertEquals(
        List.of(
            "x.coswid:byte 0: the CoSWID tag (1398229316) wraps a byte string, not a map: RFC 9393"
                + " tags the map itself (a non-conformant encoding)"),
        problems(wrapped));
  }

  @Test
  void parse_wrongTypes_reportedAtTheirLabels() {
    byte[] bytes =
        cbor(
            g -> {
              g.writeStartObject();
              g.writeFieldId(0);
              g.writeNumber(7);
              g.writeFieldId(12);
              g.writeString("1");
              g.writeFieldId(2);
              g.writeStartObject();
              g.writeFieldId(31);
              g.writeNumber(5);
              g.writeFieldId(33);
              g.writeStartArray();
              g.writeBoolean(true);
              g.writeEndArray();
              g.writeEndObject();
              g.writeEndObject();
            });
    assertEquals(
        List.of(
            "x.coswid:entity.entity-name: must be a text string, was the number 5",
            "x.coswid:entity.role[0]: must be an integer or a text string, was true",
            "x.coswid:software-name: required (label 1)",
            "x.coswid:tag-id: must be a text or a 16-byte UUID, was the number 7",
            "x.coswid:tag-version: must be an unsigned integer, was the text \"1\""),
        problems(bytes));
  }

  @Test
  void parse_truncated_namesTheByte() {
    byte[] truncated = Arrays.copyOf(Iso19770Fixtures.bytes(Iso19770Fixtures.COSWID), 100);
    List<String> problems = problems(truncated);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("x.coswid:byte "), problems.toString());
    assertTrue(problems.get(0).contains("malformed CBOR"), problems.toString());
  }

  @Test
  void parse_notATag_reported() {
    assertEquals(List.of("x.coswid: empty file: not a CoSWID tag"), problems(new byte[0]));
    assertEquals(
        List.of(
            "x.coswid:byte 0: not a CoSWID tag: the CBOR item is a text string, expected a map"),
        problems(cbor(g -> g.writeString("SWID"))));
    assertEquals(
        List.of(
            "x.coswid:byte 0: a CBOR array (a signed tag, COSE_Sign1?): signed CoSWID tags are not read"),
        problems(
            cbor(
                g -> {
                  g.writeTag(18);
                  g.writeStartArray();
                  g.writeEndArray();
                })));
    assertEquals(
        List.of(
            "x.coswid:byte 0: CBOR tag 55799: not a CoSWID tag (expected tag 1398229316 or none)"),
        problems(
            cbor(
                g -> {
                  g.writeTag(55799);
                  g.writeStartObject();
                  g.writeEndObject();
                })));
  }

  @Test
  void parse_trailingContent_reported() {
    byte[] bytes = Iso19770Fixtures.bytes(Iso19770Fixtures.COSWID);
    byte[] doubled = Arrays.copyOf(bytes, bytes.length * 2);
    System.arraycopy(bytes, 0, doubled, bytes.length, bytes.length);
    assertEquals(
        List.of("x.coswid:byte 234: content after the end of the tag (one CoSWID tag per file)"),
        problems(doubled));
  }

  @Test
  void parse_deepNesting_reportedNotThrown() {
    byte[] deep = new byte[10_000];
    Arrays.fill(deep, (byte) 0x81); // arrays of one element, nested
    deep[0] = (byte) 0xa1; // a map of one pair
    deep[1] = 0x00; // key 0
    List<String> problems = problems(deep);
    assertTrue(problems.get(0).contains("malformed CBOR"), problems.toString());
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(String.format(Locale.ROOT, "%02x", b));
    }
    return text.toString();
  }
}
