package concurrencylab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import java.util.SplittableRandom;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frame's picture put together in Java: every fill, narrow or wide, on whole pixels or between
 * them, opaque or not, within the rows of its clip, covers each pixel as much as it overlaps it.
 */
class LanePixelsTest {
  private static final int WIDTH = 160;
  private static final int HEIGHT = 48;
  private static final Color GROUND = Color.rgb(250, 248, 240);

  @BeforeAll
  static void start() throws Exception {
    HeadlessFxForTests.start();
  }

  @Test
  void fillsCoverEachPixelAsMuchAsTheyOverlapIt() throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    int[] expected = new int[WIDTH * HEIGHT];
    java.util.Arrays.fill(expected, argb(GROUND));
    LanePixels pixels = new LanePixels();
    pixels.drawAsCanvasFills(false);
    pixels.begin(0, 0, WIDTH, HEIGHT, 1, GROUND);
    int clipTop = 0;
    int clipBottom = HEIGHT;
    for (int i = 0; i < 400; i++) {
      if (i % 50 == 0) {
        clipTop = random.nextInt(HEIGHT / 2);
        clipBottom = clipTop + 1 + random.nextInt(HEIGHT - clipTop);
        pixels.clipRows(clipTop, clipBottom);
      }
      boolean whole = random.nextBoolean();
      double x = whole ? random.nextInt(WIDTH) : random.nextDouble(-2, WIDTH);
      double w = whole ? 1 + random.nextInt(random.nextBoolean() ? 4 : 40) : random.nextDouble(0.2, random.nextBoolean() ? 9 : 40);
      double y = whole ? random.nextInt(HEIGHT) : random.nextDouble(-2, HEIGHT);
      double h = whole ? 1 + random.nextInt(24) : random.nextDouble(0.3, 24);
      Color colour = Color.rgb(random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(3) == 0 ? random.nextDouble(0.1, 1) : 1);
      pixels.fill(colour, x, y, w, h);
      fill(expected, colour, x, y, w, h, clipTop, clipBottom);
    }

    int[] drawn = HeadlessFx.call(() -> {
      Canvas canvas = new Canvas(WIDTH, HEIGHT);
      pixels.drawTo(canvas.getGraphicsContext2D());
      WritableImage image = canvas.snapshot(null, null);
      int[] argb = new int[WIDTH * HEIGHT];
      image.getPixelReader().getPixels(0, 0, WIDTH, HEIGHT, PixelFormat.getIntArgbInstance(), argb, 0, WIDTH);
      return argb;
    });

    for (int at = 0; at < expected.length; at++) {
      if (drawn[at] != expected[at]) {
        assertThat(Integer.toHexString(drawn[at])).as("pixel (%d, %d)", at % WIDTH, at / WIDTH).isEqualTo(Integer.toHexString(expected[at]));
      }
    }
  }

  /** A fill, pixel by pixel: its colour over each pixel by the part of the pixel it covers. */
  private static void fill(int[] into, Color colour, double x, double y, double w, double h, int clipTop, int clipBottom) {
    for (int r = Math.max(clipTop, (int) Math.floor(y)); r < Math.min(clipBottom, Math.ceil(y + h)); r++) {
      double rowCover = colour.getOpacity() * (Math.min(y + h, r + 1) - Math.max(y, r));
      for (int c = Math.max(0, (int) Math.floor(x)); c < Math.min(WIDTH, Math.ceil(x + w)); c++) {
        double columnCover = Math.min(x + w, c + 1) - Math.max(x, c);
        blend(into, r * WIDTH + c, argb(colour), columnCover >= 1 ? rowCover : rowCover * columnCover);
      }
    }
  }

  private static void blend(int[] into, int at, int argb, double coverage) {
    if (coverage <= 0) {
      return;
    }
    int a = (int) Math.round(coverage * 256);
    if (coverage >= 1 || a >= 256) {
      into[at] = argb;
      return;
    }
    int under = into[at];
    int red = mix((under >> 16) & 0xff, (argb >> 16) & 0xff, a);
    int green = mix((under >> 8) & 0xff, (argb >> 8) & 0xff, a);
    int blue = mix(under & 0xff, argb & 0xff, a);
    into[at] = 0xff000000 | red << 16 | green << 8 | blue;
  }

  private static int mix(int under, int over, int a) {
    return under + (((over - under) * a) >> 8);
  }

  private static int argb(Color colour) {
    return 0xff000000 | (int) Math.round(colour.getRed() * 255) << 16 | (int) Math.round(colour.getGreen() * 255) << 8
        | (int) Math.round(colour.getBlue() * 255);
  }
}
