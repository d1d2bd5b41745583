package io.itam.compliance;

/** How a {@link Reconciler} allocates entitlements to consumption. */
public enum AllocationStrategy {
  /**
   * The exact allocation (the default): least shortfall cost, then pinned entitlements first, then
   * least value consumed, then the documented tie-break; pools beyond the node budget are reported
   * with their bound and gap.
   */
  OPTIMAL,

  /**
   * A baseline for comparison, not for compliance decisions: the first-fit priority allocation the
   * commercial engines use. Consumers are served in canonical order, each taking its first cover
   * that the remaining entitlements can satisfy in full (else its first cover, short), and drawing
   * units from eligible entitlements in id order. It shows what a greedy engine would report as
   * short on the same data; the position carries no solver notes.
   */
  FIRST_FIT
}
