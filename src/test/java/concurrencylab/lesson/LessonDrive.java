package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.RangeParameter;
import concurrencylab.lesson.LessonParameter.SeedParameter;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.ui.lessonview.FxUiThread;
import java.time.Duration;
import java.util.List;
import java.util.function.LongPredicate;
import javafx.application.Platform;

/**
 * Runs lessons the way the app does, without the window: parameters set as a lecturer might, the
 * trace drained every few milliseconds while the run goes on (the UI does it once per frame), a
 * last drain once the run is done and its trace finished, and Stop pressed on the FX thread, where
 * the app's Stop button, Esc, a tab switch and closing the window all run. (So a Stop cannot land
 * while the progress lesson deliberately freezes the FX thread, as in the app; see the report of
 * issue 6 about a stop() from another thread.)
 */
final class LessonDrive {
  /** How long a run with short parameters may take before the test calls it hung. */
  static final Duration RUN_LIMIT = Duration.ofSeconds(90);

  /** The end of one run: its result and how many events the consumer drained. */
  record Ended(LessonRun run, LessonRun.Result result, long drained) {
    Trace trace() {
      return run.trace();
    }
  }

  private LessonDrive() {}

  /**
   * Short parameters for every lesson, whatever controls it has: each whole number a little above
   * its minimum (so a "none" at the minimum becomes a real choice, such as the Pool's failing task),
   * each range of seconds at most 50 ms wide at its low end, the choices in turn, the seed the
   * round number.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void shorten(Lesson lesson, int round) {
    for (LessonParameter parameter : lesson.parameters()) {
      if (parameter instanceof IntParameter p) {
        p.set(Math.min(p.max(), p.min() + 2));
      } else if (parameter instanceof RangeParameter p) {
        p.low().set(p.min());
        p.high().set(Math.min(p.max(), p.min() + 0.05));
      } else if (parameter instanceof ChoiceParameter p) {
        p.value().set(p.options().get(round % p.options().size()));
      } else if (parameter instanceof SeedParameter p) {
        p.value().set(round);
      } else {
        throw new AssertionError("a kind of parameter the soak does not know yet: " + parameter);
      }
    }
  }

  /** When to press Stop: given the events recorded so far and the time since Run. */
  @FunctionalInterface
  interface StopRule {
    boolean stopNow(long recorded, long elapsedMillis);
  }

  /** Runs {@code lesson} to its end. */
  static Ended run(Lesson lesson) throws InterruptedException {
    return run(lesson, (recorded, elapsed) -> false);
  }

  /** Runs {@code lesson}, pressing Stop as soon as {@code stopWhen} holds for the events recorded so far. */
  static Ended run(Lesson lesson, LongPredicate stopWhen) throws InterruptedException {
    return run(lesson, (recorded, elapsed) -> stopWhen.test(recorded));
  }

  /** Runs {@code lesson}, pressing Stop as soon as {@code rule} says so. */
  static Ended run(Lesson lesson, StopRule rule) throws InterruptedException {
    long started = System.nanoTime();
    FxUiThread.handTo(lesson);
    LessonRun run = LessonRun.start(lesson);
    long deadline = started + RUN_LIMIT.toNanos();
    long drained = 0;
    boolean stopped = false;
    while (!(run.done().isDone() && run.trace().isFinished())) {
      if (!stopped && rule.stopNow(run.trace().recordedCount(), (System.nanoTime() - started) / 1_000_000)) {
        Platform.runLater(run::stop);
        stopped = true;
      }
      if (System.nanoTime() > deadline) {
        run.stop();
        throw new AssertionError("lesson " + lesson.id() + " did not end within " + RUN_LIMIT.toSeconds() + " s");
      }
      drained += run.trace().sync().size();
      Thread.sleep(stopped ? 1 : 5);
    }
    drained += run.trace().sync().size();
    return new Ended(run, run.done().join(), drained);
  }

  /**
   * What every finished run must show: every process and thread lane ends with its END, the main
   * lane's END says how the run ended, and the consumer got every event that was recorded.
   */
  static void assertWellEnded(Ended ended) {
    Trace trace = ended.trace();
    assertThat(ended.drained()).as("events drained by the consumer").isEqualTo(trace.recordedCount());
    List<Lane> lanes = trace.lanes();
    for (Lane lane : lanes) {
      if (lane.kind() == LaneKind.QUEUE) {
        continue;
      }
      LaneTrack track = trace.store().track(lane.id());
      assertThat(track.size()).as("events on lane %s", lane.name()).isPositive();
      assertThat(track.kind(track.size() - 1)).as("last event on lane %s: %s", lane.name(), track.event(lane.id(), track.size() - 1))
          .isEqualTo(EventKind.END);
    }
    LaneTrack main = trace.store().track(lanes.get(0).id());
    assertThat(main.text(main.size() - 1)).isEqualTo(concurrencylab.trace.AppText.of("end.run." + ended.result().status().name().toLowerCase(java.util.Locale.ROOT)));
  }
}
