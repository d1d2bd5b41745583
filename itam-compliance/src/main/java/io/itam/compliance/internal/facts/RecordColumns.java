package io.itam.compliance.internal.facts;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.Estate;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The consumption records of an estate as the engine reads them: installations and access records
 * in parallel primitive arrays, their references resolved to the {@link EstateIndex}'s dense
 * indexes, their versions, editions and evidence interned; usage measurements as records (an estate
 * has few).
 *
 * <p>Row {@code i} is the {@code i}-th record of the input list; the canonical order is the {@link
 * Facts}' business. Dates are epoch days, {@link #NO_DATE} for none; a missing version, edition or
 * evidence is -1.
 */
public final class RecordColumns {
  /** An absent date. */
  public static final long NO_DATE = Long.MIN_VALUE;

  final int installations;
  final int[] device;
  final int[] product;
  final int[] version;
  final int[] edition;
  final long[] installed;
  final long[] lastUsed;
  final int[] evidence;
  final String[] versionNames;
  final String[] editionNames;
  final String[] evidenceTexts;

  final int access;
  final int[] accessProduct;
  final int[] accessUser;
  final int[] accessDevice;

  final List<Usage> usage;

  private RecordColumns(Builder b, List<Usage> usage) {
    this.installations = b.size;
    this.device = b.device;
    this.product = b.product;
    this.version = b.version;
    this.edition = b.edition;
    this.installed = b.installed;
    this.lastUsed = b.lastUsed;
    this.evidence = b.evidence;
    this.versionNames = b.versions.names();
    this.editionNames = b.editions.names();
    this.evidenceTexts = b.evidenceTexts.names();
    this.access = b.accessSize;
    this.accessProduct = b.accessProduct;
    this.accessUser = b.accessUser;
    this.accessDevice = b.accessDevice;
    this.usage = List.copyOf(usage);
  }

  /** The records of {@code estate}, resolved against {@code index}. */
  public static RecordColumns of(Estate estate, EstateIndex index) {
    Builder b = new Builder(estate.installations().size(), estate.access().size());
    for (Installation i : estate.installations()) {
      b.installation(
          index.deviceIndex(i.device()),
          index.productIndex(i.product()),
          i.version(),
          i.edition(),
          day(i.installed()),
          day(i.lastUsed()),
          i.evidence());
    }
    for (Access a : estate.access()) {
      b.access(
          index.productIndex(a.product()),
          a.user() == null ? -1 : index.userIndex(a.user()),
          a.device() == null ? -1 : index.deviceIndex(a.device()));
    }
    return new RecordColumns(b, estate.usage());
  }

  /** Epoch day of {@code date}, or {@link #NO_DATE}. */
  public static long day(@Nullable LocalDate date) {
    return date == null ? NO_DATE : date.toEpochDay();
  }

  /** The date of epoch day {@code day}, or {@code null} for {@link #NO_DATE}. */
  public static @Nullable LocalDate date(long day) {
    return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
  }

  public int installationCount() {
    return installations;
  }

  public int accessCount() {
    return access;
  }

  public List<Usage> usage() {
    return usage;
  }

  /** Installation row {@code i} as a record, for messages. */
  Installation installation(int i, EstateIndex index) {
    return new Installation(
        index.device(device[i]).id(),
        index.productIds().asList().get(product[i]),
        name(versionNames, version[i]),
        name(editionNames, edition[i]),
        date(installed[i]),
        date(lastUsed[i]),
        name(evidenceTexts, evidence[i]));
  }

  static @Nullable String name(String[] names, int id) {
    return id < 0 ? null : names[id];
  }

  /** Fills the columns record by record. */
  public static final class Builder {
    private int size;
    private int[] device;
    private int[] product;
    private int[] version;
    private int[] edition;
    private long[] installed;
    private long[] lastUsed;
    private int[] evidence;
    private final Interner versions = new Interner();
    private final Interner editions = new Interner();
    private final Interner evidenceTexts = new Interner();
    private int accessSize;
    private int[] accessProduct;
    private int[] accessUser;
    private int[] accessDevice;

    public Builder(int installations, int access) {
      device = new int[installations];
      product = new int[installations];
      version = new int[installations];
      edition = new int[installations];
      installed = new long[installations];
      lastUsed = new long[installations];
      evidence = new int[installations];
      accessProduct = new int[access];
      accessUser = new int[access];
      accessDevice = new int[access];
    }

    /** Adds an installation; {@code device} and {@code product} are dense indexes. */
    public Builder installation(
        int device,
        int product,
        @Nullable String version,
        @Nullable String edition,
        long installed,
        long lastUsed,
        @Nullable String evidence) {
      if (size == this.device.length) {
        grow();
      }
      this.device[size] = device;
      this.product[size] = product;
      this.version[size] = versions.id(version);
      this.edition[size] = editions.id(edition);
      this.installed[size] = installed;
      this.lastUsed[size] = lastUsed;
      this.evidence[size] = evidenceTexts.id(evidence);
      size++;
      return this;
    }

    private void grow() {
      int capacity = Math.max(16, device.length * 2);
      device = Arrays.copyOf(device, capacity);
      product = Arrays.copyOf(product, capacity);
      version = Arrays.copyOf(version, capacity);
      edition = Arrays.copyOf(edition, capacity);
      installed = Arrays.copyOf(installed, capacity);
      lastUsed = Arrays.copyOf(lastUsed, capacity);
      evidence = Arrays.copyOf(evidence, capacity);
    }

    /** Adds an access record: {@code user} or {@code device} (the other -1). */
    public Builder access(int product, int user, int device) {
      if (accessSize == accessProduct.length) {
        int capacity = Math.max(16, accessSize * 2);
        accessProduct = Arrays.copyOf(accessProduct, capacity);
        accessUser = Arrays.copyOf(accessUser, capacity);
        accessDevice = Arrays.copyOf(accessDevice, capacity);
      }
      accessProduct[accessSize] = product;
      accessUser[accessSize] = user;
      accessDevice[accessSize] = device;
      accessSize++;
      return this;
    }

    public RecordColumns build(List<Usage> usage) {
      return new RecordColumns(this, usage);
    }
  }

  /** Interns strings into dense ids in first-seen order; {@code null} is -1. */
  private static final class Interner {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[0];

    int id(@Nullable String name) {
      if (name == null) {
        return -1;
      }
      Integer known = ids.get(name);
      if (known != null) {
        return known;
      }
      int id = ids.size();
      ids.put(name, id);
      if (id == names.length) {
        names = Arrays.copyOf(names, Math.max(8, id * 2));
      }
      names[id] = name;
      return id;
    }

    String[] names() {
      return Arrays.copyOf(names, ids.size());
    }
  }
}
