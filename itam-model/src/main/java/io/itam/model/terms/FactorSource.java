package io.itam.model.terms;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table of factors by CPU: a core-factor table or a PVU-per-core table, built in or inline.
 *
 * <p>Matching rule (estate-format.md): a pattern matches when it is a case-insensitive substring of
 * the device's {@code cpu}; the longest matching pattern wins (equal lengths: the alphabetically
 * first); {@code default} applies when none matches; no match and no default is an error, never a
 * silent 1. Trademark marks ({@code (R)}, {@code (TM)}) and repeated spaces are ignored on both
 * sides, so {@code "Intel(R) Xeon(R) Gold 6338"} matches {@code "Xeon Gold"}. Rows may be limited
 * to servers of a socket capacity (IBM-01); among rows of the winning pattern the one with the
 * smallest capacity limit that fits applies.
 */
public interface FactorSource {

  /**
   * The row for {@code cpu} on a server with {@code socketCapacity} sockets, or empty when none
   * applies.
   *
   * @param cpu the device's CPU model string; {@code null} when unknown (only a default applies)
   * @param socketCapacity the server's socket capacity; {@code null} when unknown (rows limited to
   *     a capacity then do not apply)
   */
  Optional<FactorMatch> lookup(@Nullable String cpu, @Nullable Long socketCapacity);

  /** For messages: {@code core-factor table "oracle"}. */
  String describe();

  /** The normal form in which CPUs and patterns are compared. */
  static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replace("(r)", " ")
        .replace("(tm)", " ")
        .replace("®", " ")
        .replace("™", " ")
        .replaceAll("\\s+", " ")
        .trim();
  }
}
