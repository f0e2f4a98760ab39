package concurrencylab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import java.util.ArrayList;
import java.util.List;
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
    Trace trace = runningThenSleeping();
    Lane lane = trace.lane(0);

    WritableImage image = drawn(trace, -1, 1);
    Color pixel = image.getPixelReader().getColor((int) TimelineCanvas.LABEL_WIDTH + 20, (int) TimelineCanvas.AXIS_HEIGHT + 10);

    assertThat(pixel).isEqualTo(Palette.lane(lane.colorIndex()));
  }

  /** Larger type (presentation mode) widens the labels; the lanes' states move with the time axis. */
  @Test
  void statesFollowTheAxisWhenTheLabelsGrow() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = runningThenSleeping();
    Lane lane = trace.lane(0);

    WritableImage image = drawn(trace, 1_000_000_000L, 1.5);
    double labels = TimelineCanvas.LABEL_WIDTH * 1.5;
    int change = (int) (labels + (1000 - labels) / 2); // where 0.5 s is drawn
    int y = (int) TimelineCanvas.AXIS_HEIGHT + 8; // the upper half of the lane: full only while running
    Color[] aroundTheChange = {image.getPixelReader().getColor(change - 4, y), image.getPixelReader().getColor(change + 4, y)};

    assertThat(aroundTheChange[0]).as("just before 0.5 s").isEqualTo(Palette.lane(lane.colorIndex()));
    assertThat(aroundTheChange[1]).as("just after 0.5 s").isNotEqualTo(Palette.lane(lane.colorIndex()));
  }

  /**
   * Thousands of tasks too short to see side by side merge into one outline: its top edge is
   * unbroken from the first task to the last, and a failed task among them keeps its own colour.
   */
  @Test
  void tasksSmallerThanAPixelDrawAnUnbrokenOutlineAndAFailureStillShows() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = new Trace();
    Lane lane = trace.addLane("worker", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.recordAt(lane.id(), 0, EventKind.START, 0, "");
    long taskNanos = 97_000; // about a tenth of a pixel at this width
    int tasks = 10_000;
    int failed = tasks / 2;
    for (int task = 0; task < tasks; task++) {
      long begin = 1_000_000 + task * taskNanos;
      trace.recordAt(lane.id(), begin, EventKind.TASK_BEGIN, task, "");
      trace.recordAt(lane.id(), begin + taskNanos * 9 / 10, task == failed ? EventKind.TASK_FAILED : EventKind.TASK_END, task, "");
    }
    long end = 1_000_000 + tasks * taskNanos + 1_000_000;
    trace.recordAt(lane.id(), end, EventKind.END, 0, concurrencylab.trace.AppText.of("end.exit", 0));
    trace.sync();
    trace.finish();

    WritableImage image = drawn(trace, end, 1);
    List<String> broken = new ArrayList<>();
    int[] result = HeadlessFx.call(() -> {
      double span = 1000 - TimelineCanvas.LABEL_WIDTH;
      int first = (int) Math.ceil(TimelineCanvas.LABEL_WIDTH + span * 1_000_000 / end) + 1;
      int last = (int) (TimelineCanvas.LABEL_WIDTH + span * (end - 1_000_000) / end) - 2;
      int edge = (int) TimelineCanvas.AXIS_HEIGHT + 4 + 1; // the lane's top inset, then the frame's top line
      int failedX = (int) Math.round(TimelineCanvas.LABEL_WIDTH + span * (1_000_000 + failed * taskNanos) / end);
      for (int x = first; x <= last; x++) {
        if (Math.abs(x - failedX) <= 3) {
          continue; // the failed task's frame, blended into the outline at its edges
        }
        Color colour = image.getPixelReader().getColor(x, edge);
        if (!colour.equals(Palette.text())) {
          broken.add(x + ": " + colour);
        }
      }
      int failureColoured = 0;
      for (int x = failedX - 2; x <= failedX + 2; x++) {
        if (image.getPixelReader().getColor(x, edge + 6).equals(Palette.failure())) {
          failureColoured++;
        }
      }
      return new int[] {last - first, failureColoured};
    });

    assertThat(result[0]).as("columns checked").isGreaterThan(500);
    assertThat(broken).as("columns where the outline is broken").isEmpty();
    assertThat(result[1]).as("columns of the failed task in the failure colour").isPositive();
  }

  /** A main lane that runs for half a second, then sleeps for half a second. */
  private static Trace runningThenSleeping() {
    Trace trace = new Trace();
    Lane lane = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.recordAt(lane.id(), 0, EventKind.START, 0, "");
    trace.recordAt(lane.id(), 500_000_000L, EventKind.STATE, LaneState.SLEEPING.ordinal(), "");
    trace.recordAt(lane.id(), 1_000_000_000L, EventKind.END, 0, concurrencylab.trace.AppText.of("end.exit", 0));
    trace.sync();
    trace.finish();
    return trace;
  }

  /**
   * The timeline of a finished run, 1000×300, fitted or showing 0 to {@code viewEnd}; drawn once at
   * the normal size and, when {@code scale} is not 1, again at that scale, as a lecturer would.
   */
  private static WritableImage drawn(Trace trace, long viewEnd, double scale) throws Exception {
    return HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), 1000, 300);
      canvas.resize(1000, 300);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      if (viewEnd > 0) {
        canvas.setView(0, viewEnd);
      }
      canvas.paint();
      if (scale != 1) {
        canvas.setScale(scale);
        canvas.paint();
      }
      return canvas.snapshot(null, null);
    });
  }
}
