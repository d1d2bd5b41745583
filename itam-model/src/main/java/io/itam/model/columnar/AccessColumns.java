package io.itam.model.columnar;

import io.itam.model.ConsumptionRecords;
import io.itam.model.inventory.Access;
import org.jspecify.annotations.Nullable;

/**
 * The access records of a {@link ColumnarEstate} as parallel columns, one row per record in
 * document order: the product as an id of {@link #products()}, and the user (an id of {@link
 * #users()}) or the device (an id of {@link #devices()}) that uses it, the other {@link
 * ColumnarEstate#NONE}. (An invalid record, with both or neither, is held as it is so that the
 * validator can report it.) Three {@code int}s per record; see {@link IntColumn} for reading the
 * columns without a copy.
 */
public final class AccessColumns {
  private final Dictionary products;
  private final Dictionary users;
  private final Dictionary devices;
  private final IntColumn product;
  private final IntColumn user;
  private final IntColumn device;

  private AccessColumns(Builder b, Dictionaries d) {
    this.products = d.products();
    this.users = d.users();
    this.devices = d.devices();
    this.product = b.product.build();
    this.user = b.user.build();
    this.device = b.device.build();
  }

  /** The number of access records. */
  public int size() {
    return product.size();
  }

  /** The id in {@link #products()} of the product of record {@code row}. */
  public int product(int row) {
    return product.get(row);
  }

  /** The id in {@link #users()} of the user, or {@link ColumnarEstate#NONE}. */
  public int user(int row) {
    return user.get(row);
  }

  /** The id in {@link #devices()} of the device, or {@link ColumnarEstate#NONE}. */
  public int device(int row) {
    return device.get(row);
  }

  /** Access record {@code row} as a record. */
  public Access get(int row) {
    return new Access(
        products.get(product(row)),
        Dictionary.orNull(users, user(row)),
        Dictionary.orNull(devices, device(row)));
  }

  /** The product ids, shared with the installations and usage. */
  public Dictionary products() {
    return products;
  }

  /** The user ids. */
  public Dictionary users() {
    return users;
  }

  /** The device ids, shared with the installations. */
  public Dictionary devices() {
    return devices;
  }

  public IntColumn productColumn() {
    return product;
  }

  public IntColumn userColumn() {
    return user;
  }

  public IntColumn deviceColumn() {
    return device;
  }

  boolean sameRecords(AccessColumns other) {
    return Dictionary.sameStrings(product, products, other.product, other.products)
        && Dictionary.sameStrings(user, users, other.user, other.users)
        && Dictionary.sameStrings(device, devices, other.device, other.devices);
  }

  int recordsHash() {
    int h = Dictionary.stringsHash(product, products);
    h = 31 * h + Dictionary.stringsHash(user, users);
    return 31 * h + Dictionary.stringsHash(device, devices);
  }

  ConsumptionRecords.AccessRows rows() {
    return new Rows();
  }

  private final class Rows implements ConsumptionRecords.AccessRows {
    @Override
    public int size() {
      return AccessColumns.this.size();
    }

    @Override
    public String product(int row) {
      return products.get(product.get(row));
    }

    @Override
    public @Nullable String user(int row) {
      return Dictionary.orNull(users, user.get(row));
    }

    @Override
    public @Nullable String device(int row) {
      return Dictionary.orNull(devices, device.get(row));
    }

    @Override
    public int productKey(int row) {
      return product.get(row);
    }

    @Override
    public int userKey(int row) {
      return Dictionary.key(user.get(row));
    }

    @Override
    public int deviceKey(int row) {
      return Dictionary.key(device.get(row));
    }
  }

  /** Appends access records as ids the caller has checked. */
  static final class Builder {
    private final IntColumn.Builder product = new IntColumn.Builder();
    private final IntColumn.Builder user = new IntColumn.Builder();
    private final IntColumn.Builder device = new IntColumn.Builder();

    int size() {
      return product.size();
    }

    void add(int product, int user, int device) {
      this.product.add(product);
      this.user.add(user);
      this.device.add(device);
    }

    AccessColumns build(Dictionaries dictionaries) {
      return new AccessColumns(this, dictionaries);
    }
  }
}
