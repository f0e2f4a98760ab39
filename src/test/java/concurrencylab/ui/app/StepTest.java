package concurrencylab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneEvents;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import concurrencylab.ui.tab.LessonTab;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step, as a lecturer uses it: Run, Pause, then Step (the button, or S) — each held thread takes
 * exactly one step and is held again; Stop while paused ends the run. In Java one step is one pause
 * point of the lesson's loop (Lock: a read, the +1, a write); in Python with slow motion, whose
 * lines are traced, one line of the script.
 */
class StepTest extends LabWindowFixture {
  @Override
  protected double width() {
    return 1600;
  }

  @Override
  protected double height() {
    return 900;
  }

  private LessonTab lockTab(FxRobot robot, int threads, int slowMotion) throws Exception {
    robot.clickOn("#tab-lock");
    LessonTab tab = onFx(window::selected);
    LockLesson lock = (LockLesson) tab.lesson();
    robot.interact(() -> {
      lock.mode().value().set(LockLesson.Mode.NO_LOCK);
      lock.threads().set(threads);
      lock.increments().set(1000);
      lock.slowMotion().set(slowMotion);
    });
    return tab;
  }

  @Test
  void inJavaEachStepTakesEveryHeldThreadOnePausePointFurther(FxRobot robot) throws Exception {
    LessonTab tab = lockTab(robot, 3, 2);
    Button step = robot.from(tab.getContent()).lookup("#step").queryButton();
    assertThat(onFx(step::isDisabled)).as("no run: nothing to step").isTrue();
    assertThat(onFx(() -> tooltip(robot, tab).getText())).contains("paused run");

    robot.clickOn(robot.from(tab.getContent()).lookup("#run").queryButton());
    LessonRun run = onFx(tab::currentRun);
    List<Lane> threads = awaitLanes(run.trace(), 3, l -> l.name().startsWith("Thread-"));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> threads.stream().allMatch(l -> count(run.trace(), l, EventKind.COUNTER) >= 2)));
    assertThat(onFx(step::isDisabled)).as("running, not paused: Step waits for Pause").isTrue();

    robot.clickOn(robot.from(tab.getContent()).lookup("#pause").queryAs(ToggleButton.class));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> run.heldThreads() == 3);
    assertThat(onFx(step::isDisabled)).isFalse();
    assertThat(onFx(() -> tooltip(robot, tab).getText())).as("the tooltip says what one step is").contains("a read, the +1, a write");

    Map<Lane, Integer> firstHold = holds(run.trace(), threads);
    for (int n = 1; n <= 3; n++) {
      Map<Lane, Integer> before = holds(run.trace(), threads);
      if (n == 2) {
        Keys.press(robot, window, KeyCode.S);
      } else {
        robot.clickOn(step);
      }
      awaitHeldAgain(run.trace(), threads, before, () -> run.heldThreads() == 3);
      for (Lane lane : threads) {
        assertThat(onFx(() -> between(run.trace(), lane, before.get(lane), before.get(lane) + 1)))
            .as("%s in step %d: at most one read or write", lane.name(), n)
            .filteredOn(e -> e.kind() == EventKind.READ || e.kind() == EventKind.COUNTER).hasSizeLessThanOrEqualTo(1);
      }
    }
    // read, +1 and write are three pause points: three steps are one whole increment in each thread
    for (Lane lane : threads) {
      List<TraceEvent> three = onFx(() -> between(run.trace(), lane, firstHold.get(lane), firstHold.get(lane) + 3));
      assertThat(three).as("%s in three steps", lane.name()).filteredOn(e -> e.kind() == EventKind.READ).hasSize(1);
      assertThat(three).as("%s in three steps", lane.name()).filteredOn(e -> e.kind() == EventKind.COUNTER).hasSize(1);
    }
    assertStillHeld(tab, run.trace(), threads);

    stopWhilePaused(robot, tab);
    assertThat(run.trace().lanes()).filteredOn(l -> l.name().startsWith("Thread-"))
        .allSatisfy(l -> assertThat(onFx(() -> count(run.trace(), l, EventKind.END))).as("%s ended", l.name()).isEqualTo(1));
  }

  @Test
  void aLessonThatCannotPauseCannotStepAndSaysWhy(FxRobot robot) throws Exception {
    robot.clickOn("#tab-pool"); // its work runs inside worker processes
    LessonTab tab = onFx(window::selected);
    Button step = robot.from(tab.getContent()).lookup("#step").queryButton();
    Keys.press(robot, window, KeyCode.S);
    assertThat(onFx(step::isDisabled)).isTrue();
    assertThat(onFx(() -> tooltip(robot, tab).getText())).contains("cannot be paused, so it cannot be stepped");
    robot.interact(() -> window.i18n().localeProperty().set(java.util.Locale.SIMPLIFIED_CHINESE));
    assertThat(onFx(() -> tooltip(robot, tab).getText())).as("in Chinese too").contains("无法单步");
    robot.interact(() -> window.i18n().localeProperty().set(java.util.Locale.ENGLISH));
  }

  @Test
  void inPythonWithSlowMotionEachStepRunsOneLineOfTheScriptInEveryHeldThread(FxRobot robot) throws Exception {
    LessonTab tab = lockTab(robot, 2, 20);
    ToggleButton python = robot.from(tab.getContent()).lookup("#runtime-python").queryAs(ToggleButton.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !((Label) robot.lookup("#python-status").query()).getText().contains("looking")));
    assumeTrue(onFx(() -> !python.isDisabled()), "no Python 3.8+ on this machine");
    robot.clickOn(python);
    Button step = robot.from(tab.getContent()).lookup("#step").queryButton();

    robot.clickOn(robot.from(tab.getContent()).lookup("#run").queryButton());
    LessonRun run = onFx(tab::currentRun);
    List<Lane> threads = awaitLanes(run.trace(), 2, l -> l.name().startsWith("Thread-"));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> threads.stream().allMatch(l -> count(run.trace(), l, EventKind.LINE) >= 5)));
    robot.clickOn(robot.from(tab.getContent()).lookup("#pause").queryAs(ToggleButton.class));
    awaitHeldAgain(run.trace(), threads, threads.stream().collect(Collectors.toMap(l -> l, l -> 0)), () -> true);
    assertThat(onFx(() -> tooltip(robot, tab).getText())).as("the tooltip says what one step is").contains("one line of the script");

    for (int n = 1; n <= 3; n++) {
      Map<Lane, Integer> before = holds(run.trace(), threads);
      if (n == 2) {
        Keys.press(robot, window, KeyCode.S);
      } else {
        robot.clickOn(step);
      }
      awaitHeldAgain(run.trace(), threads, before, () -> true);
      for (Lane lane : threads) {
        assertThat(onFx(() -> between(run.trace(), lane, before.get(lane), before.get(lane) + 1)))
            .as("%s in step %d", lane.name(), n).filteredOn(e -> e.kind() == EventKind.LINE).hasSize(1);
      }
    }
    assertStillHeld(tab, run.trace(), threads);
    stopWhilePaused(robot, tab);
  }

  /** Stop while paused: the run ends as stopped, and no process of it is left. */
  private void stopWhilePaused(FxRobot robot, LessonTab tab) throws Exception {
    robot.clickOn(robot.from(tab.getContent()).lookup("#stop").queryButton());
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null));
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.STOPPED);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
  }

  private void assertStillHeld(LessonTab tab, Trace trace, List<Lane> threads) throws Exception {
    Map<Lane, Integer> sizes = onFx(() -> threads.stream().collect(Collectors.toMap(l -> l, l -> trace.store().track(l.id()).size())));
    Thread.sleep(200); // still paused after the steps: nothing happens however long one waits
    assertThat(onFx(() -> threads.stream().collect(Collectors.toMap(l -> l, l -> trace.store().track(l.id()).size())))).isEqualTo(sizes);
    assertThat(onFx(tab::isPaused)).isTrue();
  }

  private static Tooltip tooltip(FxRobot robot, LessonTab tab) {
    Node holder = robot.from(tab.getContent()).lookup("#step-holder").query();
    return holder.getProperties().values().stream().filter(Tooltip.class::isInstance).map(Tooltip.class::cast).findFirst().orElseThrow();
  }

  private static List<Lane> awaitLanes(Trace trace, int count, Predicate<Lane> which) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> trace.lanes().stream().filter(which).count() == count));
    return onFx(() -> trace.lanes().stream().filter(which).toList());
  }

  /** Waits until each lane was put in PAUSED once more than {@code before} says, and is PAUSED now. */
  private static void awaitHeldAgain(Trace trace, List<Lane> lanes, Map<Lane, Integer> before, java.util.function.BooleanSupplier also) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> also.getAsBoolean() && lanes.stream().allMatch(l -> {
      List<TraceEvent> on = LaneEvents.of(trace, l);
      return LaneEvents.entered(on, LaneState.PAUSED).size() == before.get(l) + 1 && on.get(on.size() - 1).kind() == EventKind.STATE && on.get(on.size() - 1).state() == LaneState.PAUSED;
    })));
  }

  private static Map<Lane, Integer> holds(Trace trace, List<Lane> lanes) throws Exception {
    return onFx(() -> lanes.stream().collect(Collectors.toMap(l -> l, l -> LaneEvents.entered(LaneEvents.of(trace, l), LaneState.PAUSED).size())));
  }

  /** The lane's events between its {@code from}-th and {@code to}-th hold (counted from 1). */
  private static List<TraceEvent> between(Trace trace, Lane lane, int from, int to) {
    List<TraceEvent> on = LaneEvents.of(trace, lane);
    List<Integer> paused = LaneEvents.entered(on, LaneState.PAUSED);
    return on.subList(paused.get(from - 1) + 1, paused.get(to - 1));
  }


  private static long count(Trace trace, Lane lane, EventKind kind) {
    return LaneEvents.of(trace, lane).stream().filter(e -> e.kind() == kind).count();
  }
}
