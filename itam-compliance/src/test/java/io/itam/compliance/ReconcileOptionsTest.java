package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.itam.model.position.Detail;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The options of a reconciliation and the heap-check failure. */
class ReconcileOptionsTest {

  @Test
  void nodeBudgetAndThreads_atLeastOne() {
    ReconcileOptions d = ReconcileOptions.DEFAULTS;
    assertThrows(IllegalArgumentException.class, () -> d.withNodeBudget(0));
    assertThrows(IllegalArgumentException.class, () -> d.withThreads(0));
    assertEquals(1, d.withNodeBudget(1).nodeBudget());
    assertEquals(1, d.withThreads(1).threads());
  }

  @Test
  void withers_changeOneOptionEach() {
    ReconcileOptions d = ReconcileOptions.DEFAULTS;
    LocalDate date = LocalDate.parse("2025-01-31");
    assertEquals(
        new ReconcileOptions(date, 2_000, 1, Detail.ALL, false, AllocationStrategy.OPTIMAL, true),
        d.withAsOf(date));
    assertEquals(Detail.SUMMARY, d.withDetail(Detail.SUMMARY).detail());
    assertFalse(d.withHeapCheck(false).heapCheck());
    assertEquals(7, d.withNodeBudget(7).nodeBudget());
    assertEquals(
        AllocationStrategy.FIRST_FIT, d.withStrategy(AllocationStrategy.FIRST_FIT).strategy());
    assertEquals(true, d.withReferenceEngine(true).referenceEngine());
    assertEquals(4, Reconciler.create(d.withThreads(4)).options().threads());
  }

  @Test
  void insufficientHeap_messageInMegabytes() {
    InsufficientHeapException e =
        new InsufficientHeapException(3_000_000, "all", 3L << 30, 1L << 30, 4L << 30);
    assertEquals(
        "not enough memory: reconciling 3,000,000 records with detail all needs about 3,072 MB of"
            + " heap, but 1,024 MB of the maximum 4,096 MB is free; give the JVM more heap (-Xmx)"
            + " or ask for less detail (summary)",
        e.getMessage());
    assertEquals(3L << 30, e.neededBytes());
    assertEquals(1L << 30, e.availableBytes());
  }
}
