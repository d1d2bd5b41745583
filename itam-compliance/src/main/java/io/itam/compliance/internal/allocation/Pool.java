package io.itam.compliance.internal.allocation;

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
      order = lowestOrder();
    }
    return order;
  }

  private int lowestOrder() {
    int min = Integer.MAX_VALUE;
    for (DemandClass c : classes) {
      for (Member m : c.members) {
        min = Math.min(min, m.order);
      }
    }
    return min;
  }

  boolean truncated() {
    for (DemandClass c : classes) {
      for (Member m : c.members) {
        if (m.truncated) {
          return true;
        }
      }
    }
    return false;
  }
}
