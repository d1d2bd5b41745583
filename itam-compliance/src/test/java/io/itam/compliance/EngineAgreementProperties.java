package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.itam.model.Estate;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import io.itam.model.synthetic.SyntheticEstate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast engine (devices with equal records evaluated once) and the straightforward reference
 * engine (every device on its own) give equal positions, and so do 1, 2 and 8 threads and every
 * order of the input lists.
 */
class EngineAgreementProperties {
  private static final ReconcileOptions REFERENCE =
      ReconcileOptions.DEFAULTS.withReferenceEngine(true);

  @Test
  void randomEstates_fastEqualsReference() {
    qt().withFixedSeed(77L)
        .withExamples(400)
        .forAll(RandomEstates.estates())
        .checkAssert(
            estate ->
                assertEquals(
                    Reconciler.create(REFERENCE).reconcile(estate),
                    Reconciler.create().reconcile(estate)));
  }

  /**
   * At every detail level: the fast engine's summary comes from the allocation's totals alone (no
   * consumer is handed anything), the reference engine's from the consumers' assignments.
   */
  @Test
  void randomEstates_fastEqualsReference_atEveryDetailLevel() {
    qt().withFixedSeed(78L)
        .withExamples(600)
        .forAll(RandomEstates.estates())
        .checkAssert(
            estate -> {
              for (Detail detail : Detail.values()) {
                assertEquals(
                    Reconciler.create(REFERENCE.withDetail(detail)).reconcile(estate),
                    Reconciler.create(ReconcileOptions.DEFAULTS.withDetail(detail))
                        .reconcile(estate),
                    detail.id());
              }
            });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void syntheticEstates_fastEqualsReference_whateverTheThreads(long seed) {
    Estate estate = SyntheticEstate.generate(300, seed);
    assertEquals(
        Reconciler.create(REFERENCE.withDetail(Detail.SUMMARY)).reconcile(estate),
        Reconciler.create(ReconcileOptions.DEFAULTS.withDetail(Detail.SUMMARY)).reconcile(estate),
        "summary");
    Position reference = Reconciler.create(REFERENCE).reconcile(estate);
    for (int threads : new int[] {1, 2, 8}) {
      assertEquals(
          reference,
          Reconciler.create(ReconcileOptions.DEFAULTS.withThreads(threads)).reconcile(estate),
          threads + " threads");
      assertEquals(
          reference,
          Reconciler.create(ReconcileOptions.DEFAULTS.withThreads(threads))
              .reconcile(ReconcilerProperties.shuffled(estate, seed + threads)),
          threads + " threads, every list shuffled");
    }
  }

  @Test
  void detailLevels_keepTheTotals() {
    Estate estate = SyntheticEstate.generate(200, 9);
    Position all = Reconciler.create().reconcile(estate);
    for (Detail detail : new Detail[] {Detail.SUMMARY, Detail.SHORTFALLS}) {
      Position less =
          Reconciler.create(ReconcileOptions.DEFAULTS.withDetail(detail)).reconcile(estate);
      assertEquals(all.summary(), less.summary(), detail.id());
      assertEquals(all.licenses(), less.licenses(), detail.id());
      assertEquals(all.products(), less.products(), detail.id());
      assertEquals(all.accounting(), less.accounting(), detail.id());
      assertEquals(0, less.allocations().size(), detail.id());
      assertEquals(detail, less.detail());
    }
    assertEquals(
        all.shortfalls(),
        Reconciler.create(ReconcileOptions.DEFAULTS.withDetail(Detail.SHORTFALLS))
            .reconcile(estate)
            .shortfalls());
    assertEquals(all.summary().allocations(), all.allocations().size());
    assertEquals(all.summary().shortfalls(), all.shortfalls().size());
  }
}
