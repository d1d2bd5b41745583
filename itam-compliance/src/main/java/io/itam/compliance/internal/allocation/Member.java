package io.itam.compliance.internal.allocation;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.Option;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A group of facts that options tie together (a device's suite components, a user's devices under a
 * second-use right, a usage pool and its installations), with its cover patterns in the order of
 * their shapes.
 */
final class Member {
  /** Canonical position: the group's lowest fact id. */
  final int order;

  /** Cover patterns, aligned with the shapes of the member's class. */
  final ImmutableList<ImmutableList<Option>> patterns;

  /** Whether the cover search ran out of budget (the patterns may miss better ones). */
  final boolean truncated;

  /**
   * The devices this member stands for when its records are a per-device family's and other devices
   * have the same (itself first); {@code null} when it stands for itself only.
   */
  final @Nullable List<Demand.Instance> instances;

  Member(
      int order,
      List<ImmutableList<Option>> patterns,
      boolean truncated,
      @Nullable List<Demand.Instance> instances) {
    this.order = order;
    this.patterns = ImmutableList.copyOf(patterns);
    this.truncated = truncated;
    this.instances = instances;
  }

  /** How many consumers the member stands for. */
  long weight() {
    return instances == null ? 1 : instances.size();
  }
}
