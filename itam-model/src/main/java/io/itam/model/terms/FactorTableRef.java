package io.itam.model.terms;

import static java.util.Objects.requireNonNull;

/**
 * Where a metric finds its core-factor or PVU table: a built-in table named by id ({@code
 * "oracle"}, {@code "ibm"}), or a table written inline in the document.
 */
public sealed interface FactorTableRef {

  /** A built-in table, by id. */
  record BuiltIn(String id) implements FactorTableRef {
    public BuiltIn {
      requireNonNull(id, "id");
    }
  }

  /** A table given inline. */
  record Inline(FactorTable table) implements FactorTableRef {
    public Inline {
      requireNonNull(table, "table");
    }
  }

  static FactorTableRef builtIn(String id) {
    return new BuiltIn(id);
  }

  static FactorTableRef inline(FactorTable table) {
    return new Inline(table);
  }
}
