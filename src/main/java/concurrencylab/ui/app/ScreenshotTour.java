package concurrencylab.ui.app;

import concurrencylab.ui.tab.RunExports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/**
 * What both tours share: a step once per frame until the tour says it is done, screenshots of the
 * whole window, and the app ended with the tour's status.
 */
abstract class ScreenshotTour {
  protected final LabWindow window;
  protected final Path folder;
  protected final PrintStream out;
  protected final PrintStream err;

  ScreenshotTour(LabWindow window, Path folder, PrintStream out, PrintStream err) {
    this.window = window;
    this.folder = folder;
    this.out = out;
    this.err = err;
  }

  final void start() {
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        step(now, this);
      }
    }.start();
  }

  /** One frame of the tour; it stops {@code timer} and calls {@link #finish} when it is done. */
  abstract void step(long now, AnimationTimer timer);

  /** Writes a snapshot of a node (the whole window when given its root) as PNG. */
  static void snapshot(Node node, Path file) throws IOException {
    RunExports.writeSnapshot(node, 1, file);
  }

  final void finish(int status, String message) {
    (status == 0 ? out : err).println(message);
    window.dispose();
    LabApp.exit(status);
  }
}
