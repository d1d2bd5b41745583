package io.itam.compliance.internal.demand;

import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Usage;
import io.itam.model.terms.LicenseModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  private static String window(LocalDate asOf, long windowDays) {
    return windowDays + "-day window " + windowStart(asOf, windowDays) + ".." + asOf;
  }

  /**
   * Adds one option per usage pool of {@code model}: the pool's usage facts in the window and the
   * installations that fall into it. Usage outside the window and installations no pool contains
   * are refused with the reason.
   */
  static void offer(
      RuleContext context,
      LicenseModel model,
      int m,
      int[] facts,
      int count,
      long windowDays,
      String metricName,
      OptionTable out,
      Refusals refusals) {
    EstateIndex index = context.index;
    LocalDate asOf = index.asOf();
    Map<String, List<Integer>> pools = new TreeMap<>();
    List<Integer> installations = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int f = facts[i];
      Fact.Kind kind = context.facts.kind(f);
      if (kind == Fact.Kind.USAGE) {
        Usage usage = context.facts.usage(f);
        if (inWindow(usage, asOf, windowDays)) {
          pools.computeIfAbsent(key(usage.unit()), k -> new ArrayList<>()).add(f);
        } else {
          refusals.refuse(
              f,
              "measured "
                  + usage.from()
                  + ".."
                  + usage.until()
                  + ", outside the "
                  + window(asOf, windowDays));
        }
      } else if (kind == Fact.Kind.INSTALLATION) {
        installations.add(f);
      } else {
        refusals.refuse(
            f, "model " + model.id() + " (" + metricName + ") does not count access records");
      }
    }
    String[] keys = pools.keySet().toArray(new String[0]);
    int[] depth = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      depth[k] = index.depthOf(keys[k].equals(ALL) ? null : keys[k]);
    }
    for (int f : installations) {
      Device device = index.device(context.facts.device(f));
      String best = null;
      int bestDepth = -1;
      for (int k = 0; k < keys.length; k++) {
        String unit = keys[k].equals(ALL) ? null : keys[k];
        if ((unit == null || index.isWithin(device.unit(), unit)) && depth[k] > bestDepth) {
          best = keys[k];
          bestDepth = depth[k];
        }
      }
      if (best == null) {
        refusals.refuse(
            f,
            "model "
                + model.id()
                + " ("
                + metricName
                + ") counts measured usage, and no usage of "
                + index.productIds().asList().get(context.facts.product(f))
                + " covering "
                + (device.unit() == null ? "device " + device.id() : "unit " + device.unit())
                + " was measured in the "
                + window(asOf, windowDays));
      } else {
        pools.get(best).add(f);
      }
    }
    pools.forEach(
        (poolKey, members) -> {
          String unit = poolKey.equals(ALL) ? null : poolKey;
          members.sort(null);
          long[] peaks =
              members.stream()
                  .filter(f -> context.facts.kind(f) == Fact.Kind.USAGE)
                  .mapToLong(f -> context.facts.usage(f).peakConcurrentUsers())
                  .distinct()
                  .sorted()
                  .toArray();
          out.begin(m, Fact.usagePool(unit), Long.MIN_VALUE);
          for (int f : members) {
            int tag =
                context.facts.kind(f) == Fact.Kind.USAGE
                    ? java.util.Arrays.binarySearch(
                        peaks, context.facts.usage(f).peakConcurrentUsers())
                    : -1;
            out.fact(f, tag, (byte) 0);
          }
          out.units(UnitsRule.PEAK, 0, 0);
          out.scope(unit == null ? OptionTable.UNASSIGNED : index.unitOf(unit), false, false);
          out.keep(new Pool(unit, windowDays, metricName, peaks));
          out.end();
        });
  }

  /**
   * What counting and explaining a pool needs: its unit, window and wording, and the distinct peaks
   * of its measurements, ascending (a usage fact's tag is the position of its peak).
   */
  record Pool(@Nullable String unit, long windowDays, String metricName, long[] peaks) {}

  /** The pool option covering {@code assigned}: the highest peak among its usage facts. */
  static Option explain(
      RuleContext context, LicenseModel model, OptionTable table, int option, int[] assigned) {
    Pool pool = (Pool) java.util.Objects.requireNonNull(table.payload(option));
    String consumer = table.consumer(option);
    long peak = 0;
    int measurements = 0;
    int installs = 0;
    Option.Builder builder = Option.builder(model, consumer);
    for (int f : assigned) {
      if (context.facts.kind(f) == Fact.Kind.USAGE) {
        peak = Math.max(peak, context.facts.usage(f).peakConcurrentUsers());
        measurements++;
      } else {
        installs++;
        builder.device(context.index.device(context.facts.device(f)).id());
      }
    }
    builder
        .units(peak)
        .line(consumer, peak, "")
        .arithmetic(
            pool.metricName()
                + ": highest peak "
                + peak
                + " among "
                + RuleContext.plural(measurements, "usage record", "usage records")
                + " in the "
                + window(context.index.asOf(), pool.windowDays())
                + (pool.unit() == null ? " (whole organisation)" : " (" + pool.unit() + ")")
                + (installs == 0
                    ? ""
                    : "; covers " + RuleContext.plural(installs, "installation", "installations")))
        .scope(pool.unit());
    return context.withCoverage(builder, model, assigned).build();
  }

  private static String key(@Nullable String unit) {
    return unit == null ? ALL : unit;
  }
}
