package io.itam.compliance.internal.demand;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The options the metric rules offer, in parallel primitive arrays. An <em>option</em> is one
 * consumer (a device, a user, a host, a cluster, a usage pool) licensed under one licence model: it
 * may cover the facts listed for it, and needs units of the model according to its {@link
 * UnitsRule} over the facts it is given. Options of different models overlap; the allocation
 * chooses, for every fact, the one option that covers it.
 *
 * <p>Per option: the model (dense index), the consumer's name and an ordering key, the units rule
 * and its parameters, the scope its consumer brings (an organisation unit, or none), whether each
 * covered device's unit joins the scope, whether the model's virtualization rights need active
 * maintenance when a VM is covered, and a payload the rule keeps for explaining the option. Per
 * covered fact (in ascending fact order): a tag for the units rule (the product, the device, the
 * VM) and flags.
 */
public final class OptionTable {
  /** Flag: the fact rides free (a passive failover replica): it adds no units. */
  public static final byte FREE = 1;

  /** Flag: the fact is on a VM (for virtualization rights that need active maintenance). */
  public static final byte VIRTUAL = 2;

  /** Flag: the fact is on a portable device (second use). */
  public static final byte PORTABLE = 4;

  /** Scope unit of an option whose consumer is outside every organisation unit. */
  public static final int UNASSIGNED = -2;

  /** Scope unit of an option that brings no unit of its own. */
  public static final int NONE = -1;

  private int size;
  private int[] model = new int[16];
  private String[] consumer = new String[16];
  private long[] order = new long[16];
  private byte[] units = new byte[16];
  private long[] param = new long[16];
  private long[] param2 = new long[16];
  private int[] scope = new int[16];
  private boolean[] scopeFromFacts = new boolean[16];
  private boolean[] activeIfVirtual = new boolean[16];
  private Object[] payload = new Object[16];
  private int[][] moreScope = new int[16][];
  private int[] start = new int[17];

  private int entries;
  private int[] facts = new int[64];
  private int[] tags = new int[64];
  private byte[] flags = new byte[64];

  /** Number of options. */
  public int size() {
    return size;
  }

  /** Starts an option; add its facts in ascending order with {@link #fact}, then {@link #end}. */
  public int begin(int model, String consumer, long order) {
    if (size == this.model.length) {
      grow();
    }
    this.model[size] = model;
    this.consumer[size] = consumer;
    this.order[size] = order;
    this.units[size] = (byte) UnitsRule.CONSTANT.ordinal();
    this.param[size] = 0;
    this.param2[size] = 0;
    this.scope[size] = NONE;
    this.scopeFromFacts[size] = false;
    this.activeIfVirtual[size] = false;
    this.payload[size] = null;
    this.moreScope[size] = null;
    start[size] = entries;
    return size;
  }

  /** Adds fact {@code fact} (with its units tag and flags) to the option being built. */
  public void fact(int fact, int tag, byte flag) {
    if (entries == facts.length) {
      int capacity = entries * 2;
      facts = Arrays.copyOf(facts, capacity);
      tags = Arrays.copyOf(tags, capacity);
      flags = Arrays.copyOf(flags, capacity);
    }
    facts[entries] = fact;
    tags[entries] = tag;
    flags[entries] = flag;
    entries++;
  }

  /** Sets how the option being built counts its units. */
  public void units(UnitsRule rule, long param, long param2) {
    this.units[size] = (byte) rule.ordinal();
    this.param[size] = param;
    this.param2[size] = param2;
  }

  /**
   * Sets the option's scope: the unit its consumer brings ({@link #NONE}, {@link #UNASSIGNED} or a
   * unit index), whether each covered fact's device (or user) unit joins it, and whether a covered
   * VM makes the model's virtualization rights need active maintenance.
   */
  public void scope(int unit, boolean fromFacts, boolean activeIfVirtual) {
    this.scope[size] = unit;
    this.scopeFromFacts[size] = fromFacts;
    this.activeIfVirtual[size] = activeIfVirtual;
  }

  /**
   * Adds units the option's consumer also brings to its scope (the other hosts of a cluster), each
   * a unit index or {@link #UNASSIGNED}.
   */
  public void alsoScope(int[] units) {
    this.moreScope[size] = units.clone();
  }

  /** Keeps {@code value} for the rule that explains the option. */
  public void keep(@Nullable Object value) {
    this.payload[size] = value;
  }

  /** Ends the option being built. */
  public void end() {
    size++;
    start[size] = entries;
  }

  private void grow() {
    int capacity = size * 2;
    model = Arrays.copyOf(model, capacity);
    consumer = Arrays.copyOf(consumer, capacity);
    order = Arrays.copyOf(order, capacity);
    units = Arrays.copyOf(units, capacity);
    param = Arrays.copyOf(param, capacity);
    param2 = Arrays.copyOf(param2, capacity);
    scope = Arrays.copyOf(scope, capacity);
    scopeFromFacts = Arrays.copyOf(scopeFromFacts, capacity);
    activeIfVirtual = Arrays.copyOf(activeIfVirtual, capacity);
    payload = Arrays.copyOf(payload, capacity);
    moreScope = Arrays.copyOf(moreScope, capacity);
    start = Arrays.copyOf(start, capacity + 1);
  }

  public int model(int option) {
    return model[option];
  }

  /** The consumer's id as the position names it. */
  public String consumer(int option) {
    return consumer[option];
  }

  /**
   * A key that orders options of one model as their consumers' ids do, then by first fact: for the
   * consumers of one namespace (devices, users) their rank; {@code Long.MIN_VALUE} when only the
   * name can order it (compare {@link #consumer} then).
   */
  public long order(int option) {
    return order[option];
  }

  public UnitsRule unitsRule(int option) {
    return UnitsRule.VALUES[units[option]];
  }

  public long param(int option) {
    return param[option];
  }

  public long param2(int option) {
    return param2[option];
  }

  public int scopeUnit(int option) {
    return scope[option];
  }

  /** Units the option's consumer brings beyond {@link #scopeUnit}; empty when none. */
  public int[] moreScope(int option) {
    return moreScope[option] == null ? new int[0] : moreScope[option];
  }

  public boolean scopeFromFacts(int option) {
    return scopeFromFacts[option];
  }

  public boolean activeIfVirtual(int option) {
    return activeIfVirtual[option];
  }

  public @Nullable Object payload(int option) {
    return payload[option];
  }

  /** Position of the option's first fact entry. */
  public int start(int option) {
    return start[option];
  }

  /** Position after the option's last fact entry. */
  public int end(int option) {
    return start[option + 1];
  }

  public int factCount(int option) {
    return start[option + 1] - start[option];
  }

  /** The fact of entry {@code entry}. */
  public int fact(int entry) {
    return facts[entry];
  }

  public int tag(int entry) {
    return tags[entry];
  }

  public byte flags(int entry) {
    return flags[entry];
  }

  /** The option's facts, ascending (a copy). */
  public int[] facts(int option) {
    return Arrays.copyOfRange(facts, start[option], start[option + 1]);
  }
}
