package concurrencylab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.Trace;
import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.text.I18n;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The canvas keeps what it drew, and below the last lane only the grid lines that moved are drawn
 * again: a frame drawn over earlier ones must look exactly as the same frame drawn on a fresh
 * canvas, whatever the earlier frames showed (other grid lines, a tooltip).
 */
class TimelineRepaintTest {
  private static final double WIDTH = 1200;
  private static final double HEIGHT = 700; // five lanes of 72 px: the lower half is ground and grid

  private static Trace trace;

  @BeforeAll
  static void start() throws Exception {
    HeadlessFxForTests.start();
    trace = LayeredRun.build(0);
  }

  @Test
  void aFrameAfterZoomingLooksAsTheSameFrameDrawnAfresh() throws Exception {
    int[] differing = HeadlessFx.call(() -> {
      TimelineCanvas kept = canvas();
      for (int i = 1; i <= 5; i++) {
        kept.setView(0, i * 300 * LayeredRun.MS); // the grid lines move every frame
        kept.paint();
      }
      PixelReader over = kept.snapshot(null, null).getPixelReader();
      TimelineCanvas fresh = canvas();
      fresh.setView(0, 1500 * LayeredRun.MS);
      fresh.paint();
      return new int[] {differing(over, fresh.snapshot(null, null).getPixelReader(), fresh)};
    });

    assertThat(differing[0]).as("pixels that differ from the frame drawn afresh").isZero();
  }

  @Test
  void aTooltipIsGoneWhenThePointerLeaves() throws Exception {
    int[] differing = HeadlessFx.call(() -> {
      TimelineCanvas kept = canvas();
      kept.setView(0, 1000 * LayeredRun.MS);
      kept.paint();
      // over the main lane's printed line
      Canvas inner = (Canvas) kept.getChildrenUnmodifiable().get(0);
      double px = TimelineCanvas.LABEL_WIDTH + 0.96 * (LayeredRun.PRINT / LayeredRun.MS) + 1;
      double py = TimelineCanvas.AXIS_HEIGHT + 40;
      hover(inner, px, py);
      kept.paint();
      PixelReader hovered = kept.snapshot(null, null).getPixelReader();
      hover(inner, -1, -1);
      kept.setView(0, 900 * LayeredRun.MS);
      kept.paint();
      PixelReader after = kept.snapshot(null, null).getPixelReader();
      TimelineCanvas fresh = canvas();
      fresh.setView(0, 900 * LayeredRun.MS);
      fresh.paint();
      PixelReader afresh = fresh.snapshot(null, null).getPixelReader();
      TimelineCanvas plain = canvas();
      plain.setView(0, 1000 * LayeredRun.MS);
      plain.paint();
      return new int[] {differing(hovered, plain.snapshot(null, null).getPixelReader(), plain), differing(after, afresh, fresh)};
    });

    assertThat(differing[0]).as("pixels the tooltip drew").isGreaterThan(100);
    assertThat(differing[1]).as("pixels that differ from the frame drawn afresh").isZero();
  }

  private static void hover(Canvas canvas, double x, double y) {
    Event.fireEvent(canvas, new MouseEvent(x < 0 ? MouseEvent.MOUSE_EXITED : MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0,
        false, false, false, false, false, false, false, false, false, false, null));
  }

  private static TimelineCanvas canvas() {
    TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
    new Scene(new StackPane(canvas), WIDTH, HEIGHT);
    canvas.resize(WIDTH, HEIGHT);
    canvas.layout();
    canvas.show(trace);
    canvas.runEnded();
    return canvas;
  }

  /**
   * Pixels of the lanes' area and below that differ, but for the event labels' texts (a canvas that
   * drew a label in earlier frames may draw it from its picture, a fresh one draws its text).
   */
  private static int differing(PixelReader a, PixelReader b, TimelineCanvas labelled) {
    boolean[][] label = new boolean[(int) HEIGHT][(int) WIDTH];
    for (var p : labelled.placedLabels()) {
      for (int y = (int) Math.max(0, p.y() - 1); y <= Math.min(HEIGHT - 1, p.y() + p.height() + 1); y++) {
        for (int x = (int) Math.max(0, p.x() - 1); x <= Math.min(WIDTH - 1, p.x() + p.width() + 1); x++) {
          label[y][x] = true;
        }
      }
    }
    int count = 0;
    for (int y = (int) TimelineCanvas.AXIS_HEIGHT; y < HEIGHT; y++) {
      for (int x = (int) TimelineCanvas.LABEL_WIDTH; x < WIDTH; x++) {
        if (!label[y][x] && a.getArgb(x, y) != b.getArgb(x, y)) {
          count++;
        }
      }
    }
    return count;
  }
}
