package concurrencylab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.tab.LessonTab;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new user's path, with the app's theme and its Chinese UI font: a run on the Progress tab, then
 * on the Lock tab Timeline focus, Chinese, Both, and back to Progress. The progress stage (its
 * meter and job rows) must have its room: with Chinese type the timeline kept its extra height and
 * the stage was given none at all (drawn at a quarter, in no height).
 */
class StageSurvivesFocusAndLanguageTest extends LabWindowFixture {
  @Test
  void theProgressStageIsShownAgainAfterFocusAndLanguageSwitchesOnAnotherTab(FxRobot robot) throws Exception {
    robot.interact(() -> {
      javafx.application.Application.setUserAgentStylesheet(concurrencylab.ui.look.Theme.LIGHT.userAgentStylesheet());
      concurrencylab.ui.tab.CodeFonts.follow(window.getScene(), window.i18n().localeProperty()); // as the app does
    });
    try {
      path(robot);
    } finally {
      robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }
  }

  private void path(FxRobot robot) throws Exception {
    robot.clickOn("#tab-progress");
    LessonTab progress = onFx(window::selected);
    robot.clickOn(robot.from(progress.getContent()).lookup("#choice-where-BACKGROUND").queryAs(javafx.scene.Node.class));
    robot.clickOn(robot.from(progress.getContent()).lookup("#run").queryButton());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> progress.lastResult() != null && !progress.runningProperty().get()));
    double before = onFx(progress::lessonViewSize);

    robot.clickOn("#tab-lock");
    robot.clickOn("#focus-TIMELINE");
    robot.clickOn("#menu-language");
    robot.clickOn("#language-zh-CN");
    robot.clickOn("#focus-BOTH");
    robot.clickOn("#tab-progress");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(before).as("the stage before").isGreaterThan(0.5);
    assertThat(onFx(progress::lessonViewSize)).as("the stage after the switches on the Lock tab").isGreaterThan(0.5);
    assertThat(onFx(() -> ((javafx.scene.layout.Region) progress.stage().node().getParent()).getHeight())).as("its height").isGreaterThan(150);
  }
}
