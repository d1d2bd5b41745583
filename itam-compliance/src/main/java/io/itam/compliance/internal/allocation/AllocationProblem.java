package io.itam.compliance.internal.allocation;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.DemandClass;
import io.itam.compliance.internal.demand.Shape;
import io.itam.compliance.internal.eligibility.SlotTypes;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.entitlement.Entitlement;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocation problem of an estate in aggregated form: the demand classes and the entitlements
 * they may draw on, split into independent {@link Pool pools} (design §Reconciliation, step 3).
 */
final class AllocationProblem {
  final EstateIndex index;
  final SlotTypes slotTypes;
  final ImmutableList<Entitlement> entitlements;
  final List<SlotTypes.SlotType> types;
  final List<Pool> pools = new ArrayList<>();

  private AllocationProblem(EstateIndex index, SlotTypes slotTypes) {
    this.index = index;
    this.slotTypes = slotTypes;
    this.entitlements = index.entitlements();
    this.types =
        new AbstractList<>() {
          @Override
          public SlotTypes.SlotType get(int i) {
            return slotTypes.type(i);
          }

          @Override
          public int size() {
            return slotTypes.size();
          }
        };
  }

  static AllocationProblem of(Demand demand) {
    AllocationProblem problem = new AllocationProblem(demand.index(), demand.types());
    problem.pool(demand.classes());
    return problem;
  }

  private void pool(List<DemandClass> classes) {
    int typeCount = slotTypes.size();
    UnionFind components = new UnionFind(typeCount + entitlements.size());
    for (int t = 0; t < typeCount; t++) {
      for (int e : slotTypes.type(t).entitlements) {
        components.union(t, typeCount + e);
      }
    }
    for (DemandClass demandClass : classes) {
      int first = demandClass.shapes().get(0).types()[0];
      for (Shape shape : demandClass.shapes()) {
        for (int t : shape.types()) {
          components.union(first, t);
        }
      }
    }
    Map<Integer, Pool> byRoot = new HashMap<>();
    for (DemandClass demandClass : classes) {
      int root = components.find(demandClass.shapes().get(0).types()[0]);
      Pool pool = byRoot.computeIfAbsent(root, k -> new Pool());
      pool.classes.add(demandClass);
      for (Shape shape : demandClass.shapes()) {
        for (int t : shape.types()) {
          pool.types.add(t);
          for (int e : slotTypes.type(t).entitlements) {
            pool.entitlements.add(e);
          }
        }
      }
    }
    pools.addAll(byRoot.values());
    pools.sort(Comparator.comparingInt(Pool::order));
  }
}
