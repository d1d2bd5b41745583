package io.itam.model.terms;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A licence model's metric and its parameters (estate-format.md, {@code metric}). Parameters that
 * are absent hold their default: {@code 0} for minimums (no minimum), {@code 1} for {@code
 * packSize} and {@code processorsPerUnit}, {@code 90} for {@code windowDays}, {@code per-device}
 * rounding, {@code null} for tables and the capacity attribute.
 *
 * @param type the metric
 * @param minimumPerProcessor {@code core}: at least this many units per processor (WS-01: 8,
 *     SQL-01: 4)
 * @param minimumPerDevice hardware metrics: at least this many units per server (WS-01: 16); {@code
 *     user}: at least this many users per server running the product (OR-04: SE2 10)
 * @param packSize the sale unit; affects remedies (what to buy), never the requirement (WS-02)
 * @param coreFactors {@code core}: the core-factor table (OR-01); {@code user}: the table that
 *     turns cores into the processors of {@code userMinimumPerProcessor} (OR-05)
 * @param pvuTable {@code pvu}: the PVU-per-core table (IBM-01)
 * @param userMinimumPerProcessor {@code user}: at least this many users per processor of the
 *     servers running the product (Oracle Named User Plus, OR-05: 25)
 * @param capacityAttribute {@code capacity}: the device attribute summed
 * @param processorsPerUnit {@code processor}: one unit covers this many occupied sockets (RH-01: 2)
 * @param windowDays {@code concurrent-user}: the window, ending on the as-of date, whose highest
 *     peak counts
 * @param rounding {@code processor}, {@code core}, {@code pvu}: where fractional units are rounded
 *     up (OR-02)
 * @param maximumSockets the model may run only on servers with at most this many sockets of
 *     capacity (OR-04: Standard Edition 2 needs at most 2); 0 for no limit. Extension of format 1.
 * @param maximumVcpus the model may run only on cloud instances and VMs with at most this many
 *     vCPUs (OR-08: SE2 at most 8); 0 for no limit. Extension of format 1.
 */
public record Metric(
    MetricType type,
    long minimumPerProcessor,
    long minimumPerDevice,
    long packSize,
    @Nullable FactorTableRef coreFactors,
    @Nullable FactorTableRef pvuTable,
    long userMinimumPerProcessor,
    @Nullable String capacityAttribute,
    long processorsPerUnit,
    long windowDays,
    Rounding rounding,
    long maximumSockets,
    long maximumVcpus) {

  /** Default of {@link #windowDays()}. */
  public static final long DEFAULT_WINDOW_DAYS = 90;

  private static final Set<MetricType> HARDWARE_AND_USER =
      EnumSet.of(MetricType.PROCESSOR, MetricType.CORE, MetricType.PVU, MetricType.USER);

  private static final ImmutableMap<String, Set<MetricType>> PARAMETERS =
      ImmutableMap.<String, Set<MetricType>>builder()
          .put("minimumPerProcessor", EnumSet.of(MetricType.CORE, MetricType.PVU))
          .put(
              "minimumPerDevice",
              EnumSet.of(MetricType.PROCESSOR, MetricType.CORE, MetricType.PVU, MetricType.USER))
          .put("packSize", EnumSet.allOf(MetricType.class))
          .put("coreFactors", EnumSet.of(MetricType.CORE, MetricType.USER))
          .put("pvuTable", EnumSet.of(MetricType.PVU))
          .put("userMinimumPerProcessor", EnumSet.of(MetricType.USER))
          .put("capacityAttribute", EnumSet.of(MetricType.CAPACITY))
          .put("processorsPerUnit", EnumSet.of(MetricType.PROCESSOR))
          .put("windowDays", EnumSet.of(MetricType.CONCURRENT_USER))
          .put("rounding", EnumSet.of(MetricType.PROCESSOR, MetricType.CORE, MetricType.PVU))
          .put("maximumSockets", HARDWARE_AND_USER)
          .put("maximumVcpus", HARDWARE_AND_USER)
          .buildOrThrow();

  public Metric {
    requireNonNull(type, "type");
    requireNonNull(rounding, "rounding");
  }

  /** A metric of {@code type} with every parameter at its default. */
  public static Metric of(MetricType type) {
    return builder(type).build();
  }

  /** Every parameter name a metric can have, in document order. */
  public static ImmutableSet<String> parameterNames() {
    return PARAMETERS.keySet();
  }

  /** Whether {@code parameter} is a parameter of metric {@code type}. */
  public static boolean appliesTo(String parameter, MetricType type) {
    Set<MetricType> types = PARAMETERS.get(parameter);
    return types != null && types.contains(type);
  }

  /** Names of the parameters that hold a value other than their default, in document order. */
  public ImmutableSet<String> givenParameters() {
    ImmutableSet.Builder<String> given = ImmutableSet.builder();
    if (minimumPerProcessor != 0) {
      given.add("minimumPerProcessor");
    }
    if (minimumPerDevice != 0) {
      given.add("minimumPerDevice");
    }
    if (packSize != 1) {
      given.add("packSize");
    }
    if (coreFactors != null) {
      given.add("coreFactors");
    }
    if (pvuTable != null) {
      given.add("pvuTable");
    }
    if (userMinimumPerProcessor != 0) {
      given.add("userMinimumPerProcessor");
    }
    if (capacityAttribute != null) {
      given.add("capacityAttribute");
    }
    if (processorsPerUnit != 1) {
      given.add("processorsPerUnit");
    }
    if (windowDays != DEFAULT_WINDOW_DAYS) {
      given.add("windowDays");
    }
    if (rounding != Rounding.PER_DEVICE) {
      given.add("rounding");
    }
    if (maximumSockets != 0) {
      given.add("maximumSockets");
    }
    if (maximumVcpus != 0) {
      given.add("maximumVcpus");
    }
    return given.build();
  }

  public static Builder builder(MetricType type) {
    return new Builder(type);
  }

  /** Builds a {@link Metric}; unset parameters keep their defaults. */
  public static final class Builder {
    private final MetricType type;
    private long minimumPerProcessor;
    private long minimumPerDevice;
    private long packSize = 1;
    private @Nullable FactorTableRef coreFactors;
    private @Nullable FactorTableRef pvuTable;
    private long userMinimumPerProcessor;
    private @Nullable String capacityAttribute;
    private long processorsPerUnit = 1;
    private long windowDays = DEFAULT_WINDOW_DAYS;
    private Rounding rounding = Rounding.PER_DEVICE;
    private long maximumSockets;
    private long maximumVcpus;

    private Builder(MetricType type) {
      this.type = requireNonNull(type, "type");
    }

    public Builder minimumPerProcessor(long value) {
      this.minimumPerProcessor = value;
      return this;
    }

    public Builder minimumPerDevice(long value) {
      this.minimumPerDevice = value;
      return this;
    }

    public Builder packSize(long value) {
      this.packSize = value;
      return this;
    }

    public Builder coreFactors(@Nullable FactorTableRef value) {
      this.coreFactors = value;
      return this;
    }

    public Builder pvuTable(@Nullable FactorTableRef value) {
      this.pvuTable = value;
      return this;
    }

    public Builder userMinimumPerProcessor(long value) {
      this.userMinimumPerProcessor = value;
      return this;
    }

    public Builder capacityAttribute(@Nullable String value) {
      this.capacityAttribute = value;
      return this;
    }

    public Builder processorsPerUnit(long value) {
      this.processorsPerUnit = value;
      return this;
    }

    public Builder windowDays(long value) {
      this.windowDays = value;
      return this;
    }

    public Builder rounding(Rounding value) {
      this.rounding = requireNonNull(value, "rounding");
      return this;
    }

    public Builder maximumSockets(long value) {
      this.maximumSockets = value;
      return this;
    }

    public Builder maximumVcpus(long value) {
      this.maximumVcpus = value;
      return this;
    }

    public Metric build() {
      return new Metric(
          type,
          minimumPerProcessor,
          minimumPerDevice,
          packSize,
          coreFactors,
          pvuTable,
          userMinimumPerProcessor,
          capacityAttribute,
          processorsPerUnit,
          windowDays,
          rounding,
          maximumSockets,
          maximumVcpus);
    }
  }
}
