package concurrencylab.ui.script;

import static concurrencylab.ui.script.ScriptWindow.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window, or the "Your script" tab, with unsaved edits asks as editors do: Save,
 * Don't save or Cancel. Cancel keeps the window and the edits; Don't save closes and leaves the
 * file as it was; Save writes the edits, then closes.
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedEditsTest {
  private static final String ON_DISK = "x = 1\n";
  @TempDir static Path dir;
  private Stage stage;
  private ScriptWindow lab;
  private Path file;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    file = Files.writeString(Files.createTempDirectory(dir, "scripts").resolve("edited.py"), ON_DISK, StandardCharsets.UTF_8);
  }

  @AfterEach
  void close(FxRobot robot) throws Exception {
    lab.dispose(robot);
  }

  /** The window in {@code locale} with the script open and "y = 2" typed at its end. */
  private ScriptWorkspace openAndEdit(FxRobot robot, Locale locale) throws Exception {
    robot.interact(() -> {
      try {
        lab = new ScriptWindow(stage, Files.createTempDirectory(dir, "settings"), locale);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    lab.awaitPython(robot);
    ScriptWorkspace workspace = lab.openThroughTheMenu(robot, file);
    robot.clickOn("#script-editor").press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
    robot.write("y = 2\n");
    assertThat(onFx(workspace::isEdited)).isTrue();
    return workspace;
  }

  /** The close request the title bar's close sends, delivered without waiting: it opens a dialog. */
  private DialogPane requestWindowClose(FxRobot robot) throws Exception {
    Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    return awaitDialog(robot);
  }

  private static DialogPane awaitDialog(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#unsaved-edits").match(UnsavedEditsTest::shown).tryQuery().isPresent()));
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup("#unsaved-edits").match(UnsavedEditsTest::shown).queryAs(DialogPane.class);
  }

  private static boolean shown(javafx.scene.Node node) {
    return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
  }

  @Test
  void cancelKeepsTheWindowAndTheEdits(FxRobot robot) throws Exception {
    ScriptWorkspace workspace = openAndEdit(robot, Locale.ENGLISH);
    DialogPane dialog = requestWindowClose(robot);
    assertThat(onFx(dialog::getContentText)).contains("edited.py");
    assertThat(onFx(() -> ((Button) dialog.lookup("#unsaved-save")).getText())).isEqualTo("Save");
    assertThat(onFx(() -> ((Button) dialog.lookup("#unsaved-discard")).getText())).isEqualTo("Don't save");
    assertThat(onFx(() -> ((Button) dialog.lookup("#unsaved-cancel")).getText())).isEqualTo("Cancel");

    robot.clickOn("#unsaved-cancel");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#unsaved-edits").match(UnsavedEditsTest::shown).tryQuery().isEmpty()));
    assertThat(onFx(stage::isShowing)).as("the window stays").isTrue();
    assertThat(onFx(workspace::text)).isEqualTo(ON_DISK + "y = 2\n");
    assertThat(onFx(workspace::isEdited)).isTrue();
    assertThat(onFx(() -> lab.window.scripts().workspaces())).containsExactly(workspace);
    assertThat(Files.readString(file)).isEqualTo(ON_DISK);
  }

  @Test
  void dontSaveClosesTheWindowAndLeavesTheFileAsItWas(FxRobot robot) throws Exception {
    openAndEdit(robot, Locale.ENGLISH);
    requestWindowClose(robot);
    robot.clickOn("#unsaved-discard");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !stage.isShowing()));
    assertThat(Files.readString(file)).isEqualTo(ON_DISK);
  }

  @Test
  void saveWritesTheEditsThenClosesTheWindow(FxRobot robot) throws Exception {
    openAndEdit(robot, Locale.ENGLISH);
    requestWindowClose(robot);
    robot.clickOn("#unsaved-save");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !stage.isShowing()));
    assertThat(Files.readString(file)).isEqualTo(ON_DISK + "y = 2\n");
  }

  @Test
  void closingTheScriptsTabAsksTooInChinese(FxRobot robot) throws Exception {
    ScriptWorkspace workspace = openAndEdit(robot, Locale.SIMPLIFIED_CHINESE);
    robot.clickOn(robot.lookup("#tab-script").lookup(".tab-close-button").queryAs(javafx.scene.Node.class));
    DialogPane dialog = awaitDialog(robot);
    assertThat(onFx(() -> ((Button) dialog.lookup("#unsaved-save")).getText())).isEqualTo("保存");
    assertThat(onFx(() -> ((Button) dialog.lookup("#unsaved-discard")).getText())).isEqualTo("不保存");
    assertThat(onFx(() -> ((Button) dialog.lookup("#unsaved-cancel")).getText())).isEqualTo("取消");
    robot.clickOn("#unsaved-cancel");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#unsaved-edits").match(UnsavedEditsTest::shown).tryQuery().isEmpty()));
    assertThat(onFx(() -> lab.window.scripts().workspaces())).as("Cancel keeps the tab").containsExactly(workspace);

    robot.clickOn(robot.lookup("#tab-script").lookup(".tab-close-button").queryAs(javafx.scene.Node.class));
    awaitDialog(robot);
    robot.clickOn("#unsaved-save");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> lab.window.scripts().workspaces().isEmpty()));
    assertThat(Files.readString(file)).isEqualTo(ON_DISK + "y = 2\n");
    assertThat(onFx(() -> lab.window.tabs().getTabs().stream().noneMatch(t -> "tab-script".equals(t.getId())))).isTrue();
    assertThat(onFx(stage::isShowing)).as("closing a tab leaves the window").isTrue();
  }
}
