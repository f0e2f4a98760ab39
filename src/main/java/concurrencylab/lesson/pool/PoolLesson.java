package concurrencylab.lesson.pool;

import concurrencylab.trace.AppText;
import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.RangeParameter;
import concurrencylab.lesson.LessonParameter.SeedParameter;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.PythonRunFacts;
import concurrencylab.lesson.SourceExcerpt;
import concurrencylab.lesson.StartMethod;
import concurrencylab.runtime.ProcessPool;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.Trace;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * multiprocessing.Pool: P worker processes take T queued tasks one at a time; the parent submits
 * them all, closes the pool and joins it.
 */
public final class PoolLesson implements Lesson {
  private final IntParameter processes = new IntParameter("processes", 1, 8, 3);
  private final IntParameter tasks = new IntParameter("tasks", 1, 50, 5);
  private final RangeParameter sleepSeconds = new RangeParameter("sleepSeconds", 0, 10, 0, 3);
  private final IntParameter failingTask = new IntParameter("failingTask", -1, 49, -1).withNone(-1);
  private final SeedParameter seed = new SeedParameter(7);
  private final ChoiceParameter<StartMethod> startMethod = StartMethod.parameter(); // Python only

  {
    // the failing task is one of the tasks (0 … T-1), or none: a number past them would raise nothing
    tasks.value().addListener((obs, was, now) -> keepFailingTaskAmongTheTasks());
    failingTask.value().addListener((obs, was, now) -> keepFailingTaskAmongTheTasks());
  }

  private void keepFailingTaskAmongTheTasks() {
    if (failingTask.get() >= tasks.get()) {
      failingTask.set(tasks.get() - 1);
    }
  }

  @Override
  public List<CodeStep> codeSteps(RunInfo run) {
    return List.of(
        CodeStep.printed("is running...", "System.out.println(\"task \" + name + \" (pid=\"", "print(f\"task {n} (pid="),
        CodeStep.inState(LaneState.SLEEPING, "context.sleep(sleepMillis);", "time.sleep(seconds)"),
        CodeStep.printed(" end.", "System.out.println(\"task \" + name + \" end.\");", "print(f\"task {n} end."),
        CodeStep.of(EventKind.TASK_FAILED, "throw new IllegalStateException", "raise RuntimeError"),
        CodeStep.printed("current process", "parent.print(\"current process \"", "print(f\"current process"),
        CodeStep.of(EventKind.SPAWN, "ProcessPool.start(scope, processes.get());", "pool = ctx.Pool(processes=PROCESSES)"),
        CodeStep.printed("waiting for all", "parent.print(\"waiting for all", "print(\"waiting for all"),
        CodeStep.inState(LaneState.WAITING, "pool.join(parent);", "pool.join()"),
        CodeStep.printed("all subprocesses done.", "parent.print(\"all subprocesses done.\");", "print(\"all subprocesses done.\")"));
  }

  @Override
  public List<SourceExcerpt> javaExcerpts() {
    return List.of(new SourceExcerpt(PoolLesson.class, "run"), new SourceExcerpt(PoolTask.class, "run"));
  }

  @Override
  public String id() {
    return "pool";
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of(processes, tasks, sleepSeconds, failingTask, seed, startMethod);
  }

  public IntParameter processes() {
    return processes;
  }

  public IntParameter tasks() {
    return tasks;
  }

  public RangeParameter sleepSeconds() {
    return sleepSeconds;
  }

  public IntParameter failingTask() {
    return failingTask;
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    // snippet:run:start
    TracedLane parent = scope.main();
    Random random = new Random(seed.get());
    long lowMillis = Math.round(sleepSeconds.low().get() * 1000);
    long highMillis = Math.max(lowMillis, Math.round(sleepSeconds.high().get() * 1000));
    parent.print("current process " + parent.lane().pid());
    long start = System.nanoTime();
    // P worker JVMs, started at once and kept alive  ## zh: P 个工作进程（JVM），一次全部启动并一直保留
    ProcessPool pool = ProcessPool.start(scope, processes.get());
    for (int i = 0; i < tasks.get(); i++) {
      long sleep = lowMillis + (long) (random.nextDouble() * (highMillis - lowMillis));
      boolean fails = i == failingTask.get();
      pool.applyAsync(PoolTask.class.getName(), // queued: returns at once  ## zh: 放入队列，立即返回
          List.of(Integer.toString(i), Long.toString(sleep), Boolean.toString(fails)));
    }
    parent.mark("apply_async ×" + tasks.get());
    parent.print("waiting for all subprocesses done...");
    pool.close(); // no more tasks  ## zh: 不再接受新任务
    parent.mark("close()");
    parent.mark("join()");
    pool.join(parent); // every task, then the workers' exit  ## zh: 等所有任务完成，再等工作进程退出
    parent.print("all subprocesses done.");
    // snippet:run:end
    double seconds = (System.nanoTime() - start) / 1e9;
    parent.mark(AppText.of("mark.allDone", seconds));
    return Outcome.of("outcome.pool", tasks.get(), processes.get(), seconds, pool.failedCount());
  }

  /**
   * The Python run's outcome in the Java run's words: the tasks its workers began, on how many
   * processes, how long from the script's start to "all subprocesses done.", and how many raised.
   */
  @Override
  public Outcome outcomeOfPythonRun(Trace drained) {
    Lane main = PythonRunFacts.mainProcess(drained).orElse(null);
    Optional<Long> done = main == null ? Optional.empty() : PythonRunFacts.printed(drained, main, "all subprocesses done.");
    if (done.isEmpty()) {
      return null;
    }
    int begun = 0;
    int raised = 0;
    for (Lane lane : drained.lanes()) {
      LaneTrack track = drained.store().track(lane.id());
      for (int i = 0; i < track.size(); i++) {
        begun += track.kind(i) == EventKind.TASK_BEGIN ? 1 : 0;
        raised += track.kind(i) == EventKind.TASK_FAILED ? 1 : 0;
      }
    }
    double seconds = (done.get() - drained.store().track(main.id()).time(0)) / 1e9;
    return Outcome.of("outcome.pool", begun, drained.runInfo().intValue(processes.key(), processes.get()), seconds, raised);
  }
}
