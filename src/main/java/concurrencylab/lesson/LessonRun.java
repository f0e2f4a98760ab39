package concurrencylab.lesson;

import concurrencylab.trace.AppText;
import concurrencylab.runtime.CancelledRunException;
import concurrencylab.runtime.RunScope;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.Trace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a lesson: a fresh {@link Trace}, a {@link RunScope} and the thread that runs the
 * lesson's code. {@link #stop()} never blocks; {@link #done()} completes once nothing of the run is
 * left alive.
 */
public final class LessonRun {
  private static final Logger LOG = LoggerFactory.getLogger(LessonRun.class);
  private static final long GRACE_SECONDS = 5;
  /** The marks on the main lane where the lecturer paused and resumed the run. */
  public static final String PAUSED_MARK = AppText.of("mark.paused");
  public static final String RESUMED_MARK = AppText.of("mark.resumed");
  /** The mark on the main lane where the lecturer stepped the paused run. */
  public static final String STEPPED_MARK = AppText.of("mark.stepped");

  /** How a run ended. */
  public enum Status {
    COMPLETED,
    STOPPED,
    FAILED
  }

  /** The end of a run: its status and, when it completed, its outcome or failure message. */
  public record Result(Status status, Outcome outcome, String failure) {}

  private final Lesson lesson;
  private final Trace trace;
  private final RunScope scope;
  private final CompletableFuture<Result> done = new CompletableFuture<>();
  private final Thread runner;
  private final boolean canPause;
  private final String stepKey;

  private LessonRun(Lesson lesson, RunInfo runInfo) {
    this.lesson = lesson;
    canPause = lesson.canPause();
    stepKey = lesson.stepKey(runInfo);
    trace = new Trace(runInfo);
    scope = new RunScope(trace, lesson.mainLaneName());
    runner = new Thread(() -> execute(lesson), "main"); // the run's own main thread
    runner.setDaemon(true);
  }

  /**
   * The run's result once every event of its trace has been drained: a completed run without an
   * outcome (a Python run's) gains the one its lesson reads from the trace, if any.
   */
  public Result afterDrain(Result ended) {
    if (ended.status() != Status.COMPLETED || ended.outcome() != null) {
      return ended;
    }
    Outcome found = lesson.outcomeOfPythonRun(trace);
    return found == null ? ended : new Result(Status.COMPLETED, found, null);
  }

  /** Runs the lesson with its controls as they are now; the trace takes them down first. */
  public static LessonRun start(Lesson lesson, String language) {
    LessonRun run = new LessonRun(lesson, RunSnapshot.of(lesson, language));
    run.runner.start(); // only once the run is built: its thread uses every field
    return run;
  }

  /** {@link #start(Lesson, String)} for runs without a UI language (tests, the recorder). */
  public static LessonRun start(Lesson lesson) {
    return start(lesson, "en");
  }

  private void execute(Lesson lesson) {
    Result result;
    try {
      Outcome outcome = lesson.run(scope);
      result = new Result(scope.isCancelled() ? Status.STOPPED : Status.COMPLETED, outcome, "");
    } catch (InterruptedException | CancelledRunException e) {
      result = new Result(Status.STOPPED, null, "");
    } catch (RuntimeException e) {
      if (scope.isCancelled()) {
        result = new Result(Status.STOPPED, null, "");
      } else {
        LOG.warn("lesson {} failed", lesson.id(), e);
        trace.record(scope.main().lane(), EventKind.STDERR, "the lesson failed: " + e);
        result = new Result(Status.FAILED, null, String.valueOf(e));
      }
    }
    finish(result);
  }

  private void finish(Result result) {
    if (!awaitEnd(result.status() == Status.COMPLETED ? GRACE_SECONDS : 1)) {
      scope.cancel();
      awaitEnd(GRACE_SECONDS);
    }
    trace.record(
        scope.main().lane(), EventKind.END, result.status() == Status.COMPLETED ? 0 : 1, AppText.of("end.run." + result.status().name().toLowerCase(java.util.Locale.ROOT)));
    trace.finish();
    done.complete(result);
  }

  /**
   * Waits up to {@code seconds} for every process and thread of the run to end. A Stop interrupts
   * the runner thread, and it may have done so while the lesson was not waiting (starting a
   * process, say): that interrupt, or one from a Stop pressed during this wait, must not cut the
   * wait short, or the run would be done while its processes still run and their ends arrive after
   * the trace is finished.
   */
  private boolean awaitEnd(long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      Thread.interrupted();
      try {
        return scope.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException stoppedMeanwhile) {
        scope.cancel();
      }
    }
  }

  public Trace trace() {
    return trace;
  }

  /** Whether Stop was pressed on this run (it may still be ending). */
  public boolean isStopping() {
    return scope.isCancelled();
  }

  /** Ends every process and thread of the run; returns at once. */
  public void stop() {
    scope.cancel();
    if (Thread.currentThread() != runner) {
      runner.interrupt();
    }
  }

  /** Whether the lesson this run runs can pause (see {@link Lesson#canPause()}). */
  public boolean canPause() {
    return canPause;
  }

  /** Holds the run's threads at their next step (see {@link Lesson#canPause()}). */
  public void pause() {
    scope.pauseGate().pause();
    trace.record(scope.main().lane(), EventKind.MARKER, PAUSED_MARK);
  }

  public void resume() {
    trace.record(scope.main().lane(), EventKind.MARKER, RESUMED_MARK);
    scope.pauseGate().resume();
  }

  /**
   * While paused: every thread held now takes one step — it goes on to its next pause point, where
   * it is held again. Returns false, doing nothing, when the run is not paused.
   */
  public boolean step() {
    if (!scope.pauseGate().isPaused()) {
      return false;
    }
    trace.record(scope.main().lane(), EventKind.MARKER, STEPPED_MARK);
    return scope.pauseGate().step();
  }

  /** What one {@link #step()} of this run is, as a bundle key (see {@link Lesson#stepKey(RunInfo)}). */
  public String stepKey() {
    return stepKey;
  }

  /** How many of the run's threads are held at the pause gate now. */
  public int heldThreads() {
    return scope.pauseGate().waiting();
  }

  public boolean isPaused() {
    return scope.pauseGate().isPaused();
  }

  public CompletableFuture<Result> done() {
    return done;
  }

  public boolean isRunning() {
    return !done.isDone();
  }
}
