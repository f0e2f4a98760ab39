package concurrencylab.lesson.thread;

import concurrencylab.lesson.Outcome;
import concurrencylab.lesson.PythonRunFacts;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import java.util.List;

/**
 * The two Thread tabs: the same {@link UrlFetch} work and controls, handed to threads two ways
 * (a target function, or a subclass that overrides run()). A run pauses at the threads' steps.
 */
public abstract class UrlFetchLesson implements Lesson {
  private final UrlFetch work = new UrlFetch();

  @Override
  public final boolean canPause() {
    return true;
  }

  @Override
  public final List<LessonParameter> parameters() {
    return work.parameters();
  }

  public final UrlFetch work() {
    return work;
  }

  /** The Python run's outcome in the Java run's words: how many threads of the script fetched their URLs. */
  @Override
  public final Outcome outcomeOfPythonRun(Trace drained) {
    Lane main = PythonRunFacts.mainProcess(drained).orElse(null);
    if (main == null) {
      return null;
    }
    long threads = PythonRunFacts.startedBy(drained, main, LaneKind.THREAD).size();
    return threads == 0 ? null : Outcome.of("outcome.thread", threads);
  }

  /**
   * The steps of the shared work, the same Java in both tabs; in the Python the thread's name is
   * {@code pythonName} ({@code name} in a target function, {@code self.name} in a subclass).
   */
  protected static List<CodeStep> fetchSteps(String pythonName) {
    return List.of(
        CodeStep.printed("Current ", "lane.print(\"Current \"", "print(f\"Current {" + pythonName + "}"),
        CodeStep.printed("---->>>", "lane.print(name + \" ---->>> \"", "print(f\"{" + pythonName + "} ---->>> {url}"),
        CodeStep.inState(LaneState.SLEEPING, "lane.sleep(plan.sleepsMillis()[i]);", "time.sleep(seconds)"),
        CodeStep.printed("Thread-", "lane.print(name + \" ended.\");", "print(f\"{" + pythonName + "} ended."),
        CodeStep.printed(" is running...", "main.print(Thread.currentThread().getName() + \" is running", "print(f\"{threading.current_thread().name} is running"),
        CodeStep.of(EventKind.SPAWN, "threads.add(starter.start(plan));", "thread.start()"),
        CodeStep.inState(LaneState.WAITING, "main.joinAll(threads);", "thread.join()"),
        CodeStep.printed(" ended.", "main.print(Thread.currentThread().getName() + \" ended", "print(f\"{threading.current_thread().name} ended"));
  }
}
