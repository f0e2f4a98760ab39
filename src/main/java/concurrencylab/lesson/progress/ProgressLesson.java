package concurrencylab.lesson.progress;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.UsesUiThread;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import concurrencylab.runtime.UiThread;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The chapter's reason for threads: a button starts long work and a progress bar shows how far it
 * got. Run on the UI thread, the work freezes the window (that is the demonstration); run as a
 * {@link Task} on background threads, the window stays smooth, shows each job's progress and can
 * cancel it. Either way the UI thread's frames are measured while the run goes on, and the verdict
 * is the longest frame measured against {@link #FRAME_LIMIT_MILLIS}.
 */
public final class ProgressLesson implements Lesson, UsesUiThread {
  /** Where the long job runs. */
  public enum Where {
    UI_THREAD,
    BACKGROUND
  }

  /** What a step of the job is: a wait like I/O (sleeping) or CPU work (hashing). */
  public enum Work {
    WAIT,
    COMPUTE
  }

  public static final String FX_LANE = "JavaFX Application Thread";

  /**
   * A frame longer than this is a window that did not answer: about the tenth of a second within
   * which a reaction still feels immediate.
   */
  public static final long FRAME_LIMIT_MILLIS = 100;

  /** Busy spans of the UI thread shorter than this stay off its lane: every frame costs a little. */
  static final long BUSY_THRESHOLD_NANOS = 3_000_000;

  /** How long to wait for the UI thread to draw a frame before going on without. */
  private static final long FRAME_WAIT_MILLIS = 3000;

  private final ChoiceParameter<Where> where = new ChoiceParameter<>("where", Where.BACKGROUND);
  private final ChoiceParameter<Work> work = new ChoiceParameter<>("work", Work.WAIT);
  private final IntParameter steps = new IntParameter("steps", 1, 50, 20);
  private final IntParameter stepMillis = new IntParameter("jobStepMillis", 10, 200, 100);
  private final IntParameter jobs = new IntParameter("jobs", 1, 4, 2);
  private final DoubleProperty uiThreadProgress = new SimpleDoubleProperty(0);
  private final ObservableList<Task<Void>> backgroundJobs = FXCollections.observableArrayList();
  /** The lane of the job thread running a task's {@code call()}. */
  private final ThreadLocal<TracedLane> jobLane = new ThreadLocal<>();
  private volatile UiThread ui;
  private volatile FrameMeter meter = FrameMeter.NONE;

  /** In Python the work differs from Java's: its own explanation says how. */
  @Override
  public String pythonExplanationKey() {
    return explanationKey() + ".python";
  }

  @Override
  public String id() {
    return "progress";
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of(where, work, steps, stepMillis, jobs);
  }

  @Override
  public void useUiThread(UiThread uiThread) {
    this.ui = uiThread;
  }

  /** Where the frames measured during a run are shown as they come. */
  public void showFramesOn(FrameMeter frameMeter) {
    this.meter = frameMeter == null ? FrameMeter.NONE : frameMeter;
  }

  /** Background jobs pause between steps; a job on the UI thread cannot be paused (nothing can click). */
  @Override
  public boolean canPause() {
    return where.get() == Where.BACKGROUND;
  }

  public ChoiceParameter<Where> where() {
    return where;
  }

  public ChoiceParameter<Work> work() {
    return work;
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

  /** Progress of the job on the UI thread; changed on the UI thread, so seen only when it thaws. */
  public DoubleProperty uiThreadProgress() {
    return uiThreadProgress;
  }

  /** The running background jobs; changed on the UI thread only. */
  public ObservableList<Task<Void>> backgroundJobs() {
    return backgroundJobs;
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    UiThread uiThread = ui;
    if (uiThread == null) {
      throw new IllegalStateException("the progress lesson was given no UI thread to run on (useUiThread)");
    }
    int count = steps.get();
    long pause = stepMillis.get();
    Work kind = work.get();
    Where place = where.get();
    int jobCount = jobs.get();
    TracedLane fx = scope.newThreadLane(FX_LANE);
    fx.trace().record(fx.lane(), EventKind.START, "the UI's own thread");
    fx.state(LaneState.WAITING);
    UiThreadRecorder recorder = new UiThreadRecorder(fx, meter, BUSY_THRESHOLD_NANOS);
    UiThread.FrameWatch watch = uiThread.watchFrames(recorder);
    try {
      // a freeze is the gap between two frames, so the first frame must be in before the job starts
      recorder.awaitFrameAfter(System.nanoTime(), FRAME_WAIT_MILLIS);
      if (place == Where.UI_THREAD) {
        runOnUiThread(scope, uiThread, recorder, fx, count, pause, kind);
      } else {
        runInBackground(scope, uiThread, count, pause, kind, jobCount);
      }
      // the frame that ends a freeze (or a slow frame) comes after the job: it belongs to the run
      recorder.awaitFrameAfter(System.nanoTime(), FRAME_WAIT_MILLIS);
    } finally {
      recorder.finish(uiThread, watch, FRAME_WAIT_MILLIS);
    }
    return verdict(recorder.gaps(), recorder.longestGapNanos(), recorder.longestGapCpu(), place, kind, jobCount, JAVA_VERDICTS);
  }

  /**
   * The Python run's verdict, as the Java run's: its script's loop stands for the window, and the
   * time between two of its turns for a frame (read by {@link LoopTurns} from the queue's events).
   */
  @Override
  public Outcome outcomeOfPythonRun(Trace drained) {
    if (!LoopTurns.applies(drained)) {
      return null;
    }
    List<TraceEvent> events = new ArrayList<>();
    for (Lane lane : drained.lanes()) {
      LaneTrack track = drained.store().track(lane.id());
      for (int i = 0; i < track.size(); i++) {
        events.add(track.event(lane.id(), i));
      }
    }
    events.sort(Comparator.comparingLong(TraceEvent::time));
    LoopTurns turns = new LoopTurns(drained);
    turns.add(events);
    RunInfo run = drained.runInfo();
    return verdict(turns.gaps(), turns.longestGapNanos(), loopCpu(drained, turns), run.value(where.key()).map(Where::valueOf).orElse(where.get()),
        run.value(work.key()).map(Work::valueOf).orElse(work.get()), run.intValue(jobs.key(), jobs.get()), PYTHON_VERDICTS);
  }

  /**
   * The CPU time, in nanoseconds, the UI thread and JavaFX's renderer thread used during the longest
   * gap between two frames; -1 where not measured (a Python run, a JVM that cannot tell).
   */
  record GapCpu(long uiThreadNanos, long rendererNanos) {
    static final GapCpu UNMEASURED = new GapCpu(-1, -1);
  }

  /**
   * How much CPU time the loop's thread used in its longest gap, where the run read it: the loop
   * runs in the main thread of the script's process, whose CPU time {@code PythonRun} reads.
   */
  private static GapCpu loopCpu(Trace trace, LoopTurns turns) {
    if (turns.loopLane() < 0 || turns.longestGapStart() < 0) {
      return GapCpu.UNMEASURED;
    }
    Lane loop = trace.lane(turns.loopLane());
    if (loop.kind() != concurrencylab.trace.LaneKind.PROCESS) {
      return GapCpu.UNMEASURED; // a loop in a thread of its own: not read
    }
    long from = turns.longestGapStart();
    long used = trace.mainThreadCpuIfRead(loop.pid()).map(samples -> samples.between(from, from + turns.longestGapNanos())).orElse(-1L);
    return new GapCpu(used, -1);
  }

  /** The verdicts' keys: the window's frames in Java, the script's loop in Python. */
  private static final String JAVA_VERDICTS = "outcome.progress.";
  private static final String PYTHON_VERDICTS = "outcome.progress.python.";

  /**
   * The verdict on a run from what was measured: the frames (or the script's loop turns), the
   * longest gap between two, and how much of that gap the UI thread itself and the renderer ran,
   * which says whether a lag was the window's own work, its drawing, or time the thread was not
   * running at all.
   */
  static Outcome verdict(int gaps, long longestGapNanos, GapCpu cpu, Where place, Work kind, int jobCount, String keys) {
    if (gaps == 0) {
      return Outcome.of(keys + "unmeasured");
    }
    long longest = Math.round(longestGapNanos / 1e6);
    boolean smooth = longest <= FRAME_LIMIT_MILLIS;
    if (place == Where.UI_THREAD) {
      return Outcome.of(keys + (smooth ? "ui.kept" : "ui.froze"), longest, FRAME_LIMIT_MILLIS);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (smooth) {
      return Outcome.of(keys + "background.smooth", longest, FRAME_LIMIT_MILLIS, jobCount);
    }
    if (kind == Work.WAIT) { // sleeping jobs take no CPU: the cause is not theirs
      double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      if (cpu.uiThreadNanos() < 0) { // only the load says whose it was
        return Outcome.of(keys + "background.laggedWaiting", longest, FRAME_LIMIT_MILLIS, jobCount, Math.max(0, load), cores);
      }
      long ran = Math.round(cpu.uiThreadNanos() / 1e6);
      long drew = Math.round(cpu.rendererNanos() / 1e6);
      if (ran * 2 >= longest) {
        return Outcome.of(keys + "background.laggedOwnWork", longest, FRAME_LIMIT_MILLIS, jobCount, ran);
      }
      return cpu.rendererNanos() >= 0 && drew * 2 >= longest
          ? Outcome.of(keys + "background.laggedRendering", longest, FRAME_LIMIT_MILLIS, jobCount, ran, drew)
          : Outcome.of(keys + "background.laggedNotRunning", longest, FRAME_LIMIT_MILLIS, jobCount, ran, Math.max(0, load), cores);
    }
    return Outcome.of(keys + "background.lagged", longest, FRAME_LIMIT_MILLIS, jobCount, cores);
  }

  private void runOnUiThread(RunScope scope, UiThread uiThread, UiThreadRecorder recorder, TracedLane fx, int count, long pause, Work kind)
      throws InterruptedException {
    TracedLane main = scope.main();
    main.print("running " + count + " steps on the JavaFX Application Thread");
    CountDownLatch done = new CountDownLatch(1);
    uiThread.run(() -> {
      try {
        uiThreadJob(recorder, fx, count, pause, kind, scope::isCancelled);
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
  }

  private void runInBackground(RunScope scope, UiThread uiThread, int count, long pause, Work kind, int jobCount)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int j = 1; j <= jobCount; j++) {
      Task<Void> task = job(j, count, pause, kind);
      uiThread.run(() -> backgroundJobs.add(task));
      threads.add(scope.startThread("job-" + j, lane -> {
        jobLane.set(lane);
        try {
          task.run();
        } finally {
          uiThread.run(() -> backgroundJobs.remove(task));
        }
      }));
    }
    scope.main().joinAll(threads);
  }

  // snippet:run:start
  /** On the UI thread: blocks it on purpose, so nothing repaints until the loop is done.  ## zh: 在 UI 线程上：故意阻塞它，循环结束前界面不会重绘。 */
  private void uiThreadJob(UiThreadRecorder recorder, TracedLane fx, int count, long pause, Work kind, BooleanSupplier stopped) {
    recorder.working(LaneState.RUNNING);
    uiThreadProgress.set(0);
    try {
      for (int i = 1; i <= count && !stopped.getAsBoolean(); i++) {
        if (kind == Work.WAIT) {
          recorder.working(LaneState.SLEEPING);
          Thread.sleep(pause); // like waiting for I/O: the UI thread answers nothing meanwhile  ## zh: 就像等待 I/O：这期间 UI 线程什么都不响应
          recorder.working(LaneState.RUNNING);
        } else {
          hash(pause); // CPU work on the UI thread  ## zh: 在 UI 线程上做 CPU 工作
        }
        uiThreadProgress.set((double) i / count); // drawn only when the loop is done  ## zh: 要等循环结束才画出来
        fx.print("step " + i + "/" + count + " on the UI thread");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      recorder.idle(System.nanoTime());
    }
  }

  /** In the background: a Task on a thread of its own; the UI thread only draws its progress.  ## zh: 在后台：Task 在自己的线程上运行，UI 线程只画出它的进度。 */
  private Task<Void> job(int number, int count, long pause, Work kind) {
    return new Task<>() {
      {
        updateTitle("job-" + number);
      }

      @Override
      protected Void call() {
        TracedLane lane = jobLane.get();
        for (int i = 1; i <= count; i++) {
          try {
            if (kind == Work.WAIT) {
              lane.sleep(pause); // like waiting for I/O  ## zh: 就像等待 I/O
            } else {
              lane.pausePoint();
              hash(pause); // CPU work  ## zh: CPU 工作
            }
          } catch (InterruptedException e) {
            return ended(lane, i);
          }
          if (isCancelled()) {
            return ended(lane, i);
          }
          updateProgress(i, count); // delivered to the UI thread  ## zh: 交给 UI 线程去画
          lane.print("job-" + number + " step " + i + "/" + count);
        }
        return null;
      }

      private Void ended(TracedLane lane, int step) {
        if (isCancelled()) { // its Cancel button  ## zh: 点了它的取消按钮
          lane.endsAs("cancelled");
          lane.print("job-" + number + " cancelled at step " + step);
        } else {
          lane.print("job-" + number + " stopped at step " + step);
        }
        return null;
      }
    };
  }
  // snippet:run:end

  /** One step of CPU work: hashing for {@code millis}; stops early when the thread is interrupted. */
  static void hash(long millis) throws InterruptedException {
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
}
