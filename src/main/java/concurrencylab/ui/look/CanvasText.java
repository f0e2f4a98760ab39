package concurrencylab.ui.look;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Text on canvases: measured once per label, and squeezed into a width only when it does not fit. */
public final class CanvasText {
  private static final Text MEASURE = new Text();
  /** Widths already measured; labels repeat from frame to frame. Used on the FX thread only. */
  private static final Map<Measured, Double> WIDTHS = new HashMap<>();

  private static final String ELLIPSIS = "…";
  private static final int MIN_KEPT = 3;

  /**
   * A text in a font: a key that costs no string to build, where a timeline of task chips looks up
   * thousands of widths a frame. Not a record: a record's first equals and hashCode are linked by
   * an invokedynamic bootstrap that spins a dozen method-handle classes, which the class-data
   * archive cannot keep, on the first frame's path (the first canvas label).
   */
  private static final class Measured {
    private final String text;
    private final Font font;

    Measured(String text, Font font) {
      this.text = text;
      this.font = font;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Measured m && text.equals(m.text) && font.equals(m.font);
    }

    @Override
    public int hashCode() {
      return 31 * text.hashCode() + font.hashCode();
    }
  }

  private CanvasText() {}

  /** The width of a text in a font, for laying out labels on canvases whatever the script. */
  public static double width(String text, Font font) {
    Measured key = new Measured(text, font);
    Double known = WIDTHS.get(key);
    if (known != null) {
      return known;
    }
    MEASURE.setFont(font);
    MEASURE.setText(text);
    double width = MEASURE.getLayoutBounds().getWidth();
    if (WIDTHS.size() > 16_384) {
      WIDTHS.clear();
    }
    WIDTHS.put(key, width);
    return width;
  }

  /**
   * The text if it fits in {@code maxWidth}, else its longest beginning that fits with an ellipsis
   * after it, else the empty string: a cut label reads better than a squeezed one, and one cut to
   * fewer than three characters says nothing.
   */
  public static String fitting(String text, Font font, double maxWidth) {
    if (width(text, font) <= maxWidth) {
      return text;
    }
    int low = 0; // a beginning this long fits
    int high = text.length(); // a beginning this long does not
    while (high - low > 1) {
      int middle = (low + high) >>> 1;
      if (width(text.substring(0, middle) + ELLIPSIS, font) <= maxWidth) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return low < MIN_KEPT ? "" : text.substring(0, low).stripTrailing() + ELLIPSIS;
  }

  /**
   * The font of this family, weight and size, or where the text would not fit in {@code maxWidth}
   * the size that fits (to half a pixel, widths growing with the size), but not below {@code least}:
   * a text made to fit is set smaller, its glyphs keeping their shape, not squeezed.
   */
  public static Font shrunkToFit(String family, FontWeight weight, double size, String text, double maxWidth, double least) {
    Font font = Font.font(family, weight, size);
    double width = width(text, font);
    if (width <= maxWidth) {
      return font;
    }
    return Font.font(family, weight, Math.max(least, Math.floor(size * maxWidth / width * 2) / 2));
  }

  /**
   * {@code g.fillText(text, x, y, maxWidth)}, but a text that fits is drawn without the limit: with
   * a limit the canvas lays the text out again and draws it scaled, several times dearer.
   */
  public static void fill(GraphicsContext g, String text, double x, double y, double maxWidth) {
    if (width(text, g.getFont()) <= maxWidth) {
      g.fillText(text, x, y);
    } else {
      g.fillText(text, x, y, maxWidth);
    }
  }
}
