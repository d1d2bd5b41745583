/**
 * What changed between two runs: {@link io.itam.io.diff.PositionDiff#between} compares two
 * effective licence positions (new, resolved and changed shortfalls, product and licence rows that
 * changed, licences that moved between consumers and entitlements, the cost and value change), and
 * {@link io.itam.io.diff.PositionDiffTable} and {@link io.itam.io.diff.PositionDiffJson} render the
 * result as terminal text and as a JSON document. Everything is deterministic.
 *
 * <p>Arguments are never {@code null}.
 */
package io.itam.io.diff;
