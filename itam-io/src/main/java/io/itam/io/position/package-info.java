/**
 * Reports of an effective licence position for people and spreadsheets: {@link
 * io.itam.io.position.PositionCsv} writes (and reads back) one CSV file per view of a {@link
 * io.itam.model.position.Position}; {@link io.itam.io.position.PositionHtml} writes one
 * self-contained HTML page with a summary, a chart of shortfall and surplus per product and
 * sortable tables that say why each row is what it is. Both are deterministic: the same position
 * gives the same bytes.
 *
 * <p>Arguments are never {@code null}.
 */
package io.itam.io.position;
