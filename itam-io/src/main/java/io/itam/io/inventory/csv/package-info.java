/**
 * CSV tables as an input of the estate: devices, users and installations from discovery-tool
 * exports, entitlements from purchase spreadsheets, each a file with a header row ({@link
 * io.itam.io.inventory.csv.CsvTable}), read with Jackson's CSV parser ({@link
 * io.itam.io.inventory.csv.CsvReader}), with a {@link io.itam.io.inventory.csv.ColumnMapping} for
 * exports whose headers and values differ, and written back ({@link
 * io.itam.io.inventory.csv.CsvWriter}).
 *
 * <p>Every problem of every file is reported at once, at {@code file:line:column} ({@code
 * devices.csv:17:host}), in one {@link io.itam.model.ValidationException}, never as another
 * exception.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.io.inventory.csv;

import org.jspecify.annotations.NullMarked;
