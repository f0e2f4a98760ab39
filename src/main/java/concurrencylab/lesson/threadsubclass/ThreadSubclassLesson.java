package concurrencylab.lesson.threadsubclass;

import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.thread.UrlFetch;
import concurrencylab.lesson.thread.UrlFetchLesson;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import java.util.List;

/** A subclass of Thread that overrides run(): the same work as the Thread tab, written the other way. */
public final class ThreadSubclassLesson extends UrlFetchLesson {
  /** The lesson's point: the thread's work is its own overridden {@code run()}. */
  static final class UrlThread extends Thread {
    private final TracedLane lane;
    private final UrlFetch.Plan plan;

    UrlThread(TracedLane lane, UrlFetch.Plan plan) {
      super(plan.threadName());
      this.lane = lane;
      this.plan = plan;
    }

    @Override
    public void run() {
      try {
        UrlFetch.fetch(lane, plan);
      } catch (InterruptedException e) {
        interrupt(); // stopped: end quietly
      }
    }
  }

  @Override
  public List<CodeStep> codeSteps() {
    return List.of(
        CodeStep.printed("Current ", "UrlFetch.fetch(lane, plan);", "print(f\"Current {self.name}"),
        CodeStep.printed("---->>>", "UrlFetch.fetch(lane, plan);", "print(f\"{self.name} ---->>> {url}"),
        CodeStep.inState(LaneState.SLEEPING, "UrlFetch.fetch(lane, plan);", "time.sleep(random.random())"),
        CodeStep.printed("Thread-", "UrlFetch.fetch(lane, plan);", "print(f\"{self.name} ended."),
        CodeStep.of(EventKind.SPAWN, "threads.add(scope.start(new UrlThread", "t1.start(); t2.start()"),
        CodeStep.inState(LaneState.WAITING, "thread.join();", "t1.join(); t2.join()"));
  }

  @Override
  public String id() {
    return "threadsubclass";
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    // the work is the thread's own overridden run()
    return work().runAll(scope, plan -> {
      TracedLane lane = scope.newThreadLane(plan.threadName());
      return scope.start(new UrlThread(lane, plan), lane);
    });
  }
}
