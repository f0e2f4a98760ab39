package concurrencylab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.LessonRun;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.tab.LogConsole;
import concurrencylab.ui.text.I18n;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Java | Python on a tab: with Python chosen, Run runs the script the Python panel shows, for real, on the lanes. */
@ExtendWith(ApplicationExtension.class)
class PythonModeTest {
  private LabWindow window;

  @Start
  void start(Stage stage) {
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll());
    stage.setScene(new Scene(window, 1600, 900));
    stage.show();
  }

  @AfterEach
  void close(FxRobot robot) throws Exception {
    robot.interact(window::dispose);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  @Test
  void theThreadTabRunsItsPythonScriptWithItsThreadsOnTheLanes(FxRobot robot) throws Exception {
    robot.clickOn("#tab-thread");
    LessonTab tab = onFx(window::selected);
    ToggleButton python = robot.from(tab.getContent()).lookup("#runtime-python").queryAs(ToggleButton.class);
    String status = "#python-status";
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !((javafx.scene.control.Label) robot.lookup(status).query()).getText().contains("looking")));
    assumeTrue(onFx(() -> !python.isDisabled()), "no Python 3.8+ on this machine");
    assertThat(onFx(() -> ((javafx.scene.control.Label) robot.lookup(status).query()).getText())).startsWith("Python 3.");

    robot.clickOn(python);
    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null));
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);

    Trace trace = tab.timeline().trace();
    long app = ProcessHandle.current().pid();
    List<Lane> threads = trace.lanes().stream().filter(l -> l.kind() == LaneKind.THREAD && l.name().startsWith("Thread-")).toList();
    assertThat(threads).extracting(Lane::name).contains("Thread-1", "Thread-2");
    assertThat(threads).allSatisfy(l -> assertThat(l.pid()).as("%s runs in the Python process, not the app", l.name()).isNotEqualTo(app));
    List<String> console = onFx(() -> tab.log().lines().stream().map(LogConsole.Line::text).toList());
    assertThat(console).contains("Thread-1 ---->>> url_1_1", "Thread-2 ---->>> url_2_3");
    assertThat(onFx(window::copyCommandLine)).contains("record thread ", "--language python");
  }
}
