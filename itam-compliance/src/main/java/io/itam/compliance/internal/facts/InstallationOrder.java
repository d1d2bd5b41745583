package io.itam.compliance.internal.facts;

import java.util.Arrays;

/**
 * The canonical order of installation records: by device, product, version, edition, installation
 * date, last use and evidence (absent values first; strings in their natural order, so that the
 * order is that of the ids, whatever the order of the input).
 *
 * <p>Devices and products are dense indexes in id order, so a counting sort by device does most of
 * the work in two passes; each device's few records are then sorted on primitive keys.
 */
final class InstallationOrder {
  private final RecordColumns records;
  private final int[] versionRank;
  private final int[] editionRank;
  private final int[] evidenceRank;

  private InstallationOrder(RecordColumns records) {
    this.records = records;
    this.versionRank = ranks(records.versionNames);
    this.editionRank = ranks(records.editionNames);
    this.evidenceRank = ranks(records.evidenceTexts);
  }

  /** The installation rows of {@code records} in canonical order. */
  static int[] sort(RecordColumns records, int deviceCount) {
    InstallationOrder order = new InstallationOrder(records);
    int n = records.installations;
    int[] start = new int[deviceCount + 1];
    for (int i = 0; i < n; i++) {
      start[records.device(i) + 1]++;
    }
    for (int d = 0; d < deviceCount; d++) {
      start[d + 1] += start[d];
    }
    int[] rows = new int[n];
    int[] fill = Arrays.copyOf(start, deviceCount);
    for (int i = 0; i < n; i++) {
      rows[fill[records.device(i)]++] = i;
    }
    for (int d = 0; d < deviceCount; d++) {
      if (start[d + 1] - start[d] > 1) {
        order.sortRun(rows, start[d], start[d + 1]);
      }
    }
    return rows;
  }

  /** Sorts {@code rows[from, to)}, one device's records, by the remaining keys. */
  private void sortRun(int[] rows, int from, int to) {
    // Insertion sort: a device has tens of records, and most runs are nearly sorted by product.
    for (int i = from + 1; i < to; i++) {
      int row = rows[i];
      int j = i - 1;
      while (j >= from && compare(rows[j], row) > 0) {
        rows[j + 1] = rows[j];
        j--;
      }
      rows[j + 1] = row;
    }
  }

  private int compare(int a, int b) {
    int c = Integer.compare(records.product(a), records.product(b));
    if (c != 0) {
      return c;
    }
    c =
        Integer.compare(
            rank(versionRank, records.version(a)), rank(versionRank, records.version(b)));
    if (c != 0) {
      return c;
    }
    c =
        Integer.compare(
            rank(editionRank, records.edition(a)), rank(editionRank, records.edition(b)));
    if (c != 0) {
      return c;
    }
    c = Long.compare(records.installed(a), records.installed(b));
    if (c != 0) {
      return c;
    }
    c = Long.compare(records.lastUsed(a), records.lastUsed(b));
    if (c != 0) {
      return c;
    }
    return Integer.compare(
        rank(evidenceRank, records.evidence(a)), rank(evidenceRank, records.evidence(b)));
  }

  /** -1 (absent, first) or the rank of the string with id {@code id}. */
  private static int rank(int[] ranks, int id) {
    return id < 0 ? -1 : ranks[id];
  }

  /** The rank of every name in natural string order. */
  private static int[] ranks(String[] names) {
    Integer[] order = new Integer[names.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
    int[] rank = new int[names.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }
}
