package io.itam.io.position;

import io.itam.io.estate.Draw;
import io.itam.io.internal.Amounts;
import io.itam.model.position.Accounting;
import io.itam.model.position.Allocation;
import io.itam.model.position.Exempt;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Remedy;
import io.itam.model.position.Shortfall;
import io.itam.model.position.SolverNote;
import io.itam.model.position.Summary;
import io.itam.model.terms.MetricType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;

/**
 * Random positions whose rows satisfy their invariants ({@code covered + shortfall = required},
 * {@code consumed + surplus = entitled}, …). Amounts are in canonical form, the form a position
 * document spells them in: at least the currency's digits ({@code 2} without a currency), more only
 * when the amount has them.
 */
final class PositionGenerator {
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY", "BHD");

  private PositionGenerator() {}

  static Gen<Position> positions() {
    Gen<Position> positions = in -> new Positions(new Draw(in)).position();
    return positions.describedAs(position -> PositionWriter.create().writeString(position));
  }

  private static final class Positions {
    private final Draw draw;
    private @Nullable String currency;

    Positions(Draw draw) {
      this.draw = draw;
    }

    Position position() {
      currency = draw.maybe(() -> draw.pick(CURRENCIES));
      List<LicensePosition> licenses = rows(this::license);
      List<ProductPosition> products = rows(this::product);
      List<Allocation> allocations = rows(this::allocation);
      List<Shortfall> shortfalls = rows(this::shortfall);
      List<Exempt> exempt = rows(this::exempt);
      List<Rejected> rejected = rows(this::rejected);
      List<SolverNote> notes = rows(this::note);
      List<Accounting> accounting = rows(this::accounting);
      Summary summary =
          new Summary(
              amount(),
              amount(),
              licenses.size(),
              products.size(),
              allocations.size(),
              shortfalls.size(),
              draw.between(0, 5),
              exempt.size(),
              rejected.size());
      return new Position(
          1,
          draw.date(),
          currency,
          shortfalls.isEmpty(),
          summary,
          licenses,
          products,
          allocations,
          shortfalls,
          exempt,
          rejected,
          notes,
          accounting);
    }

    private <T> List<T> rows(Supplier<T> row) {
      List<T> rows = new ArrayList<>();
      for (int i = draw.count(3); i > 0; i--) {
        rows.add(row.get());
      }
      return rows;
    }

    /** An amount as a position document spells it (see the class comment). */
    private BigDecimal amount() {
      BigDecimal raw = draw.decimal(1_000_000_000L, 6);
      if (draw.between(0, 4) == 0) {
        raw = raw.negate();
      }
      return new BigDecimal(Amounts.format(raw, currency));
    }

    private String id(String prefix) {
      return draw.id(prefix, (int) draw.between(0, 99));
    }

    private String text() {
      return draw.text(30);
    }

    private LicensePosition license() {
      boolean unlimited = draw.between(0, 3) == 0;
      long consumed = draw.between(0, 1_000_000);
      long surplus = unlimited ? 0 : draw.between(0, 1_000_000);
      List<String> entitlements = new ArrayList<>();
      for (int i = draw.count(3); i > 0; i--) {
        entitlements.add(id("PO-"));
      }
      return new LicensePosition(
          id("model"),
          entitlements,
          draw.pick(MetricType.values()),
          consumed + surplus,
          consumed,
          surplus,
          amount(),
          unlimited);
    }

    private ProductPosition product() {
      long covered = draw.between(0, 1_000_000);
      long shortfall = draw.chance() ? 0 : draw.between(1, 1_000_000);
      Remedy remedy = null;
      if (shortfall > 0 && draw.chance()) {
        long packs = draw.between(1, 1000);
        remedy =
            new Remedy(id("model"), packs, packs * draw.between(1, 16), draw.maybe(this::amount));
      }
      return new ProductPosition(
          id("product"),
          draw.maybe(() -> id("model")),
          covered + shortfall,
          covered,
          shortfall,
          draw.maybe(this::amount),
          remedy);
    }

    private Allocation allocation() {
      return new Allocation(
          id("consumer"),
          id("product"),
          id("model"),
          id("PO-"),
          draw.between(0, 1_000_000),
          text());
    }

    private Shortfall shortfall() {
      return new Shortfall(
          id("consumer"),
          id("product"),
          draw.between(1, 1_000_000),
          draw.maybe(() -> id("model")),
          text());
    }

    private Exempt exempt() {
      return new Exempt(id("consumer"), id("product"), text(), draw.between(0, 1000));
    }

    private Rejected rejected() {
      return new Rejected(
          draw.pick(List.of("installation", "access", "usage", "entitlement", "allocation")),
          id("consumer"),
          id("product"),
          text());
    }

    private Accounting accounting() {
      long counted = draw.between(0, 1_000_000);
      long exempt = draw.between(0, 1000);
      long rejected = draw.between(0, 1000);
      return new Accounting(
          draw.pick(List.of("installations", "access", "usage")),
          counted + exempt + rejected,
          counted,
          exempt,
          rejected);
    }

    private SolverNote note() {
      return new SolverNote(id("pool"), text(), amount(), amount(), amount());
    }
  }
}
