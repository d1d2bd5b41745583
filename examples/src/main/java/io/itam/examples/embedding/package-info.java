/**
 * Embedding itam in an application: an estate built in code and read from a file, reconciled, the
 * position used.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.examples.embedding;

import org.jspecify.annotations.NullMarked;
