package io.itam.model.terms;

import java.util.Optional;

/**
 * Where factored hardware units (cores × core factor, PVU) are rounded up to whole units.
 *
 * <p>Oracle: "all fractions of a number are to be rounded up to the next whole number" (OR-01);
 * whether per server or over the aggregate is not settled by the sources (OR-02), hence a choice.
 */
public enum Rounding {
  /** Round up per device (the default). */
  PER_DEVICE("per-device"),
  /** Sum the fractional units over the pool and round up once. */
  AGGREGATE("aggregate");

  private final String id;

  Rounding(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Rounding> parse(String id) {
    for (Rounding rounding : values()) {
      if (rounding.id.equals(id)) {
        return Optional.of(rounding);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
