package io.itam.compliance.internal.demand;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.position.Exempt;
import io.itam.model.position.Rejected;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns the consumption records of an estate into {@link Fact facts} that need covering, and
 * accounts for every record that does not become one: exempt on purpose, or not counting on the
 * as-of date (installed later, an inactive user, usage starting later).
 */
public final class Consumption {
  private static final Comparator<Installation> INSTALLATION_ORDER =
      Comparator.comparing(Installation::device)
          .thenComparing(Installation::product)
          .thenComparing(Installation::version, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Installation::edition, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Installation::installed, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Installation::lastUsed, Comparator.nullsFirst(Comparator.naturalOrder()));
  private static final Comparator<Access> ACCESS_ORDER =
      Comparator.comparing(Access::product)
          .thenComparing(Access::user, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Access::device, Comparator.nullsFirst(Comparator.naturalOrder()));
  private static final Comparator<Usage> USAGE_ORDER =
      Comparator.comparing(Usage::product)
          .thenComparing(Usage::unit, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Usage::from)
          .thenComparing(Usage::until)
          .thenComparingLong(Usage::peakConcurrentUsers);
  private static final Comparator<Exemption> EXEMPTION_ORDER =
      Comparator.comparing(Exemption::product)
          .thenComparing(Exemption::device, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Exemption::user, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Exemption::reason);

  private final ImmutableList<Fact> facts;
  private final ImmutableList<Rejected> rejected;
  private final ImmutableList<Exempt> exempt;
  private final long[] exemptByKind;

  private Consumption(
      List<Fact> facts, List<Rejected> rejected, List<Exempt> exempt, long[] exemptByKind) {
    this.facts = ImmutableList.copyOf(facts);
    this.rejected = ImmutableList.copyOf(rejected);
    this.exempt = ImmutableList.copyOf(exempt);
    this.exemptByKind = exemptByKind;
  }

  /** Records of {@code kind} taken out by exemptions. */
  public long exemptRecords(Fact.Kind kind) {
    return exemptByKind[kind.ordinal()];
  }

  /** The facts of {@code index}'s estate, with the records that did not become facts. */
  public static Consumption of(EstateIndex index) {
    LocalDate asOf = index.asOf();
    List<Exemption> exemptions = new ArrayList<>(index.estate().exemptions());
    exemptions.sort(EXEMPTION_ORDER);
    long[] exemptCounts = new long[exemptions.size()];
    List<Fact> facts = new ArrayList<>();
    Map<RecordKey, Integer> recordKeys = new java.util.HashMap<>();
    List<Rejected> rejected = new ArrayList<>();
    long exemptInstallations = 0;
    long exemptAccess = 0;

    List<Installation> installations = canonicalOrder(index);
    for (Installation installation : installations) {
      if (facts.size() % io.itam.compliance.internal.Cancellation.EVERY == 0) {
        io.itam.compliance.internal.Cancellation.check();
      }
      Device device = Objects.requireNonNull(index.device(installation.device()));
      if (installation.installed() != null && installation.installed().isAfter(asOf)) {
        rejected.add(
            new Rejected(
                "installation",
                device.id(),
                installation.product(),
                "installed on " + installation.installed() + ", after the as-of date " + asOf));
        continue;
      }
      int exemption = exemptionOf(exemptions, index, installation.product(), device, null);
      if (exemption >= 0) {
        exemptCounts[exemption]++;
        exemptInstallations++;
        continue;
      }
      facts.add(keyed(Fact.installation(facts.size(), installation, device), recordKeys));
    }

    List<Access> accessRecords = new ArrayList<>(index.estate().access());
    accessRecords.sort(ACCESS_ORDER);
    for (Access access : accessRecords) {
      User user = index.user(access.user());
      Device device = index.device(access.device());
      if (user != null && !user.active()) {
        rejected.add(
            new Rejected(
                "access",
                user.id(),
                access.product(),
                "user " + user.id() + " is inactive (deprovisioned): access not counted"));
        continue;
      }
      int exemption = exemptionOf(exemptions, index, access.product(), device, user);
      if (exemption >= 0) {
        exemptCounts[exemption]++;
        exemptAccess++;
        continue;
      }
      facts.add(keyed(Fact.access(facts.size(), access, device, user), recordKeys));
    }

    List<Usage> usages = new ArrayList<>(index.estate().usage());
    usages.sort(USAGE_ORDER);
    for (Usage usage : usages) {
      if (usage.from().isAfter(asOf)) {
        rejected.add(
            new Rejected(
                "usage",
                UsagePools.consumerId(usage.unit()),
                usage.product(),
                "measured from " + usage.from() + ", after the as-of date " + asOf));
        continue;
      }
      facts.add(keyed(Fact.usage(facts.size(), usage), recordKeys));
    }

    long[] exemptByKind = new long[Fact.Kind.values().length];
    exemptByKind[Fact.Kind.INSTALLATION.ordinal()] = exemptInstallations;
    exemptByKind[Fact.Kind.ACCESS.ordinal()] = exemptAccess;
    List<Exempt> exempt = new ArrayList<>();
    for (int i = 0; i < exemptions.size(); i++) {
      Exemption x = exemptions.get(i);
      exempt.add(
          new Exempt(
              x.device() != null ? x.device() : Objects.requireNonNull(x.user()),
              x.product(),
              x.reason(),
              exemptCounts[i]));
    }
    return new Consumption(facts, rejected, exempt, exemptByKind);
  }

  /** The part of a record that decides its demand in a per-device family. */
  private record RecordKey(
      Fact.Kind kind,
      String product,
      @Nullable String version,
      @Nullable String edition,
      @Nullable String evidence) {
    // Written out: this runs once per record, and the generated methods are slower.
    @Override
    public int hashCode() {
      int h = kind.ordinal();
      h = 31 * h + product.hashCode();
      h = 31 * h + (version == null ? 0 : version.hashCode());
      h = 31 * h + (edition == null ? 0 : edition.hashCode());
      return 31 * h + (evidence == null ? 0 : evidence.hashCode());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RecordKey k
          && kind == k.kind
          && product.equals(k.product)
          && java.util.Objects.equals(version, k.version)
          && java.util.Objects.equals(edition, k.edition)
          && java.util.Objects.equals(evidence, k.evidence);
    }
  }

  /** Gives {@code fact} the id of its {@link Fact#recordKey() record key}. */
  private static Fact keyed(Fact fact, Map<RecordKey, Integer> keys) {
    RecordKey key =
        new RecordKey(fact.kind(), fact.product(), fact.version(), fact.edition(), fact.evidence());
    Integer id = keys.get(key);
    if (id == null) {
      id = keys.size();
      keys.put(key, id);
    }
    fact.recordKey(id);
    return fact;
  }

  /**
   * The estate's installations in canonical order ({@link #INSTALLATION_ORDER}: device, product,
   * version, edition, dates). Sorting tens of millions of records by their strings is the slowest
   * step of a large reconciliation, so the order is computed on primitive keys: every installation
   * gets {@code deviceRank × products + productRank} (ranks in id order, so the key order is the
   * string order), packed with its position into a {@code long}; only runs with an equal key (the
   * same product more than once on a device) are sorted by the full comparator.
   */
  static List<Installation> canonicalOrder(EstateIndex index) {
    List<Installation> installations = index.estate().installations();
    int n = installations.size();
    Map<String, Integer> deviceRank = index.deviceRanks();
    Map<String, Integer> productRank = index.productRanks();
    long products = Math.max(1, productRank.size());
    long maxKey = Math.max(1, deviceRank.size()) * products;
    int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n));
    int keyBits = 64 - Long.numberOfLeadingZeros(maxKey);
    if (keyBits + indexBits > 63) {
      List<Installation> sorted = new ArrayList<>(installations);
      sorted.sort(INSTALLATION_ORDER);
      return sorted;
    }
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      Installation installation = installations.get(i);
      long key =
          deviceRank.get(installation.device()) * products
              + productRank.get(installation.product());
      packed[i] = key << indexBits | i;
    }
    java.util.Arrays.sort(packed);
    long indexMask = (1L << indexBits) - 1;
    Installation[] sorted = new Installation[n];
    int i = 0;
    while (i < n) {
      int j = i + 1;
      long key = packed[i] >>> indexBits;
      while (j < n && packed[j] >>> indexBits == key) {
        j++;
      }
      for (int k = i; k < j; k++) {
        sorted[k] = installations.get((int) (packed[k] & indexMask));
      }
      if (j - i > 1) {
        java.util.Arrays.sort(sorted, i, j, INSTALLATION_ORDER);
      }
      i = j;
    }
    return java.util.Arrays.asList(sorted);
  }

  /**
   * The first exemption that covers {@code product} used on {@code device} or by {@code user}, or
   * -1. A device exemption covers the device; a user exemption covers the user's access and the
   * devices whose primary user they are. An exemption of a suite covers its components.
   */
  private static int exemptionOf(
      List<Exemption> exemptions,
      EstateIndex index,
      String product,
      @Nullable Device device,
      @Nullable User user) {
    for (int i = 0; i < exemptions.size(); i++) {
      Exemption x = exemptions.get(i);
      if (!index.closure(x.product()).contains(product)) {
        continue;
      }
      if (x.device() != null && device != null && x.device().equals(device.id())) {
        return i;
      }
      if (x.user() != null) {
        if (user != null && x.user().equals(user.id())) {
          return i;
        }
        if (device != null && x.user().equals(device.primaryUser())) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Facts in canonical order; {@code facts().get(i).id() == i}. */
  public ImmutableList<Fact> facts() {
    return facts;
  }

  /** Records that do not count on the as-of date. */
  public ImmutableList<Rejected> rejected() {
    return rejected;
  }

  /** One row per exemption, with the number of records it took out. */
  public ImmutableList<Exempt> exempt() {
    return exempt;
  }
}
