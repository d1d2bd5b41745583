package io.itam.model.terms;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The row of a core-factor or PVU table that applies to a CPU, with its provenance, so that a
 * reason can say where a factor came from and whether the source is verified.
 *
 * @param table the table ({@code "oracle"}, {@code "ibm"}, or {@code "inline"})
 * @param pattern the pattern that matched, or {@code "default"}
 * @param maxSockets the socket capacity the row is limited to; {@code null} for any
 * @param factor the factor (core factor, or PVU per core)
 * @param source the source id of the row (vendor-rules.md, e.g. {@code OR-P1}), or {@code "inline"}
 * @param verified {@code false} for a row from secondary sources only (UNVERIFIED in
 *     vendor-rules.md) or derived by us
 * @param note what the row stands for, as written in the table
 */
public record FactorMatch(
    String table,
    String pattern,
    @Nullable Long maxSockets,
    BigDecimal factor,
    String source,
    boolean verified,
    String note) {

  public FactorMatch {
    requireNonNull(table, "table");
    requireNonNull(pattern, "pattern");
    requireNonNull(factor, "factor");
    requireNonNull(source, "source");
    requireNonNull(note, "note");
  }

  /** For reasons: {@code oracle row "E5-2" 0.5 (OR-P1)} or {@code … (UNVERIFIED: …)}. */
  public String describe() {
    String row =
        table
            + " row \""
            + pattern
            + "\""
            + (maxSockets == null ? "" : " (≤" + maxSockets + " sockets)")
            + " "
            + factor.stripTrailingZeros().toPlainString();
    if (source.equals("inline")) {
      return row;
    }
    return row + " (" + source + (verified ? "" : ", UNVERIFIED") + ")";
  }
}
