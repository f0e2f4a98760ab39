package concurrencylab.ui.script;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.ui.app.LabWindow;
import concurrencylab.ui.app.Settings;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.text.I18n;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window of the script tests: settings of its own, and file dialogs that answer what the test says. */
final class ScriptWindow {
  final LabWindow window;
  final Stage stage;
  final Deque<Path> answers = new ArrayDeque<>();

  ScriptWindow(Stage stage, Path settings, Locale locale) {
    this.stage = stage;
    window = new LabWindow(new I18n(locale), LessonRegistry.createAll(), new Settings(settings));
    window.closeOnRequest(stage, () -> { }); // as LabApp does, less the window's size kept
    window.scripts().setChooser(new ScriptChooser() {
      @Override
      public Optional<Path> open(Window owner, Path folder) {
        return Optional.ofNullable(answers.poll());
      }

      @Override
      public Optional<Path> saveAs(Window owner, Path suggested) {
        return Optional.ofNullable(answers.poll());
      }
    });
    stage.setScene(new Scene(window, 1600, 900));
    stage.show();
  }

  static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  /** Waits until the window has looked for Python; skips the test on a machine without one. */
  void awaitPython(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
        () -> onFx(() -> !((Label) robot.lookup("#python-status").query()).getText().contains("looking")
            && !((Label) robot.lookup("#python-status").query()).getText().contains("正在")));
    assumeTrue(onFx(() -> window.scripts().canRun()), "no Python 3.8+ on this machine");
  }

  /** File ▸ Open Python script…, answered with {@code file}; returns the tab once it is open and shown. */
  ScriptWorkspace openThroughTheMenu(FxRobot robot, Path file) throws Exception {
    answers.add(file);
    robot.clickOn("#menu-file");
    robot.clickOn("#open-script-label");
    return awaitTab(file);
  }

  ScriptWorkspace awaitTab(Path file) throws Exception {
    Path wanted = file.toAbsolutePath().normalize();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.scripts().workspaces().stream().anyMatch(w -> w.file().equals(wanted))
        && window.selected() != null && window.selected().getId().equals("tab-script")));
    return onFx(() -> window.scripts().workspaces().stream().filter(w -> w.file().equals(wanted)).findFirst().orElseThrow());
  }

  /** Presses Run once the tab shows it: a tab just opened may still be joining the scene on a busy machine. */
  static void clickRun(FxRobot robot, LessonTab tab) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> tab.getContent() != null && tab.getContent().lookup("#run") != null
        && tab.getContent().lookup("#run").getScene() != null && tab.getContent().lookup("#run").isVisible()));
    robot.clickOn(robot.from(tab.getContent()).lookup("#run").queryButton());
  }

  /** Presses Run on the tab and waits for the end of its run. */
  static void runAndWait(FxRobot robot, LessonTab tab) throws Exception {
    clickRun(robot, tab);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null));
  }

  void dispose(FxRobot robot) throws Exception {
    robot.interact(window::dispose);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
  }
}
