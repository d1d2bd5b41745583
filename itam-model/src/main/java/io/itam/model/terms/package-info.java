/**
 * Licence terms: licence models with their metric, virtualization rule and use rights, and the
 * built-in core-factor and PVU tables, each row with its source.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable} (JSpecify: the package is
 * {@code @NullMarked}).
 */
@NullMarked
package io.itam.model.terms;

import org.jspecify.annotations.NullMarked;
