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
 * The lanes' solid layers of one frame (stripes, states, lock holds, task outlines, queue depths,
 * ticks): the painters' fills are kept, and once every lane is done they go on the canvas the
 * cheaper way. The software renderer spends about as much on one fill, however small, as on
 * copying a hundred or so pixels of a picture; so a frame of a few thousand fills hands them to
 * the canvas as they are, and a dense frame of tens of thousands (every pixel column its own
 * shape) fills them into an array of pixels instead, blending the edges that fall between pixels
 * as the canvas would, and puts that on the canvas as one picture. Either way a frame costs at
 * most what its pixels cost, however many events there are.
 *
 * <p>Coordinates are the canvas's (layout pixels); the picture has {@code pixelScale} pixels per
 * unit, as the canvas has when it draws an export for slides.
 */
final class LanePixels implements Fills {
  /** About how many pixels of a picture the renderer copies in the time it takes to do one fill. */
  static final int PIXELS_PER_FILL = 128;

  private static final int FILL = 0;
  private static final int LINE = 1;
  private static final int CLIP = 2;
  /** Fills that only the picture needs: the canvas has them already (the axis's grid under the lanes). */
  private static final int UNDER = 3;
  private static final int STRIDE = 7;

  /** The fills of this frame: what each is and its numbers, {@link #STRIDE} to an entry, and their colours. */
  private double[] ops = new double[STRIDE * 1024];
  private final List<Color> colours = new ArrayList<>();
  private int count;
  private int fills;
  private Color ground;
  private boolean forcePicture;

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

  /** The fills that only a picture needs, because the canvas has them already. */
  private final Fills under = new Fills() {
    @Override
    public void fill(Color color, double x, double y, double w, double h) {
      add(UNDER, color, x, y, w, h, 0);
    }

    @Override
    public void line(Color color, double x0, double y0, double x1, double y1, double width) {
      throw new UnsupportedOperationException("only fills go under the lanes");
    }
  };

  /** Starts a frame: the lanes' area is {@code w × h} units at ({@code x}, {@code y}) on the canvas, in {@code ground}. */
  void begin(double x, double y, double w, double h, double pixelScale, Color groundColour) {
    left = x;
    top = y;
    scale = pixelScale;
    width = Math.max(1, (int) Math.ceil(w * pixelScale));
    height = Math.max(1, (int) Math.ceil(h * pixelScale));
    ground = groundColour;
    count = 0;
    fills = 0;
    colours.clear();
  }

  /** For tests: always draw the frame as a picture, however few its fills. */
  void alwaysPicture(boolean always) {
    forcePicture = always;
  }

  /** What only the picture needs to have drawn: fills the canvas has drawn under the lanes' area already. */
  Fills under() {
    return under;
  }

  /** Limits the fills that follow to the rows from {@code y0} to {@code y1} (canvas units), as a clip would. */
  void clipRows(double y0, double y1) {
    add(CLIP, null, y0, y1, 0, 0, 0);
  }

  @Override
  public void fill(Color color, double x, double y, double w, double h) {
    add(FILL, color, x, y, w, h, 0);
    fills++;
  }

  @Override
  public void line(Color color, double x0, double y0, double x1, double y1, double lineWidth) {
    add(LINE, color, x0, y0, x1, y1, lineWidth);
    fills++;
  }

  private void add(int kind, Color color, double a, double b, double c, double d, double e) {
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
    count++;
  }

  /** Whether this frame's fills go on the canvas as a picture (else as they are). */
  boolean asPicture() {
    return forcePicture || (long) fills * PIXELS_PER_FILL > (long) width * height;
  }

  /**
   * Puts this frame's fills on the canvas, whose transform maps units to its pixels, and which has
   * drawn everything under the lanes' area that is to show through (the ground, the axis's grid).
   */
  void drawTo(GraphicsContext g) {
    if (asPicture()) {
      drawPicture(g);
    } else {
      drawFills(g);
    }
  }

  private void drawFills(GraphicsContext g) {
    boolean clipped = false;
    Color fill = null;
    for (int i = 0; i < count; i++) {
      int at = i * STRIDE;
      int kind = (int) ops[at];
      if (kind == UNDER) {
        continue;
      }
      if (kind == CLIP) {
        if (clipped) {
          g.restore();
        }
        g.save();
        g.beginPath();
        g.rect(left, ops[at + 2], width / scale, ops[at + 3] - ops[at + 2]);
        g.clip();
        clipped = true;
        fill = null;
        continue;
      }
      Color colour = colours.get((int) ops[at + 1]);
      if (kind == FILL) {
        if (!colour.equals(fill)) {
          g.setFill(colour);
          fill = colour;
        }
        // cut to the lanes' area: the renderer drops a fill that reaches tens of thousands of pixels
        // away (the stretch of tasks running past the view's end, far out when zoomed in)
        double x0 = Math.max(ops[at + 2], left - 4);
        double x1 = Math.min(ops[at + 2] + ops[at + 4], left + width / scale + 4);
        if (x1 > x0) {
          g.fillRect(x0, ops[at + 3], x1 - x0, ops[at + 5]);
        }
      } else {
        g.setStroke(colour);
        g.setLineWidth(ops[at + 6]);
        g.strokeLine(ops[at + 2], ops[at + 3], ops[at + 4], ops[at + 5]);
      }
    }
    if (clipped) {
      g.restore();
    }
  }

  private void drawPicture(GraphicsContext g) {
    if (buffer == null || buffer.getWidth() != width || buffer.getHeight() != height) {
      IntBuffer ints = IntBuffer.allocate(width * height);
      pixels = ints.array();
      buffer = new PixelBuffer<>(width, height, ints, PixelFormat.getIntArgbPreInstance());
      image = new WritableImage(buffer);
    }
    Arrays.fill(pixels, 0, width * height, argb(ground));
    clipTop = 0;
    clipBottom = height;
    for (int i = 0; i < count; i++) {
      int at = i * STRIDE;
      int kind = (int) ops[at];
      if (kind == CLIP) {
        clipTop = Math.max(0, (int) Math.round((ops[at + 2] - top) * scale));
        clipBottom = Math.min(height, (int) Math.round((ops[at + 3] - top) * scale));
      } else if (kind == LINE) {
        rasterLine(colours.get((int) ops[at + 1]), ops[at + 2], ops[at + 3], ops[at + 4], ops[at + 5], ops[at + 6]);
      } else {
        rasterFill(colours.get((int) ops[at + 1]), ops[at + 2], ops[at + 3], ops[at + 4], ops[at + 5]);
      }
    }
    buffer.updateBuffer(whole -> null);
    g.drawImage(image, left, top, width / scale, height / scale);
  }

  /** The colour at a pixel of the last picture, for tests. */
  int pixel(int x, int y) {
    return pixels[y * width + x];
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
    for (int r = r0; r < r1; r++) {
      double cover = alpha * (Math.min(y1, r + 1) - Math.max(y0, r));
      int row = r * width;
      if (cover >= 1) {
        for (int c = row + from, end = row + to; c < end; c++) {
          pixels[c] = argb;
        }
      } else {
        for (int c = row + from, end = row + to; c < end; c++) {
          blend(c, argb, cover);
        }
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
