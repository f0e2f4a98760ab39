package concurrencylab.ui.timeline;

import concurrencylab.ui.text.I18n;
import concurrencylab.export.PngWriter;
import concurrencylab.trace.Trace;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.layout.StackPane;

/**
 * Pictures of a timeline for slides: a recorded run drawn off-screen (the headless recorder), or
 * any image of the timeline written as PNG (the window's export action).
 */
public final class TimelineImage {
  /** The scale of an exported picture: twice the pixels each way, sharp on a projector. */
  public static final double EXPORT_SCALE = 2;

  /** Lane height, in layout pixels, of a picture whose height was not given. */
  private static final double PICTURE_LANE_HEIGHT = 56;

  private TimelineImage() {}

  /** A height at which every lane gets a comfortable row. */
  public static double fittingHeight(int laneCount) {
    return TimelineCanvas.AXIS_HEIGHT + 4 + Math.max(1, laneCount) * PICTURE_LANE_HEIGHT;
  }

  /**
   * Draws a finished run on a timeline of {@code width × height} layout pixels, fitted to the whole
   * run, into an image {@code pixelScale} times that size. Call on the FX thread.
   */
  public static Image render(Trace trace, I18n i18n, double width, double height, double pixelScale) {
    TimelineCanvas timeline = new TimelineCanvas(i18n);
    new Scene(new StackPane(timeline), width, height);
    timeline.resize(width, height);
    timeline.layout();
    timeline.show(trace);
    timeline.runEnded();
    return timeline.renderImage(pixelScale);
  }

  /** Writes an image (a snapshot, or {@link #render}'s result) as PNG. */
  public static void writePng(Image image, Path file) throws IOException {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] pixels = new int[width * height];
    image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(pixels), width);
    PngWriter.write(pixels, width, height, file);
  }
}
