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
    javafx.scene.control.Label javaCaption = robot.from(tab.getContent()).lookup("#code-caption-java").queryAs(javafx.scene.control.Label.class);
    javafx.scene.control.Label pythonCaption = robot.from(tab.getContent()).lookup("#code-caption-python").queryAs(javafx.scene.control.Label.class);
    assertThat(onFx(javaCaption::getText)).isEqualTo("Java (what Run runs now)");
    assertThat(onFx(pythonCaption::getText)).isEqualTo("Python (the chapter's way)");

    robot.clickOn(python);
    assertThat(onFx(pythonCaption::getText)).as("the caption follows the choice").isEqualTo("Python (what Run runs now)");
    assertThat(onFx(javaCaption::getText)).isEqualTo("Java (runs when Java is chosen)");
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

    javafx.scene.Node run = robot.from(tab.getContent()).lookup("#run").query();
    double runAt = onFx(() -> run.localToScene(0, 0).getY());
    robot.clickOn(python);
    assertThat(onFx(() -> !control.isDisabled() && !why.isVisible())).as("in Python it is a choice").isTrue();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(onFx(() -> run.localToScene(0, 0).getY())).as("Run stays where it was").isEqualTo(runAt);
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

  @Test
  void theProgressTabInPythonMeasuresTheTurnsOfTheScriptsLoopAndShowsTheBarsItDrew(FxRobot robot) throws Exception {
    robot.clickOn("#tab-progress");
    LessonTab tab = onFx(window::selected);
    ToggleButton python = robot.from(tab.getContent()).lookup("#runtime-python").queryAs(ToggleButton.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !((javafx.scene.control.Label) robot.lookup("#python-status").query()).getText().contains("looking")));
    assumeTrue(onFx(() -> !python.isDisabled()), "no Python 3.8+ on this machine");
    javafx.scene.control.Label longest = robot.from(tab.getContent()).lookup("#longest-frame").queryAs(javafx.scene.control.Label.class);

    javafx.scene.control.Label explanation = robot.from(tab.getContent()).lookup("#explanation").queryAs(javafx.scene.control.Label.class);
    assertThat(onFx(explanation::getText)).contains("Run as a background Task");
    robot.clickOn(python);
    assertThat(onFx(explanation::getText)).as("the explanation of what runs now").contains("The script's own loop stands in for a window")
        .doesNotContain("Task");
    robot.clickOn("#choice-where-UI_THREAD");
    robot.clickOn("#slider-jobStepMillis").type(javafx.scene.input.KeyCode.HOME); // 20 steps of 10 ms
    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null && !tab.runningProperty().get()));
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
    assertThat(onFx(() -> robot.from(tab.getContent()).lookup((javafx.scene.control.Label l) -> l.getText().startsWith("Time between two turns of the script's event loop")).tryQuery().isPresent()))
        .as("the meter says it measures the script's loop").isTrue();
    java.util.regex.Matcher gap = java.util.regex.Pattern.compile("Longest time between two turns of the loop since Run: ([\\d,]+) ms").matcher(onFx(longest::getText));
    assertThat(gap.find()).as(onFx(longest::getText)).isTrue();
    assertThat(Long.parseLong(gap.group(1).replace(",", ""))).as("the job's 20 steps of 10 ms ran between two turns").isGreaterThanOrEqualTo(200);
    javafx.scene.control.ProgressBar onLoop = robot.from(tab.getContent()).lookup("#ui-thread-progress").queryAs(javafx.scene.control.ProgressBar.class);
    assertThat(onFx(onLoop::getProgress)).as("the loop drew every step in the end").isEqualTo(1.0);

    robot.clickOn("#choice-where-BACKGROUND");
    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !tab.runningProperty().get() && tab.lastResult() != null
        && tab.timeline().trace().lanes().stream().anyMatch(l -> l.name().equals("job-2"))));
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
    for (String job : List.of("job-1", "job-2")) {
      javafx.scene.control.ProgressBar bar = robot.from(tab.getContent()).lookup("#job-bar-" + job).queryAs(javafx.scene.control.ProgressBar.class);
      assertThat(onFx(bar::getProgress)).as(job + "'s bar as the loop drew it").isEqualTo(1.0);
      assertThat(onFx(() -> ((javafx.scene.control.Label) robot.from(tab.getContent()).lookup("#job-step-" + job).query()).getText())).isEqualTo("step 20 of 20");
      assertThat(robot.from(tab.getContent()).lookup("#cancel-" + job).tryQuery()).as("a Python job has no Cancel").isEmpty();
    }
    assertThat(onFx(() -> onLoop.getProgress())).as("nothing ran on the loop's own thread this time").isEqualTo(0.0);
    assertThat(onFx(onLoop::isVisible)).as("and its bar is not shown for a background run").isFalse();

    robot.clickOn("#runtime-java");
    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !tab.runningProperty().get() && tab.timeline().trace().lanes().stream().anyMatch(l -> l.name().equals("JavaFX Application Thread"))));
    assertThat(onFx(longest::getText)).as("in Java the meter measures the window's frames again").startsWith("Longest frame");
    assertThat(onFx(explanation::getText)).contains("Run as a background Task");
    // the Java jobs' rows stay after their run, each with its Cancel; no Python row is left beside them
    int jobs = onFx(() -> ((concurrencylab.lesson.progress.ProgressLesson) tab.lesson()).jobs().get());
    assertThat(onFx(() -> robot.from(tab.getContent()).lookup(".job-row").queryAll().size())).as("the Python rows are gone").isEqualTo(jobs);
    assertThat(robot.from(tab.getContent()).lookup("#cancel-job-1").tryQuery()).as("job-1's row is the Java job's").isPresent();
  }
}
