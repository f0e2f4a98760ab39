package concurrencylab.ui.timeline;

import concurrencylab.ui.app.LabWindow;
import concurrencylab.ui.app.Settings;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRegistry;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
 * Process with 16 children and Lock with 8 threads, full screen, at the smallest and largest
 * presentation size: the exported picture holds every lane, and the lane labels keep their share
 * of the width. (That the lecturer can scroll every lane into view is LayoutMatrixTest's.)
 */
@ExtendWith(ApplicationExtension.class)
class TimelineLanesReachableTest {
  private static final double[] SCALES = {1.0, 1.5, 2.0, 2.5};
  private LabWindow window;
  private java.nio.file.Path settingsFolder;

  @Start
  void start(Stage stage) throws java.io.IOException {
    // presentation mode and the focus are remembered: in a folder of this test's own, not the other tests'
    settingsFolder = java.nio.file.Files.createTempDirectory("timeline-lanes-settings");
    Settings settings = new Settings(settingsFolder);
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll(), settings);
    stage.setScene(new Scene(window, 1920, 1080));
    stage.show();
  }

  @AfterEach
  void noChildLeftBehind(FxRobot robot) throws Exception {
    robot.interact(window::dispose);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    concurrencylab.runtime.TempFolders.delete(settingsFolder);
  }

  @Test
  void theProcessTabsPictureHoldsEveryChild(FxRobot robot) throws Exception {
    LessonTab tab = ranWith(robot, "process", "children", 16);
    exportHoldsEveryLane(robot, tab, 17);
  }

  @Test
  void theLockTabsPictureHoldsEveryThread(FxRobot robot) throws Exception {
    LessonTab tab = ranWith(robot, "lock", "threads", 8);
    exportHoldsEveryLane(robot, tab, 9);
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

  /** Scrolling every lane into view at every size and focus is LayoutMatrixTest's: here, the export. */
  private void exportHoldsEveryLane(FxRobot robot, LessonTab tab, int laneCount) throws Exception {
    TimelineCanvas timeline = tab.timeline();
    assertThat(onFx(() -> timeline.trace().lanes().size())).isEqualTo(laneCount);
    for (double scale : new double[] {1.0, 2.5}) {
      robot.interact(() -> {
        window.presentingProperty().set(true);
        window.presentationScaleProperty().set(scale);
      });
      WaitForAsyncUtils.waitForFxEvents();
      // a picture of every lane at twice the pixels: tens of megapixels in software, slow on a busy machine
      WritableImage picture = WaitForAsyncUtils.asyncFx(() -> timeline.renderImage(2)).get(90, TimeUnit.SECONDS);
      double laneHeight = onFx(() -> TimelineCanvas.laneHeight(timeline.getHeight(), laneCount, scale));
      assertThat(picture.getHeight() / 2).as("exported picture's height at %s %%", scale * 100)
          .isGreaterThanOrEqualTo(TimelineCanvas.AXIS_HEIGHT + laneCount * laneHeight);
      double labels = onFx(timeline::labelWidth);
      assertThat(labels).as("label column at %s %%", scale * 100).isLessThanOrEqualTo(Math.max(TimelineCanvas.LABEL_WIDTH, timeline.getWidth() * 0.185));
    }
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }
}
