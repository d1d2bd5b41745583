/**
 * The reconciliation engine of itam: {@link io.itam.compliance.Reconciler} turns an {@link
 * io.itam.model.Estate} into its effective licence position ({@link
 * io.itam.model.position.Position}).
 *
 * <p>The pipeline (design §Reconciliation), one internal package a step:
 *
 * <ol>
 *   <li>{@code internal.demand}: facts (installations, access, usage that count on the as-of date)
 *       and, per licence model, the options its metric offers and the units each needs;
 *   <li>{@code internal.allocation}: eligibility of entitlements, aggregation into demand classes,
 *       independent pools, and the exact lexicographic optimisation of each pool;
 *   <li>{@code internal.solver}: the exact min-cost flow, rational simplex and branch and bound
 *       that optimisation uses;
 *   <li>{@code internal.position}: the position document with its reasons.
 * </ol>
 *
 * <p>Only this package is API. Methods reject {@code null} arguments unless documented otherwise.
 */
package io.itam.compliance;
