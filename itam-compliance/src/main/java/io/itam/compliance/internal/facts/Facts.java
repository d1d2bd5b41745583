package io.itam.compliance.internal.facts;

import io.itam.compliance.internal.Cancellation;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.position.Exempt;
import io.itam.model.position.Rejected;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Step 1 of the reconciliation: the consumption that counts on the as-of date, as <em>facts</em> in
 * a canonical order that does not depend on the order of the input lists, and an account of every
 * record that does not become a fact (exempt on purpose; installed later, an inactive user, usage
 * measured later).
 *
 * <p>Layout: fact {@code f} is an installation for {@code f < installationCount()}, then come the
 * access records, then the usage records. Parallel arrays give each fact its source row, its device
 * and user (dense indexes, -1 when none) and its {@link RecordKeys record key}. Installations are
 * ordered by device, product, version, edition, dates and evidence; access by product, user and
 * device; usage by product, unit, period and peak.
 */
public final class Facts {
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

  private final EstateIndex index;
  private final RecordColumns records;
  private final RecordKeys keys;
  private final int installations;
  private final int access;
  private final int size;
  private final int[] source;
  private final int[] device;
  private final int[] user;
  private final int[] rk;
  private final List<Usage> usage;

  private final int[] lateInstallations;
  private final int[] inactiveAccess;
  private final List<Usage> lateUsage;
  private final List<Exemption> exemptions;
  private final long[] exemptCounts;
  private final long exemptInstallations;
  private final long exemptAccess;

  private Facts(Builder b) {
    this.index = b.index;
    this.records = b.records;
    this.keys = b.keys;
    this.installations = b.installations;
    this.access = b.access;
    this.size = b.size;
    this.source = b.source;
    this.device = b.device;
    this.user = b.user;
    this.rk = b.rk;
    this.usage = b.usage;
    this.lateInstallations = Arrays.copyOf(b.late, b.lateCount);
    this.inactiveAccess = Arrays.copyOf(b.inactive, b.inactiveCount);
    this.lateUsage = b.lateUsage;
    this.exemptions = b.exemptions;
    this.exemptCounts = b.exemptCounts;
    this.exemptInstallations = b.exemptInstallations;
    this.exemptAccess = b.exemptAccess;
  }

  /** The facts of {@code records} as of the index's date. */
  public static Facts of(EstateIndex index, RecordColumns records) {
    return new Builder(index, records).build();
  }

  public EstateIndex index() {
    return index;
  }

  public RecordKeys keys() {
    return keys;
  }

  /** Number of facts. */
  public int size() {
    return size;
  }

  public int installationCount() {
    return installations;
  }

  public int accessCount() {
    return access;
  }

  public Fact.Kind kind(int fact) {
    return fact < installations
        ? Fact.Kind.INSTALLATION
        : fact < installations + access ? Fact.Kind.ACCESS : Fact.Kind.USAGE;
  }

  /** The device of {@code fact} (installing device, or device of an access record), or -1. */
  public int device(int fact) {
    return device[fact];
  }

  /** The user of an access record by user, or -1. */
  public int user(int fact) {
    return user[fact];
  }

  /** The record key of {@code fact}. */
  public int recordKey(int fact) {
    return rk[fact];
  }

  /** The product of {@code fact} (dense index). */
  public int product(int fact) {
    return keys.product(rk[fact]);
  }

  /** The usage measurement of a usage fact. */
  public Usage usage(int fact) {
    return usage.get(fact - installations - access);
  }

  /** Fact {@code id} as an object. */
  public Fact fact(int id) {
    int key = rk[id];
    String product = index.productIds().asList().get(keys.product(key));
    Device d = device[id] < 0 ? null : index.device(device[id]);
    return switch (kind(id)) {
      case INSTALLATION ->
          new Fact(
              id,
              Fact.Kind.INSTALLATION,
              product,
              keys.version(key),
              keys.edition(key),
              d,
              null,
              null,
              keys.evidence(key));
      case ACCESS ->
          new Fact(
              id,
              Fact.Kind.ACCESS,
              product,
              null,
              null,
              d,
              user[id] < 0 ? null : index.user(user[id]),
              null,
              null);
      case USAGE -> new Fact(id, Fact.Kind.USAGE, product, null, null, null, null, usage(id), null);
    };
  }

  /** The input records of {@code kind}: facts, rejected and exempt alike. */
  public long records(Fact.Kind kind) {
    return switch (kind) {
      case INSTALLATION -> records.installations;
      case ACCESS -> records.access;
      case USAGE -> records.usage.size();
    };
  }

  /** Records of {@code kind} taken out by exemptions. */
  public long exemptRecords(Fact.Kind kind) {
    return switch (kind) {
      case INSTALLATION -> exemptInstallations;
      case ACCESS -> exemptAccess;
      case USAGE -> 0;
    };
  }

  /** Records that do not count on the as-of date, one row each. */
  public List<Rejected> rejected() {
    LocalDate asOf = index.asOf();
    List<Rejected> rows = new ArrayList<>();
    for (int row : lateInstallations) {
      var installation = records.installation(row, index);
      rows.add(
          new Rejected(
              "installation",
              installation.device(),
              installation.product(),
              "installed on " + installation.installed() + ", after the as-of date " + asOf));
    }
    for (int row : inactiveAccess) {
      User u = index.user(records.accessUser(row));
      rows.add(
          new Rejected(
              "access",
              u.id(),
              index.productIds().asList().get(records.accessProduct(row)),
              "user " + u.id() + " is inactive (deprovisioned): access not counted"));
    }
    for (Usage u : lateUsage) {
      rows.add(
          new Rejected(
              "usage",
              Fact.usagePool(u.unit()),
              u.product(),
              "measured from " + u.from() + ", after the as-of date " + asOf));
    }
    return rows;
  }

  /** How many {@link #rejected()} rows there are, by record kind ({@code installation}, …). */
  public long rejectedCount(Fact.Kind kind) {
    return switch (kind) {
      case INSTALLATION -> lateInstallations.length;
      case ACCESS -> inactiveAccess.length;
      case USAGE -> lateUsage.size();
    };
  }

  /** One row per exemption, with the number of records it took out. */
  public List<Exempt> exempt() {
    List<Exempt> rows = new ArrayList<>();
    for (int i = 0; i < exemptions.size(); i++) {
      Exemption x = exemptions.get(i);
      rows.add(
          new Exempt(
              x.device() != null ? x.device() : Objects.requireNonNull(x.user()),
              x.product(),
              x.reason(),
              exemptCounts[i]));
    }
    return rows;
  }

  /** Builds the facts in canonical order. */
  private static final class Builder {
    final EstateIndex index;
    final RecordColumns records;
    final RecordKeys keys;
    final long asOf;
    int installations;
    int access;
    int size;
    int[] source;
    int[] device;
    int[] user;
    int[] rk;
    List<Usage> usage = new ArrayList<>();
    int[] late = new int[0];
    int lateCount;
    int[] inactive = new int[0];
    int inactiveCount;
    List<Usage> lateUsage = new ArrayList<>();
    final List<Exemption> exemptions;
    final long[] exemptCounts;
    long exemptInstallations;
    long exemptAccess;
    final Exemptions exempting;

    Builder(EstateIndex index, RecordColumns records) {
      this.index = index;
      this.records = records;
      this.keys = new RecordKeys(records);
      this.asOf = RecordColumns.day(index.asOf());
      List<Exemption> sorted = new ArrayList<>(index.estate().exemptions());
      sorted.sort(EXEMPTION_ORDER);
      this.exemptions = sorted;
      this.exemptCounts = new long[sorted.size()];
      this.exempting = new Exemptions(index, sorted);
      int capacity = records.installations + records.access + records.usage.size();
      source = new int[capacity];
      device = new int[capacity];
      user = new int[capacity];
      rk = new int[capacity];
    }

    Facts build() {
      installations();
      accessRecords();
      usageRecords();
      source = Arrays.copyOf(source, size);
      device = Arrays.copyOf(device, size);
      user = Arrays.copyOf(user, size);
      rk = Arrays.copyOf(rk, size);
      return new Facts(this);
    }

    private void installations() {
      int[] order = InstallationOrder.sort(records, index.deviceCount());
      for (int row : order) {
        if (size % Cancellation.EVERY == 0) {
          Cancellation.check();
        }
        long installedOn = records.installed(row);
        if (installedOn != RecordColumns.NO_DATE && installedOn > asOf) {
          if (lateCount == late.length) {
            late = Arrays.copyOf(late, Math.max(8, lateCount * 2));
          }
          late[lateCount++] = row;
          continue;
        }
        int d = records.device(row);
        int p = records.product(row);
        int x = exempting.of(p, d, -1);
        if (x >= 0) {
          exemptCounts[x]++;
          exemptInstallations++;
          continue;
        }
        source[size] = row;
        device[size] = d;
        user[size] = -1;
        rk[size] = keys.installation(row);
        size++;
      }
      installations = size;
    }

    private void accessRecords() {
      Integer[] order = new Integer[records.access];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      String[] products = index.productIds().toArray(new String[0]);
      Arrays.sort(
          order,
          Comparator.<Integer, String>comparing(i -> products[records.accessProduct(i)])
              .thenComparing(i -> userId(records.accessUser(i)), Facts::compareNullsFirst)
              .thenComparing(i -> deviceId(records.accessDevice(i)), Facts::compareNullsFirst));
      for (int row : order) {
        int u = records.accessUser(row);
        int d = records.accessDevice(row);
        if (u >= 0 && !index.user(u).active()) {
          if (inactiveCount == inactive.length) {
            inactive = Arrays.copyOf(inactive, Math.max(8, inactiveCount * 2));
          }
          inactive[inactiveCount++] = row;
          continue;
        }
        int x = exempting.of(records.accessProduct(row), d, u);
        if (x >= 0) {
          exemptCounts[x]++;
          exemptAccess++;
          continue;
        }
        source[size] = row;
        device[size] = d;
        user[size] = u;
        rk[size] = keys.access(records.accessProduct(row));
        size++;
      }
      access = size - installations;
    }

    private void usageRecords() {
      List<Usage> sorted = new ArrayList<>(records.usage);
      sorted.sort(USAGE_ORDER);
      for (Usage u : sorted) {
        if (u.from().isAfter(index.asOf())) {
          lateUsage.add(u);
          continue;
        }
        source[size] = usage.size();
        device[size] = -1;
        user[size] = -1;
        rk[size] = keys.usage(index.productIndex(u.product()));
        usage.add(u);
        size++;
      }
    }

    private @Nullable String userId(int u) {
      return u < 0 ? null : index.user(u).id();
    }

    private @Nullable String deviceId(int d) {
      return d < 0 ? null : index.device(d).id();
    }
  }

  private static int compareNullsFirst(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  /**
   * The exemptions that take records out: a device exemption covers the device; a user exemption
   * covers the user's access and the devices whose primary user they are; an exemption of a suite
   * covers its components. The first matching exemption (in canonical order) counts the record.
   */
  private static final class Exemptions {
    private final EstateIndex index;
    private final List<Exemption> sorted;
    private final boolean[][] coversProduct;

    Exemptions(EstateIndex index, List<Exemption> sorted) {
      this.index = index;
      this.sorted = sorted;
      this.coversProduct = new boolean[sorted.size()][];
      for (int i = 0; i < sorted.size(); i++) {
        boolean[] covers = new boolean[index.productCount()];
        for (String p : index.closure(sorted.get(i).product())) {
          covers[index.productIndex(p)] = true;
        }
        coversProduct[i] = covers;
      }
    }

    /** The exemption taking out a record of {@code product} on {@code device} by {@code user}. */
    int of(int product, int device, int user) {
      if (sorted.isEmpty()) {
        return -1;
      }
      String deviceId = device < 0 ? null : index.device(device).id();
      String primary = device < 0 ? null : index.device(device).primaryUser();
      String userId = user < 0 ? null : index.user(user).id();
      for (int i = 0; i < sorted.size(); i++) {
        if (!coversProduct[i][product]) {
          continue;
        }
        Exemption x = sorted.get(i);
        if (x.device() != null && x.device().equals(deviceId)) {
          return i;
        }
        if (x.user() != null && (x.user().equals(userId) || x.user().equals(primary))) {
          return i;
        }
      }
      return -1;
    }
  }
}
