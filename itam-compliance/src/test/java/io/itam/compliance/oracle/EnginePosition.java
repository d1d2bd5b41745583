package io.itam.compliance.oracle;

import io.itam.compliance.ReconcileOptions;
import io.itam.compliance.Reconciler;
import io.itam.model.Estate;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.position.Allocation;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's answer, through its public API only ({@link Reconciler}, {@link Position}): its
 * documented objective, read off the position, and the checks that the position is a feasible
 * allocation at all.
 */
final class EnginePosition {
  private static final Reconciler ENGINE =
      Reconciler.create(ReconcileOptions.DEFAULTS.withDetail(Detail.ALL));

  private EnginePosition() {}

  static Position reconcile(Estate estate) {
    return ENGINE.reconcile(estate);
  }

  /**
   * Tier 1: the summary's shortfall cost (priced) or the short units of the rows with a licence
   * model (unpriced); tier 3: Σ over allocations of units × the entitlement's unit price.
   */
  static Objective objective(Estate estate, Position position, boolean priced) {
    long shortfall;
    if (priced) {
      shortfall = Problem.cents(position.summary().shortfallCost());
    } else {
      shortfall =
          position.products().stream()
              .filter(p -> p.licenseModel() != null)
              .mapToLong(ProductPosition::shortfall)
              .sum();
    }
    Map<String, Entitlement> entitlements = entitlements(estate);
    long consumed = 0;
    for (Allocation a : position.allocations()) {
      Entitlement e = entitlements.get(a.entitlement());
      long price = e.unitPrice() == null ? 0 : Problem.cents(e.unitPrice().amount());
      consumed = Math.addExact(consumed, Math.multiplyExact(a.units(), price));
    }
    return new Objective(shortfall, consumed);
  }

  /** Installations the position reports short without a licence model. */
  static long uncoverable(Position position) {
    return position.products().stream()
        .filter(p -> p.licenseModel() == null)
        .mapToLong(ProductPosition::required)
        .sum();
  }

  /**
   * Why the position is not a feasible allocation of the estate; empty when it is. Per product row,
   * required = covered + shortfall; no entitlement consumed beyond its quantity, nor outside its
   * validity, model or scope; per model, the covered units are the allocated units; no pool left to
   * a heuristic.
   */
  static List<String> infeasibilities(Estate estate, Position position) {
    List<String> problems = new ArrayList<>();
    CoverageRules rules = new CoverageRules(estate);
    Map<String, Entitlement> entitlements = entitlements(estate);
    Map<String, Device> devices = new HashMap<>();
    estate.devices().forEach(d -> devices.put(d.id(), d));
    Map<String, Long> consumedOf = new TreeMap<>();
    Map<String, Long> allocatedToModel = new TreeMap<>();
    for (Allocation a : position.allocations()) {
      Entitlement e = entitlements.get(a.entitlement());
      consumedOf.merge(e.id(), a.units(), Long::sum);
      if (a.units() > 0) {
        allocatedToModel.merge(a.licenseModel(), a.units(), Long::sum);
      }
      if (!e.licenseModel().equals(a.licenseModel())) {
        problems.add(a + ": entitlement of model " + e.licenseModel());
      }
      if (!e.isValidOn(estate.asOf())) {
        problems.add(a + ": entitlement not valid on " + estate.asOf());
      }
      Device device = devices.get(a.consumer());
      if (device == null || !rules.scopeContains(e.scope(), device.unit())) {
        problems.add(a + ": consumer outside scope " + e.scope());
      }
    }
    consumedOf.forEach(
        (id, units) -> {
          if (units > entitlements.get(id).quantity()) {
            problems.add(id + ": " + units + " consumed of " + entitlements.get(id).quantity());
          }
        });
    Map<String, Long> coveredOfModel = new TreeMap<>();
    for (ProductPosition p : position.products()) {
      if (p.required() != p.covered() + p.shortfall()) {
        problems.add(p + ": required is not covered + shortfall");
      }
      if (p.licenseModel() != null && p.covered() > 0) {
        coveredOfModel.merge(p.licenseModel(), p.covered(), Long::sum);
      }
    }
    if (!coveredOfModel.equals(allocatedToModel)) {
      problems.add("covered per model " + coveredOfModel + " but allocated " + allocatedToModel);
    }
    if (!position.notes().isEmpty()) {
      problems.add("pools left to a heuristic: " + position.notes());
    }
    return problems;
  }

  private static Map<String, Entitlement> entitlements(Estate estate) {
    Map<String, Entitlement> byId = new HashMap<>();
    estate.entitlements().forEach(e -> byId.put(e.id(), e));
    return byId;
  }
}
