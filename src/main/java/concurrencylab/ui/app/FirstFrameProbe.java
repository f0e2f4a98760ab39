package concurrencylab.ui.app;

import java.io.PrintStream;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;

/**
 * For the start-up benchmark ({@code bench}): with the hidden flag, the app prints the wall-clock
 * time once its window's first frame is drawn, and ends.
 */
final class FirstFrameProbe {
  private FirstFrameProbe() {}

  static void install(Scene scene, PrintStream out) {
    Runnable firstPulse = new Runnable() {
      @Override
      public void run() {
        scene.removePostLayoutPulseListener(this);
        Platform.runLater(() -> {
          // the first frame is being drawn on the render thread; a one-pixel snapshot is drawn
          // after it on that same thread, so when it returns the first frame is done
          SnapshotParameters onePixel = new SnapshotParameters();
          onePixel.setViewport(new Rectangle2D(0, 0, 1, 1));
          scene.getRoot().snapshot(onePixel, null);
          out.println("first-frame-epoch-ms " + System.currentTimeMillis());
          out.flush();
          LabApp.exit(0);
        });
      }
    };
    scene.addPostLayoutPulseListener(firstPulse);
  }
}
