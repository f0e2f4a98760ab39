package concurrencylab.ui.app;

import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.pool.PoolLesson;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * DESIGN §5: the window closed mid-run and a tab switched mid-run. A pool of 8 workers is busy
 * with long tasks when it happens; every worker lane then ends with a visible "killed by signal 9",
 * the run ends as stopped, and no child process is left.
 */
@ExtendWith(ApplicationExtension.class)
class WindowClosedMidRunTest {
  private LabWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll());
    stage.setScene(new Scene(window, 1600, 900));
    stage.setOnCloseRequest(e -> window.dispose()); // as LabApp does
    stage.show();
  }

  @AfterEach
  void noChildLeft(FxRobot robot) throws Exception {
    robot.interact(window::dispose);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  /** Starts a busy Pool run: 8 workers, 40 tasks of 20-30 s; returns once every worker has a task. */
  private LessonRun startBusyPool(FxRobot robot) throws Exception {
    LessonTab tab = window.lessonTabs().stream().filter(t -> t.lesson().id().equals("pool")).findFirst().orElseThrow();
    PoolLesson pool = (PoolLesson) tab.lesson();
    robot.interact(() -> {
      window.select(tab);
      pool.processes().set(8);
      pool.tasks().set(40);
      pool.sleepSeconds().low().set(20);
      pool.sleepSeconds().high().set(30);
      tab.run();
    });
    LessonRun run = onFx(tab::currentRun);
    // the tab drains the trace on the FX thread; count the tasks begun there
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> begun(run.trace())) >= 8);
    return run;
  }

  private static long begun(Trace trace) {
    long count = 0;
    for (Lane lane : trace.lanes()) {
      LaneTrack track = trace.store().track(lane.id());
      for (int k = 0; k < track.tasks().size(); k++) {
        count += track.kind(track.tasks().get(k)) == EventKind.TASK_BEGIN ? 1 : 0;
      }
    }
    return count;
  }

  /** After the run: every worker lane's last event, read on the FX thread after a last drain. */
  private static List<TraceEvent> lastEventOfEachWorker(LessonRun run) throws Exception {
    return onFx(() -> {
      Trace trace = run.trace();
      trace.sync();
      return trace.lanes().stream()
          .filter(l -> l.kind() == LaneKind.PROCESS && l.parentId() == 0)
          .map(l -> {
            LaneTrack track = trace.store().track(l.id());
            return track.event(l.id(), track.size() - 1);
          })
          .toList();
    });
  }

  private static void assertEndedEverything(LessonRun run) throws Exception {
    LessonRun.Result result = run.done().get(30, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(LessonRun.Status.STOPPED);
    assertThat(lastEventOfEachWorker(run)).hasSize(8).allSatisfy(end -> {
      assertThat(end.kind()).isEqualTo(EventKind.END);
      assertThat(concurrencylab.export.EnglishTexts.render(end.text())).as("asked to end, each worker ended by itself").isEqualTo("stopped (asked to end)");
    });
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void closingTheWindowMidRunEndsEveryWorker(FxRobot robot) throws Exception {
    LessonRun run = startBusyPool(robot);

    robot.interact(() -> {
      stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
      stage.hide();
    });

    assertEndedEverything(run);
  }

  @Test
  void switchingTabsMidRunEndsEveryWorkerAndTheOtherTabStillRuns(FxRobot robot) throws Exception {
    LessonRun run = startBusyPool(robot);
    LessonTab process = window.lessonTabs().stream().filter(t -> t.lesson().id().equals("process")).findFirst().orElseThrow();

    robot.interact(() -> window.select(process));

    assertEndedEverything(run);
    robot.interact(() -> {
      ((concurrencylab.lesson.process.ProcessLesson) process.lesson()).children().set(2);
      process.run();
    });
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> !process.runningProperty().get()));
    assertThat(process.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
  }
}
