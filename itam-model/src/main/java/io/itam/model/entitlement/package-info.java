/**
 * Entitlements: purchases of a licence model, with their quantity, scope, validity, maintenance and
 * unit price.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.model.entitlement;

import org.jspecify.annotations.NullMarked;
