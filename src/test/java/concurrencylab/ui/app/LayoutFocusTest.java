package concurrencylab.ui.app;

import concurrencylab.ui.tab.LayoutFocus;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lecturer chooses what is big: the timeline, the code or both, with the toggle or the F key. */
@ExtendWith(ApplicationExtension.class)
class LayoutFocusTest {
  private LabWindow window;
  private Path settings;
  private Settings saved;
  @TempDir Path temporary;

  @Start
  void start(Stage stage) throws Exception {
    settings = Files.createDirectories(temporary.resolve("settings"));
    saved = new Settings(settings);
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll(), saved);
    stage.setScene(new Scene(window, 1920, 1080));
    stage.show();
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(window::dispose);
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  private double heightOf(FxRobot robot, String selector) throws Exception {
    Node node = robot.from(onFx(() -> window.selected().getContent())).lookup(selector).query();
    return onFx(() -> node.getLayoutBounds().getHeight());
  }

  @Test
  void codeFocusGivesTheCodeTheRoomAndTimelineFocusKeepsHalfTheHeightAtEverySize(FxRobot robot) throws Exception {
    robot.clickOn("#tab-lock");
    double codeBoth = heightOf(robot, "#code-java");
    robot.clickOn("#focus-CODE");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(heightOf(robot, "#code-java")).as("code focus").isGreaterThan(codeBoth * 1.5);
    Node side = robot.from(onFx(() -> window.selected().getContent())).lookup("#side").query();
    assertThat(onFx(side::isVisible)).as("controls beside the code").isFalse();
    saved.flush().get(10, TimeUnit.SECONDS);
    assertThat(new Settings(settings).focus()).as("remembered").isEqualTo(LayoutFocus.CODE);

    Keys.press(robot, window, KeyCode.F); // CODE → BOTH
    assertThat(onFx(() -> window.focusProperty().get())).isEqualTo(LayoutFocus.BOTH);
    assertThat(onFx(() -> ((Labeled) robot.lookup("#focus-BOTH").query()).getText())).isEqualTo("Both");
    robot.clickOn("#focus-TIMELINE");
    for (double scale : new double[] {1.0, 1.5, 2.0, 2.5}) {
      robot.interact(() -> {
        window.presentationScaleProperty().set(scale);
        window.presentingProperty().set(true);
      });
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(heightOf(robot, "#timeline")).as("timeline at %s", scale).isGreaterThanOrEqualTo(1080 / 2.0);
    }
  }

  /** Presenting hides the menu that holds the size's slider: Ctrl+= and Ctrl+− change the size from the keyboard, and the menu says the size as a number. */
  @Test
  void ctrlPlusAndMinusStepThePresentationSizeWhilePresenting(FxRobot robot) throws Exception {
    robot.clickOn("#tab-lock");
    robot.interact(() -> window.presentationScaleProperty().set(1.5));
    Keys.pressWithShortcut(robot, window, javafx.scene.input.KeyCode.EQUALS);
    assertThat(onFx(() -> window.presentingProperty().get())).as("presenting").isTrue();
    assertThat(onFx(() -> window.presentationScaleProperty().get())).isEqualTo(1.75);
    for (int press = 0; press < 8; press++) {
      Keys.pressWithShortcut(robot, window, javafx.scene.input.KeyCode.EQUALS);
    }
    assertThat(onFx(() -> window.presentationScaleProperty().get())).as("no larger than 250 %").isEqualTo(2.5);
    Keys.pressWithShortcut(robot, window, javafx.scene.input.KeyCode.MINUS);
    assertThat(onFx(() -> window.presentationScaleProperty().get())).isEqualTo(2.25);
    robot.interact(() -> window.presentingProperty().set(false));
    robot.clickOn("#menu-view");
    javafx.scene.control.Label size = (javafx.scene.control.Label) robot.lookup("#presentation-scale-label").query();
    assertThat(onFx(size::getText)).isEqualTo("Presentation size: 225 %");
    robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
  }

  @Test
  void presentingFoldsTheExplanationToOneLineAndAClickOpensIt(FxRobot robot) throws Exception {
    robot.clickOn("#tab-lock");
    double open = heightOf(robot, "#explanation");
    robot.interact(() -> window.presentingProperty().set(true));
    WaitForAsyncUtils.waitForFxEvents();
    double folded = heightOf(robot, "#explanation");
    robot.clickOn("#explanation");
    WaitForAsyncUtils.waitForFxEvents();
    double reopened = heightOf(robot, "#explanation");
    assertThat(folded).as("folded to one line").isLessThan(open);
    assertThat(reopened).as("opened by a click").isGreaterThan(folded * 1.5);
  }

  @Test
  void cyclingWithTheKeyBackToBothShowsTheCodeAndTheTimelineAsBothDid(FxRobot robot) throws Exception {
    robot.clickOn("#tab-pool");
    robot.clickOn("#focus-BOTH");
    WaitForAsyncUtils.waitForFxEvents();
    double code = heightOf(robot, "#code-java");
    double timeline = heightOf(robot, "#timeline");
    for (int round = 1; round <= 2; round++) {
      for (int press = 0; press < 3; press++) { // Timeline, Code, Both
        Keys.press(robot, window, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
      }
      assertThat(onFx(() -> window.focusProperty().get())).isEqualTo(LayoutFocus.BOTH);
      Node java = robot.from(onFx(() -> window.selected().getContent())).lookup("#code-java").query();
      assertThat(onFx(() -> java.getScene() != null && java.isVisible())).as("the code is in the window, round %d", round).isTrue();
      assertThat(heightOf(robot, "#code-java")).as("the code's height, round %d", round).isCloseTo(code, org.assertj.core.data.Offset.offset(code * 0.05));
      assertThat(heightOf(robot, "#timeline")).as("the timeline's height, round %d", round).isCloseTo(timeline, org.assertj.core.data.Offset.offset(timeline * 0.05));
    }
  }
}
