package concurrencylab.lesson.pool;

import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.RangeParameter;
import concurrencylab.lesson.LessonParameter.SeedParameter;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.runtime.ProcessPool;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import java.util.List;
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

  @Override
  public List<CodeStep> codeSteps() {
    return List.of(
        CodeStep.printed("is running...", "System.out.println(\"task \" + n + \" (pid=\"", "print(f\"task {n} (pid="),
        CodeStep.inState(LaneState.SLEEPING, "context.sleep(sleepMillis);", "time.sleep(seconds)"),
        CodeStep.printed(" end.", "System.out.println(\"task \" + n + \" end.\");", "print(f\"task {n} end."),
        CodeStep.of(EventKind.TASK_FAILED, "throw new IllegalStateException", "r.get()   # re-raises"),
        CodeStep.printed("current process", "parent.print(\"current process \"", "print(f\"current process"),
        CodeStep.of(EventKind.SPAWN, "new ProcessPool(scope, processes);", "with Pool(processes=3) as pool:"),
        CodeStep.printed("waiting for all", "parent.print(\"waiting for all", "print(\"waiting for all"),
        CodeStep.inState(LaneState.WAITING, "pool.join();", "pool.join()"),
        CodeStep.printed("all subprocesses done.", "parent.print(\"all subprocesses done.\");", "print(\"all subprocesses done.\")"));
  }

  @Override
  public String id() {
    return "pool";
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of(processes, tasks, sleepSeconds, failingTask, seed);
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
    TracedLane parent = scope.main();
    Random random = new Random(seed.get());
    long lowMillis = Math.round(sleepSeconds.low().get() * 1000);
    long highMillis = Math.max(lowMillis, Math.round(sleepSeconds.high().get() * 1000));
    parent.print("current process " + parent.lane().pid());
    long start = System.nanoTime();
    ProcessPool pool = new ProcessPool(scope, processes.get());
    for (int i = 0; i < tasks.get(); i++) {
      long sleep = lowMillis + (long) (random.nextDouble() * (highMillis - lowMillis));
      boolean fails = i == failingTask.get();
      pool.applyAsync(
          PoolTask.class.getName(), List.of(Integer.toString(i), Long.toString(sleep), Boolean.toString(fails)));
    }
    parent.mark("apply_async ×" + tasks.get());
    parent.print("waiting for all subprocesses done...");
    pool.close();
    parent.mark("close()");
    parent.mark("join()");
    parent.waitFor(
        () -> {
          pool.join();
          return null;
        });
    parent.print("all subprocesses done.");
    double seconds = (System.nanoTime() - start) / 1e9;
    parent.mark(String.format(java.util.Locale.ROOT, "all done: %.2f s", seconds));
    return Outcome.of("outcome.pool", tasks.get(), processes.get(), seconds, pool.failedCount());
  }
}
