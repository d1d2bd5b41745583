package io.itam.io.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.itam.io.internal.Amounts;
import io.itam.model.Estate;
import io.itam.model.position.Position;
import io.itam.model.position.PositionDiff;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An effective licence position as a licence manager reads it: the position itself, and, when the
 * estate it was computed from is given, the names and publishers of its products, its breakdowns by
 * publisher and by organisation unit (chargeback: the shortfall cost and the surplus value each
 * cost centre is answerable for), the entitlements and maintenance that expire soon, and, when the
 * last position is given, the trend (what changed since, as {@link PositionDiff} says). The text
 * table ({@link PositionTable}), the HTML report ({@link PositionHtml}) and the workbook ({@link
 * PositionXlsx}) all show one.
 *
 * <pre>{@code
 * PositionReport report =
 *     PositionReport.of(position).withEstate(estate).withPrevious(lastMonth).withExpiryHorizon(90);
 * PositionHtml.create().write(report, Path.of("report.html"));
 * }</pre>
 *
 * <p>Amounts and counts are shown grouped as the report's locale does it (English unless {@link
 * #withLocale} says otherwise): {@code 20,468.00}. Instances are immutable and thread-safe.
 */
public final class PositionReport {
  /** Days ahead the report looks for what expires, unless told otherwise. */
  public static final int DEFAULT_EXPIRY_HORIZON_DAYS = 90;

  /** The longest look ahead: ten years. */
  public static final int MAX_EXPIRY_HORIZON_DAYS = 3660;

  private final Position position;
  private final @Nullable Estate estate;
  private final @Nullable PositionDiff trend;
  private final Locale locale;
  private final int horizon;
  private final ReportFacts facts;

  private PositionReport(
      Position position,
      @Nullable Estate estate,
      @Nullable PositionDiff trend,
      Locale locale,
      int horizon,
      ReportFacts facts) {
    this.position = position;
    this.estate = estate;
    this.trend = trend;
    this.locale = locale;
    this.horizon = horizon;
    this.facts = facts;
  }

  /** The report of {@code position} alone: ids only, no breakdowns, expiries or trend. */
  public static PositionReport of(Position position) {
    requireNonNull(position, "position");
    return new PositionReport(
        position,
        null,
        null,
        Locale.ENGLISH,
        DEFAULT_EXPIRY_HORIZON_DAYS,
        ReportFacts.of(position, null, DEFAULT_EXPIRY_HORIZON_DAYS));
  }

  /**
   * A report like this one that knows the estate the position was computed from: the names of its
   * products, their publishers, its organisation units and entitlements.
   */
  public PositionReport withEstate(Estate estate) {
    requireNonNull(estate, "estate");
    return new PositionReport(
        position, estate, trend, locale, horizon, ReportFacts.of(position, estate, horizon));
  }

  /**
   * A report like this one with the trend since {@code previous}, the last position of the estate.
   *
   * @throws IllegalArgumentException when the two positions have different currencies
   */
  public PositionReport withPrevious(Position previous) {
    PositionDiff diff = PositionDiff.between(requireNonNull(previous, "previous"), position);
    return new PositionReport(position, estate, diff, locale, horizon, facts);
  }

  /** A report like this one whose numbers are grouped as {@code locale} groups them. */
  public PositionReport withLocale(Locale locale) {
    return new PositionReport(
        position, estate, trend, requireNonNull(locale, "locale"), horizon, facts);
  }

  /**
   * A report like this one listing what expires within {@code days} days of the position's date.
   *
   * @throws IllegalArgumentException unless {@code days} is from 0 to {@value
   *     #MAX_EXPIRY_HORIZON_DAYS}
   */
  public PositionReport withExpiryHorizon(int days) {
    checkArgument(
        days >= 0 && days <= MAX_EXPIRY_HORIZON_DAYS,
        "days: must be from 0 to %s, was %s",
        MAX_EXPIRY_HORIZON_DAYS,
        days);
    return new PositionReport(
        position, estate, trend, locale, days, ReportFacts.of(position, estate, days));
  }

  public Position position() {
    return position;
  }

  /** Whether the estate is known, and with it names, breakdowns and expiries. */
  public boolean hasEstate() {
    return estate != null;
  }

  /** What changed since the previous position; {@code null} when none was given. */
  public @Nullable PositionDiff trend() {
    return trend;
  }

  public Locale locale() {
    return locale;
  }

  /** Days ahead {@link #expiries()} looks. */
  public int expiryHorizon() {
    return horizon;
  }

  /** The last day {@link #expiries()} covers. */
  public LocalDate expiryLimit() {
    return position.asOf().plusDays(horizon);
  }

  /** The name of product {@code id} in the catalogue; {@code null} when unknown or unnamed. */
  public @Nullable String productName(String id) {
    return facts.name(id);
  }

  /** The publisher of product {@code id}; {@code null} when unknown. */
  public @Nullable String publisher(String id) {
    return facts.publisher(id);
  }

  /** The product licence model {@code id} grants; {@code null} when unknown. */
  public @Nullable String productOfModel(String id) {
    return facts.productOfModel(id);
  }

  /** The metric of licence model {@code id}; {@code null} when unknown. */
  public @Nullable MetricType metricOfModel(String id) {
    return facts.metricOfModel(id);
  }

  /**
   * Per publisher, largest shortfall cost first: the product rows, what is short and what closing
   * it costs, and the value of the unused licences. Empty without the estate.
   */
  public List<PublisherRow> publishers() {
    return facts.publishers();
  }

  /**
   * Per organisation unit, largest shortfall cost first: the chargeback of the position. A product
   * row's shortfall cost is shared among the units of the consumers short of it, in proportion to
   * their units (the remainder of the rounding to the currency's digits going to the largest
   * shares, so the units add up to the row); a licence's surplus value belongs to the scope of the
   * entitlements left unused. Consumers in no unit, and pools of named users, are shown under
   * {@code null}; entitlements scoped to no unit under {@link UnitRow#ORGANISATION}. Empty without
   * the estate, or when the position does not list its shortfalls and allocations.
   */
  public List<UnitRow> units() {
    return facts.units();
  }

  /**
   * Entitlements whose validity or maintenance ends from the position's date to {@link
   * #expiryLimit()}, soonest first. Empty without the estate.
   */
  public List<Expiry> expiries() {
    return facts.expiries();
  }

  /** {@code amount} for people: grouped as the locale does, with the currency's digits. */
  public String money(BigDecimal amount) {
    return Amounts.grouped(amount, position.currency(), locale);
  }

  /** {@code count} for people, grouped as the locale does. */
  public String count(long count) {
    return Amounts.count(count, locale);
  }

  /**
   * One publisher's part of the position.
   *
   * @param publisher the publisher; {@code null} for products without one (or unknown products)
   * @param productRows product rows of its products
   * @param shortfallRows of those, the rows short of licences
   * @param shortfallUnits units short
   * @param shortfallCost what closing the priced shortfalls costs
   * @param unpricedRows rows short without a price (not in the cost)
   * @param surplusValue what the unused licences of its products cost
   */
  public record PublisherRow(
      @Nullable String publisher,
      long productRows,
      long shortfallRows,
      long shortfallUnits,
      BigDecimal shortfallCost,
      long unpricedRows,
      BigDecimal surplusValue) {

    public PublisherRow {
      requireNonNull(shortfallCost, "shortfallCost");
      requireNonNull(surplusValue, "surplusValue");
    }
  }

  /**
   * One organisation unit's part of the position: what it is short of and what its licences left
   * unused are worth.
   *
   * @param unit the unit; {@code null} for consumers in no unit (and pools of named users), {@link
   *     #ORGANISATION} for entitlements scoped to no unit
   * @param parents the unit's parents, the root first (empty for the root and the pseudo-units)
   * @param shortfallUnits units its consumers are short of
   * @param shortfallCost its share of the shortfall cost
   * @param unpricedUnits units short without a price (not in the cost)
   * @param surplusValue the value of the unused licences scoped to it
   */
  public record UnitRow(
      @Nullable String unit,
      List<String> parents,
      long shortfallUnits,
      BigDecimal shortfallCost,
      long unpricedUnits,
      BigDecimal surplusValue) {

    /** The pseudo-unit of entitlements scoped to the whole organisation. */
    public static final String ORGANISATION = "(whole organisation)";

    public UnitRow {
      parents = ImmutableList.copyOf(parents);
      requireNonNull(shortfallCost, "shortfallCost");
      requireNonNull(surplusValue, "surplusValue");
    }
  }

  /** What of an entitlement expires. */
  public enum Ending {
    /** Its validity: the licence can no longer be used (a subscription, a term licence). */
    VALIDITY("validity"),
    /** Its maintenance: no more upgrades, no more rights that need maintenance. */
    MAINTENANCE("maintenance");

    private final String id;

    Ending(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * An entitlement whose validity or maintenance ends soon.
   *
   * @param entitlement its id
   * @param licenseModel its licence model
   * @param product the product the model grants; {@code null} when unknown
   * @param ending what ends
   * @param date the last day it is valid or maintained
   * @param daysLeft days from the position's date to that day
   * @param quantity units it holds
   * @param consumed units of it allocated in the position; {@code null} when the position does not
   *     list its allocations
   * @param value what its units cost (quantity × unit price); {@code null} without a price
   */
  public record Expiry(
      String entitlement,
      String licenseModel,
      @Nullable String product,
      Ending ending,
      LocalDate date,
      long daysLeft,
      long quantity,
      @Nullable Long consumed,
      @Nullable BigDecimal value) {

    public Expiry {
      requireNonNull(entitlement, "entitlement");
      requireNonNull(licenseModel, "licenseModel");
      requireNonNull(ending, "ending");
      requireNonNull(date, "date");
    }
  }
}
