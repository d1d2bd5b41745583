/**
 * A software publisher modelling its licence terms as data: its own licence-model library and
 * worked examples, checked by reconciling them.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.examples.publisher;

import org.jspecify.annotations.NullMarked;
