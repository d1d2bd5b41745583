package io.itam.model.terms;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The core-factor and PVU tables shipped with itam, by the id a document names them with:
 *
 * <ul>
 *   <li>{@code coreFactors: "oracle"}: the Oracle Processor Core Factor Table (OR-P1), rows from
 *       secondary sources flagged unverified, no default (an unknown CPU is an error);
 *   <li>{@code pvuTable: "ibm"}: IBM PVU per core by processor and socket capacity (IBM-P1,
 *       IBM-P2), with ILMT's 120 PVU per core for unidentified processors as default (IBM-05).
 * </ul>
 */
public final class BuiltInTables {
  private static final ImmutableMap<String, BuiltInTable> CORE_FACTORS =
      ImmutableMap.of(
          "oracle", BuiltInTable.load("oracle", "core-factor table", "oracle-core-factors.tsv"));
  private static final ImmutableMap<String, BuiltInTable> PVU =
      ImmutableMap.of("ibm", BuiltInTable.load("ibm", "PVU table", "ibm-pvu.tsv"));

  private BuiltInTables() {}

  /** The built-in core-factor table {@code id}. */
  public static Optional<BuiltInTable> coreFactors(String id) {
    return Optional.ofNullable(CORE_FACTORS.get(id));
  }

  /** The built-in PVU table {@code id}. */
  public static Optional<BuiltInTable> pvu(String id) {
    return Optional.ofNullable(PVU.get(id));
  }

  /** Ids of the built-in core-factor tables. */
  public static Set<String> coreFactorIds() {
    return CORE_FACTORS.keySet();
  }

  /** Ids of the built-in PVU tables. */
  public static Set<String> pvuIds() {
    return PVU.keySet();
  }

  /**
   * The table {@code ref} names, as a core-factor table ({@code pvu = false}) or a PVU table; empty
   * for an unknown built-in id or a {@code null} ref.
   */
  public static Optional<FactorSource> resolve(@Nullable FactorTableRef ref, boolean pvu) {
    if (ref == null) {
      return Optional.empty();
    }
    if (ref instanceof FactorTableRef.Inline inline) {
      return Optional.of(inline.table());
    }
    String id = ((FactorTableRef.BuiltIn) ref).id();
    return Optional.ofNullable(pvu ? PVU.get(id) : CORE_FACTORS.get(id));
  }
}
