package io.itam.model.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.model.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two effective licence positions of one estate, say last month's run and this
 * month's: whether it became (non-)compliant, how the shortfall cost and the surplus value moved,
 * which shortfalls are new, resolved or changed, which product and licence rows changed, which
 * consumers' licences moved to another entitlement (or were gained or lost), and which input
 * records are newly rejected or no longer rejected.
 *
 * <p>Rows are matched by their keys: a shortfall by consumer, product and licence model; a product
 * row by product and licence model; a licence row by licence model; the allocations of a consumer
 * by consumer and product (all its entitlements together, so that units moving from one entitlement
 * or model to another are one change); a rejected record by all its fields. Rows with the same key
 * are matched in the positions' order. A matched pair is a change when its rows differ (for
 * shortfalls: in units; for allocations: in entitlements, models or units, not in the wording of
 * the reason).
 *
 * <p>Every list is in a deterministic order: added, then removed, then changed, each by its key.
 *
 * @param before the totals of the earlier position
 * @param after the totals of the later position
 * @param shortfalls shortfalls that are new ({@link Change#ADDED}), resolved ({@link
 *     Change#REMOVED}) or changed in units ({@link Change#CHANGED})
 * @param products product rows added, removed or changed
 * @param licences licence rows added, removed or changed
 * @param allocations consumers that gained cover ({@link Change#ADDED}), lost it ({@link
 *     Change#REMOVED}) or whose units moved ({@link Change#CHANGED})
 * @param rejected records newly rejected ({@link Change#ADDED}) or no longer rejected ({@link
 *     Change#REMOVED})
 * @param notCompared the per-consumer lists not compared because a position does not list all the
 *     rows its summary counts (it was reconciled with less detail): {@code "shortfalls"}, {@code
 *     "allocations"}, {@code "rejected"}; their changes are then empty
 */
public record PositionDiff(
    Totals before,
    Totals after,
    List<ShortfallChange> shortfalls,
    List<ProductChange> products,
    List<LicenceChange> licences,
    List<AllocationChange> allocations,
    List<RejectedChange> rejected,
    List<String> notCompared) {

  public PositionDiff {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    shortfalls = ImmutableList.copyOf(shortfalls);
    products = ImmutableList.copyOf(products);
    licences = ImmutableList.copyOf(licences);
    allocations = ImmutableList.copyOf(allocations);
    rejected = ImmutableList.copyOf(rejected);
    notCompared = ImmutableList.copyOf(notCompared);
  }

  /** How a row changed between the two positions. */
  public enum Change {
    /** Only in the later position. */
    ADDED,
    /** Only in the earlier position. */
    REMOVED,
    /** In both, different. */
    CHANGED
  }

  /**
   * The headline of one position.
   *
   * @param asOf the date it was computed for
   * @param currency the currency of its amounts; {@code null} when it has no prices
   * @param compliant whether nothing was short
   * @param shortfallCost what closing every priced shortfall costs
   * @param surplusValue what the unused licences cost
   * @param unpricedShortfalls product rows short without a known price
   */
  public record Totals(
      LocalDate asOf,
      @Nullable String currency,
      boolean compliant,
      BigDecimal shortfallCost,
      BigDecimal surplusValue,
      long unpricedShortfalls) {

    public Totals {
      requireNonNull(asOf, "asOf");
      shortfallCost = Decimals.normalize(requireNonNull(shortfallCost, "shortfallCost"));
      surplusValue = Decimals.normalize(requireNonNull(surplusValue, "surplusValue"));
    }

    /** The totals of {@code position}. */
    public static Totals of(Position position) {
      return new Totals(
          position.asOf(),
          position.currency(),
          position.compliant(),
          position.summary().shortfallCost(),
          position.summary().surplusValue(),
          position.summary().unpricedShortfalls());
    }
  }

  /**
   * A shortfall that is new, resolved, or short of another number of units.
   *
   * @param change how it changed
   * @param consumer the consumer short of licences
   * @param product the product
   * @param licenseModel the model its units are measured in; {@code null} when no model covers it
   * @param unitsBefore units short before ({@code 0} when new)
   * @param unitsAfter units short after ({@code 0} when resolved)
   * @param reason why it is short: the later reason, or the earlier one when resolved
   */
  public record ShortfallChange(
      Change change,
      String consumer,
      String product,
      @Nullable String licenseModel,
      long unitsBefore,
      long unitsAfter,
      String reason) {

    public ShortfallChange {
      requireNonNull(change, "change");
      requireNonNull(consumer, "consumer");
      requireNonNull(product, "product");
      requireNonNull(reason, "reason");
    }
  }

  /**
   * A product row that appeared, disappeared or changed (required, covered, shortfall, cost or
   * remedy).
   *
   * @param change how it changed
   * @param product the product
   * @param licenseModel the licence model measuring it; {@code null} when none covers it
   * @param before the earlier row; {@code null} when added
   * @param after the later row; {@code null} when removed
   */
  public record ProductChange(
      Change change,
      String product,
      @Nullable String licenseModel,
      @Nullable ProductPosition before,
      @Nullable ProductPosition after) {

    public ProductChange {
      requireNonNull(change, "change");
      requireNonNull(product, "product");
      checkSides(change, before, after);
    }
  }

  /**
   * A licence row that appeared, disappeared or changed (entitlements, entitled, consumed, surplus
   * or its value).
   *
   * @param change how it changed
   * @param licenseModel the licence model
   * @param before the earlier row; {@code null} when added
   * @param after the later row; {@code null} when removed
   */
  public record LicenceChange(
      Change change,
      String licenseModel,
      @Nullable LicensePosition before,
      @Nullable LicensePosition after) {

    public LicenceChange {
      requireNonNull(change, "change");
      requireNonNull(licenseModel, "licenseModel");
      checkSides(change, before, after);
    }

    /** Units consumed after minus before. */
    public long consumedChange() {
      return Math.subtractExact(
          after == null ? 0 : after.consumed(), before == null ? 0 : before.consumed());
    }
  }

  /**
   * The licences of one consumer for one product, when they changed: gained (it had none), lost (it
   * has none) or moved (other entitlements, models or units).
   *
   * @param change how they changed
   * @param consumer the consumer
   * @param product the product licensed
   * @param before its allocations before, in the position's order (empty when gained)
   * @param after its allocations after (empty when lost)
   */
  public record AllocationChange(
      Change change,
      String consumer,
      String product,
      List<Allocation> before,
      List<Allocation> after) {

    public AllocationChange {
      requireNonNull(change, "change");
      requireNonNull(consumer, "consumer");
      requireNonNull(product, "product");
      before = ImmutableList.copyOf(before);
      after = ImmutableList.copyOf(after);
      checkSides(change, before.isEmpty() ? null : before, after.isEmpty() ? null : after);
    }
  }

  /**
   * An input record newly rejected or no longer rejected.
   *
   * @param change {@link Change#ADDED} or {@link Change#REMOVED}
   * @param record the rejected record
   */
  public record RejectedChange(Change change, Rejected record) {

    public RejectedChange {
      requireNonNull(change, "change");
      requireNonNull(record, "record");
      checkArgument(change != Change.CHANGED, "a rejected record is added or removed");
    }
  }

  private static void checkSides(Change change, @Nullable Object before, @Nullable Object after) {
    switch (change) {
      case ADDED ->
          checkArgument(before == null && after != null, "an added row has an after and no before");
      case REMOVED ->
          checkArgument(before != null && after == null, "a removed row has a before and no after");
      case CHANGED ->
          checkArgument(before != null && after != null, "a changed row has a before and an after");
    }
  }

  /**
   * The changes from {@code before} to {@code after}.
   *
   * @throws IllegalArgumentException when both have a currency and they differ: their amounts do
   *     not compare
   */
  public static PositionDiff between(Position before, Position after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    String was = before.currency();
    String is = after.currency();
    checkArgument(
        was == null || is == null || was.equals(is), "currency mismatch: %s and %s", was, is);
    boolean shortfalls =
        listed(before.shortfalls(), before.summary().shortfalls())
            && listed(after.shortfalls(), after.summary().shortfalls());
    boolean allocations =
        listed(before.allocations(), before.summary().allocations())
            && listed(after.allocations(), after.summary().allocations());
    boolean rejected =
        listed(before.rejected(), before.summary().rejected())
            && listed(after.rejected(), after.summary().rejected());
    List<String> notCompared = new ArrayList<>();
    if (!shortfalls) {
      notCompared.add("shortfalls");
    }
    if (!allocations) {
      notCompared.add("allocations");
    }
    if (!rejected) {
      notCompared.add("rejected");
    }
    return new PositionDiff(
        Totals.of(before),
        Totals.of(after),
        shortfalls ? shortfalls(before.shortfalls(), after.shortfalls()) : List.of(),
        products(before.products(), after.products()),
        licences(before.licenses(), after.licenses()),
        allocations ? allocations(before.allocations(), after.allocations()) : List.of(),
        rejected ? rejected(before.rejected(), after.rejected()) : List.of(),
        notCompared);
  }

  /** Whether a position lists every row its summary counts (not so with less detail). */
  private static boolean listed(List<?> rows, long counted) {
    return rows.size() >= counted;
  }

  /** Whether the two positions have the same totals (the date aside) and no row changed. */
  public boolean isEmpty() {
    return before.compliant() == after.compliant()
        && before.shortfallCost().equals(after.shortfallCost())
        && before.surplusValue().equals(after.surplusValue())
        && before.unpricedShortfalls() == after.unpricedShortfalls()
        && Objects.equals(before.currency(), after.currency())
        && shortfalls.isEmpty()
        && products.isEmpty()
        && licences.isEmpty()
        && allocations.isEmpty()
        && rejected.isEmpty();
  }

  /** The shortfall cost after minus before. */
  public BigDecimal shortfallCostChange() {
    return Decimals.normalize(after.shortfallCost().subtract(before.shortfallCost()));
  }

  /** The surplus value after minus before. */
  public BigDecimal surplusValueChange() {
    return Decimals.normalize(after.surplusValue().subtract(before.surplusValue()));
  }

  /** The currency of the amounts: the later position's, else the earlier one's. */
  public @Nullable String currency() {
    return after.currency() != null ? after.currency() : before.currency();
  }

  // ---- matching ---------------------------------------------------------------------------------

  /** A key of a row: its fields, compared in order, a {@code null} after every value. */
  private record Key(List<@Nullable String> parts) implements Comparable<Key> {
    static Key of(@Nullable String... parts) {
      List<@Nullable String> list = new ArrayList<>(parts.length);
      for (String part : parts) {
        list.add(part);
      }
      return new Key(list);
    }

    @Override
    public int compareTo(Key other) {
      Comparator<@Nullable String> order = Comparator.nullsLast(Comparator.naturalOrder());
      for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
        int c = order.compare(parts.get(i), other.parts.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(parts.size(), other.parts.size());
    }
  }

  /** A row of the earlier position and the row of the later one it is matched with. */
  private record Pair<T>(Key key, @Nullable T before, @Nullable T after) {}

  /** The rows of both sides matched by key, in key order; rows of one key matched in order. */
  private static <T> List<Pair<T>> match(List<T> before, List<T> after, Function<T, Key> key) {
    Map<Key, List<T>> was = group(before, key);
    Map<Key, List<T>> is = group(after, key);
    TreeMap<Key, Boolean> keys = new TreeMap<>();
    was.keySet().forEach(k -> keys.put(k, true));
    is.keySet().forEach(k -> keys.put(k, true));
    List<Pair<T>> pairs = new ArrayList<>();
    for (Key k : keys.keySet()) {
      List<T> a = was.getOrDefault(k, List.of());
      List<T> b = is.getOrDefault(k, List.of());
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        pairs.add(new Pair<>(k, i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null));
      }
    }
    return pairs;
  }

  private static <T> Map<Key, List<T>> group(List<T> rows, Function<T, Key> key) {
    Map<Key, List<T>> groups = new TreeMap<>();
    for (T row : rows) {
      groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  private static Change change(@Nullable Object before, @Nullable Object after) {
    return before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.CHANGED;
  }

  /** Sorts by change (added, removed, changed), keeping the key order within each. */
  private static <T> List<T> byChange(List<T> rows, Function<T, Change> change) {
    List<T> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(change));
    return sorted;
  }

  private static List<ShortfallChange> shortfalls(List<Shortfall> before, List<Shortfall> after) {
    List<ShortfallChange> changes = new ArrayList<>();
    for (Pair<Shortfall> p :
        match(before, after, s -> Key.of(s.licenseModel(), s.product(), s.consumer()))) {
      Shortfall was = p.before();
      Shortfall is = p.after();
      if (was != null && is != null && was.units() == is.units()) {
        continue;
      }
      Shortfall any = is != null ? is : requireNonNull(was);
      changes.add(
          new ShortfallChange(
              change(was, is),
              any.consumer(),
              any.product(),
              any.licenseModel(),
              was == null ? 0 : was.units(),
              is == null ? 0 : is.units(),
              any.reason()));
    }
    return byChange(changes, ShortfallChange::change);
  }

  private static List<ProductChange> products(
      List<ProductPosition> before, List<ProductPosition> after) {
    List<ProductChange> changes = new ArrayList<>();
    for (Pair<ProductPosition> p :
        match(before, after, r -> Key.of(r.product(), r.licenseModel()))) {
      if (Objects.equals(p.before(), p.after())) {
        continue;
      }
      ProductPosition any = p.after() != null ? p.after() : requireNonNull(p.before());
      changes.add(
          new ProductChange(
              change(p.before(), p.after()),
              any.product(),
              any.licenseModel(),
              p.before(),
              p.after()));
    }
    return byChange(changes, ProductChange::change);
  }

  private static List<LicenceChange> licences(
      List<LicensePosition> before, List<LicensePosition> after) {
    List<LicenceChange> changes = new ArrayList<>();
    for (Pair<LicensePosition> p : match(before, after, l -> Key.of(l.licenseModel()))) {
      if (Objects.equals(p.before(), p.after())) {
        continue;
      }
      LicensePosition any = p.after() != null ? p.after() : requireNonNull(p.before());
      changes.add(
          new LicenceChange(
              change(p.before(), p.after()), any.licenseModel(), p.before(), p.after()));
    }
    return byChange(changes, LicenceChange::change);
  }

  /** What an allocation grants, its reason aside: model, entitlement and units. */
  private record Grant(String licenseModel, String entitlement, long units) {
    static Grant of(Allocation a) {
      return new Grant(a.licenseModel(), a.entitlement(), a.units());
    }
  }

  private static final Comparator<Grant> GRANTS =
      Comparator.comparing(Grant::licenseModel)
          .thenComparing(Grant::entitlement)
          .thenComparingLong(Grant::units);

  private static List<AllocationChange> allocations(
      List<Allocation> before, List<Allocation> after) {
    Function<Allocation, Key> key = a -> Key.of(a.product(), a.consumer());
    Map<Key, List<Allocation>> was = group(before, key);
    Map<Key, List<Allocation>> is = group(after, key);
    TreeMap<Key, Boolean> keys = new TreeMap<>();
    was.keySet().forEach(k -> keys.put(k, true));
    is.keySet().forEach(k -> keys.put(k, true));
    List<AllocationChange> changes = new ArrayList<>();
    for (Key k : keys.keySet()) {
      List<Allocation> a = was.getOrDefault(k, List.of());
      List<Allocation> b = is.getOrDefault(k, List.of());
      if (grants(a).equals(grants(b))) {
        continue;
      }
      Allocation any = b.isEmpty() ? a.get(0) : b.get(0);
      Change change = a.isEmpty() ? Change.ADDED : b.isEmpty() ? Change.REMOVED : Change.CHANGED;
      changes.add(new AllocationChange(change, any.consumer(), any.product(), a, b));
    }
    return byChange(changes, AllocationChange::change);
  }

  private static List<Grant> grants(List<Allocation> allocations) {
    List<Grant> grants = new ArrayList<>();
    for (Allocation a : allocations) {
      grants.add(Grant.of(a));
    }
    grants.sort(GRANTS);
    return grants;
  }

  private static List<RejectedChange> rejected(List<Rejected> before, List<Rejected> after) {
    List<RejectedChange> changes = new ArrayList<>();
    for (Pair<Rejected> p :
        match(before, after, r -> Key.of(r.record(), r.consumer(), r.product(), r.reason()))) {
      if (p.before() != null && p.after() != null) {
        continue;
      }
      changes.add(
          new RejectedChange(
              change(p.before(), p.after()),
              p.after() != null ? p.after() : requireNonNull(p.before())));
    }
    return byChange(changes, RejectedChange::change);
  }
}
