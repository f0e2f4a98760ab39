package concurrencylab.ui.timeline;

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
  static void chip(Fills g, Color color, double x, double y, double w, double h) {
    g.fill(color, x + 2, y, w - 4, h);
    g.fill(color, x, y + 2, 2, h - 4);
    g.fill(color, x + w - 2, y + 2, 2, h - 4);
  }

  /**
   * What {@code strokeLine(x, y0, x, y1)} draws with square caps (the canvas default), as a fill:
   * the same pixels, but a fill is far cheaper to draw than a stroke.
   */
  static void verticalLine(Fills g, Color color, double x, double y0, double y1, double lineWidth) {
    double half = lineWidth / 2;
    g.fill(color, x - half, Math.min(y0, y1) - half, lineWidth, Math.abs(y1 - y0) + lineWidth);
  }

  /**
   * What {@code strokeLine(x, y0, x, y1)} with line dashes {@code on, off} draws with square caps
   * (the canvas default), as fills: each dash, capped at both ends, cut at the line's end.
   */
  static void dashedVerticalLine(Fills g, Color color, double x, double y0, double y1, double lineWidth, double on, double off) {
    double half = lineWidth / 2;
    double top = Math.min(y0, y1);
    double bottom = Math.max(y0, y1);
    for (double y = top; y < bottom; y += on + off) {
      double end = Math.min(bottom, y + on);
      g.fill(color, x - half, y - half, lineWidth, end - y + lineWidth);
    }
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
