package concurrencylab.lesson.progress;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.StageKind;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The chapter's reason for threads: a button starts long work and a progress bar shows how far it
 * got. Run on the JavaFX Application Thread, the work freezes the window (that is the
 * demonstration); run as a {@link Task} on background threads, the window stays smooth, shows
 * each job's progress and can cancel it.
 */
public final class ProgressLesson implements Lesson {
  /** Where the long job runs. */
  public enum Where {
    UI_THREAD,
    BACKGROUND
  }

  public static final String FX_LANE = "JavaFX Application Thread";

  private final ChoiceParameter<Where> where = new ChoiceParameter<>("where", Where.BACKGROUND);
  private final IntParameter steps = new IntParameter("steps", 1, 50, 20);
  private final IntParameter stepMillis = new IntParameter("jobStepMillis", 10, 200, 100);
  private final IntParameter jobs = new IntParameter("jobs", 1, 4, 2);
  private final DoubleProperty uiThreadProgress = new SimpleDoubleProperty(0);
  private final ObservableList<Task<Void>> backgroundJobs = FXCollections.observableArrayList();
  /** The lane of the job thread running a task's {@code call()}. */
  private final ThreadLocal<TracedLane> jobLane = new ThreadLocal<>();

  @Override
  public String id() {
    return "progress";
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of(where, steps, stepMillis, jobs);
  }

  @Override
  public StageKind stage() {
    return StageKind.PROGRESS;
  }

  /** Background jobs pause between steps; a job on the UI thread cannot be paused (nothing can click). */
  @Override
  public boolean canPause() {
    return where.get() == Where.BACKGROUND;
  }

  public ChoiceParameter<Where> where() {
    return where;
  }

  public IntParameter steps() {
    return steps;
  }

  public IntParameter stepMillis() {
    return stepMillis;
  }

  public IntParameter jobs() {
    return jobs;
  }

  /** Progress of the job on the UI thread; changed on the FX thread, so seen only when it thaws. */
  public DoubleProperty uiThreadProgress() {
    return uiThreadProgress;
  }

  /** The running background jobs; changed on the FX thread only. */
  public ObservableList<Task<Void>> backgroundJobs() {
    return backgroundJobs;
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    int count = steps.get();
    long pause = stepMillis.get();
    TracedLane main = scope.main();
    TracedLane fx = scope.newThreadLane(FX_LANE);
    fx.trace().record(fx.lane(), EventKind.START, "the UI's own thread");
    fx.state(LaneState.WAITING);
    try {
      if (where.get() == Where.UI_THREAD) {
        main.print("running " + count + " steps on the JavaFX Application Thread");
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
          try {
            runOnUiThread(fx, count, pause, scope::isCancelled);
          } finally {
            done.countDown();
          }
        });
        try {
          main.waitFor(() -> {
            done.await();
            return null;
          });
        } catch (InterruptedException stopped) {
          // the job sees the Stop at its next step; its lane must end before the run does
          while (done.getCount() > 0) {
            try {
              done.await();
            } catch (InterruptedException again) {
              // keep waiting: at most one step
            }
          }
          throw stopped;
        }
        return Outcome.of("outcome.progress.ui", count * pause);
      }
      List<Thread> threads = new ArrayList<>();
      for (int j = 1; j <= jobs.get(); j++) {
        Task<Void> task = job(j, count, pause);
        Platform.runLater(() -> backgroundJobs.add(task));
        threads.add(scope.startThread("job-" + j, lane -> {
          jobLane.set(lane);
          try {
            task.run();
          } finally {
            Platform.runLater(() -> backgroundJobs.remove(task));
          }
        }));
      }
      main.joinAll(threads);
      return Outcome.of("outcome.progress.background", threads.size());
    } finally {
      fx.trace().record(fx.lane(), EventKind.END, 0, "ended");
    }
  }

  /** Blocks the UI thread on purpose: nothing repaints until it returns. */
  private void runOnUiThread(TracedLane fx, int count, long pause, java.util.function.BooleanSupplier stopped) {
    fx.state(LaneState.RUNNING);
    uiThreadProgress.set(0);
    try {
      for (int i = 1; i <= count && !stopped.getAsBoolean(); i++) {
        work(pause);
        uiThreadProgress.set((double) i / count);
        fx.print("step " + i + "/" + count + " on the UI thread");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      fx.state(LaneState.WAITING);
    }
  }

  /** One step of real work: hashing for {@code millis}; stops early when the thread is interrupted. */
  static void work(long millis) throws InterruptedException {
    java.security.MessageDigest digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    byte[] block = new byte[4096];
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      block = java.util.Arrays.copyOf(digest.digest(block), 4096);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private Task<Void> job(int number, int count, long pause) {
    return new Task<>() {
      {
        updateTitle("job-" + number);
        updateMessage("waiting");
      }

      @Override
      protected Void call() {
        TracedLane lane = jobLane.get();
        for (int i = 1; i <= count; i++) {
          try {
            lane.pausePoint();
            work(pause);
          } catch (InterruptedException e) {
            lane.print("job-" + number + " cancelled at step " + i);
            return null;
          }
          if (isCancelled()) {
            lane.print("job-" + number + " cancelled at step " + i);
            return null;
          }
          updateProgress(i, count);
          updateMessage("step " + i + " of " + count);
          lane.print("job-" + number + " step " + i + "/" + count);
        }
        return null;
      }
    };
  }

  @Override
  public String javaExample() {
    try (var in = getClass().getResourceAsStream("Example.java")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
