package concurrencylab.ui.timeline;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Everything a frame draws in the lanes' area (stripes, states, lock holds, task outlines, queue
 * depths, ticks, marks and ends, spawns, links, the cursor, and the event labels' chips and the
 * texts that have pictures): the painters' shapes are kept, and once every layer is done they go on
 * the canvas the cheaper way. The software renderer spends about as much on one fill, however
 * small, as on copying a hundred or so pixels of a picture, and paints every pixel a fill covers
 * even when the next fill covers it again; so a frame is put together in an array of pixels in
 * Java, each shape written where it shows, edges that fall between pixels blended as the canvas
 * would, and goes on the canvas as one picture: the canvas paints each pixel of the lanes once,
 * however many events there are. (Drawn by the canvas itself, shape after shape, a frame had to be
 * clipped, and a canvas clip costs the renderer its whole area: see {@link #asPicture}.)
 *
 * <p>Coordinates are the canvas's (layout pixels); the picture has {@code pixelScale} pixels per
 * unit, as the canvas has when it draws an export for slides.
 */
final class LanePixels implements Fills {
  private static final int FILL = 0;
  private static final int LINE = 1;
  private static final int CLIP = 2;
  private static final int TRIANGLE = 3;
  private static final int OVAL = 4;
  private static final int IMAGE = 5;
  private static final int STRIDE = 9;
  /** How many pixels wide a fill is at most to be written column by column. */
  private static final int NARROW = 8;

  /** The shapes of this frame: what each is and its numbers, {@link #STRIDE} to an entry, and their colours. */
  private double[] ops = new double[STRIDE * 1024];
  private final List<Color> colours = new ArrayList<>();
  /** The pixels of the label pictures that {@link #IMAGE} entries copy from. */
  private final List<int[]> images = new ArrayList<>();
  private int count;
  private Color ground;
  /** Whether this frame's shapes cover every pixel of the picture's place, its ground included. */
  private boolean groundGiven;
  /** For tests: the frame is drawn as the canvas's own fills, not as a picture. */
  private boolean canvasFills;

  private int[] pixels = new int[0];
  /** The picture, sharing {@link #pixels}: the renderer copies them as they are, with no conversion. */
  private PixelBuffer<IntBuffer> buffer;
  private WritableImage image;
  private int width;
  private int height;
  private double left;
  private double top;
  private double scale = 1;
  private int clipTop;
  private int clipBottom;

  /** Starts a frame: the lanes' area is {@code w × h} units at ({@code x}, {@code y}) on the canvas, in {@code ground}. */
  void begin(double x, double y, double w, double h, double pixelScale, Color groundColour) {
    left = x;
    top = y;
    scale = pixelScale;
    width = Math.max(1, (int) Math.ceil(w * pixelScale));
    height = Math.max(0, (int) Math.ceil(h * pixelScale));
    ground = groundColour;
    groundGiven = false;
    count = 0;
    colours.clear();
    images.clear();
  }

  /**
   * Says that the shapes of this frame fill every pixel of the picture's place, the ground among
   * them: drawn by the canvas, the area then needs no ground of its own beneath them.
   */
  void groundGiven() {
    groundGiven = true;
  }

  /** For tests: draw the frame as the canvas's own fills (what the picture must look like), or as the picture. */
  void drawAsCanvasFills(boolean fills) {
    canvasFills = fills;
  }

  /** Where the picture ends at the bottom, in canvas units: on a whole pixel of the picture. */
  double bottom() {
    return top + height / scale;
  }

  /** Pixels of the picture per unit of the canvas. */
  double scale() {
    return scale;
  }

  /** Limits the shapes that follow to the rows from {@code y0} to {@code y1} (canvas units), as a clip would. */
  void clipRows(double y0, double y1) {
    add(CLIP, null, y0, y1, 0, 0, 0, 0, 0);
  }

  @Override
  public void fill(Color color, double x, double y, double w, double h) {
    add(FILL, color, x, y, w, h, 0, 0, 0);
  }

  @Override
  public void line(Color color, double x0, double y0, double x1, double y1, double lineWidth) {
    add(LINE, color, x0, y0, x1, y1, lineWidth, 0, 0);
  }

  @Override
  public void triangle(Color color, double x0, double y0, double x1, double y1, double x2, double y2) {
    add(TRIANGLE, color, x0, y0, x1, y1, x2, y2, 0);
  }

  @Override
  public void oval(Color color, double x, double y, double w, double h) {
    add(OVAL, color, x, y, w, h, 0, 0, 0);
  }

  /**
   * Copies a {@code w × h} region at ({@code sx}, {@code sy}) of a premultiplied ARGB picture
   * {@code sourceWidth} pixels a row over the frame's picture, its top left corner at ({@code dx},
   * {@code dy}) (canvas units, on a whole pixel of the picture): a label's text. Only for a frame
   * drawn as a picture ({@link #asPicture()}).
   */
  void image(int[] source, int sourceWidth, int sx, int sy, int w, int h, double dx, double dy) {
    int index = images.size();
    images.add(source);
    add(IMAGE, null, index, sourceWidth, sx, sy, w, h, dx);
    ops[(count - 1) * STRIDE + 1] = dy; // the colour's slot: an image has none
  }

  private void add(int kind, Color color, double a, double b, double c, double d, double e, double f, double g) {
    if ((count + 1) * STRIDE > ops.length) {
      ops = Arrays.copyOf(ops, ops.length * 2);
    }
    int at = count * STRIDE;
    int colour = colours.size();
    if (color != null) {
      if (colour > 0 && colours.get(colour - 1).equals(color)) {
        colour--;
      } else {
        colours.add(color);
      }
    }
    ops[at] = kind;
    ops[at + 1] = colour;
    ops[at + 2] = a;
    ops[at + 3] = b;
    ops[at + 4] = c;
    ops[at + 5] = d;
    ops[at + 6] = e;
    ops[at + 7] = f;
    ops[at + 8] = g;
    count++;
  }

  /**
   * Whether this frame's shapes go on the canvas as a picture (else as they are): always, unless a
   * test asks for the fills. The fills are drawn inside a clip of the picture's place (and each
   * lane's inside its own), and the renderer applies a canvas clip through an offscreen layer
   * blended over the clip's whole area: in a real window that cost 25–80 ms a frame for a lesson's
   * few hundred shapes, where the picture costs its pixels once.
   */
  boolean asPicture() {
    return !canvasFills;
  }

  /** Puts this frame's lanes' area on the canvas, whose transform maps units to its pixels. */
  void drawTo(GraphicsContext g) {
    if (height == 0) {
      return;
    }
    if (asPicture()) {
      drawPicture(g);
    } else {
      drawFills(g);
    }
  }

  /** How many shapes this frame has so far: where the next one will be, for {@link #drawSpill}. */
  int shapes() {
    return count;
  }

  /**
   * Draws on the canvas, clipped to ({@code x0}, {@code y0})–({@code x1}, {@code y1}), the parts of
   * the shapes from {@code from} to {@code to} that reach left of the picture: a spawn's dot at the
   * very start of the view, a grid line on the view's first pixel, which the canvas used to draw
   * over the edge of the label column.
   */
  void drawSpill(GraphicsContext g, int from, int to, double x0, double y0, double x1, double y1) {
    boolean clipped = false;
    for (int i = from; i < to; i++) {
      int at = i * STRIDE;
      int kind = (int) ops[at];
      double minX = switch (kind) {
        case FILL, OVAL -> ops[at + 2];
        case TRIANGLE -> Math.min(ops[at + 2], Math.min(ops[at + 4], ops[at + 6]));
        default -> Double.POSITIVE_INFINITY; // clips, lines and label pictures stay in the lanes
      };
      if (minX >= left) {
        continue;
      }
      if (!clipped) {
        g.save();
        g.beginPath();
        g.rect(x0, y0, x1 - x0, y1 - y0);
        g.clip();
        clipped = true;
      }
      Color colour = colours.get((int) ops[at + 1]);
      g.setFill(colour);
      if (kind == FILL) {
        g.fillRect(ops[at + 2], ops[at + 3], Math.min(ops[at + 4], left + 4 - ops[at + 2]), ops[at + 5]);
      } else {
        fillTriangleOrOval(g, kind, at);
      }
    }
    if (clipped) {
      g.restore();
    }
  }

  /** The triangle or oval recorded at {@code at}, filled on the canvas in the fill colour set. */
  private void fillTriangleOrOval(GraphicsContext g, int kind, int at) {
    if (kind == TRIANGLE) {
      g.fillPolygon(new double[] {ops[at + 2], ops[at + 4], ops[at + 6]}, new double[] {ops[at + 3], ops[at + 5], ops[at + 7]}, 3);
    } else {
      g.fillOval(ops[at + 2], ops[at + 3], ops[at + 4], ops[at + 5]);
    }
  }

  private void drawFills(GraphicsContext g) {
    if (!groundGiven) {
      g.setFill(ground);
      g.fillRect(left, top, width / scale, height / scale);
    }
    // within the picture's place, as a picture would be
    g.save();
    g.beginPath();
    g.rect(left, top, width / scale, height / scale);
    g.clip();
    boolean clipped = false;
    Color fill = null;
    for (int i = 0; i < count; i++) {
      int at = i * STRIDE;
      int kind = (int) ops[at];
      if (kind == CLIP) {
        if (clipped) {
          g.restore();
        }
        g.save();
        g.beginPath();
        double y0 = Math.max(top, ops[at + 2]);
        g.rect(left, y0, width / scale, Math.max(0, Math.min(bottom(), ops[at + 3]) - y0));
        g.clip();
        clipped = true;
        fill = null;
        continue;
      }
      if (kind == IMAGE) {
        continue; // never recorded for a frame drawn this way
      }
      Color colour = colours.get((int) ops[at + 1]);
      if (kind == LINE) {
        g.setStroke(colour);
        g.setLineWidth(ops[at + 6]);
        g.strokeLine(ops[at + 2], ops[at + 3], ops[at + 4], ops[at + 5]);
        continue;
      }
      if (!colour.equals(fill)) {
        g.setFill(colour);
        fill = colour;
      }
      if (kind == FILL) {
        // cut to the lanes' area: the renderer drops a fill that reaches tens of thousands of pixels
        // away (the stretch of tasks running past the view's end, far out when zoomed in)
        double x0 = Math.max(ops[at + 2], left - 4);
        double x1 = Math.min(ops[at + 2] + ops[at + 4], left + width / scale + 4);
        if (x1 > x0) {
          g.fillRect(x0, ops[at + 3], x1 - x0, ops[at + 5]);
        }
      } else {
        fillTriangleOrOval(g, kind, at);
      }
    }
    if (clipped) {
      g.restore();
    }
    g.restore();
  }

  private void drawPicture(GraphicsContext g) {
    if (buffer == null || buffer.getWidth() != width || buffer.getHeight() != height) {
      IntBuffer ints = IntBuffer.allocate(width * height);
      pixels = ints.array();
      buffer = new PixelBuffer<>(width, height, ints, PixelFormat.getIntArgbPreInstance());
      image = new WritableImage(buffer);
    }
    if (!groundGiven) {
      Arrays.fill(pixels, 0, width * height, argb(ground));
    }
    clipTop = 0;
    clipBottom = height;
    for (int i = 0; i < count; i++) {
      int at = i * STRIDE;
      switch ((int) ops[at]) {
        case CLIP -> {
          clipTop = Math.max(0, (int) Math.round((ops[at + 2] - top) * scale));
          clipBottom = Math.min(height, (int) Math.round((ops[at + 3] - top) * scale));
        }
        case LINE -> rasterLine(colours.get((int) ops[at + 1]), ops[at + 2], ops[at + 3], ops[at + 4], ops[at + 5], ops[at + 6]);
        case FILL -> rasterFill(colours.get((int) ops[at + 1]), ops[at + 2], ops[at + 3], ops[at + 4], ops[at + 5]);
        case TRIANGLE -> rasterTriangle(colours.get((int) ops[at + 1]), ops[at + 2], ops[at + 3], ops[at + 4], ops[at + 5], ops[at + 6], ops[at + 7]);
        case OVAL -> rasterOval(colours.get((int) ops[at + 1]), ops[at + 2], ops[at + 3], ops[at + 4], ops[at + 5]);
        default -> copyImage(images.get((int) ops[at + 2]), (int) ops[at + 3], (int) ops[at + 4], (int) ops[at + 5], (int) ops[at + 6],
            (int) ops[at + 7], ops[at + 8], ops[at + 1]);
      }
    }
    buffer.updateBuffer(whole -> null);
    g.drawImage(image, left, top, width / scale, height / scale);
  }

  /** A premultiplied picture's region over the frame's (opaque) picture, from its top left corner at ({@code dx}, {@code dy}). */
  private void copyImage(int[] source, int sourceWidth, int sx, int sy, int w, int h, double dx, double dy) {
    int sourceHeight = source.length / sourceWidth;
    int x0 = (int) Math.round((dx - left) * scale);
    int y0 = (int) Math.round((dy - top) * scale);
    // the columns that lie both in the source and in the picture
    int c0 = Math.max(0, Math.max(-sx, -x0));
    int c1 = Math.min(w, Math.min(sourceWidth - sx, width - x0));
    for (int r = 0; r < h; r++) {
      int y = y0 + r;
      int from = sy + r;
      if (y < clipTop || y >= clipBottom || from < 0 || from >= sourceHeight) {
        continue;
      }
      int in = from * sourceWidth + sx;
      int out = y * width + x0;
      for (int c = c0; c < c1; c++) {
        int over = source[in + c];
        int a = over >>> 24;
        if (a == 0) {
          continue;
        }
        int at = out + c;
        if (a == 255) {
          pixels[at] = over;
          continue;
        }
        int under = pixels[at];
        int keep = 255 - a;
        int red = ((over >> 16) & 0xff) + (((under >> 16) & 0xff) * keep + 127) / 255;
        int green = ((over >> 8) & 0xff) + (((under >> 8) & 0xff) * keep + 127) / 255;
        int blue = (over & 0xff) + ((under & 0xff) * keep + 127) / 255;
        pixels[at] = 0xff000000 | Math.min(255, red) << 16 | Math.min(255, green) << 8 | Math.min(255, blue);
      }
    }
  }

  /** A shape by how much of each pixel it covers, sampled on a 4×4 grid within the pixel. */
  private void rasterCovered(Color color, double minX, double minY, double maxX, double maxY, Inside inside) {
    int c0 = Math.max(0, (int) Math.floor((minX - left) * scale));
    int c1 = Math.min(width, (int) Math.ceil((maxX - left) * scale));
    int r0 = Math.max(clipTop, (int) Math.floor((minY - top) * scale));
    int r1 = Math.min(clipBottom, (int) Math.ceil((maxY - top) * scale));
    int argb = argb(color);
    for (int r = r0; r < r1; r++) {
      for (int c = c0; c < c1; c++) {
        int hits = 0;
        for (int sy = 0; sy < 4; sy++) {
          double y = top + (r + (sy + 0.5) / 4) / scale;
          for (int sx = 0; sx < 4; sx++) {
            if (inside.at(left + (c + (sx + 0.5) / 4) / scale, y)) {
              hits++;
            }
          }
        }
        blend(r * width + c, argb, color.getOpacity() * hits / 16);
      }
    }
  }

  @FunctionalInterface
  private interface Inside {
    boolean at(double x, double y);
  }

  private void rasterTriangle(Color color, double x0, double y0, double x1, double y1, double x2, double y2) {
    double area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    if (area == 0) {
      return;
    }
    double sign = Math.signum(area);
    rasterCovered(color, Math.min(x0, Math.min(x1, x2)), Math.min(y0, Math.min(y1, y2)), Math.max(x0, Math.max(x1, x2)),
        Math.max(y0, Math.max(y1, y2)), (x, y) -> sign * ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) >= 0
            && sign * ((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)) >= 0
            && sign * ((x0 - x2) * (y - y2) - (y0 - y2) * (x - x2)) >= 0);
  }

  private void rasterOval(Color color, double x, double y, double w, double h) {
    if (!(w > 0) || !(h > 0)) {
      return;
    }
    double cx = x + w / 2;
    double cy = y + h / 2;
    rasterCovered(color, x, y, x + w, y + h, (px, py) -> {
      double dx = (px - cx) / (w / 2);
      double dy = (py - cy) / (h / 2);
      return dx * dx + dy * dy <= 1;
    });
  }

  private void rasterFill(Color color, double x, double y, double w, double h) {
    if (!(w > 0) || !(h > 0)) {
      return;
    }
    double x0 = (x - left) * scale;
    double x1 = (x + w - left) * scale;
    double y0 = (y - top) * scale;
    double y1 = (y + h - top) * scale;
    int r0 = Math.max(clipTop, (int) Math.floor(y0));
    int r1 = Math.min(clipBottom, (int) Math.ceil(y1));
    if (r0 >= r1 || x1 <= 0 || x0 >= width) {
      return;
    }
    int argb = argb(color);
    double alpha = color.getOpacity();
    // the columns wholly inside, and the edge columns partly covered (-1: none)
    int first = (int) Math.floor(x0);
    int last = (int) Math.ceil(x1) - 1;
    int leftEdge = -1;
    int rightEdge = -1;
    double leftCover = 0;
    double rightCover = 0;
    if (first == last) {
      leftEdge = first;
      leftCover = x1 - x0;
    } else {
      if (x0 > first) {
        leftEdge = first;
        leftCover = first + 1 - x0;
      }
      if (x1 < last + 1) {
        rightEdge = last;
        rightCover = x1 - last;
      }
    }
    int from = Math.max(0, leftEdge == first ? first + 1 : first);
    int to = Math.min(width, rightEdge == last ? last : last + 1);
    leftEdge = leftEdge >= 0 && leftEdge < width ? leftEdge : -1;
    rightEdge = rightEdge >= 0 && rightEdge < width ? rightEdge : -1;
    // the rows an opaque fill covers wholly; a narrow one (a tick, a blip of a state, a task's
    // edge) goes down them column by column: filled a row at a time, each row of a few pixels
    // costs as much to set up as to write
    int solidFrom = r1;
    int solidTo = r1;
    if (alpha >= 1 && to - from <= NARROW) {
      solidFrom = Math.max(r0, (int) Math.ceil(y0));
      solidTo = Math.max(solidFrom, Math.min(r1, (int) Math.floor(y1)));
      int stop = solidTo * width;
      for (int c = from; c < to; c++) {
        for (int at = solidFrom * width + c; at < stop; at += width) {
          pixels[at] = argb;
        }
      }
    }
    for (int r = r0; r < r1; r++) {
      double cover = alpha * (Math.min(y1, r + 1) - Math.max(y0, r));
      int row = r * width;
      if (r >= solidFrom && r < solidTo) {
        // written above
      } else if (cover >= 1) {
        if (to > from) {
          Arrays.fill(pixels, row + from, row + to, argb);
        }
      } else {
        blendSpan(row + from, row + to, argb, cover);
      }
      if (leftEdge >= 0) {
        blend(row + leftEdge, argb, cover * leftCover);
      }
      if (rightEdge >= 0) {
        blend(row + rightEdge, argb, cover * rightCover);
      }
    }
  }

  /**
   * A line as each of its pixel rows would cover it: the span its width crosses in that row,
   * blended at the span's ends. Good for the hatching's steep and diagonal lines, which is all
   * the lanes draw.
   */
  private void rasterLine(Color color, double x0, double y0, double x1, double y1, double lineWidth) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double length = Math.hypot(dx, dy);
    if (length == 0) {
      return;
    }
    if (Math.abs(dy) < Math.abs(dx) * 0.5) { // nearly level: a rectangle is close enough
      rasterFill(color, Math.min(x0, x1), Math.min(y0, y1) - lineWidth / 2, Math.abs(dx), Math.abs(dy) + lineWidth);
      return;
    }
    double halfSpan = lineWidth / 2 * length / Math.abs(dy); // the line's width, measured along a row
    double top0 = Math.min(y0, y1);
    double bottom0 = Math.max(y0, y1);
    int r0 = Math.max(clipTop, (int) Math.floor((top0 - top) * scale));
    int r1 = Math.min(clipBottom, (int) Math.ceil((bottom0 - top) * scale));
    for (int r = r0; r < r1; r++) {
      double yc = top + (r + 0.5) / scale;
      double t = Math.max(0, Math.min(1, (yc - y0) / dy));
      double xc = x0 + t * dx;
      double rowCover = Math.min(bottom0, top + (r + 1) / scale) - Math.max(top0, top + r / scale);
      fillRow(color, r, xc - halfSpan, xc + halfSpan, Math.min(1, rowCover * scale));
    }
  }

  private void fillRow(Color color, int r, double from, double to, double cover) {
    double x0 = (from - left) * scale;
    double x1 = (to - left) * scale;
    int c0 = Math.max(0, (int) Math.floor(x0));
    int c1 = Math.min(width, (int) Math.ceil(x1));
    int argb = argb(color);
    double alpha = color.getOpacity() * cover;
    for (int c = c0; c < c1; c++) {
      blend(r * width + c, argb, alpha * (Math.min(x1, c + 1) - Math.max(x0, c)));
    }
  }

  /** Blends {@code argb} over the pixels from {@code from} to {@code to}, each covered as much. */
  private void blendSpan(int from, int to, int argb, double coverage) {
    if (coverage <= 0 || to <= from) {
      return;
    }
    int a = (int) Math.round(coverage * 256);
    if (a >= 256) {
      Arrays.fill(pixels, from, to, argb);
      return;
    }
    int red = (argb >> 16) & 0xff;
    int green = (argb >> 8) & 0xff;
    int blue = argb & 0xff;
    for (int at = from; at < to; at++) {
      int under = pixels[at];
      int r = mix((under >> 16) & 0xff, red, a);
      int g = mix((under >> 8) & 0xff, green, a);
      int b = mix(under & 0xff, blue, a);
      pixels[at] = 0xff000000 | r << 16 | g << 8 | b;
    }
  }

  private void blend(int at, int argb, double coverage) {
    if (coverage <= 0) {
      return;
    }
    if (coverage >= 1) {
      pixels[at] = argb;
      return;
    }
    int a = (int) Math.round(coverage * 256);
    int under = pixels[at];
    int r = mix((under >> 16) & 0xff, (argb >> 16) & 0xff, a);
    int gr = mix((under >> 8) & 0xff, (argb >> 8) & 0xff, a);
    int b = mix(under & 0xff, argb & 0xff, a);
    pixels[at] = 0xff000000 | r << 16 | gr << 8 | b;
  }

  private static int mix(int under, int over, int a) {
    return under + (((over - under) * a) >> 8);
  }

  /** The colour as an opaque pixel (the picture is opaque: every colour is blended onto what is beneath). */
  private static int argb(Color color) {
    return 0xff000000 | (int) Math.round(color.getRed() * 255) << 16 | (int) Math.round(color.getGreen() * 255) << 8
        | (int) Math.round(color.getBlue() * 255);
  }
}
