package concurrencylab.ui.text;

import concurrencylab.ui.app.LabWindow;
import concurrencylab.ui.tab.LessonTab;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A language switch at runtime reaches every text: after Language ▸ 中文, no text anywhere in the
 * window (every tab's content, shown or not, the menus, tooltips) is an English text of the
 * bundle, and after switching back none is a Chinese one.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
  private LabWindow window;

  @Start
  void start(Stage stage) {
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll());
    stage.setScene(new Scene(window, 1600, 900));
    stage.show();
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(window::dispose);
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  /** The texts of the app's bundle and of every lesson's own, in one language ("" or "_zh_CN"). */
  static Set<String> values(String suffix) throws IOException {
    List<String> files = new ArrayList<>(List.of("/concurrencylab/i18n/messages" + suffix + ".properties"));
    LessonRegistry.createAll().forEach(l -> files.add("/concurrencylab/lesson/" + l.id() + "/texts" + suffix + ".properties"));
    Set<String> values = new HashSet<>();
    for (String file : files) {
      Properties properties = new Properties();
      try (InputStream in = I18n.class.getResourceAsStream(file)) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      properties.values().forEach(v -> values.add(((String) v).replace("''", "'")));
    }
    return values;
  }

  /** Every text the window shows or holds ready: labels, buttons, fields, tooltips, tabs, menus. */
  private List<String> allTexts() {
    List<String> texts = new ArrayList<>();
    walk(window, texts);
    for (LessonTab tab : window.lessonTabs()) {
      texts.add(tab.getText());
      walk(tab.contentNode(), texts);
    }
    return texts;
  }

  static void walk(Node node, List<String> texts) {
    if (node instanceof Labeled labeled) {
      texts.add(labeled.getText());
    }
    if (node instanceof TextInputControl field) {
      texts.add(field.getPromptText());
    }
    if (node instanceof Control control && control.getTooltip() != null) {
      texts.add(control.getTooltip().getText());
    }
    if (node instanceof TabPane pane) {
      pane.getTabs().stream().map(Tab::getText).forEach(texts::add);
    }
    if (node instanceof MenuBar bar) {
      bar.getMenus().forEach(menu -> walk(menu, texts));
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> walk(child, texts));
    }
  }

  static void walk(MenuItem item, List<String> texts) {
    texts.add(item.getText());
    if (item instanceof javafx.scene.control.CustomMenuItem custom && custom.getContent() != null) {
      walk(custom.getContent(), texts);
    }
    if (item instanceof Menu menu) {
      menu.getItems().forEach(child -> walk(child, texts));
    }
  }

  @Test
  void everyTextFollowsTheLanguageThereAndBack(FxRobot robot) throws Exception {
    Set<String> english = values("");
    Set<String> chinese = values("_zh_CN");
    Set<String> onlyEnglish = new HashSet<>(english);
    onlyEnglish.removeAll(chinese);
    Set<String> onlyChinese = new HashSet<>(chinese);
    onlyChinese.removeAll(english);

    robot.clickOn("#tab-pool");
    robot.clickOn("#tab-lock");
    assertThat(onFx(this::allTexts)).as("in English, Chinese texts").noneMatch(onlyChinese::contains);

    robot.clickOn("#menu-language");
    robot.clickOn("#language-zh-CN");
    List<String> inChinese = onFx(this::allTexts);
    assertThat(inChinese).as("texts seen").hasSizeGreaterThan(50);
    assertThat(inChinese).as("in Chinese, English texts of the bundle").noneMatch(onlyEnglish::contains);
    assertThat(inChinese).anyMatch(onlyChinese::contains);

    robot.clickOn("#menu-language");
    robot.clickOn("#language-en");
    List<String> back = onFx(this::allTexts);
    assertThat(back).as("back in English, Chinese texts").noneMatch(onlyChinese::contains);
    assertThat(back).anyMatch(onlyEnglish::contains);
  }
}
