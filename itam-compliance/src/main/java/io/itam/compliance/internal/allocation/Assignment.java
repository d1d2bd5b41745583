package io.itam.compliance.internal.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.demand.Option;
import java.util.List;

/**
 * An option the allocation chose, and how its units are covered.
 *
 * @param option the chosen option
 * @param shares its units, per line, by entitlement or short
 * @param choice when other covers were possible: what was chosen and what the alternatives would
 *     have needed and cost; empty otherwise
 */
public record Assignment(Option option, List<Share> shares, String choice) {
  public Assignment {
    requireNonNull(option, "option");
    shares = ImmutableList.copyOf(shares);
    requireNonNull(choice, "choice");
  }
}
