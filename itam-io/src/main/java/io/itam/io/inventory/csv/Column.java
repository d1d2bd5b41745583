package io.itam.io.inventory.csv;

/**
 * A column of a CSV table: a field of the estate document's record, its type, and whether every row
 * needs it.
 */
record Column(String name, CellType type, boolean required) {

  static Column of(String name, CellType type) {
    return new Column(name, type, false);
  }

  static Column required(String name, CellType type) {
    return new Column(name, type, true);
  }
}
