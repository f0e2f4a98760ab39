package concurrencylab.ui.timeline;

import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.SyncObject;
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
    double labels = Math.min(TimelineCanvas.LABEL_WIDTH * 1.5, Math.max(TimelineCanvas.LABEL_WIDTH, 1000 * 0.18));
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

  /**
   * A lock handed over at 0.5 s: an arrow in the link colour runs down from the releasing lane's
   * middle to the acquiring lane's edge at the acquisition's time, with a head wider than its line;
   * the same lanes without the link have no such pixels there.
   */
  @Test
  void aHandOverIsAnArrowFromTheReleasingLaneToTheAcquiringOne() throws Exception {
    HeadlessFxForTests.start();
    double laneHeight = TimelineCanvas.laneHeight(300, 2, 1);
    int x = (int) Math.round(TimelineCanvas.LABEL_WIDTH + (1000 - TimelineCanvas.LABEL_WIDTH) * 0.5);
    int shaft = (int) (TimelineCanvas.AXIS_HEIGHT + laneHeight * 0.75); // between the releaser's middle and the acquirer
    int headRow = (int) (TimelineCanvas.AXIS_HEIGHT + laneHeight + 3 - 7); // the head's widest row, above its tip

    WritableImage linked = drawn(handOvers(1, true), 1_000_000_000L, 1);
    WritableImage unlinked = drawn(handOvers(1, false), 1_000_000_000L, 1);

    assertThat(linked.getPixelReader().getColor(x, shaft)).as("the arrow's line").isEqualTo(Palette.link());
    assertThat(linked.getPixelReader().getColor(x + 3, headRow)).as("its head, wider than the line").isEqualTo(Palette.link());
    assertThat(linked.getPixelReader().getColor(x - 40, shaft)).as("away from the arrow").isNotEqualTo(Palette.link());
    assertThat(unlinked.getPixelReader().getColor(x, shaft)).as("no link, no arrow").isNotEqualTo(Palette.link());
  }

  /** While a run is replayed, a hand-over's arrow appears only once the cursor has passed the acquisition. */
  @Test
  void aReplayShowsTheArrowOnlyOnceTheHandOverHasHappened() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = handOvers(1, true);
    double laneHeight = TimelineCanvas.laneHeight(300, 2, 1);
    int x = (int) Math.round(TimelineCanvas.LABEL_WIDTH + (1000 - TimelineCanvas.LABEL_WIDTH) * 0.5);
    int shaft = (int) (TimelineCanvas.AXIS_HEIGHT + laneHeight * 0.75);

    Color[] seen = HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), 1000, 300);
      canvas.resize(1000, 300);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      canvas.setCursor(400_000_000L);
      canvas.setView(0, 1_000_000_000L);
      canvas.paint();
      Color before = canvas.snapshot(null, null).getPixelReader().getColor(x, shaft);
      canvas.setCursor(600_000_000L);
      canvas.paint();
      Color after = canvas.snapshot(null, null).getPixelReader().getColor(x, shaft);
      return new Color[] {before, after};
    });

    assertThat(seen[0]).as("at 0.4 s").isNotEqualTo(Palette.link());
    assertThat(seen[1]).as("at 0.6 s").isEqualTo(Palette.link());
  }

  /** Ten thousand hand-overs in view draw at most one arrow per few pixels, but still fill the stretch. */
  @Test
  void manyHandOversDrawAtMostOneArrowPerFewPixels() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = handOvers(10_000, true);
    double laneHeight = TimelineCanvas.laneHeight(300, 2, 1);
    int shaft = (int) (TimelineCanvas.AXIS_HEIGHT + laneHeight * 0.75);

    WritableImage image = drawn(trace, 1_000_000_000L, 1);
    int arrows = 0;
    boolean inArrow = false;
    for (int x = (int) TimelineCanvas.LABEL_WIDTH; x < 1000; x++) {
      boolean link = image.getPixelReader().getColor(x, shaft).equals(Palette.link());
      if (link && !inArrow) {
        arrows++;
      }
      inArrow = link;
    }
    double columns = 1000 - TimelineCanvas.LABEL_WIDTH;
    // the hand-overs that go down (every other one) cross this row
    assertThat(arrows).isLessThanOrEqualTo((int) (columns / LinkPainter.LINK_GAP) + 1).isGreaterThan((int) (columns / 20));
  }

  /**
   * Two threads that take turns with a lock from 0.1 s to 0.9 s: {@code count} hand-overs, the
   * first at 0.5 s when there is one, the i-th from the lane that held it to the one that was
   * blocked, linked only when {@code linked}.
   */
  private static Trace handOvers(int count, boolean linked) {
    Trace trace = new Trace();
    Lane a = trace.addLane("Thread-1", LaneKind.THREAD, 1, Lane.NO_PARENT);
    Lane b = trace.addLane("Thread-2", LaneKind.THREAD, 1, Lane.NO_PARENT);
    SyncObject lock = trace.addSyncObject(SyncKind.LOCK, "lock");
    trace.recordAt(a.id(), 0, EventKind.START, 0, "");
    trace.recordAt(b.id(), 0, EventKind.START, 0, "");
    trace.recordRefAt(a.id(), 50_000_000L, EventKind.LOCK_ACQUIRED, 1, "", lock.id());
    trace.recordRefAt(b.id(), 60_000_000L, EventKind.LOCK_WAIT, 0, "", lock.id());
    trace.recordAt(b.id(), 60_000_000L, EventKind.STATE, LaneState.BLOCKED.ordinal(), "");
    long step = count == 1 ? 0 : 800_000_000L / count;
    Lane holder = a;
    Lane waiter = b;
    for (int i = 0; i < count; i++) {
      long t = count == 1 ? 500_000_000L : 100_000_000L + i * step;
      EventRef released = trace.recordRefAt(holder.id(), t, EventKind.LOCK_RELEASED, 0, "", lock.id());
      trace.recordAt(waiter.id(), t + 1_000, EventKind.STATE, LaneState.RUNNING.ordinal(), "");
      EventRef acquired = trace.recordRefAt(waiter.id(), t + 1_000, EventKind.LOCK_ACQUIRED, 1, "", lock.id());
      trace.recordRefAt(holder.id(), t + 2_000, EventKind.LOCK_WAIT, 0, "", lock.id());
      trace.recordAt(holder.id(), t + 2_000, EventKind.STATE, LaneState.BLOCKED.ordinal(), "");
      if (linked) {
        trace.link(released, acquired, LinkKind.HAND_OVER);
      }
      Lane next = waiter;
      waiter = holder;
      holder = next;
    }
    trace.recordAt(a.id(), 1_000_000_000L, EventKind.END, 0, "ended");
    trace.recordAt(b.id(), 1_000_000_000L, EventKind.END, 0, "ended");
    trace.sync();
    trace.finish();
    return trace;
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
  /** A time on the axis is written whole or not at all: cut at the canvas's right edge, "2.0 s" read "2.(". */
  @Test
  void noTimeOnTheAxisIsCutAtTheRightEdge() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = runningThenSleeping();
    List<Long> cut = new ArrayList<>();
    for (long end = 900_000_000L; end <= 1_300_000_000L; end += 20_000_000L) {
      WritableImage image = drawn(trace, end, 1);
      int right = (int) image.getWidth() - 1;
      Color ground = image.getPixelReader().getColor(right, 2);
      for (int y = 2; y < (int) TimelineCanvas.AXIS_HEIGHT - 8; y++) {
        if (!image.getPixelReader().getColor(right, y).equals(ground)) {
          cut.add(end);
          break;
        }
      }
    }
    assertThat(cut).as("views whose last column of the axis shows part of a time").isEmpty();
  }

  /** The lanes the app names itself (a pool's task queue) are named in the language chosen. */
  @Test
  void theTaskQueueLaneIsNamedInTheLanguageChosen() throws Exception {
    HeadlessFxForTests.start();
    Locale chinese = Locale.SIMPLIFIED_CHINESE;
    int[] named = pixels(drawn(queueLane(concurrencylab.runtime.ProcessPool.QUEUE_NAME), -1, 1, chinese));
    int[] inChinese = pixels(drawn(queueLane("任务队列"), -1, 1, chinese));
    int[] inEnglish = pixels(drawn(queueLane("task queue"), -1, 1, chinese));

    assertThat(named).as("drawn as a lane named 任务队列").isEqualTo(inChinese);
    assertThat(named).as("not as one named task queue").isNotEqualTo(inEnglish);
  }

  private static Trace queueLane(String name) {
    Trace trace = new Trace();
    Lane queue = trace.addLane(name, LaneKind.QUEUE, 1, Lane.NO_PARENT);
    trace.recordAt(queue.id(), 0, EventKind.START, 0, "");
    trace.recordAt(queue.id(), 1_000_000_000L, EventKind.END, 0, "");
    trace.sync();
    trace.finish();
    return trace;
  }

  private static int[] pixels(WritableImage image) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] argb = new int[width * height];
    image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, width);
    return argb;
  }

  private static WritableImage drawn(Trace trace, long viewEnd, double scale) throws Exception {
    return drawn(trace, viewEnd, scale, Locale.ENGLISH);
  }

  private static WritableImage drawn(Trace trace, long viewEnd, double scale, Locale locale) throws Exception {
    return HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(locale));
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
