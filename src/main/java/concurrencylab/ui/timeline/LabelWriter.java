package concurrencylab.ui.timeline;

import concurrencylab.ui.look.CanvasText;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * How the painters write text: on screen from the {@link LabelCache}, whose pictures copy faster
 * than text is laid out again; in an exported picture, drawn at a higher resolution, directly.
 */
final class LabelWriter {
  private final LabelCache cache = new LabelCache();
  private boolean cached = true;

  /** Whether labels come from the cache (on screen) or are drawn as text (an export). */
  void useCache(boolean onScreen) {
    cached = onScreen;
  }

  /** {@code g.fillText(text, x, y)} with the context's font, fill and baseline. */
  void fill(GraphicsContext g, String text, double x, double y) {
    if (cached) {
      cache.fill(g, text, x, y);
    } else {
      g.fillText(text, x, y);
    }
  }

  /**
   * Puts a left-aligned label into the frame's picture from its cached picture, where {@link
   * #fill(GraphicsContext, String, double, double)} would draw it; false when it has none yet (or
   * this is an export), and it is to be drawn on the canvas.
   */
  boolean compose(LanePixels pixels, String text, Font font, Color ink, VPos baseline, double x, double y) {
    return cached && cache.compose(pixels, text, font, ink, baseline, x, y);
  }

  /** A label squeezed into {@code maxWidth} if it does not fit; one that fits is an ordinary label. */
  void fill(GraphicsContext g, String text, double x, double y, double maxWidth) {
    if (CanvasText.width(text, g.getFont()) <= maxWidth) {
      fill(g, text, x, y);
    } else {
      g.fillText(text, x, y, maxWidth);
    }
  }

  /** Renders the pictures that labels of this frame have earned; see {@link LabelCache#renderWaiting}. */
  void afterFrame(double outputScale, boolean busy) {
    cache.renderWaiting(outputScale, busy);
  }
}
