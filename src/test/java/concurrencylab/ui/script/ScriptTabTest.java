package concurrencylab.ui.script;

import static concurrencylab.ui.script.ScriptWindow.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import concurrencylab.lesson.LessonRun;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.tab.RunExports;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Your script" driven as a lecturer does: open it from the menu, edit, save, run, read the error, replay, drop a file. */
@ExtendWith(ApplicationExtension.class)
class ScriptTabTest {
  @TempDir static Path dir;
  private ScriptWindow lab;
  private Path folder;

  @Start
  void start(Stage stage) throws Exception {
    folder = Files.createTempDirectory(dir, "scripts");
    lab = new ScriptWindow(stage, Files.createTempDirectory(dir, "settings"), Locale.ENGLISH);
  }

  @AfterEach
  void close(FxRobot robot) throws Exception {
    lab.dispose(robot);
  }

  private Path script(String name, String text) throws Exception {
    return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void openEditSaveAndRunFromTheMenu(FxRobot robot) throws Exception {
    lab.awaitPython(robot);
    Path file = script("hello.py", "import os\n");
    ScriptWorkspace workspace = lab.openThroughTheMenu(robot, file);
    LessonTab tab = workspace.tab();
    assertThat(onFx(tab::getText)).isEqualTo("Your script: hello.py");

    robot.clickOn("#script-editor").press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
    // a space, r, p and f are the window's shortcuts (run, replay, pause, focus) but not while typing code
    robot.write("print('real pid', os.getpid(), 'for', 'you')\n");
    assertThat(onFx(workspace::text)).isEqualTo("import os\nprint('real pid', os.getpid(), 'for', 'you')\n");
    assertThat(onFx(tab::lastResult)).as("typing ran nothing").isNull();
    assertThat(onFx(() -> tab.runningProperty().get())).isFalse();
    assertThat(onFx(tab::getText)).endsWith("•");
    assertThat(robot.lookup("#script-edited").queryAs(Label.class).isVisible()).isTrue();

    robot.clickOn("#script-save");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(file).contains("getpid"));
    assertThat(Files.readString(file)).isEqualTo("import os\nprint('real pid', os.getpid(), 'for', 'you')\n");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !workspace.isEdited()));
    assertThat(onFx(tab::getText)).isEqualTo("Your script: hello.py");

    robot.clickOn("#script-args").write("one 'two words'");
    ScriptWindow.runAndWait(robot, tab);
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
    Trace trace = tab.timeline().trace();
    Lane main = trace.lanes().stream().filter(l -> l.name().equals("MainProcess")).findFirst().orElseThrow();
    assertThat(main.pid()).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(printed(trace, main)).containsExactly("real pid " + main.pid() + " for you");
    assertThat(trace.runInfo().values("arg")).containsExactly("one", "two words");

    javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
    javafx.scene.control.Menu recent = (javafx.scene.control.Menu) onFx(() -> bar.getMenus().get(0).getItems().stream()
        .filter(i -> "menu-recent-scripts".equals(i.getId())).findFirst().orElseThrow());
    assertThat(onFx(() -> recent.getItems().get(0).getText())).isEqualTo("hello.py  —  " + folder.toAbsolutePath());
    assertThat(onFx(() -> lab.window.scripts().recent())).containsExactly(file.toAbsolutePath());
  }

  @Test
  void aSyntaxErrorShowsTheInterpretersMessageOnItsLaneAndMarksItsLine(FxRobot robot) throws Exception {
    lab.awaitPython(robot);
    Path file = script("broken.py", "import os\nprint('fine')\nif True print('no colon')\n");
    ScriptWorkspace workspace = lab.openThroughTheMenu(robot, file);
    ScriptWindow.runAndWait(robot, workspace.tab());
    assertThat(workspace.tab().lastResult().status()).isEqualTo(LessonRun.Status.FAILED);
    Trace trace = workspace.tab().timeline().trace();
    Lane main = trace.lanes().stream().filter(l -> l.name().equals("MainProcess")).findFirst().orElseThrow();
    assertThat(stderr(trace, main)).anyMatch(line -> line.startsWith("SyntaxError"));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> workspace.scriptCode().editor().markers().containsKey(2)));
    assertThat(onFx(() -> workspace.scriptCode().editor().markers())).containsOnlyKeys(2).containsEntry(2, List.of(main.colorIndex()));
    assertThat(onFx(() -> workspace.scriptCode().error().getText())).startsWith("Line 3: SyntaxError");

    // fixing the line clears its mark: it named the code as it was
    robot.clickOn("#script-editor").write("#");
    assertThat(onFx(() -> workspace.scriptCode().editor().markers())).isEmpty();
  }

  @Test
  void anExceptionInAThreadMarksTheLineInThatThreadsColour(FxRobot robot) throws Exception {
    lab.awaitPython(robot);
    Path file = script("thread_fails.py", String.join("\n",
        "import threading",
        "",
        "def share(n):",
        "    print('sharing among', n)",
        "    return 10 / n",
        "",
        "t = threading.Thread(target=share, args=(0,))",
        "t.start()",
        "t.join()",
        "print('main goes on')",
        ""));
    ScriptWorkspace workspace = lab.openThroughTheMenu(robot, file);
    ScriptWindow.runAndWait(robot, workspace.tab());
    Trace trace = workspace.tab().timeline().trace();
    Lane thread = trace.lanes().stream().filter(l -> l.name().startsWith("Thread-1")).findFirst().orElseThrow();
    assertThat(stderr(trace, thread)).contains("ZeroDivisionError: division by zero");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !workspace.scriptCode().editor().markers().isEmpty()));
    assertThat(onFx(() -> workspace.scriptCode().editor().markers())).isEqualTo(Map.of(4, List.of(thread.colorIndex())));
    assertThat(onFx(() -> workspace.scriptCode().error().getText())).isEqualTo("Line 5: ZeroDivisionError: division by zero");
  }

  @Test
  void aReplayAndAnExportShowTheCodeThatRanAfterTheEditorChanged(FxRobot robot) throws Exception {
    lab.awaitPython(robot);
    String ran = "import time\nfor i in range(3):\n    print('step', i)\n    time.sleep(0.05)\n";
    ScriptWorkspace workspace = lab.openThroughTheMenu(robot, script("steps.py", ran));
    LessonTab tab = workspace.tab();
    ScriptWindow.runAndWait(robot, tab);
    robot.clickOn("#script-editor").press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL).write("# changed\n");
    assertThat(onFx(workspace::text)).startsWith("# changed\n");

    Slider scrubber = robot.from(tab.getContent()).lookup("#scrubber").queryAs(Slider.class);
    robot.clickOn(scrubber); // a moment of the run: its own code comes back, read-only
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> workspace.scriptCode().ran().isVisible()));
    assertThat(onFx(() -> workspace.scriptCode().ran().text())).isEqualTo(ran);
    assertThat(onFx(() -> workspace.scriptCode().editor().isVisible())).isFalse();
    assertThat(onFx(() -> RunExports.about(tab.timeline().trace().runInfo()))).containsEntry("script", ran);
    assertThat(onFx(() -> tab.lesson().pythonExample(tab.shownRun()))).isEqualTo(ran);
    assertThat(onFx(workspace::text)).as("the editor keeps the edit").startsWith("# changed\n");

    Path json = dir.resolve("steps.json");
    robot.interact(() -> {
      try {
        RunExports.write(tab, lab.window, RunExports.Format.CHROME_TRACE, json);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("otherData").get("script").asText()).isEqualTo(ran);
  }

  @Test
  void aPythonFileDroppedOnTheWindowOpensAsYourScript(FxRobot robot) throws Exception {
    lab.awaitPython(robot);
    Path file = script("dropped.py", "print('dropped in')\n");
    Path notes = Files.writeString(folder.resolve("notes.txt"), "not a script");
    // TestFX cannot drag a file in from outside the app: the drop is the DragEvent the window would get
    DragEvent[] over = new DragEvent[1];
    robot.interact(() -> {
      Dragboard board = dragboard(List.of(notes.toFile(), file.toFile()));
      over[0] = new DragEvent(DragEvent.DRAG_OVER, board, 400, 300, 400, 300, TransferMode.COPY, null, null, null);
      Event.fireEvent(lab.window, over[0]);
      Event.fireEvent(lab.window, new DragEvent(DragEvent.DRAG_DROPPED, board, 400, 300, 400, 300, TransferMode.COPY, null, null, null));
    });
    ScriptWorkspace workspace = lab.awaitTab(file);
    assertThat(onFx(workspace::text)).isEqualTo("print('dropped in')\n");
    assertThat(onFx(() -> lab.window.scripts().workspaces())).hasSize(1);
  }

  @Test
  void withoutPythonTheMenuItemIsGreyedAndSaysHowToGetOne(FxRobot robot) throws Exception {
    lab.awaitPython(robot);
    robot.interact(() -> lab.window.scripts().setPython(null));
    robot.clickOn("#menu-file");
    Label item = robot.lookup("#open-script-label").queryAs(Label.class);
    assertThat(item.isDisabled()).isTrue();
    javafx.scene.control.Tooltip why = ((javafx.scene.Node) item.getParent()).getProperties().values().stream()
        .filter(javafx.scene.control.Tooltip.class::isInstance).map(javafx.scene.control.Tooltip.class::cast).findFirst().orElseThrow();
    assertThat(why.getText()).contains("python3", "sudo apt install python3");
    lab.answers.add(script("never.py", "print(1)\n"));
    robot.clickOn(item);
    assertThat(lab.answers).as("no file was asked for").hasSize(1);
    assertThat(onFx(() -> lab.window.scripts().workspaces())).isEmpty();
  }

  private static Dragboard dragboard(List<File> files) {
    TKClipboard peer = new TKClipboard() {
      @Override public void setSecurityContext(java.security.AccessControlContext context) {}
      @Override public Set<DataFormat> getContentTypes() { return Set.of(DataFormat.FILES); }
      @Override @SafeVarargs public final boolean putContent(javafx.util.Pair<DataFormat, Object>... content) { return false; }
      @Override public Object getContent(DataFormat format) { return format == DataFormat.FILES ? files : null; }
      @Override public boolean hasContent(DataFormat format) { return format == DataFormat.FILES; }
      @Override public Set<TransferMode> getTransferModes() { return Set.of(TransferMode.COPY); }
      @Override public void setDragView(javafx.scene.image.Image image) {}
      @Override public void setDragViewOffsetX(double offset) {}
      @Override public void setDragViewOffsetY(double offset) {}
      @Override public javafx.scene.image.Image getDragView() { return null; }
      @Override public double getDragViewOffsetX() { return 0; }
      @Override public double getDragViewOffsetY() { return 0; }
    };
    Dragboard board = DragboardHelper.createDragboard(peer);
    DragboardHelper.setDataAccessRestriction(board, false);
    return board;
  }

  private static List<String> printed(Trace trace, Lane lane) {
    return texts(trace, lane, EventKind.PRINT);
  }

  private static List<String> stderr(Trace trace, Lane lane) {
    return texts(trace, lane, EventKind.STDERR);
  }

  private static List<String> texts(Trace trace, Lane lane, EventKind kind) {
    LaneTrack track = trace.store().track(lane.id());
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < track.size(); i++) {
      if (track.kind(i) == kind) {
        texts.add(track.text(i));
      }
    }
    return texts;
  }
}
