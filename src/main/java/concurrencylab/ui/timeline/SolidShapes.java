package concurrencylab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Shapes the canvases draw often, made of plain rectangle fills: the software renderer fills a
 * rectangle many times faster than it traces a stroke, a rounded rectangle or a path.
 */
final class SolidShapes {
  private SolidShapes() {}

  /**
   * A rectangle with its corners cut by two pixels: reads as a rounded chip, but is three plain fills,
   * where a rounded rectangle is a path the rasterizer has to trace.
   */
  static void chip(GraphicsContext g, double x, double y, double w, double h) {
    g.fillRect(x + 2, y, w - 4, h);
    g.fillRect(x, y + 2, 2, h - 4);
    g.fillRect(x + w - 2, y + 2, 2, h - 4);
  }

  /**
   * What {@code strokeLine(x, y0, x, y1)} draws with square caps (the canvas default), as a fill:
   * the same pixels, but a fill is far cheaper to draw than a stroke.
   */
  static void verticalLine(GraphicsContext g, double x, double y0, double y1, double lineWidth) {
    double half = lineWidth / 2;
    g.fillRect(x - half, Math.min(y0, y1) - half, lineWidth, Math.abs(y1 - y0) + lineWidth);
  }

  /**
   * What {@code strokeRect(x, y, w, h)} draws with a {@code lineWidth} wide line, as up to four
   * fills: the same pixels, but a fill is far cheaper to draw than a stroke.
   */
  static void frame(Fills g, Color color, double x, double y, double w, double h, double lineWidth) {
    double half = lineWidth / 2;
    if (w <= lineWidth || h <= lineWidth) {
      g.fill(color, x - half, y - half, w + lineWidth, h + lineWidth);
      return;
    }
    g.fill(color, x - half, y - half, w + lineWidth, lineWidth);
    g.fill(color, x - half, y + h - half, w + lineWidth, lineWidth);
    g.fill(color, x - half, y + half, lineWidth, h - lineWidth);
    g.fill(color, x + w - half, y + half, lineWidth, h - lineWidth);
  }
}
