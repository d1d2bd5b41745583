/**
 * The effective licence position: the result of a reconciliation, as the position document of
 * {@code estate-format.md}. Rows are sorted canonically (by licence model, product, consumer) so
 * the same estate always gives the same position.
 *
 * <p>Every row checks its own arithmetic: {@code covered + shortfall = required}, {@code consumed +
 * surplus = entitled}. Money amounts are exact decimals in the position's currency.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.model.position;

import org.jspecify.annotations.NullMarked;
