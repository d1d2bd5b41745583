package io.itam.compliance.internal.allocation;

import com.google.common.collect.ImmutableList;
import io.itam.model.position.SolverNote;
import java.util.List;

/**
 * The outcome of the allocation: every chosen option with its shares, and notes on pools that are
 * not proven optimal.
 *
 * @param assignments chosen options, in canonical order (by licence model, consumer, first fact)
 * @param notes pools finished by a heuristic
 */
public record Allocation(List<Assignment> assignments, List<SolverNote> notes) {
  public Allocation {
    assignments = ImmutableList.copyOf(assignments);
    notes = ImmutableList.copyOf(notes);
  }
}
