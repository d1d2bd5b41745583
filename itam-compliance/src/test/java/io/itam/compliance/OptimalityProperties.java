package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.itam.compliance.internal.allocation.Allocation;
import io.itam.compliance.internal.allocation.Allocator;
import io.itam.compliance.internal.allocation.Assignment;
import io.itam.compliance.internal.allocation.Share;
import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.compliance.internal.index.Prices;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Optimality (design §Invariants): on small random estates the engine's allocation reaches the same
 * objective as an independent brute-force oracle, and is a valid allocation.
 */
class OptimalityProperties {

  @Test
  void engineObjectiveEqualsTheBruteForceOptimum() {
    AtomicInteger compared = new AtomicInteger();
    qt().withFixedSeed(4242L)
        .withExamples(1500)
        .forAll(RandomEstates.tinyEstates())
        .checkAssert(
            estate -> {
              EstateIndex index = EstateIndex.of(estate, estate.asOf());
              Demand demand = Demand.of(index);
              BruteForceOracle oracle = new BruteForceOracle(index, demand);
              BruteForceOracle.Cost optimum = oracle.optimum(14);
              if (optimum == null) {
                return;
              }
              Allocation allocation =
                  Allocator.allocate(index, demand, new Prices(index), 100_000, false, null);
              BruteForceOracle.Cost engine = BruteForceOracle.Cost.ZERO;
              boolean[] covered = new boolean[demand.facts().size()];
              for (Assignment assignment : allocation.assignments()) {
                long units = 0;
                for (Share share : assignment.shares()) {
                  engine =
                      engine.plus(
                          oracle.unitCost(assignment.option(), share.entitlement(), share.units()));
                  units += share.units();
                }
                assertEquals(assignment.option().units(), units, "shares add up to the option");
                for (int f : assignment.option().facts()) {
                  covered[f] = true;
                }
              }
              for (int f = 0; f < covered.length; f++) {
                assertTrue(
                    !demand.isCoverable(f) || demand.isOptional(f) || covered[f],
                    "fact " + demand.facts().get(f) + " left uncovered");
              }
              assertEquals(optimum, engine, "engine vs brute force on " + estate);
              assertTrue(allocation.notes().isEmpty(), "no heuristic on tiny estates");
              compared.incrementAndGet();
            });
    assertTrue(compared.get() > 1000, "compared " + compared.get() + " estates only");
  }
}
