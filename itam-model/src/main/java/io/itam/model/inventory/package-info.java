/**
 * What is used: devices (servers, VMs, clusters, cloud instances, desktops, laptops, mobiles),
 * users, installations, access and usage records, pinned allocations and exemptions.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.model.inventory;

import org.jspecify.annotations.NullMarked;
