package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.position.Position;
import io.itam.model.synthetic.SyntheticEstate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 6, "Under load and faults": the engine is thread-safe for concurrent reconciliations of
 * different estates. A few hundred random and synthetic estates are reconciled one after the other,
 * then all at once on a thread pool, through one shared {@link Reconciler} (with pools solved on
 * one thread and on two inside each reconciliation); every concurrent position must equal its
 * serial one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConcurrentReconciliationTest {
  private static final int RANDOM_ESTATES = 150;
  private static final int SYNTHETIC_ESTATES = 12;
  private static final int POOL_THREADS = 8;

  private static List<Estate> estates;
  private static List<Position> serial;
  private static ExecutorService pool;

  @BeforeAll
  static void reconcileSerially() {
    estates = new ArrayList<>();
    Random random = new Random(20261127L);
    for (int e = 0; e < RANDOM_ESTATES; e++) {
      List<Integer> choices = new ArrayList<>();
      for (int c = 20 + random.nextInt(100); c > 0; c--) {
        choices.add(random.nextInt(1000));
      }
      estates.add(RandomEstates.build(new RandomEstates.Choices(choices), 12));
    }
    for (int s = 0; s < SYNTHETIC_ESTATES; s++) {
      estates.add(SyntheticEstate.generate(10 + 5 * s, 1_000L + s));
    }
    Reconciler reconciler = Reconciler.create();
    serial = new ArrayList<>();
    for (Estate estate : estates) {
      serial.add(reconciler.reconcile(estate));
    }
    pool = Executors.newFixedThreadPool(POOL_THREADS);
  }

  @AfterAll
  static void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "the pool stops");
  }

  @Test
  void theEstatesAreDifferent() {
    // Otherwise the stress test would only show that one estate can be reconciled many times.
    assertEquals(estates.size(), new HashSet<>(estates).size(), "distinct estates");
    assertTrue(
        new HashSet<>(serial).size() > estates.size() / 2,
        "most positions differ: " + new HashSet<>(serial).size());
  }

  @Test
  void allAtOnce_equalsSerial() throws Exception {
    assertConcurrentEqualsSerial(Reconciler.create(), 2);
  }

  @Test
  void allAtOnce_withTwoThreadsInside_equalsSerial() throws Exception {
    assertConcurrentEqualsSerial(Reconciler.create(ReconcileOptions.DEFAULTS.withThreads(2)), 1);
  }

  /**
   * Submits every estate {@code copies} times, in a shuffled order, to the pool; the tasks wait on
   * a start gate so that they really run at the same time, and all share {@code reconciler}.
   */
  private static void assertConcurrentEqualsSerial(Reconciler reconciler, int copies)
      throws Exception {
    List<Integer> order = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      for (int e = 0; e < estates.size(); e++) {
        order.add(e);
      }
    }
    Collections.shuffle(order, new Random(copies));
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Position>> futures = new ArrayList<>();
    for (int e : order) {
      Estate estate = estates.get(e);
      Callable<Position> task =
          () -> {
            start.await();
            return reconciler.reconcile(estate);
          };
      futures.add(pool.submit(task));
    }
    long began = System.nanoTime();
    start.countDown();
    for (int i = 0; i < order.size(); i++) {
      int e = order.get(i);
      assertEquals(
          serial.get(e),
          futures.get(i).get(60, TimeUnit.SECONDS),
          "estate " + e + " (task " + i + ")");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    assertTrue(took.toSeconds() < 60, "took " + took);
  }
}
