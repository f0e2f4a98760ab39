package concurrencylab.ui.timeline;

import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.junit.jupiter.api.Test;

class LabelCacheTest {
  private static final int WIDTH = 420;
  private static final int HEIGHT = 90;

  /**
   * A label drawn from its picture looks like the same label drawn as text: the same ink, in the
   * same place to within the pixel a position is rounded to. Labels with no picture yet are drawn.
   */
  @Test
  void aLabelFromItsPictureLooksLikeTheTextItReplaces() throws Exception {
    HeadlessFxForTests.start();
    int[] result = HeadlessFx.call(() -> {
      Canvas canvas = new Canvas(WIDTH, HEIGHT);
      new Scene(new StackPane(canvas), WIDTH, HEIGHT);
      LabelCache cache = new LabelCache();
      WritableImage asText = frame(canvas, cache);
      int picturesAfterFirstFrame = cache.pictures();
      for (int i = 0; i < 3; i++) {
        frame(canvas, cache);
      }
      WritableImage fromPictures = frame(canvas, cache);
      return new int[] {
        picturesAfterFirstFrame, cache.pictures(), inkPixels(asText.getPixelReader()), inkPixels(fromPictures.getPixelReader()),
        pixelsWithNoMatchNearby(asText.getPixelReader(), fromPictures.getPixelReader())
      };
    });

    assertThat(result[0]).as("pictures after one frame").isZero();
    assertThat(result[1]).as("pictures after four frames").isEqualTo(3);
    assertThat(result[2]).as("ink drawn as text").isGreaterThan(300);
    assertThat(result[3]).as("ink drawn from pictures").isBetween(result[2] * 9 / 10, result[2] * 11 / 10);
    assertThat(result[4]).as("pixels with no like pixel within one pixel").isLessThan(result[2] / 50);
  }

  /** Three labels: left-aligned on a centre line, left on a top line, centred; at fractional places. */
  private static WritableImage frame(Canvas canvas, LabelCache cache) {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setFill(Color.BLACK);
    g.setFont(Font.font("System", FontWeight.BOLD, 16));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    cache.fill(g, "worker-12 ■ exit 0", 10.3, 20.6);
    g.setFont(Font.font("System", 14));
    g.setTextBaseline(VPos.TOP);
    cache.fill(g, "task 1234 … 5000 ms", 200.7, 10);
    g.setTextAlign(TextAlignment.CENTER);
    cache.fill(g, "w42 r41", 210, 60.4);
    cache.renderWaiting(1, false);
    return canvas.snapshot(null, null);
  }

  private static int inkPixels(PixelReader image) {
    int ink = 0;
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        if (image.getColor(x, y).getBrightness() < 0.5) {
          ink++;
        }
      }
    }
    return ink;
  }

  /** Pixels of {@code a} whose brightness no pixel of {@code b} within one pixel comes near. */
  private static int pixelsWithNoMatchNearby(PixelReader a, PixelReader b) {
    int unmatched = 0;
    for (int y = 1; y < HEIGHT - 1; y++) {
      for (int x = 1; x < WIDTH - 1; x++) {
        double brightness = a.getColor(x, y).getBrightness();
        boolean matched = false;
        for (int dy = -1; dy <= 1 && !matched; dy++) {
          for (int dx = -1; dx <= 1 && !matched; dx++) {
            matched = Math.abs(b.getColor(x + dx, y + dy).getBrightness() - brightness) < 0.25;
          }
        }
        if (!matched) {
          unmatched++;
        }
      }
    }
    return unmatched;
  }
}
