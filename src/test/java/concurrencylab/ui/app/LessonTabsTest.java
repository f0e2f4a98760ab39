package concurrencylab.ui.app;

import concurrencylab.ui.lessonview.LockStage;
import concurrencylab.ui.lessonview.ProgressView;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.lesson.progress.ProgressLesson;
import javafx.concurrent.Task;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the Process and Pool tabs as a lecturer does: pick the tab, move sliders, press Run. */
@ExtendWith(ApplicationExtension.class)
class LessonTabsTest {
  private LabWindow window;

  @Start
  void start(Stage stage) {
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll());
    stage.setScene(new Scene(window, 1600, 900));
    stage.show();
  }

  @AfterEach
  void noChildLeftBehind(FxRobot robot) throws Exception {
    robot.interact(window::dispose);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.lessonTabs().stream().noneMatch(t -> t.runningProperty().get()) || stopAndCheck());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
  }

  private boolean stopAndCheck() {
    window.lessonTabs().forEach(LessonTab::onFrame);
    return false;
  }

  private LessonTab tab(FxRobot robot, String id) {
    LessonTab tab = window.lessonTabs().stream().filter(t -> t.lesson().id().equals(id)).findFirst().orElseThrow();
    robot.interact(() -> window.select(tab));
    return tab;
  }

  private static void setSlider(FxRobot robot, LessonTab tab, String id, double value) {
    Slider slider = robot.from(tab.getContent()).lookup("#slider-" + id).queryAs(Slider.class);
    robot.interact(() -> slider.setValue(value));
  }

  /** Presses a button of the tab as a click would (firing it, so a busy machine cannot make the pointer miss). */
  private static void click(FxRobot robot, LessonTab tab, String id) {
    javafx.scene.control.ButtonBase button = robot.from(tab.getContent()).lookup("#" + id).queryAs(javafx.scene.control.ButtonBase.class);
    robot.interact(button::fire);
  }

  private static void awaitEnd(LessonTab tab) throws Exception {
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !tab.runningProperty().get());
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  /** The events of each lane, read on the FX thread where the tab syncs the trace. */
  private static List<List<TraceEvent>> eventsPerLane(LessonTab tab) throws Exception {
    return onFx(() -> {
      Trace trace = tab.timeline().trace();
      List<List<TraceEvent>> lanes = new ArrayList<>();
      for (Lane lane : trace.lanes()) {
        LaneTrack track = trace.store().track(lane.id());
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
          events.add(track.event(lane.id(), i));
        }
        lanes.add(events);
      }
      return lanes;
    });
  }

  private static List<String> texts(List<TraceEvent> events, EventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).map(TraceEvent::text).toList();
  }

  @Test
  void processTabRunsRealChildrenEachOnItsOwnLane(FxRobot robot) throws Exception {
    LessonTab tab = tab(robot, "process");
    setSlider(robot, tab, "children", 4);
    setSlider(robot, tab, "maxSleepMillis", 300);

    click(robot, tab, "run");
    awaitEnd(tab);

    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
    List<Lane> lanes = onFx(() -> tab.timeline().trace().lanes());
    List<List<TraceEvent>> events = eventsPerLane(tab);
    assertThat(lanes).hasSize(5);
    long self = ProcessHandle.current().pid();
    Set<Long> childPids = lanes.stream().skip(1).map(Lane::pid).collect(Collectors.toSet());
    assertThat(childPids).hasSize(4).doesNotContain(self);
    for (Lane child : lanes.subList(1, 5)) {
      List<String> lines = texts(events.get(child.id()), EventKind.PRINT);
      assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("(" + child.pid() + ")"));
    }
    assertThat(texts(events.get(0), EventKind.PRINT)).contains("process end").startsWith("parent process " + self);
    assertThat(tab.log().lines()).anySatisfy(line -> {
      assertThat(line.lane()).isEqualTo("main");
      assertThat(line.text()).isEqualTo("process end");
    });
  }

  @Test
  void stopDuringARunEndsEveryChild(FxRobot robot) throws Exception {
    LessonTab tab = tab(robot, "process");
    setSlider(robot, tab, "children", 4);
    setSlider(robot, tab, "maxSleepMillis", 5000);
    click(robot, tab, "choice-join-ALL");

    click(robot, tab, "run");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
        () -> eventsPerLane(tab).stream().flatMap(List::stream).anyMatch(e -> e.text().contains("running...")));
    click(robot, tab, "stop");
    awaitEnd(tab);

    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.STOPPED);
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    List<List<TraceEvent>> events = eventsPerLane(tab);
    assertThat(events.subList(1, events.size())).allSatisfy(lane -> assertThat(lane).last().satisfies(e -> assertThat(e.kind()).isEqualTo(EventKind.END)));
  }

  @Test
  void poolTabRunsEveryTaskOnceOnItsWorkersAndShowsTheOneThatThrows(FxRobot robot) throws Exception {
    LessonTab tab = tab(robot, "pool");
    setSlider(robot, tab, "processes", 2);
    setSlider(robot, tab, "tasks", 6);
    setSlider(robot, tab, "failingTask", 2);
    robot.interact(() -> ((concurrencylab.lesson.pool.PoolLesson) tab.lesson()).sleepSeconds().high().set(0.4));

    click(robot, tab, "run");
    awaitEnd(tab);

    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
    List<Lane> lanes = onFx(() -> tab.timeline().trace().lanes());
    List<List<TraceEvent>> events = eventsPerLane(tab);
    List<Lane> workers = lanes.stream().filter(l -> l.kind() == LaneKind.PROCESS && l.parentId() == 0).toList();
    assertThat(workers).hasSize(2);
    List<Long> begun = new ArrayList<>();
    for (Lane lane : lanes) {
      List<TraceEvent> tasks = events.get(lane.id()).stream()
          .filter(e -> e.kind() == EventKind.TASK_BEGIN || e.kind() == EventKind.TASK_END || e.kind() == EventKind.TASK_FAILED)
          .toList();
      if (!workers.contains(lane)) {
        assertThat(tasks).as("tasks only on worker lanes").isEmpty();
        continue;
      }
      for (int i = 0; i < tasks.size(); i++) {
        boolean begin = tasks.get(i).kind() == EventKind.TASK_BEGIN;
        assertThat(begin).as("one task at a time on %s", lane.name()).isEqualTo(i % 2 == 0);
        if (begin) {
          begun.add(tasks.get(i).value());
          assertThat(tasks.get(i + 1).value()).isEqualTo(tasks.get(i).value());
        }
      }
    }
    assertThat(begun).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
    List<TraceEvent> failures = events.stream().flatMap(List::stream).filter(e -> e.kind() == EventKind.TASK_FAILED).toList();
    assertThat(failures).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo(2));
    assertThat(tab.log().lines()).anySatisfy(line -> assertThat(line.text()).startsWith("task 2 raised:"));
    assertThat(new HashSet<>(texts(events.stream().flatMap(List::stream).toList(), EventKind.PRINT)))
        .contains("task 0 end.", "task 1 end.", "task 3 end.", "task 4 end.", "task 5 end.")
        .doesNotContain("task 2 end.");
  }

  @Test
  void shortcutsPickATabRunAndStop(FxRobot robot) throws Exception {
    robot.interact(window::requestFocus);
    LessonTab process = window.lessonTabs().get(1);
    LessonTab pool = window.lessonTabs().get(2);
    Keys.pressWithShortcut(robot, window, javafx.scene.input.KeyCode.DIGIT3);
    assertThat(onFx(window::selected)).isSameAs(pool);
    Keys.pressWithShortcut(robot, window, javafx.scene.input.KeyCode.DIGIT2);
    assertThat(onFx(window::selected)).isSameAs(process);
    setSlider(robot, process, "maxSleepMillis", 5000);
    robot.interact(window::requestFocus);

    Keys.press(robot, window, javafx.scene.input.KeyCode.F5);
    assertThat(process.runningProperty().get()).isTrue();
    Keys.press(robot, window, javafx.scene.input.KeyCode.ESCAPE);
    awaitEnd(process);

    assertThat(process.lastResult().status()).isEqualTo(LessonRun.Status.STOPPED);
  }

  @Test
  void leavingARunningTabStopsItsRun(FxRobot robot) throws Exception {
    LessonTab pool = tab(robot, "pool");
    robot.interact(pool::run);
    LessonTab process = tab(robot, "process");

    awaitEnd(pool);

    assertThat(onFx(window::selected)).isSameAs(process);
    assertThat(pool.lastResult().status()).isEqualTo(LessonRun.Status.STOPPED);
  }

  @Test
  void aBackgroundJobReportsItsProgressToTheEnd(FxRobot robot) throws Exception {
    LessonTab tab = tab(robot, "progress");
    ProgressLesson lesson = (ProgressLesson) tab.lesson();
    List<Task<Void>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    robot.interact(() -> {
      lesson.where().value().set(ProgressLesson.Where.BACKGROUND);
      lesson.jobs().set(2);
      lesson.steps().set(5);
      lesson.stepMillis().set(20);
      lesson.backgroundJobs().addListener((javafx.collections.ListChangeListener<Task<Void>>) c -> {
        while (c.next()) {
          seen.addAll(c.getAddedSubList());
        }
      });
    });

    click(robot, tab, "run");
    awaitEnd(tab);

    assertThat(seen).hasSize(2);
    for (Task<Void> task : seen) {
      assertThat(onFx(task::getState)).isEqualTo(javafx.concurrent.Worker.State.SUCCEEDED);
      assertThat(onFx(task::getProgress)).isEqualTo(1.0);
    }
    assertThat(onFx(() -> lesson.backgroundJobs().size())).isZero();
  }

  @Test
  void aCancelledJobStopsBeforeItsEnd(FxRobot robot) throws Exception {
    LessonTab tab = tab(robot, "progress");
    ProgressLesson lesson = (ProgressLesson) tab.lesson();
    robot.interact(() -> {
      lesson.where().value().set(ProgressLesson.Where.BACKGROUND);
      lesson.jobs().set(1);
      lesson.steps().set(50);
      lesson.stepMillis().set(100);
    });

    click(robot, tab, "run");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !lesson.backgroundJobs().isEmpty() && lesson.backgroundJobs().get(0).getProgress() > 0));
    Task<Void> job = onFx(() -> lesson.backgroundJobs().get(0));
    robot.interact(() -> job.cancel());
    awaitEnd(tab);

    assertThat(job.isCancelled()).isTrue();
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
    List<String> lines = eventsPerLane(tab).stream().flatMap(List::stream).filter(e -> e.kind() == EventKind.PRINT).map(TraceEvent::text).toList();
    assertThat(lines).anyMatch(l -> l.startsWith("job-1 cancelled at step")).doesNotContain("job-1 step 50/50");
  }

  @Test
  void aJobOnTheUiThreadFreezesTheFramesForItsWholeDuration(FxRobot robot) throws Exception {
    LessonTab tab = tab(robot, "progress");
    ProgressLesson lesson = (ProgressLesson) tab.lesson();
    robot.interact(() -> {
      lesson.where().value().set(ProgressLesson.Where.UI_THREAD);
      lesson.steps().set(6);
      lesson.stepMillis().set(100);
    });

    click(robot, tab, "run");
    awaitEnd(tab);

    double longest = onFx(() -> ((ProgressView) tab.stage()).longestFrameMillis());
    assertThat(longest).isGreaterThanOrEqualTo(600);
    assertThat(onFx(() -> lesson.uiThreadProgress().get())).isEqualTo(1.0);
  }

  @Test
  void theLockStageCountsWhatTheThreadsWrote(FxRobot robot) throws Exception {
    LessonTab tab = tab(robot, "lock");
    LockLesson lesson = (LockLesson) tab.lesson();
    robot.interact(() -> lesson.mode().value().set(LockLesson.Mode.LOCK));
    setSlider(robot, tab, "threads", 3);
    setSlider(robot, tab, "increments", 4);
    setSlider(robot, tab, "stepMillis", 0);
    javafx.scene.control.TextField prediction = robot.from(tab.getContent()).lookup("#prediction").queryAs(javafx.scene.control.TextField.class);
    robot.interact(() -> prediction.setText("12"));

    click(robot, tab, "run");
    awaitEnd(tab);

    assertThat(onFx(() -> ((LockStage) tab.stage()).counterShown())).isEqualTo(12);
    assertThat(robot.from(tab.getContent()).lookup("#verdict").queryAs(Labeled.class).getText()).isEqualTo("You predicted 12; the counter is 12.");
  }

  @Test
  void noVisibleControlShowsARawKeyInEitherLanguage(FxRobot robot) throws Exception {
    for (Locale locale : I18n.LANGUAGES) {
      robot.interact(() -> window.i18n().localeProperty().set(locale));
      List<String> texts = onFx(() -> {
        List<String> found = new ArrayList<>();
        window.lessonTabs().forEach(t -> found.add(t.getText()));
        collect(window, found);
        window.lessonTabs().forEach(t -> collect(t.contentNode(), found));
        return found;
      });
      assertThat(texts).isNotEmpty().noneMatch(t -> t.matches("(?s).*\\[[a-zA-Z]+\\.[\\w.]+\\].*"));
    }
  }

  private static void collect(Parent parent, List<String> texts) {
    for (Node node : parent.getChildrenUnmodifiable()) {
      if (node instanceof Labeled labeled && labeled.getText() != null) {
        texts.add(labeled.getText());
      }
      if (node instanceof Parent child) {
        collect(child, texts);
      }
    }
  }
}
