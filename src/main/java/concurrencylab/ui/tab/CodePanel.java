package concurrencylab.ui.tab;

import concurrencylab.ui.text.I18n;
import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.Trace;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The lesson's code side by side: the Python script with the run's parameters on top, and the
 * Java that really runs, cut from the lesson's own sources. At the cursor time (live: now) each
 * lane's latest step marks its line in both, in its colour; the steps are the ones of the run's
 * own parameters.
 */
public final class CodePanel extends SplitPane implements CodeSide {
  private final Lesson lesson;
  private final CodeView python;
  private final CodeView java;
  private final I18n i18n;
  private RunInfo shown;

  public CodePanel(Lesson lesson, I18n i18n, RunInfo run) {
    this.lesson = lesson;
    this.i18n = i18n;
    getStyleClass().add("code-panel");
    setOrientation(Orientation.HORIZONTAL);
    shown = run;
    python = new CodeView(pythonOf(run), CodeSyntax.PYTHON);
    java = new CodeView(lesson.javaExample(), CodeSyntax.JAVA);
    python.setId("code-python");
    java.setId("code-java");
    getItems().addAll(column(i18n, "code.python", python), column(i18n, "code.java", java));
    i18n.localeProperty().addListener(o -> showInLanguage());
  }

  /** The script's comments are in the language shown now, whatever language the run started in. */
  private String pythonOf(RunInfo run) {
    String language = i18n.localeProperty().get().toLanguageTag();
    return lesson.pythonExample(new RunInfo(run.lessonId(), run.parameters(), language, run.appVersion(), run.startedAt()));
  }

  private void showInLanguage() {
    // a translation keeps every line where it was, so the lanes' marks stay right
    var marks = python.markers();
    python.setCode(pythonOf(shown));
    python.setMarkers(marks);
  }

  private static VBox column(I18n i18n, String captionKey, CodeView view) {
    Label caption = new Label();
    caption.textProperty().bind(i18n.text(captionKey));
    caption.getStyleClass().add("code-caption");
    caption.setWrapText(true); // two columns at large type: the caption takes two rows rather than be cut
    caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    VBox.setVgrow(view, Priority.ALWAYS);
    VBox column = new VBox(caption, view);
    column.setMinWidth(0);
    return column;
  }

  @Override
  public javafx.scene.Node node() {
    return this;
  }

  /** Shows the Python script as this run runs it (its parameters on top). */
  @Override
  public void showRun(RunInfo run) {
    if (!run.equals(shown)) {
      shown = run;
      python.setCode(pythonOf(run));
    }
  }

  @Override
  public void setScale(double scale) {
    python.setScale(scale);
    java.setScale(scale);
  }

  @Override
  public void repaint() {
    python.paint();
    java.paint();
  }

  public CodeView python() {
    return python;
  }

  public CodeView java() {
    return java;
  }

  /** Marks, for every lane, the line its latest matching event at or before {@code time} stands for. */
  @Override
  public void follow(Trace trace, long time) {
    if (trace == null) {
      return;
    }
    List<CodeStep> steps = lesson.codeSteps(trace.runInfo());
    if (!steps.isEmpty() || !trace.lanes().isEmpty()) { // a traced Python run marks its lines without steps
      CodeMarks marks = CodeMarks.at(trace, time, steps, java.lines(), python.lines());
      java.setMarkers(marks.java());
      python.setMarkers(marks.python());
    }
  }
}
