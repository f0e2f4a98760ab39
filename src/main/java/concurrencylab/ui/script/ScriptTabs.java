package concurrencylab.ui.script;

import concurrencylab.runtime.python.PythonRun;
import concurrencylab.ui.look.Icons;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.text.I18n;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's "Your script" tabs: File ▸ Open Python script…, the recent scripts, a dropped
 * {@code .py}. A file is read off the FX thread (at most {@link #MAX_BYTES}, UTF-8) and gets a tab
 * of its own, or its tab back when it is open already. Without a Python 3.8+ nothing can run, so
 * the menu item is greyed and its tooltip says how to get one.
 */
public final class ScriptTabs {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptTabs.class);
  static final long MAX_BYTES = 1 << 20;
  static final int MAX_RECENT = 8;

  /** What the window does for its script tabs. */
  public interface Host {
    void add(LessonTab tab);

    void remove(LessonTab tab);

    void select(LessonTab tab);

    /** A message in the status bar. */
    void notify(String message);

    Window window();
  }

  private final I18n i18n;
  private final Host host;
  private ScriptChooser chooser = ScriptChooser.NATIVE;
  private PythonRun.Options python;
  /** Why no script can run, as a bundle key; empty once a Python was found. */
  private final StringProperty noPython = new SimpleStringProperty("runtime.looking");
  private final BooleanProperty cannotRun = new SimpleBooleanProperty(true);
  private final ObservableList<Path> recent = FXCollections.observableArrayList();
  private final Map<Path, ScriptWorkspace> open = new LinkedHashMap<>();

  public ScriptTabs(I18n i18n, Host host, List<Path> recentFiles) {
    this.i18n = i18n;
    this.host = host;
    recent.setAll(recentFiles.stream().limit(MAX_RECENT).toList());
    cannotRun.bind(noPython.isNotEmpty());
  }

  /** The test's file dialogs instead of the system's. */
  public void setChooser(ScriptChooser chooser) {
    this.chooser = chooser;
  }

  /** What the window found: the interpreter scripts run with, or none. */
  public void setPython(PythonRun.Options found) {
    python = found;
    noPython.set(found == null ? "script.noPython" : "");
    open.values().forEach(w -> w.tab().setPython(found));
  }

  /** The recent scripts, latest first; the window keeps them in its settings. */
  public ObservableList<Path> recent() {
    return recent;
  }

  /** Whether a Python was found to run scripts with (the menu item is live). */
  public boolean canRun() {
    return !cannotRun.get();
  }

  public List<ScriptWorkspace> workspaces() {
    return List.copyOf(open.values());
  }

  /** Open Python script… and Recent scripts, for the File menu. */
  public List<MenuItem> menuItems() {
    Label label = new Label();
    label.setId("open-script-label");
    label.textProperty().bind(i18n.text("menu.openScript"));
    label.disableProperty().bind(cannotRun);
    label.setMouseTransparent(true); // the tooltip is the holder's: a disabled node shows none
    // an icon, as the File menu's other entries have: without one its text stood left of theirs
    label.setGraphic(Icons.of(Icons.OPEN));
    StackPane holder = new StackPane(label);
    holder.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    Tooltip why = new Tooltip();
    why.setId("open-script-tooltip");
    why.textProperty().bind(Bindings.createStringBinding(() -> noPython.get().isEmpty() ? "" : i18n.get(noPython.get()), noPython, i18n.localeProperty()));
    why.setWrapText(true);
    why.setMaxWidth(520);
    Tooltip.install(holder, why);
    CustomMenuItem openItem = new CustomMenuItem(holder);
    openItem.setId("open-script");
    openItem.setOnAction(e -> chooseAndOpen());
    Menu recentMenu = new Menu();
    recentMenu.setId("menu-recent-scripts");
    recentMenu.textProperty().bind(i18n.text("menu.recentScripts"));
    recentMenu.disableProperty().bind(cannotRun);
    recentMenu.setGraphic(Icons.of(Icons.RECENT));
    fillRecent(recentMenu);
    recent.addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent(recentMenu));
    return List.of(openItem, recentMenu);
  }

  private void fillRecent(Menu menu) {
    List<MenuItem> items = new ArrayList<>();
    for (int i = 0; i < recent.size(); i++) {
      Path path = recent.get(i);
      MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
      item.setMnemonicParsing(false);
      item.setId("recent-script-" + i);
      item.setOnAction(e -> open(path));
      items.add(item);
    }
    if (items.isEmpty()) {
      MenuItem none = new MenuItem();
      none.textProperty().bind(i18n.text("menu.recentScripts.none"));
      none.setDisable(true);
      items.add(none);
    }
    menu.getItems().setAll(items);
  }

  /** File ▸ Open Python script…: asks which, then opens it. */
  public void chooseAndOpen() {
    if (cannotRun.get()) {
      host.notify(i18n.get(noPython.get()));
      return;
    }
    Path folder = recent.isEmpty() ? null : recent.get(0).getParent();
    chooser.open(host.window(), folder).ifPresent(this::open);
  }

  /** Opens {@code path} in a tab of its own (its tab again when it is open); the status bar says what went wrong. */
  public CompletableFuture<ScriptWorkspace> open(Path path) {
    if (cannotRun.get()) {
      host.notify(i18n.get(noPython.get()));
      return CompletableFuture.completedFuture(null);
    }
    Path file = path.toAbsolutePath().normalize();
    ScriptWorkspace already = open.get(file);
    if (already != null) {
      host.select(already.tab());
      return CompletableFuture.completedFuture(already);
    }
    return CompletableFuture.supplyAsync(() -> read(file)).thenApplyAsync(read -> {
      if (read.problem() != null) {
        host.notify(read.problem());
        return null;
      }
      ScriptWorkspace existing = open.get(file); // opened twice before the first read ended
      if (existing != null) {
        host.select(existing.tab());
        return existing;
      }
      return show(file, read.text());
    }, Platform::runLater);
  }

  private record Read(String text, String problem) {}

  private Read read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return new Read(null, i18n.get("script.notAFile", file));
      }
      if (Files.size(file) > MAX_BYTES) {
        return new Read(null, i18n.get("script.tooBig", file, MAX_BYTES / 1024));
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return new Read(text.replace("\r\n", "\n"), null);
    } catch (CharacterCodingException e) {
      return new Read(null, i18n.get("script.notUtf8", file));
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not read the script {}", file, e);
      return new Read(null, i18n.get("script.cannotRead", file, String.valueOf(e.getMessage())));
    }
  }

  private ScriptWorkspace show(Path file, String text) {
    ScriptWorkspace workspace = new ScriptWorkspace(file, text, i18n, chooser, this::remember);
    LessonTab tab = workspace.tab();
    tab.setPython(python);
    open.put(file, workspace);
    workspace.fileProperty().addListener((obs, old, now) -> {
      open.remove(old);
      open.put(now, workspace);
    });
    tab.setOnCloseRequest(e -> {
      if (!workspace.isEdited()) {
        return;
      }
      switch (askAboutEdits(workspace)) {
        case DISCARD -> { } // it closes, edits and all
        case CANCEL -> e.consume();
        case SAVE -> {
          e.consume(); // closed once it is saved; a failed save keeps it open, saying why
          workspace.save().thenAccept(saved -> {
            if (saved) {
              close(workspace);
            }
          });
        }
      }
    });
    tab.setOnClosed(e -> closed(workspace));
    host.add(tab);
    host.select(tab);
    remember(file);
    return workspace;
  }

  private void remember(Path file) {
    List<Path> now = new ArrayList<>(recent);
    now.remove(file);
    now.add(0, file);
    recent.setAll(now.stream().limit(MAX_RECENT).toList());
  }

  private void close(ScriptWorkspace workspace) {
    LessonTab tab = workspace.tab();
    if (tab.getTabPane() != null && tab.getTabPane().getTabs().remove(tab)) {
      closed(workspace);
    }
  }

  private void closed(ScriptWorkspace workspace) {
    workspace.tab().stop();
    open.values().remove(workspace);
    host.remove(workspace.tab());
  }

  /** What becomes of a script's unsaved edits when its tab or the window closes. */
  enum Edits {
    SAVE,
    DISCARD,
    CANCEL
  }

  /**
   * Before the window closes: asks about each script with unsaved edits, its tab shown, as
   * editors do (Save / Don't save / Cancel). Completes with true when the window may close (every
   * Save written), false on a Cancel or a failed save (the tab says why); at once when nothing was
   * edited.
   */
  public CompletableFuture<Boolean> settleEditsBeforeClosing() {
    List<CompletableFuture<Boolean>> saves = new ArrayList<>();
    for (ScriptWorkspace workspace : List.copyOf(open.values())) {
      if (!workspace.isEdited()) {
        continue;
      }
      host.select(workspace.tab());
      switch (askAboutEdits(workspace)) {
        case CANCEL -> {
          return CompletableFuture.completedFuture(false);
        }
        case SAVE -> saves.add(workspace.save());
        case DISCARD -> { }
      }
    }
    if (saves.isEmpty()) {
      return CompletableFuture.completedFuture(true);
    }
    return CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new))
        .thenApply(all -> saves.stream().allMatch(CompletableFuture::join));
  }

  /** A script with unsaved edits is about to close: save them, lose them, or keep it open? */
  private Edits askAboutEdits(ScriptWorkspace workspace) {
    ButtonType save = new ButtonType(i18n.get("script.close.save"), ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType(i18n.get("script.close.discard"), ButtonBar.ButtonData.NO);
    ButtonType cancel = new ButtonType(i18n.get("script.close.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert ask = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("script.close.question", workspace.file().getFileName()), save, discard, cancel);
    ask.setTitle(i18n.get("script.close.title"));
    ask.setHeaderText(null);
    ask.getDialogPane().setId("unsaved-edits");
    ask.getDialogPane().lookupButton(save).setId("unsaved-save");
    ask.getDialogPane().lookupButton(discard).setId("unsaved-discard");
    ask.getDialogPane().lookupButton(cancel).setId("unsaved-cancel");
    ask.initOwner(host.window());
    Optional<ButtonType> answer = ask.showAndWait();
    if (answer.isEmpty() || answer.get() == cancel) {
      return Edits.CANCEL;
    }
    return answer.get() == save ? Edits.SAVE : Edits.DISCARD;
  }
}
