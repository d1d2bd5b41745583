package io.itam.compliance.internal.eligibility;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.org.OrganizationUnit;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Step 2 of the reconciliation: whether an entitlement may cover an option. It must be of the
 * option's licence model and valid on the as-of date; its scope must contain every consumer's unit;
 * its maintenance must reach the release date of an upgraded version (upgrade right) and be active
 * when the option needs it (SQL-04); and a pinned entitlement serves only its pinned consumers.
 *
 * <p>A consumer with no unit belongs to the organisation as a whole: unscoped entitlements cover
 * it, and so do entitlements scoped to the organisation's only root.
 */
public final class Eligibility {
  private final EstateIndex index;
  private final LocalDate asOf;
  private final Map<String, Set<String>> pinnedDevices = new HashMap<>();
  private final Map<String, Set<String>> pinnedUsers = new HashMap<>();
  private final @Nullable String soleRoot;

  public Eligibility(EstateIndex index) {
    this.index = index;
    this.asOf = index.asOf();
    for (PinnedAllocation pin : index.estate().allocations()) {
      if (pin.device() != null) {
        pinnedDevices.computeIfAbsent(pin.entitlement(), k -> new TreeSet<>()).add(pin.device());
      }
      if (pin.user() != null) {
        pinnedUsers.computeIfAbsent(pin.entitlement(), k -> new TreeSet<>()).add(pin.user());
      }
    }
    List<OrganizationUnit> roots =
        index.estate().organization().stream().filter(u -> u.parent() == null).toList();
    this.soleRoot = roots.size() == 1 ? roots.get(0).id() : null;
  }

  /** The organisation's only root unit, or {@code null} when it has none or several. */
  public @Nullable String soleRoot() {
    return soleRoot;
  }

  /** Whether {@code entitlement} is reserved by pinned allocations. */
  public boolean isPinned(Entitlement entitlement) {
    return pinnedDevices.containsKey(entitlement.id()) || pinnedUsers.containsKey(entitlement.id());
  }

  /** Whether {@code entitlement} is pinned to a device or user of {@code option}. */
  public boolean isPinnedTo(Entitlement entitlement, Terms option) {
    Set<String> devices = pinnedDevices.get(entitlement.id());
    if (devices != null) {
      for (String d : option.devices()) {
        if (devices.contains(d)) {
          return true;
        }
      }
    }
    Set<String> users = pinnedUsers.get(entitlement.id());
    if (users != null) {
      for (String u : option.users()) {
        if (users.contains(u)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Consumers {@code entitlement} is pinned to, for reasons. */
  public String pinnedConsumers(Entitlement entitlement) {
    Set<String> all = new TreeSet<>();
    all.addAll(pinnedDevices.getOrDefault(entitlement.id(), Set.of()));
    all.addAll(pinnedUsers.getOrDefault(entitlement.id(), Set.of()));
    return String.join(", ", all);
  }

  /** Why {@code entitlement} may not cover {@code option}; {@code null} when it may. */
  public @Nullable String refusal(Terms option, Entitlement entitlement) {
    return refusal(option, entitlement, option.scopeUnits(), option.hasUnassignedConsumer());
  }

  /**
   * Why {@code entitlement} may not cover {@code option} taken by a device its representative
   * stands for, in organisation unit {@code unit} ({@code null}: outside every unit).
   */
  public @Nullable String refusal(Terms option, Entitlement entitlement, @Nullable String unit) {
    return refusal(option, entitlement, unit == null ? Set.of() : Set.of(unit), unit == null);
  }

  private @Nullable String refusal(
      Terms option, Entitlement entitlement, Set<String> scopeUnits, boolean unassigned) {
    if (!entitlement.licenseModel().equals(option.modelId())) {
      return "of licence model " + entitlement.licenseModel();
    }
    if (!entitlement.isValidOn(asOf)) {
      return "not valid on " + asOf + validity(entitlement);
    }
    String scope = entitlement.scope();
    if (scope != null) {
      if (unassigned && !scope.equals(soleRoot)) {
        return "scope " + scope + " does not contain consumers outside every unit";
      }
      for (String unit : scopeUnits) {
        if (!index.isWithin(unit, scope)) {
          return "scope " + scope + " does not contain " + unit;
        }
      }
    }
    LocalDate needed = option.maintenanceNeeded();
    if (needed != null) {
      LocalDate until = entitlement.maintenanceUntil();
      if (until == null) {
        return "no maintenance, which the upgrade to a version released " + needed + " needs";
      }
      if (until.isBefore(needed)) {
        return "maintenance ended "
            + until
            + ", before the installed version was released ("
            + needed
            + ")";
      }
    }
    if (option.needsActiveMaintenance() && !entitlement.hasMaintenanceOn(asOf)) {
      return "maintenance not active on " + asOf + " (the virtualization rights need it, SQL-04)";
    }
    if (isPinned(entitlement) && !isPinnedTo(entitlement, option)) {
      return "reserved by pinned allocation for " + pinnedConsumers(entitlement);
    }
    return null;
  }

  private static String validity(Entitlement e) {
    if (e.validFrom() != null && e.validUntil() != null) {
      return " (valid " + e.validFrom() + ".." + e.validUntil() + ")";
    }
    if (e.validFrom() != null) {
      return " (valid from " + e.validFrom() + ")";
    }
    return " (valid until " + e.validUntil() + ")";
  }
}
