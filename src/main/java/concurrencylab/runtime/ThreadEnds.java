package concurrencylab.runtime;

import concurrencylab.trace.EventRef;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The recorded end of each thread a run started, so that a lane joining one of them can link that
 * end to its own return from the join. The end is recorded by the thread's watcher, which may come
 * a moment after {@link Thread#join()} returns: the joiner waits for it, so that its "running
 * again" is stamped after the end it follows.
 */
final class ThreadEnds {
  private final Map<Thread, CompletableFuture<EventRef>> ends = new ConcurrentHashMap<>();

  void expect(Thread thread) {
    ends.put(thread, new CompletableFuture<>());
  }

  void ended(Thread thread, EventRef end) {
    CompletableFuture<EventRef> future = ends.get(thread);
    if (future != null) {
      future.complete(end);
    }
  }

  /** The end of a thread that has ended; null when this run did not start it. */
  EventRef endOf(Thread thread) throws InterruptedException {
    CompletableFuture<EventRef> future = ends.get(thread);
    if (future == null) {
      return null;
    }
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
