package concurrencylab.ui.timeline;

import concurrencylab.ui.look.Palette;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The time axis along the top and its grid lines down through the lanes, at round steps of about
 * 140 pixels apart, whatever the zoom.
 */
public final class AxisPainter {
  /** Pixels between the axis's labels, about. */
  private static final double LABEL_SPACING = 140;

  /** How a label is written: from the label cache on screen, directly in an export. */
  @FunctionalInterface
  public interface TextDrawer {
    void draw(GraphicsContext g, String text, double x, double y);
  }

  private AxisPainter() {}

  /**
   * Draws the axis, {@code axisHeight} tall, along the top of a canvas {@code width × height}; its
   * grid lines go on down through the lanes, drawn in {@code lanes} (where the lanes are drawn).
   * Returns where the grid lines are, left to right.
   */
  public static double[] paint(GraphicsContext g, Fills lanes, TimelineViewport view, double width, double height, double axisHeight, Font font,
      TextDrawer text) {
    double left = view.axisLeft();
    long span = view.end() - view.start();
    long step = niceStep(span / Math.max(1, (long) ((width - left) / LABEL_SPACING)));
    g.setFont(font);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    double[] grid = new double[16];
    int lines = 0;
    for (long t = (view.start() / step) * step; t <= view.end(); t += step) {
      double x = view.x(t);
      if (x < left) {
        continue;
      }
      if (lines == grid.length) {
        grid = java.util.Arrays.copyOf(grid, lines * 2);
      }
      grid[lines++] = x;
      g.setFill(Palette.grid());
      g.fillRect(x - 0.5, axisHeight - 6.5, 1, 6.5); // a 1 px line, as SolidShapes.verticalLine draws it
      lanes.fill(Palette.grid(), x - 0.5, axisHeight - 6.5, 1, height - axisHeight + 7);
      String label = formatTime(t, step);
      if (x + 4 + concurrencylab.ui.look.CanvasText.width(label, font) <= width) { // a time cut at the edge would read as another
        g.setFill(Palette.mutedText());
        text.draw(g, label, x + 4, axisHeight / 2);
      }
    }
    g.setFill(Palette.grid());
    g.fillRect(left - 0.5, axisHeight - 0.5, width - left + 1, 1);
    lanes.fill(Palette.grid(), left - 0.5, axisHeight - 0.5, width - left + 1, 1);
    return java.util.Arrays.copyOf(grid, lines);
  }

  /** The round step (1, 2 or 5 times a power of ten, from 1 µs) at or above {@code rough} nanoseconds. */
  public static long niceStep(long rough) {
    long step = 1_000;
    long[] multipliers = {1, 2, 5};
    while (true) {
      for (long m : multipliers) {
        if (step * m >= rough) {
          return step * m;
        }
      }
      step *= 10;
    }
  }

  /**
   * A time on the axis, in the unit its step needs and with no more decimals than the step has:
   * "0.5 ms", not "0.500 ms", which reads as five hundred from the back of a room.
   */
  public static String formatTime(long nanos, long step) {
    if (step >= 100_000_000L) {
      return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
    if (step >= 1_000_000L) {
      return String.format(Locale.ROOT, "%d ms", nanos / 1_000_000L);
    }
    if (step >= 100_000L) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    if (step >= 10_000L) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%d µs", nanos / 1_000L);
  }
}
