/**
 * Helpers shared by the packages of itam-io; not exported by the module, not an API.
 *
 * <p>Arguments are never {@code null} unless marked {@code @Nullable}.
 */
package io.itam.io.internal;
