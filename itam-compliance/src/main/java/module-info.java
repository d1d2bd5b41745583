/**
 * The itam engine: {@link io.itam.compliance.Reconciler} computes the exact effective licence
 * position of an estate. Only the API package is exported; the demand, allocation, solver and
 * position packages are internal.
 */
module io.itam.compliance {
  requires transitive io.itam.model;
  requires java.management;
  requires org.slf4j;

  exports io.itam.compliance;
}
