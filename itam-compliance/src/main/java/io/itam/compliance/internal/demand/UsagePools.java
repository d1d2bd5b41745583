package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Usage;
import io.itam.model.terms.LicenseModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Usage measurements grouped into pools: one pool per measured organisation unit (or the whole
 * organisation), whose concurrent-user count is the highest peak among the measurements that
 * overlap a window ending on the as-of date ("5 concurrent licenses → up to 5 employees at any
 * given time"; sampled peaks [3, 7, 5] → 7). Installations of the product join the pool of the
 * nearest measured unit above them.
 */
final class UsagePools {
  /** Key of the pool of the whole organisation. */
  private static final String ALL = "";

  private UsagePools() {}

  /**
   * The consumer id of the usage pool of {@code unit}: {@code usage:acme-de}, or {@code usage:all}.
   */
  static String consumerId(@Nullable String unit) {
    return "usage:" + (unit == null ? "all" : unit);
  }

  /** First day of the {@code windowDays}-day window that ends on {@code asOf}. */
  static LocalDate windowStart(LocalDate asOf, long windowDays) {
    // The window is cut at the first day there is (an as-of date near LocalDate.MIN).
    long start = asOf.toEpochDay() - (windowDays - 1);
    return start < LocalDate.MIN.toEpochDay() ? LocalDate.MIN : LocalDate.ofEpochDay(start);
  }

  /**
   * Whether {@code usage} overlaps the window of {@code windowDays} days ending on {@code asOf}.
   */
  static boolean inWindow(Usage usage, LocalDate asOf, long windowDays) {
    return !usage.from().isAfter(asOf) && !usage.until().isBefore(windowStart(asOf, windowDays));
  }

  /**
   * Adds one option per usage pool of {@code model}: the pool's usage facts in the window and the
   * installations that fall into it, needing the pool's highest peak in units. Usage outside the
   * window and installations no pool contains are refused with the reason.
   */
  static void evaluate(
      LicenseModel model,
      List<MetricEvaluator.Coverable> facts,
      long windowDays,
      String metricName,
      EstateIndex index,
      List<Option> options,
      Map<Integer, String> refusals) {
    LocalDate asOf = index.asOf();
    LocalDate start = windowStart(asOf, windowDays);
    String window = windowDays + "-day window " + start + ".." + asOf;
    Map<String, List<MetricEvaluator.Coverable>> pools = new TreeMap<>();
    List<MetricEvaluator.Coverable> installations = new ArrayList<>();
    for (MetricEvaluator.Coverable c : facts) {
      Fact fact = c.fact();
      if (fact.kind() == Fact.Kind.USAGE) {
        Usage usage = Objects.requireNonNull(fact.usage());
        if (inWindow(usage, asOf, windowDays)) {
          pools.computeIfAbsent(key(usage.unit()), k -> new ArrayList<>()).add(c);
        } else {
          refusals.put(
              fact.id(),
              "measured " + usage.from() + ".." + usage.until() + ", outside the " + window);
        }
      } else if (fact.kind() == Fact.Kind.INSTALLATION) {
        installations.add(c);
      } else {
        refusals.put(
            fact.id(),
            "model " + model.id() + " (" + metricName + ") does not count access records");
      }
    }
    for (MetricEvaluator.Coverable c : installations) {
      Device device = Objects.requireNonNull(c.fact().device());
      String best = null;
      int bestDepth = -1;
      for (String poolKey : pools.keySet()) {
        String unit = poolKey.equals(ALL) ? null : poolKey;
        if (unit == null || index.isWithin(device.unit(), unit)) {
          int depth = index.depthOf(unit);
          if (depth > bestDepth) {
            best = poolKey;
            bestDepth = depth;
          }
        }
      }
      if (best == null) {
        refusals.put(
            c.fact().id(),
            "model "
                + model.id()
                + " ("
                + metricName
                + ") counts measured usage, and no usage of "
                + c.fact().product()
                + " covering "
                + (device.unit() == null ? "device " + device.id() : "unit " + device.unit())
                + " was measured in the "
                + window);
      } else {
        pools.get(best).add(c);
      }
    }
    pools.forEach(
        (poolKey, members) -> {
          String unit = poolKey.equals(ALL) ? null : poolKey;
          String consumer = consumerId(unit);
          long peak = 0;
          int measurements = 0;
          int installs = 0;
          for (MetricEvaluator.Coverable c : members) {
            if (c.fact().kind() == Fact.Kind.USAGE) {
              peak = Math.max(peak, Objects.requireNonNull(c.fact().usage()).peakConcurrentUsers());
              measurements++;
            } else {
              installs++;
            }
          }
          members.sort(java.util.Comparator.comparingInt(c -> c.fact().id()));
          Option.Builder option =
              Option.builder(model, consumer)
                  .facts(DeviceGroups.ids(members))
                  .units(peak)
                  .line(consumer, peak, "")
                  .arithmetic(
                      metricName
                          + ": highest peak "
                          + peak
                          + " among "
                          + DeviceGroups.plural(measurements, "usage record", "usage records")
                          + " in the "
                          + window
                          + (unit == null ? " (whole organisation)" : " (" + unit + ")")
                          + (installs == 0
                              ? ""
                              : "; covers "
                                  + DeviceGroups.plural(installs, "installation", "installations")))
                  .scope(unit);
          for (MetricEvaluator.Coverable c : members) {
            if (c.fact().device() != null) {
              option.device(c.fact().device().id());
            }
          }
          options.add(DeviceGroups.withCoverage(option, members).build());
        });
  }

  private static String key(@Nullable String unit) {
    return unit == null ? ALL : unit;
  }
}
