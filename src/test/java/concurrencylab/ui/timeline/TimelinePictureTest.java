package concurrencylab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.Trace;
import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.text.I18n;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lanes' area put together as one picture in Java: the event labels whose texts have pictures
 * of their own are copied into it, and look as the texts the canvas writes for them.
 */
class TimelinePictureTest {
  private static final double WIDTH = 1200;
  private static final double HEIGHT = 560;

  private static Trace trace;

  @BeforeAll
  static void start() throws Exception {
    HeadlessFxForTests.start();
    trace = LayeredRun.build(0);
  }

  @Test
  void labelsCopiedIntoThePictureLookAsTheTextsTheyReplace() throws Exception {
    Frames frames = HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), WIDTH, HEIGHT);
      canvas.resize(WIDTH, HEIGHT);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      canvas.setView(0, 1000 * LayeredRun.MS);
      canvas.lanesAsCanvasFills(false);
      canvas.paint();
      int copiedFirst = canvas.labelsInPicture();
      PixelReader asText = canvas.snapshot(null, null).getPixelReader();
      for (int i = 0; i < 3; i++) {
        canvas.paint(); // a label earns its picture in a few frames
      }
      canvas.paint();
      int copiedLater = canvas.labelsInPicture();
      PixelReader copied = canvas.snapshot(null, null).getPixelReader();
      List<int[]> boxes = canvas.placedLabels().stream()
          .map(p -> new int[] {(int) Math.floor(p.x()), (int) Math.floor(p.y()), (int) Math.ceil(p.x() + p.width()), (int) Math.ceil(p.y() + p.height())})
          .toList();
      return new Frames(copiedFirst, copiedLater, canvas.placedLabels().size(), asText, copied, boxes);
    });

    assertThat(frames.copiedFirst()).as("labels copied into the first frame's picture").isZero();
    assertThat(frames.copiedLater()).as("labels copied into the fifth frame's picture").isEqualTo(frames.placed()).isGreaterThan(5);
    int inkAsText = 0;
    int inkCopied = 0;
    int unmatched = 0;
    for (int[] box : frames.boxes()) {
      for (int y = box[1] + 1; y < box[3] - 1; y++) {
        for (int x = box[0] + 1; x < box[2] - 1; x++) {
          double brightness = frames.asText().getColor(x, y).getBrightness();
          inkAsText += brightness < 0.5 ? 1 : 0;
          inkCopied += frames.copied().getColor(x, y).getBrightness() < 0.5 ? 1 : 0;
          boolean matched = false;
          for (int dy = -1; dy <= 1 && !matched; dy++) {
            for (int dx = -1; dx <= 1 && !matched; dx++) {
              matched = Math.abs(frames.copied().getColor(x + dx, y + dy).getBrightness() - brightness) < 0.25;
            }
          }
          unmatched += matched ? 0 : 1;
        }
      }
    }
    assertThat(inkAsText).as("ink of the labels written as text").isGreaterThan(300);
    assertThat(inkCopied).as("ink of the labels copied into the picture").isBetween(inkAsText * 9 / 10, inkAsText * 11 / 10);
    assertThat(unmatched).as("pixels with no like pixel within one pixel").isLessThan(inkAsText / 50);
  }

  /** A spawn on the view's first pixel: its dot reaches over the edge of the label column, drawn as a picture or not. */
  @Test
  void aSpawnAtTheViewsStartReachesOverTheLabelColumn() throws Exception {
    javafx.scene.paint.Color[] seen = HeadlessFx.call(() -> {
      javafx.scene.paint.Color[] colours = new javafx.scene.paint.Color[2];
      for (int i = 0; i < 2; i++) {
        TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
        new Scene(new StackPane(canvas), WIDTH, HEIGHT);
        canvas.resize(WIDTH, HEIGHT);
        canvas.layout();
        canvas.show(trace);
        canvas.runEnded();
        canvas.setView(50 * LayeredRun.MS, 1050 * LayeredRun.MS); // the spawns at 50 ms on the first pixel
        if (i == 0) {
          canvas.lanesAsCanvasFills(false);
        } else {
          canvas.lanesAsCanvasFills(true);
        }
        canvas.paint();
        // left of the lanes, inside the 8 px dot at the main lane's middle
        colours[i] = canvas.snapshot(null, null).getPixelReader().getColor((int) TimelineCanvas.LABEL_WIDTH - 3, (int) TimelineCanvas.AXIS_HEIGHT + 36);
      }
      return colours;
    });

    javafx.scene.paint.Color dot = concurrencylab.ui.look.Palette.lane(trace.lane(LayeredRun.STATES).colorIndex()).darker();
    for (javafx.scene.paint.Color colour : seen) {
      assertThat(Math.abs(colour.getRed() - dot.getRed()) + Math.abs(colour.getGreen() - dot.getGreen()) + Math.abs(colour.getBlue() - dot.getBlue()))
          .as("the dot's colour over the label column: %s, expected %s", colour, dot).isLessThan(0.03);
    }
  }

  private record Frames(int copiedFirst, int copiedLater, int placed, PixelReader asText, PixelReader copied, List<int[]> boxes) {}
}
