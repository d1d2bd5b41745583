/**
 * The estate end of the pipeline: the estate document read ({@link io.itam.io.estate.EstateReader},
 * streamed, every problem at its path) and written ({@link io.itam.io.estate.EstateWriter}), the
 * licence-model library and worked examples, and {@link io.itam.io.estate.EstateSources}, which
 * combines a document with CSV tables, SWID tags and CycloneDX BOMs, each problem of a merged
 * record at its source.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.io.estate;

import org.jspecify.annotations.NullMarked;
