package io.itam.model.inventory;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A person (or a non-human account: OR-05 counts those too) who may use software.
 *
 * @param id unique id
 * @param unit the organisation unit the user belongs to; {@code null} when unassigned
 * @param active {@code false} for a deprovisioned user: such a user is no longer a consumer (the
 *     position lists their records as not counted)
 */
public record User(String id, @Nullable String unit, boolean active) {

  public User {
    requireNonNull(id, "id");
  }

  public static User of(String id, @Nullable String unit) {
    return new User(id, unit, true);
  }
}
