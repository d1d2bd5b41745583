package io.itam.io.inventory.swid;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.itam.io.internal.JsonFormat;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads Concise SWID tags (CoSWID, RFC 9393; iso19770-formats.md §3): CBOR maps, tagged with CBOR
 * tag 1398229316 (first bytes {@code da 53 57 49 44}) or untagged, with integer labels or their
 * text names ({@code 1} or {@code "software-name"}), definite or indefinite length, one value or an
 * array where the CDDL allows several. A 16-byte tag id is written as a UUID.
 *
 * <p>The tag is read into the model of 2015 tags ({@link SwidTag}): entity roles and link relations
 * given as numbers get their names ({@code 5} is {@code licensor}, {@code 11} {@code
 * supplemental}); software-meta labels get the 2015 attribute names ({@code 49 entitlement-key} is
 * Meta {@code entitlementKey}). Unknown labels are skipped. Signed tags (COSE) are reported, not
 * read.
 *
 * <pre>{@code
 * SwidTag tag = CoswidTags.parse(Path.of("tags/host42/exampledb.coswid"), "host42");
 * tag.tagId();     // "5a0c2b6e-2f6b-4a3e-9d1c-1c2b3a4d5e6f"
 * tag.licensor();  // Example Software Ltd (https://example.com)
 * }</pre>
 *
 * <p>Every problem of a tag is reported at once, at {@code file:label path} ({@code
 * tag.coswid:entity[1].role}) or, for malformed CBOR, {@code file:byte N}, in one {@link
 * ValidationException}.
 */
public final class CoswidTags {
  /** The CBOR tag of a CoSWID tag (RFC 9393 §8: "SWID" in ASCII). */
  public static final long CBOR_TAG = 1398229316L;

  private static final int MAX_DEPTH = 32;
  private static final Object NULL = new Object();
  private static final CBORFactory FACTORY =
      CBORFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(1 << 20)
                  .maxNumberLength(64)
                  .build())
          .build();

  private static final Map<String, String> LABELS = labels();
  private static final Map<Long, String> ROLES =
      Map.of(
          1L,
          "tagCreator",
          2L,
          "softwareCreator",
          3L,
          "aggregator",
          4L,
          "distributor",
          5L,
          "licensor",
          6L,
          "maintainer");
  private static final Map<Long, String> RELS = rels();
  private static final Map<Long, String> SCHEMES =
      Map.of(
          1L,
          "multipartnumeric",
          2L,
          "multipartnumeric+suffix",
          3L,
          "alphanumeric",
          4L,
          "decimal",
          16384L,
          "semver");

  private CoswidTags() {}

  /**
   * Reads the CoSWID tag in {@code file}.
   *
   * @param device the device the tag was collected from; {@code null} when unknown
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the tag
   */
  public static SwidTag parse(Path file, @Nullable String device) throws IOException {
    return parse(SwidTags.bytes(file), file.toString(), device);
  }

  /**
   * Reads the CoSWID tag in {@code bytes}; {@code source} names it in problems.
   *
   * @param device the device the tag was collected from; {@code null} when unknown
   * @throws ValidationException listing every problem of the tag
   */
  public static SwidTag parse(byte[] bytes, String source, @Nullable String device) {
    List<Problem> problems = new ArrayList<>();
    SwidTag tag = parse(bytes, source, device, problems);
    if (tag == null || !problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return tag;
  }

  /** The tag in {@code bytes}, or {@code null} with its problems added to {@code problems}. */
  static @Nullable SwidTag parse(
      byte[] bytes, String source, @Nullable String device, List<Problem> problems) {
    requireNonNull(bytes, "bytes");
    requireNonNull(source, "source");
    int before = problems.size();
    Map<String, Object> map;
    try (CBORParser parser = FACTORY.createParser(bytes)) {
      map = root(parser, source, problems);
      if (map != null && parser.nextToken() != null) {
        problems.add(
            Problem.at(
                source + ":byte " + parser.currentTokenLocation().getByteOffset(),
                "content after the end of the tag (one CoSWID tag per file)"));
      }
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? source : source + ":byte " + location.getByteOffset();
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      int start = message.indexOf(" (start token at");
      if (start >= 0) {
        message = message.substring(0, start);
      }
      int newline = message.indexOf('\n');
      problems.add(
          Problem.at(
              where,
              "malformed CBOR: " + (newline >= 0 ? message.substring(0, newline) : message)));
      return null;
    } catch (IOException | RuntimeException e) {
      problems.add(Problem.at(source, "malformed CBOR: " + e.getClass().getSimpleName()));
      return null;
    }
    if (map == null) {
      return null;
    }
    SwidTag tag = new Interpretation(source, device, problems).tag(map);
    return problems.size() == before ? tag : null;
  }

  private static @Nullable Map<String, Object> root(
      CBORParser parser, String source, List<Problem> problems) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      problems.add(Problem.at(source, "empty file: not a CoSWID tag"));
      return null;
    }
    int tag = parser.getCurrentTag();
    if (token == JsonToken.START_OBJECT && (tag == -1 || tag == CBOR_TAG)) {
      Object value = value(parser, token, 0);
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    }
    String message;
    if (tag == CBOR_TAG && token == JsonToken.VALUE_EMBEDDED_OBJECT) {
      message =
          "the CoSWID tag (1398229316) wraps a byte string, not a map: RFC 9393 tags the map"
              + " itself (a non-conformant encoding)";
    } else if (token == JsonToken.START_ARRAY && (tag == 18 || tag == 98 || tag == -1)) {
      message = "a CBOR array (a signed tag, COSE_Sign1?): signed CoSWID tags are not read";
    } else if (tag != -1 && tag != CBOR_TAG) {
      message = "CBOR tag " + tag + ": not a CoSWID tag (expected tag 1398229316 or none)";
    } else {
      message = "not a CoSWID tag: the CBOR item is " + kind(token) + ", expected a map";
    }
    problems.add(Problem.at(source + ":byte 0", message));
    return null;
  }

  private static String kind(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a text string";
      case VALUE_EMBEDDED_OBJECT -> "a byte string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> "null or undefined";
    };
  }

  /**
   * The CBOR value at {@code token}: a map (keys as text), list, text, bytes, number or boolean.
   */
  private static Object value(CBORParser parser, JsonToken token, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new JsonParseException(parser, "nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Object value = value(parser, parser.nextToken(), depth + 1);
          map.putIfAbsent(key, value);
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null) {
            throw new JsonParseException(parser, "unexpected end of input");
          }
          list.add(value(parser, next, depth + 1));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        BigInteger value = parser.getBigIntegerValue();
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getText();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_EMBEDDED_OBJECT -> {
        byte[] bytes = parser.getBinaryValue();
        return bytes == null ? NULL : bytes;
      }
      default -> {
        return NULL;
      }
    }
  }

  /** Turns the decoded map into a {@link SwidTag}, reporting values of the wrong type. */
  private static final class Interpretation {
    private final String source;
    private final @Nullable String device;
    private final List<Problem> problems;

    Interpretation(String source, @Nullable String device, List<Problem> problems) {
      this.source = source;
      this.device = device;
      this.problems = problems;
    }

    @Nullable SwidTag tag(Map<String, Object> raw) {
      Map<String, Object> map = named(raw);
      String tagId = tagId(map.get("tag-id"));
      String name = text(map, "software-name", "software-name");
      if (tagId == null && !map.containsKey("tag-id")) {
        problem("tag-id", "required (label 0)");
      }
      if (name == null && !map.containsKey("software-name")) {
        problem("software-name", "required (label 1)");
      }
      long tagVersion = 0;
      Object rawTagVersion = map.get("tag-version");
      if (rawTagVersion instanceof Long number && number >= 0) {
        tagVersion = number;
      } else if (rawTagVersion != null) {
        problem("tag-version", "must be an unsigned integer, was " + describe(rawTagVersion));
      }
      String version = text(map, "software-version", "software-version");
      String scheme = choice(map.get("version-scheme"), SCHEMES, "version-scheme");
      boolean corpus = bool(map, "corpus");
      boolean patch = bool(map, "patch");
      boolean supplemental = bool(map, "supplemental");
      List<SwidEntity> entities = new ArrayList<>();
      int i = 0;
      for (Map<String, Object> entity : maps(map.get("entity"), "entity")) {
        entities.add(entity(entity, "entity" + index(map.get("entity"), i++)));
      }
      List<SwidLink> links = new ArrayList<>();
      i = 0;
      for (Map<String, Object> link : maps(map.get("link"), "link")) {
        String at = "link" + index(map.get("link"), i++);
        String href = text(link, "href", at + ".href");
        String rel = choice(link.get("rel"), RELS, at + ".rel");
        if (href != null && rel != null) {
          links.add(new SwidLink(rel, href));
        }
      }
      Map<String, String> meta = new LinkedHashMap<>();
      i = 0;
      for (Map<String, Object> softwareMeta : maps(map.get("software-meta"), "software-meta")) {
        String at = "software-meta" + index(map.get("software-meta"), i++);
        for (Map.Entry<String, Object> entry : softwareMeta.entrySet()) {
          String value = scalar(entry.getValue());
          if (value == null) {
            problem(
                at + "." + entry.getKey(),
                "must be a text, number or boolean, was " + describe(entry.getValue()));
          } else {
            meta.putIfAbsent(camel(entry.getKey()), value);
          }
        }
      }
      String evidenceDevice = null;
      String evidenceDate = null;
      List<Map<String, Object>> evidence = maps(map.get("evidence"), "evidence");
      if (!evidence.isEmpty()) {
        Map<String, Object> first = evidence.get(0);
        String at = "evidence" + index(map.get("evidence"), 0);
        evidenceDevice = text(first, "device-id", at + ".device-id");
        Object date = first.get("date");
        evidenceDate = date == null ? null : scalar(date);
      }
      if (tagId == null || name == null) {
        return null;
      }
      SwidTagType type =
          supplemental
              ? SwidTagType.SUPPLEMENTAL
              : corpus ? SwidTagType.CORPUS : patch ? SwidTagType.PATCH : SwidTagType.PRIMARY;
      return new SwidTag(
          SwidFormat.COSWID,
          source,
          device,
          tagId,
          tagVersion,
          name,
          version,
          scheme,
          type,
          entities,
          links,
          meta,
          evidenceDevice,
          evidenceDate,
          !evidence.isEmpty());
    }

    private SwidEntity entity(Map<String, Object> entity, String at) {
      String name = text(entity, "entity-name", at + ".entity-name");
      String regid = text(entity, "reg-id", at + ".reg-id");
      List<String> roles = new ArrayList<>();
      Object role = entity.get("role");
      if (role instanceof List<?> list) {
        for (int r = 0; r < list.size(); r++) {
          String value = choice(list.get(r), ROLES, at + ".role[" + r + "]");
          if (value != null) {
            roles.add(SwidXml.role(camel(value)));
          }
        }
      } else if (role != null) {
        String value = choice(role, ROLES, at + ".role");
        if (value != null) {
          roles.add(SwidXml.role(camel(value)));
        }
      }
      return new SwidEntity(name, regid, roles);
    }

    /** The map with integer labels replaced by their names; other keys kept. */
    private static Map<String, Object> named(Map<String, Object> raw) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : raw.entrySet()) {
        String key = LABELS.getOrDefault(entry.getKey(), entry.getKey());
        map.putIfAbsent(key, entry.getValue());
      }
      return map;
    }

    /** One map or an array of maps, each with its labels named; a wrong value is reported. */
    private List<Map<String, Object>> maps(@Nullable Object value, String at) {
      List<Map<String, Object>> maps = new ArrayList<>();
      if (value == null) {
        return maps;
      }
      if (value instanceof Map<?, ?> map) {
        maps.add(named(cast(map)));
      } else if (value instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) instanceof Map<?, ?> map) {
            maps.add(named(cast(map)));
          } else {
            problem(at + "[" + i + "]", "must be a map, was " + describe(list.get(i)));
          }
        }
      } else {
        problem(at, "must be a map or an array of maps, was " + describe(value));
      }
      return maps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
      return (Map<String, Object>) map;
    }

    private static String index(@Nullable Object value, int i) {
      return value instanceof List<?> ? "[" + i + "]" : "";
    }

    private @Nullable String tagId(@Nullable Object value) {
      if (value == null) {
        return null;
      }
      if (value instanceof String text && !text.isBlank()) {
        return text.strip();
      }
      if (value instanceof byte[] bytes && bytes.length > 0) {
        if (bytes.length == 16) {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          return new UUID(buffer.getLong(), buffer.getLong()).toString();
        }
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
          hex.append(Character.forDigit((b >> 4) & 0xF, 16))
              .append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
      }
      problem("tag-id", "must be a text or a 16-byte UUID, was " + describe(value));
      return null;
    }

    private @Nullable String text(Map<String, Object> map, String label, String at) {
      Object value = map.get(label);
      if (value == null) {
        return null;
      }
      if (value instanceof String text) {
        return text.isBlank() ? null : text.strip();
      }
      problem(at, "must be a text string, was " + describe(value));
      return null;
    }

    private boolean bool(Map<String, Object> map, String label) {
      Object value = map.get(label);
      if (value == null) {
        return false;
      }
      if (value instanceof Boolean flag) {
        return flag;
      }
      problem(label, "must be true or false, was " + describe(value));
      return false;
    }

    /** A registered number's name, or a text as it is. */
    private @Nullable String choice(@Nullable Object value, Map<Long, String> names, String at) {
      if (value == null) {
        return null;
      }
      if (value instanceof String text && !text.isBlank()) {
        return text.strip();
      }
      if (value instanceof Long number) {
        return names.getOrDefault(number, String.valueOf(number));
      }
      problem(at, "must be an integer or a text string, was " + describe(value));
      return null;
    }

    private static @Nullable String scalar(Object value) {
      if (value instanceof String
          || value instanceof Long
          || value instanceof BigInteger
          || value instanceof Boolean) {
        return value.toString();
      }
      return null;
    }

    private void problem(String path, String message) {
      problems.add(Problem.at(source + ":" + path, message));
    }
  }

  private static String describe(@Nullable Object value) {
    if (value == null || value == NULL) {
      return "null";
    }
    if (value instanceof String text) {
      return "the text " + JsonFormat.quote(text);
    }
    if (value instanceof byte[] bytes) {
      return "a byte string of " + bytes.length + " bytes";
    }
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    return value instanceof Boolean ? value.toString() : "the number " + value;
  }

  /** {@code entitlement-key} → {@code entitlementKey}. */
  static String camel(String label) {
    StringBuilder text = new StringBuilder(label.length());
    boolean upper = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c == '-' || c == '_') {
        upper = text.length() > 0;
      } else {
        text.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return text.toString();
  }

  private static Map<String, String> labels() {
    String[][] names = {
      {"0", "tag-id"},
      {"1", "software-name"},
      {"2", "entity"},
      {"3", "evidence"},
      {"4", "link"},
      {"5", "software-meta"},
      {"6", "payload"},
      {"7", "hash"},
      {"8", "corpus"},
      {"9", "patch"},
      {"10", "media"},
      {"11", "supplemental"},
      {"12", "tag-version"},
      {"13", "software-version"},
      {"14", "version-scheme"},
      {"15", "lang"},
      {"16", "directory"},
      {"17", "file"},
      {"18", "process"},
      {"19", "resource"},
      {"20", "size"},
      {"21", "file-version"},
      {"22", "key"},
      {"23", "location"},
      {"24", "fs-name"},
      {"25", "root"},
      {"26", "path-elements"},
      {"27", "process-name"},
      {"28", "pid"},
      {"29", "type"},
      {"31", "entity-name"},
      {"32", "reg-id"},
      {"33", "role"},
      {"34", "thumbprint"},
      {"35", "date"},
      {"36", "device-id"},
      {"37", "artifact"},
      {"38", "href"},
      {"39", "ownership"},
      {"40", "rel"},
      {"41", "media-type"},
      {"42", "use"},
      {"43", "activation-status"},
      {"44", "channel-type"},
      {"45", "colloquial-version"},
      {"46", "description"},
      {"47", "edition"},
      {"48", "entitlement-data-required"},
      {"49", "entitlement-key"},
      {"50", "generator"},
      {"51", "persistent-id"},
      {"52", "product"},
      {"53", "product-family"},
      {"54", "revision"},
      {"55", "summary"},
      {"56", "unspsc-code"},
      {"57", "unspsc-version"}
    };
    Map<String, String> labels = new HashMap<>();
    for (String[] pair : names) {
      labels.put(pair[0], pair[1]);
    }
    return Map.copyOf(labels);
  }

  private static Map<Long, String> rels() {
    String[] names = {
      "ancestor",
      "component",
      "feature",
      "installationmedia",
      "packageinstaller",
      "parent",
      "patches",
      "requires",
      "see-also",
      "supersedes",
      "supplemental"
    };
    Map<Long, String> rels = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      rels.put((long) i + 1, names[i]);
    }
    return Map.copyOf(rels);
  }
}
