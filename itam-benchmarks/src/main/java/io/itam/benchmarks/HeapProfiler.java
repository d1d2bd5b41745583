package io.itam.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The heap a benchmark needs, measured in the fork ({@code -prof io.itam.benchmarks.HeapProfiler}):
 *
 * <ul>
 *   <li>{@value #ESTATE}: the heap in use after a full collection before each iteration, when the
 *       prepared state (the estate) is loaded and nothing else is live;
 *   <li>{@value #PEAK}: the largest heap in use right after any collection during the iteration, an
 *       upper bound of the live set while the benchmark runs (it can include garbage in the old
 *       generation that no collection has reclaimed yet);
 *   <li>{@value #RECORDS}: the exact record count of the estate the benchmark generated.
 * </ul>
 *
 * Each is the largest over the measurement iterations. The full collection before each iteration
 * also starts every iteration with a clean heap.
 */
public final class HeapProfiler implements InternalProfiler {
  /** Result label: heap in use with the estate loaded, MB. */
  public static final String ESTATE = "heap.estate";

  /** Result label: largest heap in use after a collection during an iteration, MB. */
  public static final String PEAK = "heap.peak";

  /** Result label: records of the estate. */
  public static final String RECORDS = "estate.records";

  private static final double MB = 1024.0 * 1024.0;

  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toUnmodifiableSet());
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final NotificationListener listener = this::collected;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private long estate;

  @Override
  public String getDescription() {
    return "Heap with the estate loaded and the largest heap in use after a GC";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    System.gc();
    estate = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    peakAfterGc.set(estate);
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  @Override
  public Collection<? extends Result<?>> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        throw new IllegalStateException("GC listener vanished", e);
      }
    }
    emitters.clear();
    return List.of(
        new ScalarResult(ESTATE, estate / MB, "MB", AggregationPolicy.MAX),
        new ScalarResult(PEAK, peakAfterGc.get() / MB, "MB", AggregationPolicy.MAX),
        new ScalarResult(
            RECORDS, BenchmarkEstate.lastGeneratedRecords(), "records", AggregationPolicy.MAX));
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    peakAfterGc.accumulateAndGet(used, Math::max);
  }
}
