package io.itam.compliance.internal.facts;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.Estate;
import io.itam.model.columnar.AccessColumns;
import io.itam.model.columnar.ColumnarEstate;
import io.itam.model.columnar.Dictionary;
import io.itam.model.columnar.InstallationColumns;
import io.itam.model.columnar.IntColumn;
import io.itam.model.columnar.LongColumn;
import io.itam.model.columnar.UsageColumns;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The consumption records of a {@link ColumnarEstate} as the engine reads them: the estate's own
 * columns (never copied), with the dictionary ids of devices, users and products translated to the
 * {@link EstateIndex}'s dense indexes through one small table per dictionary. Versions, editions
 * and evidence keep their dictionary ids (-1 when absent); dates are epoch days, {@link #NO_DATE}
 * for none. Usage measurements are few, and kept as records.
 *
 * <p>Row {@code i} is the {@code i}-th record of the input list; the canonical order is the {@link
 * Facts}' business.
 */
public final class RecordColumns {
  /** An absent date. */
  public static final long NO_DATE = ColumnarEstate.NO_DATE;

  final int installations;
  private final IntColumn device;
  private final IntColumn product;
  private final IntColumn version;
  private final IntColumn edition;
  private final LongColumn installed;
  private final LongColumn lastUsed;
  private final IntColumn evidence;
  private final int[] deviceOf;
  private final int[] productOf;
  final String[] versionNames;
  final String[] editionNames;
  final String[] evidenceTexts;

  final int access;
  private final IntColumn accessProductColumn;
  private final IntColumn accessUserColumn;
  private final IntColumn accessDeviceColumn;
  private final int[] accessProductOf;
  private final int[] accessUserOf;
  private final int[] accessDeviceOf;

  final List<Usage> usage;

  private RecordColumns(ColumnarEstate estate, EstateIndex index) {
    InstallationColumns i = estate.installations();
    this.installations = i.size();
    this.device = i.deviceColumn();
    this.product = i.productColumn();
    this.version = i.versionColumn();
    this.edition = i.editionColumn();
    this.installed = i.installedColumn();
    this.lastUsed = i.lastUsedColumn();
    this.evidence = i.evidenceColumn();
    this.deviceOf = translate(i.devices(), index::deviceIndex);
    this.productOf = translate(i.products(), index::productIndex);
    this.versionNames = names(i.versions());
    this.editionNames = names(i.editions());
    this.evidenceTexts = names(i.evidence());
    AccessColumns a = estate.access();
    this.access = a.size();
    this.accessProductColumn = a.productColumn();
    this.accessUserColumn = a.userColumn();
    this.accessDeviceColumn = a.deviceColumn();
    this.accessProductOf = translate(a.products(), index::productIndex);
    this.accessUserOf = translate(a.users(), index::userIndex);
    this.accessDeviceOf = translate(a.devices(), index::deviceIndex);
    UsageColumns u = estate.usage();
    List<Usage> records = new ArrayList<>(u.size());
    for (int row = 0; row < u.size(); row++) {
      records.add(u.get(row));
    }
    this.usage = List.copyOf(records);
  }

  /** The records of {@code estate}, resolved against {@code index}. */
  public static RecordColumns of(ColumnarEstate estate, EstateIndex index) {
    return new RecordColumns(estate, index);
  }

  /** The records of {@code estate} (put in columns first), resolved against {@code index}. */
  public static RecordColumns of(Estate estate, EstateIndex index) {
    return new RecordColumns(ColumnarEstate.of(estate), index);
  }

  private static int[] translate(Dictionary ids, java.util.function.ToIntFunction<String> dense) {
    int[] of = new int[ids.size()];
    for (int id = 0; id < of.length; id++) {
      of[id] = dense.applyAsInt(ids.get(id));
    }
    return of;
  }

  private static String[] names(Dictionary ids) {
    String[] names = new String[ids.size()];
    for (int id = 0; id < names.length; id++) {
      names[id] = ids.get(id);
    }
    return names;
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

  /** The installing device of installation row {@code row} (a dense index). */
  int device(int row) {
    return deviceOf[device.get(row)];
  }

  /** The product of installation row {@code row} (a dense index). */
  int product(int row) {
    return productOf[product.get(row)];
  }

  /** The version of installation row {@code row} (an id into {@link #versionNames}), or -1. */
  int version(int row) {
    return version.get(row);
  }

  /** The edition of installation row {@code row} (an id into {@link #editionNames}), or -1. */
  int edition(int row) {
    return edition.get(row);
  }

  /** The evidence of installation row {@code row} (an id into {@link #evidenceTexts}), or -1. */
  int evidence(int row) {
    return evidence.get(row);
  }

  long installed(int row) {
    return installed.get(row);
  }

  long lastUsed(int row) {
    return lastUsed.get(row);
  }

  /** The product of access row {@code row} (a dense index). */
  int accessProduct(int row) {
    return accessProductOf[accessProductColumn.get(row)];
  }

  /** The user of access row {@code row} (a dense index), or -1. */
  int accessUser(int row) {
    int id = accessUserColumn.get(row);
    return id < 0 ? -1 : accessUserOf[id];
  }

  /** The device of access row {@code row} (a dense index), or -1. */
  int accessDevice(int row) {
    int id = accessDeviceColumn.get(row);
    return id < 0 ? -1 : accessDeviceOf[id];
  }

  /** Installation row {@code i} as a record, for messages. */
  Installation installation(int i, EstateIndex index) {
    return new Installation(
        index.device(device(i)).id(),
        index.productIds().asList().get(product(i)),
        name(versionNames, version(i)),
        name(editionNames, edition(i)),
        date(installed(i)),
        date(lastUsed(i)),
        name(evidenceTexts, evidence(i)));
  }

  static @Nullable String name(String[] names, int id) {
    return id < 0 ? null : names[id];
  }
}
