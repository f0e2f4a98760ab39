package concurrencylab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.timeline.TimelineCanvas;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline with the mouse, after a run: Ctrl and the wheel zoom around the pointer, a drag
 * pans, a double-click fits the run again, and a click on a printed line's tick opens a popover
 * that says which lane printed what, when.
 */
class TimelineMouseTest extends LabWindowFixture {



  @Test
  void wheelZoomsDragPansDoubleClickFitsAndATickTellsWhatWasPrinted(FxRobot robot) throws Exception {
    robot.clickOn("#tab-thread");
    LessonTab tab = onFx(window::selected);
    robot.clickOn(robot.from(tab.getContent()).lookup("#run").queryButton());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null && !tab.runningProperty().get()));
    WaitForAsyncUtils.waitForFxEvents();
    TimelineCanvas timeline = tab.timeline();
    long fitStart = onFx(timeline::viewStart);
    long fitSpan = onFx(() -> timeline.viewEnd() - timeline.viewStart());

    robot.moveTo(timeline);
    robot.press(KeyCode.CONTROL);
    try {
      // Monocle's robot turns the wheel the other way round from a real mouse, and by a small
      // delta a notch: find the way that zooms in, then turn until the view is a quarter narrower
      robot.scroll(3, VerticalDirection.UP);
      WaitForAsyncUtils.waitForFxEvents();
      VerticalDirection in = onFx(() -> timeline.viewEnd() - timeline.viewStart()) < fitSpan ? VerticalDirection.UP : VerticalDirection.DOWN;
      for (int notch = 0; notch < 200 && onFx(() -> timeline.viewEnd() - timeline.viewStart()) >= fitSpan * 3 / 4; notch++) {
        robot.scroll(1, in);
      }
      WaitForAsyncUtils.waitForFxEvents();
    } finally {
      robot.release(KeyCode.CONTROL);
    }
    long zoomedSpan = onFx(() -> timeline.viewEnd() - timeline.viewStart());
    assertThat(zoomedSpan).as("the wheel with Ctrl zoomed in").isLessThan(fitSpan * 3 / 4);

    long beforePan = onFx(timeline::viewStart);
    robot.drag(timeline, MouseButton.PRIMARY).moveBy(-300, 0).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(onFx(timeline::viewStart)).as("dragging to the left shows later time").isGreaterThan(beforePan);
    assertThat(onFx(() -> timeline.viewEnd() - timeline.viewStart())).as("a pan keeps the zoom").isEqualTo(zoomedSpan);

    robot.doubleClickOn(timeline);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(onFx(timeline::viewStart)).as("a double-click fits the run").isEqualTo(fitStart);
    assertThat(onFx(() -> timeline.viewEnd() - timeline.viewStart())).isEqualTo(fitSpan);

    Lane printer = onFx(() -> timeline.trace().lanes().stream().filter(l -> l.name().startsWith("Thread")).findFirst().orElseThrow());
    LaneTrack track = onFx(() -> timeline.trace().store().track(printer.id()));
    // a line in the middle of the lane's run: its first and last are beside its start and end marks
    int line = onFx(() -> track.lines().get(track.lines().size() / 2));
    String printed = onFx(() -> track.text(line));
    assertThat(onFx(() -> track.kind(line))).isEqualTo(EventKind.PRINT);
    Point2D where = onFx(() -> timeline.localToScreen(timeline.pointOf(printer.id(), track.time(line))));
    robot.clickOn(where);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#event-details").tryQuery().isPresent());
    String details = onFx(() -> robot.lookup("#event-details").queryAs(Label.class).getText());
    assertThat(details).contains(printer.name()).contains(printed);
  }

}
