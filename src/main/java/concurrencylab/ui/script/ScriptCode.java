package concurrencylab.ui.script;

import concurrencylab.lesson.ScriptLesson;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.Trace;
import concurrencylab.ui.tab.CodeSide;
import concurrencylab.ui.tab.CodeView;
import concurrencylab.ui.text.I18n;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The script's code below the timeline: the editor, and, while a recorded run is replayed or
 * scrubbed after the editor changed, the code that run ran, read-only. A line where the
 * interpreter stopped the script (a syntax error, an uncaught exception) is marked in its lane's
 * colour, and its message is said above the code.
 */
final class ScriptCode implements CodeSide {
  private final I18n i18n;
  private final CodeView editor;
  private final CodeView ran = CodeView.python("");
  private final Label caption = new Label();
  private final Label error = new Label();
  private final VBox node;
  private String runCode;
  private ScriptErrors errors;
  private ScriptErrors.Mark shownError;
  private boolean showingRan;

  ScriptCode(I18n i18n, String code) {
    this.i18n = i18n;
    editor = CodeView.editor(code);
    editor.setId("script-editor");
    ran.setId("script-ran");
    ran.setVisible(false);
    caption.getStyleClass().add("code-caption");
    caption.setId("script-code-caption");
    caption.textProperty().bind(i18n.text("script.code.editor"));
    error.setId("script-error");
    error.getStyleClass().add("pause-note");
    error.setWrapText(true);
    error.setVisible(false);
    error.managedProperty().bind(error.visibleProperty());
    StackPane views = new StackPane(editor, ran);
    VBox.setVgrow(views, Priority.ALWAYS);
    node = new VBox(caption, error, views);
    node.setMinWidth(0);
    node.getStyleClass().add("code-panel");
  }

  CodeView editor() {
    return editor;
  }

  CodeView ran() {
    return ran;
  }

  Label error() {
    return error;
  }

  @Override
  public Node node() {
    return node;
  }

  @Override
  public void showRun(RunInfo run) {
    runCode = run.code();
    String file = run.value(ScriptLesson.FILE).map(f -> Path.of(f).getFileName().toString()).orElse("");
    errors = new ScriptErrors(file);
    shownError = null;
    error.setVisible(false);
    editor.setMarkers(Map.of());
    ran.setCode(runCode);
  }

  @Override
  public void follow(Trace trace, long time) {
    if (errors == null || trace.runInfo().code().isEmpty()) {
      return;
    }
    errors.scan(trace);
    boolean edited = !runCode.equals(editor.text());
    // the whole run, live or ended, stands beside the editor; a moment of it shows its own code
    showRan(edited && time != Long.MAX_VALUE);
    Map<Integer, List<Integer>> lines = errors.linesAt(time);
    if (showingRan) {
      ran.setMarkers(lines);
    } else if (!edited) {
      editor.setMarkers(lines);
    }
    Optional<ScriptErrors.Mark> first = errors.firstAt(time);
    if (!first.equals(Optional.ofNullable(shownError))) {
      shownError = first.orElse(null);
      error.setVisible(shownError != null);
      if (shownError != null) {
        error.textProperty().bind(i18n.text("script.errorAt", shownError.line() + 1, shownError.message()));
        if (!edited && time == Long.MAX_VALUE) {
          editor.showLine(shownError.line());
        }
      }
    }
  }

  private void showRan(boolean on) {
    if (on != showingRan) {
      showingRan = on;
      ran.setVisible(on);
      editor.setVisible(!on);
      caption.textProperty().bind(i18n.text(on ? "script.code.ran" : "script.code.editor"));
    }
  }

  @Override
  public void setScale(double scale) {
    editor.setScale(scale);
    ran.setScale(scale);
  }

  @Override
  public void setCompact(boolean compact) {
    editor.setCompact(compact);
    ran.setCompact(compact);
  }

  @Override
  public void repaint() {
    editor.paint();
    ran.paint();
  }
}
