package concurrencylab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class OffscreenTimelineTest {
  @Test
  void aRunningLaneIsDrawnInItsLaneColourWithNoWindow() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = new Trace();
    Lane lane = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.recordAt(lane.id(), 0, EventKind.START, 0, "");
    trace.recordAt(lane.id(), 500_000_000L, EventKind.STATE, LaneState.SLEEPING.ordinal(), "");
    trace.recordAt(lane.id(), 1_000_000_000L, EventKind.END, 0, "exit 0");
    trace.sync();
    trace.finish();

    Color pixel = HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), 1000, 300);
      canvas.resize(1000, 300);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      canvas.paint();
      WritableImage image = canvas.snapshot(null, null);
      double x = TimelineCanvas.LABEL_WIDTH + 20;
      double y = TimelineCanvas.AXIS_HEIGHT + 10;
      return image.getPixelReader().getColor((int) x, (int) y);
    });

    assertThat(pixel).isEqualTo(Palette.lane(lane.colorIndex()));
  }
}
