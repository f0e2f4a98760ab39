package concurrencylab.ui.app;

import concurrencylab.ui.lessonview.LessonViews;
import concurrencylab.ui.look.Icons;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.look.Theme;
import concurrencylab.ui.tab.LayoutFocus;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.tab.RunExports;
import concurrencylab.ui.text.I18n;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonCommandLine;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import org.controlsfx.control.StatusBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window's content: the menus, one tab per lesson, and the shortcut overlay. One
 * AnimationTimer drives every tab once per frame; leaving a tab stops its run, so nothing keeps
 * running out of sight. Theme, language and presentation mode are remembered in {@link Settings}.
 */
public final class LabWindow extends BorderPane {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LabWindow.class);
  private final I18n i18n;
  private final Settings settings;
  private String notice = "";
  private long noticeUntil;
  private final TabPane tabs = new TabPane();
  private static final double TAB_MAX_SCALE = 2.2;
  private static final double MIN_PRESENTATION_SCALE = 1.0;
  private static final double MAX_PRESENTATION_SCALE = 2.5;
  private final List<LessonTab> lessonTabs = new ArrayList<>();
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
  private final ObjectProperty<LayoutFocus> focus = new SimpleObjectProperty<>(LayoutFocus.BOTH);
  private final BooleanProperty presenting = new SimpleBooleanProperty();
  private final DoubleProperty presentationScale = new SimpleDoubleProperty();
  /** Made when first shown: hidden, it was a fifth of the first frame's nodes, each styled and laid out. */
  private VBox shortcutOverlay;
  private final StackPane center;
  private final MenuBar menuBar;
  private final StatusBar statusBar = new StatusBar();
  private final Label pythonStatus = new Label();
  private final concurrencylab.ui.script.ScriptTabs scripts;
  private final AnimationTimer frames =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          lessonTabs.forEach(LessonTab::onFrame);
          refreshReproduction();
        }
      };

  public LabWindow(I18n i18n, List<Lesson> lessons) {
    this(i18n, lessons, Settings.standard());
  }

  public LabWindow(I18n i18n, List<Lesson> lessons, Settings settings) {
    this(i18n, lessons, settings, LessonViews.standard());
  }

  public LabWindow(I18n i18n, List<Lesson> lessons, Settings settings, LessonViews views) {
    this.i18n = i18n;
    this.settings = settings;
    this.scripts = new concurrencylab.ui.script.ScriptTabs(i18n, new ScriptHost(), settings.recentScripts());
    scripts.recent().addListener((javafx.beans.InvalidationListener) o -> settings.setRecentScripts(List.copyOf(scripts.recent())));
    concurrencylab.ui.script.ScriptDrop.install(this, scripts::open);
    getStyleClass().add("lab-window");
    getStylesheets().add(Theme.commonStylesheet());
    for (Lesson lesson : lessons) {
      LessonTab tab = new LessonTab(lesson, i18n, views);
      tab.focusProperty().bindBidirectional(focus);
      lessonTabs.add(tab);
      tabs.getTabs().add(tab);
    }
    tabs.setId("lessons");
    tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (old instanceof LessonTab left) {
        left.stopBecauseLeft();
      }
    });
    center = new StackPane(tabs);
    menuBar = menuBar();
    setTop(menuBar);
    setCenter(center);
    setBottom(statusBar());
    addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    theme.addListener((obs, old, now) -> applyTheme(old, now));
    theme.set(settings.theme());
    presentationScale.set(settings.presentationScale());
    presenting.addListener(o -> applyPresentation());
    presentationScale.addListener(o -> applyPresentation());
    presenting.set(settings.presenting());
    focus.set(settings.focus());
    focus.addListener((obs, old, now) -> settings.setFocus(now));
    i18n.localeProperty().addListener((obs, old, now) -> settings.setLocale(now));
    frames.start();
    // running an interpreter (pyenv's shim is a shell script running another) would take the CPU the
    // first frame needs; until it answers, the status bar and the tabs say Python is being looked for
    concurrencylab.ui.tab.AfterFirstFrame.run(this, this::findPython);
  }

  private MenuBar menuBar() {
    Menu language = menu("menu.language", "menu-language");
    ToggleGroup languages = new ToggleGroup();
    for (Locale locale : I18n.LANGUAGES) {
      RadioMenuItem item = new RadioMenuItem(locale.getDisplayName(locale));
      item.setId("language-" + locale.toLanguageTag());
      item.setToggleGroup(languages);
      item.setSelected(locale.equals(i18n.localeProperty().get()));
      item.setOnAction(e -> i18n.localeProperty().set(locale));
      language.getItems().add(item);
    }
    Menu view = menu("menu.view", "menu-view");
    ToggleGroup themes = new ToggleGroup();
    for (Theme option : Theme.values()) {
      RadioMenuItem item = new RadioMenuItem();
      item.textProperty().bind(i18n.text("theme." + option.name()));
      item.setToggleGroup(themes);
      item.setSelected(option == settings.theme());
      item.setOnAction(e -> theme.set(option));
      theme.addListener((obs, old, now) -> item.setSelected(now == option));
      view.getItems().add(item);
    }
    CheckMenuItem present = new CheckMenuItem();
    present.textProperty().bind(i18n.text("menu.presentation"));
    present.selectedProperty().bindBidirectional(presenting);
    Slider scale = new Slider(MIN_PRESENTATION_SCALE, MAX_PRESENTATION_SCALE, settings.presentationScale());
    scale.setId("presentation-scale");
    scale.setBlockIncrement(0.25);
    scale.valueProperty().bindBidirectional(presentationScale);
    Label scaleLabel = new Label();
    scaleLabel.setId("presentation-scale-label");
    // the size it is set to, as a number: the slider alone showed none
    scaleLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> i18n.get("menu.presentationScale.value", Math.round(presentationScale.get() * 100)), presentationScale, i18n.localeProperty()));
    CustomMenuItem scaleItem = new CustomMenuItem(new VBox(4, scaleLabel, scale), false);
    MenuItem fullScreen = new MenuItem();
    fullScreen.textProperty().bind(i18n.text("menu.fullScreen"));
    fullScreen.setOnAction(e -> toggleFullScreen());
    MenuItem shortcuts = new MenuItem();
    shortcuts.textProperty().bind(i18n.text("menu.shortcuts"));
    shortcuts.setOnAction(e -> toggleShortcuts());
    view.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), present, scaleItem, fullScreen, shortcuts);
    Menu file = menu("menu.file", "menu-file");
    file.getItems().addAll(scripts.menuItems());
    file.getItems().add(new javafx.scene.control.SeparatorMenuItem());
    for (RunExports.Format format : RunExports.Format.values()) {
      MenuItem item = new MenuItem();
      item.setId("export-" + format.name());
      item.textProperty().bind(i18n.text("export." + format.name()));
      item.setGraphic(Icons.of(Icons.EXPORT));
      item.setOnAction(e -> exportWithChooser(format));
      file.getItems().add(item);
    }
    return new MenuBar(file, language, view);
  }

  private StatusBar statusBar() {
    statusBar.setId("status-bar");
    Button copy = new Button();
    copy.setId("copy-command");
    copy.textProperty().bind(i18n.text("status.copyCommand"));
    copy.setOnAction(e -> copyCommandLine());
    pythonStatus.setId("python-status");
    pythonStatus.textProperty().bind(i18n.text("runtime.looking"));
    statusBar.getRightItems().addAll(pythonStatus, copy);
    return statusBar;
  }

  /**
   * Looks for a Python 3.8+ off the FX thread (it runs the interpreter to ask its version), then
   * tells every tab and the status bar what it found.
   */
  private void findPython() {
    java.util.concurrent.CompletableFuture.supplyAsync(concurrencylab.runtime.python.PythonFinder::find)
        .whenComplete((found, failure) -> javafx.application.Platform.runLater(() -> {
          if (found instanceof concurrencylab.runtime.python.PythonFinder.Found python) {
            var options = new concurrencylab.runtime.python.PythonRun.Options(python.executable(),
                concurrencylab.runtime.python.PythonRun.DEFAULT_MAX_PROCESSES);
            lessonTabs.forEach(t -> t.setPython(options));
            scripts.setPython(options);
            pythonStatus.textProperty().bind(i18n.text("status.python", python.version()));
          } else {
            lessonTabs.forEach(t -> t.setPython(null));
            scripts.setPython(null);
            pythonStatus.textProperty().bind(i18n.text("status.noPython"));
          }
        }));
  }

  /** The line that says how to reproduce the shown tab's run: lesson, parameters, seed. */
  private void refreshReproduction() {
    LessonTab tab = selected();
    if (tab == null || !notice.isEmpty() && System.nanoTime() < noticeUntil) {
      return;
    }
    String title = i18n.get(tab.lesson().titleKey());
    List<String> arguments = tab.shownRun().arguments();
    String line = arguments.isEmpty() ? title : i18n.get("status.repro", title, String.join(" ", arguments));
    if (!line.equals(statusBar.getText())) {
      statusBar.setText(line);
    }
  }

  /** Shows a message in the status bar for a few seconds. */
  private void notify(String message) {
    notice = message;
    noticeUntil = System.nanoTime() + 6_000_000_000L;
    statusBar.setText(message);
  }

  /** Puts the headless recorder's command for the shown tab, with its parameters, on the clipboard. */
  String copyCommandLine() {
    String command = LessonCommandLine.recordCommand(selected().shownRun());
    ClipboardContent content = new ClipboardContent();
    content.putString(command);
    Clipboard.getSystemClipboard().setContent(content);
    notify(i18n.get("status.copied", command));
    return command;
  }

  private void exportWithChooser(RunExports.Format format) {
    LessonTab tab = selected();
    if (tab.lastResult() == null) {
      notify(i18n.get("export.needsRun"));
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName(tab.lesson().id() + (format == RunExports.Format.WINDOW_PNG ? "-window." : ".") + format.extension);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.extension.toUpperCase(Locale.ROOT), "*." + format.extension));
    java.io.File file = chooser.showSaveDialog(getScene().getWindow());
    if (file != null) {
      export(format, file.toPath());
    }
  }

  /** Writes the shown tab's recorded run; the status bar says how it went. */
  boolean export(RunExports.Format format, java.nio.file.Path file) {
    try {
      RunExports.write(selected(), this, format, file);
      notify(i18n.get("export.done", file.toAbsolutePath()));
      return true;
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("export to {} failed", file, e);
      notify(i18n.get("export.failed", file, e.getMessage()));
      return false;
    }
  }

  private Menu menu(String key, String id) {
    Menu menu = new Menu();
    menu.textProperty().bind(i18n.text(key));
    menu.setId(id);
    return menu;
  }

  /** Where the script tabs go: among the lesson tabs, driven, scaled and themed with them. */
  private final class ScriptHost implements concurrencylab.ui.script.ScriptTabs.Host {
    @Override
    public void add(LessonTab tab) {
      tab.focusProperty().bindBidirectional(focus);
      tab.setPresenting(presenting.get());
      tab.setScale(presenting.get() ? presentationScale.get() : 1.0);
      lessonTabs.add(tab);
      tabs.getTabs().add(tab);
    }

    @Override
    public void remove(LessonTab tab) {
      tab.focusProperty().unbindBidirectional(focus);
      lessonTabs.remove(tab);
    }

    @Override
    public void select(LessonTab tab) {
      LabWindow.this.select(tab);
    }

    @Override
    public void notify(String message) {
      LabWindow.this.notify(message);
    }

    @Override
    public javafx.stage.Window window() {
      return getScene() == null ? null : getScene().getWindow();
    }
  }

  /** The window's "Your script" tabs and the File menu's entries for them. */
  public concurrencylab.ui.script.ScriptTabs scripts() {
    return scripts;
  }

  /** F5 or Space runs, Esc stops, P pauses, S steps, R replays, +/− zoom, 0 fits, Ctrl+1…9 pick a tab, F9 presents. */
  private void shortcut(KeyEvent e) {
    boolean typing = getScene() != null && (getScene().getFocusOwner() instanceof TextInputControl
        || getScene().getFocusOwner() instanceof org.fxmisc.richtext.GenericStyledArea<?, ?, ?> code && code.isEditable());
    LessonTab tab = selected();
    KeyCode code = e.getCode();
    if (code == KeyCode.F5 || code == KeyCode.SPACE && !typing) {
      tab.run();
    } else if (code == KeyCode.ESCAPE) {
      if (shortcutsShown()) {
        shortcutOverlay.setVisible(false);
      } else {
        tab.stop();
      }
    } else if (code == KeyCode.F11) {
      toggleFullScreen();
    } else if (code == KeyCode.F9) {
      presenting.set(!presenting.get());
    } else if (code == KeyCode.F1 || !typing && "?".equals(e.getText())) {
      toggleShortcuts();
    } else if (e.isShortcutDown() && (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS)) {
      stepPresentationSize(1);
    } else if (e.isShortcutDown() && (code == KeyCode.MINUS || code == KeyCode.SUBTRACT)) {
      stepPresentationSize(-1);
    } else if (e.isShortcutDown() && code.isDigitKey()) {
      int index = code.getCode() - KeyCode.DIGIT1.getCode();
      if (index >= 0 && index < lessonTabs.size()) {
        select(lessonTabs.get(index));
      }
    } else if (typing || e.isShortcutDown()) {
      return;
    } else if (code == KeyCode.F) {
      focus.set(focus.get().next());
    } else if (code == KeyCode.R) {
      tab.replay();
    } else if (code == KeyCode.P) {
      tab.setPaused(!tab.isPaused());
    } else if (code == KeyCode.S) {
      tab.step();
    } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
      tab.zoom(0.5);
    } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
      tab.zoom(2);
    } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
      tab.timeline().fit();
    } else {
      return;
    }
    e.consume();
  }

  /**
   * Ctrl+= / Ctrl+−: the presentation size a quarter up or down (100–250 %), presenting; the menu
   * that holds its slider is hidden while presenting.
   */
  private void stepPresentationSize(int quarters) {
    double next = Math.round(presentationScale.get() * 4 + quarters) / 4.0;
    presentationScale.set(Math.max(MIN_PRESENTATION_SCALE, Math.min(MAX_PRESENTATION_SCALE, next)));
    presenting.set(true);
  }

  private void toggleFullScreen() {
    if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
      stage.setFullScreen(!stage.isFullScreen());
    }
  }

  void toggleShortcuts() {
    if (shortcutOverlay == null) {
      shortcutOverlay = ShortcutOverlay.create(i18n);
      shortcutOverlay.setVisible(false);
      StackPane.setAlignment(shortcutOverlay, javafx.geometry.Pos.CENTER);
      center.getChildren().add(shortcutOverlay);
    }
    shortcutOverlay.setVisible(!shortcutOverlay.isVisible());
  }

  boolean shortcutsShown() {
    return shortcutOverlay != null && shortcutOverlay.isVisible();
  }

  /**
   * The base theme is the application's user agent stylesheet (AtlantaFX's way: every control of
   * every window and popup gets it); ours goes on the window, after the common one.
   */
  private void applyTheme(Theme old, Theme now) {
    javafx.application.Application.setUserAgentStylesheet(now.userAgentStylesheet());
    if (old != null) {
      getStylesheets().remove(old.stylesheet());
    }
    getStylesheets().add(now.stylesheet());
    Palette.use(now);
    settings.setTheme(now);
    lessonTabs.forEach(LessonTab::repaint);
  }

  private void applyPresentation() {
    double scale = presenting.get() ? presentationScale.get() : 1.0;
    setStyle("-fx-font-size: " + Math.round(16 * scale) + "px;");
    // past 220 % the seven tabs' names no longer fit in one row of 1920 px: their type stops there
    String tabType = scale > TAB_MAX_SCALE ? "-fx-font-size: " + Math.round(16 * TAB_MAX_SCALE) + "px;" : "";
    tabs.getTabs().forEach(tab -> tab.setStyle(tabType));
    menuBar.setVisible(!presenting.get());
    menuBar.setManaged(!presenting.get());
    statusBar.setVisible(!presenting.get());
    statusBar.setManaged(!presenting.get());
    lessonTabs.forEach(t -> {
      t.setPresenting(presenting.get());
      t.setScale(scale);
    });
    settings.setPresenting(presenting.get());
    settings.setPresentationScale(presentationScale.get());
  }

  public ObjectProperty<LayoutFocus> focusProperty() {
    return focus;
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  public BooleanProperty presentingProperty() {
    return presenting;
  }

  public DoubleProperty presentationScaleProperty() {
    return presentationScale;
  }

  public I18n i18n() {
    return i18n;
  }

  public List<LessonTab> lessonTabs() {
    return List.copyOf(lessonTabs);
  }

  public TabPane tabs() {
    return tabs;
  }

  public void select(LessonTab tab) {
    tabs.getSelectionModel().select(tab);
  }

  public LessonTab selected() {
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    return (LessonTab) tab;
  }

  /**
   * Answers {@code stage}'s close requests (the title bar's close, Alt+F4, the system's): a script
   * with unsaved edits is asked about first (Save / Don't save / Cancel); Cancel keeps the window,
   * its tabs and the edits. Once the window may close, {@code closing} runs (the app keeps the
   * window's size) and the window is disposed.
   */
  public void closeOnRequest(Stage stage, Runnable closing) {
    stage.setOnCloseRequest(e -> {
      java.util.concurrent.CompletableFuture<Boolean> settled = scripts.settleEditsBeforeClosing();
      if (settled.isDone() && settled.join()) {
        closing.run();
        dispose();
        return;
      }
      e.consume();
      settled.thenAcceptAsync(mayClose -> { // once the saves are written, off the FX thread
        if (mayClose) {
          closing.run();
          dispose();
          stage.close();
        }
      }, javafx.application.Platform::runLater);
    });
  }

  /** Stops every run; called when the window closes. */
  public void stopAll() {
    lessonTabs.forEach(LessonTab::stop);
  }

  public void dispose() {
    stopAll();
    frames.stop();
    settings.flush(); // not waited for: the launcher waits, off the FX thread, before the app ends
  }
}
