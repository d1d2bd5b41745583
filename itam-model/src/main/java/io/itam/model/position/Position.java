package io.itam.model.position;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The effective licence position (ELP) of an estate on a date: per licence what is owned, consumed
 * and spare; per product what is required, covered and short, with the remedy; and per consumer
 * which entitlement covers it, or why none does.
 *
 * @param format the document format ({@code 1})
 * @param asOf the date the position is computed for
 * @param currency the currency of every amount; {@code null} when the estate has no prices
 * @param compliant {@code true} when nothing is short
 * @param summary totals
 * @param licenses one row per licence model with entitlements, by model id
 * @param products one row per product and licence model with demand, by product then model
 * @param allocations per-consumer allocations, by model, product, consumer, entitlement
 * @param shortfalls per-consumer shortfalls, by model, product, consumer
 * @param exempt exempted consumption, by product, consumer
 * @param rejected input records that do not count, by record kind, consumer, product
 * @param notes pools solved by a heuristic after the exact search ran out of budget
 * @param accounting what became of every installation, access and usage record
 * @param detail which per-consumer lists the position holds; the summary counts the rows of the
 *     full detail
 */
public record Position(
    int format,
    LocalDate asOf,
    @Nullable String currency,
    boolean compliant,
    Summary summary,
    List<LicensePosition> licenses,
    List<ProductPosition> products,
    List<Allocation> allocations,
    List<Shortfall> shortfalls,
    List<Exempt> exempt,
    List<Rejected> rejected,
    List<SolverNote> notes,
    List<Accounting> accounting,
    Detail detail) {

  public Position {
    requireNonNull(asOf, "asOf");
    requireNonNull(summary, "summary");
    licenses = ImmutableList.copyOf(licenses);
    products = ImmutableList.copyOf(products);
    allocations = ImmutableList.copyOf(allocations);
    shortfalls = ImmutableList.copyOf(shortfalls);
    exempt = ImmutableList.copyOf(exempt);
    rejected = ImmutableList.copyOf(rejected);
    notes = ImmutableList.copyOf(notes);
    accounting = ImmutableList.copyOf(accounting);
    requireNonNull(detail, "detail");
  }

  /** A position with every per-consumer list ({@link Detail#ALL}). */
  public Position(
      int format,
      LocalDate asOf,
      @Nullable String currency,
      boolean compliant,
      Summary summary,
      List<LicensePosition> licenses,
      List<ProductPosition> products,
      List<Allocation> allocations,
      List<Shortfall> shortfalls,
      List<Exempt> exempt,
      List<Rejected> rejected,
      List<SolverNote> notes,
      List<Accounting> accounting) {
    this(
        format,
        asOf,
        currency,
        compliant,
        summary,
        licenses,
        products,
        allocations,
        shortfalls,
        exempt,
        rejected,
        notes,
        accounting,
        Detail.ALL);
  }
}
