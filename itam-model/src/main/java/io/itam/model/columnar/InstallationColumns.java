package io.itam.model.columnar;

import io.itam.model.ConsumptionRecords;
import io.itam.model.inventory.Installation;
import org.jspecify.annotations.Nullable;

/**
 * The installations of a {@link ColumnarEstate} as parallel columns, one row per installation in
 * document order ({@code installations[17]} is row 17): the device, product, version, edition and
 * evidence as ids of their {@link Dictionary}, {@link ColumnarEstate#NONE} for an absent version,
 * edition or evidence; the installation and last-use dates as epoch days, {@link
 * ColumnarEstate#NO_DATE} when unknown. Five {@code int}s and two {@code long}s, 36 bytes, per
 * installation.
 *
 * <p>Per row, {@link #device(int)} and its siblings read one value and {@link #get(int)} makes the
 * {@link Installation}. The engine's loops read the columns themselves, {@link #deviceColumn()} and
 * its siblings, chunk by chunk without a copy (see {@link IntColumn}).
 */
public final class InstallationColumns {
  private final Dictionary devices;
  private final Dictionary products;
  private final Dictionary versions;
  private final Dictionary editions;
  private final Dictionary evidence;
  private final IntColumn device;
  private final IntColumn product;
  private final IntColumn version;
  private final IntColumn edition;
  private final LongColumn installed;
  private final LongColumn lastUsed;
  private final IntColumn evidenceColumn;

  private InstallationColumns(Builder b, Dictionaries d) {
    this.devices = d.devices();
    this.products = d.products();
    this.versions = d.versions();
    this.editions = d.editions();
    this.evidence = d.evidence();
    this.device = b.device.build();
    this.product = b.product.build();
    this.version = b.version.build();
    this.edition = b.edition.build();
    this.installed = b.installed.build();
    this.lastUsed = b.lastUsed.build();
    this.evidenceColumn = b.evidence.build();
  }

  /** The number of installations. */
  public int size() {
    return device.size();
  }

  /** The id in {@link #devices()} of the device of installation {@code row}. */
  public int device(int row) {
    return device.get(row);
  }

  /** The id in {@link #products()} of the product installed. */
  public int product(int row) {
    return product.get(row);
  }

  /** The id in {@link #versions()} of the version installed, or {@link ColumnarEstate#NONE}. */
  public int version(int row) {
    return version.get(row);
  }

  /** The id in {@link #editions()} of the edition installed, or {@link ColumnarEstate#NONE}. */
  public int edition(int row) {
    return edition.get(row);
  }

  /** The installation date's epoch day, or {@link ColumnarEstate#NO_DATE}. */
  public long installed(int row) {
    return installed.get(row);
  }

  /** The last date of use's epoch day, or {@link ColumnarEstate#NO_DATE}. */
  public long lastUsed(int row) {
    return lastUsed.get(row);
  }

  /**
   * The id in {@link #evidence()} of the installation's evidence, or {@link ColumnarEstate#NONE}.
   */
  public int evidence(int row) {
    return evidenceColumn.get(row);
  }

  /** Installation {@code row} as a record. */
  public Installation get(int row) {
    return new Installation(
        devices.get(device(row)),
        products.get(product(row)),
        Dictionary.orNull(versions, version(row)),
        Dictionary.orNull(editions, edition(row)),
        Days.date(installed(row)),
        Days.date(lastUsed(row)),
        Dictionary.orNull(evidence, evidence(row)));
  }

  /** The device ids, shared with the estate's access records. */
  public Dictionary devices() {
    return devices;
  }

  /** The product ids, shared with the estate's access and usage records. */
  public Dictionary products() {
    return products;
  }

  /** The version names of every product. */
  public Dictionary versions() {
    return versions;
  }

  /** The edition names of every product. */
  public Dictionary editions() {
    return editions;
  }

  /** The evidence texts. */
  public Dictionary evidence() {
    return evidence;
  }

  public IntColumn deviceColumn() {
    return device;
  }

  public IntColumn productColumn() {
    return product;
  }

  public IntColumn versionColumn() {
    return version;
  }

  public IntColumn editionColumn() {
    return edition;
  }

  public LongColumn installedColumn() {
    return installed;
  }

  public LongColumn lastUsedColumn() {
    return lastUsed;
  }

  public IntColumn evidenceColumn() {
    return evidenceColumn;
  }

  /** Whether {@code other} holds the same installations, whatever the ids of its dictionaries. */
  boolean sameRecords(InstallationColumns other) {
    return size() == other.size()
        && Dictionary.sameStrings(device, devices, other.device, other.devices)
        && Dictionary.sameStrings(product, products, other.product, other.products)
        && Dictionary.sameStrings(version, versions, other.version, other.versions)
        && Dictionary.sameStrings(edition, editions, other.edition, other.editions)
        && installed.equals(other.installed)
        && lastUsed.equals(other.lastUsed)
        && Dictionary.sameStrings(evidenceColumn, evidence, other.evidenceColumn, other.evidence);
  }

  /** A hash of the installations' values, consistent with {@link #sameRecords}. */
  int recordsHash() {
    int h = Dictionary.stringsHash(device, devices);
    h = 31 * h + Dictionary.stringsHash(product, products);
    h = 31 * h + Dictionary.stringsHash(version, versions);
    h = 31 * h + Dictionary.stringsHash(edition, editions);
    h = 31 * h + installed.hashCode();
    h = 31 * h + lastUsed.hashCode();
    return 31 * h + Dictionary.stringsHash(evidenceColumn, evidence);
  }

  /** The installations as the validator reads them. */
  ConsumptionRecords.InstallationRows rows() {
    return new Rows();
  }

  private final class Rows implements ConsumptionRecords.InstallationRows {
    @Override
    public int size() {
      return InstallationColumns.this.size();
    }

    @Override
    public String device(int row) {
      return devices.get(device.get(row));
    }

    @Override
    public String product(int row) {
      return products.get(product.get(row));
    }

    @Override
    public @Nullable String version(int row) {
      return Dictionary.orNull(versions, version.get(row));
    }

    @Override
    public @Nullable String edition(int row) {
      return Dictionary.orNull(editions, edition.get(row));
    }

    @Override
    public long installed(int row) {
      return installed.get(row);
    }

    @Override
    public long lastUsed(int row) {
      return lastUsed.get(row);
    }

    @Override
    public @Nullable String evidence(int row) {
      return Dictionary.orNull(evidence, evidenceColumn.get(row));
    }

    @Override
    public int deviceKey(int row) {
      return device.get(row);
    }

    @Override
    public int productKey(int row) {
      return product.get(row);
    }
  }

  /** Appends installations as ids the caller has checked. */
  static final class Builder {
    private final IntColumn.Builder device = new IntColumn.Builder();
    private final IntColumn.Builder product = new IntColumn.Builder();
    private final IntColumn.Builder version = new IntColumn.Builder();
    private final IntColumn.Builder edition = new IntColumn.Builder();
    private final LongColumn.Builder installed = new LongColumn.Builder();
    private final LongColumn.Builder lastUsed = new LongColumn.Builder();
    private final IntColumn.Builder evidence = new IntColumn.Builder();

    int size() {
      return device.size();
    }

    void add(
        int device,
        int product,
        int version,
        int edition,
        long installed,
        long lastUsed,
        int evidence) {
      this.device.add(device);
      this.product.add(product);
      this.version.add(version);
      this.edition.add(edition);
      this.installed.add(installed);
      this.lastUsed.add(lastUsed);
      this.evidence.add(evidence);
    }

    InstallationColumns build(Dictionaries dictionaries) {
      return new InstallationColumns(this, dictionaries);
    }
  }
}
