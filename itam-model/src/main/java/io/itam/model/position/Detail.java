package io.itam.model.position;

import java.util.Optional;

/**
 * How much per-consumer detail a position lists. The totals (summary, licences, products,
 * accounting) are always complete; a large batch run can leave out millions of rows it does not
 * need.
 */
public enum Detail {
  /** Licences, products, summary and accounting only. */
  SUMMARY("summary"),
  /** Also shortfalls, exempt and rejected records, and solver notes. */
  SHORTFALLS("shortfalls"),
  /** Also every allocation. */
  ALL("all");

  private final String id;

  Detail(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Detail> parse(String id) {
    for (Detail detail : values()) {
      if (detail.id.equals(id)) {
        return Optional.of(detail);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
