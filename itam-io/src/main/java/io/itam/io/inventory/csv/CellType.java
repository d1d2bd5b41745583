package io.itam.io.inventory.csv;

/** How a cell's text is read. */
enum CellType {
  /** Any text. */
  TEXT,
  /** A whole number ({@code 16}). */
  COUNT,
  /** A decimal ({@code 0.5}), for device attributes. */
  DECIMAL,
  /** A date ({@code 2026-11-27}, or the mapping's date format; a date-time's date). */
  DATE,
  /** {@code true}/{@code false} ({@code yes}/{@code no}, {@code 1}/{@code 0}). */
  BOOLEAN,
  /** An amount with an optional currency code ({@code 420.00}, {@code 420.00 EUR}). */
  PRICE,
  /** A device kind ({@code server}, {@code vm}, …). */
  KIND,
  /** A device owner ({@code organization}, {@code personal}, {@code provider}). */
  OWNER,
  /** A device role ({@code active}, {@code passive-failover}). */
  ROLE
}
