/**
 * Licence terms: licence models with their metric, virtualization rule and use rights, and the
 * built-in core-factor and PVU tables, each row with its source.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.model.terms;

import org.jspecify.annotations.NullMarked;
