package io.itam.compliance.internal.allocation;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.Option;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.entitlement.Entitlement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
  private final Map<Option, Integer> typeOfOption = new HashMap<>();

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

  int typeOf(Option option) {
    return typeOfOption.get(option);
  }

  private void internTypes(List<Option> options) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < entitlements.size(); i++) {
      position.put(entitlements.get(i).id(), i);
    }
    Map<SlotType.Key, Integer> interned = new HashMap<>();
    for (Option option : options) {
      List<Entitlement> candidates = index.entitlementsOf(option.model().id());
      int[] eligible = new int[candidates.size()];
      boolean[] preferred = new boolean[candidates.size()];
      int n = 0;
      for (Entitlement e : candidates) {
        if (eligibility.refusal(option, e) == null) {
          eligible[n] = position.get(e.id());
          preferred[n] = eligibility.isPinnedTo(e, option);
          n++;
        }
      }
      SlotType.Key key =
          new SlotType.Key(
              option.model().id(),
              java.util.Arrays.copyOf(eligible, n),
              java.util.Arrays.copyOf(preferred, n));
      Integer id = interned.get(key);
      if (id == null) {
        id = types.size();
        interned.put(key, id);
        types.add(new SlotType(id, option.model(), key.entitlements(), key.preferred()));
      }
      typeOfOption.put(option, id);
    }
  }

  private List<Member> members(Demand demand, int coverBudget) {
    int factCount = demand.facts().size();
    UnionFind groups = new UnionFind(factCount);
    for (Option option : demand.options()) {
      int[] facts = option.facts();
      for (int i = 1; i < facts.length; i++) {
        groups.union(facts[0], facts[i]);
      }
    }
    Map<Integer, List<Option>> optionsOfGroup = new TreeMap<>();
    Map<Integer, List<Integer>> factsOfGroup = new TreeMap<>();
    for (Option option : demand.options()) {
      int[] facts = option.facts();
      if (facts.length > 0) {
        optionsOfGroup.computeIfAbsent(groups.find(facts[0]), k -> new ArrayList<>()).add(option);
      }
    }
    boolean[] inGroup = new boolean[factCount];
    for (List<Option> options : optionsOfGroup.values()) {
      for (Option option : options) {
        for (int f : option.facts()) {
          inGroup[f] = true;
        }
      }
    }
    for (int f = 0; f < factCount; f++) {
      if (inGroup[f]) {
        factsOfGroup.computeIfAbsent(groups.find(f), k -> new ArrayList<>()).add(f);
      }
    }
    List<Member> members = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> group : factsOfGroup.entrySet()) {
      int[] facts = group.getValue().stream().mapToInt(Integer::intValue).toArray();
      List<Option> options = optionsOfGroup.get(group.getKey());
      boolean[] required = new boolean[facts.length];
      boolean any = false;
      for (int i = 0; i < facts.length; i++) {
        required[i] = !demand.isOptional(facts[i]);
        any |= required[i];
      }
      if (!any) {
        continue; // nothing here needs a licence (access to a product licensed per server)
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
      members.add(new Member(facts[0], new ArrayList<>(byShape.values()), !enumerator.complete()));
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
