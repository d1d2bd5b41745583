package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a member's demand depends on, up to the names of its consumers: for every fact (in order)
 * its record key, the unit class of its consumer and whether it is required; for every option (in
 * canonical order) its licence model, units rule and parameters, scope terms and the facts it may
 * cover with their tags (devices numbered within the member) and flags. Two members with the same
 * signature have the same ways to cover, the same shapes and the same eligible entitlements, so one
 * representative speaks for both.
 */
final class Signature {
  private final int[] key;
  private final int hash;

  private Signature(int[] key) {
    this.key = key;
    this.hash = Arrays.hashCode(key);
  }

  /**
   * The signature of {@code member} of {@code family}, or {@code null} when the member must be
   * worked out on its own: its terms name consumers (pinned allocations) or only its rule can count
   * its units.
   */
  static @Nullable Signature of(Demand demand, int family, MemberProblem member) {
    if (demand.families.pinned(family)) {
      return null;
    }
    OptionTable table = member.table();
    EstateIndex index = demand.index;
    int size = 3 + 4 * member.factCount();
    for (int o = 0; o < member.optionCount(); o++) {
      UnitsRule rule = table.unitsRule(member.option(o));
      if (rule == UnitsRule.GENERIC || rule == UnitsRule.PEAK) {
        return null;
      }
      size += 11 + 3 * table.factCount(member.option(o)) + table.moreScope(member.option(o)).length;
    }
    int[] key = new int[size];
    int k = 0;
    key[k++] = family;
    key[k++] = member.factCount();
    key[k++] = member.optionCount();
    Map<Integer, Integer> localDevice = new HashMap<>();
    for (int f = 0; f < member.factCount(); f++) {
      int fact = member.fact(f);
      int device = demand.facts.device(fact);
      int unit = device >= 0 ? index.deviceUnit(device) : userUnit(demand, fact);
      key[k++] = demand.facts.recordKey(fact);
      key[k++] = demand.families.unitClass(family, unit);
      key[k++] = member.required(f) ? 1 : 0;
      key[k++] = device < 0 ? -1 : local(localDevice, device);
    }
    for (int o = 0; o < member.optionCount(); o++) {
      int row = member.option(o);
      key[k++] = table.model(row);
      key[k++] = table.unitsRule(row).ordinal();
      key[k++] = (int) (table.param(row) >>> 32);
      key[k++] = (int) table.param(row);
      key[k++] = (int) (table.param2(row) >>> 32);
      key[k++] = (int) table.param2(row);
      int scope = table.scopeUnit(row);
      key[k++] = scope < 0 ? scope : demand.families.unitClass(family, scope);
      key[k++] = (table.scopeFromFacts(row) ? 2 : 0) + (table.activeIfVirtual(row) ? 1 : 0);
      int[] more = table.moreScope(row);
      key[k++] = more.length;
      for (int unit : more) {
        key[k++] = unit < 0 ? unit : demand.families.unitClass(family, unit);
      }
      key[k++] = table.factCount(row);
      key[k++] = -7; // separator
      UnitsRule rule = table.unitsRule(row);
      boolean devicesTagged = rule == UnitsRule.SECOND_USE || rule == UnitsRule.HOST_SETS;
      for (int e = table.start(row); e < table.end(row); e++) {
        int tag = rule == UnitsRule.CONSTANT ? 0 : table.tag(e);
        if (devicesTagged && tag >= 0) {
          tag = local(localDevice, tag);
        }
        key[k++] = Arrays.binarySearch(member.facts(), table.fact(e));
        key[k++] = tag;
        key[k++] = table.flags(e);
      }
    }
    return new Signature(key);
  }

  /** The device's number within the member, in order of first appearance. */
  private static int local(Map<Integer, Integer> numbers, int device) {
    Integer known = numbers.get(device);
    if (known == null) {
      known = numbers.size();
      numbers.put(device, known);
    }
    return known;
  }

  private static int userUnit(Demand demand, int fact) {
    int user = demand.facts.user(fact);
    return user >= 0 ? demand.index.userUnit(user) : EstateIndex.NO_UNIT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && hash == s.hash && Arrays.equals(key, s.key);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
