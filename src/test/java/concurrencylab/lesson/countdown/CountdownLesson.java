package concurrencylab.lesson.countdown;

import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.Outcome;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TracedLane;
import concurrencylab.trace.AppText;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.RunInfo;
import java.util.List;

/**
 * A lesson that exists only in the tests: one thread counts down. It proves that a lesson is one
 * folder (this class, its texts and script beside it in the test resources) and one registry line:
 * nothing in the app's own code names it.
 */
public final class CountdownLesson implements Lesson {
  private final IntParameter from = new IntParameter("from", 1, 5, 3);

  @Override
  public String id() {
    return "countdown";
  }

  @Override
  public List<LessonParameter> parameters() {
    return List.of(from);
  }

  public IntParameter from() {
    return from;
  }

  @Override
  public List<CodeStep> codeSteps(RunInfo run) {
    return List.of(CodeStep.printed("", "counter.print(Integer.toString(n));", "print(n)"));
  }

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    // snippet:run:start
    TracedLane main = scope.main();
    Thread counting = scope.startThread("counter", counter -> {
      for (int n = from.get(); n > 0; n--) {
        counter.print(Integer.toString(n));
        counter.sleep(5);
      }
    });
    main.joinAll(List.of(counting));
    main.mark(AppText.of("lesson.countdown.mark.liftOff"));
    // snippet:run:end
    return Outcome.of("lesson.countdown.outcome", from.get());
  }

  /** How many numbers a trace's counter lane printed (what the test view shows). */
  public static long numbersPrinted(List<concurrencylab.trace.TraceEvent> events) {
    return events.stream().filter(e -> e.kind() == EventKind.PRINT).count();
  }
}
