package io.itam.compliance.internal.allocation;

import io.itam.compliance.internal.demand.DemandClass;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A licence pool (design §Reconciliation, step 3): demand classes and entitlements connected by
 * eligibility. Pools share nothing, so each is solved on its own.
 */
final class Pool {
  final List<DemandClass> classes = new ArrayList<>();
  final TreeSet<Integer> types = new TreeSet<>();
  final TreeSet<Integer> entitlements = new TreeSet<>();

  private int order = -1;

  /** Canonical position: the lowest member order (computed once the classes are complete). */
  int order() {
    if (order < 0) {
      int min = Integer.MAX_VALUE;
      for (DemandClass c : classes) {
        min = Math.min(min, c.order(0));
      }
      order = min;
    }
    return order;
  }

  boolean truncated() {
    for (DemandClass c : classes) {
      if (c.truncated()) {
        return true;
      }
    }
    return false;
  }
}
