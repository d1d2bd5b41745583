/**
 * Plain-text renderings of an effective licence position for people: {@link
 * io.itam.io.text.PositionTable} lays a {@link io.itam.model.position.Position} out as terminal
 * tables. The text is deterministic and locale-independent; the position document (JSON, {@link
 * io.itam.io.json.PositionWriter}) remains the form for programs.
 *
 * <p>Arguments are never {@code null}.
 */
package io.itam.io.text;
