package io.itam.io.inventory.cyclonedx;

import static io.itam.io.internal.JsonFormat.quote;

import io.itam.io.inventory.ProductMapping;
import io.itam.io.inventory.ProductMatch;
import io.itam.io.inventory.SoftwareIdentity;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the licences of a BOM into entitlements of an estate's licence models (the rules are in
 * {@link CycloneDxLicensing}).
 */
final class BomEntitlements {
  private static final Pattern COUNT = Pattern.compile("[0-9]{1,18}");
  private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");

  private final String source;
  private final Estate catalogue;
  private final ProductMapping mapping;
  private final List<Problem> problems;
  private final Map<String, LicenseModel> models = new LinkedHashMap<>();
  private final Set<String> units = new HashSet<>();

  BomEntitlements(String source, Estate catalogue, ProductMapping mapping, List<Problem> problems) {
    this.source = source;
    this.catalogue = catalogue;
    this.mapping = mapping;
    this.problems = problems;
    catalogue.licenseModels().forEach(m -> models.put(m.id(), m));
    for (OrganizationUnit unit : catalogue.organization()) {
      units.add(unit.id());
    }
  }

  /** One entitlement read, with the id it got and whether that id was given explicitly. */
  private record Read(
      BomLicence licence, Entitlement.Builder entitlement, String id, boolean given) {}

  CycloneDxEntitlements convert(List<BomLicence> licences) {
    List<Read> read = new ArrayList<>();
    List<SkippedLicence> skipped = new ArrayList<>();
    for (BomLicence licence : licences) {
      if (!licence.isCommercial()) {
        continue;
      }
      int before = problems.size();
      Map<String, String> p = licence.properties();
      String quantityText = p.get(CycloneDxLicensing.QUANTITY);
      if (quantityText == null) {
        skipped.add(
            skip(
                licence,
                "no quantity: CycloneDX licensing has none; add the property "
                    + CycloneDxLicensing.QUANTITY));
        continue;
      }
      Long quantity = null;
      if (COUNT.matcher(quantityText.strip()).matches()) {
        quantity = Long.parseLong(quantityText.strip());
      } else {
        property(
            licence,
            CycloneDxLicensing.QUANTITY,
            "must be a whole number ≥ 0, was " + quote(quantityText));
      }
      String model = p.get(CycloneDxLicensing.LICENSE_MODEL);
      if (model != null && !models.containsKey(model)) {
        property(
            licence,
            CycloneDxLicensing.LICENSE_MODEL,
            "unknown licence model " + quote(model) + " (not in the estate)");
      }
      if (model == null) {
        List<String> candidates = new ArrayList<>();
        String why = infer(licence, candidates);
        if (why != null) {
          skipped.add(skip(licence, why));
          continue;
        }
        model = candidates.get(0);
      }
      String scope = p.get(CycloneDxLicensing.SCOPE);
      if (scope != null && !units.contains(scope)) {
        property(licence, CycloneDxLicensing.SCOPE, "unknown organisation unit " + quote(scope));
      }
      boolean perpetual = licence.licenseTypes().contains("perpetual");
      LocalDate validFrom =
          date(licence, CycloneDxLicensing.VALID_FROM, licence.lastRenewal(), "lastRenewal");
      LocalDate validUntil =
          date(
              licence,
              CycloneDxLicensing.VALID_UNTIL,
              perpetual ? null : licence.expiration(),
              "expiration");
      LocalDate maintenance =
          date(
              licence,
              CycloneDxLicensing.MAINTENANCE_UNTIL,
              perpetual ? licence.expiration() : null,
              "expiration");
      Money price = price(licence);
      if (problems.size() != before || quantity == null) {
        continue;
      }
      String given = p.get(CycloneDxLicensing.ENTITLEMENT);
      String id =
          given != null
              ? given
              : licence.purchaseOrder() != null
                  ? licence.purchaseOrder()
                  : licence.bomRef() != null
                      ? licence.bomRef()
                      : licence.component() + (licence.name() == null ? "" : "/" + licence.name());
      String reference = p.getOrDefault(CycloneDxLicensing.REFERENCE, licence.purchaseOrder());
      Entitlement.Builder entitlement =
          Entitlement.builder(id, model)
              .quantity(quantity)
              .scope(scope)
              .validFrom(validFrom)
              .validUntil(validUntil)
              .maintenanceUntil(maintenance)
              .unitPrice(price)
              .reference(reference);
      read.add(new Read(licence, entitlement, id, given != null));
    }
    return new CycloneDxEntitlements(ids(read), sources(read), skipped);
  }

  /** The entitlements with unique ids: derived ids shared by several get {@code /1}, {@code /2}. */
  private List<Entitlement> ids(List<Read> read) {
    Map<String, Integer> count = new HashMap<>();
    Map<String, String> firstGiven = new HashMap<>();
    for (Read r : read) {
      count.merge(r.id, 1, Integer::sum);
      if (r.given) {
        String first = firstGiven.putIfAbsent(r.id, r.licence.propertiesPath());
        if (first != null) {
          problems.add(
              Problem.at(
                  at(r.licence.propertiesPath()),
                  CycloneDxLicensing.ENTITLEMENT + ": duplicate entitlement id " + quote(r.id)));
        }
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    List<Entitlement> entitlements = new ArrayList<>();
    for (Read r : read) {
      if (!r.given && count.get(r.id) > 1) {
        int n = seen.merge(r.id, 1, Integer::sum);
        Entitlement e = r.entitlement.build();
        entitlements.add(
            Entitlement.builder(r.id + "/" + n, e.licenseModel())
                .quantity(e.quantity())
                .scope(e.scope())
                .validFrom(e.validFrom())
                .validUntil(e.validUntil())
                .maintenanceUntil(e.maintenanceUntil())
                .unitPrice(e.unitPrice())
                .reference(e.reference())
                .build());
      } else {
        entitlements.add(r.entitlement.build());
      }
    }
    return entitlements;
  }

  private List<String> sources(List<Read> read) {
    List<String> sources = new ArrayList<>();
    read.forEach(r -> sources.add(at(r.licence.path())));
    return sources;
  }

  /**
   * Finds the one licence model of the component's product the licence types allow; returns why
   * there is none, or {@code null} with the model in {@code found}.
   */
  private @Nullable String infer(BomLicence licence, List<String> found) {
    SoftwareIdentity identity =
        new SoftwareIdentity(
            licence.swidTagId(),
            licence.component(),
            licence.version(),
            null,
            null,
            null,
            licence.publisher() != null ? licence.publisher() : licence.licensor(),
            null);
    ProductMatch match = mapping.map(identity);
    if (!match.isMapped()) {
      return "no licence model: add the property "
          + CycloneDxLicensing.LICENSE_MODEL
          + " (the component is no catalogue product: "
          + match.explanation()
          + ")";
    }
    Set<MetricType> metrics = metrics(licence.licenseTypes());
    boolean clientAccess = licence.licenseTypes().contains("client-access");
    List<String> ofProduct = new ArrayList<>();
    for (LicenseModel model : models.values()) {
      if (model.product().equals(match.product())) {
        ofProduct.add(model.id());
        if ((metrics.isEmpty() || metrics.contains(model.metric().type()))
            && (!clientAccess || model.clientAccess())) {
          found.add(model.id());
        }
      }
    }
    if (found.size() == 1) {
      return null;
    }
    String product = quote(match.product());
    if (ofProduct.isEmpty()) {
      return "no licence model: product " + product + " has none in the estate";
    }
    return "no licence model: "
        + (found.isEmpty()
            ? "none of the models of product "
                + product
                + " ("
                + String.join(", ", ofProduct)
                + ")"
                + " fits licenseTypes "
                + String.join(", ", licence.licenseTypes())
            : "product " + product + " has several (" + String.join(", ", found) + ")")
        + "; add the property "
        + CycloneDxLicensing.LICENSE_MODEL;
  }

  /** The metrics CycloneDX licence types allow; empty when they say nothing about the metric. */
  static Set<MetricType> metrics(List<String> types) {
    Set<MetricType> metrics = EnumSet.noneOf(MetricType.class);
    for (String type : types) {
      switch (type) {
        case "device", "node-locked", "appliance", "oem" -> {
          metrics.add(MetricType.DEVICE);
          metrics.add(MetricType.INSTALLATION);
        }
        case "named-user", "user" -> metrics.add(MetricType.USER);
        case "client-access" -> {
          metrics.add(MetricType.USER);
          metrics.add(MetricType.DEVICE);
        }
        case "concurrent-user" -> metrics.add(MetricType.CONCURRENT_USER);
        case "core-points" -> {
          metrics.add(MetricType.CORE);
          metrics.add(MetricType.PVU);
        }
        case "processor-points" -> {
          metrics.add(MetricType.PROCESSOR);
          metrics.add(MetricType.PVU);
        }
        case "custom-metric" -> metrics.add(MetricType.CAPACITY);
        default -> {
          // perpetual, subscription, academic, evaluation, other: not a metric
        }
      }
    }
    return metrics;
  }

  private @Nullable LocalDate date(
      BomLicence licence, String property, @Nullable String fallback, String field) {
    String text = licence.properties().get(property);
    boolean fromProperty = text != null;
    if (text == null) {
      text = fallback;
    }
    if (text == null) {
      return null;
    }
    LocalDate date = parseDate(text.strip());
    if (date == null) {
      String message =
          "must be a date or date-time such as 2026-11-27T00:00:00Z, was " + quote(text);
      if (fromProperty) {
        property(licence, property, message);
      } else {
        String where = at(licence.licensingPath());
        problems.add(
            Problem.at(
                where.equals(licence.licensingPath()) ? where : where + "." + field, message));
      }
    }
    return date;
  }

  /** The date of an ISO date-time as written (its own offset), or of an ISO date. */
  static @Nullable LocalDate parseDate(String text) {
    try {
      return OffsetDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      // try the others
    }
    try {
      return LocalDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      // try the others
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private @Nullable Money price(BomLicence licence) {
    String text = licence.properties().get(CycloneDxLicensing.UNIT_PRICE);
    if (text == null) {
      return null;
    }
    String value = text.strip();
    int space = value.lastIndexOf(' ');
    String amount = space < 0 ? value : value.substring(0, space).strip();
    String code = space < 0 ? catalogue.currency() : value.substring(space + 1);
    if (!AMOUNT.matcher(amount).matches()) {
      property(
          licence,
          CycloneDxLicensing.UNIT_PRICE,
          "must be an amount such as 420.00 or 420.00 EUR, was " + quote(text));
      return null;
    }
    if (code == null || !Money.isCurrencyCode(code)) {
      property(
          licence,
          CycloneDxLicensing.UNIT_PRICE,
          code == null
              ? "no currency: write " + quote(amount + " EUR") + " (the estate has no currency)"
              : "unknown currency " + quote(code));
      return null;
    }
    return Money.of(new BigDecimal(amount), code);
  }

  private SkippedLicence skip(BomLicence licence, String why) {
    List<String> parts = new ArrayList<>();
    if (licence.purchaseOrder() != null) {
      parts.add("purchase order " + licence.purchaseOrder());
    }
    if (licence.licensor() != null) {
      parts.add("licensor " + licence.licensor());
    }
    if (licence.licensee() != null) {
      parts.add("licensee " + licence.licensee());
    }
    if (!licence.licenseTypes().isEmpty()) {
      parts.add("types " + String.join(", ", licence.licenseTypes()));
    }
    if (licence.lastRenewal() != null) {
      parts.add("last renewed " + licence.lastRenewal());
    }
    if (licence.expiration() != null) {
      parts.add("expires " + licence.expiration());
    }
    return new SkippedLicence(
        at(licence.path()),
        licence.component(),
        licence.version(),
        licence.name(),
        String.join(", ", parts),
        why);
  }

  private void property(BomLicence licence, String name, String message) {
    problems.add(Problem.at(at(licence.propertiesPath()), name + ": " + message));
  }

  private String at(String path) {
    return path.startsWith(source) ? path : source + ":" + path;
  }
}
