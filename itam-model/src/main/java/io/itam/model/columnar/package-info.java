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
 *   <li><b>Column</b>: one field of every row, an {@link io.itam.model.columnar.IntColumn} (ids) or
 *       a {@link io.itam.model.columnar.LongColumn} (dates as epoch days, usage peaks), stored in
 *       chunks of 32,768 rows that readers walk without a copy. An installation takes five {@code
 *       int}s and two {@code long}s, 36 bytes; an access record three {@code int}s, 12 bytes; a
 *       usage record two {@code int}s and three {@code long}s, 32 bytes.
 *   <li><b>Dates</b>: {@code long} epoch days ({@link java.time.LocalDate#toEpochDay()}), which
 *       hold every {@code LocalDate} from {@code MIN} to {@code MAX}, so a columnar estate takes
 *       every date an {@code Estate} does.
 *   <li><b>Absent values</b>: {@link io.itam.model.columnar.ColumnarEstate#NONE} ({@code -1}) for
 *       an absent id, {@link io.itam.model.columnar.ColumnarEstate#NO_DATE} ({@link
 *       Long#MIN_VALUE}, as {@link io.itam.model.ConsumptionRecords#NO_DAY}) for an absent date.
 * </ul>
 *
 * <p>Every value is immutable once built; builders are not thread-safe. A columnar estate is always
 * valid: its builder runs the {@link io.itam.model.EstateValidator}'s checks through {@link
 * io.itam.model.ConsumptionRecords}, the same checks and messages as for an {@code Estate}.
 */
package io.itam.model.columnar;
