package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.Progress;
import io.itam.model.position.Detail;
import io.itam.model.position.Position;
import io.itam.model.synthetic.SyntheticEstate;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reconciliation stops when its thread is interrupted (issue 6: "cancelled from another thread"),
 * in every phase and with pools solved on several threads; and an estate too large for the heap
 * fails before any work with a clear message, not with an OutOfMemoryError halfway.
 */
class CancellationAndHeapTest {
  private static final Estate ESTATE = SyntheticEstate.generate(120, 3);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  /** Interrupts the reconciling thread itself when {@code phase} starts. */
  private static Progress interruptAt(String phase) {
    return new Progress() {
      @Override
      public void phase(String name) {
        if (name.equals(phase)) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"index", "demand", "allocate", "position"})
  void interruptedInAnyPhase_stopsWithCancellation_andKeepsTheInterruptStatus(String phase) {
    for (int threads : List.of(1, 2)) {
      Reconciler reconciler = Reconciler.create(ReconcileOptions.DEFAULTS.withThreads(threads));
      CancellationException e =
          assertThrows(
              CancellationException.class,
              () -> reconciler.reconcile(ESTATE, interruptAt(phase)),
              phase + " with " + threads + " threads");
      assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
      assertTrue(Thread.interrupted(), "the interrupt status stays set");
    }
  }

  @Test
  void cancelledFromAnotherThread_whileAllocating() throws InterruptedException {
    CountDownLatch allocating = new CountDownLatch(1);
    AtomicReference<Object> outcome = new AtomicReference<>();
    Progress waitForCancel =
        new Progress() {
          @Override
          public void phase(String name) {
            if (name.equals("allocate")) {
              allocating.countDown();
              try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(1)); // until the other thread interrupts
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    Thread worker =
        new Thread(
            () -> {
              try {
                outcome.set(
                    Reconciler.create(ReconcileOptions.DEFAULTS.withThreads(2))
                        .reconcile(ESTATE, waitForCancel));
              } catch (RuntimeException e) {
                outcome.set(e);
              }
            });
    worker.start();
    assertTrue(allocating.await(1, TimeUnit.MINUTES), "the reconciliation reaches allocate");
    worker.interrupt();
    worker.join(TimeUnit.MINUTES.toMillis(1));
    assertInstanceOf(CancellationException.class, outcome.get());
  }

  @Test
  void notCancelled_givesThePositionAsBefore() {
    Position plain = Reconciler.create().reconcile(ESTATE);
    Position withProgress = Reconciler.create().reconcile(ESTATE, interruptAt("no such phase"));
    assertEquals(plain, withProgress);
  }

  @Test
  void heapTooSmall_failsBeforeAnyWork_withTheNumbers() {
    long records = 1_000_000_000_000L; // 10^12 records need ~500 TB at 500 bytes each
    InsufficientHeapException e =
        assertThrows(
            InsufficientHeapException.class, () -> Reconciler.checkHeap(records, Detail.SUMMARY));
    assertEquals(records * Reconciler.BYTES_PER_RECORD.get(Detail.SUMMARY), e.neededBytes());
    assertTrue(e.availableBytes() <= Runtime.getRuntime().maxMemory());
    assertTrue(
        e.getMessage().startsWith("not enough memory: reconciling 1,000,000,000,000 records"),
        e.getMessage());
    assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
  }

  @Test
  void heapCheck_passesForWhatFits_andMoreDetailNeedsMore() {
    Reconciler.checkHeap(ESTATE.recordCount(), Detail.ALL); // no exception
    assertTrue(
        Reconciler.BYTES_PER_RECORD.get(Detail.ALL)
            > Reconciler.BYTES_PER_RECORD.get(Detail.SUMMARY));
    long fits = Runtime.getRuntime().maxMemory() / 4 / Reconciler.BYTES_PER_RECORD.get(Detail.ALL);
    Reconciler.checkHeap(fits, Detail.ALL);
  }
}
