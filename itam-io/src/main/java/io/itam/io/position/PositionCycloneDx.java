package io.itam.io.position;

import static io.itam.io.inventory.cyclonedx.CycloneDxLicensing.CONSUMED;
import static io.itam.io.inventory.cyclonedx.CycloneDxLicensing.ENTITLEMENT;
import static io.itam.io.inventory.cyclonedx.CycloneDxLicensing.LICENSE_MODEL;
import static io.itam.io.inventory.cyclonedx.CycloneDxLicensing.MAINTENANCE_UNTIL;
import static io.itam.io.inventory.cyclonedx.CycloneDxLicensing.QUANTITY;
import static io.itam.io.inventory.cyclonedx.CycloneDxLicensing.SCOPE;
import static io.itam.io.inventory.cyclonedx.CycloneDxLicensing.UNIT_PRICE;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.itam.io.internal.JsonFormat;
import io.itam.model.Estate;
import io.itam.model.Money;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A licence position written as CycloneDX licensing data (iso19770-formats.md §6): a CycloneDX 1.6
 * JSON BOM with one component per product the position covers (a product row with covered units),
 * whose licences are the entitlements of the licence models covering it, each with {@code
 * licensing} ({@code altIds}: the entitlement id; {@code purchaseOrder}: its reference; {@code
 * licenseTypes} from the metric, plus {@code perpetual} or {@code subscription}; {@code
 * lastRenewal} and {@code expiration} from its validity) and the properties of {@link
 * io.itam.io.inventory.cyclonedx.CycloneDxLicensing}, plus {@code itam:consumed}, the units
 * allocated to the product when the position lists allocations. The same position gives the same
 * bytes, and {@link io.itam.io.inventory.cyclonedx.CycloneDxLicensing#readEntitlements} reads them
 * back to the same entitlements.
 */
public final class PositionCycloneDx {
  private PositionCycloneDx() {}

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
    try (JsonGenerator g = JsonFormat.generator(out)) {
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
      JsonFormat.finish(g);
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
}
