package io.itam.io.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.itam.model.position.Accounting;
import io.itam.model.position.Allocation;
import io.itam.model.position.Exempt;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.PositionDiff;
import io.itam.model.position.PositionDiff.AllocationChange;
import io.itam.model.position.PositionDiff.Change;
import io.itam.model.position.PositionDiff.LicenceChange;
import io.itam.model.position.PositionDiff.ProductChange;
import io.itam.model.position.PositionDiff.RejectedChange;
import io.itam.model.position.PositionDiff.ShortfallChange;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Remedy;
import io.itam.model.position.Shortfall;
import io.itam.model.position.SolverNote;
import io.itam.model.position.Summary;
import io.itam.model.terms.MetricType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PositionDiffTest {
  private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 27);
  private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 27);

  /** A position built row by row; the summary follows the rows. */
  private static final class Builder {
    private LocalDate asOf = NOVEMBER;
    private @Nullable String currency = "EUR";
    private BigDecimal shortfallCost = BigDecimal.ZERO;
    private BigDecimal surplusValue = BigDecimal.ZERO;
    private long unpriced;
    private long unlistedAllocations;
    private final List<LicensePosition> licenses = new ArrayList<>();
    private final List<ProductPosition> products = new ArrayList<>();
    private final List<Allocation> allocations = new ArrayList<>();
    private final List<Shortfall> shortfalls = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();

    Builder asOf(LocalDate date) {
      asOf = date;
      return this;
    }

    Builder currency(@Nullable String code) {
      currency = code;
      return this;
    }

    Builder cost(String shortfall, String surplus) {
      shortfallCost = new BigDecimal(shortfall);
      surplusValue = new BigDecimal(surplus);
      return this;
    }

    Builder unpriced(long n) {
      unpriced = n;
      return this;
    }

    /** Counts {@code n} allocations in the summary that the position does not list. */
    Builder unlistedAllocations(long n) {
      unlistedAllocations = n;
      return this;
    }

    Builder licence(String model, long entitled, long consumed, String value, String... ids) {
      licenses.add(
          new LicensePosition(
              model,
              List.of(ids),
              MetricType.DEVICE,
              entitled,
              consumed,
              entitled - consumed,
              new BigDecimal(value),
              false));
      return this;
    }

    Builder product(String product, @Nullable String model, long required, long covered) {
      long shortfall = required - covered;
      products.add(
          new ProductPosition(
              product,
              model,
              required,
              covered,
              shortfall,
              shortfall > 0 && model != null ? BigDecimal.valueOf(shortfall * 100) : null,
              shortfall > 0 && model != null
                  ? new Remedy(model, shortfall, shortfall, BigDecimal.valueOf(shortfall * 100))
                  : null));
      return this;
    }

    Builder allocation(String consumer, String product, String model, String po, long units) {
      return allocation(consumer, product, model, po, units, "device metric");
    }

    Builder allocation(
        String consumer, String product, String model, String po, long units, String reason) {
      allocations.add(new Allocation(consumer, product, model, po, units, reason));
      return this;
    }

    Builder shortfall(String consumer, String product, @Nullable String model, long units) {
      return shortfall(consumer, product, model, units, "no entitlement");
    }

    Builder shortfall(
        String consumer, String product, @Nullable String model, long units, String reason) {
      shortfalls.add(new Shortfall(consumer, product, units, model, reason));
      return this;
    }

    Builder rejected(String record, String consumer, String product, String reason) {
      rejected.add(new Rejected(record, consumer, product, reason));
      return this;
    }

    Position build() {
      return new Position(
          1,
          asOf,
          currency,
          shortfalls.isEmpty(),
          new Summary(
              shortfallCost,
              surplusValue,
              licenses.size(),
              products.size(),
              allocations.size() + unlistedAllocations,
              shortfalls.size(),
              unpriced,
              0,
              rejected.size()),
          licenses,
          products,
          allocations,
          shortfalls,
          List.<Exempt>of(),
          rejected,
          List.<SolverNote>of(),
          List.<Accounting>of());
    }
  }

  private static Builder position() {
    return new Builder();
  }

  @Test
  void between_samePosition_isEmpty() {
    Position p =
        position()
            .licence("m", 2, 1, "10", "PO-1")
            .product("a", "m", 2, 1)
            .allocation("pc-1", "a", "m", "PO-1", 1)
            .shortfall("pc-2", "a", "m", 1)
            .rejected("installation", "pc-3", "a", "late")
            .build();
    PositionDiff diff = PositionDiff.between(p, p);
    assertTrue(diff.isEmpty());
    assertEquals(0, diff.shortfallCostChange().signum());
    String text = PositionDiffTable.create().render(diff);
    assertTrue(text.endsWith("changes         none\n\nNo changes.\n"), text);
    String json = PositionDiffJson.create().writeString(diff);
    assertTrue(json.contains("\"changed\": false,"), json);
    assertTrue(json.contains("\"shortfalls\": [],\n  \"products\": [],"), json);
  }

  @Test
  void between_onlyTheDateChanged_isEmpty() {
    PositionDiff diff =
        PositionDiff.between(position().asOf(OCTOBER).build(), position().asOf(NOVEMBER).build());
    assertTrue(diff.isEmpty());
    assertEquals(OCTOBER, diff.before().asOf());
    assertTrue(
        PositionDiffTable.create()
            .render(diff)
            .contains("as of           2026-10-27 → 2026-11-27\n"));
  }

  @Test
  void between_currencyMismatch_throwsNamingBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PositionDiff.between(
                    position().currency("EUR").build(), position().currency("USD").build()));
    assertEquals("currency mismatch: EUR and USD", e.getMessage());
    assertEquals(
        "EUR",
        PositionDiff.between(position().currency(null).build(), position().build()).currency());
  }

  @Test
  void between_shortfalls_newResolvedChangedInThatOrder() {
    Position before =
        position()
            .shortfall("pc-1", "a", "m", 1)
            .shortfall("pc-2", "a", "m", 2)
            .shortfall("pc-3", "a", "m", 1, "old words")
            .build();
    Position after =
        position()
            .shortfall("pc-2", "a", "m", 3)
            .shortfall("pc-3", "a", "m", 1, "new words")
            .shortfall("pc-4", "a", "m", 1)
            .shortfall("pc-0", "b", null, 1)
            .build();
    List<ShortfallChange> changes = PositionDiff.between(before, after).shortfalls();
    assertEquals(
        List.of(
            new ShortfallChange(Change.ADDED, "pc-4", "a", "m", 0, 1, "no entitlement"),
            new ShortfallChange(Change.ADDED, "pc-0", "b", null, 0, 1, "no entitlement"),
            new ShortfallChange(Change.REMOVED, "pc-1", "a", "m", 1, 0, "no entitlement"),
            new ShortfallChange(Change.CHANGED, "pc-2", "a", "m", 2, 3, "no entitlement")),
        changes,
        "a reason reworded is no change; no model sorts last");
  }

  @Test
  void between_duplicateKeys_areMatchedInOrder() {
    Position before = position().shortfall("pool", "a", "m", 1).build();
    Position after =
        position().shortfall("pool", "a", "m", 1).shortfall("pool", "a", "m", 2).build();
    assertEquals(
        List.of(new ShortfallChange(Change.ADDED, "pool", "a", "m", 0, 2, "no entitlement")),
        PositionDiff.between(before, after).shortfalls());
  }

  @Test
  void between_products_addedRemovedChanged() {
    Position before = position().product("a", "m", 2, 2).product("b", "n", 1, 1).build();
    Position after = position().product("a", "m", 3, 2).product("c", null, 1, 0).build();
    List<ProductChange> changes = PositionDiff.between(before, after).products();
    assertEquals(
        List.of(Change.ADDED, Change.REMOVED, Change.CHANGED),
        changes.stream().map(ProductChange::change).collect(Collectors.toList()));
    assertEquals("c", changes.get(0).product());
    assertEquals(null, changes.get(0).before());
    assertEquals("b", changes.get(1).product());
    assertEquals(1, changes.get(2).after().shortfall());
  }

  @Test
  void between_licences_addedRemovedChanged() {
    Position before = position().licence("m", 5, 2, "30", "PO-1").licence("n", 1, 1, "0").build();
    Position after =
        position().licence("m", 5, 4, "10", "PO-1").licence("o", 2, 0, "20", "PO-9").build();
    List<LicenceChange> changes = PositionDiff.between(before, after).licences();
    assertEquals(
        List.of("o", "n", "m"),
        changes.stream().map(LicenceChange::licenseModel).collect(Collectors.toList()));
    assertEquals(2, changes.get(2).consumedChange());
    assertEquals(-1, changes.get(1).consumedChange());
  }

  @Test
  void between_allocations_gainedLostMovedAndRewordedIsNoChange() {
    Position before =
        position()
            .allocation("pc-1", "a", "m", "PO-1", 1)
            .allocation("pc-2", "a", "m", "PO-1", 1)
            .allocation("pc-3", "a", "m", "PO-1", 1, "old words")
            .allocation("srv", "b", "core", "PO-5", 8)
            .allocation("srv", "b", "core", "PO-6", 8)
            .build();
    Position after =
        position()
            .allocation("pc-2", "a", "m", "PO-2", 1)
            .allocation("pc-3", "a", "m", "PO-1", 1, "new words")
            .allocation("pc-4", "a", "m", "PO-1", 1)
            .allocation("srv", "b", "core", "PO-6", 8)
            .allocation("srv", "b", "core", "PO-5", 8)
            .build();
    List<AllocationChange> changes = PositionDiff.between(before, after).allocations();
    assertEquals(
        List.of("ADDED pc-4", "REMOVED pc-1", "CHANGED pc-2"),
        changes.stream().map(c -> c.change() + " " + c.consumer()).collect(Collectors.toList()),
        "the same grants in another order are no change");
    assertEquals("PO-1", changes.get(2).before().get(0).entitlement());
    assertEquals("PO-2", changes.get(2).after().get(0).entitlement());
  }

  @Test
  void between_rejected_newAndGone() {
    Position before =
        position()
            .rejected("installation", "pc-1", "a", "late")
            .rejected("access", "u-1", "a", "inactive")
            .build();
    Position after =
        position()
            .rejected("access", "u-1", "a", "inactive")
            .rejected("access", "u-1", "a", "inactive")
            .rejected("usage", "pool", "a", "outside the window")
            .build();
    List<RejectedChange> changes = PositionDiff.between(before, after).rejected();
    assertEquals(
        List.of("ADDED access u-1", "ADDED usage pool", "REMOVED installation pc-1"),
        changes.stream()
            .map(c -> c.change() + " " + c.record().record() + " " + c.record().consumer())
            .collect(Collectors.toList()));
  }

  @Test
  void between_aPositionWithoutItsAllocations_doesNotCompareThem() {
    Position before = position().allocation("pc-1", "a", "m", "PO-1", 1).build();
    Position after = position().unlistedAllocations(1).shortfall("pc-2", "a", "m", 1).build();
    PositionDiff diff = PositionDiff.between(before, after);
    assertEquals(List.of("allocations"), diff.notCompared());
    assertTrue(diff.allocations().isEmpty(), "not every allocation lost");
    assertEquals(1, diff.shortfalls().size());
    assertTrue(
        PositionDiffTable.create()
            .render(diff)
            .contains(
                "not compared    allocations: a position does not list them (reconciled with less"
                    + " detail)\n"));
    assertTrue(
        PositionDiffJson.create()
            .writeString(diff)
            .contains("\"notCompared\": [\n    \"allocations\"\n  ],\n"));
    assertEquals(List.of(), PositionDiff.between(before, before).notCompared());
  }

  @Test
  void records_checkTheirSides() {
    ProductPosition row = new ProductPosition("a", "m", 1, 1, 0, null, null);
    assertThrows(
        IllegalArgumentException.class, () -> new ProductChange(Change.ADDED, "a", "m", row, row));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ProductChange(Change.CHANGED, "a", "m", null, row));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AllocationChange(Change.REMOVED, "pc", "a", List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RejectedChange(Change.CHANGED, new Rejected("usage", "p", "a", "r")));
  }

  @Test
  void table_headerShowsTheMovement() {
    Position before = position().cost("14344.00", "23100").unpriced(1).build();
    Position after =
        position()
            .asOf(NOVEMBER)
            .cost("7172", "23100")
            .unpriced(2)
            .shortfall("pc-1", "a", "m", 1)
            .build();
    String text = PositionDiffTable.create().render(PositionDiff.between(before, after));
    assertEquals(
        String.join(
            "\n",
            "POSITION CHANGES",
            "as of           2026-11-27",
            "currency        EUR",
            "status          COMPLIANT → NOT COMPLIANT",
            "shortfall cost  14,344.00 → 7,172.00 EUR (-7,172.00)",
            "unpriced        1 → 2 product rows short of licences without a known price",
            "surplus value   23,100.00 EUR (unchanged)",
            "changes         1 new shortfall",
            "",
            "SHORTFALLS (1)",
            "change  consumer  product  model  units  reason",
            "------  --------  -------  -----  -----  --------------",
            "new     pc-1      a        m      0 → 1  no entitlement",
            ""),
        text);
  }

  @Test
  void table_valuesAreEscapedAndReasonsWrapToTheWidth() {
    String reason = "word ".repeat(40) + "tab\there\u0007";
    Position after = position().shortfall("pc\n1", "a\u001B[31m", "m", 1, reason).build();
    String text =
        PositionDiffTable.create()
            .withWidth(70)
            .render(PositionDiff.between(position().build(), after));
    assertTrue(text.contains("pc\\n1"), text);
    assertTrue(text.contains("a\\u001B[31m"), text);
    assertTrue(text.contains("tab here\\u0007"), text);
    for (String line : text.split("\n")) {
      assertTrue(line.codePointCount(0, line.length()) <= 70, () -> "too wide: " + line);
      assertFalse(line.endsWith(" "), () -> "trailing space: " + line);
    }
    assertThrows(IllegalArgumentException.class, () -> PositionDiffTable.create().withWidth(39));
    assertEquals(PositionDiffTable.create(), PositionDiffTable.create().withWidth(120));
  }

  @Test
  void json_isValidAndUsesTheCurrencyDigits() throws IOException {
    Position before = position().currency("JPY").cost("1000", "0").product("a", "m", 1, 1).build();
    Position after =
        position()
            .currency("JPY")
            .cost("1100", "50")
            .product("a", "m", 2, 1)
            .shortfall("pc-1", "a", "m", 1, "line\n\"two\"")
            .build();
    String json = PositionDiffJson.create().writeString(PositionDiff.between(before, after));
    assertTrue(json.contains("\"shortfallCostChange\": \"100\",\n"), json);
    assertTrue(json.contains("\"reason\": \"line\\n\\\"two\\\"\""), json);
    assertTrue(json.endsWith("}\n"));
    assertFalse(json.contains("\r"));
    int depth = 0;
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        }
      }
    }
    assertEquals(0, depth);
    String noCurrency =
        PositionDiffJson.create()
            .writeString(
                PositionDiff.between(
                    position().currency(null).build(),
                    position().currency(null).cost("7.5", "0").build()));
    assertTrue(noCurrency.contains("\"shortfallCostChange\": \"7.50\""), noCurrency);
    assertFalse(noCurrency.contains("\"currency\""), noCurrency);
  }
}
