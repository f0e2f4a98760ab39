package concurrencylab.ui.timeline;

import concurrencylab.ui.app.HeadlessFx;
import concurrencylab.ui.app.HeadlessFxForTests;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.AppText;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.ui.timeline.LabelPlacement.Placed;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

/**
 * Labels that would collide on today's screens — "all done" over "completed", "process end (14
 * still running)" over "stopped", eight marks in one pixel, a task's name over its mark, fifty
 * queue depths — are each placed apart or left out, inside their lane and the canvas.
 */
class LabelPlacementTest {
  private static final long END = 4_250_000_000L;

  @Test
  void collidingMarksAndEndsArePlacedApartInsideTheirLanes() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = crowded();
    for (double scale : new double[] {1.0, 1.5, 2.0, 2.5}) {
      for (long viewEnd : new long[] {END, (long) (END * 1.12)}) { // the ends at the right edge, and fitted
        List<Placed<EventLabels.Label>> placed = placedAt(trace, scale, viewEnd);
        double laneHeight = TimelineCanvas.laneHeight(400, trace.lanes().size(), scale);
        String at = scale + "× to " + viewEnd;
        assertThat(placed).as(at).isNotEmpty();
        assertThat(placed).as("%s: the ends are placed before anything else", at)
            .anySatisfy(p -> assertThat(p.label().text()).isEqualTo("■ exit 0"))
            .anySatisfy(p -> assertThat(p.label().text()).isEqualTo("✗ stopped"));
        for (Placed<EventLabels.Label> p : placed) {
          double top = TimelineCanvas.AXIS_HEIGHT + p.lane() * laneHeight;
          assertThat(p.x()).as("%s: %s inside the timeline", at, p.label().text()).isGreaterThanOrEqualTo(labelWidth(scale));
          assertThat(p.x() + p.width()).as("%s: %s inside the canvas", at, p.label().text()).isLessThanOrEqualTo(1200);
          assertThat(p.y()).as("%s: %s inside its lane", at, p.label().text()).isGreaterThanOrEqualTo(top);
          assertThat(p.y() + p.height()).as("%s: %s inside its lane", at, p.label().text()).isLessThanOrEqualTo(top + laneHeight);
          for (Placed<EventLabels.Label> q : placed) {
            if (p != q && p.lane() == q.lane()) {
              boolean overlap = p.x() < q.x() + q.width() && q.x() < p.x() + p.width() && p.y() < q.y() + q.height() && q.y() < p.y() + p.height();
              assertThat(overlap).as("%s: %s over %s", at, p.label().text(), q.label().text()).isFalse();
            }
          }
        }
      }
    }
  }

  /**
   * A pool's apply_async, close() and join() are set within a few milliseconds: at every size they
   * read in that order, in one label right of the first mark, none left out.
   */
  @Test
  void marksSetCloseTogetherReadInTheirOrder() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.recordAt(main.id(), 0, EventKind.START, 0, "");
    for (int worker = 1; worker <= 9; worker++) { // lanes as low as a pool's of eight at large type: one row of labels
      Lane lane = trace.addLane("PoolWorker-" + worker, LaneKind.PROCESS, 1 + worker, main.id());
      trace.recordAt(lane.id(), 0, EventKind.START, 0, "");
    }
    trace.recordAt(main.id(), 500_000_000L, EventKind.MARKER, 0, "apply_async ×5");
    trace.recordAt(main.id(), 502_000_000L, EventKind.MARKER, 0, "close()");
    trace.recordAt(main.id(), 502_000_100L, EventKind.MARKER, 0, "join()"); // in close()'s pixel
    trace.recordAt(main.id(), 5_000_000_000L, EventKind.END, 0, AppText.of("end.exit", 0));
    trace.sync();
    trace.finish();
    for (double scale : new double[] {1.0, 2.0, 2.5}) {
      List<String> marks = placedAt(trace, scale, 6_000_000_000L).stream().map(p -> p.label().text()).filter(text -> text.startsWith("⚑")).toList();
      assertThat(marks).as("at %s×", scale).containsExactly("⚑ apply_async ×5   ⚑ close()   ⚑ join()");
    }
  }

  /** A failed task too narrow for its name ("✗ task 49") still shows it failed: its number, or the ✗ alone. */
  @Test
  void aNarrowFailedTaskKeepsItsMark() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = new Trace();
    Lane worker = trace.addLane("PoolWorker-2", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    trace.recordAt(worker.id(), 0, EventKind.START, 0, "");
    trace.recordAt(worker.id(), 5_000_000_000L, EventKind.TASK_BEGIN, 49, "task 49");
    trace.recordAt(worker.id(), 5_300_000_000L, EventKind.TASK_FAILED, 49, "RuntimeException: task 49 raised on purpose");
    trace.recordAt(worker.id(), 6_000_000_000L, EventKind.END, 0, AppText.of("end.exit", 0));
    trace.sync();
    trace.finish();
    for (double scale : new double[] {1.0, 2.5}) {
      List<String> failures = placedAt(trace, scale, 6_500_000_000L).stream().map(p -> p.label().text()).filter(text -> text.startsWith("✗")).toList();
      assertThat(failures).as("at %s×", scale).hasSize(1).allMatch(text -> text.equals("✗ task 49") || text.equals("✗ 49") || text.equals("✗"));
    }
  }

  /** The first read of a run stands at the axis's start; its value is shown there, not left out for half of it lacking room. */
  @Test
  void theFirstReadAtTheAxissStartIsLabelled() throws Exception {
    HeadlessFxForTests.start();
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    Lane thread = trace.addLane("Thread-1", LaneKind.THREAD, 1, main.id());
    trace.recordAt(main.id(), 0, EventKind.START, 0, "");
    trace.recordAt(thread.id(), 0, EventKind.START, 0, "");
    trace.recordAt(thread.id(), 1_000_000L, EventKind.READ, 0, "");
    trace.recordAt(thread.id(), 300_000_000L, EventKind.COUNTER, 1, "");
    trace.recordAt(thread.id(), 1_000_000_000L, EventKind.END, 0, "");
    trace.recordAt(main.id(), 1_000_000_000L, EventKind.END, 0, "");
    trace.sync();
    trace.finish();
    for (double scale : new double[] {1.0, 2.5}) {
      List<String> values = placedAt(trace, scale, 1_000_000_000L).stream().map(p -> p.label().text()).toList();
      assertThat(values).as("at %s×", scale).contains("r0", "w1");
    }
  }

  private static double labelWidth(double scale) {
    return Math.min(TimelineCanvas.LABEL_WIDTH * scale, Math.max(TimelineCanvas.LABEL_WIDTH, 1200 * 0.18));
  }

  private static List<Placed<EventLabels.Label>> placedAt(Trace trace, double scale, long viewEnd) throws Exception {
    return HeadlessFx.call(() -> {
      TimelineCanvas canvas = new TimelineCanvas(new I18n(Locale.ENGLISH));
      new Scene(new StackPane(canvas), 1200, 400);
      canvas.resize(1200, 400);
      canvas.layout();
      canvas.show(trace);
      canvas.runEnded();
      canvas.setScale(scale);
      canvas.setView(0, viewEnd);
      canvas.paint();
      return canvas.placedLabels();
    });
  }

  /** A main process that marks "all done" as it ends, children that are stopped as it ends, and a crowded pool. */
  private static Trace crowded() {
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    Lane child = trace.addLane("Process-1", LaneKind.PROCESS, 2, main.id());
    Lane worker = trace.addLane("PoolWorker-1", LaneKind.PROCESS, 3, main.id());
    Lane queue = trace.addLane("task queue", LaneKind.QUEUE, 1, Lane.NO_PARENT);
    for (Lane lane : List.of(main, child, worker)) {
      trace.recordAt(lane.id(), 0, EventKind.START, 0, "");
    }
    trace.recordAt(main.id(), END - 2_000_000, EventKind.MARKER, 0, "process end (14 still running)");
    trace.recordAt(main.id(), END - 1_000_000, EventKind.MARKER, 0, "all done: 4.25 s");
    trace.recordAt(main.id(), END, EventKind.END, 0, AppText.of("end.exit", 0));
    for (int mark = 0; mark < 8; mark++) { // close() and join() of eight workers, in one pixel
      trace.recordAt(child.id(), 2_000_000_000L + mark * 1_000, EventKind.MARKER, 0, mark % 2 == 0 ? "close()" : "join()");
    }
    trace.recordAt(child.id(), END - 500_000, EventKind.MARKER, 0, "process end (14 still running)");
    trace.recordAt(child.id(), END, EventKind.END, -15, "stopped");
    for (int task = 0; task < 50; task++) {
      long begin = 100_000_000L + task * 80_000_000L;
      if (task % 5 == 0) { // ten long tasks, the first marked where it begins
        long from = 100_000_000L + task / 5 * 400_000_000L;
        if (task == 0) {
          trace.recordAt(worker.id(), from, EventKind.MARKER, 0, "fork: returned child PID 4242");
        }
        trace.recordAt(worker.id(), from, EventKind.TASK_BEGIN, task, "task number " + task);
        trace.recordAt(worker.id(), from + 380_000_000L, task == 35 ? EventKind.TASK_FAILED : EventKind.TASK_END, task, "");
      }
      trace.recordAt(queue.id(), begin, EventKind.COUNTER, 50 - task, (50 - task) + " waiting");
    }
    trace.recordAt(worker.id(), END, EventKind.END, 0, AppText.of("end.exit", 0));
    trace.sync();
    trace.finish();
    return trace;
  }
}
