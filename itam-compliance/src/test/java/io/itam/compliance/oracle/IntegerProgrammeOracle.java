package io.itam.compliance.oracle;

import io.itam.compliance.oracle.Problem.Choice;
import io.itam.compliance.oracle.Problem.Demand;
import io.itam.compliance.oracle.Problem.Licence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;

/**
 * The documented objective a second way, as an integer programme solved by ojAlgo: the check of the
 * {@link EnumerationOracle} (which is the oracle the engine is held to). The two share only the
 * {@link Problem}; a formulation slip in either shows as a disagreement in {@link
 * IntegerProgrammeProperties}.
 *
 * <pre>
 * a[i,m] ∈ {0,1}   installation i is assigned to model m (one of the models covering it)
 *                  Σ_m a[i,m] = 1
 * u[m,d] ∈ ℕ       units of the option of model m on device d
 *                  device metric:        u ≥ a[i,m] for each i on d, u ≤ 1
 *                  installation metric:  u = Σ_i a[i,m] over i on d
 *                  suite installation:   u ≥ Σ_i a[i,m] over i on d of each one product
 * x[e,d] ∈ ℕ       units of entitlement e (valid, of model m, scope containing d) on option (m,d)
 *                  Σ_d x[e,d] ≤ quantity(e),  Σ_e x[e,d] ≤ u[m,d]
 *                  x[e,d] ≤ quantity(e)·(1 − a[i,m]) for each upgrade i on d that e's maintenance
 *                  does not reach (big-M eligibility)
 * k[m] ∈ ℕ         packs short: packSize(m)·k[m] ≥ Σ_d u[m,d] − Σ x[e,d] over e of m
 * tier 1 = Σ_m k[m]·packSize(m)·remedy(m)   (unpriced estates: Σ_m of the short units)
 * tier 3 = Σ x[e,d]·price(e)
 * </pre>
 *
 * <p>The extra units a free {@code u} could take (device and suite rows are bounded below only)
 * never lower either tier, so the optimum is the documented one. The tiers are solved at once, as
 * tier 1 × W + tier 3 with W one more than the largest tier 3 possible, so that one cent of tier 1
 * outweighs any tier 3.
 *
 * <p>ojAlgo works in doubles: the programme is kept here in exact {@code long}s as well, and every
 * answer is checked against it (integral, within every bound and row) and valued from it, so an
 * infeasible answer is an exception, never a wrong figure. ojAlgo 55.2.0 (and 54.0.0) is not always
 * right about optimality on these programmes, though: with its presolvers (the default) it returned
 * a feasible but suboptimal solution as optimal on 1 of 30,000 random estates (and, when tier 1 was
 * bounded at its optimum and solved again, declared a feasible programme infeasible); without them
 * it returns infeasible solutions often. So this is a cross-check, not the oracle. Money is in
 * whole cents.
 */
final class IntegerProgrammeOracle {
  private IntegerProgrammeOracle() {}

  /** The lexicographic optimum of {@code problem}: least tier 1, then least tier 3. */
  static Objective optimum(Problem problem) {
    if (problem.demands().isEmpty()) {
      return new Objective(0, 0);
    }
    Programme programme = new Formulation(problem).programme;
    long shortfallWeight = programme.bound(Tier.CONSUMED) + 1;
    long[] solution = programme.minimise(shortfallWeight);
    return new Objective(
        programme.value(Tier.SHORTFALL, solution), programme.value(Tier.CONSUMED, solution));
  }

  /** The objective tiers a column may weigh in. */
  private enum Tier {
    SHORTFALL,
    CONSUMED
  }

  /** An integer programme in exact terms: bounded integer columns, rows, tier weights. */
  private static final class Programme {
    private record Column(String name, long lower, long upper, long[] tierWeights) {}

    private record Row(Map<Integer, Long> coefficients, long lower, long upper) {}

    private final List<Column> columns = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    int column(String name, long lower, long upper) {
      columns.add(new Column(name, lower, upper, new long[Tier.values().length]));
      return columns.size() - 1;
    }

    /** Adds {@code weight} to the column's coefficient in {@code tier}. */
    void weigh(int column, Tier tier, long weight) {
      long[] weights = columns.get(column).tierWeights();
      weights[tier.ordinal()] = Math.addExact(weights[tier.ordinal()], weight);
    }

    /** lower ≤ Σ coefficient·column ≤ upper ({@link Long#MIN_VALUE}/{@code MAX_VALUE}: open). */
    void row(Map<Integer, Long> coefficients, long lower, long upper) {
      rows.add(new Row(Map.copyOf(coefficients), lower, upper));
    }

    /** An upper bound of {@code tier} within the column bounds (every column is at least 0). */
    long bound(Tier tier) {
      long bound = 0;
      for (Column c : columns) {
        long weight = Math.max(0, c.tierWeights()[tier.ordinal()]);
        bound = Math.addExact(bound, Math.multiplyExact(weight, c.upper()));
      }
      return bound;
    }

    long value(Tier tier, long[] solution) {
      long value = 0;
      for (int j = 0; j < columns.size(); j++) {
        long weight = columns.get(j).tierWeights()[tier.ordinal()];
        value = Math.addExact(value, Math.multiplyExact(weight, solution[j]));
      }
      return value;
    }

    /** The optimal column values of shortfallWeight × tier 1 + tier 3, checked exactly. */
    long[] minimise(long shortfallWeight) {
      ExpressionsBasedModel model = new ExpressionsBasedModel(options());
      List<Variable> variables = new ArrayList<>();
      for (Column c : columns) {
        long[] w = c.tierWeights();
        long weight =
            Math.addExact(
                Math.multiplyExact(shortfallWeight, w[Tier.SHORTFALL.ordinal()]),
                w[Tier.CONSUMED.ordinal()]);
        variables.add(
            model.addVariable(c.name()).integer().lower(c.lower()).upper(c.upper()).weight(weight));
      }
      for (Row row : rows) {
        Expression expression = model.addExpression();
        row.coefficients().forEach((j, a) -> expression.set(variables.get(j), a));
        if (row.lower() != Long.MIN_VALUE) {
          expression.lower(row.lower());
        }
        if (row.upper() != Long.MAX_VALUE) {
          expression.upper(row.upper());
        }
      }
      Optimisation.Result result = model.minimise();
      if (!result.getState().isOptimal()) {
        throw new IllegalStateException("ojAlgo proved no optimum: " + result.getState() + model);
      }
      return checked(result, model);
    }

    private long[] checked(Optimisation.Result result, ExpressionsBasedModel model) {
      long[] solution = new long[columns.size()];
      for (int j = 0; j < solution.length; j++) {
        double value = result.doubleValue(j);
        solution[j] = Math.round(value);
        Column c = columns.get(j);
        if (Math.abs(value - solution[j]) > 1e-6
            || solution[j] < c.lower()
            || solution[j] > c.upper()) {
          throw new IllegalStateException("ojAlgo: " + c.name() + " = " + value + " in " + model);
        }
      }
      for (Row row : rows) {
        long sum = 0;
        for (Map.Entry<Integer, Long> term : row.coefficients().entrySet()) {
          sum = Math.addExact(sum, Math.multiplyExact(term.getValue(), solution[term.getKey()]));
        }
        if (sum < row.lower() || sum > row.upper()) {
          throw new IllegalStateException("ojAlgo: row " + row + " violated in " + model);
        }
      }
      return solution;
    }

    private static Optimisation.Options options() {
      Optimisation.Options options = new Optimisation.Options();
      // One thread (the build machine is shared; results do not depend on it) and a relative gap
      // far below one unit of the largest weighted objective (about 1e10).
      options.integer(
          IntegerStrategy.DEFAULT
              .withParallelism(() -> 1)
              .withGapTolerance(NumberContext.of(15, 8)));
      options.time_abort = 60_000L;
      return options;
    }
  }

  /** Option key: model index and device. */
  private record OptionKey(int model, String device) {}

  /** One assignment column with what it assigns. */
  private record Assigned(Demand demand, Choice choice, int column) {}

  /** The columns and rows of one estate's programme, as the class javadoc states them. */
  private static final class Formulation {
    final Programme programme = new Programme();
    private final Problem problem;
    private final Map<OptionKey, List<Assigned>> assignedTo = new LinkedHashMap<>();
    private final Map<OptionKey, Integer> units = new LinkedHashMap<>();
    private final Map<OptionKey, List<Integer>> allocated = new LinkedHashMap<>();

    Formulation(Problem problem) {
      this.problem = problem;
      assignments();
      units();
      allocations();
      shortfall();
    }

    private void assignments() {
      int i = 0;
      for (Demand demand : problem.demands()) {
        Map<Integer, Long> once = new LinkedHashMap<>();
        for (Choice choice : demand.choices()) {
          int a = programme.column("a" + i + "_" + choice.model(), 0, 1);
          once.put(a, 1L);
          assignedTo
              .computeIfAbsent(
                  new OptionKey(choice.model(), demand.device()), k -> new ArrayList<>())
              .add(new Assigned(demand, choice, a));
        }
        programme.row(once, 1, 1);
        i++;
      }
    }

    private void units() {
      assignedTo.forEach(
          (key, assigned) -> {
            Problem.Model m = problem.models().get(key.model());
            int u = programme.column("u" + key, 0, m.perInstallation() ? assigned.size() : 1);
            units.put(key, u);
            if (!m.perInstallation()) {
              for (Assigned a : assigned) {
                programme.row(Map.of(u, 1L, a.column(), -1L), 0, Long.MAX_VALUE);
              }
            } else if (!m.suite()) {
              Map<Integer, Long> sum = new LinkedHashMap<>(Map.of(u, 1L));
              assigned.forEach(a -> sum.put(a.column(), -1L));
              programme.row(sum, 0, 0);
            } else {
              Map<String, Map<Integer, Long>> perProduct = new LinkedHashMap<>();
              for (Assigned a : assigned) {
                perProduct
                    .computeIfAbsent(a.demand().product(), p -> new LinkedHashMap<>(Map.of(u, 1L)))
                    .put(a.column(), -1L);
              }
              perProduct.values().forEach(row -> programme.row(row, 0, Long.MAX_VALUE));
            }
          });
    }

    private void allocations() {
      for (Licence licence : problem.licences()) {
        Map<Integer, Long> total = new LinkedHashMap<>();
        for (String device : licence.devices()) {
          OptionKey key = new OptionKey(licence.model(), device);
          if (!units.containsKey(key)) {
            continue; // nothing of this model to cover on the device
          }
          int x = programme.column("x" + licence.id() + "@" + device, 0, licence.quantity());
          total.put(x, 1L);
          allocated.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
          programme.weigh(x, Tier.CONSUMED, licence.priceCents());
          for (Assigned a : assignedTo.get(key)) {
            if (!licence.maintains(a.choice().upgradeReleased())) {
              long bigM = licence.quantity();
              programme.row(Map.of(x, 1L, a.column(), bigM), Long.MIN_VALUE, bigM);
            }
          }
        }
        if (!total.isEmpty()) {
          programme.row(total, Long.MIN_VALUE, licence.quantity());
        }
      }
      allocated.forEach(
          (key, xs) -> {
            Map<Integer, Long> cap = new LinkedHashMap<>(Map.of(units.get(key), -1L));
            xs.forEach(x -> cap.put(x, 1L));
            programme.row(cap, Long.MIN_VALUE, 0);
          });
    }

    /** Tier 1: the short units of every model, in whole packs at the remedy price when priced. */
    private void shortfall() {
      for (int m = 0; m < problem.models().size(); m++) {
        Map<Integer, Long> packs = new LinkedHashMap<>(); // packSize·k − (Σ u − Σ x) ≥ 0
        long maxUnits = 0;
        for (Map.Entry<OptionKey, Integer> option : units.entrySet()) {
          if (option.getKey().model() != m) {
            continue;
          }
          int u = option.getValue();
          List<Integer> xs = allocated.getOrDefault(option.getKey(), List.of());
          maxUnits += assignedTo.get(option.getKey()).size();
          if (!problem.priced()) {
            programme.weigh(u, Tier.SHORTFALL, 1);
            xs.forEach(x -> programme.weigh(x, Tier.SHORTFALL, -1));
          }
          packs.put(u, -1L);
          xs.forEach(x -> packs.put(x, 1L));
        }
        if (problem.priced() && maxUnits > 0) {
          Problem.Model terms = problem.models().get(m);
          long packSize = terms.packSize();
          int k = programme.column("k" + m, 0, (maxUnits + packSize - 1) / packSize);
          packs.put(k, packSize);
          programme.row(packs, 0, Long.MAX_VALUE);
          programme.weigh(k, Tier.SHORTFALL, Math.multiplyExact(packSize, terms.remedyCents()));
        }
      }
    }
  }
}
