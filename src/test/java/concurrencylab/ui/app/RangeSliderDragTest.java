package concurrencylab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.tab.LessonTab;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Pool's sleep range, set with the mouse on both thumbs of its range slider: the caption shows
 * the range to a tenth of a second, and the recorded run's command line carries the same numbers.
 */
class RangeSliderDragTest extends LabWindowFixture {



  @Test
  void bothThumbsDragAndTheRunUsesTheRangeShown(FxRobot robot) throws Exception {
    robot.clickOn("#tab-pool");
    LessonTab tab = onFx(window::selected);
    Node row = robot.from(tab.getContent()).lookup("#param-sleepSeconds").query();
    Label shown = robot.from(row).lookup(".param-value").queryAs(Label.class);
    String before = onFx(shown::getText);
    Node high = robot.from(row).lookup(".high-thumb").query();
    robot.drag(high, MouseButton.PRIMARY).moveBy(-80, 0).release(MouseButton.PRIMARY);
    Node low = robot.from(row).lookup(".low-thumb").query();
    robot.drag(low, MouseButton.PRIMARY).moveBy(15, 0).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    String after = onFx(shown::getText);
    assertThat(after).as("the caption follows the thumbs").isNotEqualTo(before).matches("\\d+\\.\\d – \\d+\\.\\d s");
    String[] ends = after.replace(" s", "").split(" – ");
    assertThat(Double.parseDouble(ends[0])).as("the low thumb moved up from 0").isPositive();
    assertThat(Double.parseDouble(ends[1])).as("the high thumb moved down from 3").isLessThan(3.0).isGreaterThanOrEqualTo(Double.parseDouble(ends[0]));

    robot.clickOn(robot.from(tab.getContent()).lookup("#run").queryButton());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null && !tab.runningProperty().get()));
    java.util.List<String> arguments = onFx(() -> tab.shownRun().arguments());
    String range = arguments.get(arguments.indexOf("--sleepSeconds") + 1);
    assertThat(range.split("-")).as("the run's own range, %s", range)
        .extracting(Double::parseDouble).containsExactly(Double.parseDouble(ends[0]), Double.parseDouble(ends[1]));
  }

}
