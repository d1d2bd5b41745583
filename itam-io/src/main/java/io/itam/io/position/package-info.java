/**
 * The position end of the pipeline: an effective licence position written as the JSON position
 * document ({@link io.itam.io.position.PositionWriter}, read back by {@link
 * io.itam.io.position.PositionReader}), CSV views ({@link io.itam.io.position.PositionCsv}), an
 * XLSX workbook ({@link io.itam.io.position.PositionXlsx}), a self-contained HTML report ({@link
 * io.itam.io.position.PositionHtml}), terminal tables ({@link io.itam.io.position.PositionTable})
 * and CycloneDX licensing data ({@link io.itam.io.position.PositionCycloneDx}); the reports for
 * people show a {@link io.itam.io.position.PositionReport} (names, breakdowns, expiries, trend);
 * the changes between two positions ({@link io.itam.model.position.PositionDiff}) are rendered by
 * {@link io.itam.io.position.PositionDiffTable} and {@link io.itam.io.position.PositionDiffJson}.
 * Every writer is deterministic: the same input gives the same bytes.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.io.position;

import org.jspecify.annotations.NullMarked;
