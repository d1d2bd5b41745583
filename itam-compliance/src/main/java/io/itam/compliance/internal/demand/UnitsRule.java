package io.itam.compliance.internal.demand;

/**
 * How an option's units follow from the facts it is given to cover. The allocation may give an
 * option any non-empty subset of the facts it could cover (the others going to other options), so
 * the units are a function of that subset, not a constant.
 */
public enum UnitsRule {
  /**
   * {@code param} units whatever the subset: one device, one user (DV-01, CAL-01), a usage pool's
   * peak, a server's or VM's hardware count.
   */
  CONSTANT,
  /**
   * One unit per fact, except that a suite covers its components once per copy: the largest number
   * of facts sharing one tag (the product) — the {@code installation} metric.
   */
  MAX_PER_TAG,
  /**
   * Second use (SU-01): the tags are the devices of one primary user; {@code max(fixed devices,
   * ⌈devices / 2⌉)} units, a device counting as portable when its facts carry {@link
   * OptionTable#PORTABLE}.
   */
  SECOND_USE,
  /**
   * Windows Server Standard stacking (WS-03, WS-04): the host in full ({@code param} units) once
   * per {@code param2} VMs, the tags being the VMs (-1 for the host itself): {@code param × ⌈max(1,
   * VMs) / param2⌉}.
   */
  HOST_SETS,
  /**
   * A usage pool's highest peak among the measurements it is given: the tags index the pool's
   * distinct peaks, ascending ({@link UsagePools.Pool#peaks()}); installations add nothing.
   */
  PEAK,
  /** Units that only the rule can count from the facts (named-user minimums, aggregates). */
  GENERIC;

  static final UnitsRule[] VALUES = values();
}
