package io.itam.compliance.internal.demand;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.itam.model.terms.LicenseModel;
import java.time.LocalDate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An option as people read it: a consumer licensed under one licence model for some facts, with the
 * units it needs, the lines of the position it makes (an option can name several consumers, as when
 * a second-use pair licenses two desktops), the metric arithmetic in words, the rights it uses, and
 * the terms an entitlement must meet (scope, maintenance, pins). The {@link MetricRule rules} build
 * it for the facts the allocation gave the option ({@link MetricRule#explain}), on demand: for the
 * reasons of the rows shown, and for the reference engine.
 */
public final class Option implements io.itam.compliance.internal.eligibility.Terms {
  /**
   * A consumer named in the position and the units it takes of its option (an option can name
   * several, as when a second-use pair licenses two desktops).
   *
   * @param consumer the consumer id
   * @param units its share of the option's units
   * @param note what this consumer's share covers
   */
  public record Line(String consumer, long units, String note) {
    public Line {
      requireNonNull(consumer, "consumer");
      requireNonNull(note, "note");
      checkArgument(units >= 0, "units must not be negative, was %s", units);
    }
  }

  private final LicenseModel model;
  private final String consumer;
  private final int[] facts;
  private final long units;
  private final ImmutableList<Line> lines;
  private final String arithmetic;
  private final ImmutableList<String> rights;
  private final ImmutableSortedSet<String> scopeUnits;
  private final boolean unassigned;
  private final ImmutableSortedSet<String> devices;
  private final ImmutableSortedSet<String> users;
  private final @Nullable LocalDate maintenanceNeeded;
  private final boolean needsActiveMaintenance;

  private Option(Builder b) {
    this.model = requireNonNull(b.model);
    this.consumer = requireNonNull(b.consumer);
    this.facts = b.facts.clone();
    Arrays.sort(this.facts);
    this.units = b.units;
    this.lines = ImmutableList.copyOf(b.lines);
    long sum = 0;
    for (Line line : lines) {
      sum = Math.addExact(sum, line.units());
    }
    checkArgument(sum == units, "lines of %s sum to %s, not %s", b.consumer, sum, units);
    this.arithmetic = requireNonNull(b.arithmetic);
    ImmutableList.Builder<String> allRights = ImmutableList.builder();
    if (!b.components.isEmpty()) {
      allRights.add(
          "suite " + b.model.product() + " covers " + String.join(", ", b.components) + " once");
    }
    this.rights = allRights.addAll(b.rights).build();
    this.scopeUnits = ImmutableSortedSet.copyOf(b.scopeUnits);
    this.unassigned = b.unassigned;
    this.devices = ImmutableSortedSet.copyOf(b.devices);
    this.users = ImmutableSortedSet.copyOf(b.users);
    this.maintenanceNeeded = b.maintenanceNeeded;
    this.needsActiveMaintenance = b.needsActiveMaintenance;
  }

  public LicenseModel model() {
    return model;
  }

  @Override
  public String modelId() {
    return model.id();
  }

  /** The product licensed: the model's product (for a suite model, the suite). */
  public String product() {
    return model.product();
  }

  /** The principal consumer (device, user, host, usage pool). */
  public String consumer() {
    return consumer;
  }

  /** Ids of the facts covered, ascending; shared, so callers must not modify it. */
  public int[] facts() {
    return facts;
  }

  public int factCount() {
    return facts.length;
  }

  public int fact(int i) {
    return facts[i];
  }

  /** Units of the model the option needs. */
  public long units() {
    return units;
  }

  public ImmutableList<Line> lines() {
    return lines;
  }

  /** The metric arithmetic, for reasons: {@code device metric: 1 device}. */
  public String arithmetic() {
    return arithmetic;
  }

  /** Rights the covered facts use (suite, downgrades, upgrade), deduplicated, in order. */
  public ImmutableList<String> rights() {
    return rights;
  }

  /** Organisation units an entitlement's scope must contain. */
  @Override
  public ImmutableSortedSet<String> scopeUnits() {
    return scopeUnits;
  }

  /** Whether a consumer belongs to no unit: only unscoped entitlements then cover the option. */
  @Override
  public boolean hasUnassignedConsumer() {
    return unassigned;
  }

  /** Devices involved, for pinned allocations. */
  @Override
  public ImmutableSortedSet<String> devices() {
    return devices;
  }

  /** Users involved, for pinned allocations. */
  @Override
  public ImmutableSortedSet<String> users() {
    return users;
  }

  /** The release date an entitlement's maintenance must reach (upgrade right); or {@code null}. */
  @Override
  public @Nullable LocalDate maintenanceNeeded() {
    return maintenanceNeeded;
  }

  /** Whether the entitlement's maintenance must be active on the as-of date (SQL-04). */
  @Override
  public boolean needsActiveMaintenance() {
    return needsActiveMaintenance;
  }

  @Override
  public String toString() {
    return model.id() + "@" + consumer + "×" + units + Arrays.toString(facts);
  }

  static Builder builder(LicenseModel model, String consumer) {
    return new Builder(model, consumer);
  }

  /** Builds an {@link Option}. */
  static final class Builder {
    private final LicenseModel model;
    private final String consumer;
    private int[] facts = new int[0];
    private long units;
    private final java.util.List<Line> lines = new java.util.ArrayList<>();
    private String arithmetic = "";
    private final java.util.LinkedHashSet<String> rights = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> components = new java.util.TreeSet<>();
    private final java.util.Set<String> scopeUnits = new java.util.TreeSet<>();
    private boolean unassigned;
    private final java.util.Set<String> devices = new java.util.TreeSet<>();
    private final java.util.Set<String> users = new java.util.TreeSet<>();
    private @Nullable LocalDate maintenanceNeeded;
    private boolean needsActiveMaintenance;

    private Builder(LicenseModel model, String consumer) {
      this.model = model;
      this.consumer = consumer;
    }

    String consumer() {
      return consumer;
    }

    Builder facts(int[] facts) {
      this.facts = facts;
      return this;
    }

    Builder units(long units) {
      this.units = units;
      return this;
    }

    Builder line(String consumer, long units, String note) {
      lines.add(new Line(consumer, units, note));
      return this;
    }

    Builder arithmetic(String arithmetic) {
      this.arithmetic = arithmetic;
      return this;
    }

    Builder rights(Iterable<String> rights) {
      rights.forEach(this.rights::add);
      return this;
    }

    /** Adds a sentence to the arithmetic. */
    Builder note(String note) {
      this.arithmetic = arithmetic.isEmpty() ? note : arithmetic + "; " + note;
      return this;
    }

    /** Records that the option covers {@code product}, a component of its suite. */
    Builder component(String product) {
      if (!product.equals(model.product())) {
        components.add(product);
      }
      return this;
    }

    /** Records that the consumer in {@code unit} must be within an entitlement's scope. */
    Builder scope(@Nullable String unit) {
      if (unit == null) {
        unassigned = true;
      } else {
        scopeUnits.add(unit);
      }
      return this;
    }

    Builder device(String device) {
      devices.add(device);
      return this;
    }

    Builder user(@Nullable String user) {
      if (user != null) {
        users.add(user);
      }
      return this;
    }

    /** Raises the release date maintenance must reach to at least {@code date}. */
    Builder maintenanceNeeded(@Nullable LocalDate date) {
      if (date != null && (maintenanceNeeded == null || date.isAfter(maintenanceNeeded))) {
        maintenanceNeeded = date;
      }
      return this;
    }

    Builder needsActiveMaintenance(boolean value) {
      this.needsActiveMaintenance = value;
      return this;
    }

    Option build() {
      return new Option(this);
    }
  }
}
