package concurrencylab.ui.app;

import concurrencylab.ui.tab.LessonTab;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Leaving a tab mid-run stops it, and says so at once; its children are asked to end and do, so
 * their lanes say "stopped", not "killed".
 */
class LeavingATabTest extends LabWindowFixture {
  @Override
  protected double width() {
    return 1600;
  }

  @Override
  protected double height() {
    return 900;
  }





  private static long childrenRunning(Trace trace) {
    return trace.lanes().stream().filter(l -> l.name().startsWith("Process-")).filter(l -> {
      LaneTrack track = trace.store().track(l.id());
      for (int i = 0; i < track.size(); i++) {
        if (track.kind(i) == EventKind.PRINT && track.text(i).endsWith("running...")) {
          return true;
        }
      }
      return false;
    }).count();
  }

  @Test
  void leavingMidRunSaysSoAtOnceAndTheChildrenEndBecauseTheyWereAsked(FxRobot robot) throws Exception {
    robot.clickOn("#tab-process");
    LessonTab tab = onFx(window::selected);
    robot.clickOn("#slider-children .thumb");
    robot.type(KeyCode.END);
    robot.clickOn("#slider-maxSleepMillis .thumb");
    robot.type(KeyCode.END);
    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> childrenRunning(tab.timeline().trace()) == 16));
    Label status = robot.from(tab.getContent()).lookup("#status").queryAs(Label.class);

    String right = onFx(() -> {
      // Ctrl+3, and the status read in the same pulse as the key press
      javafx.event.Event.fireEvent(window, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.DIGIT3,
          false, true, false, false));
      return status.getText();
    });
    assertThat(right).startsWith("Stopping: you left the tab");
    assertThat(onFx(() -> window.selected().lesson().id())).isEqualTo("pool");

    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null));
    Trace trace = tab.timeline().trace();
    List<Lane> children = trace.lanes().stream().filter(l -> l.name().startsWith("Process-")).toList();
    assertThat(children).hasSize(16);
    for (Lane child : children) {
      LaneTrack track = trace.store().track(child.id());
      assertThat(track.kind(track.size() - 1)).isEqualTo(EventKind.END);
      assertThat(concurrencylab.export.EnglishTexts.render(track.text(track.size() - 1))).as("how %s ended", child.name()).isIn("stopped (asked to end)", "exit 0");
    }
    assertThat(children).anySatisfy(child -> {
      LaneTrack track = trace.store().track(child.id());
      assertThat(concurrencylab.export.EnglishTexts.render(track.text(track.size() - 1))).isEqualTo("stopped (asked to end)");
    });
    robot.clickOn("#tab-process");
    assertThat(onFx(status::getText)).startsWith("Stopped: you left the tab while it ran.");
  }
}
