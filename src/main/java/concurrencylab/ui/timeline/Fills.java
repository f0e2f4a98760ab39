package concurrencylab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Where the lanes' layers (states, lock holds, task outlines, queue depths, ticks, marks, ends,
 * spawns, links, the cursor, label chips) are drawn: the canvas itself, for the legend, or the
 * frame's {@link LanePixels}, where a shape costs the pixels it covers and not a command for the
 * renderer to take apart.
 */
interface Fills {
  /** Fills the rectangle as {@code fillRect} does, edges between pixels blended. */
  void fill(Color color, double x, double y, double w, double h);

  /** A straight line {@code width} wide from one point to another, as {@code strokeLine} draws it. */
  void line(Color color, double x0, double y0, double x1, double y1, double width);

  /** A triangle, as {@code fillPolygon} draws it (a spawn's arrowhead). */
  void triangle(Color color, double x0, double y0, double x1, double y1, double x2, double y2);

  /** An ellipse in the rectangle, as {@code fillOval} draws it (a spawn's branching dot). */
  void oval(Color color, double x, double y, double w, double h);

  /** The canvas's own fills, for drawings too small to be worth a picture (the legend's swatches). */
  static Fills of(GraphicsContext g) {
    return new Fills() {
      @Override
      public void fill(Color color, double x, double y, double w, double h) {
        g.setFill(color);
        g.fillRect(x, y, w, h);
      }

      @Override
      public void line(Color color, double x0, double y0, double x1, double y1, double width) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.strokeLine(x0, y0, x1, y1);
      }

      @Override
      public void triangle(Color color, double x0, double y0, double x1, double y1, double x2, double y2) {
        g.setFill(color);
        g.fillPolygon(new double[] {x0, x1, x2}, new double[] {y0, y1, y2}, 3);
      }

      @Override
      public void oval(Color color, double x, double y, double w, double h) {
        g.setFill(color);
        g.fillOval(x, y, w, h);
      }
    };
  }
}
