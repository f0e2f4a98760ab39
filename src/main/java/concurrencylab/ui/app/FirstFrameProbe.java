package concurrencylab.ui.app;

import java.io.PrintStream;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;

/**
 * For the start-up benchmark ({@code bench}): with the hidden flag, the app prints the wall-clock
 * time once its window's first frame is drawn, then once the window is complete, and ends. The
 * bench's bare JavaFX window is timed by the same probe.
 *
 * <p>Complete: the frame after the work that the first frame went without (the code panels of the
 * first tab, made just after it, see {@code ui.tab.AfterFirstFrame}). That work was queued on the
 * FX thread when the first frame's pulse ended, before this probe's next step, so the next frame
 * after that step has it. The bare window puts nothing off: its complete frame is its second.
 */
public final class FirstFrameProbe {
  public static final String OUTPUT = "first-frame-epoch-ms ";
  public static final String COMPLETE_OUTPUT = "complete-frame-epoch-ms ";

  private FirstFrameProbe() {}

  static void install(Scene scene, PrintStream out) {
    install(scene, out, () -> LabApp.exit(0));
  }

  /** Prints the time after the scene's first frame, then after its complete frame, then runs {@code end} on the FX thread. */
  public static void install(Scene scene, PrintStream out, Runnable end) {
    afterNextFrame(scene, () -> {
      out.println(OUTPUT + System.currentTimeMillis());
      out.flush();
      Platform.runLater(() -> {
        afterNextFrame(scene, () -> {
          out.println(COMPLETE_OUTPUT + System.currentTimeMillis());
          out.flush();
          end.run();
        });
        Platform.requestNextPulse();
      });
    });
  }

  /** Runs {@code then} on the FX thread once the scene's next frame is drawn. */
  private static void afterNextFrame(Scene scene, Runnable then) {
    scene.addPostLayoutPulseListener(new Runnable() {
      @Override
      public void run() {
        scene.removePostLayoutPulseListener(this);
        Platform.runLater(() -> {
          // the frame is being drawn on the render thread; a one-pixel snapshot is drawn after it on
          // that same thread, so when it returns the frame is done
          SnapshotParameters onePixel = new SnapshotParameters();
          onePixel.setViewport(new Rectangle2D(0, 0, 1, 1));
          scene.getRoot().snapshot(onePixel, null);
          then.run();
        });
      }
    });
  }
}
