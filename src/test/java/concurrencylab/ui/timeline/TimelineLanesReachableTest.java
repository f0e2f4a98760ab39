package concurrencylab.ui.timeline;

import concurrencylab.ui.app.LabWindow;
import concurrencylab.ui.app.Settings;
import concurrencylab.ui.tab.LayoutFocus;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.trace.Lane;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Process with 16 children and Lock with 8 threads, full screen, at every presentation size: the
 * lecturer scrolls the timeline with the mouse wheel and reaches every lane, and the exported
 * picture holds every lane.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineLanesReachableTest {
  private static final double[] SCALES = {1.0, 1.5, 2.0, 2.5};
  private LabWindow window;

  @Start
  void start(Stage stage) throws java.io.IOException {
    // presentation mode and the focus are remembered: in a folder of this test's own, not the other tests'
    Settings settings = new Settings(java.nio.file.Files.createTempDirectory("timeline-lanes-settings"));
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll(), settings);
    stage.setScene(new Scene(window, 1920, 1080));
    stage.show();
  }

  @AfterEach
  void noChildLeftBehind(FxRobot robot) throws Exception {
    robot.interact(window::dispose);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void everyChildOfTheProcessTabCanBeScrolledIntoView(FxRobot robot) throws Exception {
    LessonTab tab = ranWith(robot, "process", "children", 16);
    everyLaneReachableAtEveryScale(robot, tab, 17, 3);
  }

  @Test
  void everyThreadOfTheLockTabCanBeScrolledIntoView(FxRobot robot) throws Exception {
    LessonTab tab = ranWith(robot, "lock", "threads", 8);
    everyLaneReachableAtEveryScale(robot, tab, 9, 3);
  }

  private LessonTab ranWith(FxRobot robot, String lesson, String slider, int value) throws Exception {
    LessonTab tab = window.lessonTabs().stream().filter(t -> t.lesson().id().equals(lesson)).findFirst().orElseThrow();
    robot.interact(() -> window.select(tab));
    Slider control = robot.from(tab.getContent()).lookup("#slider-" + slider).queryAs(Slider.class);
    robot.interact(() -> control.setValue(value));
    javafx.scene.control.ButtonBase run = robot.from(tab.getContent()).lookup("#run").queryAs(javafx.scene.control.ButtonBase.class);
    robot.interact(run::fire);
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !tab.runningProperty().get());
    return tab;
  }

  /** In both layouts (the timeline beside the code, and the timeline focus), the first only below {@code shareBelow}. */
  private void everyLaneReachableAtEveryScale(FxRobot robot, LessonTab tab, int laneCount, double shareBelow) throws Exception {
    try {
      for (LayoutFocus focus : List.of(LayoutFocus.BOTH, LayoutFocus.TIMELINE)) {
        for (double scale : SCALES) {
          if (focus == LayoutFocus.TIMELINE || scale < shareBelow) {
            everyLaneReachable(robot, tab, laneCount, focus, scale);
          }
        }
      }
    } finally {
      robot.interact(() -> window.focusProperty().set(LayoutFocus.BOTH));
    }
  }

  private void everyLaneReachable(FxRobot robot, LessonTab tab, int laneCount, LayoutFocus focus, double scale) throws Exception {
    TimelineCanvas timeline = tab.timeline();
    assertThat(onFx(() -> timeline.trace().lanes().size())).isEqualTo(laneCount);
    {
      robot.interact(() -> {
        window.focusProperty().set(focus);
        window.presentingProperty().set(true);
        window.presentationScaleProperty().set(scale);
      });
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> timeline.scrollLanes(-1e9)); // back to the first lane, as a new run would be
      Set<Integer> seen = new TreeSet<>();
      robot.moveTo(timeline);
      // Monocle's robot turns the wheel the other way round from a real mouse: try down, then up
      for (VerticalDirection direction : VerticalDirection.values()) {
        for (int turn = 0; turn < 3 * laneCount && seen.size() < laneCount; turn++) {
          seen.addAll(visibleLaneIds(timeline));
          robot.scroll(1, direction);
          WaitForAsyncUtils.waitForFxEvents();
          seen.addAll(visibleLaneIds(timeline));
        }
      }
      assertThat(seen).as("lanes brought into view at %s %% in focus %s", scale * 100, focus).hasSize(laneCount);

      // a picture of every lane at twice the pixels: tens of megapixels in software, slow on a busy machine
      WritableImage picture = WaitForAsyncUtils.asyncFx(() -> timeline.renderImage(2)).get(90, TimeUnit.SECONDS);
      double laneHeight = onFx(() -> TimelineCanvas.laneHeight(timeline.getHeight(), laneCount, scale));
      assertThat(picture.getHeight() / 2).as("exported picture's height at %s %%", scale * 100)
          .isGreaterThanOrEqualTo(TimelineCanvas.AXIS_HEIGHT + laneCount * laneHeight);
      double labels = onFx(timeline::labelWidth);
      assertThat(labels).as("label column at %s %%", scale * 100).isLessThanOrEqualTo(Math.max(TimelineCanvas.LABEL_WIDTH, timeline.getWidth() * 0.185));
    }
  }

  private static List<Integer> visibleLaneIds(TimelineCanvas timeline) throws Exception {
    return onFx(() -> timeline.visibleLanes().stream().map(Lane::id).toList());
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }
}
