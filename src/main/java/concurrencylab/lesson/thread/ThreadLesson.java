package concurrencylab.lesson.thread;

import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.SourceExcerpt;
import concurrencylab.runtime.RunScope;
import concurrencylab.trace.RunInfo;
import java.util.List;

/** threading.Thread(target=…): K threads run the same function on their own URL lists. */
public final class ThreadLesson extends UrlFetchLesson {
  @Override
  public List<CodeStep> codeSteps(RunInfo run) {
    return fetchSteps("name");
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
    // like threading.Thread(target=fetch, args=(urls,)):  ## zh: 就像 threading.Thread(target=fetch, args=(urls,))：
    // the work is handed to the thread  ## zh: 把工作交给线程
    return work().runAll(scope,
        plan -> scope.startThread(plan.threadName(), lane -> UrlFetch.fetch(lane, plan)));
    // snippet:run:end
  }
}
