package concurrencylab.lesson.threadsubclass;

import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.SourceExcerpt;
import concurrencylab.lesson.thread.UrlFetch;
import concurrencylab.lesson.thread.UrlFetchLesson;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import concurrencylab.trace.RunInfo;
import java.util.List;

/** A subclass of Thread that overrides run(): the same work as the Thread tab, written the other way. */
public final class ThreadSubclassLesson extends UrlFetchLesson {
  /** The lesson's point: the thread's work is its own overridden {@code run()}. */
  // snippet:thread:start
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
        interrupt(); // stopped: end quietly  ## zh: 被停止：悄悄结束
      }
    }
  }
  // snippet:thread:end

  @Override
  public List<CodeStep> codeSteps(RunInfo run) {
    return fetchSteps("self.name");
  }

  @Override
  public List<SourceExcerpt> javaExcerpts() {
    return List.of(new SourceExcerpt(UrlThread.class, "thread"), new SourceExcerpt(ThreadSubclassLesson.class, "run"),
        new SourceExcerpt(UrlFetch.class, "main"), new SourceExcerpt(UrlFetch.class, "fetch"));
  }

  @Override
  public String id() {
    return "threadsubclass";
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    // snippet:run:start
    // the work is the thread's own overridden run()  ## zh: 工作就是线程自己重写的 run()
    return work().runAll(scope, plan -> {
      TracedLane lane = scope.newThreadLane(plan.threadName());
      return scope.start(new UrlThread(lane, plan), lane);
    });
    // snippet:run:end
  }
}
