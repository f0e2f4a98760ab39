package concurrencylab.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling; fails with a message when it does not hold in time. */
public final class Await {
  private Await() {}

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
