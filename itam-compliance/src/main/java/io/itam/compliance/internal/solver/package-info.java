/**
 * The exact optimisation layer under the licence allocator: a lexicographic {@link
 * io.itam.compliance.internal.solver.MinCostFlow min-cost flow} on primitive arrays, exact {@link
 * io.itam.compliance.internal.solver.Rational rationals}, an exact bounded-variable simplex ({@link
 * io.itam.compliance.internal.solver.LinearProgram}) and a deterministic {@link
 * io.itam.compliance.internal.solver.BranchAndBound branch and bound} on top of it.
 *
 * <p>Conventions for every class of this package:
 *
 * <ul>
 *   <li>No floating point: counts and costs are {@code long} with overflow-checked arithmetic
 *       (overflow throws {@link java.lang.ArithmeticException}), everything fractional is a {@link
 *       io.itam.compliance.internal.solver.Rational}.
 *   <li>Deterministic: the same input gives the same output; ties are broken by index, budgets
 *       count work (pivots, nodes), never time, and nothing uses threads or randomness.
 *   <li>Arguments are never {@code null}; absent results are {@link java.util.Optional} or a
 *       status, never {@code null}.
 * </ul>
 */
package io.itam.compliance.internal.solver;
