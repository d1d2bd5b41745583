package io.itam.compliance.internal.allocation;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.Option;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.entitlement.Entitlement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The allocation problem of an estate in aggregated form: options interned into {@link SlotType
 * slot types}, facts grouped into {@link Member members} with their minimal cover patterns, members
 * with the same shapes gathered into {@link DemandClass demand classes}, and classes and
 * entitlements split into independent {@link Pool pools}.
 */
final class AllocationProblem {
  final EstateIndex index;
  final Eligibility eligibility;
  final ImmutableList<Entitlement> entitlements;
  final List<SlotType> types = new ArrayList<>();
  final List<Pool> pools = new ArrayList<>();
  private int[] typeOfOption = new int[0];

  private AllocationProblem(EstateIndex index) {
    this.index = index;
    this.eligibility = new Eligibility(index);
    this.entitlements = index.entitlements();
  }

  static AllocationProblem of(EstateIndex index, Demand demand, int coverBudget) {
    AllocationProblem problem = new AllocationProblem(index);
    problem.internTypes(demand.options());
    List<Member> members = problem.members(demand, coverBudget);
    problem.pool(members);
    return problem;
  }

  /** The terms of an option that the eligibility of an unpinned entitlement depends on. */
  private record EligibilityKey(
      String model,
      java.util.Set<String> scopeUnits,
      boolean unassigned,
      @Nullable LocalDate maintenanceNeeded,
      boolean activeMaintenance) {}

  int typeOf(Option option) {
    return typeOfOption[option.index()];
  }

  private void internTypes(List<Option> options) {
    typeOfOption = new int[options.size()];
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < entitlements.size(); i++) {
      position.put(entitlements.get(i).id(), i);
    }
    Map<SlotType.Key, Integer> interned = new HashMap<>();
    // Eligibility of unpinned entitlements depends only on these terms of an option; for a model
    // without pinned entitlements, so does the slot type.
    Map<EligibilityKey, int[]> unpinnedCache = new HashMap<>();
    Map<EligibilityKey, Integer> typeCache = new HashMap<>();
    Map<String, Boolean> modelHasPins = new HashMap<>();
    for (Option option : options) {
      String modelId = option.model().id();
      List<Entitlement> candidates = index.entitlementsOf(modelId);
      boolean pins =
          modelHasPins.computeIfAbsent(
              modelId, k -> candidates.stream().anyMatch(eligibility::isPinned));
      EligibilityKey cacheKey =
          new EligibilityKey(
              modelId,
              option.scopeUnits(),
              option.hasUnassignedConsumer(),
              option.maintenanceNeeded(),
              option.needsActiveMaintenance());
      if (!pins) {
        Integer known = typeCache.get(cacheKey);
        if (known != null) {
          typeOfOption[option.index()] = known;
          continue;
        }
      }
      int[] unpinned =
          unpinnedCache.computeIfAbsent(
              cacheKey,
              k -> {
                int[] ids = new int[candidates.size()];
                int count = 0;
                for (Entitlement e : candidates) {
                  if (!eligibility.isPinned(e) && eligibility.refusal(option, e) == null) {
                    ids[count++] = position.get(e.id());
                  }
                }
                return java.util.Arrays.copyOf(ids, count);
              });
      int[] eligible;
      boolean[] preferred;
      if (!pins) {
        eligible = unpinned;
        preferred = new boolean[unpinned.length];
      } else {
        eligible = new int[candidates.size()];
        preferred = new boolean[candidates.size()];
        int n = 0;
        int u = 0;
        for (Entitlement e : candidates) {
          int at = position.get(e.id());
          if (eligibility.isPinned(e)) {
            if (eligibility.refusal(option, e) == null) {
              eligible[n] = at;
              preferred[n] = eligibility.isPinnedTo(e, option);
              n++;
            }
          } else if (u < unpinned.length && unpinned[u] == at) {
            eligible[n] = at;
            preferred[n] = false;
            n++;
            u++;
          }
        }
        eligible = java.util.Arrays.copyOf(eligible, n);
        preferred = java.util.Arrays.copyOf(preferred, n);
      }
      SlotType.Key key = new SlotType.Key(modelId, eligible, preferred);
      Integer id = interned.get(key);
      if (id == null) {
        id = types.size();
        interned.put(key, id);
        types.add(new SlotType(id, option.model(), key.entitlements(), key.preferred()));
      }
      if (!pins) {
        typeCache.put(cacheKey, id);
      }
      typeOfOption[option.index()] = id;
    }
  }

  private List<Member> members(Demand demand, int coverBudget) {
    List<Option> all = demand.options();
    int factCount = demand.facts().size();
    UnionFind groups = new UnionFind(factCount);
    boolean[] inGroup = new boolean[factCount];
    for (Option option : all) {
      int count = option.factCount();
      for (int i = 0; i < count; i++) {
        inGroup[option.fact(i)] = true;
        if (i > 0) {
          groups.union(option.fact(0), option.fact(i));
        }
      }
    }
    // Groups in the order of their union-find roots; facts ascending and options in canonical
    // order within each (counting sort on arrays: this runs once per fact).
    int[] groupOfRoot = new int[factCount];
    java.util.Arrays.fill(groupOfRoot, -1);
    for (int f = 0; f < factCount; f++) {
      if (inGroup[f]) {
        groupOfRoot[groups.find(f)] = 0;
      }
    }
    int groupCount = 0;
    for (int r = 0; r < factCount; r++) {
      if (groupOfRoot[r] == 0) {
        groupOfRoot[r] = ++groupCount;
      }
    }
    int[] factStart = new int[groupCount + 1];
    int[] optionStart = new int[groupCount + 1];
    for (int f = 0; f < factCount; f++) {
      if (inGroup[f]) {
        factStart[groupOfRoot[groups.find(f)]]++;
      }
    }
    for (Option option : all) {
      if (option.factCount() > 0) {
        optionStart[groupOfRoot[groups.find(option.fact(0))]]++;
      }
    }
    for (int g = 1; g <= groupCount; g++) {
      factStart[g] += factStart[g - 1];
      optionStart[g] += optionStart[g - 1];
    }
    int[] groupFacts = new int[factStart[groupCount]];
    Option[] groupOptions = new Option[optionStart[groupCount]];
    int[] factFill = java.util.Arrays.copyOf(factStart, groupCount);
    int[] optionFill = java.util.Arrays.copyOf(optionStart, groupCount);
    for (int f = 0; f < factCount; f++) {
      if (inGroup[f]) {
        groupFacts[factFill[groupOfRoot[groups.find(f)] - 1]++] = f;
      }
    }
    for (Option option : all) {
      if (option.factCount() > 0) {
        groupOptions[optionFill[groupOfRoot[groups.find(option.fact(0))] - 1]++] = option;
      }
    }
    List<Member> members = new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      if (g % io.itam.compliance.internal.Cancellation.EVERY == 0) {
        io.itam.compliance.internal.Cancellation.check();
      }
      int[] facts = java.util.Arrays.copyOfRange(groupFacts, factStart[g], factStart[g + 1]);
      List<Option> options =
          java.util.Arrays.asList(groupOptions).subList(optionStart[g], optionStart[g + 1]);
      boolean[] required = new boolean[facts.length];
      boolean any = false;
      for (int i = 0; i < facts.length; i++) {
        required[i] = !demand.isOptional(facts[i]);
        any |= required[i];
      }
      if (!any) {
        continue; // nothing here needs a licence (access to a product licensed per server)
      }
      if (options.size() == 1) {
        // One option covers the group: the only cover.
        members.add(
            new Member(
                facts[0],
                List.of(ImmutableList.of(options.get(0))),
                false,
                demand.instances(options.get(0))));
        continue;
      }
      CoverEnumerator enumerator = new CoverEnumerator(facts, required, options, coverBudget);
      List<List<Integer>> covers = enumerator.run();
      // Shape each cover; keep one cover per shape (the first in option order).
      Map<Shape, ImmutableList<Option>> byShape = new TreeMap<>();
      covers.sort(AllocationProblem::compareCovers);
      for (List<Integer> cover : covers) {
        ImmutableList<Option> chosen =
            cover.stream().map(options::get).collect(ImmutableList.toImmutableList());
        byShape.putIfAbsent(shape(chosen), chosen);
      }
      members.add(
          new Member(
              facts[0],
              new ArrayList<>(byShape.values()),
              !enumerator.complete(),
              demand.instances(options.get(0))));
    }
    return members;
  }

  private static int compareCovers(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  Shape shape(List<Option> pattern) {
    long[][] pairs = new long[pattern.size()][];
    for (int i = 0; i < pairs.length; i++) {
      Option option = pattern.get(i);
      pairs[i] = new long[] {typeOf(option), option.units()};
    }
    java.util.Arrays.sort(
        pairs, Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
    int[] t = new int[pairs.length];
    long[] u = new long[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      t[i] = (int) pairs[i][0];
      u[i] = pairs[i][1];
    }
    return new Shape(t, u);
  }

  private void pool(List<Member> members) {
    Map<List<Shape>, DemandClass> classes = new LinkedHashMap<>();
    for (Member member : members) {
      List<Shape> shapes = new ArrayList<>();
      for (List<Option> pattern : member.patterns) {
        shapes.add(shape(pattern));
      }
      classes.computeIfAbsent(List.copyOf(shapes), DemandClass::new).members.add(member);
    }
    int typeCount = types.size();
    UnionFind components = new UnionFind(typeCount + entitlements.size());
    for (SlotType type : types) {
      for (int e : type.entitlements) {
        components.union(type.id, typeCount + e);
      }
    }
    for (DemandClass demandClass : classes.values()) {
      int first = demandClass.shapes.get(0).types()[0];
      for (Shape shape : demandClass.shapes) {
        for (int t : shape.types()) {
          components.union(first, t);
        }
      }
    }
    Map<Integer, Pool> byRoot = new HashMap<>();
    for (DemandClass demandClass : classes.values()) {
      int root = components.find(demandClass.shapes.get(0).types()[0]);
      Pool pool = byRoot.computeIfAbsent(root, k -> new Pool());
      pool.classes.add(demandClass);
      for (Shape shape : demandClass.shapes) {
        for (int t : shape.types()) {
          pool.types.add(t);
          for (int e : types.get(t).entitlements) {
            pool.entitlements.add(e);
          }
        }
      }
    }
    pools.addAll(byRoot.values());
    pools.sort(Comparator.comparingInt(Pool::order));
  }
}
