package io.itam.io.estate;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.itam.io.internal.JsonFormat;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.catalog.ProductVersion;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.FactorTable;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Rounding;
import io.itam.model.terms.Virtualization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link Estate} as an estate document (estate-format.md) in canonical form: UTF-8, two
 * spaces of indentation, {@code \n} line endings, fields in the order of the format, optional
 * fields left out when absent or at their default, prices as decimal strings ({@code "3586.00"},
 * with the currency code only when it differs from the document's). The same estate always gives
 * the same bytes, and {@link EstateReader} reads them back to an equal estate.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EstateWriter {
  private static final EstateWriter INSTANCE = new EstateWriter();

  private EstateWriter() {}

  /** The writer. */
  public static EstateWriter create() {
    return INSTANCE;
  }

  /**
   * Writes {@code estate} to {@code out}, which is flushed and left open.
   *
   * @throws IllegalArgumentException if an inline factor table has a CPU pattern named {@code
   *     "default"}, which the format reserves for the default factor
   */
  public void write(Estate estate, OutputStream out) throws IOException {
    requireNonNull(estate, "estate");
    requireNonNull(out, "out");
    try (JsonGenerator g = JsonFormat.generator(out)) {
      document(g, estate);
      JsonFormat.finish(g);
    }
  }

  /** Writes {@code estate} to {@code file}, replacing it. */
  public void write(Estate estate, Path file) throws IOException {
    requireNonNull(file, "file");
    try (OutputStream out = Files.newOutputStream(file)) {
      write(estate, out);
    }
  }

  /** The document of {@code estate} as text. */
  public String writeString(Estate estate) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(estate, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void document(JsonGenerator g, Estate estate) throws IOException {
    String currency = estate.currency();
    g.writeStartObject();
    g.writeNumberField("format", estate.format());
    date(g, "asOf", estate.asOf());
    string(g, "currency", currency);
    list(g, "organization", estate.organization(), EstateWriter::unit);
    list(g, "products", estate.products(), EstateWriter::product);
    list(g, "licenseModels", estate.licenseModels(), (out, m) -> licenseModel(out, m, currency));
    list(g, "entitlements", estate.entitlements(), (out, e) -> entitlement(out, e, currency));
    list(g, "clusters", estate.clusters(), EstateWriter::cluster);
    list(g, "devices", estate.devices(), EstateWriter::device);
    list(g, "users", estate.users(), EstateWriter::user);
    list(g, "installations", estate.installations(), EstateWriter::installation);
    list(g, "access", estate.access(), EstateWriter::access);
    list(g, "usage", estate.usage(), EstateWriter::usage);
    list(g, "allocations", estate.allocations(), EstateWriter::allocation);
    list(g, "exemptions", estate.exemptions(), EstateWriter::exemption);
    g.writeEndObject();
  }

  private static void unit(JsonGenerator g, OrganizationUnit unit) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", unit.id());
    string(g, "parent", unit.parent());
    g.writeEndObject();
  }

  private static void product(JsonGenerator g, Product product) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", product.id());
    string(g, "publisher", product.publisher());
    string(g, "name", product.name());
    strings(g, "editions", product.editions());
    list(g, "versions", product.versions(), EstateWriter::version);
    strings(g, "components", product.components());
    g.writeEndObject();
  }

  private static void version(JsonGenerator g, ProductVersion version) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", version.name());
    date(g, "released", version.released());
    g.writeEndObject();
  }

  private static void licenseModel(JsonGenerator g, LicenseModel model, @Nullable String currency)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("id", model.id());
    g.writeStringField("product", model.product());
    string(g, "edition", model.edition());
    string(g, "version", model.version());
    g.writeFieldName("metric");
    metric(g, model.metric());
    if (model.virtualization() != null) {
      g.writeFieldName("virtualization");
      virtualization(g, model.virtualization());
    }
    rights(g, model.rights());
    if (model.clientAccess()) {
      g.writeBooleanField("clientAccess", true);
    }
    price(g, "unitPrice", model.unitPrice(), currency);
    string(g, "title", model.title());
    if (!model.rules().isEmpty()) {
      g.writeArrayFieldStart("rules");
      for (String rule : model.rules()) {
        g.writeString(rule);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void metric(JsonGenerator g, Metric metric) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", metric.type().id());
    number(g, "minimumPerProcessor", metric.minimumPerProcessor(), 0);
    number(g, "minimumPerDevice", metric.minimumPerDevice(), 0);
    number(g, "packSize", metric.packSize(), 1);
    table(g, "coreFactors", metric.coreFactors());
    table(g, "pvuTable", metric.pvuTable());
    number(g, "userMinimumPerProcessor", metric.userMinimumPerProcessor(), 0);
    string(g, "capacityAttribute", metric.capacityAttribute());
    number(g, "processorsPerUnit", metric.processorsPerUnit(), 1);
    number(g, "windowDays", metric.windowDays(), Metric.DEFAULT_WINDOW_DAYS);
    if (metric.rounding() != Rounding.PER_DEVICE) {
      g.writeStringField("rounding", metric.rounding().id());
    }
    number(g, "maximumSockets", metric.maximumSockets(), 0);
    number(g, "maximumVcpus", metric.maximumVcpus(), 0);
    g.writeEndObject();
  }

  private static void table(JsonGenerator g, String name, @Nullable FactorTableRef ref)
      throws IOException {
    if (ref instanceof FactorTableRef.BuiltIn builtIn) {
      g.writeStringField(name, builtIn.id());
    } else if (ref instanceof FactorTableRef.Inline inline) {
      FactorTable table = inline.table();
      checkArgument(
          !table.factors().containsKey("default"),
          "estate: %s has a CPU pattern named \"default\", which the format reserves for the"
              + " default factor",
          name);
      g.writeObjectFieldStart(name);
      for (Map.Entry<String, BigDecimal> row : table.factors().entrySet()) {
        g.writeStringField(row.getKey(), JsonFormat.decimal(row.getValue()));
      }
      if (table.defaultFactor() != null) {
        g.writeStringField("default", JsonFormat.decimal(table.defaultFactor()));
      }
      g.writeEndObject();
    }
  }

  private static void virtualization(JsonGenerator g, Virtualization v) throws IOException {
    g.writeStartObject();
    g.writeStringField("mode", v.mode().id());
    number(g, "minimumPerVm", v.minimumPerVm(), 0);
    number(g, "threadsPerCore", v.threadsPerCore(), 1);
    flag(g, "capAtHost", v.capAtHost());
    number(g, "vmsPerSet", v.vmsPerSet(), 0);
    flag(g, "requiresMaintenance", v.requiresMaintenance());
    number(g, "vcpusPerProcessor", v.vcpusPerProcessor(), 0);
    flag(g, "virtualOnly", v.virtualOnly());
    g.writeEndObject();
  }

  private static void rights(JsonGenerator g, Rights rights) throws IOException {
    if (rights.equals(Rights.NONE)) {
      return;
    }
    g.writeObjectFieldStart("rights");
    flag(g, "versionDowngrade", rights.versionDowngrade());
    flag(g, "editionDowngrade", rights.editionDowngrade());
    flag(g, "secondUse", rights.secondUse());
    flag(g, "upgradeWithMaintenance", rights.upgradeWithMaintenance());
    flag(g, "failover", rights.failover());
    number(g, "failoverDevices", rights.failoverDevices(), Rights.DEFAULT_FAILOVER_DEVICES);
    g.writeEndObject();
  }

  private static void entitlement(JsonGenerator g, Entitlement e, @Nullable String currency)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("id", e.id());
    g.writeStringField("licenseModel", e.licenseModel());
    g.writeNumberField("quantity", e.quantity());
    string(g, "scope", e.scope());
    date(g, "validFrom", e.validFrom());
    date(g, "validUntil", e.validUntil());
    date(g, "maintenanceUntil", e.maintenanceUntil());
    price(g, "unitPrice", e.unitPrice(), currency);
    string(g, "reference", e.reference());
    g.writeEndObject();
  }

  private static void cluster(JsonGenerator g, Cluster cluster) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", cluster.id());
    g.writeArrayFieldStart("hosts");
    for (String host : cluster.hosts()) {
      g.writeString(host);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void device(JsonGenerator g, Device d) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", d.id());
    g.writeStringField("kind", d.kind().id());
    string(g, "unit", d.unit());
    number(g, "processors", d.processors());
    number(g, "coresPerProcessor", d.coresPerProcessor());
    number(g, "threadsPerCore", d.threadsPerCore());
    number(g, "maxProcessors", d.maxProcessors());
    string(g, "cpu", d.cpu());
    string(g, "host", d.host());
    number(g, "vcpus", d.vcpus());
    string(g, "primaryUser", d.primaryUser());
    if (d.owner() != null) {
      g.writeStringField("owner", d.owner().id());
    }
    if (d.role() != null) {
      g.writeStringField("role", d.role().id());
    }
    string(g, "failoverFor", d.failoverFor());
    if (!d.attributes().isEmpty()) {
      g.writeObjectFieldStart("attributes");
      for (Map.Entry<String, BigDecimal> attribute : d.attributes().entrySet()) {
        g.writeFieldName(attribute.getKey());
        g.writeNumber(JsonFormat.decimal(attribute.getValue()));
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void user(JsonGenerator g, User user) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", user.id());
    string(g, "unit", user.unit());
    if (!user.active()) {
      g.writeBooleanField("active", false);
    }
    g.writeEndObject();
  }

  private static void installation(JsonGenerator g, Installation i) throws IOException {
    g.writeStartObject();
    g.writeStringField("device", i.device());
    g.writeStringField("product", i.product());
    string(g, "version", i.version());
    string(g, "edition", i.edition());
    date(g, "installed", i.installed());
    date(g, "lastUsed", i.lastUsed());
    string(g, "evidence", i.evidence());
    g.writeEndObject();
  }

  private static void access(JsonGenerator g, Access a) throws IOException {
    g.writeStartObject();
    g.writeStringField("product", a.product());
    string(g, "user", a.user());
    string(g, "device", a.device());
    g.writeEndObject();
  }

  private static void usage(JsonGenerator g, Usage u) throws IOException {
    g.writeStartObject();
    g.writeStringField("product", u.product());
    g.writeNumberField("peakConcurrentUsers", u.peakConcurrentUsers());
    date(g, "from", u.from());
    date(g, "until", u.until());
    string(g, "unit", u.unit());
    g.writeEndObject();
  }

  private static void allocation(JsonGenerator g, PinnedAllocation a) throws IOException {
    g.writeStartObject();
    g.writeStringField("entitlement", a.entitlement());
    string(g, "device", a.device());
    string(g, "user", a.user());
    g.writeEndObject();
  }

  private static void exemption(JsonGenerator g, Exemption x) throws IOException {
    g.writeStartObject();
    string(g, "device", x.device());
    string(g, "user", x.user());
    g.writeStringField("product", x.product());
    g.writeStringField("reason", x.reason());
    g.writeEndObject();
  }

  // ---- fields ------------------------------------------------------------------------------

  /** Writes one element of a list. */
  @FunctionalInterface
  private interface Element<T> {
    void write(JsonGenerator g, T element) throws IOException;
  }

  private static <T> void list(JsonGenerator g, String name, List<T> list, Element<T> element)
      throws IOException {
    if (list.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(name);
    for (T value : list) {
      element.write(g, value);
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    list(g, name, values, JsonGenerator::writeString);
  }

  private static void string(JsonGenerator g, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void date(JsonGenerator g, String name, @Nullable LocalDate value)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, value.toString());
    }
  }

  private static void number(JsonGenerator g, String name, @Nullable Long value)
      throws IOException {
    if (value != null) {
      g.writeNumberField(name, value);
    }
  }

  private static void number(JsonGenerator g, String name, long value, long defaultValue)
      throws IOException {
    if (value != defaultValue) {
      g.writeNumberField(name, value);
    }
  }

  private static void flag(JsonGenerator g, String name, boolean value) throws IOException {
    if (value) {
      g.writeBooleanField(name, true);
    }
  }

  /** A price: the amount with its currency's digits, and its code unless the document's. */
  private static void price(
      JsonGenerator g, String name, @Nullable Money price, @Nullable String documentCurrency)
      throws IOException {
    if (price == null) {
      return;
    }
    int digits = Math.max(Currency.getInstance(price.currency()).getDefaultFractionDigits(), 0);
    String amount = Money.format(price.amount(), digits);
    g.writeStringField(
        name, price.currency().equals(documentCurrency) ? amount : amount + " " + price.currency());
  }
}
