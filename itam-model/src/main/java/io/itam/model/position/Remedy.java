package io.itam.model.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.itam.model.Decimals;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What to buy to close a shortfall: whole sale packs of a licence model (WS-02, SQL-03).
 *
 * @param licenseModel the model to buy
 * @param packs packs to buy
 * @param units units those packs hold ({@code packs × packSize}, at least the shortfall)
 * @param cost what they cost; {@code null} when no price is known
 */
public record Remedy(String licenseModel, long packs, long units, @Nullable BigDecimal cost) {

  public Remedy {
    cost = Decimals.normalize(cost);
    requireNonNull(licenseModel, "licenseModel");
    checkArgument(packs > 0 && units >= packs, "a remedy buys at least one pack");
  }
}
