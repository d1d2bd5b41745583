package io.itam.io.inventory.cyclonedx;

import com.fasterxml.jackson.databind.JsonNode;
import io.itam.io.internal.JsonFile;
import io.itam.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the licences of a CycloneDX JSON BOM (1.5–1.7): {@code components[].licenses[]} entries
 * with a {@code license} object or an {@code expression} (1.7 puts {@code licensing} beside it), in
 * nested components and {@code metadata.component} too. Unknown fields are skipped.
 */
final class BomJson {
  private static final Pattern SPEC_VERSION = Pattern.compile("([0-9]+)\\.([0-9]+)");

  private final String source;
  private final List<Problem> problems;
  private final List<BomLicence> licences = new ArrayList<>();

  private BomJson(String source, List<Problem> problems) {
    this.source = source;
    this.problems = problems;
  }

  static List<BomLicence> read(byte[] bytes, String source, List<Problem> problems) {
    BomJson reader = new BomJson(source, problems);
    JsonNode root = JsonFile.parse(bytes, source, problems);
    if (root != null) {
      reader.bom(root);
    }
    return reader.licences;
  }

  private void bom(JsonNode root) {
    if (!root.isObject()) {
      problem("", "not a CycloneDX BOM: expected a JSON object");
      return;
    }
    JsonNode format = root.get("bomFormat");
    if (format == null || !"CycloneDX".equals(format.asText(null))) {
      problem("bomFormat", "not a CycloneDX BOM: bomFormat must be \"CycloneDX\"");
      return;
    }
    JsonNode spec = root.get("specVersion");
    String version = spec == null ? null : spec.asText(null);
    Matcher matcher = version == null ? null : SPEC_VERSION.matcher(version);
    if (matcher == null || !matcher.matches()) {
      problem("specVersion", "must be a CycloneDX version such as \"1.6\"");
      return;
    }
    if (Integer.parseInt(matcher.group(1)) == 1 && Integer.parseInt(matcher.group(2)) < 5) {
      problem(
          "specVersion",
          "CycloneDX " + version + " has no licensing data (it came with 1.5); nothing to read");
      return;
    }
    JsonNode metadata = root.get("metadata");
    if (metadata != null && metadata.isObject() && metadata.get("component") != null) {
      component(metadata.get("component"), "metadata.component", 0);
    }
    components(root.get("components"), "components", 0);
  }

  private void components(@Nullable JsonNode components, String at, int depth) {
    if (components == null || components.isNull()) {
      return;
    }
    if (!components.isArray()) {
      problem(at, "must be an array");
      return;
    }
    for (int i = 0; i < components.size(); i++) {
      component(components.get(i), at + "[" + i + "]", depth);
    }
  }

  private void component(JsonNode component, String at, int depth) {
    if (!component.isObject()) {
      problem(at, "must be an object");
      return;
    }
    if (depth > 32) {
      problem(at, "components nested deeper than 32 levels");
      return;
    }
    String name = text(component, "name", at);
    String version = text(component, "version", at);
    String publisher = text(component, "publisher", at);
    String swid = null;
    JsonNode swidNode = component.get("swid");
    if (swidNode != null && swidNode.isObject()) {
      swid = text(swidNode, "tagId", at + ".swid");
    }
    Map<String, String> componentProperties =
        properties(component.get("properties"), at + ".properties");
    JsonNode licenses = component.get("licenses");
    if (licenses != null && !licenses.isNull()) {
      if (!licenses.isArray()) {
        problem(at + ".licenses", "must be an array");
      } else {
        for (int l = 0; l < licenses.size(); l++) {
          licence(
              licenses.get(l),
              at + ".licenses[" + l + "]",
              name == null ? "(unnamed component)" : name,
              version,
              publisher,
              swid,
              componentProperties,
              at);
        }
      }
    }
    components(component.get("components"), at + ".components", depth + 1);
  }

  private void licence(
      JsonNode entry,
      String at,
      String component,
      @Nullable String version,
      @Nullable String publisher,
      @Nullable String swid,
      Map<String, String> componentProperties,
      String componentAt) {
    if (!entry.isObject()) {
      problem(at, "must be an object");
      return;
    }
    JsonNode holder;
    String holderAt;
    String name;
    JsonNode license = entry.get("license");
    if (license != null && license.isObject()) {
      holder = license;
      holderAt = at + ".license";
      name = text(license, "name", holderAt);
      if (name == null) {
        name = text(license, "id", holderAt);
      }
    } else if (entry.get("expression") != null) {
      holder = entry;
      holderAt = at;
      name = text(entry, "expression", at);
    } else {
      problem(at, "must have a license object or an expression");
      return;
    }
    Map<String, String> properties =
        new LinkedHashMap<>(properties(holder.get("properties"), holderAt + ".properties"));
    componentProperties.forEach(properties::putIfAbsent);
    String propertiesAt =
        holder.get("properties") != null ? holderAt + ".properties" : componentAt + ".properties";
    JsonNode licensing = holder.get("licensing");
    List<String> altIds = List.of();
    List<String> types = List.of();
    String licensor = null;
    String licensee = null;
    String purchaseOrder = null;
    String lastRenewal = null;
    String expiration = null;
    String licensingAt = holderAt + ".licensing";
    if (licensing != null && !licensing.isNull()) {
      if (!licensing.isObject()) {
        problem(licensingAt, "must be an object");
        return;
      }
      altIds = strings(licensing.get("altIds"), licensingAt + ".altIds");
      types = strings(licensing.get("licenseTypes"), licensingAt + ".licenseTypes");
      licensor = party(licensing.get("licensor"));
      licensee = party(licensing.get("licensee"));
      purchaseOrder = text(licensing, "purchaseOrder", licensingAt);
      lastRenewal = text(licensing, "lastRenewal", licensingAt);
      expiration = text(licensing, "expiration", licensingAt);
    }
    licences.add(
        new BomLicence(
            at,
            component,
            version,
            publisher,
            swid,
            name,
            text(holder, "bom-ref", holderAt),
            licensing != null && !licensing.isNull(),
            altIds,
            licensor,
            licensee,
            purchaseOrder,
            types,
            lastRenewal,
            expiration,
            properties,
            propertiesAt,
            licensingAt));
  }

  /** The name of a licensor, licensee or purchaser: its organization's or individual's. */
  private static @Nullable String party(@Nullable JsonNode party) {
    if (party == null || !party.isObject()) {
      return null;
    }
    for (String kind : List.of("organization", "individual")) {
      JsonNode who = party.get(kind);
      if (who != null && who.isObject() && who.get("name") != null && who.get("name").isTextual()) {
        return who.get("name").asText();
      }
    }
    return null;
  }

  private Map<String, String> properties(@Nullable JsonNode properties, String at) {
    Map<String, String> map = new LinkedHashMap<>();
    if (properties == null || properties.isNull()) {
      return map;
    }
    if (!properties.isArray()) {
      problem(at, "must be an array of {\"name\", \"value\"}");
      return map;
    }
    for (int i = 0; i < properties.size(); i++) {
      JsonNode property = properties.get(i);
      String name = property.isObject() ? text(property, "name", at + "[" + i + "]") : null;
      if (name == null) {
        problem(at + "[" + i + "]", "must be an object with a name");
        continue;
      }
      String value = text(property, "value", at + "[" + i + "]");
      map.putIfAbsent(name, value == null ? "" : value);
    }
    return map;
  }

  private List<String> strings(@Nullable JsonNode array, String at) {
    List<String> values = new ArrayList<>();
    if (array == null || array.isNull()) {
      return values;
    }
    if (!array.isArray()) {
      problem(at, "must be an array of strings");
      return values;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).isTextual()) {
        values.add(array.get(i).asText());
      } else {
        problem(at + "[" + i + "]", "must be a string");
      }
    }
    return values;
  }

  private @Nullable String text(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problem(at.isEmpty() ? field : at + "." + field, "must be a string");
      return null;
    }
    return value.asText().isBlank() ? null : value.asText().strip();
  }

  private void problem(String path, String message) {
    problems.add(Problem.at(path.isEmpty() ? source : source + ":" + path, message));
  }
}
