package concurrencylab.lesson;

import concurrencylab.runtime.RunScope;
import concurrencylab.trace.RunInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One tab of the app: a concept of the chapter that runs for real. The shell knows lessons only
 * through this contract; texts come from the bundles under {@code lesson.<id>.*}, code examples
 * from the lesson's resource folder ({@code example.py}) and from its own sources (snippet markers).
 */
public interface Lesson {
  /** Short, stable id: the tab id, the resource folder and the bundle key prefix. */
  String id();

  /** The controls, in the order they are shown. */
  List<LessonParameter> parameters();

  /**
   * Runs the lesson's real work with the current parameter values, on a thread of its own; returns
   * when all of it has ended. Everything is started through {@code scope}, so Stop can end it.
   */
  Outcome run(RunScope scope) throws InterruptedException;

  /**
   * Whether a live run can be paused: its threads stop at their next step. Lessons whose work
   * happens inside child processes cannot pause it, and the tab says so.
   */
  default boolean canPause() {
    return false;
  }

  /**
   * What one Step of a paused run with these parameters is, as the bundle key of its words (the
   * Step button's tooltip): in Java, one step of the lesson's own loop, from one pause point to
   * the next.
   */
  default String stepKey(RunInfo run) {
    return "step.java";
  }

  /**
   * Which events mark which lines of the code, for a run with these parameters (a mode's steps lie
   * in that mode's code); empty when the panel marks nothing.
   */
  default List<CodeStep> codeSteps(RunInfo run) {
    return List.of();
  }

  default String titleKey() {
    return "lesson." + id() + ".title";
  }

  default String explanationKey() {
    return "lesson." + id() + ".explain";
  }

  /**
   * The name of the run's first lane, the app's own process: "main" where the lesson's main thread
   * does its work in the app; a Python run's work is in the script's processes, and there the
   * first lane is only the app that started it and waits for it.
   */
  default String mainLaneName() {
    return "main";
  }

  /**
   * What a completed run of this lesson's Python showed, read from its trace once every event of it
   * has been drained (a Python run has no Java outcome of its own); null when the lesson says nothing more.
   */
  default Outcome outcomeOfPythonRun(concurrencylab.trace.Trace drained) {
    return null;
  }

  /** The explanation when the lesson runs its Python: the same, unless what runs says otherwise. */
  default String pythonExplanationKey() {
    return explanationKey();
  }

  /**
   * The bundle key of a control's label; {@code <key>.<CHOICE>} labels a choice. The lesson's own
   * texts ({@code texts.properties} beside its resources) may hold it, else the shared {@code
   * param.<name>} names it.
   */
  default String parameterKey(LessonParameter parameter) {
    return "lesson." + id() + ".param." + parameter.key();
  }

  /**
   * The Python example of the chapter's kind, written for this app, with this run's parameters
   * in a block at its top and its comments in the run's language: a script that runs as shown.
   */
  default String pythonExample(RunInfo run) {
    return PythonScript.withParameters(this, run, CodeComments.PYTHON.in(resourceText("example.py"), run.language()));
  }

  /**
   * The parts of this lesson's own source the Java panel shows: the regions between snippet
   * markers, by default the {@code run} region of the lesson class.
   */
  default List<SourceExcerpt> javaExcerpts() {
    return List.of(new SourceExcerpt(getClass(), "run"));
  }

  /**
   * The Java that this lesson really runs, as shown in the code panel, its comments in {@code
   * languageTag}'s language ("en", "zh-CN").
   */
  default String javaExample(String languageTag) {
    return CodeComments.JAVA.in(SourceExcerpt.joined(javaExcerpts()), languageTag);
  }

  private String resourceText(String name) {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " of lesson " + id());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
