package io.itam.model.columnar;

import static java.util.Objects.checkIndex;
import static java.util.Objects.requireNonNull;

import io.itam.model.ConsumptionRecords;
import io.itam.model.Estate;
import io.itam.model.Problem;
import io.itam.model.ValidationContext;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
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
import io.itam.model.terms.LicenseModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Estate} whose three large record lists, installations, access and usage, are held as
 * parallel primitive columns ({@link InstallationColumns}, {@link AccessColumns}, {@link
 * UsageColumns}) over dense {@code int} {@link Dictionary dictionaries} of ids, beside a {@link
 * #frame()} holding everything else as records. It is the form the engine and the streaming readers
 * work on: a reader fills it record by record without making one object per record.
 *
 * <p>Memory, measured once with {@code ColumnarMemory} (test sources; 20 million installations over
 * 500,000 devices and 4,000 products, in random order, Java 17, G1; a shared machine, so the
 * figures are indicative): the columns take 36 bytes per installation (five {@code int}s and two
 * {@code long} epoch days) and the dictionaries under 2 more, 37.6 bytes in all (752 MB, beside a
 * 69 MB frame); filling and building them, validation included, runs in {@code -Xmx1000m} (not in
 * 900m), whether the reader passes interned ids or strings. The same records as an {@code Estate},
 * one {@link Installation} and its strings each, take 190 bytes per installation and do not build
 * in {@code -Xmx3g}. A whole synthetic estate of 20.1 million installations ({@code
 * SyntheticEstate.generateColumnar(665_000, seed)}: 911,000 devices, 532,000 users, 133,000
 * entitlements) takes 952 MB, 47.4 bytes per installation with its frame.
 *
 * <p>Like an {@code Estate}, a {@code ColumnarEstate} is always valid: {@link Builder#build()}
 * checks it with the same checks, reporting exactly the problems (paths, messages, order) that an
 * {@code Estate} of the same records would. {@link #of(Estate)} converts an estate once, keeping
 * the order of every list; {@link #toEstate()} makes the records again, and {@code
 * of(e).toEstate().equals(e)}. Two columnar estates are equal when they hold equal records in the
 * same order, whatever the ids their dictionaries gave them.
 */
public final class ColumnarEstate {
  /** The id that stands for an absent value: no version, edition, evidence, user, device, unit. */
  public static final int NONE = -1;

  /**
   * The epoch day that stands for an absent date: {@link Long#MIN_VALUE}, the same value as {@link
   * ConsumptionRecords#NO_DAY}, and no {@code LocalDate}'s epoch day.
   */
  public static final long NO_DATE = ConsumptionRecords.NO_DAY;

  private final Estate frame;
  private final InstallationColumns installations;
  private final AccessColumns access;
  private final UsageColumns usage;
  private int hash;

  private ColumnarEstate(Estate frame, Columns columns) {
    this.frame = frame;
    this.installations = columns.installations();
    this.access = columns.access();
    this.usage = columns.usage();
  }

  /** Starts a columnar estate as of {@code asOf}. */
  public static Builder builder(LocalDate asOf) {
    return new Builder(asOf);
  }

  /**
   * The columnar form of {@code estate}: its installations, access and usage in columns, in the
   * order of its lists, everything else in the {@link #frame()}. Not validated again. Every date an
   * {@code Estate} holds, {@link LocalDate#MIN} to {@link LocalDate#MAX}, has its epoch day.
   */
  public static ColumnarEstate of(Estate estate) {
    Builder builder = new Builder(estate.asOf());
    estate.installations().forEach(builder::add);
    estate.access().forEach(builder::add);
    estate.usage().forEach(builder::add);
    return new ColumnarEstate(estate.frame(), builder.columns());
  }

  /**
   * Everything but the installations, access and usage: organisation, products, licence models,
   * entitlements, clusters, devices, users, allocations, exemptions, as of, currency and format.
   */
  public Estate frame() {
    return frame;
  }

  public InstallationColumns installations() {
    return installations;
  }

  public AccessColumns access() {
    return access;
  }

  public UsageColumns usage() {
    return usage;
  }

  /** The installations, access and usage as the validator reads them: strings per row. */
  public ConsumptionRecords records() {
    return new Rows(new Columns(installations, access, usage));
  }

  /** The date the position is computed for. */
  public LocalDate asOf() {
    return frame.asOf();
  }

  /** Number of records of every list, as {@link Estate#recordCount()} counts them. */
  public long recordCount() {
    return frame.recordCount()
        + (long) installations.size()
        + (long) access.size()
        + (long) usage.size();
  }

  /**
   * The estate of these records, made one object per record, and validated as an estate built in
   * code. (An estate a reader built valid only because its {@link ValidationContext} left the ids
   * of unreadable records unread, and which that reader therefore rejects, would not convert.)
   */
  public Estate toEstate() {
    Estate.Builder estate = frame.toBuilder();
    for (int row = 0; row < installations.size(); row++) {
      estate.add(installations.get(row));
    }
    for (int row = 0; row < access.size(); row++) {
      estate.add(access.get(row));
    }
    for (int row = 0; row < usage.size(); row++) {
      estate.add(usage.get(row));
    }
    return estate.build();
  }

  /** Equal when the frames are equal and the columns hold the same records in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnarEstate e
        && frame.equals(e.frame)
        && installations.sameRecords(e.installations)
        && access.sameRecords(e.access)
        && usage.sameRecords(e.usage);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = frame.hashCode();
      h = 31 * h + installations.recordsHash();
      h = 31 * h + access.recordsHash();
      h = 31 * h + usage.recordsHash();
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return "ColumnarEstate{asOf="
        + asOf()
        + ", devices="
        + frame.devices().size()
        + ", installations="
        + installations.size()
        + ", access="
        + access.size()
        + ", usage="
        + usage.size()
        + "}";
  }

  /** The three column sets. */
  private record Columns(
      InstallationColumns installations, AccessColumns access, UsageColumns usage) {}

  /**
   * The three column sets as the validator reads them: strings per row, with the dictionary ids of
   * devices, products and users as keys.
   */
  private record Rows(
      ConsumptionRecords.InstallationRows installations,
      ConsumptionRecords.AccessRows access,
      ConsumptionRecords.UsageRows usage,
      int deviceKeys,
      int productKeys,
      int userKeys)
      implements ConsumptionRecords {
    Rows(Columns columns) {
      this(
          columns.installations().rows(),
          columns.access().rows(),
          columns.usage().rows(),
          columns.installations().devices().size(),
          columns.installations().products().size(),
          columns.access().users().size());
    }
  }

  /**
   * Builds a {@link ColumnarEstate}. Every record but installations, access and usage goes to an
   * {@link Estate.Builder} for the frame; those three are appended to columns, one at a time,
   * either as strings and dates ({@link #installation(String, String, String, String, LocalDate,
   * LocalDate, String)}) or, for a streaming reader, as ids it has interned itself through {@link
   * #devices()} and the other dictionaries, with dates as epoch days ({@link #installation(int,
   * int, int, int, long, long, int)}), which makes no object at all for a record whose strings are
   * already known. The columns grow by whole chunks, never copying what they hold.
   *
   * <p>{@link #build()} validates everything at once and throws one {@link ValidationException}
   * with exactly the problems {@link Estate#builder(LocalDate)} would report for the same records.
   * The builder stays usable after {@code build()}; it is not thread-safe.
   */
  public static final class Builder {
    private final Estate.Builder frame;
    private final Dictionary.Builder devices = Dictionary.builder();
    private final Dictionary.Builder products = Dictionary.builder();
    private final Dictionary.Builder versions = Dictionary.builder();
    private final Dictionary.Builder editions = Dictionary.builder();
    private final Dictionary.Builder evidence = Dictionary.builder();
    private final Dictionary.Builder users = Dictionary.builder();
    private final Dictionary.Builder units = Dictionary.builder();
    private final InstallationColumns.Builder installations = new InstallationColumns.Builder();
    private final AccessColumns.Builder access = new AccessColumns.Builder();
    private final UsageColumns.Builder usage = new UsageColumns.Builder();

    private Builder(LocalDate asOf) {
      this.frame = Estate.builder(asOf);
    }

    // ---- the frame ---------------------------------------------------------------------------

    /** The document format (only {@value Estate#FORMAT} is valid). */
    public Builder format(int format) {
      frame.format(format);
      return this;
    }

    public Builder asOf(LocalDate asOf) {
      frame.asOf(asOf);
      return this;
    }

    public Builder currency(@Nullable String currency) {
      frame.currency(currency);
      return this;
    }

    /** Adds a root organisation unit. */
    public Builder unit(String id) {
      frame.unit(id);
      return this;
    }

    /** Adds an organisation unit below {@code parent}. */
    public Builder unit(String id, String parent) {
      frame.unit(id, parent);
      return this;
    }

    public Builder add(OrganizationUnit unit) {
      frame.add(unit);
      return this;
    }

    public Builder add(Product product) {
      frame.add(product);
      return this;
    }

    public Builder add(LicenseModel model) {
      frame.add(model);
      return this;
    }

    public Builder add(Entitlement entitlement) {
      frame.add(entitlement);
      return this;
    }

    public Builder add(Cluster cluster) {
      frame.add(cluster);
      return this;
    }

    public Builder add(Device device) {
      frame.add(device);
      return this;
    }

    public Builder add(User user) {
      frame.add(user);
      return this;
    }

    public Builder add(PinnedAllocation allocation) {
      frame.add(allocation);
      return this;
    }

    public Builder add(Exemption exemption) {
      frame.add(exemption);
      return this;
    }

    /** Adds every record of {@code records}, by type, as {@link Estate.Builder#addAll} does. */
    public Builder addAll(Iterable<?> records) {
      List<Object> others = new ArrayList<>();
      for (Object record : records) {
        if (record instanceof Installation r) {
          add(r);
        } else if (record instanceof Access r) {
          add(r);
        } else if (record instanceof Usage r) {
          add(r);
        } else {
          others.add(record);
        }
      }
      frame.addAll(others);
      return this;
    }

    // ---- the dictionaries --------------------------------------------------------------------

    /**
     * The device ids of installations and access records, for {@link #installation(int, int, int,
     * int, long, long, int)} and {@link #access(int, int, int)}.
     */
    public Dictionary.Builder devices() {
      return devices;
    }

    /** The product ids of installations, access and usage records. */
    public Dictionary.Builder products() {
      return products;
    }

    /** The version names of installations. */
    public Dictionary.Builder versions() {
      return versions;
    }

    /** The edition names of installations. */
    public Dictionary.Builder editions() {
      return editions;
    }

    /** The evidence texts of installations. */
    public Dictionary.Builder evidence() {
      return evidence;
    }

    /** The user ids of access records. */
    public Dictionary.Builder users() {
      return users;
    }

    /** The organisation unit ids of usage records. */
    public Dictionary.Builder units() {
      return units;
    }

    // ---- installations, access, usage --------------------------------------------------------

    public Builder add(Installation installation) {
      return installation(
          installation.device(),
          installation.product(),
          installation.version(),
          installation.edition(),
          installation.installed(),
          installation.lastUsed(),
          installation.evidence());
    }

    public Builder add(Access record) {
      return access(record.product(), record.user(), record.device());
    }

    public Builder add(Usage record) {
      return usage(
          record.product(),
          record.peakConcurrentUsers(),
          record.from(),
          record.until(),
          record.unit());
    }

    /** Appends an installation, as {@link Installation}'s fields. */
    public Builder installation(
        String device,
        String product,
        @Nullable String version,
        @Nullable String edition,
        @Nullable LocalDate installed,
        @Nullable LocalDate lastUsed,
        @Nullable String evidence) {
      installations.add(
          devices.intern(device),
          products.intern(product),
          internOrNone(versions, version),
          internOrNone(editions, edition),
          Days.of(installed),
          Days.of(lastUsed),
          internOrNone(this.evidence, evidence));
      return this;
    }

    /**
     * Appends an installation given as ids interned through this builder's dictionaries, {@link
     * #NONE} for an absent version, edition or evidence, and dates as epoch days ({@link
     * LocalDate#toEpochDay()}), {@link #NO_DATE} when unknown.
     *
     * @throws IndexOutOfBoundsException for an id its dictionary has not given out
     * @throws IllegalArgumentException for a day that is neither {@link #NO_DATE} nor the epoch day
     *     of a {@code LocalDate}
     */
    public Builder installation(
        int device,
        int product,
        int version,
        int edition,
        long installed,
        long lastUsed,
        int evidence) {
      installations.add(
          id(device, devices),
          id(product, products),
          idOrNone(version, versions),
          idOrNone(edition, editions),
          Days.checked(installed, "installed"),
          Days.checked(lastUsed, "lastUsed"),
          idOrNone(evidence, this.evidence));
      return this;
    }

    /** Appends an access record, as {@link Access}'s fields. */
    public Builder access(String product, @Nullable String user, @Nullable String device) {
      access.add(
          products.intern(product), internOrNone(users, user), internOrNone(devices, device));
      return this;
    }

    /**
     * Appends an access record given as ids interned through {@link #products()}, {@link #users()}
     * and {@link #devices()}; {@link #NONE} for the user or the device not given.
     *
     * @throws IndexOutOfBoundsException for an id its dictionary has not given out
     */
    public Builder access(int product, int user, int device) {
      access.add(id(product, products), idOrNone(user, users), idOrNone(device, devices));
      return this;
    }

    /** Appends a usage record, as {@link Usage}'s fields. */
    public Builder usage(
        String product,
        long peakConcurrentUsers,
        LocalDate from,
        LocalDate until,
        @Nullable String unit) {
      usage.add(
          products.intern(product),
          peakConcurrentUsers,
          requireNonNull(from, "from").toEpochDay(),
          requireNonNull(until, "until").toEpochDay(),
          internOrNone(units, unit));
      return this;
    }

    /**
     * Appends a usage record given as ids interned through {@link #products()} and {@link #units()}
     * ({@link #NONE} for the whole organisation), with the period's days as epoch days ({@link
     * LocalDate#toEpochDay()}).
     *
     * @throws IndexOutOfBoundsException for an id its dictionary has not given out
     * @throws IllegalArgumentException if {@code from} or {@code until} is {@link #NO_DATE} or not
     *     the epoch day of a {@code LocalDate}
     */
    public Builder usage(int product, long peakConcurrentUsers, long from, long until, int unit) {
      if (from == NO_DATE || until == NO_DATE) {
        throw new IllegalArgumentException("usage: a period needs \"from\" and \"until\"");
      }
      usage.add(
          id(product, products),
          peakConcurrentUsers,
          Days.checked(from, "from"),
          Days.checked(until, "until"),
          idOrNone(unit, units));
      return this;
    }

    /** The number of installations appended so far. */
    public int installationCount() {
      return installations.size();
    }

    /** The number of access records appended so far. */
    public int accessCount() {
      return access.size();
    }

    /** The number of usage records appended so far. */
    public int usageCount() {
      return usage.size();
    }

    // ---- building ----------------------------------------------------------------------------

    /** Every problem of the estate as it stands, without building it. */
    public List<Problem> problems() {
      return frame.problems(new Rows(columns()), ValidationContext.IN_CODE);
    }

    /**
     * Validates and builds the estate.
     *
     * @throws ValidationException listing every problem, when the estate is invalid
     */
    public ColumnarEstate build() {
      return build(ValidationContext.IN_CODE);
    }

    /**
     * Validates and builds the estate, locating problems in a source document.
     *
     * @throws ValidationException listing every problem, when the estate is invalid
     */
    public ColumnarEstate build(ValidationContext context) {
      Columns columns = columns();
      return new ColumnarEstate(frame.buildFrame(new Rows(columns), context), columns);
    }

    private Columns columns() {
      Dictionaries d =
          new Dictionaries(
              devices.build(),
              products.build(),
              versions.build(),
              editions.build(),
              evidence.build(),
              users.build(),
              units.build());
      return new Columns(installations.build(d), access.build(d), usage.build(d));
    }

    private static int internOrNone(Dictionary.Builder dictionary, @Nullable String value) {
      return value == null ? NONE : dictionary.intern(value);
    }

    private static int id(int id, Dictionary.Builder dictionary) {
      return checkIndex(id, dictionary.size());
    }

    private static int idOrNone(int id, Dictionary.Builder dictionary) {
      return id == NONE ? NONE : id(id, dictionary);
    }
  }
}
