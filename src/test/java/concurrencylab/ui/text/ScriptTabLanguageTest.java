package concurrencylab.ui.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.ui.app.LabWindow;
import concurrencylab.ui.app.Settings;
import concurrencylab.ui.tab.LessonTab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** {@link LanguageSwitchTest}'s walk with a "Your script" tab open, run and failed: every text of it follows the switch. */
@ExtendWith(ApplicationExtension.class)
class ScriptTabLanguageTest {
  @TempDir Path dir;
  private LabWindow window;

  @Start
  void start(Stage stage) throws Exception {
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll(), new Settings(Files.createTempDirectory("script-language")));
    stage.setScene(new Scene(window, 1600, 900));
    stage.show();
  }

  @AfterEach
  void close(FxRobot robot) throws Exception {
    robot.interact(window::dispose);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  private List<String> allTexts() {
    List<String> texts = new ArrayList<>();
    LanguageSwitchTest.walk(window, texts);
    for (LessonTab tab : window.lessonTabs()) {
      texts.add(tab.getText());
      LanguageSwitchTest.walk(tab.contentNode(), texts);
    }
    return texts;
  }

  @Test
  void theScriptTabFollowsTheLanguageThereAndBack(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !((Label) robot.lookup("#python-status").query()).getText().contains("looking")));
    assumeTrue(onFx(() -> window.scripts().canRun()), "no Python 3.8+ on this machine");
    Path file = Files.writeString(dir.resolve("oops.py"), "print('a')\nprint(1 / 0)\n");
    window.scripts().open(file).get(10, TimeUnit.SECONDS);
    LessonTab tab = onFx(window::selected);
    assertThat(tab.getId()).isEqualTo("tab-script");
    robot.clickOn(robot.from(tab.getContent()).lookup("#run").queryButton());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#script-error").queryAs(Label.class).isVisible()));
    robot.clickOn("#script-editor").write("# edited\n"); // the unsaved-changes note shows too

    Set<String> onlyEnglish = new HashSet<>(LanguageSwitchTest.values(""));
    onlyEnglish.removeAll(LanguageSwitchTest.values("_zh_CN"));
    Set<String> onlyChinese = new HashSet<>(LanguageSwitchTest.values("_zh_CN"));
    onlyChinese.removeAll(LanguageSwitchTest.values(""));

    robot.clickOn("#menu-language");
    robot.clickOn("#language-zh-CN");
    List<String> inChinese = onFx(this::allTexts);
    assertThat(inChinese).as("in Chinese, English texts of the bundle").noneMatch(onlyEnglish::contains);
    assertThat(inChinese).contains("你的脚本：oops.py •", "保存", "另存为…", "工作目录", "有未保存的改动", "打开 Python 脚本…");
    assertThat(inChinese).anyMatch(t -> t != null && t.startsWith("第 2 行：ZeroDivisionError"));

    robot.clickOn("#menu-language");
    robot.clickOn("#language-en");
    List<String> back = onFx(this::allTexts);
    assertThat(back).as("back in English, Chinese texts").noneMatch(onlyChinese::contains);
    assertThat(back).contains("Your script: oops.py •", "Save");
  }
}
