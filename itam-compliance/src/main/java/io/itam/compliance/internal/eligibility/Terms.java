package io.itam.compliance.internal.eligibility;

import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What an entitlement's eligibility for an option depends on (design §Reconciliation, step 2): the
 * option's licence model, the organisation units of its consumers, the maintenance its versions and
 * virtualization rights need, and the devices and users it names (for pinned allocations).
 */
public interface Terms {
  /** The licence model of the option. */
  String modelId();

  /** Organisation units an entitlement's scope must contain. */
  ImmutableSortedSet<String> scopeUnits();

  /** Whether a consumer belongs to no unit: only unscoped entitlements then cover the option. */
  boolean hasUnassignedConsumer();

  /** The release date an entitlement's maintenance must reach (upgrade right); or {@code null}. */
  @Nullable LocalDate maintenanceNeeded();

  /** Whether the entitlement's maintenance must be active on the as-of date (SQL-04). */
  boolean needsActiveMaintenance();

  /** Devices involved, for pinned allocations. */
  ImmutableSortedSet<String> devices();

  /** Users involved, for pinned allocations. */
  ImmutableSortedSet<String> users();
}
