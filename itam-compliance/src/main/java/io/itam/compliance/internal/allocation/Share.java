package io.itam.compliance.internal.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.itam.compliance.internal.demand.Option;
import io.itam.model.entitlement.Entitlement;
import org.jspecify.annotations.Nullable;

/**
 * Units of one consumer's line covered by one entitlement, or, without an entitlement, short.
 *
 * @param line the consumer's line of the option
 * @param entitlement the entitlement consumed; {@code null} for a shortfall
 * @param units the units
 */
public record Share(Option.Line line, @Nullable Entitlement entitlement, long units) {
  public Share {
    requireNonNull(line, "line");
    checkArgument(units > 0, "a share is at least one unit, was %s", units);
  }

  public boolean isShort() {
    return entitlement == null;
  }
}
