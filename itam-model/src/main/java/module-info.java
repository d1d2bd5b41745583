/**
 * The itam domain: immutable, validated records of an estate (organisation, catalogue, licence
 * models, entitlements, inventory, consumption) and of its effective licence position, with the
 * built-in core-factor and PVU tables, the columnar form of an estate and the synthetic estate
 * generator.
 */
module io.itam.model {
  requires transitive com.google.common;
  requires transitive org.jspecify;

  exports io.itam.model;
  exports io.itam.model.catalog;
  exports io.itam.model.columnar;
  exports io.itam.model.entitlement;
  exports io.itam.model.inventory;
  exports io.itam.model.org;
  exports io.itam.model.position;
  exports io.itam.model.synthetic;
  exports io.itam.model.terms;
}
