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
 * @param consumer the consumer the option is placed for: its own, or a device its representative
 *     device stands for
 * @param order the canonical position of that consumer (its first fact)
 */
public record Assignment(
    Option option, List<Share> shares, String choice, String consumer, int order) {
  public Assignment {
    requireNonNull(option, "option");
    shares = ImmutableList.copyOf(shares);
    requireNonNull(choice, "choice");
    requireNonNull(consumer, "consumer");
  }
}
