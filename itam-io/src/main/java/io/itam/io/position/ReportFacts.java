package io.itam.io.position;

import io.itam.io.internal.Amounts;
import io.itam.io.position.PositionReport.Ending;
import io.itam.io.position.PositionReport.Expiry;
import io.itam.io.position.PositionReport.PublisherRow;
import io.itam.io.position.PositionReport.UnitRow;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.position.Allocation;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Shortfall;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link PositionReport} shows besides the position, computed once from the position and its
 * estate: names and publishers, the breakdowns by publisher and by organisation unit, and the
 * expiries within the horizon. Without the estate every list is empty and every name unknown.
 */
final class ReportFacts {
  private static final String USAGE_POOL = "usage:";

  private final Map<String, Product> products = new HashMap<>();
  private final Map<String, String> productOfModel = new HashMap<>();
  private final Map<String, MetricType> metricOfModel = new HashMap<>();
  private final List<PublisherRow> publishers;
  private final List<UnitRow> units;
  private final List<Expiry> expiries;

  private ReportFacts(Position position, @Nullable Estate estate, int horizon) {
    if (estate == null) {
      publishers = List.of();
      units = List.of();
      expiries = List.of();
      return;
    }
    estate.products().forEach(p -> products.put(p.id(), p));
    for (LicenseModel model : estate.licenseModels()) {
      productOfModel.put(model.id(), model.product());
      metricOfModel.put(model.id(), model.metric().type());
    }
    publishers = publishers(position);
    units = listsConsumers(position) ? new Chargeback(position, estate).rows() : List.of();
    expiries = expiries(position, estate, horizon);
  }

  static ReportFacts of(Position position, @Nullable Estate estate, int horizon) {
    return new ReportFacts(position, estate, horizon);
  }

  @Nullable String name(String product) {
    Product known = products.get(product);
    return known == null ? null : known.name();
  }

  @Nullable String publisher(String product) {
    Product known = products.get(product);
    return known == null ? null : known.publisher();
  }

  @Nullable String productOfModel(String model) {
    return productOfModel.get(model);
  }

  @Nullable MetricType metricOfModel(String model) {
    return metricOfModel.get(model);
  }

  List<PublisherRow> publishers() {
    return publishers;
  }

  List<UnitRow> units() {
    return units;
  }

  List<Expiry> expiries() {
    return expiries;
  }

  /** Whether the position lists every shortfall and allocation its summary counts. */
  private static boolean listsConsumers(Position position) {
    return position.shortfalls().size() >= position.summary().shortfalls()
        && position.allocations().size() >= position.summary().allocations();
  }

  // ---- by publisher ----------------------------------------------------------------------------

  /** Sums per publisher, kept in order of publisher (unknown last). */
  private static final class PublisherSums {
    long rows;
    long shortRows;
    long shortUnits;
    BigDecimal cost = BigDecimal.ZERO;
    long unpriced;
    BigDecimal surplus = BigDecimal.ZERO;
  }

  private List<PublisherRow> publishers(Position position) {
    Map<Key, PublisherSums> sums = new TreeMap<>();
    for (ProductPosition p : position.products()) {
      PublisherSums s =
          sums.computeIfAbsent(new Key(publisher(p.product())), k -> new PublisherSums());
      s.rows++;
      if (p.shortfall() > 0) {
        s.shortRows++;
        s.shortUnits = Math.addExact(s.shortUnits, p.shortfall());
        if (p.shortfallCost() == null) {
          s.unpriced++;
        } else {
          s.cost = s.cost.add(p.shortfallCost());
        }
      }
    }
    for (LicensePosition l : position.licenses()) {
      if (l.surplusValue().signum() == 0) {
        continue;
      }
      String product = productOfModel(l.licenseModel());
      String publisher = product == null ? null : publisher(product);
      PublisherSums s = sums.computeIfAbsent(new Key(publisher), k -> new PublisherSums());
      s.surplus = s.surplus.add(l.surplusValue());
    }
    List<PublisherRow> rows = new ArrayList<>();
    sums.forEach(
        (publisher, s) ->
            rows.add(
                new PublisherRow(
                    publisher.value(),
                    s.rows,
                    s.shortRows,
                    s.shortUnits,
                    s.cost,
                    s.unpriced,
                    s.surplus)));
    rows.sort(
        Comparator.comparing(PublisherRow::shortfallCost, Comparator.reverseOrder())
            .thenComparing(PublisherRow::surplusValue, Comparator.reverseOrder())
            .thenComparing(r -> new Key(r.publisher())));
    return List.copyOf(rows);
  }

  /** A unit or publisher that may be absent ({@code null}), ordered after every present one. */
  private record Key(@Nullable String value) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      return Comparator.nullsLast(Comparator.<String>naturalOrder()).compare(value, other.value);
    }
  }

  // ---- expiries --------------------------------------------------------------------------------

  private List<Expiry> expiries(Position position, Estate estate, int horizon) {
    LocalDate from = position.asOf();
    LocalDate until = from.plusDays(horizon);
    Map<String, Long> consumed = new HashMap<>();
    for (Allocation a : position.allocations()) {
      consumed.merge(a.entitlement(), a.units(), Math::addExact);
    }
    boolean listed = position.allocations().size() >= position.summary().allocations();
    List<Expiry> found = new ArrayList<>();
    for (Entitlement e : estate.entitlements()) {
      if (!e.isValidOn(from)) {
        continue;
      }
      Money price = e.unitPrice();
      BigDecimal value =
          price == null ? null : price.amount().multiply(BigDecimal.valueOf(e.quantity()));
      Long used = listed ? consumed.getOrDefault(e.id(), 0L) : null;
      String product = productOfModel(e.licenseModel());
      for (Ending ending : Ending.values()) {
        LocalDate date = ending == Ending.VALIDITY ? e.validUntil() : e.maintenanceUntil();
        if (date != null && !date.isBefore(from) && !date.isAfter(until)) {
          found.add(
              new Expiry(
                  e.id(),
                  e.licenseModel(),
                  product,
                  ending,
                  date,
                  ChronoUnit.DAYS.between(from, date),
                  e.quantity(),
                  used,
                  value));
        }
      }
    }
    found.sort(
        Comparator.comparing(Expiry::date)
            .thenComparing(Expiry::entitlement)
            .thenComparing(Expiry::ending));
    return List.copyOf(found);
  }

  // ---- by organisation unit -----------------------------------------------------------------

  /** The chargeback of one position: its costs and values per organisation unit. */
  private static final class Chargeback {
    private final Position position;
    private final Map<String, @Nullable String> parents = new HashMap<>();
    private final Map<String, @Nullable String> unitOf = new HashMap<>();
    private final Map<Key, Sums> sums = new TreeMap<>();
    private final int digits;

    /** Sums per unit. */
    private static final class Sums {
      long shortUnits;
      BigDecimal cost = BigDecimal.ZERO;
      long unpriced;
      BigDecimal surplus = BigDecimal.ZERO;
    }

    Chargeback(Position position, Estate estate) {
      this.position = position;
      this.digits = Amounts.minorDigits(position.currency());
      for (OrganizationUnit unit : estate.organization()) {
        parents.put(unit.id(), unit.parent());
      }
      for (Device device : estate.devices()) {
        unitOf.put(device.id(), device.unit());
      }
      for (User user : estate.users()) {
        unitOf.putIfAbsent(user.id(), user.unit());
      }
      for (Cluster cluster : estate.clusters()) {
        Set<@Nullable String> hostUnits = new HashSet<>();
        cluster.hosts().forEach(h -> hostUnits.add(unitOf.get(h)));
        unitOf.putIfAbsent(
            cluster.id(), hostUnits.size() == 1 ? hostUnits.iterator().next() : null);
      }
      shortfalls();
      surplus(estate);
    }

    private @Nullable String unit(String consumer) {
      if (unitOf.containsKey(consumer)) {
        return unitOf.get(consumer);
      }
      if (consumer.startsWith(USAGE_POOL)
          && parents.containsKey(consumer.substring(USAGE_POOL.length()))) {
        return consumer.substring(USAGE_POOL.length());
      }
      return null;
    }

    private Sums sums(@Nullable String unit) {
      return sums.computeIfAbsent(new Key(unit), k -> new Sums());
    }

    /** Each product row's cost shared among its consumers' units, by their units. */
    private void shortfalls() {
      Map<List<@Nullable String>, List<Shortfall>> byRow = new HashMap<>();
      for (Shortfall s : position.shortfalls()) {
        byRow.computeIfAbsent(rowKey(s.product(), s.licenseModel()), k -> new ArrayList<>()).add(s);
      }
      for (ProductPosition p : position.products()) {
        List<Shortfall> rows = byRow.getOrDefault(rowKey(p.product(), p.licenseModel()), List.of());
        Map<Key, Long> unitsByUnit = new TreeMap<>();
        for (Shortfall s : rows) {
          unitsByUnit.merge(new Key(unit(s.consumer())), s.units(), Math::addExact);
        }
        unitsByUnit.forEach((unit, units) -> sums(unit.value()).shortUnits += units);
        if (p.shortfallCost() == null) {
          unitsByUnit.forEach((unit, units) -> sums(unit.value()).unpriced += units);
        } else if (!unitsByUnit.isEmpty()) {
          share(p.shortfallCost(), unitsByUnit)
              .forEach((unit, cost) -> sums(unit.value()).cost = sums(unit.value()).cost.add(cost));
        }
      }
    }

    private static List<@Nullable String> rowKey(String product, @Nullable String model) {
      List<@Nullable String> key = new ArrayList<>(2);
      key.add(product);
      key.add(model);
      return key;
    }

    /**
     * {@code total} shared in proportion to {@code weights}, each share rounded down to the
     * currency's digits and the remainder given a cent at a time to the largest remainders (then by
     * key), so the shares add up to {@code total} exactly.
     */
    private Map<Key, BigDecimal> share(BigDecimal total, Map<Key, Long> weights) {
      long sum = weights.values().stream().mapToLong(Long::longValue).sum();
      BigDecimal step = BigDecimal.ONE.movePointLeft(digits);
      Map<Key, BigDecimal> shares = new TreeMap<>();
      List<Map.Entry<Key, BigDecimal>> remainders = new ArrayList<>();
      BigDecimal given = BigDecimal.ZERO;
      for (Map.Entry<Key, Long> w : weights.entrySet()) {
        BigDecimal exact =
            total
                .multiply(BigDecimal.valueOf(w.getValue()))
                .divide(BigDecimal.valueOf(sum), 20, RoundingMode.DOWN);
        BigDecimal floor = exact.setScale(digits, RoundingMode.DOWN);
        shares.put(w.getKey(), floor);
        given = given.add(floor);
        remainders.add(Map.entry(w.getKey(), exact.subtract(floor)));
      }
      remainders.sort(
          Map.Entry.<Key, BigDecimal>comparingByValue(Comparator.reverseOrder())
              .thenComparing(Map.Entry.comparingByKey()));
      BigDecimal left = total.subtract(given);
      for (int i = 0; left.compareTo(step) >= 0 && !remainders.isEmpty(); i++) {
        Key key = remainders.get(i % remainders.size()).getKey();
        shares.put(key, shares.get(key).add(step));
        left = left.subtract(step);
      }
      if (left.signum() != 0) {
        Key first = remainders.get(0).getKey();
        shares.put(first, shares.get(first).add(left));
      }
      return shares;
    }

    /** Each licence's unused units, per entitlement, charged to the entitlement's scope. */
    private void surplus(Estate estate) {
      Map<String, Long> consumed = new HashMap<>();
      for (Allocation a : position.allocations()) {
        consumed.merge(a.entitlement(), a.units(), Math::addExact);
      }
      Map<String, Entitlement> entitlements = new HashMap<>();
      estate.entitlements().forEach(e -> entitlements.put(e.id(), e));
      for (LicensePosition l : position.licenses()) {
        if (l.unlimited() || l.surplusValue().signum() == 0) {
          continue;
        }
        for (String id : l.entitlements()) {
          Entitlement e = entitlements.get(id);
          if (e == null || e.unitPrice() == null) {
            continue;
          }
          long spare = Math.max(0, e.quantity() - consumed.getOrDefault(id, 0L));
          BigDecimal value = e.unitPrice().amount().multiply(BigDecimal.valueOf(spare));
          String scope = e.scope() == null ? UnitRow.ORGANISATION : e.scope();
          sums(scope).surplus = sums(scope).surplus.add(value);
        }
      }
    }

    /** The units' parents, the root first. */
    private List<String> parentsOf(@Nullable String unit) {
      LinkedHashSet<String> chain = new LinkedHashSet<>();
      String at = unit == null ? null : parents.get(unit);
      while (at != null && chain.add(at)) {
        at = parents.get(at);
      }
      List<String> rootFirst = new ArrayList<>(chain);
      Collections.reverse(rootFirst);
      return rootFirst;
    }

    List<UnitRow> rows() {
      List<UnitRow> rows = new ArrayList<>();
      sums.forEach(
          (unit, s) ->
              rows.add(
                  new UnitRow(
                      unit.value(),
                      parentsOf(unit.value()),
                      s.shortUnits,
                      s.cost,
                      s.unpriced,
                      s.surplus)));
      rows.sort(
          Comparator.comparing(UnitRow::shortfallCost, Comparator.reverseOrder())
              .thenComparing(UnitRow::surplusValue, Comparator.reverseOrder())
              .thenComparing(r -> new Key(r.unit())));
      return List.copyOf(rows);
    }
  }
}
