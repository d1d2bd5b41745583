package io.itam.model.position;

import static java.util.Objects.requireNonNull;

import io.itam.model.Decimals;
import java.math.BigDecimal;

/**
 * The position at a glance.
 *
 * @param shortfallCost what closing every priced shortfall costs (whole packs)
 * @param surplusValue what the unused units cost
 * @param licenses rows in {@code licenses}
 * @param products rows in {@code products}
 * @param allocations rows in {@code allocations}
 * @param shortfalls rows in {@code shortfalls}
 * @param unpricedShortfalls product rows short of licences with no known price (their cost is not
 *     in {@code shortfallCost})
 * @param exempt rows in {@code exempt}
 * @param rejected rows in {@code rejected}
 */
public record Summary(
    BigDecimal shortfallCost,
    BigDecimal surplusValue,
    long licenses,
    long products,
    long allocations,
    long shortfalls,
    long unpricedShortfalls,
    long exempt,
    long rejected) {

  public Summary {
    shortfallCost = Decimals.normalize(shortfallCost);
    surplusValue = Decimals.normalize(surplusValue);
    requireNonNull(shortfallCost, "shortfallCost");
    requireNonNull(surplusValue, "surplusValue");
  }
}
