package concurrencylab.ui.timeline;

import concurrencylab.ui.look.CanvasText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Transform;

/**
 * Labels a canvas draws frame after frame, kept as pictures: copying a picture of a label costs a
 * fraction of laying its text out and rasterizing every glyph again, which the software renderer
 * does for each {@code fillText}. A label is drawn as text until it has been wanted in a few
 * frames (a label that changes every frame is never worth a picture); then the labels waiting for
 * pictures are rendered together into one image after the frame. Used on the FX thread only.
 */
final class LabelCache {
  /** Frames a label is drawn as text before it gets a picture. */
  private static final int FRAMES_BEFORE_PICTURE = 3;
  private static final int MAX_PICTURES = 2048; // a few MiB of pictures at most
  private static final int MAX_WAITING = 512;
  private static final int BUSY_BATCH = 16;
  private static final double PAGE_WIDTH = 2048;
  private static final double PAD = 1;

  private record Key(String text, Font font, Color color, VPos baseline) {}

  /**
   * Where a label's picture is: a region of a page, and the label's origin within that region; the
   * page's pixels too (premultiplied ARGB, {@code pageWidth} a row), for pictures composed in Java.
   */
  private record Picture(Image page, int[] pagePixels, int pageWidth, double x, double y, double width, double height, double originX,
      double originY) {}

  private final Map<Key, Picture> pictures = new HashMap<>();
  private final Map<Key, Integer> misses = new HashMap<>();
  private final Set<Key> waiting = new LinkedHashSet<>();
  private double scale = 1;

  /**
   * Draws {@code text} as {@code g.fillText(text, x, y)} would with the context's font, colour and
   * baseline, left-aligned or centred; from its picture when it has one.
   */
  void fill(GraphicsContext g, String text, double x, double y) {
    Paint paint = g.getFill();
    TextAlignment align = g.getTextAlign();
    boolean usable = paint instanceof Color && (align == TextAlignment.LEFT || align == TextAlignment.CENTER) && !text.isEmpty();
    if (!usable) {
      g.fillText(text, x, y);
      return;
    }
    Key key = new Key(text, g.getFont(), (Color) paint, g.getTextBaseline());
    Picture picture = pictures.get(key);
    if (picture == null) {
      g.fillText(text, x, y);
      int missed = misses.merge(key, 1, Integer::sum);
      if (missed >= FRAMES_BEFORE_PICTURE && waiting.size() < MAX_WAITING) {
        waiting.add(key);
      }
      return;
    }
    double left = align == TextAlignment.CENTER ? x - CanvasText.width(text, key.font()) / 2 : x;
    // whole pixels: a picture copied to a fraction of a pixel is blurred
    double dx = Math.round(left + picture.originX());
    double dy = Math.round(y + picture.originY());
    g.drawImage(picture.page(), picture.x(), picture.y(), picture.width(), picture.height(), dx, dy, picture.width() / scale, picture.height() / scale);
  }

  /**
   * Puts a left-aligned label's picture into {@code pixels}, where {@link #fill} would have drawn it
   * with this font, colour and baseline, if it has one at the picture's scale; false when it has
   * none, and the label is to be drawn as {@link #fill} draws it.
   */
  boolean compose(LanePixels pixels, String text, Font font, Color color, VPos baseline, double x, double y) {
    if (text.isEmpty() || pixels.scale() != scale) {
      return false;
    }
    Picture picture = pictures.get(new Key(text, font, color, baseline));
    if (picture == null) {
      return false;
    }
    double dx = Math.round(x + picture.originX());
    double dy = Math.round(y + picture.originY());
    pixels.image(picture.pagePixels(), picture.pageWidth(), (int) picture.x(), (int) picture.y(), (int) picture.width(), (int) picture.height(),
        dx, dy);
    return true;
  }

  /**
   * Renders the labels that have earned a picture into one image; call after a frame is drawn.
   * {@code outputScale} is how many device pixels the canvas has per unit, so pictures are as sharp
   * as text drawn directly. While {@code busy} (a run is drawing live) only a batch of labels is
   * worth the pause a rendering costs; a few can wait until the view is still.
   */
  void renderWaiting(double outputScale, boolean busy) {
    if (outputScale != scale) {
      clear();
      scale = outputScale;
    }
    if (waiting.isEmpty() || busy && waiting.size() < BUSY_BATCH) {
      return;
    }
    if (pictures.size() + waiting.size() > MAX_PICTURES) {
      pictures.clear();
      misses.clear();
    }
    List<Key> batch = new ArrayList<>(waiting);
    waiting.clear();
    Group page = new Group();
    List<Text> texts = new ArrayList<>();
    double x = 0;
    double y = 0;
    double rowHeight = 0;
    for (Key key : batch) {
      Text text = new Text(key.text());
      text.setFont(key.font());
      text.setFill(key.color());
      text.setTextOrigin(key.baseline());
      Bounds bounds = text.getLayoutBounds();
      if (x > 0 && x + bounds.getWidth() > PAGE_WIDTH) {
        x = 0;
        y += rowHeight + 2;
        rowHeight = 0;
      }
      // the text's bounds, not its origin, at (x, y), with a pixel to spare around for overhangs
      text.setLayoutX(x + PAD - bounds.getMinX());
      text.setLayoutY(y + PAD - bounds.getMinY());
      x += Math.ceil(bounds.getWidth()) + 2 * PAD + 2;
      rowHeight = Math.max(rowHeight, Math.ceil(bounds.getHeight()) + 2 * PAD);
      page.getChildren().add(text);
      texts.add(text);
    }
    SnapshotParameters parameters = new SnapshotParameters();
    parameters.setFill(Color.TRANSPARENT);
    parameters.setTransform(Transform.scale(scale, scale));
    Image image = page.snapshot(parameters, null);
    int pageWidth = (int) image.getWidth();
    int[] pagePixels = new int[pageWidth * (int) image.getHeight()];
    image.getPixelReader().getPixels(0, 0, pageWidth, (int) image.getHeight(), PixelFormat.getIntArgbPreInstance(), pagePixels, 0, pageWidth);
    Bounds pageBounds = page.getBoundsInLocal(); // the image's top left corner
    for (int i = 0; i < batch.size(); i++) {
      Text text = texts.get(i);
      Bounds layout = text.getLayoutBounds();
      double left = text.getLayoutX() + layout.getMinX() - PAD;
      double top = text.getLayoutY() + layout.getMinY() - PAD;
      pictures.put(batch.get(i), new Picture(
          image,
          pagePixels,
          pageWidth,
          (left - pageBounds.getMinX()) * scale,
          (top - pageBounds.getMinY()) * scale,
          Math.ceil((layout.getWidth() + 2 * PAD) * scale),
          Math.ceil((layout.getHeight() + 2 * PAD) * scale),
          layout.getMinX() - PAD,
          layout.getMinY() - PAD));
    }
    if (misses.size() > MAX_PICTURES) {
      misses.clear();
    }
  }

  /** How many labels have a picture. */
  int pictures() {
    return pictures.size();
  }

  /** Forgets every picture. */
  void clear() {
    pictures.clear();
    misses.clear();
    waiting.clear();
  }
}
