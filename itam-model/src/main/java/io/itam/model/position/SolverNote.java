package io.itam.model.position;

import static java.util.Objects.requireNonNull;

import io.itam.model.Decimals;
import java.math.BigDecimal;

/**
 * A licence pool whose allocation is not proven optimal: its exact search ran out of budget and a
 * documented heuristic finished it. The position states the best objective found, the proven bound
 * and the gap between them, so nobody mistakes it for an optimum.
 *
 * @param pool the pool, named by its licence models
 * @param method how it was solved
 * @param objective the shortfall cost of the allocation found
 * @param bound a proven lower bound on the optimal shortfall cost
 * @param gap {@code objective − bound}
 */
public record SolverNote(
    String pool, String method, BigDecimal objective, BigDecimal bound, BigDecimal gap) {

  public SolverNote {
    objective = Decimals.normalize(objective);
    bound = Decimals.normalize(bound);
    gap = Decimals.normalize(gap);
    requireNonNull(pool, "pool");
    requireNonNull(method, "method");
    requireNonNull(objective, "objective");
    requireNonNull(bound, "bound");
    requireNonNull(gap, "gap");
  }
}
