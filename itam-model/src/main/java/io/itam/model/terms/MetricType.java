package io.itam.model.terms;

import java.util.Optional;

/** How consumption turns into licence units. See design.md §Metrics. */
public enum MetricType {
  /** One unit per installation record. */
  INSTALLATION("installation"),
  /** One unit per device with at least one covered installation (or device access record). */
  DEVICE("device"),
  /** One unit per distinct user: primary users of installing devices, plus access records. */
  USER("user"),
  /** The highest peak of concurrent users among the usage records of the window. */
  CONCURRENT_USER("concurrent-user"),
  /** One unit per occupied socket. */
  PROCESSOR("processor"),
  /** One unit per physical (or virtual) core, times a core factor. */
  CORE("core"),
  /** Processor value units: cores times PVU per core. */
  PVU("pvu"),
  /** A declared quantity (GB, employees, …) read from a device attribute. */
  CAPACITY("capacity"),
  /** Unlimited within the entitlement's scope: reports consumption, never a shortfall. */
  SITE("site");

  private final String id;

  MetricType(String id) {
    this.id = id;
  }

  /** The name used in documents ({@code "concurrent-user"}). */
  public String id() {
    return id;
  }

  /**
   * Whether the metric counts hardware (processors, cores, PVU) and so has a virtualization rule.
   */
  public boolean isHardware() {
    return this == PROCESSOR || this == CORE || this == PVU;
  }

  /** The metric named {@code id} in documents, if any. */
  public static Optional<MetricType> parse(String id) {
    for (MetricType type : values()) {
      if (type.id.equals(id)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
