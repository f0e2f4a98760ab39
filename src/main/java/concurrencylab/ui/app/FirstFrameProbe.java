package concurrencylab.ui.app;

import java.io.PrintStream;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;

/**
 * For the start-up benchmark ({@code bench}): with the hidden flag, the app prints the wall-clock
 * time once its window's first frame is drawn, and ends. The bench's bare JavaFX window is timed by
 * the same probe.
 */
public final class FirstFrameProbe {
  public static final String OUTPUT = "first-frame-epoch-ms ";

  private FirstFrameProbe() {}

  static void install(Scene scene, PrintStream out) {
    install(scene, out, () -> LabApp.exit(0));
  }

  /** Prints the time after the scene's first frame, then runs {@code end} on the FX thread. */
  public static void install(Scene scene, PrintStream out, Runnable end) {
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
          out.println(OUTPUT + System.currentTimeMillis());
          out.flush();
          end.run();
        });
      }
    };
    scene.addPostLayoutPulseListener(firstPulse);
  }
}
