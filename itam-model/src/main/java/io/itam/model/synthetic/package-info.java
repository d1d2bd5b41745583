/**
 * Seeded synthetic estates for benchmarks and trials: the same seed gives the same estate.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.model.synthetic;

import org.jspecify.annotations.NullMarked;
