/**
 * The licensing domain of itam: what an organisation owns (licence models and entitlements) and
 * what it uses (devices, users, installations, access, usage), gathered in an {@link
 * io.itam.model.Estate}.
 *
 * <p>Conventions for every package of this module:
 *
 * <ul>
 *   <li>Records are immutable values. Their constructors check structure (required values are
 *       non-null, collections are copied to immutable ones) and nothing else; values (ranges,
 *       references, dates, currencies) are checked once, at the boundary, when an {@link
 *       io.itam.model.Estate} is built. A built estate is always valid.
 *   <li>Optional values are {@code null} when absent; accessors say so. Collections are never
 *       {@code null}: absent means empty.
 *   <li>Counts are {@code long}; factors and money are exact {@link java.math.BigDecimal}s; nothing
 *       is a {@code double}.
 *   <li>Names follow the JSON contract ({@code estate-format.md}): a record field is named like its
 *       JSON field.
 * </ul>
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.model;

import org.jspecify.annotations.NullMarked;
