package concurrencylab.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Ends a process the bench started if it is still running after a time, so no read hangs. */
final class ProcessTimeout {
  private ProcessTimeout() {}

  static Process endAfter(Process process, long seconds) {
    CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS).execute(() -> {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    });
    return process;
  }
}
