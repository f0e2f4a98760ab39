package concurrencylab.ui.tab;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.app.LabWindowFixture;
import concurrencylab.ui.look.Palette;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Language ▸ 中文 from the menu, as a person switches: the Java the Lock tab shows takes its
 * Chinese comments, the lanes' marks stay on their lines, and back in English the Java is as it was.
 */
class CodePanelLanguageTest extends LabWindowFixture {
  @Override
  protected double width() {
    return 1600;
  }

  @Override
  protected double height() {
    return 900;
  }

  @Test
  void theJavaCommentsFollowTheLanguageFromTheMenuAndTheMarksStay(FxRobot robot) throws Exception {
    robot.clickOn("#tab-lock");
    CodeView java = onFx(() -> window.selected().code().java());
    String english = onFx(() -> java.area().getText());
    assertThat(english).contains("lock.lock(lane); // may block: one thread at a time")
        .doesNotContain("zh:").doesNotContainPattern("\\p{IsHan}");
    int mayBlock = onFx(() -> indexOf(java.lines(), "// may block"));
    int helper = onFx(() -> indexOf(java.lines(), "// hold count 2"));
    // two lanes stand at two commented lines, as a replay at that time would show them
    Map<Integer, List<Integer>> marks = Map.of(mayBlock, List.of(0), helper, List.of(1));
    onFx(() -> { java.setMarkers(marks); java.layout(); return null; });

    robot.clickOn("#menu-language");
    robot.clickOn("#language-zh-CN");
    WaitForAsyncUtils.waitForFxEvents();
    String chinese = onFx(() -> java.area().getText());
    assertThat(chinese).contains("lock.lock(lane); // 可能阻塞：一次只让一个线程进入", "// LockLesson.java")
        .doesNotContain("// may block", "zh:");
    assertThat(chinese.split("\n", -1)).hasSameSizeAs(english.split("\n", -1));
    assertThat(onFx(() -> indexOf(java.lines(), "// 可能阻塞"))).isEqualTo(mayBlock);
    assertThat(onFx(() -> indexOf(java.lines(), "// 持有计数为 2"))).isEqualTo(helper);
    assertThat(onFx(java::markers)).isEqualTo(marks);
    onFx(() -> { java.layout(); return null; });
    assertThat(onFx(() -> CodeViewTest.dotsOf(java, mayBlock))).containsExactly(Palette.lane(0));
    assertThat(onFx(() -> CodeViewTest.dotsOf(java, helper))).containsExactly(Palette.lane(1));

    robot.clickOn("#menu-language");
    robot.clickOn("#language-en");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(onFx(() -> java.area().getText())).isEqualTo(english);
    assertThat(onFx(java::markers)).isEqualTo(marks);
  }

  /**
   * The Python panel says it shows what Run runs now: after a run, moving a control changes the
   * script's value at once (it kept the recorded run's value until the next Run), and the marks of
   * the run shown stay on their lines.
   */
  @Test
  void afterARunTheScriptsValuesFollowTheControlsAndTheMarksStay(FxRobot robot) throws Exception {
    robot.clickOn("#tab-lock");
    LessonTab tab = onFx(window::selected);
    robot.clickOn("#choice-lockMode-LOCK");
    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null && !tab.runningProperty().get()));
    CodeView python = onFx(() -> tab.code().python());
    int threads = onFx(() -> ((concurrencylab.lesson.lock.LockLesson) tab.lesson()).threads().get());
    assertThat(onFx(() -> python.area().getText())).contains("THREADS = " + threads + "\n");
    Map<Integer, List<Integer>> marks = onFx(python::markers);

    javafx.scene.control.Slider slider = robot.from(tab.getContent()).lookup("#slider-threads").queryAs(javafx.scene.control.Slider.class);
    robot.clickOn(onFx(() -> slider.lookup(".thumb"))).type(javafx.scene.input.KeyCode.END);
    int now = onFx(() -> (int) slider.getValue());
    assertThat(now).isNotEqualTo(threads);
    assertThat(onFx(() -> python.area().getText())).contains("THREADS = " + now + "\n").doesNotContain("THREADS = " + threads + "\n");
    assertThat(onFx(python::markers)).isEqualTo(marks);
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    throw new AssertionError("no line with " + part);
  }
}
