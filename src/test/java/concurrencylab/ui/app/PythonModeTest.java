package concurrencylab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.lesson.LessonRun;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.tab.LogConsole;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Java | Python on a tab: with Python chosen, Run runs the script the Python panel shows, for real, on the lanes. */
class PythonModeTest extends LabWindowFixture {
  @Override
  protected double width() {
    return 1600;
  }

  @Override
  protected double height() {
    return 900;
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

  @Test
  void theStartMethodIsAPythonChoiceAndAPythonRunOfTheProcessTabPauses(FxRobot robot) throws Exception {
    robot.clickOn("#tab-process");
    LessonTab tab = onFx(window::selected);
    ToggleButton python = robot.from(tab.getContent()).lookup("#runtime-python").queryAs(ToggleButton.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !((javafx.scene.control.Label) robot.lookup("#python-status").query()).getText().contains("looking")));
    assumeTrue(onFx(() -> !python.isDisabled()), "no Python 3.8+ on this machine");
    javafx.scene.Node control = robot.from(tab.getContent()).lookup("#param-startMethod").query();
    javafx.scene.Node why = robot.from(tab.getContent()).lookup("#python-only-startMethod").query();
    assertThat(onFx(() -> control.isDisabled() && why.isVisible())).as("in Java the start method is disabled, and says why").isTrue();
    assertThat(onFx(() -> ((javafx.scene.control.Label) why).getText())).contains("Only the Python run");

    robot.clickOn(python);
    assertThat(onFx(() -> !control.isDisabled() && !why.isVisible())).as("in Python it is a choice").isTrue();
    robot.clickOn("#choice-startMethod-SPAWN");
    // the most children, sleeping the longest: the run is still going when Pause is clicked
    robot.clickOn("#slider-children").type(javafx.scene.input.KeyCode.END);
    robot.clickOn("#slider-maxSleepMillis").type(javafx.scene.input.KeyCode.END);
    robot.clickOn("#run");
    ToggleButton pause = robot.from(tab.getContent()).lookup("#pause").queryAs(ToggleButton.class);
    assertThat(onFx(() -> !pause.isDisabled())).as("a Python run can pause").isTrue();
    robot.clickOn(pause); // the script's next print (or other hook) holds its thread
    assertThat(onFx(tab::isPaused)).as("the run is paused").isTrue();
    Trace trace = tab.timeline().trace();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> trace.lanes().stream().anyMatch(l -> {
      concurrencylab.trace.LaneTrack track = trace.store().track(l.id());
      for (int i = 0; i < track.size(); i++) {
        if (track.kind(i) == concurrencylab.trace.EventKind.STATE && track.value(i) == concurrencylab.trace.LaneState.PAUSED.ordinal()) {
          return true;
        }
      }
      return false;
    })));
    robot.clickOn(pause);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null));
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
    assertThat(trace.lanes()).filteredOn(l -> l.name().startsWith("SpawnProcess-")).hasSize(16)
        .allSatisfy(l -> assertThat(l.pid()).isNotEqualTo(ProcessHandle.current().pid()));
    assertThat(onFx(window::copyCommandLine)).contains("--startMethod SPAWN", "--language python");
  }
}
