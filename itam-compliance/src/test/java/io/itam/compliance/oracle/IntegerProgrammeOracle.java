package io.itam.compliance.oracle;

import io.itam.compliance.oracle.Problem.Choice;
import io.itam.compliance.oracle.Problem.Demand;
import io.itam.compliance.oracle.Problem.Licence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;

/**
 * The independent optimality oracle: the documented objective as an integer programme, solved by
 * ojAlgo tier by tier (tier 1 minimised; then, with tier 1 fixed at its optimum, tier 3).
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
 * never lower either tier, so the optimum is the documented one. Money is in whole cents, so every
 * objective value is an integer well inside a double's exact range; the MIP gap tolerance is set
 * far below one cent.
 */
final class IntegerProgrammeOracle {
  private IntegerProgrammeOracle() {}

  /** The lexicographic optimum of {@code problem}: least tier 1, then least tier 3. */
  static Objective optimum(Problem problem) {
    return lexicographic(problem, false);
  }

  /**
   * The optimum with one more tier between the documented two: least short units. Not the
   * documented objective (under it, short units inside a pack already paid for are free, so tier 3
   * may leave a licence idle rather than consume it); the survey uses it to count how often that
   * reading matters.
   */
  static Objective optimumShortingLeast(Problem problem) {
    return lexicographic(problem, true);
  }

  private static Objective lexicographic(Problem problem, boolean leastShortUnits) {
    if (problem.demands().isEmpty()) {
      return new Objective(0, 0);
    }
    long shortfall = solve(problem, Tier.SHORTFALL, null, null);
    Long shortUnits = leastShortUnits ? solve(problem, Tier.SHORT_UNITS, shortfall, null) : null;
    long consumed = solve(problem, Tier.CONSUMED, shortfall, shortUnits);
    return new Objective(shortfall, consumed);
  }

  private enum Tier {
    SHORTFALL,
    SHORT_UNITS,
    CONSUMED
  }

  /** Minimises {@code tier} with the tiers before it held at their optimum (when given). */
  private static long solve(
      Problem problem, Tier tier, @Nullable Long shortfall, @Nullable Long shortUnits) {
    Programme programme = new Programme(problem);
    if (shortfall != null) {
      programme.shortfall.upper(shortfall);
    }
    if (shortUnits != null) {
      programme.shortUnits.upper(shortUnits);
    }
    Expression objective =
        switch (tier) {
          case SHORTFALL -> programme.shortfall;
          case SHORT_UNITS -> programme.shortUnits;
          case CONSUMED -> programme.consumed;
        };
    objective.weight(1);
    Optimisation.Result result = programme.model.minimise();
    if (!result.getState().isOptimal()) {
      throw new IllegalStateException("ojAlgo did not prove an optimum: " + result.getState());
    }
    double value = result.getValue();
    long rounded = Math.round(value);
    if (Math.abs(value - rounded) > 1e-6) {
      throw new IllegalStateException("objective " + value + " is not integral");
    }
    return rounded;
  }

  private static Optimisation.Options options() {
    Optimisation.Options options = new Optimisation.Options();
    // One thread (the build machine is shared; results do not depend on it) and a gap far below
    // one cent of the largest objective value.
    options.integer(
        IntegerStrategy.DEFAULT.withParallelism(() -> 1).withGapTolerance(NumberContext.of(12, 8)));
    options.time_abort = 60_000L;
    return options;
  }

  /** Option key: model index and device. */
  private record OptionKey(int model, String device) {}

  /** One assignment variable with what it assigns. */
  private record Assigned(Demand demand, Choice choice, Variable variable) {}

  /** The variables and constraints of one estate's programme. */
  private static final class Programme {
    final ExpressionsBasedModel model = new ExpressionsBasedModel(options());
    final Expression shortfall = model.addExpression("tier1");
    final Expression consumed = model.addExpression("tier3");
    final Expression shortUnits = model.addExpression("shortUnits");
    private final Problem problem;
    private final Map<OptionKey, List<Assigned>> assignedTo = new LinkedHashMap<>();
    private final Map<OptionKey, Variable> units = new LinkedHashMap<>();
    private final Map<OptionKey, List<Variable>> allocated = new LinkedHashMap<>();

    Programme(Problem problem) {
      this.problem = problem;
      assignments();
      units();
      allocations();
      shortfall();
    }

    private void assignments() {
      int i = 0;
      for (Demand demand : problem.demands()) {
        Expression once = model.addExpression("once" + i).level(1);
        for (Choice choice : demand.choices()) {
          Variable a = model.addVariable("a" + i + "_" + choice.model()).binary();
          once.set(a, 1);
          assignedTo
              .computeIfAbsent(
                  new OptionKey(choice.model(), demand.device()), k -> new ArrayList<>())
              .add(new Assigned(demand, choice, a));
        }
        i++;
      }
    }

    private void units() {
      assignedTo.forEach(
          (key, assigned) -> {
            Problem.Model m = problem.models().get(key.model());
            Variable u = model.addVariable("u" + key).integer().lower(0).upper(assigned.size());
            units.put(key, u);
            if (!m.perInstallation()) {
              u.upper(1);
              for (Assigned a : assigned) {
                model.addExpression().lower(0).set(u, 1).set(a.variable(), -1);
              }
            } else if (!m.suite()) {
              Expression sum = model.addExpression().level(0).set(u, 1);
              assigned.forEach(a -> sum.set(a.variable(), -1));
            } else {
              Map<String, Expression> perProduct = new LinkedHashMap<>();
              for (Assigned a : assigned) {
                perProduct
                    .computeIfAbsent(
                        a.demand().product(), p -> model.addExpression().lower(0).set(u, 1))
                    .set(a.variable(), -1);
              }
            }
          });
    }

    private void allocations() {
      for (Licence licence : problem.licences()) {
        Expression total = model.addExpression().upper(licence.quantity());
        for (String device : licence.devices()) {
          OptionKey key = new OptionKey(licence.model(), device);
          Variable u = units.get(key);
          if (u == null) {
            continue; // nothing of this model to cover on the device
          }
          Variable x =
              model
                  .addVariable("x" + licence.id() + "@" + device)
                  .integer()
                  .lower(0)
                  .upper(licence.quantity());
          total.set(x, 1);
          allocated.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
          consumed.set(x, licence.priceCents());
          for (Assigned a : assignedTo.get(key)) {
            if (!licence.maintains(a.choice().upgradeReleased())) {
              model
                  .addExpression()
                  .upper(licence.quantity())
                  .set(x, 1)
                  .set(a.variable(), licence.quantity());
            }
          }
        }
      }
      allocated.forEach(
          (key, xs) -> {
            Expression cap = model.addExpression().upper(0).set(units.get(key), -1);
            xs.forEach(x -> cap.set(x, 1));
          });
    }

    /** Tier 1: the short units of every model, in whole packs at the remedy price when priced. */
    private void shortfall() {
      for (int m = 0; m < problem.models().size(); m++) {
        // short units of an option = u − Σ x; priced, a pack row reads packSize·k − short ≥ 0
        Expression packs = problem.priced() ? model.addExpression().lower(0) : null;
        long maxUnits = 0;
        for (Map.Entry<OptionKey, Variable> option : units.entrySet()) {
          if (option.getKey().model() != m) {
            continue;
          }
          maxUnits += assignedTo.get(option.getKey()).size();
          List<Variable> xs = allocated.getOrDefault(option.getKey(), List.of());
          for (Expression target :
              packs == null ? List.of(shortUnits, shortfall) : List.of(shortUnits)) {
            target.set(option.getValue(), 1);
            xs.forEach(x -> target.set(x, -1));
          }
          if (packs != null) {
            packs.set(option.getValue(), -1);
            xs.forEach(x -> packs.set(x, 1));
          }
        }
        if (packs != null && maxUnits > 0) {
          Problem.Model terms = problem.models().get(m);
          long packSize = terms.packSize();
          Variable k =
              model
                  .addVariable("k" + m)
                  .integer()
                  .lower(0)
                  .upper((maxUnits + packSize - 1) / packSize);
          packs.set(k, packSize);
          shortfall.set(k, Math.multiplyExact(packSize, terms.remedyCents()));
        }
      }
    }
  }
}
