package concurrencylab.lesson;

import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.WorkerContext;
import concurrencylab.runtime.WorkerProcess;
import concurrencylab.runtime.WorkerTask;
import java.util.List;

/** Lessons that misbehave on purpose, for {@link LessonFaultsTest}. */
public final class MisbehavingLessons {
  private MisbehavingLessons() {}

  /** A worker task that does not end by itself. */
  public static final class Hang implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) throws InterruptedException {
      System.out.println("hanging");
      context.sleep(600_000);
    }
  }

  /** Returns while a child process and a thread of its run still hang. */
  static final class LeavesThingsHanging implements Lesson {
    @Override
    public String id() {
      return "leaves-things-hanging";
    }

    @Override
    public List<LessonParameter> parameters() {
      return List.of();
    }

    @Override
    public Outcome run(RunScope scope) {
      WorkerProcess child = scope.spawn("hangs", WorkerProcess.EXIT_AFTER_TASK);
      child.run(0, Hang.class.getName(), List.of());
      scope.startThread("sleeps", lane -> lane.sleep(600_000));
      return Outcome.of("outcome.none");
    }
  }

  /** Throws from its own code, and one of its threads throws too, while a child runs. */
  static final class Throws implements Lesson {
    @Override
    public String id() {
      return "throws";
    }

    @Override
    public List<LessonParameter> parameters() {
      return List.of();
    }

    @Override
    public Outcome run(RunScope scope) throws InterruptedException {
      WorkerProcess child = scope.spawn("hangs", WorkerProcess.EXIT_AFTER_TASK);
      child.run(0, Hang.class.getName(), List.of());
      scope.startThread("throws", lane -> {
        throw new IllegalStateException("thread raised on purpose");
      }).join();
      throw new IllegalStateException("lesson raised on purpose");
    }
  }
}
