package io.itam.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Parallel#map}: item order, where the work runs, failures and cancellation. */
class ParallelTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void shutDown() {
    executor.shutdownNow();
    Thread.interrupted(); // never leak an interrupt into the next test
  }

  @Test
  void map_keepsItemOrder_onAnExecutor() {
    assertEquals(List.of(1, 4, 9, 16), Parallel.map(List.of(1, 2, 3, 4), i -> i * i, executor));
    assertEquals(List.of(1, 4), Parallel.map(List.of(1, 2), i -> i * i, null));
  }

  @Test
  void map_twoItemsRunOnTheExecutor_oneItemOrNoExecutorOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    Function<Integer, Thread> where = i -> Thread.currentThread();
    for (Thread t : Parallel.map(List.of(1, 2), where, executor)) {
      assertNotSame(caller, t);
    }
    assertSame(caller, Parallel.map(List.of(1), where, executor).get(0));
    assertEquals(List.of(caller, caller), Parallel.map(List.of(1, 2), where, null));
  }

  @Test
  void map_rethrowsAFailureAsItWasThrown() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    Function<Integer, Integer> failing =
        i -> {
          if (i == 2) {
            throw boom;
          }
          return i;
        };
    assertSame(
        boom,
        assertThrows(
            IllegalArgumentException.class, () -> Parallel.map(List.of(1, 2), failing, executor)));
    AssertionError error = new AssertionError("broken");
    Function<Integer, Integer> erring =
        i -> {
          throw error;
        };
    assertSame(
        error,
        assertThrows(AssertionError.class, () -> Parallel.map(List.of(1, 2), erring, executor)));
  }

  @Test
  void map_interruptedWhileWaiting_cancelsAndKeepsTheInterrupt() {
    CountDownLatch never = new CountDownLatch(1);
    Function<Integer, Integer> blocking =
        i -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return i;
        };
    Thread.currentThread().interrupt();
    assertThrows(
        CancellationException.class, () -> Parallel.map(List.of(1, 2), blocking, executor));
    assertTrue(Thread.interrupted(), "the interrupt status stays set");
  }

  @Test
  void map_onTheCallingThread_checksForCancellationBeforeEachItem() {
    Thread.currentThread().interrupt();
    assertThrows(CancellationException.class, () -> Parallel.map(List.of(1), i -> i, null));
    assertTrue(Thread.interrupted());
  }
}
