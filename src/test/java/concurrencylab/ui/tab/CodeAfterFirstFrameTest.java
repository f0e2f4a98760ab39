package concurrencylab.ui.tab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A code view made before its window is on screen (the first tab, as the app starts) leaves its
 * area out of the window's first frame and has it, with its code, font and marks, from the next
 * one on; asked for its area before that, it makes it at once.
 */
@ExtendWith(ApplicationExtension.class)
class CodeAfterFirstFrameTest {
  private static final String CODE = "import os\nprint(os.getpid())\nprint('end')\n";
  private Stage stage;

  @AfterEach
  void close(FxRobot robot) {
    if (stage != null) {
      robot.interact(stage::hide);
    }
  }

  @Test
  void theFirstFrameHasNoAreaAndTheNextHasItWithTheCodeFontAndMarks(FxRobot robot) throws Exception {
    List<Integer> childrenAtEachFrame = new CopyOnWriteArrayList<>();
    CodeView[] view = new CodeView[1];
    robot.interact(() -> {
      view[0] = new CodeView(CODE, CodeSyntax.PYTHON, false, true);
      view[0].setMarkers(Map.of(1, List.of(2)));
      Scene scene = new Scene(view[0], 800, 400);
      scene.addPostLayoutPulseListener(() -> childrenAtEachFrame.add(view[0].getChildren().size()));
      stage = new Stage();
      stage.setScene(scene);
      stage.show();
    });
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> childrenAtEachFrame.stream().anyMatch(n -> n > 0));
    assertThat(childrenAtEachFrame.get(0)).as("children in the first frame").isZero();
    assertThat(onFx(() -> view[0].getChildren().size())).isEqualTo(1);
    assertThat(onFx(() -> view[0].area().getText())).isEqualTo(CODE);
    assertThat(onFx(() -> view[0].area().getParagraph(1).getParagraphStyle())).containsExactly(CodeView.MARKED_LINE);
    assertThat(onFx(() -> view[0].area().getStyle())).contains("-fx-font-size: " + CodeView.BASE_SIZE);
  }

  @Test
  void askedForItsAreaBeforeTheFirstFrameItMakesItAtOnceWithWhatItHolds(FxRobot robot) throws Exception {
    CodeView view = onFx(() -> {
      CodeView made = new CodeView("x = 1\n", CodeSyntax.PYTHON, false, true);
      made.setCode(CODE);
      made.setMarkers(Map.of(2, List.of(0)));
      return made;
    });
    assertThat(onFx(view::text)).isEqualTo(CODE);
    assertThat(onFx(() -> view.getChildren().size())).as("no area yet").isZero();
    assertThat(onFx(() -> view.area().getText())).isEqualTo(CODE);
    assertThat(onFx(() -> view.getChildren().size())).isEqualTo(1);
    assertThat(onFx(() -> view.area().getParagraph(2).getParagraphStyle())).containsExactly(CodeView.MARKED_LINE);
    assertThat(onFx(() -> view.area().getParagraph(0).getParagraphStyle())).isEmpty();
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }
}
