package io.itam.io.inventory.cyclonedx;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.itam.io.inventory.ProductMapping;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.position.Allocation;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.terms.LicenseModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Commercial licence data in CycloneDX bills of materials (iso19770-formats.md §6): entitlements
 * read from the {@code licensing} of a BOM's licences (1.5, 1.6: {@code license.licensing}; 1.7
 * also beside an {@code expression}; JSON or XML), and a licence position written as such data.
 *
 * <p><b>Reading.</b> CycloneDX {@code licensing} has no quantity, so a licence becomes an
 * entitlement only when its properties (the licence's, else the component's) give one; others with
 * {@code licensing} are listed in {@link CycloneDxEntitlements#skipped()} with what their licensing
 * says. The properties (names in the {@code itam:} namespace):
 *
 * <table>
 *   <caption>Properties of a licence</caption>
 *   <tr><th>property</th><th>entitlement field</th><th>when absent</th></tr>
 *   <tr><td>{@code itam:quantity}</td><td>quantity</td><td>not an entitlement (skipped)</td></tr>
 *   <tr><td>{@code itam:licenseModel}</td><td>licenseModel</td><td>the one model of the
 *       component's product (found by {@link ProductMapping}: {@code swid.tagId}, name,
 *       publisher) that the {@code licenseTypes} allow ({@code device}, {@code named-user},
 *       {@code concurrent-user}, {@code core-points}, …); none or several: skipped</td></tr>
 *   <tr><td>{@code itam:entitlement}</td><td>id</td><td>{@code purchaseOrder}, else the
 *       licence's {@code bom-ref}, else {@code component/licence}; such ids shared by several
 *       licences get {@code /1}, {@code /2} in document order</td></tr>
 *   <tr><td>{@code itam:validFrom}</td><td>validFrom</td><td>{@code lastRenewal}</td></tr>
 *   <tr><td>{@code itam:validUntil}</td><td>validUntil</td><td>{@code expiration}, unless the
 *       {@code licenseTypes} include {@code perpetual}</td></tr>
 *   <tr><td>{@code itam:maintenanceUntil}</td><td>maintenanceUntil</td><td>{@code expiration} of
 *       a {@code perpetual} licence (what expires is its support)</td></tr>
 *   <tr><td>{@code itam:scope}</td><td>scope</td><td>none</td></tr>
 *   <tr><td>{@code itam:unitPrice}</td><td>unitPrice ({@code 420.00}, in the estate's currency,
 *       or {@code 420.00 EUR})</td><td>none</td></tr>
 *   <tr><td>{@code itam:reference}</td><td>reference</td><td>{@code purchaseOrder}</td></tr>
 * </table>
 *
 * <p>Dates are the date part of the date-time as written (its own offset), so the machine's time
 * zone never matters. Every problem (malformed JSON or XML, not a BOM, a value of the wrong type,
 * an unknown licence model or unit, a duplicate {@code itam:entitlement}) is reported at once, at
 * {@code file:path} ({@code bom.json:components[0].licenses[0].license.properties}) or {@code
 * file:line:column} in XML, in one {@link ValidationException}.
 *
 * <pre>{@code
 * Estate catalogue = EstateReader.create().read(Path.of("estate.json"));
 * CycloneDxEntitlements bought = CycloneDxLicensing.readEntitlements(Path.of("bom.json"), catalogue);
 * Estate estate = bought.addTo(catalogue.toBuilder()).build();
 * }</pre>
 *
 * <p><b>Writing.</b> {@link #write} writes a CycloneDX 1.6 JSON BOM with one component per product
 * the position covers (a product row with covered units), whose licences are the entitlements of
 * the licence models covering it, each with {@code licensing} ({@code altIds}: the entitlement id;
 * {@code purchaseOrder}: its reference; {@code licenseTypes} from the metric, plus {@code
 * perpetual} or {@code subscription}; {@code lastRenewal} and {@code expiration} from its validity)
 * and the properties above, plus {@code itam:consumed}, the units allocated to the product when the
 * position lists allocations. The same position gives the same bytes, and reading them back gives
 * the same entitlements.
 */
public final class CycloneDxLicensing {
  /** Property: units bought. */
  public static final String QUANTITY = "itam:quantity";

  /** Property: the id of the estate's licence model bought. */
  public static final String LICENSE_MODEL = "itam:licenseModel";

  /** Property: the entitlement's id. */
  public static final String ENTITLEMENT = "itam:entitlement";

  /** Property: the organisation unit whose subtree the entitlement covers. */
  public static final String SCOPE = "itam:scope";

  /** Property: the first day of validity. */
  public static final String VALID_FROM = "itam:validFrom";

  /** Property: the last day of validity. */
  public static final String VALID_UNTIL = "itam:validUntil";

  /** Property: the last day of maintenance. */
  public static final String MAINTENANCE_UNTIL = "itam:maintenanceUntil";

  /** Property: the price of one unit ({@code 420.00} or {@code 420.00 EUR}). */
  public static final String UNIT_PRICE = "itam:unitPrice";

  /** Property: a free reference (contract, invoice). */
  public static final String REFERENCE = "itam:reference";

  /** Property written: units of the entitlement allocated to the component's product. */
  public static final String CONSUMED = "itam:consumed";

  /** The largest BOM read, in bytes (256 MiB). */
  public static final int MAX_BYTES = 256 << 20;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private CycloneDxLicensing() {}

  /**
   * Reads the entitlements of the BOM in {@code file} (JSON or XML) for the licence models of
   * {@code catalogue}, matching components to its products automatically.
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the BOM
   */
  public static CycloneDxEntitlements readEntitlements(Path file, Estate catalogue)
      throws IOException {
    return readEntitlements(file, catalogue, ProductMapping.automatic(catalogue.products()));
  }

  /**
   * Reads the entitlements of the BOM in {@code file} (JSON or XML), matching components to the
   * products of {@code catalogue} with {@code mapping}.
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the BOM
   */
  public static CycloneDxEntitlements readEntitlements(
      Path file, Estate catalogue, ProductMapping mapping) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new ValidationException(
          List.of(Problem.at(file.toString(), "larger than " + (MAX_BYTES >> 20) + " MiB")));
    }
    return readEntitlements(Files.readAllBytes(file), file.toString(), catalogue, mapping);
  }

  /**
   * Reads the entitlements of the BOM in {@code bom} (JSON or XML); {@code source} names it in
   * problems.
   *
   * @throws ValidationException listing every problem of the BOM
   */
  public static CycloneDxEntitlements readEntitlements(
      byte[] bom, String source, Estate catalogue, ProductMapping mapping) {
    requireNonNull(bom, "bom");
    requireNonNull(source, "source");
    requireNonNull(catalogue, "catalogue");
    requireNonNull(mapping, "mapping");
    List<Problem> problems = new ArrayList<>();
    List<BomLicence> licences;
    int first = 0;
    if (bom.length >= 3
        && bom[0] == (byte) 0xEF
        && bom[1] == (byte) 0xBB
        && bom[2] == (byte) 0xBF) {
      first = 3;
    }
    while (first < bom.length
        && (bom[first] == ' ' || bom[first] == '\n' || bom[first] == '\r' || bom[first] == '\t')) {
      first++;
    }
    if (first < bom.length && bom[first] == '<') {
      licences = BomXml.read(bom, source, problems);
    } else if (first < bom.length && bom[first] == '{') {
      licences = BomJson.read(bom, source, problems);
    } else {
      throw new ValidationException(
          List.of(Problem.at(source, "not a CycloneDX BOM: expected JSON ({) or XML (<)")));
    }
    CycloneDxEntitlements read =
        problems.isEmpty()
            ? new BomEntitlements(source, catalogue, mapping, problems).convert(licences)
            : null;
    if (!problems.isEmpty() || read == null) {
      throw new ValidationException(problems);
    }
    return read;
  }

  // ---- writing -----------------------------------------------------------------------------

  /**
   * Writes {@code position}, computed for {@code estate}, as a CycloneDX 1.6 JSON BOM to {@code
   * out}, which is flushed and left open.
   *
   * @throws IllegalArgumentException when the position names licence models or entitlements the
   *     estate does not have
   */
  public static void write(Position position, Estate estate, OutputStream out) throws IOException {
    requireNonNull(position, "position");
    requireNonNull(estate, "estate");
    requireNonNull(out, "out");
    Map<String, Product> products = new HashMap<>();
    estate.products().forEach(p -> products.put(p.id(), p));
    Map<String, LicenseModel> models = new HashMap<>();
    estate.licenseModels().forEach(m -> models.put(m.id(), m));
    Map<String, Entitlement> entitlements = new HashMap<>();
    estate.entitlements().forEach(e -> entitlements.put(e.id(), e));
    Map<String, LicensePosition> licenses = new HashMap<>();
    position.licenses().forEach(l -> licenses.put(l.licenseModel(), l));
    // product → entitlement id → (its model, units consumed for the product)
    Map<String, TreeMap<String, String>> covered = new TreeMap<>();
    for (ProductPosition row : position.products()) {
      if (row.licenseModel() == null || row.covered() == 0) {
        continue;
      }
      LicensePosition license = licenses.get(row.licenseModel());
      if (license == null) {
        continue;
      }
      TreeMap<String, String> of = covered.computeIfAbsent(row.product(), p -> new TreeMap<>());
      license.entitlements().forEach(e -> of.put(e, row.licenseModel()));
    }
    Map<String, Long> consumed = new HashMap<>();
    for (Allocation allocation : position.allocations()) {
      consumed.merge(
          allocation.product() + "\u0000" + allocation.entitlement(),
          allocation.units(),
          Math::addExact);
      covered
          .computeIfAbsent(allocation.product(), p -> new TreeMap<>())
          .putIfAbsent(allocation.entitlement(), allocation.licenseModel());
    }
    boolean withConsumption = !position.allocations().isEmpty();
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeStringField("bomFormat", "CycloneDX");
      g.writeStringField("specVersion", "1.6");
      g.writeNumberField("version", 1);
      g.writeObjectFieldStart("metadata");
      g.writeStringField("timestamp", position.asOf() + "T00:00:00Z");
      g.writeObjectFieldStart("tools");
      g.writeArrayFieldStart("components");
      g.writeStartObject();
      g.writeStringField("type", "application");
      g.writeStringField("name", "itam");
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("properties");
      property(g, "itam:asOf", position.asOf().toString());
      property(g, "itam:compliant", String.valueOf(position.compliant()));
      if (position.currency() != null) {
        property(g, "itam:currency", position.currency());
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("components");
      for (Map.Entry<String, TreeMap<String, String>> entry : covered.entrySet()) {
        String productId = entry.getKey();
        Product product = products.get(productId);
        g.writeStartObject();
        g.writeStringField("type", "application");
        g.writeStringField("bom-ref", "itam:product:" + productId);
        if (product != null && product.publisher() != null) {
          g.writeStringField("publisher", product.publisher());
        }
        g.writeStringField(
            "name", product != null && product.name() != null ? product.name() : productId);
        g.writeArrayFieldStart("licenses");
        for (Map.Entry<String, String> licensed : entry.getValue().entrySet()) {
          Entitlement entitlement = entitlements.get(licensed.getKey());
          if (entitlement == null) {
            throw new IllegalArgumentException(
                "position: entitlement \"" + licensed.getKey() + "\" is not in the estate");
          }
          LicenseModel model = models.get(entitlement.licenseModel());
          if (model == null) {
            throw new IllegalArgumentException(
                "estate: licence model \""
                    + entitlement.licenseModel()
                    + "\" is not in the estate");
          }
          Long units = consumed.get(productId + "\u0000" + entitlement.id());
          licence(
              g,
              productId,
              entitlement,
              model,
              withConsumption ? (units == null ? 0L : units) : null);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("properties");
        property(g, "itam:product", productId);
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    }
  }

  /** The BOM of {@code position} as text (see {@link #write}). */
  public static String writeString(Position position, Estate estate) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(position, estate, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void licence(
      JsonGenerator g,
      String product,
      Entitlement entitlement,
      LicenseModel model,
      @Nullable Long consumed)
      throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("license");
    g.writeStringField("bom-ref", "itam:entitlement:" + product + ":" + entitlement.id());
    g.writeStringField("name", model.title() != null ? model.title() : model.id());
    g.writeObjectFieldStart("licensing");
    g.writeArrayFieldStart("altIds");
    g.writeString(entitlement.id());
    g.writeEndArray();
    if (entitlement.reference() != null) {
      g.writeStringField("purchaseOrder", entitlement.reference());
    }
    g.writeArrayFieldStart("licenseTypes");
    for (String type : licenseTypes(model, entitlement)) {
      g.writeString(type);
    }
    g.writeEndArray();
    if (entitlement.validFrom() != null) {
      g.writeStringField("lastRenewal", entitlement.validFrom() + "T00:00:00Z");
    }
    if (entitlement.validUntil() != null) {
      g.writeStringField("expiration", entitlement.validUntil() + "T23:59:59Z");
    }
    g.writeEndObject();
    g.writeArrayFieldStart("properties");
    property(g, ENTITLEMENT, entitlement.id());
    property(g, LICENSE_MODEL, model.id());
    property(g, QUANTITY, String.valueOf(entitlement.quantity()));
    if (consumed != null) {
      property(g, CONSUMED, String.valueOf(consumed));
    }
    if (entitlement.scope() != null) {
      property(g, SCOPE, entitlement.scope());
    }
    if (entitlement.maintenanceUntil() != null) {
      property(g, MAINTENANCE_UNTIL, date(entitlement.maintenanceUntil()));
    }
    Money price = entitlement.unitPrice();
    if (price != null) {
      property(g, UNIT_PRICE, price.amount().toPlainString() + " " + price.currency());
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /** The CycloneDX licence types of a model's entitlement: its metric's, then its term's. */
  static List<String> licenseTypes(LicenseModel model, Entitlement entitlement) {
    TreeSet<String> types = new TreeSet<>();
    if (model.clientAccess()) {
      types.add("client-access");
    } else {
      types.add(
          switch (model.metric().type()) {
            case INSTALLATION, DEVICE -> "device";
            case USER -> "named-user";
            case CONCURRENT_USER -> "concurrent-user";
            case CORE -> "core-points";
            case PVU -> "processor-points";
            case CAPACITY -> "custom-metric";
            case PROCESSOR, SITE -> "other";
          });
    }
    types.add(entitlement.validUntil() == null ? "perpetual" : "subscription");
    return List.copyOf(types);
  }

  private static String date(LocalDate date) {
    return date.toString();
  }

  private static void property(JsonGenerator g, String name, String value) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("value", value);
    g.writeEndObject();
  }

  private static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    generator.setPrettyPrinter(
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter));
    return generator;
  }
}
