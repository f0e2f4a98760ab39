package concurrencylab.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling; fails with a message when it does not hold in time. */
public final class Await {
  private Await() {}

  /** Waits until {@code worker} has reported ready on its lane (the trace is synced meanwhile). */
  public static void ready(concurrencylab.trace.Trace trace, WorkerProcess worker) throws InterruptedException {
    java.util.List<concurrencylab.trace.TraceEvent> seen = new java.util.ArrayList<>();
    until(Duration.ofSeconds(60), () -> {
      seen.addAll(trace.sync());
      return seen.stream().anyMatch(e -> e.lane() == worker.lane().id() && e.text().equals("ready"));
    }, "the worker is ready");
  }

  public static void until(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
