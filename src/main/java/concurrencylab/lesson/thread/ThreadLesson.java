package concurrencylab.lesson.thread;

import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.SourceExcerpt;
import concurrencylab.runtime.RunScope;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.RunInfo;
import java.util.List;

/** threading.Thread(target=…): K threads run the same function on their own URL lists. */
public final class ThreadLesson extends UrlFetchLesson {
  @Override
  public List<CodeStep> codeSteps(RunInfo run) {
    return List.of(
        CodeStep.printed("Current ", "lane.print(\"Current \"", "print(f\"Current {name}"),
        CodeStep.printed("---->>>", "lane.print(name + \" ---->>> \"", "print(f\"{name} ---->>> {url}"),
        CodeStep.inState(LaneState.SLEEPING, "lane.sleep(plan.sleepsMillis()[i]);", "time.sleep(seconds)"),
        CodeStep.printed("Thread-", "lane.print(name + \" ended.\");", "print(f\"{name} ended."),
        CodeStep.printed(" is running...", "main.print(Thread.currentThread().getName() + \" is running", "print(f\"{threading.current_thread().name} is running"),
        CodeStep.of(EventKind.SPAWN, "threads.add(starter.start(plan));", "thread.start()"),
        CodeStep.inState(LaneState.WAITING, "main.joinAll(threads);", "thread.join()"),
        CodeStep.printed(" ended.", "main.print(Thread.currentThread().getName() + \" ended", "print(f\"{threading.current_thread().name} ended"));
  }

  @Override
  public List<SourceExcerpt> javaExcerpts() {
    return List.of(new SourceExcerpt(ThreadLesson.class, "run"), new SourceExcerpt(UrlFetch.class, "main"),
        new SourceExcerpt(UrlFetch.class, "fetch"));
  }

  @Override
  public String id() {
    return "thread";
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    // snippet:run:start
    // like threading.Thread(target=fetch, args=(urls,)):
    // the work is handed to the thread
    return work().runAll(scope,
        plan -> scope.startThread(plan.threadName(), lane -> UrlFetch.fetch(lane, plan)));
    // snippet:run:end
  }
}
