package io.itam.model.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.model.Decimals;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.util.List;

/**
 * One licence model with its entitlements pooled: what is owned and what is used of it.
 *
 * @param licenseModel the licence model
 * @param entitlements ids of the model's entitlements valid on the as-of date, sorted
 * @param metric the model's metric
 * @param entitled units owned (the valid entitlements' quantities); for an unlimited (site) model,
 *     equal to {@code consumed}
 * @param consumed units allocated to consumers
 * @param surplus units owned and not consumed: over-licensing
 * @param surplusValue what the surplus units cost (their entitlements' unit prices)
 * @param unlimited a site licence: never short, never in surplus
 */
public record LicensePosition(
    String licenseModel,
    List<String> entitlements,
    MetricType metric,
    long entitled,
    long consumed,
    long surplus,
    BigDecimal surplusValue,
    boolean unlimited) {

  public LicensePosition {
    surplusValue = Decimals.normalize(surplusValue);
    requireNonNull(licenseModel, "licenseModel");
    entitlements = ImmutableList.copyOf(entitlements);
    requireNonNull(metric, "metric");
    requireNonNull(surplusValue, "surplusValue");
    checkArgument(consumed >= 0 && surplus >= 0, "consumed and surplus must not be negative");
    checkArgument(
        Math.addExact(consumed, surplus) == entitled,
        "consumed %s + surplus %s must equal entitled %s",
        consumed,
        surplus,
        entitled);
    checkArgument(!unlimited || surplus == 0, "an unlimited licence has no surplus");
  }
}
