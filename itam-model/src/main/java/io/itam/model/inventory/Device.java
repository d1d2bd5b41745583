package io.itam.model.inventory;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import io.itam.model.Decimals;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A device of the estate: a physical server, a VM on a host, a cloud instance, or a desktop, laptop
 * or mobile of a person.
 *
 * @param id unique id
 * @param kind what the device is
 * @param unit the organisation unit it belongs to; {@code null} when unassigned (only unscoped
 *     entitlements then cover it)
 * @param processors occupied sockets (physical servers); {@code null} when unknown
 * @param coresPerProcessor physical cores per processor; {@code null} when unknown
 * @param threadsPerCore hardware threads per core (never counted as cores); {@code null} when
 *     unknown
 * @param maxProcessors the server's socket capacity (OR-04, IBM-01); {@code null} when unknown
 * @param cpu the CPU model string matched by core-factor and PVU tables; {@code null} when unknown
 * @param host the host server of a VM; {@code null} for other kinds
 * @param vcpus virtual CPUs of a VM or cloud instance; {@code null} when unknown
 * @param primaryUser the user who uses the device most (SU-01: more than 50% of the time); {@code
 *     null} when none
 * @param owner who owns the device; {@code null} means the organisation
 * @param role active or passive failover; {@code null} means active
 * @param failoverFor for a passive failover device, the active device it stands in for; {@code
 *     null} otherwise. Extension of format 1.
 * @param attributes free numeric attributes, summed by {@code capacity} metrics
 */
public record Device(
    String id,
    DeviceKind kind,
    @Nullable String unit,
    @Nullable Long processors,
    @Nullable Long coresPerProcessor,
    @Nullable Long threadsPerCore,
    @Nullable Long maxProcessors,
    @Nullable String cpu,
    @Nullable String host,
    @Nullable Long vcpus,
    @Nullable String primaryUser,
    @Nullable DeviceOwner owner,
    @Nullable DeviceRole role,
    @Nullable String failoverFor,
    Map<String, BigDecimal> attributes) {

  public Device {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    ImmutableSortedMap.Builder<String, BigDecimal> normal = ImmutableSortedMap.naturalOrder();
    attributes.forEach((name, value) -> normal.put(name, Decimals.normalize(value)));
    attributes = normal.buildOrThrow();
  }

  /** The owner in force: the declared one, or the organisation. */
  public DeviceOwner effectiveOwner() {
    return owner == null ? DeviceOwner.ORGANIZATION : owner;
  }

  /** Whether the device is a passive failover replica. */
  public boolean isPassiveFailover() {
    return role == DeviceRole.PASSIVE_FAILOVER;
  }

  /** Physical cores (processors × cores per processor), or {@code null} when either is unknown. */
  public @Nullable Long physicalCores() {
    if (processors == null || coresPerProcessor == null) {
      return null;
    }
    return Math.multiplyExact(processors, coresPerProcessor);
  }

  public static Builder builder(String id, DeviceKind kind) {
    return new Builder(id, kind);
  }

  /** A desktop with a unit and a primary user. */
  public static Device desktop(String id, String unit, @Nullable String primaryUser) {
    return builder(id, DeviceKind.DESKTOP).unit(unit).primaryUser(primaryUser).build();
  }

  /** A laptop with a unit and a primary user. */
  public static Device laptop(String id, String unit, @Nullable String primaryUser) {
    return builder(id, DeviceKind.LAPTOP).unit(unit).primaryUser(primaryUser).build();
  }

  /** Builds a {@link Device}. */
  public static final class Builder {
    private final String id;
    private final DeviceKind kind;
    private @Nullable String unit;
    private @Nullable Long processors;
    private @Nullable Long coresPerProcessor;
    private @Nullable Long threadsPerCore;
    private @Nullable Long maxProcessors;
    private @Nullable String cpu;
    private @Nullable String host;
    private @Nullable Long vcpus;
    private @Nullable String primaryUser;
    private @Nullable DeviceOwner owner;
    private @Nullable DeviceRole role;
    private @Nullable String failoverFor;
    private final ImmutableSortedMap.Builder<String, BigDecimal> attributes =
        ImmutableSortedMap.naturalOrder();

    private Builder(String id, DeviceKind kind) {
      this.id = requireNonNull(id, "id");
      this.kind = requireNonNull(kind, "kind");
    }

    public Builder unit(@Nullable String unit) {
      this.unit = unit;
      return this;
    }

    /** Sockets and cores per socket of a physical server. */
    public Builder processors(long processors, long coresPerProcessor) {
      this.processors = processors;
      this.coresPerProcessor = coresPerProcessor;
      return this;
    }

    public Builder processors(@Nullable Long processors) {
      this.processors = processors;
      return this;
    }

    public Builder coresPerProcessor(@Nullable Long coresPerProcessor) {
      this.coresPerProcessor = coresPerProcessor;
      return this;
    }

    public Builder threadsPerCore(@Nullable Long threadsPerCore) {
      this.threadsPerCore = threadsPerCore;
      return this;
    }

    public Builder maxProcessors(@Nullable Long maxProcessors) {
      this.maxProcessors = maxProcessors;
      return this;
    }

    public Builder cpu(@Nullable String cpu) {
      this.cpu = cpu;
      return this;
    }

    public Builder host(@Nullable String host) {
      this.host = host;
      return this;
    }

    public Builder vcpus(@Nullable Long vcpus) {
      this.vcpus = vcpus;
      return this;
    }

    public Builder primaryUser(@Nullable String primaryUser) {
      this.primaryUser = primaryUser;
      return this;
    }

    public Builder owner(@Nullable DeviceOwner owner) {
      this.owner = owner;
      return this;
    }

    public Builder role(@Nullable DeviceRole role) {
      this.role = role;
      return this;
    }

    public Builder failoverFor(@Nullable String failoverFor) {
      this.failoverFor = failoverFor;
      return this;
    }

    public Builder attribute(String name, BigDecimal value) {
      attributes.put(name, value);
      return this;
    }

    public Device build() {
      return new Device(
          id,
          kind,
          unit,
          processors,
          coresPerProcessor,
          threadsPerCore,
          maxProcessors,
          cpu,
          host,
          vcpus,
          primaryUser,
          owner,
          role,
          failoverFor,
          attributes.buildOrThrow());
    }
  }
}
