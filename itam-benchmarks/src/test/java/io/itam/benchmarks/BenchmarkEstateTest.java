package io.itam.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchmarkEstateTest {
  @Test
  void generate_hitsTheTargetWithinTwoPercent() {
    for (long target : new long[] {10_000, 100_000}) {
      BenchmarkEstate estate = BenchmarkEstate.generate(target, BenchmarkEstate.SEED);
      assertTrue(
          Math.abs(estate.records() - target) <= target / 50,
          target + " asked, " + estate.describe());
      assertEquals(estate.estate().recordCount(), estate.records());
      assertEquals(estate.records(), BenchmarkEstate.lastGeneratedRecords());
    }
  }

  @Test
  void devicesFor_isDeterministicAndGrowsWithTheTarget() {
    int small = BenchmarkEstate.devicesFor(10_000, 7);
    assertEquals(small, BenchmarkEstate.devicesFor(10_000, 7));
    int large = BenchmarkEstate.devicesFor(20_000_000, 7);
    assertTrue(large > 500_000 && large < 700_000, "20 M records: " + large + " devices");
    assertTrue(small < large);
  }

  @Test
  void devicesFor_rejectsTooSmallATarget() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BenchmarkEstate.devicesFor(999, 1));
    assertTrue(e.getMessage().contains("999"), e.getMessage());
  }

  @Test
  void describe_usesRootLocaleGrouping() {
    String described = BenchmarkEstate.generate(10_000, 3).describe();
    assertTrue(described.matches("\\d{1,2},\\d{3} records \\(\\d+ devices, seed 3\\)"), described);
  }
}
