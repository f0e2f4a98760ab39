package concurrencylab.ui.tab;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonRun;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The state of a lesson tab as properties its view binds to: the run (live or recorded), whether
 * it is paused, replaying, where the cursor of a recorded run stands, and what the status line
 * says (a key and its arguments, put into words by the view). No controls and no drawing: the
 * view drains the run's trace and draws; time is handed in, so a test can drive it frame by frame.
 */
public final class LessonTabModel {
  /** A status-line text: a bundle key and its arguments. */
  public record Status(String key, List<Object> args) {
    static Status of(String key, Object... args) {
      return new Status(key, List.of(args));
    }
  }

  /** A recorded run's cursor when the whole run is shown. */
  public static final long WHOLE_RUN = -1;

  private final Lesson lesson;
  private final ReadOnlyObjectWrapper<LessonRun> run = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<LessonRun.Result> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper();
  private final ReadOnlyLongWrapper cursor = new ReadOnlyLongWrapper(WHOLE_RUN);
  private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.of("status.ready"));
  private final DoubleProperty speed = new SimpleDoubleProperty(1);
  private boolean stoppedByLeaving;
  private long replayFrom;
  private long replayStartedAt;

  public LessonTabModel(Lesson lesson) {
    this.lesson = lesson;
  }

  /** Starts a fresh run of the lesson with its controls as they are now; nothing while one runs. */
  public LessonRun start(String language) {
    return start(language, lesson);
  }

  /** Starts a fresh run of {@code toRun}: the lesson itself, or the lesson in another language (its Python). */
  public LessonRun start(String language, Lesson toRun) {
    if (running.get()) {
      return run.get();
    }
    replaying.set(false);
    cursor.set(WHOLE_RUN);
    result.set(null);
    paused.set(false);
    stoppedByLeaving = false;
    run.set(LessonRun.start(toRun, language));
    running.set(true);
    status.set(Status.of("status.running"));
    return run.get();
  }

  /** Stop: every process and thread of the run ends; {@code leftTheTab} says why, when it is so. */
  public void stop(boolean leftTheTab) {
    replaying.set(false);
    if (running.get()) {
      stoppedByLeaving = leftTheTab;
      run.get().stop();
      paused.set(false);
      status.set(Status.of(leftTheTab ? "status.stoppingLeft" : "status.stopping"));
    }
  }

  /** Holds or releases the live run's threads, when the lesson can pause; false when it cannot. */
  public boolean setPaused(boolean hold) {
    if (!running.get() || !run.get().canPause() || run.get().isStopping()) {
      paused.set(false);
      return false;
    }
    if (hold != paused.get()) {
      if (hold) {
        run.get().pause();
      } else {
        run.get().resume();
      }
      paused.set(hold);
      status.set(Status.of(hold ? "status.paused" : "status.running"));
    }
    return true;
  }

  /**
   * While paused: each held thread of the live run takes one step and is held again. False, doing
   * nothing, when the run is not paused (or cannot pause, or is stopping).
   */
  public boolean step() {
    if (!running.get() || !paused.get() || run.get().isStopping()) {
      return false;
    }
    return run.get().step();
  }

  /** Plays the recorded run again from its start, from {@code nowNanos} on. */
  public boolean replay(long nowNanos) {
    if (running.get() || result.get() == null) {
      return false;
    }
    replayFrom = 0;
    replayStartedAt = nowNanos;
    replaying.set(true);
    cursor.set(0);
    return true;
  }

  /** Shows the recorded run up to {@code time} (or the whole run): a scrub ends a replay. */
  public void scrubTo(long time) {
    if (running.get() || result.get() == null) {
      return;
    }
    replaying.set(false);
    cursor.set(time);
  }

  /**
   * Once per frame: ends the run once it is over (returns true then, so the view drains the rest),
   * and moves a replay's cursor to where {@code nowNanos} puts it.
   */
  public boolean frame(long nowNanos) {
    boolean ended = false;
    LessonRun current = run.get();
    if (running.get() && current.done().isDone() && current.trace().isFinished()) {
      result.set(current.done().join());
      running.set(false);
      paused.set(false);
      status.set(statusOf(result.get()));
      ended = true;
    }
    if (replaying.get()) {
      long end = current.trace().store().endTime();
      long at = replayFrom + (long) ((nowNanos - replayStartedAt) * speed.get());
      if (at >= end) {
        replaying.set(false);
        cursor.set(WHOLE_RUN);
      } else {
        cursor.set(at);
      }
    }
    return ended;
  }

  /** Once the ended run's last events are drained: a Python run's outcome, read from its trace. */
  public void drained(LessonRun ended) {
    LessonRun.Result was = result.get();
    LessonRun.Result now = was == null ? null : ended.afterDrain(was);
    if (now != was) {
      result.set(now);
      status.set(statusOf(now));
    }
  }

  private Status statusOf(LessonRun.Result ended) {
    return switch (ended.status()) {
      // a run in Python has no outcome of the Java lesson's: the lanes and the console say it
      case COMPLETED -> ended.outcome() == null ? Status.of("status.completed") : new Status(ended.outcome().messageKey(), ended.outcome().args());
      case STOPPED -> Status.of(stoppedByLeaving ? "status.stoppedLeft" : "status.stopped");
      case FAILED -> Status.of("status.failed", ended.failure());
    };
  }

  public ReadOnlyObjectProperty<LessonRun> runProperty() {
    return run.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<LessonRun.Result> resultProperty() {
    return result.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty pausedProperty() {
    return paused.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty replayingProperty() {
    return replaying.getReadOnlyProperty();
  }

  public ReadOnlyLongProperty cursorProperty() {
    return cursor.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Status> statusProperty() {
    return status.getReadOnlyProperty();
  }

  public DoubleProperty speedProperty() {
    return speed;
  }
}
