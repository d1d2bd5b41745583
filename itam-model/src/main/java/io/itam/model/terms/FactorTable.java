package io.itam.model.terms;

import com.google.common.collect.ImmutableSortedMap;
import io.itam.model.Decimals;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A core-factor or PVU table written inline in a document: CPU pattern → factor, with an optional
 * default. Matching follows {@link FactorSource}.
 *
 * @param factors pattern → factor
 * @param defaultFactor the factor when no pattern matches; {@code null} when the table has none
 */
public record FactorTable(Map<String, BigDecimal> factors, @Nullable BigDecimal defaultFactor)
    implements FactorSource {

  public FactorTable {
    ImmutableSortedMap.Builder<String, BigDecimal> normal = ImmutableSortedMap.naturalOrder();
    factors.forEach((pattern, factor) -> normal.put(pattern, Decimals.normalize(factor)));
    factors = normal.buildOrThrow();
    defaultFactor = Decimals.normalize(defaultFactor);
  }

  public static FactorTable of(
      Map<String, BigDecimal> factors, @Nullable BigDecimal defaultFactor) {
    return new FactorTable(factors, defaultFactor);
  }

  @Override
  public Optional<FactorMatch> lookup(@Nullable String cpu, @Nullable Long socketCapacity) {
    if (cpu != null) {
      String haystack = FactorSource.normalize(cpu);
      String best = null;
      for (String pattern : factors.keySet()) {
        String needle = FactorSource.normalize(pattern);
        if (!needle.isEmpty()
            && haystack.contains(needle)
            && (best == null || needle.length() > FactorSource.normalize(best).length())) {
          best = pattern;
        }
      }
      if (best != null) {
        return Optional.of(
            new FactorMatch("inline", best, null, factors.get(best), "inline", true, ""));
      }
    }
    return defaultFactor == null
        ? Optional.empty()
        : Optional.of(
            new FactorMatch("inline", "default", null, defaultFactor, "inline", true, ""));
  }

  @Override
  public String describe() {
    return "inline table";
  }
}
