package concurrencylab.ui.script;

import static concurrencylab.ui.script.ScriptWindow.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRun;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneEvents;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import concurrencylab.ui.tab.LessonTab;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step on "Your script": paused, each held thread of the script goes on to its next hook (a printed
 * line, a sleep) and is held again; Stop while paused ends the whole run.
 */
@ExtendWith(ApplicationExtension.class)
class ScriptStepTest {
  @TempDir static Path dir;
  private ScriptWindow lab;

  private static final String TICKING = """
      import threading, time

      def work(name):
          i = 0
          while True:
              print(f"{name} {i}")
              i += 1
              time.sleep(0.01)

      threading.Thread(target=work, args=("worker",), name="Worker", daemon=True).start()
      work("main")
      """;

  @Start
  void start(Stage stage) throws Exception {
    lab = new ScriptWindow(stage, Files.createTempDirectory(dir, "settings"), Locale.ENGLISH);
  }

  @AfterEach
  void close(FxRobot robot) throws Exception {
    lab.dispose(robot);
  }

  @Test
  void eachStepTakesEveryHeldThreadOfTheScriptToItsNextHook(FxRobot robot) throws Exception {
    lab.awaitPython(robot);
    Path file = Files.writeString(Files.createTempDirectory(dir, "scripts").resolve("ticking.py"), TICKING, StandardCharsets.UTF_8);
    LessonTab tab = lab.openThroughTheMenu(robot, file).tab();
    ScriptWindow.clickRun(robot, tab);
    Trace trace = onFx(() -> tab.currentRun().trace());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> trace.lanes().stream().filter(l -> l.name().equals("MainProcess") || l.name().equals("Worker"))
        .filter(l -> LaneEvents.of(trace, l).stream().filter(e -> e.kind() == EventKind.PRINT).count() >= 3).count() == 2));
    List<Lane> lanes = onFx(() -> trace.lanes().stream().filter(l -> l.name().equals("MainProcess") || l.name().equals("Worker")).toList());

    robot.clickOn(robot.from(tab.getContent()).lookup("#pause").queryAs(ToggleButton.class));
    awaitHeldAgain(trace, lanes, lanes.stream().collect(Collectors.toMap(l -> l, l -> 0)));
    Button step = robot.from(tab.getContent()).lookup("#step").queryButton();
    for (int n = 1; n <= 4; n++) {
      Map<Lane, Integer> before = onFx(() -> lanes.stream().collect(Collectors.toMap(l -> l, l -> LaneEvents.entered(LaneEvents.of(trace, l), LaneState.PAUSED).size())));
      if (n % 2 == 0) {
        robot.interact(() -> Event.fireEvent(lab.window, new KeyEvent(KeyEvent.KEY_PRESSED, "s", "s", KeyCode.S, false, false, false, false)));
      } else {
        robot.clickOn(step);
      }
      awaitHeldAgain(trace, lanes, before);
      for (Lane lane : lanes) {
        List<TraceEvent> on = onFx(() -> LaneEvents.of(trace, lane));
        List<Integer> paused = LaneEvents.entered(on, LaneState.PAUSED);
        List<TraceEvent> between = on.subList(paused.get(paused.size() - 2) + 1, paused.get(paused.size() - 1));
        assertThat(between).as("%s in step %d: one print or one sleep", lane.name(), n)
            .filteredOn(e -> e.kind() == EventKind.PRINT || e.kind() == EventKind.STATE && e.state() == LaneState.SLEEPING).hasSize(1);
      }
    }
    assertThat(onFx(tab::isPaused)).as("still paused after the steps").isTrue();

    robot.clickOn(robot.from(tab.getContent()).lookup("#stop").queryButton());
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null));
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.STOPPED);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
  }

  private static void awaitHeldAgain(Trace trace, List<Lane> lanes, Map<Lane, Integer> before) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> lanes.stream().allMatch(l -> {
      List<TraceEvent> on = LaneEvents.of(trace, l);
      return LaneEvents.entered(on, LaneState.PAUSED).size() == before.get(l) + 1 && on.get(on.size() - 1).kind() == EventKind.STATE && on.get(on.size() - 1).state() == LaneState.PAUSED;
    })));
  }
}
