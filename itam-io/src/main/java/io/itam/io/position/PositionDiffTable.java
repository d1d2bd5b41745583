package io.itam.io.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.itam.io.internal.Amounts;
import io.itam.io.internal.TextTable;
import io.itam.model.position.Allocation;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.PositionDiff;
import io.itam.model.position.PositionDiff.AllocationChange;
import io.itam.model.position.PositionDiff.Change;
import io.itam.model.position.PositionDiff.LicenceChange;
import io.itam.model.position.PositionDiff.ProductChange;
import io.itam.model.position.PositionDiff.RejectedChange;
import io.itam.model.position.PositionDiff.ShortfallChange;
import io.itam.model.position.PositionDiff.Totals;
import io.itam.model.position.ProductPosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link PositionDiff} as plain text for a licence manager comparing two runs: a header
 * (dates, compliance before and after, shortfall cost and surplus value with their change, a count
 * of every kind of change), then one table per kind of change that has rows: shortfalls (new,
 * resolved, changed, with the reason), product rows, licence rows, allocations (gained, lost,
 * moved: the entitlements and units before and after) and rejected records (new, gone). A value
 * that changed reads {@code before → after}; one that did not is shown once.
 *
 * <pre>
 * POSITION CHANGES
 * as of           2026-10-27 → 2026-11-27
 * status          NOT COMPLIANT (unchanged)
 * shortfall cost  20468.00 → 21688.00 EUR (+1220.00)
 * </pre>
 *
 * <p>Same conventions as {@link PositionTable}: deterministic, numbers grouped as the locale does
 * it (English unless {@link #withLocale} says otherwise), amounts exact with the currency's minor
 * digits, {@code \n} line endings, no trailing spaces, control characters escaped, tables fitted to
 * the width. Instances are immutable and thread-safe.
 */
public final class PositionDiffTable {
  /** The width used unless {@link #withWidth(int)} says otherwise: 120 characters. */
  public static final int DEFAULT_WIDTH = 120;

  /** The narrowest width accepted: 40 characters. */
  public static final int MIN_WIDTH = 40;

  private static final PositionDiffTable DEFAULT =
      new PositionDiffTable(DEFAULT_WIDTH, Locale.ENGLISH);
  private static final String NONE = "—";
  private static final String ARROW = " → ";

  private final int width;
  private final Locale locale;

  private PositionDiffTable(int width, Locale locale) {
    this.width = width;
    this.locale = locale;
  }

  /** A table {@value #DEFAULT_WIDTH} characters wide. */
  public static PositionDiffTable create() {
    return DEFAULT;
  }

  /**
   * A table like this one, {@code width} characters wide.
   *
   * @throws IllegalArgumentException if {@code width} is less than {@value #MIN_WIDTH}
   */
  public PositionDiffTable withWidth(int width) {
    checkArgument(width >= MIN_WIDTH, "width: must be at least %s, was %s", MIN_WIDTH, width);
    return new PositionDiffTable(width, locale);
  }

  /** A table like this one whose numbers are grouped as {@code locale} groups them. */
  public PositionDiffTable withLocale(Locale locale) {
    return new PositionDiffTable(width, requireNonNull(locale, "locale"));
  }

  public int width() {
    return width;
  }

  public Locale locale() {
    return locale;
  }

  /** The text of {@code diff}, each line ending in {@code \n}. */
  public String render(PositionDiff diff) {
    StringBuilder text = new StringBuilder();
    try {
      render(diff, text);
    } catch (IOException e) {
      throw new UncheckedIOException("appending to a StringBuilder cannot fail", e);
    }
    return text.toString();
  }

  /**
   * Appends the text of {@code diff} to {@code out}.
   *
   * @throws IOException when {@code out} fails
   */
  public void render(PositionDiff diff, Appendable out) throws IOException {
    requireNonNull(diff, "diff");
    requireNonNull(out, "out");
    new Rendering(diff, out, "").render();
  }

  /**
   * Appends the changes of {@code diff} as a section of a position's report: {@code CHANGES SINCE
   * <date>}, the totals before and after, then the tables, each titled {@code CHANGED …}.
   */
  void renderTrend(PositionDiff diff, Appendable out) throws IOException {
    new Rendering(diff, out, "CHANGED ").trend();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PositionDiffTable other
        && width == other.width
        && locale.equals(other.locale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, locale);
  }

  @Override
  public String toString() {
    return "PositionDiffTable[width=" + width + ", locale=" + locale.toLanguageTag() + "]";
  }

  /** The rendering of one diff. */
  private final class Rendering {
    private final PositionDiff diff;
    private final Appendable out;
    private final String prefix;

    Rendering(PositionDiff diff, Appendable out, String prefix) {
      this.diff = diff;
      this.out = out;
      this.prefix = prefix;
    }

    void render() throws IOException {
      out.append("POSITION CHANGES\n");
      TextTable.fields(fields(), width, out);
      if (diff.isEmpty()) {
        out.append("\nNo changes.\n");
        return;
      }
      sections();
    }

    void trend() throws IOException {
      out.append("CHANGES SINCE ").append(diff.before().asOf().toString()).append('\n');
      TextTable.fields(fields(), width, out);
      sections();
    }

    private void sections() throws IOException {
      section("SHORTFALLS", diff.shortfalls(), shortfalls());
      section("PRODUCTS", diff.products(), products());
      section("LICENCES", diff.licences(), licences());
      section("ALLOCATIONS", diff.allocations(), allocations());
      section("REJECTED", diff.rejected(), rejected());
    }

    private List<String[]> fields() {
      Totals was = diff.before();
      Totals is = diff.after();
      String currency = diff.currency();
      String suffix = currency == null ? "" : " " + currency;
      List<String[]> fields = new ArrayList<>();
      fields.add(new String[] {"as of", pair(was.asOf().toString(), is.asOf().toString())});
      fields.add(
          new String[] {
            "currency", pair(orText(was.currency(), "none"), orText(is.currency(), "none"))
          });
      String status =
          was.compliant() == is.compliant()
              ? status(is.compliant()) + " (unchanged)"
              : status(was.compliant()) + ARROW + status(is.compliant());
      fields.add(new String[] {"status", status});
      fields.add(
          new String[] {
            "shortfall cost",
            amounts(was.shortfallCost(), is.shortfallCost(), suffix, diff.shortfallCostChange())
          });
      if (was.unpricedShortfalls() > 0 || is.unpricedShortfalls() > 0) {
        fields.add(
            new String[] {
              "unpriced",
              (was.unpricedShortfalls() == is.unpricedShortfalls()
                      ? count(is.unpricedShortfalls(), "product row", "product rows")
                      : number(was.unpricedShortfalls())
                          + ARROW
                          + count(is.unpricedShortfalls(), "product row", "product rows"))
                  + " short of licences without a known price"
            });
      }
      fields.add(
          new String[] {
            "surplus value",
            amounts(was.surplusValue(), is.surplusValue(), suffix, diff.surplusValueChange())
          });
      fields.add(new String[] {"changes", counts()});
      if (!diff.notCompared().isEmpty()) {
        fields.add(
            new String[] {
              "not compared",
              String.join(", ", diff.notCompared())
                  + ": a position does not list them (reconciled with less detail)"
            });
      }
      return fields;
    }

    private String counts() {
      if (diff.shortfalls().isEmpty()
          && diff.products().isEmpty()
          && diff.licences().isEmpty()
          && diff.allocations().isEmpty()
          && diff.rejected().isEmpty()) {
        return "none";
      }
      List<String> parts = new ArrayList<>();
      tally(
          parts,
          diff.shortfalls(),
          ShortfallChange::change,
          Change.ADDED,
          "new shortfall",
          "new shortfalls");
      tally(
          parts,
          diff.shortfalls(),
          ShortfallChange::change,
          Change.REMOVED,
          "resolved shortfall",
          "resolved shortfalls");
      tally(
          parts,
          diff.shortfalls(),
          ShortfallChange::change,
          Change.CHANGED,
          "changed shortfall",
          "changed shortfalls");
      tally(parts, diff.products(), ProductChange::change, null, "product row", "product rows");
      tally(parts, diff.licences(), LicenceChange::change, null, "licence row", "licence rows");
      tally(
          parts,
          diff.allocations(),
          AllocationChange::change,
          Change.ADDED,
          "consumer gained licences",
          "consumers gained licences");
      tally(
          parts,
          diff.allocations(),
          AllocationChange::change,
          Change.REMOVED,
          "consumer lost licences",
          "consumers lost licences");
      tally(
          parts,
          diff.allocations(),
          AllocationChange::change,
          Change.CHANGED,
          "consumer's licences moved",
          "consumers' licences moved");
      tally(
          parts,
          diff.rejected(),
          RejectedChange::change,
          Change.ADDED,
          "record newly rejected",
          "records newly rejected");
      tally(
          parts,
          diff.rejected(),
          RejectedChange::change,
          Change.REMOVED,
          "record no longer rejected",
          "records no longer rejected");
      return String.join(", ", parts);
    }

    /** Adds {@code "2 new shortfalls"}: the rows changed as {@code kind} (any when null). */
    private <T> void tally(
        List<String> parts,
        List<T> rows,
        Function<T, Change> change,
        @Nullable Change kind,
        String one,
        String many) {
      long n = rows.stream().filter(r -> kind == null || change.apply(r) == kind).count();
      if (n > 0) {
        parts.add(count(n, one, many));
      }
    }

    private <T> void section(String title, List<T> rows, TextTable<T> table) throws IOException {
      if (rows.isEmpty()) {
        return;
      }
      out.append('\n')
          .append(prefix)
          .append(title)
          .append(" (")
          .append(Amounts.count(rows.size(), locale))
          .append(")\n");
      table.render(rows, width, out);
    }

    private TextTable<ShortfallChange> shortfalls() {
      return TextTable.<ShortfallChange>of()
          .left("change", s -> shortfallWord(s.change()))
          .left("consumer", ShortfallChange::consumer)
          .left("product", ShortfallChange::product)
          .left("model", s -> orText(s.licenseModel(), NONE))
          .right("units", s -> units(s.unitsBefore(), s.unitsAfter()))
          .wrapping("reason", ShortfallChange::reason);
    }

    private TextTable<ProductChange> products() {
      return TextTable.<ProductChange>of()
          .left("change", p -> genericWord(p.change()))
          .left("product", ProductChange::product)
          .left("model", p -> orText(p.licenseModel(), NONE))
          .right("required", p -> values(p.before(), p.after(), ProductPosition::required))
          .right("covered", p -> values(p.before(), p.after(), ProductPosition::covered))
          .right("shortfall", p -> values(p.before(), p.after(), ProductPosition::shortfall))
          .right("cost", this::cost);
    }

    private String cost(ProductChange p) {
      String was = p.before() == null ? NONE : cost(p.before());
      String is = p.after() == null ? NONE : cost(p.after());
      return pair(was, is);
    }

    private String cost(ProductPosition p) {
      if (p.shortfall() == 0) {
        return money(BigDecimal.ZERO);
      }
      BigDecimal cost = p.shortfallCost();
      return cost == null ? "unpriced" : money(cost);
    }

    private TextTable<LicenceChange> licences() {
      return TextTable.<LicenceChange>of()
          .left("change", l -> genericWord(l.change()))
          .left("model", LicenceChange::licenseModel)
          .right("entitled", l -> values(l.before(), l.after(), LicensePosition::entitled))
          .right("consumed", l -> values(l.before(), l.after(), LicensePosition::consumed))
          .right("surplus", l -> values(l.before(), l.after(), LicensePosition::surplus))
          .right(
              "surplus value",
              l ->
                  pair(
                      l.before() == null ? NONE : money(l.before().surplusValue()),
                      l.after() == null ? NONE : money(l.after().surplusValue())))
          .wrapping(
              "entitlements",
              l ->
                  pair(
                      l.before() == null ? NONE : String.join(", ", l.before().entitlements()),
                      l.after() == null ? NONE : String.join(", ", l.after().entitlements())));
    }

    private TextTable<AllocationChange> allocations() {
      return TextTable.<AllocationChange>of()
          .left("change", a -> allocationWord(a.change()))
          .left("consumer", AllocationChange::consumer)
          .left("product", AllocationChange::product)
          .left("before", a -> grants(a.before()))
          .wrapping("after", a -> grants(a.after()));
    }

    private TextTable<RejectedChange> rejected() {
      return TextTable.<RejectedChange>of()
          .left("change", r -> rejectedWord(r.change()))
          .left("record", r -> r.record().record())
          .left("consumer", r -> r.record().consumer())
          .left("product", r -> r.record().product())
          .wrapping("reason", r -> r.record().reason());
    }

    private String money(BigDecimal amount) {
      return Amounts.grouped(amount, diff.currency(), locale);
    }

    private String amounts(BigDecimal was, BigDecimal is, String suffix, BigDecimal change) {
      if (was.compareTo(is) == 0) {
        return money(is) + suffix + " (unchanged)";
      }
      return money(was) + ARROW + money(is) + suffix + " (" + signed(change) + ")";
    }

    private String signed(BigDecimal amount) {
      return (amount.signum() > 0 ? "+" : "") + money(amount);
    }
  }

  /** {@code PO-1 ×2, PO-2 ×1 (model)}: what the allocations grant; {@code —} for none. */
  private String grants(List<Allocation> allocations) {
    if (allocations.isEmpty()) {
      return NONE;
    }
    List<String> parts = new ArrayList<>();
    for (Allocation a : allocations) {
      parts.add(a.entitlement() + " ×" + number(a.units()) + " (" + a.licenseModel() + ")");
    }
    return String.join(", ", parts);
  }

  private String units(long was, long is) {
    return was == is ? number(is) : number(was) + ARROW + number(is);
  }

  private String number(long n) {
    return Amounts.count(n, locale);
  }

  private <T> String values(
      @Nullable T before, @Nullable T after, java.util.function.ToLongFunction<T> value) {
    String was = before == null ? NONE : number(value.applyAsLong(before));
    String is = after == null ? NONE : number(value.applyAsLong(after));
    return pair(was, is);
  }

  /** {@code a → b}, or {@code a} when they are equal. */
  private static String pair(String was, String is) {
    return was.equals(is) ? is : was + ARROW + is;
  }

  private static String status(boolean compliant) {
    return compliant ? "COMPLIANT" : "NOT COMPLIANT";
  }

  private static String shortfallWord(Change change) {
    return switch (change) {
      case ADDED -> "new";
      case REMOVED -> "resolved";
      case CHANGED -> "changed";
    };
  }

  private static String allocationWord(Change change) {
    return switch (change) {
      case ADDED -> "gained";
      case REMOVED -> "lost";
      case CHANGED -> "moved";
    };
  }

  private static String rejectedWord(Change change) {
    return switch (change) {
      case ADDED -> "new";
      case REMOVED -> "gone";
      case CHANGED -> "changed";
    };
  }

  private static String genericWord(Change change) {
    return switch (change) {
      case ADDED -> "new";
      case REMOVED -> "gone";
      case CHANGED -> "changed";
    };
  }

  private static String orText(@Nullable String value, String text) {
    return value == null ? text : value;
  }

  private String count(long n, String one, String many) {
    return number(n) + " " + (n == 1 ? one : many);
  }
}
