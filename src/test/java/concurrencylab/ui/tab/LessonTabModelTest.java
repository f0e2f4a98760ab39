package concurrencylab.ui.tab;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonCommandLine;
import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.lesson.process.ProcessLesson;
import concurrencylab.runtime.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tab's run, pause, replay and cursor state, driven frame by frame with a clock of the test's own: no window. */
class LessonTabModelTest {
  /** Frames until the run is over, as the UI's frames would, draining the trace as the UI does. */
  private static void frameUntilEnded(LessonTabModel model) throws Exception {
    Await.until(Duration.ofSeconds(60), () -> {
      model.runProperty().get().trace().sync();
      return model.frame(0);
    }, "the run ends");
  }

  @Test
  void aRunGoesFromReadyToRunningToItsOutcomeAndAReplayWalksItsCursorAtTheChosenSpeed() throws Exception {
    ProcessLesson lesson = new ProcessLesson();
    lesson.children().set(2);
    LessonCommandLine.set(LessonCommandLine.parameter(lesson, "maxSleepMillis").orElseThrow(), "20");
    LessonTabModel model = new LessonTabModel(lesson);
    assertThat(model.statusProperty().get().key()).isEqualTo("status.ready");
    assertThat(model.replay(0)).as("nothing to replay yet").isFalse();

    model.start("en");
    assertThat(model.runningProperty().get()).isTrue();
    assertThat(model.statusProperty().get().key()).isEqualTo("status.running");
    frameUntilEnded(model);
    assertThat(model.runningProperty().get()).isFalse();
    assertThat(model.resultProperty().get().status()).isEqualTo(LessonRun.Status.COMPLETED);
    assertThat(model.statusProperty().get().key()).isEqualTo("outcome.process");
    assertThat(model.statusProperty().get().args()).first().isEqualTo(2);

    long end = model.runProperty().get().trace().store().endTime();
    model.speedProperty().set(0.5);
    assertThat(model.replay(1_000)).isTrue();
    assertThat(model.cursorProperty().get()).isZero();
    model.frame(1_000 + end); // half speed: half way after the run's length
    assertThat(model.replayingProperty().get()).isTrue();
    assertThat(model.cursorProperty().get()).isBetween(end / 2 - 1, end / 2 + 1);
    model.frame(1_000 + 2 * end);
    assertThat(model.replayingProperty().get()).isFalse();
    assertThat(model.cursorProperty().get()).isEqualTo(LessonTabModel.WHOLE_RUN);

    model.replay(0);
    model.scrubTo(end / 3);
    assertThat(model.replayingProperty().get()).as("a scrub ends the replay").isFalse();
    assertThat(model.cursorProperty().get()).isEqualTo(end / 3);
  }

  @Test
  void pauseHoldsTheRunAndStopSaysWhyItStopped() throws Exception {
    LockLesson lesson = new LockLesson();
    lesson.threads().set(2);
    lesson.increments().set(200);
    lesson.slowMotion().set(5);
    LessonTabModel model = new LessonTabModel(lesson);
    model.start("en");
    assertThat(model.setPaused(true)).isTrue();
    assertThat(model.pausedProperty().get()).isTrue();
    assertThat(model.statusProperty().get().key()).isEqualTo("status.paused");
    Await.until(Duration.ofSeconds(30), () -> model.runProperty().get().heldThreads() == 2, "both threads held");

    model.stop(true);
    assertThat(model.pausedProperty().get()).as("a stop ends the pause").isFalse();
    assertThat(model.statusProperty().get().key()).isEqualTo("status.stoppingLeft");
    assertThat(model.setPaused(true)).as("a stopping run cannot pause").isFalse();
    frameUntilEnded(model);
    assertThat(model.resultProperty().get().status()).isEqualTo(LessonRun.Status.STOPPED);
    assertThat(model.statusProperty().get().key()).isEqualTo("status.stoppedLeft");
  }

  @Test
  void aLessonThatCannotPauseIsNotPaused() throws Exception {
    ProcessLesson lesson = new ProcessLesson();
    lesson.children().set(1);
    LessonTabModel model = new LessonTabModel(lesson);
    model.start("en");
    assertThat(model.setPaused(true)).isFalse();
    assertThat(model.pausedProperty().get()).isFalse();
    model.stop(false);
    frameUntilEnded(model);
    assertThat(model.statusProperty().get().key()).isEqualTo("status.stopped");
  }
}
