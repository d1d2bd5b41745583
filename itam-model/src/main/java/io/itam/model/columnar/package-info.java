/**
 * The columnar form of an estate: a {@link io.itam.model.columnar.ColumnarEstate} holds its
 * installations, access and usage records as parallel primitive columns over dense {@code int}
 * dictionaries of ids, beside a {@linkplain io.itam.model.columnar.ColumnarEstate#frame() frame}
 * {@link io.itam.model.Estate} holding every other record. It is the form the engine reads and the
 * streaming readers fill; {@code Estate} stays the friendly API, and the two convert into each
 * other ({@code ColumnarEstate.of(e).toEstate().equals(e)}).
 *
 * <p>Data layout and terms:
 *
 * <ul>
 *   <li><b>Dictionary</b>: the distinct strings of one kind of id (devices, products, versions,
 *       editions, evidence, users, units), numbered {@code 0..size-1} in the order first seen. A
 *       kind's dictionary is shared by every column set: a product has one id in installations,
 *       access and usage alike. Dictionary ids need not follow the order of the frame's lists.
 *   <li><b>Row</b>: one record, numbered as in the document ({@code installations[17]} is row 17 of
 *       {@link io.itam.model.columnar.InstallationColumns}).
 *   <li><b>Column</b>: one field of every row, an {@link io.itam.model.columnar.IntColumn} (ids,
 *       epoch days) or a {@link io.itam.model.columnar.LongColumn} (usage peaks), stored in chunks
 *       of 65,536 rows that readers walk without a copy. An installation takes seven {@code int}s,
 *       28 bytes; an access record three; a usage record four and a {@code long}.
 *   <li><b>Absent values</b>: {@link io.itam.model.columnar.ColumnarEstate#NONE} ({@code -1}) for
 *       an absent id, {@link io.itam.model.columnar.ColumnarEstate#NO_DATE} ({@link
 *       Integer#MIN_VALUE}) for an absent date.
 * </ul>
 *
 * <p>Every value is immutable once built; builders are not thread-safe. A columnar estate is always
 * valid: its builder runs the {@link io.itam.model.EstateValidator}'s checks through {@link
 * io.itam.model.ConsumptionRecords}, the same checks and messages as for an {@code Estate}.
 */
package io.itam.model.columnar;
