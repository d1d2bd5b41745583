package io.itam.io.inventory.cyclonedx;

import io.itam.io.internal.XmlInput;
import io.itam.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Finds the licences of a CycloneDX XML BOM (namespaces {@code http://cyclonedx.org/schema/bom/1.5}
 * to {@code 1.7}): {@code component/licenses/license} and, in 1.7, {@code expression-detailed},
 * each with {@code licensing} and {@code properties}, in nested components and {@code
 * metadata/component} too. Parsed with the JDK's StAX parser, DTDs and external entities off.
 * Problems are at {@code file:line:column}.
 */
final class BomXml {
  private static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";
  private static final int MAX_DEPTH = 64;

  private final String source;
  private final List<Problem> problems;
  private final List<BomLicence> licences = new ArrayList<>();

  /** An element: its name, attributes, children and text, with where it starts. */
  private record Element(
      String name, Map<String, String> attributes, List<Element> children, String text, String at) {

    @Nullable Element child(String name) {
      for (Element child : children) {
        if (child.name.equals(name)) {
          return child;
        }
      }
      return null;
    }

    List<Element> all(String name) {
      List<Element> all = new ArrayList<>();
      for (Element child : children) {
        if (child.name.equals(name)) {
          all.add(child);
        }
      }
      return all;
    }

    @Nullable String text(String name) {
      Element child = child(name);
      return child == null || child.text.isBlank() ? null : child.text.strip();
    }
  }

  private BomXml(String source, List<Problem> problems) {
    this.source = source;
    this.problems = problems;
  }

  static List<BomLicence> read(byte[] bytes, String source, List<Problem> problems) {
    BomXml reader = new BomXml(source, problems);
    Element root = reader.parse(bytes);
    if (root != null) {
      reader.bom(root);
    }
    return reader.licences;
  }

  private @Nullable Element parse(byte[] bytes) {
    XMLStreamReader r = null;
    try {
      r = XmlInput.open(bytes, source, problems);
      if (r == null) {
        return null;
      }
      while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
        // prolog
      }
      if (!r.isStartElement()) {
        problems.add(Problem.at(source, "no root element: not a CycloneDX BOM"));
        return null;
      }
      String namespace = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
      String version =
          namespace.startsWith(NAMESPACE) ? namespace.substring(NAMESPACE.length()) : "";
      if (!r.getLocalName().equals("bom") || !version.matches("1\\.[0-9]+|[2-9]\\.[0-9]+")) {
        problems.add(
            Problem.at(
                position(r),
                "not a CycloneDX BOM: the root element must be bom in a namespace such as "
                    + NAMESPACE
                    + "1.6"));
        return null;
      }
      if (version.matches("1\\.[0-4]")) {
        problems.add(
            Problem.at(
                position(r),
                "CycloneDX "
                    + version
                    + " has no licensing data (it came with 1.5); nothing to read"));
        return null;
      }
      Element root = element(r, namespace, 0);
      while (r.hasNext()) {
        r.next();
      }
      return root;
    } catch (XMLStreamException | RuntimeException e) {
      problems.add(XmlInput.malformed(e, source));
      return null;
    } finally {
      XmlInput.close(r);
    }
  }

  private String position(XMLStreamReader r) {
    Location location = r.getLocation();
    return source + ":" + location.getLineNumber() + ":" + location.getColumnNumber();
  }

  /** The element at the current start tag, with its subtree in the BOM's namespace. */
  private Element element(XMLStreamReader r, String namespace, int depth)
      throws XMLStreamException {
    String at = position(r);
    String name = r.getLocalName();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      if (ns == null || ns.isEmpty()) {
        attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
      }
    }
    List<Element> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (depth < MAX_DEPTH && namespace.equals(r.getNamespaceURI())) {
          children.add(element(r, namespace, depth + 1));
        } else {
          skip(r);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
          && text.length() < 65_536) {
        text.append(r.getText());
      }
    }
    return new Element(name, attributes, children, text.toString(), at);
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private void bom(Element bom) {
    Element metadata = bom.child("metadata");
    if (metadata != null && metadata.child("component") != null) {
      component(metadata.child("component"));
    }
    Element components = bom.child("components");
    if (components != null) {
      components.all("component").forEach(this::component);
    }
  }

  private void component(Element component) {
    String name = component.text("name");
    String swid = null;
    Element swidElement = component.child("swid");
    if (swidElement != null) {
      swid = swidElement.attributes.get("tagId");
    }
    Map<String, String> componentProperties = properties(component.child("properties"));
    Element licenses = component.child("licenses");
    if (licenses != null) {
      for (Element entry : licenses.children) {
        if (!entry.name.equals("license") && !entry.name.equals("expression-detailed")) {
          continue; // a plain <expression> has no licensing
        }
        licence(
            entry,
            name == null ? "(unnamed component)" : name,
            component.text("version"),
            component.text("publisher"),
            swid,
            componentProperties,
            component);
      }
    }
    Element nested = component.child("components");
    if (nested != null) {
      nested.all("component").forEach(this::component);
    }
  }

  private void licence(
      Element entry,
      String component,
      @Nullable String version,
      @Nullable String publisher,
      @Nullable String swid,
      Map<String, String> componentProperties,
      Element componentElement) {
    String name =
        entry.name.equals("license")
            ? (entry.text("name") != null ? entry.text("name") : entry.text("id"))
            : entry.attributes.get("expression");
    Map<String, String> properties = new LinkedHashMap<>(properties(entry.child("properties")));
    componentProperties.forEach(properties::putIfAbsent);
    Element propertiesElement =
        entry.child("properties") != null
            ? entry.child("properties")
            : componentElement.child("properties");
    Element licensing = entry.child("licensing");
    List<String> altIds = new ArrayList<>();
    List<String> types = new ArrayList<>();
    String licensor = null;
    String licensee = null;
    if (licensing != null) {
      Element ids = licensing.child("altIds");
      if (ids != null) {
        ids.all("altId").forEach(e -> altIds.add(e.text.strip()));
      }
      Element typeList = licensing.child("licenseTypes");
      if (typeList != null) {
        typeList.all("licenseType").forEach(e -> types.add(e.text.strip()));
      }
      licensor = party(licensing.child("licensor"));
      licensee = party(licensing.child("licensee"));
    }
    licences.add(
        new BomLicence(
            entry.at,
            component,
            version,
            publisher,
            swid,
            name,
            entry.attributes.get("bom-ref"),
            licensing != null,
            altIds,
            licensor,
            licensee,
            licensing == null ? null : licensing.text("purchaseOrder"),
            types,
            licensing == null ? null : licensing.text("lastRenewal"),
            licensing == null ? null : licensing.text("expiration"),
            properties,
            propertiesElement == null ? entry.at : propertiesElement.at,
            licensing == null ? entry.at : licensing.at));
  }

  private static @Nullable String party(@Nullable Element party) {
    if (party == null) {
      return null;
    }
    for (String kind : List.of("organization", "individual")) {
      Element who = party.child(kind);
      if (who != null && who.text("name") != null) {
        return who.text("name");
      }
    }
    return null;
  }

  private static Map<String, String> properties(@Nullable Element properties) {
    Map<String, String> map = new LinkedHashMap<>();
    if (properties != null) {
      for (Element property : properties.all("property")) {
        String name = property.attributes.get("name");
        if (name != null) {
          map.putIfAbsent(name, property.text.strip());
        }
      }
    }
    return map;
  }
}
