package io.itam.io.inventory.csv;

import com.google.common.collect.ImmutableList;
import io.itam.model.EstateSection;
import java.util.List;
import java.util.Optional;

/**
 * The tables an estate's inventory and purchases arrive in as CSV files, each with a header row;
 * the columns are the fields of the estate document's lists (estate-format.md, {@code devices[]},
 * {@code users[]}, {@code installations[]}, {@code entitlements[]}), in this order when written:
 *
 * <pre>
 * devices.csv       id*, kind*, unit, processors, coresPerProcessor, threadsPerCore, maxProcessors,
 *                   cpu, host, vcpus, primaryUser, owner, role, failoverFor, attributes.NAME …
 * users.csv         id*, unit, active
 * installations.csv device*, product*, version, edition, installed, lastUsed
 * entitlements.csv  id*, licenseModel*, quantity*, scope, validFrom, validUntil, maintenanceUntil,
 *                   unitPrice, reference
 * </pre>
 *
 * <p>(* required.) Devices take any number of {@code attributes.NAME} columns, one numeric
 * attribute each (summed by {@code capacity} metrics).
 */
public enum CsvTable {
  DEVICES(
      "devices",
      EstateSection.DEVICES,
      List.of(
          Column.required("id", CellType.TEXT),
          Column.required("kind", CellType.KIND),
          Column.of("unit", CellType.TEXT),
          Column.of("processors", CellType.COUNT),
          Column.of("coresPerProcessor", CellType.COUNT),
          Column.of("threadsPerCore", CellType.COUNT),
          Column.of("maxProcessors", CellType.COUNT),
          Column.of("cpu", CellType.TEXT),
          Column.of("host", CellType.TEXT),
          Column.of("vcpus", CellType.COUNT),
          Column.of("primaryUser", CellType.TEXT),
          Column.of("owner", CellType.OWNER),
          Column.of("role", CellType.ROLE),
          Column.of("failoverFor", CellType.TEXT))),
  USERS(
      "users",
      EstateSection.USERS,
      List.of(
          Column.required("id", CellType.TEXT),
          Column.of("unit", CellType.TEXT),
          Column.of("active", CellType.BOOLEAN))),
  INSTALLATIONS(
      "installations",
      EstateSection.INSTALLATIONS,
      List.of(
          Column.required("device", CellType.TEXT),
          Column.required("product", CellType.TEXT),
          Column.of("version", CellType.TEXT),
          Column.of("edition", CellType.TEXT),
          Column.of("installed", CellType.DATE),
          Column.of("lastUsed", CellType.DATE))),
  ENTITLEMENTS(
      "entitlements",
      EstateSection.ENTITLEMENTS,
      List.of(
          Column.required("id", CellType.TEXT),
          Column.required("licenseModel", CellType.TEXT),
          Column.required("quantity", CellType.COUNT),
          Column.of("scope", CellType.TEXT),
          Column.of("validFrom", CellType.DATE),
          Column.of("validUntil", CellType.DATE),
          Column.of("maintenanceUntil", CellType.DATE),
          Column.of("unitPrice", CellType.PRICE),
          Column.of("reference", CellType.TEXT)));

  /** The prefix of a device attribute column ({@code attributes.ram-gb}). */
  public static final String ATTRIBUTES = "attributes.";

  private final String id;
  private final EstateSection section;
  private final ImmutableList<Column> columns;

  CsvTable(String id, EstateSection section, List<Column> columns) {
    this.id = id;
    this.section = section;
    this.columns = ImmutableList.copyOf(columns);
  }

  /** The table's name in mappings and flags ({@code "devices"}). */
  public String id() {
    return id;
  }

  /** The conventional file name ({@code "devices.csv"}). */
  public String fileName() {
    return id + ".csv";
  }

  /** The estate list the table fills. */
  public EstateSection section() {
    return section;
  }

  /** The field names of the columns, in the order written (attributes not included). */
  public List<String> fields() {
    return columns.stream().map(Column::name).toList();
  }

  /** Whether {@code field} is a column of the table (for devices also {@code attributes.NAME}). */
  public boolean hasField(String field) {
    return column(field).isPresent() || (this == DEVICES && isAttribute(field));
  }

  List<Column> columns() {
    return columns;
  }

  Optional<Column> column(String field) {
    return columns.stream().filter(c -> c.name().equals(field)).findFirst();
  }

  static boolean isAttribute(String field) {
    return field.length() > ATTRIBUTES.length() && field.startsWith(ATTRIBUTES);
  }

  /** The table called {@code id} ({@code "devices"}). */
  public static Optional<CsvTable> parse(String id) {
    for (CsvTable table : values()) {
      if (table.id.equals(id)) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
