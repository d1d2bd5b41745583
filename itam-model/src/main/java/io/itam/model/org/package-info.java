/**
 * The organisation: a tree of units (group, legal entity, region, cost centre); an entitlement
 * scoped to a unit covers its subtree.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.model.org;

import org.jspecify.annotations.NullMarked;
