package concurrencylab.ui.lessonview;

import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lock stage reads like a queue: numbered places that never overlap each other or their caption, at every size. */
@ExtendWith(ApplicationExtension.class)
class LockStageLayoutTest {
  private LockStage stage;
  private final I18n i18n = new I18n(Locale.ENGLISH);

  @Start
  void start(Stage window) {
    stage = new LockStage(new LockLesson(), i18n);
    window.setScene(new Scene(new StackPane(stage.node()), 1500, 700));
    window.show();
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  @Test
  void sevenThreadsWaitingForAnEighthNeverOverlapAtAnyScaleInEitherLanguage(FxRobot robot) throws Exception {
    Trace trace = new Trace();
    List<TraceEvent> events = new ArrayList<>();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    for (int t = 1; t <= 8; t++) {
      Lane thread = trace.addLane("Thread-" + t, LaneKind.THREAD, 1, main.id());
      events.add(new TraceEvent(thread.id(), t * 10L, t == 1 ? EventKind.LOCK_ACQUIRED : EventKind.LOCK_WAIT, t == 1 ? 1 : 0, ""));
    }
    robot.interact(() -> {
      stage.show(trace);
      stage.onFrame(events);
    });
    for (boolean inColumn : new boolean[] {false, true}) {
      for (Locale locale : I18n.LANGUAGES) {
        for (double scale : new double[] {1.0, 1.5, 2.0, 2.5}) {
          queueKeepsItsPlaces(robot, locale, scale, inColumn);
        }
      }
    }
  }

  /** The queue's caption and its seven places, inside the stage and apart. */
  private void queueKeepsItsPlaces(FxRobot robot, Locale locale, double scale, boolean inColumn) throws Exception {
    robot.interact(() -> {
      i18n.localeProperty().set(locale);
      stage.setScale(scale);
      stage.setInColumn(inColumn);
    });
    String where = locale + " at " + scale + (inColumn ? " in a column" : "");
    List<Rectangle2D> boxes = onFx(stage::queueBoxes);
    double width = onFx(stage::width);
    assertThat(boxes).as("caption and seven places").hasSize(8);
    for (int i = 0; i < boxes.size(); i++) {
      Rectangle2D box = boxes.get(i);
      assertThat(box.getMinX()).as("%s: box %d inside the stage", where, i).isGreaterThanOrEqualTo(0);
      assertThat(box.getMaxX()).as("%s: box %d inside the stage", where, i).isLessThanOrEqualTo(width);
      for (int j = i + 1; j < boxes.size(); j++) {
        assertThat(box.intersects(boxes.get(j))).as("%s: boxes %d and %d overlap", where, i, j).isFalse();
      }
    }
  }

  /**
   * The height the stage asks for is the one of the width it is asked at: a narrow stage stacks the
   * counter, the lock and the threads and is taller. It answered for the width it had, so a holder
   * that tried a narrower width to draw it larger cut off its last rows of threads.
   */
  @Test
  void theStageAsksForTheHeightOfTheWidthItIsAskedAt(FxRobot robot) throws Exception {
    Trace trace = new Trace();
    List<TraceEvent> ended = new ArrayList<>();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    for (int t = 1; t <= 8; t++) {
      Lane thread = trace.addLane("Thread-" + t, LaneKind.THREAD, 1, main.id());
      ended.add(new TraceEvent(thread.id(), t * 10L, EventKind.END, 0, ""));
    }
    robot.interact(() -> {
      stage.setScale(1);
      stage.setInColumn(false);
      stage.show(trace);
      stage.onFrame(ended);
    });
    double narrow = onFx(() -> stage.node().prefHeight(300));
    double wide = onFx(() -> stage.node().prefHeight(1400));
    assertThat(narrow).as("eight threads in rows of two under the counter and the lock").isGreaterThan(wide + 150);
  }

  /** Frames with nothing new do not paint the stage again: an idle window must leave the renderer idle. */
  @Test
  void framesWithNothingNewLeaveTheStageUnpainted(FxRobot robot) throws Exception {
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    Lane thread = trace.addLane("Thread-1", LaneKind.THREAD, 1, main.id());
    robot.interact(() -> {
      stage.show(trace);
      stage.onFrame(List.of(new TraceEvent(thread.id(), 10, EventKind.COUNTER, 1, "")));
    });
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> {
      int before = stage.paints();
      stage.onFrame(List.of());
      return stage.paints() == before; // once any glide has settled
    }));
    int before = onFx(stage::paints);
    for (int frame = 0; frame < 30; frame++) {
      robot.interact(() -> stage.onFrame(List.of()));
    }
    assertThat(onFx(stage::paints)).isEqualTo(before);
    robot.interact(() -> stage.onFrame(List.of(new TraceEvent(thread.id(), 20, EventKind.COUNTER, 2, ""))));
    assertThat(onFx(stage::paints)).as("a new event is painted").isGreaterThan(before);
    assertThat(onFx(stage::counterShown)).isEqualTo(2);
  }

  @Test
  void theStageKeepsItsSizeFromBeforeTheRunToItsEndWhileTheThreadsMove(FxRobot robot) throws Exception {
    concurrencylab.trace.RunInfo run = new concurrencylab.trace.RunInfo("lock", List.of(
        new concurrencylab.trace.RunInfo.Parameter("lockMode", "LOCK"), new concurrencylab.trace.RunInfo.Parameter("threads", "8")),
        "en", "", java.time.Instant.EPOCH);
    Trace trace = new Trace(run);
    List<Lane> threads = new ArrayList<>();
    List<TraceEvent> start = new ArrayList<>();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 1, Lane.NO_PARENT);
    for (int t = 1; t <= 8; t++) {
      Lane thread = trace.addLane("Thread-" + t, LaneKind.THREAD, 1, main.id());
      threads.add(thread);
      start.add(new TraceEvent(thread.id(), t * 10L, t == 1 ? EventKind.LOCK_ACQUIRED : EventKind.LOCK_WAIT, t == 1 ? 1 : 0, ""));
    }
    double width = 560;
    List<Double> heights = new ArrayList<>();
    robot.interact(() -> {
      stage.setScale(1);
      stage.setInColumn(true);
      stage.show(trace);
      heights.add(stage.node().prefHeight(width)); // shown, nothing happened yet
      stage.onFrame(start);
      heights.add(stage.node().prefHeight(width)); // one holds the lock, seven wait
      // the holder lets go and runs on its own for a moment; the next in line takes the lock
      stage.onFrame(List.of(new TraceEvent(threads.get(0).id(), 100, EventKind.LOCK_RELEASED, 0, ""),
          new TraceEvent(threads.get(1).id(), 101, EventKind.LOCK_ACQUIRED, 1, "")));
      heights.add(stage.node().prefHeight(width));
      stage.onFrame(List.of(new TraceEvent(threads.get(0).id(), 120, EventKind.LOCK_WAIT, 0, "")));
      heights.add(stage.node().prefHeight(width)); // and joins the end of the line again
      List<TraceEvent> ends = new ArrayList<>();
      for (Lane thread : threads) {
        ends.add(new TraceEvent(thread.id(), 500, EventKind.END, 0, ""));
      }
      stage.onFrame(ends);
      stage.runEnded(new concurrencylab.lesson.LessonRun.Result(concurrencylab.lesson.LessonRun.Status.COMPLETED, null, null));
      heights.add(stage.node().prefHeight(width));
    });
    assertThat(heights).as("before, during and after the run").containsOnly(heights.get(0));
  }

  @Test
  void inPythonTheCounterIsWhatTheScriptPrintedAndItsLockPromisesNoOrder(FxRobot robot) throws Exception {
    concurrencylab.trace.RunInfo python = new concurrencylab.trace.RunInfo("lock", List.of(
        new concurrencylab.trace.RunInfo.Parameter("lockMode", "NO_LOCK"), new concurrencylab.trace.RunInfo.Parameter("threads", "8"),
        new concurrencylab.trace.RunInfo.Parameter("increments", "1000"), new concurrencylab.trace.RunInfo.Parameter("language", "python")),
        "en", "", java.time.Instant.EPOCH);
    Trace trace = new Trace(python);
    Lane main = trace.addLane("MainProcess", LaneKind.PROCESS, 7, Lane.NO_PARENT);
    Lane thread = trace.addLane("Thread-1", LaneKind.THREAD, 7, main.id());
    robot.interact(() -> {
      stage.show(trace);
      stage.onFrame(List.of(new TraceEvent(main.id(), 1, EventKind.PRINT, 0, "counter = 0, mode NO_LOCK"),
          new TraceEvent(thread.id(), 2, EventKind.PRINT, 0, "counter = 77 is a line of a thread, not the script's count")));
    });
    assertThat(onFx(stage::counterCaption)).isEqualTo("shared counter, as printed");
    assertThat(onFx(stage::counterShown)).isZero();
    assertThat(onFx(stage::lostText)).as("not known while the threads run").isEqualTo("lost updates: at the end");

    robot.interact(() -> stage.onFrame(List.of(new TraceEvent(main.id(), 3, EventKind.PRINT, 0, "counter = 1236 (expected 8000, lost 6764)"))));
    assertThat(onFx(stage::counterShown)).isEqualTo(1236);
    assertThat(onFx(stage::lostText)).isEqualTo("lost updates: 6,764");

    robot.interact(() -> stage.show(new Trace()));
    assertThat(onFx(stage::counterCaption)).as("a Java run again").isEqualTo("shared counter");
  }
}
