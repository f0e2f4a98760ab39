package concurrencylab.ui.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * Starts JavaFX with no display (Monocle's headless screen, software rendering) for the commands
 * that draw without a window: recording a run to PNG and the benchmarks.
 */
public final class HeadlessFx {
  private static boolean started;

  private HeadlessFx() {}

  /** Starts the toolkit once; later calls do nothing. Must run before any other JavaFX use. */
  public static synchronized void start() {
    if (started) {
      return;
    }
    setIfAbsent("glass.platform", "Monocle");
    setIfAbsent("monocle.platform", "Headless");
    setIfAbsent("prism.order", "sw");
    setIfAbsent("prism.text", "t2k");
    setIfAbsent("headless.geometry", "1920x1080-32");
    try {
      Platform.startup(() -> {});
    } catch (IllegalStateException alreadyRunning) {
      // the toolkit was started by someone else (a test): use it as it is
    }
    Platform.setImplicitExit(false);
    started = true;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** Runs {@code work} on the FX thread and waits for its result. */
  public static <T> T call(Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(work.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    try {
      return result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
