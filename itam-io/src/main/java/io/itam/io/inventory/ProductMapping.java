package io.itam.io.inventory;

import static io.itam.io.internal.JsonFormat.quote;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.itam.io.internal.JsonFile;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
import io.itam.model.catalog.ProductVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps software identities (SWID and CoSWID tags, bill-of-materials components) to the products,
 * editions and versions of an estate's catalogue.
 *
 * <p>A tag is matched by the first rule of the mapping file that matches it, else automatically: a
 * catalogue product whose name equals the tag's name or its Meta {@code product} (ignoring case,
 * punctuation and spacing) and whose publisher, when it has one, is the tag's licensor (else
 * software creator) by name (ignoring also legal forms such as Inc, Ltd, GmbH, Corporation) or by
 * regid ({@code example.com} and the 2009 form {@code regid.2001-04.com.example} both name the
 * publisher {@code Example}). Two or more candidates are ambiguous, and the tag stays unmapped.
 *
 * <p>A mapped tag's version must be one the product declares, since the estate validator rejects
 * any other: it is the rule's {@code version}, else that of the first {@code versions} rule of the
 * product matching the tag's version, else the tag's version or colloquial version when the product
 * declares it (ignoring case), else the longest declared version the tag's version begins with
 * followed by {@code .}, {@code -}, {@code _} or a space ({@code 12.1.0} is {@code 12.1}, else
 * {@code 12}). A product that declares no versions gets none. A tag version that none of these
 * resolves leaves the tag unmapped, with the product's versions in the reason. Editions resolve the
 * same way from Meta {@code edition}, without the prefix step; a tag without one gets none.
 *
 * <p>The mapping file (JSON; every field but {@code match} and one of {@code product} or {@code
 * ignore} is optional; patterns take {@code *} and {@code ?} and ignore case):
 *
 * <pre>{@code
 * {
 *   "products": [
 *     { "match": { "tagId": "example.com-exampledb-enterprise-12.1.0" },
 *       "product": "exampledb", "edition": "Enterprise", "version": "12" },
 *     { "match": { "name": "Example Database Server*", "regid": "*example*" },
 *       "product": "exampledb" },
 *     { "match": { "name": "docker" }, "ignore": "open source, not licensed" }
 *   ],
 *   "versions": [ { "product": "exampledb", "match": "12.*", "version": "12" } ],
 *   "editions": [ { "product": "exampledb", "match": "Ent*", "edition": "Enterprise" } ]
 * }
 * }</pre>
 *
 * <p>{@code match} criteria (all given must match): {@code tagId}, {@code name} (the tag's name or
 * its Meta {@code product}), {@code publisher} and {@code regid} (the licensor's, else the software
 * creator's), {@code version}, {@code edition}. Rules are tried in file order.
 *
 * <p>Instances are immutable and thread-safe. Usage:
 *
 * <pre>{@code
 * ProductMapping mapping = ProductMapping.read(Path.of("swid-mapping.json"), estate.products());
 * SwidInventory found = SwidTags.read(Path.of("tags"), mapping);
 * }</pre>
 */
public final class ProductMapping {
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "ltd",
          "limited",
          "llc",
          "llp",
          "gmbh",
          "ag",
          "sa",
          "sas",
          "corp",
          "corporation",
          "co",
          "company",
          "plc",
          "bv",
          "nv",
          "srl",
          "sarl",
          "spa",
          "oy",
          "ab",
          "kg",
          "se",
          "pty",
          "the");
  private static final Set<String> RULE_FIELDS =
      Set.of("match", "product", "edition", "version", "ignore");
  private static final Set<String> MATCH_FIELDS =
      Set.of("tagId", "name", "publisher", "regid", "version", "edition");

  private final String source;
  private final ImmutableSortedMap<String, Product> catalogue;
  private final ImmutableList<Rule> rules;
  private final ImmutableList<ValueRule> versions;
  private final ImmutableList<ValueRule> editions;

  private ProductMapping(
      String source,
      ImmutableSortedMap<String, Product> catalogue,
      List<Rule> rules,
      List<ValueRule> versions,
      List<ValueRule> editions) {
    this.source = source;
    this.catalogue = catalogue;
    this.rules = ImmutableList.copyOf(rules);
    this.versions = ImmutableList.copyOf(versions);
    this.editions = ImmutableList.copyOf(editions);
  }

  /** Automatic matching only, by name and publisher, against {@code catalogue}. */
  public static ProductMapping automatic(Iterable<Product> catalogue) {
    return new ProductMapping("", index(catalogue), List.of(), List.of(), List.of());
  }

  /**
   * Reads the mapping file {@code file} (UTF-8 JSON) for {@code catalogue}.
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the file, each at {@code
   *     file:products[2].version}: malformed JSON, unknown fields, products, editions or versions
   *     the catalogue does not have
   */
  public static ProductMapping read(Path file, Iterable<Product> catalogue) throws IOException {
    return parse(Files.readAllBytes(file), file.toString(), catalogue);
  }

  /**
   * Reads a mapping from its text; {@code source} names it in problems.
   *
   * @throws ValidationException listing every problem of the mapping
   */
  public static ProductMapping parse(String json, String source, Iterable<Product> catalogue) {
    return parse(json.getBytes(StandardCharsets.UTF_8), source, catalogue);
  }

  private static ProductMapping parse(byte[] json, String source, Iterable<Product> catalogue) {
    requireNonNull(source, "source");
    ImmutableSortedMap<String, Product> products = index(catalogue);
    List<Problem> problems = new ArrayList<>();
    JsonNode root = JsonFile.parse(json, source, problems);
    List<Rule> rules = new ArrayList<>();
    List<ValueRule> versions = new ArrayList<>();
    List<ValueRule> editions = new ArrayList<>();
    if (root != null) {
      new MappingReader(source, products, problems).read(root, rules, versions, editions);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new ProductMapping(source, products, rules, versions, editions);
  }

  private static ImmutableSortedMap<String, Product> index(Iterable<Product> catalogue) {
    requireNonNull(catalogue, "catalogue");
    ImmutableSortedMap.Builder<String, Product> index = ImmutableSortedMap.naturalOrder();
    Set<String> seen = new HashSet<>();
    for (Product product : catalogue) {
      if (seen.add(product.id())) {
        index.put(product.id(), product);
      }
    }
    return index.buildOrThrow();
  }

  /** The catalogue products by id. */
  public Map<String, Product> catalogue() {
    return catalogue;
  }

  /**
   * The product, edition and version of the software {@code identity} names, or why there is none.
   */
  public ProductMatch map(SoftwareIdentity identity) {
    requireNonNull(identity, "identity");
    for (Rule rule : rules) {
      if (rule.matches(identity)) {
        if (rule.ignore != null) {
          return ProductMatch.ignored("ignored by " + where(rule.path) + ": " + rule.ignore);
        }
        return resolve(
            requireNonNull(catalogue.get(rule.product)),
            identity,
            rule.toEdition,
            rule.toVersion,
            "by " + where(rule.path));
      }
    }
    List<Product> candidates = new ArrayList<>();
    for (Product product : catalogue.values()) {
      if (nameMatches(product, identity) && publisherMatches(product, identity)) {
        candidates.add(product);
      }
    }
    if (candidates.size() == 1) {
      Product product = candidates.get(0);
      return resolve(
          product,
          identity,
          null,
          null,
          product.publisher() == null ? "by name" : "by name and publisher");
    }
    if (candidates.isEmpty()) {
      return ProductMatch.unmapped(
          "no catalogue product is named "
              + quote(identity.name())
              + (identity.product() != null && !identity.product().equals(identity.name())
                  ? " or " + quote(identity.product())
                  : "")
              + publisherText(identity)
              + "; add a rule to the mapping file");
    }
    List<String> ids = new ArrayList<>();
    candidates.forEach(p -> ids.add(p.id()));
    return ProductMatch.unmapped(
        "ambiguous: products "
            + String.join(", ", ids)
            + " match by name and publisher; add a rule to the mapping file");
  }

  private String where(String path) {
    return source.isEmpty() ? path : source + ":" + path;
  }

  private static String publisherText(SoftwareIdentity identity) {
    if (identity.publisher() == null && identity.regid() == null) {
      return "";
    }
    StringBuilder text = new StringBuilder(" from ");
    if (identity.publisher() != null) {
      text.append(quote(identity.publisher()));
      if (identity.regid() != null) {
        text.append(" (").append(identity.regid()).append(')');
      }
    } else {
      text.append(identity.regid());
    }
    return text.toString();
  }

  private ProductMatch resolve(
      Product product,
      SoftwareIdentity identity,
      @Nullable String ruleEdition,
      @Nullable String ruleVersion,
      String how) {
    StringBuilder explanation = new StringBuilder(how);
    String version = ruleVersion;
    if (version == null && !product.versions().isEmpty() && identity.version() != null) {
      version = versionRule(product, identity.version());
      if (version != null) {
        explanation.append("; version ").append(identity.version()).append(" as ").append(version);
        explanation.append(" by the mapping's versions");
      } else {
        version = declaredVersion(product, identity);
        if (version == null) {
          return ProductMatch.unmapped(
              "version "
                  + quote(identity.version())
                  + (identity.colloquialVersion() != null
                      ? " (colloquial " + quote(identity.colloquialVersion()) + ")"
                      : "")
                  + " is not a version of product "
                  + quote(product.id())
                  + " (versions: "
                  + versionNames(product)
                  + "); map it under \"versions\" in the mapping file");
        }
        if (!version.equals(identity.version())) {
          explanation
              .append("; version ")
              .append(identity.version())
              .append(" as ")
              .append(version);
        }
      }
    } else if (version == null
        && !product.versions().isEmpty()
        && identity.colloquialVersion() != null) {
      version =
          match(
              product.versions().stream().map(ProductVersion::name).toList(),
              identity.colloquialVersion());
      if (version != null) {
        explanation.append("; colloquial version ").append(identity.colloquialVersion());
      }
    }
    String edition = ruleEdition;
    if (edition == null && !product.editions().isEmpty() && identity.edition() != null) {
      edition = editionRule(product, identity.edition());
      if (edition == null) {
        edition = match(product.editions(), identity.edition());
      }
      if (edition == null) {
        return ProductMatch.unmapped(
            "edition "
                + quote(identity.edition())
                + " is not an edition of product "
                + quote(product.id())
                + " (editions: "
                + String.join(", ", product.editions())
                + "); map it under \"editions\" in the mapping file");
      }
      if (!edition.equals(identity.edition())) {
        explanation.append("; edition ").append(identity.edition()).append(" as ").append(edition);
      }
    }
    return ProductMatch.mapped(product.id(), edition, version, explanation.toString());
  }

  private @Nullable String versionRule(Product product, String version) {
    for (ValueRule rule : versions) {
      if (rule.product.equals(product.id()) && rule.match.matches(version)) {
        return rule.value;
      }
    }
    return null;
  }

  private @Nullable String editionRule(Product product, String edition) {
    for (ValueRule rule : editions) {
      if (rule.product.equals(product.id()) && rule.match.matches(edition)) {
        return rule.value;
      }
    }
    return null;
  }

  /** The declared version the tag's version, colloquial version or version prefix names. */
  private static @Nullable String declaredVersion(Product product, SoftwareIdentity identity) {
    List<String> names = product.versions().stream().map(ProductVersion::name).toList();
    String exact = match(names, identity.version());
    if (exact != null) {
      return exact;
    }
    String colloquial = match(names, identity.colloquialVersion());
    if (colloquial != null) {
      return colloquial;
    }
    String version = Glob.lower(requireNonNull(identity.version()));
    String best = null;
    for (String name : names) {
      String lower = Glob.lower(name);
      if (version.length() > lower.length()
          && version.startsWith(lower)
          && ".-_ ".indexOf(version.charAt(lower.length())) >= 0
          && (best == null || name.length() > best.length())) {
        best = name;
      }
    }
    return best;
  }

  /** The element of {@code names} equal to {@code value}, else equal ignoring case. */
  private static @Nullable String match(List<String> names, @Nullable String value) {
    if (value == null) {
      return null;
    }
    for (String name : names) {
      if (name.equals(value)) {
        return name;
      }
    }
    for (String name : names) {
      if (name.equalsIgnoreCase(value)) {
        return name;
      }
    }
    return null;
  }

  private static String versionNames(Product product) {
    List<String> names = new ArrayList<>();
    product.versions().forEach(v -> names.add(v.name()));
    return String.join(", ", names);
  }

  private static boolean nameMatches(Product product, SoftwareIdentity identity) {
    if (product.name() == null) {
      return false;
    }
    String name = normalName(product.name());
    return !name.isEmpty()
        && (name.equals(normalName(identity.name()))
            || (identity.product() != null && name.equals(normalName(identity.product()))));
  }

  private static boolean publisherMatches(Product product, SoftwareIdentity identity) {
    if (product.publisher() == null) {
      return true;
    }
    String publisher = normalOrganization(product.publisher());
    if (publisher.isEmpty()) {
      return true;
    }
    if (identity.publisher() != null
        && publisher.equals(normalOrganization(identity.publisher()))) {
      return true;
    }
    String label = regidLabel(identity.regid());
    return label != null && label.replace("-", "").equals(publisher.replace(" ", ""));
  }

  /** Lower case, every run of other characters than letters and digits one space, trimmed. */
  static String normalName(String name) {
    StringBuilder text = new StringBuilder(name.length());
    boolean space = false;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (space && text.length() > 0) {
          text.append(' ');
        }
        space = false;
        text.append(Glob.lower(new String(Character.toChars(c))));
      } else {
        space = true;
      }
    }
    return text.toString();
  }

  /**
   * {@link #normalName} without legal forms ({@code Example Software Ltd.} is {@code example
   * software}).
   */
  static String normalOrganization(String name) {
    List<String> words = new ArrayList<>();
    for (String word : normalName(name).split(" ")) {
      if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
        words.add(word);
      }
    }
    return String.join(" ", words);
  }

  /**
   * The organisation label of a regid: {@code example} for {@code example.com}, {@code
   * https://www.example.com/x} and {@code regid.2001-04.com.example}; {@code null} when none.
   */
  static @Nullable String regidLabel(@Nullable String regid) {
    if (regid == null) {
      return null;
    }
    String host = Glob.lower(regid.trim());
    if (host.startsWith("regid.")) {
      // regid.YYYY-MM.<reverse domain>[,suffix]
      String rest = host.substring("regid.".length());
      int dot = rest.indexOf('.');
      rest = dot < 0 ? "" : rest.substring(dot + 1);
      int comma = rest.indexOf(',');
      if (comma >= 0) {
        rest = rest.substring(0, comma);
      }
      String[] labels = rest.split("\\.");
      return labels.length >= 2 && !labels[1].isEmpty() ? labels[1] : null;
    }
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int end = 0;
    while (end < host.length() && "/:?#".indexOf(host.charAt(end)) < 0) {
      end++;
    }
    host = host.substring(0, end);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    String[] labels = host.split("\\.");
    return labels.length >= 2 && !labels[0].isEmpty() ? labels[0] : null;
  }

  /** A rule of {@code products}. */
  private record Rule(
      String path,
      @Nullable Glob tagId,
      @Nullable Glob name,
      @Nullable Glob publisher,
      @Nullable Glob regid,
      @Nullable Glob version,
      @Nullable Glob edition,
      @Nullable String product,
      @Nullable String toEdition,
      @Nullable String toVersion,
      @Nullable String ignore) {

    boolean matches(SoftwareIdentity identity) {
      return (tagId == null || tagId.matches(identity.tagId()))
          && (name == null || name.matches(identity.name()) || name.matches(identity.product()))
          && (publisher == null || publisher.matches(identity.publisher()))
          && (regid == null || regid.matches(identity.regid()))
          && (version == null || version.matches(identity.version()))
          && (edition == null || edition.matches(identity.edition()));
    }
  }

  /**
   * A rule of {@code versions} or {@code editions}: a tag value of a product as a catalogue one.
   */
  private record ValueRule(String product, Glob match, String value) {}

  /** Reads the mapping document, collecting problems at {@code source:path}. */
  private static final class MappingReader {
    private final String source;
    private final Map<String, Product> catalogue;
    private final List<Problem> problems;

    MappingReader(String source, Map<String, Product> catalogue, List<Problem> problems) {
      this.source = source;
      this.catalogue = catalogue;
      this.problems = problems;
    }

    void read(JsonNode root, List<Rule> rules, List<ValueRule> versions, List<ValueRule> editions) {
      if (!root.isObject()) {
        problem("", "must be a JSON object with \"products\", \"versions\" and \"editions\"");
        return;
      }
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!Set.of("products", "versions", "editions").contains(name)) {
          problem(name, "unknown field (expected products, versions, editions)");
        }
      }
      int i = 0;
      for (JsonNode node : array(root, "products")) {
        Rule rule = rule(node, "products[" + i + "]");
        if (rule != null) {
          rules.add(rule);
        }
        i++;
      }
      i = 0;
      for (JsonNode node : array(root, "versions")) {
        ValueRule rule = valueRule(node, "versions[" + i + "]", "version");
        if (rule != null) {
          versions.add(rule);
        }
        i++;
      }
      i = 0;
      for (JsonNode node : array(root, "editions")) {
        ValueRule rule = valueRule(node, "editions[" + i + "]", "edition");
        if (rule != null) {
          editions.add(rule);
        }
        i++;
      }
    }

    private List<JsonNode> array(JsonNode root, String field) {
      JsonNode node = root.get(field);
      if (node == null) {
        return List.of();
      }
      if (!node.isArray()) {
        problem(field, "must be an array");
        return List.of();
      }
      List<JsonNode> elements = new ArrayList<>();
      node.forEach(elements::add);
      return elements;
    }

    private @Nullable Rule rule(JsonNode node, String at) {
      if (!node.isObject()) {
        problem(at, "must be an object");
        return null;
      }
      int before = problems.size();
      unknownFields(node, at, RULE_FIELDS);
      JsonNode match = node.get("match");
      Glob[] globs = new Glob[6];
      if (match == null) {
        problem(at + ".match", "required");
      } else if (!match.isObject()) {
        problem(at + ".match", "must be an object");
      } else {
        unknownFields(match, at + ".match", MATCH_FIELDS);
        String[] fields = {"tagId", "name", "publisher", "regid", "version", "edition"};
        boolean any = false;
        for (int f = 0; f < fields.length; f++) {
          String text = string(match, fields[f], at + ".match");
          globs[f] = text == null ? null : Glob.of(text);
          any |= match.has(fields[f]);
        }
        if (!any) {
          problem(
              at + ".match",
              "must name at least one of tagId, name, publisher, regid, version, edition");
        }
      }
      String product = string(node, "product", at);
      String ignore = string(node, "ignore", at);
      String edition = string(node, "edition", at);
      String version = string(node, "version", at);
      if (!node.has("product") && !node.has("ignore")) {
        problem(
            at,
            "needs \"product\" (a catalogue product id) or \"ignore\" (why the tag is left out)");
      } else if (product != null && ignore != null) {
        problem(at, "has both \"product\" and \"ignore\"; give one");
      }
      if (ignore != null && (edition != null || version != null)) {
        problem(at, "an ignore rule takes no edition or version");
      }
      if (product != null) {
        Product target = product(product, at + ".product");
        if (target != null) {
          declared(target, edition, version, at);
        }
      }
      if (problems.size() != before) {
        return null;
      }
      return new Rule(
          at, globs[0], globs[1], globs[2], globs[3], globs[4], globs[5], product, edition, version,
          ignore);
    }

    private @Nullable ValueRule valueRule(JsonNode node, String at, String valueField) {
      if (!node.isObject()) {
        problem(at, "must be an object");
        return null;
      }
      int before = problems.size();
      unknownFields(node, at, Set.of("product", "match", valueField));
      String product = required(node, "product", at);
      String match = required(node, "match", at);
      String value = required(node, valueField, at);
      if (product != null) {
        Product target = product(product, at + ".product");
        if (target != null && value != null) {
          if (valueField.equals("version")) {
            declared(target, null, value, at);
          } else {
            declared(target, value, null, at);
          }
        }
      }
      if (problems.size() != before || product == null || match == null || value == null) {
        return null;
      }
      return new ValueRule(product, Glob.of(match), value);
    }

    private void declared(
        Product product, @Nullable String edition, @Nullable String version, String at) {
      if (edition != null && product.editionRank(edition).isEmpty()) {
        problem(
            at + ".edition",
            product.editions().isEmpty()
                ? "product " + quote(product.id()) + " declares no editions"
                : "edition "
                    + quote(edition)
                    + " is not an edition of product "
                    + quote(product.id())
                    + " (editions: "
                    + String.join(", ", product.editions())
                    + ")");
      }
      if (version != null && product.versionIndex(version).isEmpty()) {
        problem(
            at + ".version",
            product.versions().isEmpty()
                ? "product " + quote(product.id()) + " declares no versions"
                : "version "
                    + quote(version)
                    + " is not a version of product "
                    + quote(product.id())
                    + " (versions: "
                    + versionNames(product)
                    + ")");
      }
    }

    private @Nullable Product product(String id, String at) {
      Product product = catalogue.get(id);
      if (product == null) {
        problem(at, "unknown product " + quote(id) + " (not in the catalogue)");
      }
      return product;
    }

    private void unknownFields(JsonNode node, String at, Set<String> known) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          problem(at + "." + name, "unknown field");
        }
      }
    }

    private @Nullable String required(JsonNode node, String field, String at) {
      if (!node.has(field)) {
        problem(at + "." + field, "required");
        return null;
      }
      return string(node, field, at);
    }

    private @Nullable String string(JsonNode node, String field, String at) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        problem(at + "." + field, "must be a non-empty string");
        return null;
      }
      return value.asText();
    }

    private void problem(String path, String message) {
      problems.add(Problem.at(path.isEmpty() ? source : source + ":" + path, message));
    }
  }
}
