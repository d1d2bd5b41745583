package io.itam.compliance.oracle;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The allocation problem of an estate as the documented objective states it, read straight from the
 * {@link Estate}: the counted installations with the licence models that may cover each, the
 * licence models with their metric, pack size and remedy price, and the entitlements valid on the
 * as-of date with the devices their scope contains. Money is in cents.
 *
 * <p>Only the oracle's subset is accepted (metrics {@code device} and {@code installation} on
 * desktops, laptops and servers; version and edition rights; no second use, failover, pins,
 * exemptions, access, usage or users; remedy prices on every model or on none); anything else is an
 * {@link IllegalArgumentException}, never a silent guess.
 */
final class Problem {
  private static final Set<DeviceKind> KINDS =
      EnumSet.of(DeviceKind.DESKTOP, DeviceKind.LAPTOP, DeviceKind.SERVER);

  /**
   * A licence model.
   *
   * @param perInstallation metric {@code installation} (else {@code device})
   * @param suite the model's product is a suite
   * @param remedyCents the price of one more unit; 0 when the estate is unpriced
   */
  record Model(
      String id, boolean perInstallation, boolean suite, long packSize, long remedyCents) {}

  /**
   * One way a model may cover an installation.
   *
   * @param model index into {@link #models()}
   * @param upgradeReleased the release date an entitlement's maintenance must reach; {@code null}
   *     when none
   */
  record Choice(int model, @Nullable LocalDate upgradeReleased) {}

  /** A counted installation that at least one model may cover. */
  record Demand(String device, String product, ImmutableList<Choice> choices) {}

  /**
   * An entitlement valid on the as-of date.
   *
   * @param model index into {@link #models()}
   * @param devices the devices its scope contains
   */
  record Licence(
      String id,
      int model,
      long quantity,
      long priceCents,
      @Nullable LocalDate maintenanceUntil,
      Set<String> devices) {

    /** Whether its maintenance reaches {@code released} ({@code null}: nothing to reach). */
    boolean maintains(@Nullable LocalDate released) {
      return released == null || (maintenanceUntil != null && !maintenanceUntil.isBefore(released));
    }
  }

  private final List<Model> models;
  private final List<Demand> demands;
  private final List<Licence> licences;
  private final int uncoverable;
  private final boolean priced;

  private Problem(
      List<Model> models,
      List<Demand> demands,
      List<Licence> licences,
      int uncoverable,
      boolean priced) {
    this.models = ImmutableList.copyOf(models);
    this.demands = ImmutableList.copyOf(demands);
    this.licences = ImmutableList.copyOf(licences);
    this.uncoverable = uncoverable;
    this.priced = priced;
  }

  /** The problem of {@code estate} on its as-of date. */
  static Problem of(Estate estate) {
    checkSubset(estate);
    CoverageRules rules = new CoverageRules(estate);
    Map<String, @Nullable BigDecimal> remedy = remedyPrices(estate);
    boolean priced = remedy.values().stream().anyMatch(p -> p != null);
    checkArgument(
        !priced || remedy.values().stream().allMatch(p -> p != null),
        "outside the oracle's subset: some models have a remedy price and some none: %s",
        remedy);
    List<Model> models = new ArrayList<>();
    Map<String, Integer> modelIndex = new HashMap<>();
    for (LicenseModel m : estate.licenseModels()) {
      modelIndex.put(m.id(), models.size());
      boolean suite =
          estate.products().stream().anyMatch(p -> p.id().equals(m.product()) && p.isSuite());
      long remedyCents = priced ? cents(remedy.get(m.id())) : 0;
      models.add(
          new Model(
              m.id(),
              m.metric().type() == MetricType.INSTALLATION,
              suite,
              m.metric().packSize(),
              remedyCents));
    }
    List<Demand> demands = new ArrayList<>();
    int uncoverable = 0;
    for (Installation installation : estate.installations()) {
      if (installation.installed() != null && installation.installed().isAfter(estate.asOf())) {
        continue; // not installed yet on the as-of date
      }
      List<Choice> choices = new ArrayList<>();
      for (LicenseModel m : estate.licenseModels()) {
        Optional<CoverageRules.Cover> cover = rules.cover(m, installation);
        cover.ifPresent(c -> choices.add(new Choice(modelIndex.get(m.id()), c.upgradeReleased())));
      }
      if (choices.isEmpty()) {
        uncoverable++;
      } else {
        demands.add(
            new Demand(
                installation.device(), installation.product(), ImmutableList.copyOf(choices)));
      }
    }
    return new Problem(models, demands, licences(estate, rules, modelIndex), uncoverable, priced);
  }

  private static List<Licence> licences(
      Estate estate, CoverageRules rules, Map<String, Integer> modelIndex) {
    List<Licence> licences = new ArrayList<>();
    for (Entitlement e : estate.entitlements()) {
      LocalDate asOf = estate.asOf();
      boolean valid =
          (e.validFrom() == null || !asOf.isBefore(e.validFrom()))
              && (e.validUntil() == null || !asOf.isAfter(e.validUntil()));
      if (!valid) {
        continue;
      }
      Set<String> devices = new TreeSet<>();
      for (Device d : estate.devices()) {
        if (rules.scopeContains(e.scope(), d.unit())) {
          devices.add(d.id());
        }
      }
      long price = e.unitPrice() == null ? 0 : cents(e.unitPrice().amount());
      licences.add(
          new Licence(
              e.id(),
              modelIndex.get(e.licenseModel()),
              e.quantity(),
              price,
              e.maintenanceUntil(),
              devices));
    }
    return licences;
  }

  /**
   * The remedy price of every model: the unit price of its most recent priced entitlement (latest
   * {@code validFrom}, an absent one the least recent; ties: lower price, then lower id; expired
   * entitlements count), or else the model's list price; {@code null} when neither exists.
   */
  static Map<String, @Nullable BigDecimal> remedyPrices(Estate estate) {
    Comparator<Entitlement> mostRecentFirst =
        Comparator.comparing(
                (Entitlement e) -> e.validFrom() == null ? LocalDate.MIN : e.validFrom())
            .reversed()
            .thenComparing(e -> e.unitPrice().amount())
            .thenComparing(Entitlement::id);
    Map<String, @Nullable BigDecimal> prices = new HashMap<>();
    for (LicenseModel m : estate.licenseModels()) {
      Optional<Entitlement> latest =
          estate.entitlements().stream()
              .filter(e -> e.licenseModel().equals(m.id()) && e.unitPrice() != null)
              .min(mostRecentFirst);
      Money price = latest.map(Entitlement::unitPrice).orElse(m.unitPrice());
      prices.put(m.id(), price == null ? null : price.amount());
    }
    return prices;
  }

  /** An amount in whole cents. */
  static long cents(BigDecimal amount) {
    return amount.movePointRight(2).longValueExact();
  }

  private static void checkSubset(Estate estate) {
    List<String> outside = new ArrayList<>();
    for (LicenseModel m : estate.licenseModels()) {
      MetricType type = m.metric().type();
      Rights r = m.rights();
      if (type != MetricType.DEVICE && type != MetricType.INSTALLATION) {
        outside.add("model " + m.id() + " has metric " + type);
      }
      if (r.secondUse() || r.failover() || m.clientAccess()) {
        outside.add("model " + m.id() + " has second use, failover or client access");
      }
    }
    for (Device d : estate.devices()) {
      if (!KINDS.contains(d.kind())) {
        outside.add("device " + d.id() + " is a " + d.kind());
      }
    }
    if (!estate.allocations().isEmpty()
        || !estate.exemptions().isEmpty()
        || !estate.access().isEmpty()
        || !estate.usage().isEmpty()
        || !estate.users().isEmpty()) {
      outside.add("pins, exemptions, access, usage or users");
    }
    checkArgument(outside.isEmpty(), "outside the oracle's subset: %s", outside);
  }

  List<Model> models() {
    return models;
  }

  List<Demand> demands() {
    return demands;
  }

  List<Licence> licences() {
    return licences;
  }

  /** Counted installations that no model covers (shortfall rows without a model, free). */
  int uncoverable() {
    return uncoverable;
  }

  /** Whether every model has a remedy price (tier 1 is money), or none (tier 1 is units). */
  boolean priced() {
    return priced;
  }

  /** The shortfall cost of {@code shortUnits} of model {@code m}: whole packs, or units. */
  /**
   * The short units of model {@code m} at its remedy price, without packs (the units themselves
   * when the estate is unpriced): the tier between the whole-pack cost and the value consumed,
   * which keeps owned licences in use when a pack must be bought anyway.
   */
  long linearShortfall(int m, long shortUnits) {
    return priced ? Math.multiplyExact(shortUnits, models.get(m).remedyCents()) : shortUnits;
  }

  long shortfallCost(int m, long shortUnits) {
    if (!priced) {
      return shortUnits;
    }
    Model model = models.get(m);
    long packs = (shortUnits + model.packSize() - 1) / model.packSize();
    return Math.multiplyExact(packs * model.packSize(), model.remedyCents());
  }
}
