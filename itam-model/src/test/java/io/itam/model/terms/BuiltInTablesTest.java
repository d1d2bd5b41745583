package io.itam.model.terms;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in core-factor and PVU tables (OR-P1, IBM-P1, IBM-P2, IBM-P4) against their resources
 * and the worked examples of vendor-rules.md, and the matching rule of inline tables ({@link
 * FactorSource}).
 */
class BuiltInTablesTest {
  private static final BuiltInTable ORACLE = BuiltInTables.coreFactors("oracle").orElseThrow();
  private static final BuiltInTable IBM = BuiltInTables.pvu("ibm").orElseThrow();

  /** The non-comment lines of a table resource, split into cells. */
  private static List<String[]> resourceRows(String resource) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = BuiltInTable.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t", -1));
        }
      }
    }
    return rows;
  }

  private static void assertFactor(String expected, Optional<FactorMatch> match) {
    assertTrue(match.isPresent(), "no match");
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(match.get().factor()),
        "factor " + match.get().factor() + " of " + match.get());
  }

  private static FactorMatch oracle(String cpu) {
    return ORACLE.lookup(cpu, null).orElseThrow(() -> new AssertionError("no oracle row: " + cpu));
  }

  private static FactorMatch ibm(String cpu, Long sockets) {
    return IBM.lookup(cpu, sockets).orElseThrow(() -> new AssertionError("no ibm row: " + cpu));
  }

  // ---- loading -----------------------------------------------------------------------------

  @Nested
  class Loading {
    @Test
    void ids_andDescriptions() {
      assertEquals(Set.of("oracle"), BuiltInTables.coreFactorIds());
      assertEquals(Set.of("ibm"), BuiltInTables.pvuIds());
      assertEquals("core-factor table \"oracle\"", ORACLE.describe());
      assertEquals("PVU table \"ibm\"", IBM.describe());
      assertEquals("oracle", ORACLE.id());
      assertEquals("ibm", IBM.id());
      assertTrue(BuiltInTables.coreFactors("ibm").isEmpty());
      assertTrue(BuiltInTables.pvu("oracle").isEmpty());
    }

    @Test
    void resolve_byKindAndRef() {
      assertSame(ORACLE, BuiltInTables.resolve(FactorTableRef.builtIn("oracle"), false).get());
      assertSame(IBM, BuiltInTables.resolve(FactorTableRef.builtIn("ibm"), true).get());
      assertTrue(BuiltInTables.resolve(FactorTableRef.builtIn("oracle"), true).isEmpty());
      assertTrue(BuiltInTables.resolve(FactorTableRef.builtIn("ibm"), false).isEmpty());
      assertTrue(BuiltInTables.resolve(null, false).isEmpty());
      FactorTable inline = FactorTable.of(Map.of("Xeon", BigDecimal.ONE), null);
      assertSame(inline, BuiltInTables.resolve(FactorTableRef.inline(inline), true).get());
      assertSame(inline, BuiltInTables.resolve(FactorTableRef.inline(inline), false).get());
    }

    @ParameterizedTest
    @CsvSource({"oracle, oracle-core-factors.tsv", "ibm, ibm-pvu.tsv"})
    void everyRow_loadedWithSourceAndStatus(String id, String resource) throws IOException {
      BuiltInTable table = id.equals("oracle") ? ORACLE : IBM;
      List<String[]> lines = resourceRows(resource);
      List<FactorMatch> loaded = new ArrayList<>(table.rows());
      table.defaultRow().ifPresent(loaded::add);
      assertEquals(lines.size(), loaded.size(), "every row of " + resource);
      int r = 0;
      for (String[] cells : lines) {
        // The default row is kept apart and compared last.
        FactorMatch row =
            cells[0].equals("default") ? table.defaultRow().get() : table.rows().get(r++);
        String where = resource + " row " + String.join(" | ", cells);
        assertTrue(cells.length == 5 || cells.length == 6, where + ": 5 or 6 columns");
        assertEquals(id, row.table(), where);
        assertEquals(cells[0], row.pattern(), where);
        assertEquals(cells[1].equals("*") ? null : Long.valueOf(cells[1]), row.maxSockets(), where);
        assertEquals(0, new BigDecimal(cells[2]).compareTo(row.factor()), where);
        assertTrue(row.factor().signum() > 0, where + ": factor positive");
        assertFalse(cells[3].isBlank(), where + ": source");
        assertEquals(cells[3], row.source(), where);
        assertTrue(
            Set.of("verified", "unverified", "derived").contains(cells[4]),
            where + ": status " + cells[4]);
        assertEquals(cells[4].equals("verified"), row.verified(), where);
        assertEquals(cells.length > 5 ? cells[5] : "", row.note(), where);
      }
    }

    @Test
    void oracle_hasNoDefault_ibmDefaultsTo120() {
      assertTrue(ORACLE.defaultRow().isEmpty(), "an unknown CPU is an error, never a silent 1.0");
      FactorMatch def = IBM.defaultRow().orElseThrow();
      assertEquals("default", def.pattern());
      assertFactor("120", Optional.of(def));
      assertEquals("IBM-P4", def.source());
      assertTrue(def.verified());
    }

    @Test
    void everyPattern_matchesItself() {
      // A row no CPU string could reach would be dead data: each pattern, used as the CPU string,
      // finds a row with that very pattern.
      for (FactorMatch row : ORACLE.rows()) {
        assertEquals(row.pattern(), oracle(row.pattern()).pattern());
      }
      for (FactorMatch row : IBM.rows()) {
        assertEquals(row.pattern(), ibm(row.pattern(), row.maxSockets()).pattern());
      }
    }
  }

  // ---- the Oracle core-factor table --------------------------------------------------------

  @Nested
  class Oracle {
    @Test
    void xeonE5v4_halfVerified() {
      FactorMatch match = oracle("Intel(R) Xeon(R) CPU E5-2690 v4 @ 2.60GHz");
      assertEquals("E5-2", match.pattern());
      assertFactor("0.5", Optional.of(match));
      assertEquals("OR-P1", match.source());
      assertTrue(match.verified());
      assertEquals("oracle row \"E5-2\" 0.5 (OR-P1)", match.describe());
    }

    @Test
    void ultraSparcT1_longerPatternWins() {
      assertFactor("0.5", Optional.of(oracle("UltraSPARC T1 1.4GHz")));
      assertEquals("UltraSPARC T1 1.4", oracle("UltraSPARC T1 1.4GHz").pattern());
      assertFactor("0.25", Optional.of(oracle("UltraSPARC T1 1.2GHz")));
      assertEquals("UltraSPARC T1", oracle("UltraSPARC T1 1.2GHz").pattern());
    }

    @Test
    void sparc64_viiPlusHalf_viiThreeQuarters() {
      assertFactor("0.5", Optional.of(oracle("SPARC64 VII+")));
      assertFactor("0.75", Optional.of(oracle("SPARC64 VII")));
      assertFactor("0.75", Optional.of(oracle("SPARC64 VI")));
      assertFactor("0.5", Optional.of(oracle("UltraSPARC T2+")));
      assertFactor("0.75", Optional.of(oracle("UltraSPARC T2")));
    }

    @Test
    void power9_oneUnverified() {
      FactorMatch match = oracle("IBM POWER9");
      assertFactor("1.0", Optional.of(match));
      assertFalse(match.verified());
      assertEquals("oracle row \"POWER9\" 1 (vendor-rules.md, UNVERIFIED)", match.describe());
    }

    @ParameterizedTest
    @CsvSource({
      "Intel Xeon E7-4830, 0.5",
      "AMD Opteron 6134, 0.5",
      "Intel Xeon Gold 6338, 0.5",
      "AMD EPYC 7763 64-Core Processor, 0.5",
      "Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz, 0.5",
      "SPARC T4, 0.5",
      "HP PA-RISC 8900, 0.75",
      "IBM POWER8, 1.0",
    })
    void knownProcessors(String cpu, String factor) {
      assertFactor(factor, Optional.of(oracle(cpu)));
    }

    @Test
    void unknownCpu_empty_noDefault() {
      assertTrue(ORACLE.lookup("Acme Quantum 9000", null).isEmpty());
      assertTrue(ORACLE.lookup("Acme Quantum 9000", 2L).isEmpty());
      assertTrue(ORACLE.lookup(null, 2L).isEmpty());
    }

    @Test
    void socketCapacity_ignoredForRowsWithoutLimit() {
      assertEquals(oracle("SPARC T5"), ORACLE.lookup("SPARC T5", 64L).orElseThrow());
    }
  }

  // ---- the IBM PVU table -------------------------------------------------------------------

  @Nested
  class Ibm {
    @ParameterizedTest(name = "POWER9 on a {0}-socket server → {1} PVU per core")
    @CsvSource({"1, 70", "2, 70", "3, 100", "4, 100", "5, 120", "16, 120"})
    void power9_bySocketCapacity(long sockets, String pvu) {
      FactorMatch match = ibm("IBM POWER9", sockets);
      assertEquals("POWER9", match.pattern());
      assertFactor(pvu, Optional.of(match));
      assertEquals("IBM-P1", match.source());
      assertTrue(match.verified());
    }

    @Test
    void power9_unknownCapacity_theRowForAnyCapacity() {
      FactorMatch match = ibm("POWER9", null);
      assertEquals("POWER9", match.pattern());
      assertFactor("120", Optional.of(match));
      assertEquals(null, match.maxSockets());
    }

    @Test
    void nehalemEx_fourSockets_100() {
      assertFactor("100", Optional.of(ibm("Intel Xeon X7560", 4L)));
      assertFactor("70", Optional.of(ibm("Intel Xeon X7560", 2L)));
      assertFactor("120", Optional.of(ibm("Intel Xeon X7560", 8L)));
      assertFactor("100", Optional.of(ibm("Intel Xeon Nehalem-EX", 4L)));
    }

    @Test
    void nehalemEx_matchesTheVerifiedXeon7500Row() {
      FactorMatch match = ibm("Intel(R) Xeon(R) CPU X7560 @ 2.27GHz", 4L);
      assertEquals("X75", match.pattern());
      assertTrue(match.verified(), match.describe());
    }

    @Test
    void unknownCpu_default120() {
      FactorMatch match = ibm("Acme Quantum 9000", 2L);
      assertEquals("default", match.pattern());
      assertFactor("120", Optional.of(match));
      assertEquals("IBM-P4", match.source());
      assertEquals("default", ibm(null, 2L).pattern());
      assertEquals("default", ibm(null, null).pattern());
    }

    @Test
    void knownPattern_capacityBeyondItsRows_default() {
      FactorMatch match = ibm("Intel Xeon Gold 6338", 16L);
      assertEquals("default", match.pattern());
      assertFactor("120", Optional.of(match));
      assertEquals("default", ibm("Intel Xeon Gold 6338", null).pattern());
      assertEquals("default", ibm("AMD EPYC 7763", null).pattern());
      assertEquals("Xeon Gold", ibm("Intel Xeon Gold 6338", 2L).pattern());
    }

    @Test
    void describe_namesRowCapacityAndStatus() {
      assertEquals("ibm row \"POWER9\" (≤2 sockets) 70 (IBM-P1)", ibm("POWER9", 2L).describe());
      assertEquals(
          "ibm row \"EPYC\" (≤4 sockets) 100 (IBM-P2, UNVERIFIED)",
          ibm("AMD EPYC 7763", 4L).describe());
      assertEquals("ibm row \"default\" 120 (IBM-P4)", ibm("Acme", 2L).describe());
    }
  }

  // ---- inline tables -----------------------------------------------------------------------

  @Nested
  class Inline {
    private final FactorTable table =
        FactorTable.of(
            Map.of(
                "Xeon", BigDecimal.ONE,
                "Xeon Gold", new BigDecimal("0.5"),
                "POWER9", new BigDecimal("1.00")),
            new BigDecimal("0.75"));

    @Test
    void caseInsensitiveSubstring() {
      assertEquals("Xeon", table.lookup("INTEL XEON E5-2690", null).get().pattern());
      assertEquals("POWER9", table.lookup("ibm power9 s922", null).get().pattern());
    }

    @Test
    void longestPatternWins() {
      FactorMatch match = table.lookup("Intel Xeon Gold 6338", null).get();
      assertEquals("Xeon Gold", match.pattern());
      assertFactor("0.5", Optional.of(match));
    }

    @Test
    void trademarksAndSpacesIgnored_onBothSides() {
      assertEquals(
          "Xeon Gold", table.lookup("Intel(R) Xeon(R)  Gold 6338 CPU", null).get().pattern());
      assertEquals("Xeon Gold", table.lookup("Intel® Xeon™ Gold", null).get().pattern());
      FactorTable marked = FactorTable.of(Map.of("Xeon(TM) Gold", new BigDecimal("0.5")), null);
      assertEquals("Xeon(TM) Gold", marked.lookup("Intel Xeon Gold 6338", null).get().pattern());
    }

    @Test
    void turkishDefaultLocale_doesNotBreakMatching() {
      // Surefire runs under tr-TR, where "I".toLowerCase() is a dotless ı.
      FactorTable lowerCase = FactorTable.of(Map.of("intel", BigDecimal.ONE), null);
      assertTrue(lowerCase.lookup("INTEL XEON", null).isPresent());
      assertEquals("X75", oracle("INTEL XEON X7560").pattern());
    }

    @Test
    void default_whenNoPatternMatches() {
      FactorMatch match = table.lookup("AMD EPYC 7763", null).get();
      assertEquals("default", match.pattern());
      assertFactor("0.75", Optional.of(match));
      assertEquals("default", table.lookup(null, 4L).get().pattern());
    }

    @Test
    void noMatchAndNoDefault_empty() {
      FactorTable noDefault = FactorTable.of(Map.of("Xeon", BigDecimal.ONE), null);
      assertTrue(noDefault.lookup("AMD EPYC 7763", null).isEmpty());
      assertTrue(noDefault.lookup(null, null).isEmpty());
    }

    @Test
    void equalLengths_alphabeticallyFirst() {
      FactorTable tie =
          FactorTable.of(Map.of("Gold", BigDecimal.ONE, "6338", new BigDecimal("0.5")), null);
      assertEquals("6338", tie.lookup("Xeon Gold 6338", null).get().pattern());
    }

    @Test
    void emptyPatternNeverMatches() {
      FactorTable marks = FactorTable.of(Map.of("(R)", BigDecimal.ONE), null);
      assertTrue(marks.lookup("Intel(R) Xeon(R)", null).isEmpty());
    }

    @Test
    void match_carriesInlineProvenance_andNormalFactors() {
      FactorMatch match = table.lookup("POWER9", null).get();
      assertEquals("inline", match.table());
      assertEquals("inline", match.source());
      assertTrue(match.verified());
      assertEquals(null, match.maxSockets());
      assertEquals(BigDecimal.ONE, match.factor(), "1.00 is stored as 1");
      assertEquals("inline row \"POWER9\" 1", match.describe());
      assertEquals("inline table", table.describe());
    }

    @Test
    void socketCapacity_ignored() {
      assertEquals(table.lookup("POWER9", null), table.lookup("POWER9", 16L));
    }
  }

  @Test
  void normalize_lowerCaseWithoutMarksOrRepeatedSpaces() {
    assertEquals(
        "intel xeon gold 6338", FactorSource.normalize("  Intel(R)  Xeon(TM) GOLD\t6338 "));
    assertEquals("intel xeon", FactorSource.normalize("INTEL® XEON™"));
  }
}
