package io.itam.compliance.internal.allocation;

import com.google.common.collect.ImmutableList;
import io.itam.model.position.SolverNote;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of the allocation: every chosen option with its shares, and notes on pools that are
 * not proven optimal.
 *
 * <p>The assignments come in two orders. {@link #assignments()} is the canonical order of the
 * position's rows (by licence model, consumer, first fact), sorted on first use: the rows that list
 * consumers and collect their reasons need it. {@link #assignmentsInPoolOrder()} is the order the
 * pools handed them back, deterministic but not sorted: totals (consumed, required, short, counted)
 * do not depend on it, so a position with detail {@code summary} never sorts a million assignments.
 */
public final class Allocation {
  private final ImmutableList<Assignment> inPoolOrder;
  private final ImmutableList<SolverNote> notes;
  private volatile @Nullable ImmutableList<Assignment> inCanonicalOrder;

  /**
   * Creates the outcome of an allocation.
   *
   * @param inPoolOrder the chosen options, pool after pool
   * @param notes pools finished by a heuristic
   */
  Allocation(List<Assignment> inPoolOrder, List<SolverNote> notes) {
    this.inPoolOrder = ImmutableList.copyOf(inPoolOrder);
    this.notes = ImmutableList.copyOf(notes);
  }

  /** The chosen options in canonical order: by licence model id, consumer, first fact. */
  public List<Assignment> assignments() {
    ImmutableList<Assignment> sorted = inCanonicalOrder;
    if (sorted == null) {
      synchronized (this) {
        sorted = inCanonicalOrder;
        if (sorted == null) {
          sorted = ImmutableList.copyOf(Allocator.inPositionOrder(inPoolOrder));
          inCanonicalOrder = sorted;
        }
      }
    }
    return sorted;
  }

  /**
   * The chosen options in the order the pools handed them back: the same for the same estate, but
   * not sorted. For totals only.
   */
  public List<Assignment> assignmentsInPoolOrder() {
    return inPoolOrder;
  }

  /** Pools finished by a heuristic, with their bound and gap. */
  public List<SolverNote> notes() {
    return notes;
  }
}
