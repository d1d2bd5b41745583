/**
 * The catalogue: products with their publishers, editions (lowest first), versions (oldest first,
 * with release dates) and, for suites, the products they cover.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.model.catalog;

import org.jspecify.annotations.NullMarked;
