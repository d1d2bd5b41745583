package io.itam.model.columnar;

import io.itam.model.ConsumptionRecords;
import io.itam.model.inventory.Usage;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The usage records of a {@link ColumnarEstate} as parallel columns, one row per record in document
 * order: the product as an id of {@link #products()}, the peak of concurrent users, the first and
 * last day of the period as epoch days, and the organisation unit measured as an id of {@link
 * #units()}, {@link ColumnarEstate#NONE} for the whole organisation. Two {@code int}s and three
 * {@code long}s, 32 bytes, per record; see {@link IntColumn} for reading the columns without a
 * copy.
 */
public final class UsageColumns {
  private final Dictionary products;
  private final Dictionary units;
  private final IntColumn product;
  private final LongColumn peak;
  private final LongColumn from;
  private final LongColumn until;
  private final IntColumn unit;

  private UsageColumns(Builder b, Dictionaries d) {
    this.products = d.products();
    this.units = d.units();
    this.product = b.product.build();
    this.peak = b.peak.build();
    this.from = b.from.build();
    this.until = b.until.build();
    this.unit = b.unit.build();
  }

  /** The number of usage records. */
  public int size() {
    return product.size();
  }

  /** The id in {@link #products()} of the product of record {@code row}. */
  public int product(int row) {
    return product.get(row);
  }

  /** The highest number of simultaneous users in the period. */
  public long peakConcurrentUsers(int row) {
    return peak.get(row);
  }

  /** The first day of the period, as an epoch day. */
  public long from(int row) {
    return from.get(row);
  }

  /** The last day of the period, as an epoch day. */
  public long until(int row) {
    return until.get(row);
  }

  /** The id in {@link #units()} of the unit measured, or {@link ColumnarEstate#NONE}. */
  public int unit(int row) {
    return unit.get(row);
  }

  /** Usage record {@code row} as a record. */
  public Usage get(int row) {
    return new Usage(
        products.get(product(row)),
        peakConcurrentUsers(row),
        LocalDate.ofEpochDay(from(row)),
        LocalDate.ofEpochDay(until(row)),
        Dictionary.orNull(units, unit(row)));
  }

  /** The product ids, shared with the installations and access records. */
  public Dictionary products() {
    return products;
  }

  /** The organisation unit ids. */
  public Dictionary units() {
    return units;
  }

  public IntColumn productColumn() {
    return product;
  }

  public LongColumn peakColumn() {
    return peak;
  }

  public LongColumn fromColumn() {
    return from;
  }

  public LongColumn untilColumn() {
    return until;
  }

  public IntColumn unitColumn() {
    return unit;
  }

  boolean sameRecords(UsageColumns other) {
    return Dictionary.sameStrings(product, products, other.product, other.products)
        && peak.equals(other.peak)
        && from.equals(other.from)
        && until.equals(other.until)
        && Dictionary.sameStrings(unit, units, other.unit, other.units);
  }

  int recordsHash() {
    int h = Dictionary.stringsHash(product, products);
    h = 31 * h + peak.hashCode();
    h = 31 * h + from.hashCode();
    h = 31 * h + until.hashCode();
    return 31 * h + Dictionary.stringsHash(unit, units);
  }

  ConsumptionRecords.UsageRows rows() {
    return new Rows();
  }

  private final class Rows implements ConsumptionRecords.UsageRows {
    @Override
    public int size() {
      return UsageColumns.this.size();
    }

    @Override
    public String product(int row) {
      return products.get(product.get(row));
    }

    @Override
    public long peakConcurrentUsers(int row) {
      return peak.get(row);
    }

    @Override
    public long from(int row) {
      return from.get(row);
    }

    @Override
    public long until(int row) {
      return until.get(row);
    }

    @Override
    public @Nullable String unit(int row) {
      return Dictionary.orNull(units, unit.get(row));
    }

    @Override
    public int productKey(int row) {
      return product.get(row);
    }
  }

  /** Appends usage records as ids the caller has checked. */
  static final class Builder {
    private final IntColumn.Builder product = new IntColumn.Builder();
    private final LongColumn.Builder peak = new LongColumn.Builder();
    private final LongColumn.Builder from = new LongColumn.Builder();
    private final LongColumn.Builder until = new LongColumn.Builder();
    private final IntColumn.Builder unit = new IntColumn.Builder();

    int size() {
      return product.size();
    }

    void add(int product, long peak, long from, long until, int unit) {
      this.product.add(product);
      this.peak.add(peak);
      this.from.add(from);
      this.until.add(until);
      this.unit.add(unit);
    }

    UsageColumns build(Dictionaries dictionaries) {
      return new UsageColumns(this, dictionaries);
    }
  }
}
