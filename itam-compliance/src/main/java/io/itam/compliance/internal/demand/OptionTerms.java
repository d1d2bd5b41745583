package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.eligibility.SlotTypes;
import io.itam.compliance.internal.facts.RecordColumns;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.terms.LicenseModel;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The two ways to count a member's options for the {@link ShapeEnumerator}.
 *
 * <p>{@link Fast} reads the option table: the units rule with its tags and flags, and the scope,
 * maintenance and virtualization terms, straight from the columns. {@link Explained} builds each
 * option as people read it ({@link MetricRule#explain}) and asks the {@link
 * io.itam.compliance.internal.eligibility.Eligibility} of each entitlement: slower, needed where
 * the terms name consumers (pinned allocations) or where only the rule can count (named-user
 * minimums, aggregates), and the way the reference engine counts everything.
 */
final class OptionTerms {
  private OptionTerms() {}

  /** Counts from the option table. */
  static final class Fast implements ShapeEnumerator.Evaluator {
    private final RuleContext context;
    private final SlotTypes types;
    private final MemberProblem member;
    private final Explained explained;

    Fast(RuleContext context, SlotTypes types, MemberProblem member) {
      this.context = context;
      this.types = types;
      this.member = member;
      this.explained = new Explained(context, types, member);
    }

    @Override
    public long units(int o, int[] facts, int count) {
      OptionTable table = member.table();
      int row = member.option(o);
      return switch (table.unitsRule(row)) {
        case CONSTANT -> table.param(row);
        case MAX_PER_TAG -> maxPerTag(o, facts, count);
        case SECOND_USE -> secondUse(o, facts, count);
        case HOST_SETS -> hostSets(o, facts, count);
        case PEAK -> peak(o, facts, count);
        case GENERIC -> explained.units(o, facts, count);
      };
    }

    private long maxPerTag(int o, int[] facts, int count) {
      int[] tags = ownTags(o, facts, count);
      Arrays.sort(tags);
      long best = 0;
      for (int i = 0; i < tags.length; ) {
        int j = i;
        while (j < tags.length && tags[j] == tags[i]) {
          j++;
        }
        best = Math.max(best, j - i);
        i = j;
      }
      return best;
    }

    private long secondUse(int o, int[] facts, int count) {
      OptionTable table = member.table();
      long[] devices = new long[count];
      int n = 0;
      for (int i = 0; i < count; i++) {
        int entry = member.entry(o, facts[i]);
        boolean portable = (table.flags(entry) & OptionTable.PORTABLE) != 0;
        devices[n++] = (long) table.tag(entry) << 1 | (portable ? 1 : 0);
      }
      Arrays.sort(devices, 0, n);
      int distinct = 0;
      int fixed = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || devices[i] != devices[i - 1]) {
          distinct++;
          fixed += (devices[i] & 1) == 0 ? 1 : 0;
        }
      }
      return Math.max(fixed, (distinct + 1) / 2);
    }

    private long hostSets(int o, int[] facts, int count) {
      OptionTable table = member.table();
      int row = member.option(o);
      int[] tags = ownTags(o, facts, count);
      Arrays.sort(tags);
      int vms = 0;
      for (int i = 0; i < tags.length; i++) {
        if (tags[i] >= 0 && (i == 0 || tags[i] != tags[i - 1])) {
          vms++;
        }
      }
      long perSet = table.param2(row);
      long sets = (Math.max(1, vms) + perSet - 1) / perSet;
      return Math.multiplyExact(table.param(row), sets);
    }

    private long peak(int o, int[] facts, int count) {
      OptionTable table = member.table();
      int best = -1;
      for (int i = 0; i < count; i++) {
        best = Math.max(best, table.tag(member.entry(o, facts[i])));
      }
      UsagePools.Pool pool = (UsagePools.Pool) table.payload(member.option(o));
      return best < 0 ? 0 : java.util.Objects.requireNonNull(pool).peaks()[best];
    }

    /** The tags of the given facts that are the option's own (free riders add no units). */
    private int[] ownTags(int o, int[] facts, int count) {
      OptionTable table = member.table();
      int[] tags = new int[count];
      int n = 0;
      for (int i = 0; i < count; i++) {
        int entry = member.entry(o, facts[i]);
        if ((table.flags(entry) & OptionTable.FREE) == 0) {
          tags[n++] = table.tag(entry);
        }
      }
      return Arrays.copyOf(tags, n);
    }

    @Override
    public int slotType(int o, int[] facts, int count) {
      OptionTable table = member.table();
      int row = member.option(o);
      if (table.unitsRule(row) == UnitsRule.GENERIC) {
        return explained.slotType(o, facts, count);
      }
      EstateIndex index = context.index;
      int model = table.model(row);
      int[] units = new int[count + 1];
      int n = 0;
      boolean unassigned = false;
      int[] more = table.moreScope(row);
      units = Arrays.copyOf(units, units.length + more.length);
      for (int scope : concat(table.scopeUnit(row), more)) {
        if (scope == OptionTable.UNASSIGNED) {
          unassigned = true;
        } else if (scope >= 0) {
          units[n++] = scope;
        }
      }
      long maintenance = RecordColumns.NO_DATE;
      boolean virtual = false;
      for (int i = 0; i < count; i++) {
        int fact = member.fact(facts[i]);
        int entry = member.entry(o, facts[i]);
        virtual |= (table.flags(entry) & OptionTable.VIRTUAL) != 0;
        LocalDate needed = context.coverage(model, fact).maintenanceNeeded();
        if (needed != null) {
          maintenance = Math.max(maintenance, RecordColumns.day(needed));
        }
        if (table.scopeFromFacts(row)) {
          int device = context.facts.device(fact);
          int unit =
              device >= 0 ? index.deviceUnit(device) : index.userUnit(context.facts.user(fact));
          if (unit == EstateIndex.NO_UNIT) {
            unassigned = true;
          } else {
            units[n++] = unit;
          }
        }
      }
      int[] distinct = Arrays.stream(units, 0, n).sorted().distinct().toArray();
      return types.fast(
          model, distinct, unassigned, maintenance, virtual && table.activeIfVirtual(row));
    }
  }

  private static int[] concat(int first, int[] rest) {
    int[] all = new int[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** Counts by explaining each option and asking every entitlement. */
  static final class Explained implements ShapeEnumerator.Evaluator {
    private final RuleContext context;
    private final SlotTypes types;
    private final MemberProblem member;

    Explained(RuleContext context, SlotTypes types, MemberProblem member) {
      this.context = context;
      this.types = types;
      this.member = member;
    }

    /** Option {@code o} explained for local facts {@code facts[0, count)}. */
    Option explain(int o, int[] facts, int count) {
      OptionTable table = member.table();
      int row = member.option(o);
      int[] global = new int[count];
      for (int i = 0; i < count; i++) {
        global[i] = member.fact(facts[i]);
      }
      LicenseModel model = context.index.model(table.model(row));
      return MetricRule.of(model).explain(context, model, table, row, global);
    }

    @Override
    public long units(int o, int[] facts, int count) {
      return explain(o, facts, count).units();
    }

    @Override
    public int slotType(int o, int[] facts, int count) {
      return types.of(member.table().model(member.option(o)), explain(o, facts, count));
    }
  }
}
