package concurrencylab.lesson;

import concurrencylab.runtime.CancelledRunException;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.TempFolders;
import concurrencylab.runtime.python.PythonRun;
import concurrencylab.trace.RunInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A chapter lesson run in Python: the script its Python panel shows, with the run's parameters in
 * its top block, runs for real and traced ({@link PythonRun}) in a working folder of its own. Same
 * id, parameters and texts as the lesson it wraps.
 */
public final class PythonLesson implements Lesson {
  /** Lessons whose script runs without a display: every chapter lesson. */
  public static final Set<String> HEADLESS = Set.of("fork", "process", "pool", "thread", "threadsubclass", "lock", "progress");

  private final Lesson lesson;
  private final PythonRun.Options options;

  private PythonLesson(Lesson lesson, PythonRun.Options options) {
    this.lesson = lesson;
    this.options = options;
  }

  public static PythonLesson of(Lesson lesson, PythonRun.Options options) {
    return new PythonLesson(lesson, options);
  }

  /** Why this lesson cannot run its Python without a display, if it cannot. */
  public static Optional<String> headlessProblem(Lesson lesson) {
    if (HEADLESS.contains(lesson.id())) {
      return Optional.empty();
    }
    return Optional.of("lesson " + lesson.id() + " has no Python that runs headless yet");
  }

  public Lesson lesson() {
    return lesson;
  }

  /** The app that starts the script and waits for it: the script's own main is its first process. */
  @Override
  public String mainLaneName() {
    return PythonRun.APP_LANE;
  }

  @Override
  public String id() {
    return lesson.id();
  }

  @Override
  public List<LessonParameter> parameters() {
    return lesson.parameters();
  }

  /** Every Python run can pause: its tracer holds each thread at its next hook (or line). */
  @Override
  public boolean canPause() {
    return true;
  }

  /**
   * The options of this run: when the lesson is slowed (its slow-motion control above 0; the
   * script itself pauses by that much), each thread also reports the line it is at, so the code
   * panel marks every lane's current line.
   */
  PythonRun.Options optionsFor(RunInfo run) {
    boolean slowed = lesson.parameters().stream()
        .filter(p -> p.key().equals(SLOW_MOTION) && p instanceof LessonParameter.IntParameter)
        .anyMatch(p -> run.value(p.key()).map(v -> !v.equals("0") && !v.equals("none")).orElse(false));
    return options.withLines(options.lines() || slowed);
  }

  /** In Python a Step goes to the next hook; in a slowed run, whose lines are traced, to the next line. */
  @Override
  public String stepKey(RunInfo run) {
    return optionsFor(run).lines() ? "step.pythonLines" : "step.python";
  }

  /** The key of a lesson's slow-motion control. */
  public static final String SLOW_MOTION = "stepMillis";

  @Override
  public Outcome run(RunScope scope) throws InterruptedException {
    Path work = TempFolders.create(id() + "-work");
    try {
      String script = pythonExample(scope.trace().runInfo());
      return outcome(PythonRun.startSource(scope, optionsFor(scope.trace().runInfo()), script, id() + ".py", List.of(), work).await());
    } finally {
      TempFolders.delete(work);
    }
  }

  /** Null (plain "completed") when the script succeeded; a Stop or a failure otherwise. */
  static Outcome outcome(PythonRun.Result result) {
    if (result.limitReached()) {
      throw new IllegalStateException("the script reached the run's process limit and was stopped");
    }
    if (result.stopped()) {
      throw new CancelledRunException();
    }
    if (!result.succeeded()) {
      throw new IllegalStateException("the Python script ended with " + result.description());
    }
    return null;
  }

  @Override
  public Outcome outcomeOfPythonRun(concurrencylab.trace.Trace drained) {
    return lesson.outcomeOfPythonRun(drained);
  }

  @Override
  public List<CodeStep> codeSteps(RunInfo run) {
    return lesson.codeSteps(run);
  }

  @Override
  public String titleKey() {
    return lesson.titleKey();
  }

  @Override
  public String explanationKey() {
    return lesson.pythonExplanationKey();
  }

  @Override
  public String pythonExample(RunInfo run) {
    return lesson.pythonExample(run);
  }

  @Override
  public List<SourceExcerpt> javaExcerpts() {
    return lesson.javaExcerpts();
  }

  @Override
  public String javaExample(String languageTag) {
    return lesson.javaExample(languageTag);
  }
}
