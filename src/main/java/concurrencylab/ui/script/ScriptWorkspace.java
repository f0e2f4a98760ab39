package concurrencylab.ui.script;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.ScriptLesson;
import concurrencylab.runtime.python.PythonRun;
import concurrencylab.ui.tab.CodeSide;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.tab.TabWorkspace;
import concurrencylab.ui.text.I18n;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Your script": one Python file of the lecturer's in a tab of its own. The code panel is its
 * editor; Save and Save as write it (Ctrl+S, Ctrl+Shift+S); the arguments and the working folder
 * are the script's own; Run runs the editor's text, traced, and the run keeps that text, so its
 * replay shows the code that ran. Everything else (Run / Stop / Replay, lanes, console, exports)
 * is the lesson tab's.
 */
public final class ScriptWorkspace implements TabWorkspace {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptWorkspace.class);

  private final I18n i18n;
  private final ScriptChooser chooser;
  private final Consumer<Path> savedAs;
  private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
  /** The file's text as it is on disk, as far as the tab knows: what was read or last saved. */
  private final StringProperty saved = new SimpleStringProperty();
  private final ScriptCode code;
  private final TextField arguments = new TextField();
  private final TextField workingFolder = new TextField();
  private final Label problem = new Label();
  private final BooleanBinding edited;
  private final VBox controls;
  private final LessonTab tab;

  /**
   * A tab for {@code path}, whose text is {@code text}. {@code savedAs} hears of every file the
   * script is saved as (the window's recent files).
   */
  public ScriptWorkspace(Path path, String text, I18n i18n, ScriptChooser chooser, Consumer<Path> savedAs) {
    this.i18n = i18n;
    this.chooser = chooser;
    this.savedAs = savedAs;
    file.set(path.toAbsolutePath());
    saved.set(text);
    code = new ScriptCode(i18n, text);
    edited = Bindings.createBooleanBinding(() -> !saved.get().equals(code.editor().text()), saved, code.editor().textProperty());
    workingFolder.setText(ScriptLesson.folderOf(path).toString());
    controls = buildControls();
    tab = new LessonTab(new ScriptLesson(file.get(), text, List.of(), ScriptLesson.folderOf(path), null), i18n, this);
    tab.setId("tab-script");
    tab.setClosable(true);
    tab.textProperty().unbind();
    tab.textProperty().bind(Bindings.createStringBinding(
        () -> i18n.get("script.tab", file.get().getFileName().toString()) + (edited.get() ? " •" : ""), file, edited, i18n.localeProperty()));
    tab.contentNode().addEventHandler(KeyEvent.KEY_PRESSED, this::saveKeys);
  }

  private VBox buildControls() {
    Label name = new Label();
    name.setId("script-file");
    name.getStyleClass().add("lesson-title");
    name.textProperty().bind(Bindings.createStringBinding(() -> file.get().getFileName().toString(), file));
    Label folder = new Label();
    folder.setWrapText(true);
    folder.textProperty().bind(Bindings.createStringBinding(() -> String.valueOf(file.get().getParent()), file));
    Label changed = new Label();
    changed.setId("script-edited");
    changed.textProperty().bind(i18n.text("script.edited"));
    changed.visibleProperty().bind(edited);
    changed.managedProperty().bind(changed.visibleProperty());
    changed.getStyleClass().add("pause-note");

    Button save = new Button();
    save.setId("script-save");
    save.textProperty().bind(i18n.text("script.save"));
    save.setOnAction(e -> save());
    Button saveAs = new Button();
    saveAs.setId("script-save-as");
    saveAs.textProperty().bind(i18n.text("script.saveAs"));
    saveAs.setOnAction(e -> saveAs());

    arguments.setId("script-args");
    arguments.promptTextProperty().bind(i18n.text("script.args.prompt"));
    workingFolder.setId("script-folder");
    problem.setId("script-problem");
    problem.setWrapText(true);
    problem.getStyleClass().add("pause-note");
    problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());
    VBox box = new VBox(8, name, folder, changed, new HBox(10, save, saveAs),
        caption("script.args"), arguments, caption("script.folder"), workingFolder, problem);
    box.setId("script-controls");
    return box;
  }

  private Label caption(String key) {
    Label caption = new Label();
    caption.textProperty().bind(i18n.text(key));
    caption.getStyleClass().add("runtime-caption");
    return caption;
  }

  private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination SAVE_AS = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  private void saveKeys(KeyEvent e) {
    if (SAVE_AS.match(e)) {
      saveAs();
      e.consume();
    } else if (SAVE.match(e)) {
      save();
      e.consume();
    }
  }

  public LessonTab tab() {
    return tab;
  }

  public Path file() {
    return file.get();
  }

  public ObjectProperty<Path> fileProperty() {
    return file;
  }

  /** Whether the editor holds changes that are not in the file. */
  public boolean isEdited() {
    return edited.get();
  }

  public String text() {
    return code.editor().text();
  }

  @Override
  public Node controls() {
    return controls;
  }

  @Override
  public CodeSide code() {
    return code;
  }

  ScriptCode scriptCode() {
    return code;
  }

  @Override
  public Lesson toRun(PythonRun.Options python) {
    List<String> args;
    try {
      args = ScriptArguments.split(arguments.getText());
    } catch (IllegalArgumentException e) {
      problem.textProperty().bind(i18n.text("script.args.unclosed"));
      return null;
    }
    String folderText = workingFolder.getText().strip();
    Path folder = folderText.isEmpty() ? ScriptLesson.folderOf(file.get()) : Path.of(folderText);
    problem.textProperty().unbind();
    problem.setText("");
    return new ScriptLesson(file.get(), code.editor().text(), args, folder, python);
  }

  /** Writes the editor's text to the script's file, off the FX thread; the tab says how it went. */
  public CompletableFuture<Boolean> save() {
    return write(file.get());
  }

  /** Asks where, then writes the script there; from then on the tab is that file's. */
  public CompletableFuture<Boolean> saveAs() {
    var chosen = chooser.saveAs(tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow(), file.get());
    if (chosen.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    Path target = chosen.get().toAbsolutePath();
    return write(target);
  }

  private CompletableFuture<Boolean> write(Path target) {
    String text = code.editor().text();
    return CompletableFuture.supplyAsync(() -> {
      try {
        Files.writeString(target, text, StandardCharsets.UTF_8);
        return null;
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not save the script to {}", target, e);
        return e.getMessage() == null ? e.toString() : e.getMessage();
      }
    }).thenApplyAsync(failure -> {
      if (failure != null) {
        problem.textProperty().bind(i18n.text("script.saveFailed", target, failure));
        return false;
      }
      problem.textProperty().unbind();
      problem.setText("");
      if (!target.equals(file.get())) {
        if (workingFolder.getText().strip().equals(String.valueOf(file.get().getParent()))) {
          workingFolder.setText(String.valueOf(target.getParent())); // the default folder follows the file
        }
        file.set(target);
        savedAs.accept(target);
      }
      saved.set(text);
      return true;
    }, Platform::runLater);
  }
}
