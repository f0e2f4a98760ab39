package concurrencylab.ui;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;

/**
 * For the start-up benchmark ({@code bench}): with the hidden flag, the app prints the wall-clock
 * time once its window's first frame is drawn, and exits.
 */
final class FirstFrameProbe {
  static final String FLAG = "--first-frame-and-exit";

  private FirstFrameProbe() {}

  static void install(Scene scene) {
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
          System.out.println("first-frame-epoch-ms " + System.currentTimeMillis());
          System.out.flush();
          System.exit(0);
        });
      }
    };
    scene.addPostLayoutPulseListener(firstPulse);
  }
}
