package concurrencylab.ui.tab;

import concurrencylab.ui.text.I18n;
import concurrencylab.lesson.CodeStep;
import concurrencylab.lesson.Lesson;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.Trace;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The lesson's code side by side: the Python script with the run's parameters on top, and the
 * Java that really runs, cut from the lesson's own sources. At the cursor time (live: now) each
 * lane's latest step marks its line in both, in its colour; the steps are the ones of the run's
 * own parameters. Both keep their comments in the language shown now.
 */
public final class CodePanel extends SplitPane implements CodeSide {
  private final Lesson lesson;
  private final CodeView python;
  private final CodeView java;
  private final I18n i18n;
  private RunInfo shown;
  private final VBox pythonColumn;
  private final VBox javaColumn;
  private boolean compact;
  /** In compact mode one language is shown at a time: this one. */
  private boolean showingJava;
  private final javafx.beans.property.BooleanProperty compactShown = new javafx.beans.property.SimpleBooleanProperty();
  private final Label pythonCaption = new Label();
  private final Label javaCaption = new Label();

  public CodePanel(Lesson lesson, I18n i18n, RunInfo run) {
    this.lesson = lesson;
    this.i18n = i18n;
    getStyleClass().add("code-panel");
    setOrientation(Orientation.HORIZONTAL);
    shown = run;
    python = new CodeView(pythonOf(run), CodeSyntax.PYTHON);
    java = new CodeView(javaNow(), CodeSyntax.JAVA);
    python.setId("code-python");
    java.setId("code-java");
    pythonColumn = column(i18n, pythonCaption, python, "code.showJava", "code-show-java", false);
    javaColumn = column(i18n, javaCaption, java, "code.showPython", "code-show-python", true);
    pythonCaption.setId("code-caption-python");
    javaCaption.setId("code-caption-java");
    setRunsPython(false);
    getItems().addAll(pythonColumn, javaColumn);
    i18n.localeProperty().addListener(o -> showInLanguage());
  }

  private String languageNow() {
    return i18n.localeProperty().get().toLanguageTag();
  }

  /** The script's comments are in the language shown now, whatever language the run started in. */
  private String pythonOf(RunInfo run) {
    return lesson.pythonExample(new RunInfo(run.lessonId(), run.parameters(), languageNow(), run.appVersion(), run.startedAt()));
  }

  private String javaNow() {
    return lesson.javaExample(languageNow());
  }

  private void showInLanguage() {
    // a translation keeps every line where it was, so the lanes' marks stay right
    showKeepingMarks(python, pythonOf(shown));
    showKeepingMarks(java, javaNow());
  }

  private static void showKeepingMarks(CodeView view, String code) {
    var marks = view.markers();
    view.setCode(code);
    view.setMarkers(marks);
  }

  /** The captions say which of the two Run runs now: the tab's Java | Python choice. */
  public void setRunsPython(boolean runsPython) {
    pythonCaption.textProperty().bind(i18n.text(runsPython ? "code.python.runs" : "code.python.idle"));
    javaCaption.textProperty().bind(i18n.text(runsPython ? "code.java.idle" : "code.java.runs"));
  }

  /** A caption, the code, and the switch to the other language, shown only in compact mode. */
  private VBox column(I18n i18n, Label caption, CodeView view, String switchKey, String switchId, boolean toJava) {
    caption.getStyleClass().add("code-caption");
    caption.setWrapText(true); // two columns at large type: the caption takes two rows rather than be cut
    caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    caption.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(caption, Priority.ALWAYS);
    Button other = new Button();
    other.setId(switchId);
    other.textProperty().bind(i18n.text(switchKey));
    other.getStyleClass().add("code-switch");
    other.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    other.setFocusTraversable(false);
    other.setOnAction(e -> showLanguage(!toJava));
    other.visibleProperty().bind(compactShown);
    other.managedProperty().bind(compactShown);
    HBox header = new HBox(8, caption, other);
    header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    VBox.setVgrow(view, Priority.ALWAYS);
    VBox column = new VBox(header, view);
    column.setMinWidth(0);
    return column;
  }

  /**
   * Compact (Both focus at large type): one language at a time, the whole width for it, and a
   * button to the other; otherwise the two side by side.
   */
  @Override
  public void setCompact(boolean compact) {
    this.compact = compact;
    compactShown.set(compact);
    python.setCompact(compact);
    java.setCompact(compact);
    arrange();
  }

  private void showLanguage(boolean java) {
    showingJava = java;
    arrange();
  }

  private void arrange() {
    List<VBox> wanted = !compact ? List.of(pythonColumn, javaColumn) : List.of(showingJava ? javaColumn : pythonColumn);
    if (!getItems().equals(wanted)) {
      getItems().setAll(wanted);
    }
  }

  @Override
  public javafx.scene.Node node() {
    return this;
  }

  /** The script with the controls' values; its lines stay where they were, and so do the lanes' marks on them. */
  @Override
  public void showControls(RunInfo controls) {
    if (!controls.parameters().equals(shown.parameters())) {
      shown = controls;
      showKeepingMarks(python, pythonOf(controls));
    }
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
