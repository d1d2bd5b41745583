/**
 * Helpers shared by the packages of itam-io; not exported by the module, not an API.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.io.internal;

import org.jspecify.annotations.NullMarked;
