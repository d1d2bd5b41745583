/**
 * JSON reading and writing of the estate document and the position document of {@code
 * estate-format.md}, with Jackson's streaming parser and generator (no data binding, no tree).
 *
 * <p>{@link io.itam.io.json.EstateReader} and {@link io.itam.io.json.PositionReader} report
 * everything wrong with a document at once, each problem at its JSON path ({@code
 * devices[17].host}), in one {@link io.itam.model.ValidationException}; {@link
 * io.itam.io.json.EstateWriter} and {@link io.itam.io.json.PositionWriter} write canonical bytes
 * that read back to equal objects. Serialization lives here, outside the domain types, which carry
 * no annotations.
 *
 * <p>Arguments are never {@code null}.
 */
package io.itam.io.json;
