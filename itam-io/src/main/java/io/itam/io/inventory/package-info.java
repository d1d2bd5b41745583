/**
 * The formats inventories and purchases come in, one sub-package each ({@code csv}, {@code swid},
 * {@code cyclonedx}), and the mapping of software identities (tags, BOM components) to catalogue
 * products ({@link io.itam.io.inventory.ProductMapping}).
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.io.inventory;

import org.jspecify.annotations.NullMarked;
