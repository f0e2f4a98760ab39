package concurrencylab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.look.UnusedControls;
import concurrencylab.ui.tab.LayoutFocus;
import concurrencylab.ui.tab.LessonTab;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The base theme leaves out the rules of the controls the app never shows ({@link
 * UnusedControls}): no node of the window has a style class of theirs, in any tab, focus or
 * presentation size.
 */
class UnusedControlsCensusTest extends LabWindowFixture {

  @Test
  void noNodeOfTheWindowHasAStyleClassOfAControlWhoseRulesWereLeftOut(FxRobot robot) throws Exception {
    TreeSet<String> seen = new TreeSet<>();
    for (double scale : new double[] {0, 2.5}) {
      robot.interact(() -> {
        window.presentingProperty().set(scale > 0);
        if (scale > 0) {
          window.presentationScaleProperty().set(scale);
        }
      });
      for (LessonTab tab : onFx(window::lessonTabs)) {
        for (LayoutFocus focus : LayoutFocus.values()) {
          robot.interact(() -> {
            window.select(tab);
            window.focusProperty().set(focus);
          });
          WaitForAsyncUtils.waitForFxEvents();
          seen.addAll(onFx(() -> styleClasses(window.getScene().getRoot())));
        }
      }
    }
    assertThat(seen).as("the window's style classes").contains("button", "tab", "slider", "code-area", "list-view");
    assertThat(seen.stream().filter(UnusedControls::owns).toList()).as("classes of controls whose rules were left out").isEmpty();
  }

  private static List<String> styleClasses(Node root) {
    List<String> classes = new ArrayList<>(root.getStyleClass());
    if (root instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        classes.addAll(styleClasses(child));
      }
    }
    return classes;
  }
}
