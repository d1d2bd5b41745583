package io.itam.model.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.itam.model.Decimals;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One product, measured in the units of one licence model: what its use requires, what is covered,
 * what is short (under-licensing) and what closing the gap costs.
 *
 * @param product the product licensed (for a suite licence, the suite)
 * @param licenseModel the model whose units measure the requirement; {@code null} when no licence
 *     model covers the product's use at all (then units are records)
 * @param required units the use requires
 * @param covered units covered by entitlements
 * @param shortfall units not covered
 * @param shortfallCost what the remedy costs; {@code null} when no price is known or there is no
 *     remedy
 * @param remedy what to buy; {@code null} when nothing is short or no model can be bought
 */
public record ProductPosition(
    String product,
    @Nullable String licenseModel,
    long required,
    long covered,
    long shortfall,
    @Nullable BigDecimal shortfallCost,
    @Nullable Remedy remedy) {

  public ProductPosition {
    shortfallCost = Decimals.normalize(shortfallCost);
    requireNonNull(product, "product");
    checkArgument(covered >= 0 && shortfall >= 0, "covered and shortfall must not be negative");
    checkArgument(
        Math.addExact(covered, shortfall) == required,
        "covered %s + shortfall %s must equal required %s",
        covered,
        shortfall,
        required);
    checkArgument(shortfall > 0 || remedy == null, "no remedy without a shortfall");
  }
}
