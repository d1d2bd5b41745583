package io.itam.io.inventory.swid;

import io.itam.io.internal.JsonFormat;
import io.itam.io.internal.XmlInput;
import io.itam.model.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads one SWID tag in XML (ISO/IEC 19770-2:2015, 2009 and their drafts) with the JDK's StAX
 * parser, namespace-aware, with DTDs and external entities off (no XXE, no entity expansion).
 * Unknown attributes and elements, and those of other namespaces (signatures, NISTIR 8060
 * extensions, hashes) are skipped.
 */
final class SwidXml {
  private static final Map<String, SwidFormat> NAMESPACES =
      Map.of(
          "http://standards.iso.org/iso/19770/-2/2015/schema.xsd", SwidFormat.SWID_2015,
          "http://standards.iso.org/iso/19770/-2/2015-current/schema.xsd", SwidFormat.SWID_2015,
          "http://standards.iso.org/iso/19770/-2/2014-DIS/schema.xsd", SwidFormat.SWID_2015,
          "http://standards.iso.org/iso/19770/-2/2009/schema.xsd", SwidFormat.SWID_2009,
          "http://standards.iso.org/iso/19770/-2/2008/schema.xsd", SwidFormat.SWID_2009);

  private static final String ROOT_2015 = "SoftwareIdentity";
  private static final String ROOT_2009 = "software_identification_tag";

  private final String source;
  private final @Nullable String device;
  private final List<Problem> problems;

  private SwidXml(String source, @Nullable String device, List<Problem> problems) {
    this.source = source;
    this.device = device;
    this.problems = problems;
  }

  /** The namespaces read, for messages. */
  static String namespaces() {
    return String.join(", ", new TreeSet<>(NAMESPACES.keySet()));
  }

  /**
   * The tag in {@code bytes}, or {@code null} with its problems added to {@code problems}.
   *
   * @param source the file, for problems ({@code source:line:column})
   * @param device the device the tag was collected from; {@code null} when unknown
   */
  static @Nullable SwidTag parse(
      byte[] bytes, String source, @Nullable String device, List<Problem> problems) {
    SwidXml xml = new SwidXml(source, device, problems);
    int before = problems.size();
    XMLStreamReader reader = null;
    try {
      reader = XmlInput.open(bytes, source, problems);
      if (reader == null) {
        return null;
      }
      SwidTag tag = xml.document(reader);
      return problems.size() == before ? tag : null;
    } catch (XMLStreamException | RuntimeException e) {
      problems.add(XmlInput.malformed(e, source));
      return null;
    } finally {
      XmlInput.close(reader);
    }
  }

  private @Nullable SwidTag document(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
      // prolog: declaration, comments, processing instructions, a DOCTYPE (never processed)
    }
    if (!r.isStartElement()) {
      problems.add(Problem.at(source, "no root element: not a SWID tag"));
      return null;
    }
    String at = position(r);
    String namespace = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
    String local = r.getLocalName();
    SwidFormat format = NAMESPACES.get(namespace.replaceFirst("^https://", "http://"));
    SwidTag tag;
    if (format != null && local.equals(ROOT_2015)) {
      tag = softwareIdentity(r, namespace, at);
    } else if (format != null && local.equals(ROOT_2009)) {
      tag = softwareIdentificationTag(r, namespace, at);
    } else {
      String found =
          namespace.isEmpty() ? local + " (no namespace)" : "{" + namespace + "}" + local;
      problems.add(
          Problem.at(
              at,
              "not a SWID tag: the root element is "
                  + found
                  + "; expected SoftwareIdentity or software_identification_tag in one of the"
                  + " namespaces "
                  + namespaces()));
      return null;
    }
    while (r.hasNext()) {
      r.next(); // to the end, so that content after the root element is reported
    }
    return tag;
  }

  private String position(XMLStreamReader r) {
    Location location = r.getLocation();
    return source + ":" + location.getLineNumber() + ":" + location.getColumnNumber();
  }

  // ---- 2015 --------------------------------------------------------------------------------

  private @Nullable SwidTag softwareIdentity(XMLStreamReader r, String namespace, String at)
      throws XMLStreamException {
    String name = null;
    String tagId = null;
    String version = null;
    String versionScheme = null;
    long tagVersion = 0;
    boolean corpus = false;
    boolean patch = false;
    boolean supplemental = false;
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (!isUnqualified(r, i)) {
        continue;
      }
      String value = r.getAttributeValue(i);
      switch (r.getAttributeLocalName(i)) {
        case "name" -> name = value;
        case "tagId" -> tagId = value;
        case "version" -> version = value;
        case "versionScheme" -> versionScheme = value;
        case "tagVersion" -> tagVersion = integer(value, "tagVersion", at);
        case "corpus" -> corpus = bool(value, "corpus", at);
        case "patch" -> patch = bool(value, "patch", at);
        case "supplemental" -> supplemental = bool(value, "supplemental", at);
        default -> {
          // lang, media and any attribute of a later revision: tolerated
        }
      }
    }
    List<SwidEntity> entities = new ArrayList<>();
    List<SwidLink> links = new ArrayList<>();
    Map<String, String> meta = new LinkedHashMap<>();
    String evidenceDevice = null;
    String evidenceDate = null;
    boolean hasEvidence = false;
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 2 && namespace.equals(r.getNamespaceURI())) {
          switch (r.getLocalName()) {
            case "Entity" -> entities.add(entity(r));
            case "Link" -> {
              String rel = attribute(r, "rel");
              String href = attribute(r, "href");
              if (rel != null && href != null) {
                links.add(new SwidLink(rel.strip(), href.strip()));
              }
            }
            case "Meta" -> {
              for (int i = 0; i < r.getAttributeCount(); i++) {
                meta.putIfAbsent(attributeName(r, i), r.getAttributeValue(i));
              }
            }
            case "Evidence" -> {
              if (!hasEvidence) {
                evidenceDevice = blankToNull(attribute(r, "deviceId"));
                evidenceDate = blankToNull(attribute(r, "date"));
              }
              hasEvidence = true;
            }
            default -> {
              // Payload, Directory, File, Process, Resource: what was installed, not who licenses
              // it
            }
          }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    boolean complete =
        required(name, "name", ROOT_2015, at) & required(tagId, "tagId", ROOT_2015, at);
    if (!complete) {
      return null;
    }
    SwidTagType type =
        supplemental
            ? SwidTagType.SUPPLEMENTAL
            : corpus ? SwidTagType.CORPUS : patch ? SwidTagType.PATCH : SwidTagType.PRIMARY;
    return new SwidTag(
        SwidFormat.SWID_2015,
        source,
        device,
        tagId.strip(),
        tagVersion,
        name.strip(),
        blankToNull(version),
        blankToNull(versionScheme),
        type,
        entities,
        links,
        meta,
        evidenceDevice,
        evidenceDate,
        hasEvidence);
  }

  private static SwidEntity entity(XMLStreamReader r) {
    String roles = attribute(r, "role");
    List<String> list = new ArrayList<>();
    if (roles != null) {
      for (String role : roles.strip().split("\\s+")) {
        if (!role.isEmpty()) {
          list.add(role(role));
        }
      }
    }
    return new SwidEntity(
        blankToNull(attribute(r, "name")), blankToNull(attribute(r, "regid")), list);
  }

  /**
   * A role in the 2015 spelling ({@code softwareLicensor} of the 2014 draft is {@code licensor}).
   */
  static String role(String role) {
    return role.equals("softwareLicensor") ? SwidEntity.LICENSOR : role;
  }

  private static boolean isUnqualified(XMLStreamReader r, int i) {
    String namespace = r.getAttributeNamespace(i);
    return namespace == null || namespace.isEmpty();
  }

  private static String attributeName(XMLStreamReader r, int i) {
    if (isUnqualified(r, i)) {
      return r.getAttributeLocalName(i);
    }
    String prefix = r.getAttributePrefix(i);
    return (prefix == null || prefix.isEmpty()
            ? "{" + r.getAttributeNamespace(i) + "}"
            : prefix + ":")
        + r.getAttributeLocalName(i);
  }

  private static @Nullable String attribute(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (isUnqualified(r, i) && r.getAttributeLocalName(i).equals(name)) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  private long integer(String value, String attribute, String at) {
    String text = value.strip();
    if (text.matches("[+]?[0-9]{1,18}")) {
      return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    }
    problems.add(
        Problem.at(
            at,
            attribute
                + " must be a whole number of at most 18 digits, was "
                + JsonFormat.quote(value)));
    return 0;
  }

  private boolean bool(String value, String attribute, String at) {
    switch (value.strip()) {
      case "true", "1" -> {
        return true;
      }
      case "false", "0" -> {
        return false;
      }
      default -> {
        problems.add(
            Problem.at(at, attribute + " must be true or false, was " + JsonFormat.quote(value)));
        return false;
      }
    }
  }

  private boolean required(@Nullable String value, String attribute, String element, String at) {
    if (value == null || value.isBlank()) {
      problems.add(Problem.at(at, element + " has no " + attribute + " (required)"));
      return false;
    }
    return true;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  // ---- 2009 --------------------------------------------------------------------------------

  private @Nullable SwidTag softwareIdentificationTag(
      XMLStreamReader r, String namespace, String at) throws XMLStreamException {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    Deque<String> path = new ArrayDeque<>();
    Deque<StringBuilder> text = new ArrayDeque<>();
    int foreign = 0;
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (foreign > 0 || !namespace.equals(r.getNamespaceURI())) {
          foreign++;
        } else {
          path.addLast(r.getLocalName());
          text.addLast(new StringBuilder());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if (foreign > 0) {
          foreign--;
        } else if (depth > 0) {
          String value = text.removeLast().toString().strip();
          String key = String.join("/", path);
          path.removeLast();
          if (!value.isEmpty()) {
            texts.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
          }
        }
      } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
          && foreign == 0
          && !text.isEmpty()
          && text.peekLast().length() < 65_536) {
        text.peekLast().append(r.getText());
      }
    }
    String uniqueId = first(texts, "software_id/unique_id");
    String creatorRegid = first(texts, "software_id/tag_creator_regid");
    String title = first(texts, "product_title");
    boolean complete =
        required(uniqueId, "software_id/unique_id", ROOT_2009, at)
            & required(title, "product_title", ROOT_2009, at);
    if (!complete) {
      return null;
    }
    List<String> numbers = new ArrayList<>();
    for (String part : List.of("major", "minor", "build", "review")) {
      String number = first(texts, "product_version/numeric/" + part);
      if (number != null) {
        numbers.add(number);
      }
    }
    String versionName = first(texts, "product_version/name");
    String version = numbers.isEmpty() ? versionName : String.join(".", numbers);
    Map<String, String> meta = new LinkedHashMap<>();
    put(meta, "colloquialVersion", versionName);
    put(meta, "entitlementDataRequired", first(texts, "entitlement_required_indicator"));
    put(meta, "activationStatus", all(texts, "license_linkage/activation_status"));
    put(meta, "channelType", all(texts, "license_linkage/channel_type"));
    put(meta, "channelName", all(texts, "license_linkage/channel_name"));
    put(meta, "customerType", all(texts, "license_linkage/customer_type"));
    put(meta, "serialNumber", first(texts, "serial_number"));
    put(meta, "productFamily", first(texts, "product_family"));
    put(meta, "sku", first(texts, "sku"));
    put(meta, "releaseDate", first(texts, "release_date"));
    List<SwidEntity> entities = new ArrayList<>();
    entity2009(entities, texts, "software_creator", SwidEntity.SOFTWARE_CREATOR);
    entity2009(entities, texts, "software_licensor", SwidEntity.LICENSOR);
    entity2009(entities, texts, "tag_creator", SwidEntity.TAG_CREATOR);
    return new SwidTag(
        SwidFormat.SWID_2009,
        source,
        device,
        creatorRegid == null ? uniqueId : creatorRegid + "_" + uniqueId,
        0,
        title,
        version,
        numbers.isEmpty() ? null : "multipartnumeric",
        SwidTagType.PRIMARY,
        entities,
        List.of(),
        meta,
        null,
        null,
        false);
  }

  /**
   * Adds the 2009 entity {@code element} with {@code role}, joining one of the same name and regid.
   */
  private static void entity2009(
      List<SwidEntity> entities, Map<String, List<String>> texts, String element, String role) {
    String name = first(texts, element + "/name");
    String regid = first(texts, element + "/regid");
    if (name == null && regid == null) {
      return;
    }
    for (int i = 0; i < entities.size(); i++) {
      SwidEntity entity = entities.get(i);
      if (Objects.equals(entity.name(), name) && Objects.equals(entity.regid(), regid)) {
        List<String> roles = new ArrayList<>(entity.roles());
        roles.add(role);
        entities.set(i, new SwidEntity(name, regid, roles));
        return;
      }
    }
    entities.add(new SwidEntity(name, regid, List.of(role)));
  }

  private static @Nullable String first(Map<String, List<String>> texts, String path) {
    List<String> values = texts.get(path);
    return values == null ? null : values.get(0);
  }

  private static @Nullable String all(Map<String, List<String>> texts, String path) {
    List<String> values = texts.get(path);
    return values == null ? null : String.join(", ", values);
  }

  private static void put(Map<String, String> meta, String name, @Nullable String value) {
    if (value != null) {
      meta.put(name, value);
    }
  }
}
