package io.itam.compliance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Maps independent pieces of work (licence models, licence pools) on an executor and returns the
 * results in the order of the pieces, so that the result never depends on the number of threads.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * {@code work} applied to every item, in item order: on {@code executor}, or on the calling
   * thread when it is {@code null} or there is only one item. A failure of any item is rethrown as
   * it was thrown; an interrupt while waiting cancels the reconciliation ({@link Cancellation}).
   */
  public static <T, R> List<R> map(
      List<T> items, Function<? super T, ? extends R> work, @Nullable Executor executor) {
    List<R> results = new ArrayList<>(items.size());
    if (executor == null || items.size() < 2) {
      for (T item : items) {
        Cancellation.check();
        results.add(work.apply(item));
      }
      return results;
    }
    List<CompletableFuture<? extends R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(CompletableFuture.supplyAsync(() -> work.apply(item), executor));
    }
    try {
      for (CompletableFuture<? extends R> future : futures) {
        results.add(future.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      Cancellation.check();
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
    return results;
  }
}
