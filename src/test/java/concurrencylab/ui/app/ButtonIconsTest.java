package concurrencylab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.ui.look.Icons;
import concurrencylab.ui.look.Theme;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.text.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run buttons show an icon beside their text, in the text's colour and size, whatever the theme. */
@ExtendWith(ApplicationExtension.class)
class ButtonIconsTest {
  private static final Map<String, String> ICONS = new LinkedHashMap<>();

  static {
    ICONS.put("run", Icons.RUN);
    ICONS.put("pause", Icons.PAUSE);
    ICONS.put("step", Icons.STEP);
    ICONS.put("stop", Icons.STOP);
    ICONS.put("replay", Icons.REPLAY);
    ICONS.put("new-seed", Icons.NEW_SEED);
    ICONS.put("focus-TIMELINE", Icons.FOCUS_TIMELINE);
    ICONS.put("focus-CODE", Icons.FOCUS_CODE);
    ICONS.put("focus-BOTH", Icons.FOCUS_BOTH);
  }

  private LabWindow window;
  @TempDir Path temporary;

  @Start
  void start(Stage stage) throws Exception {
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll(), new Settings(Files.createDirectories(temporary.resolve("settings"))));
    stage.setScene(new Scene(window, 1600, 900));
    stage.show();
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(() -> window.themeProperty().set(Theme.LIGHT));
    robot.interact(window::dispose);
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  private void showPool(FxRobot robot) {
    LessonTab pool = window.lessonTabs().stream().filter(t -> t.lesson().id().equals("pool")).findFirst().orElseThrow();
    robot.interact(() -> window.select(pool));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Labeled button(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Labeled.class);
  }

  @Test
  void eachRunButtonHasItsIconBesideItsTranslatedText(FxRobot robot) throws Exception {
    showPool(robot);
    for (Map.Entry<String, String> expected : ICONS.entrySet()) {
      Labeled button = button(robot, expected.getKey());
      assertThat(button.getGraphic()).as(expected.getKey()).isInstanceOf(FontIcon.class);
      FontIcon icon = (FontIcon) button.getGraphic();
      assertThat(icon.getIconCode().getDescription()).as(expected.getKey()).isEqualTo(expected.getValue());
      assertThat(onFx(() -> icon.getLayoutBounds().getWidth())).as("%s: the icon takes room", expected.getKey()).isGreaterThan(8);
      assertThat(button.getText()).as("%s keeps its text", expected.getKey()).isNotBlank();
    }
    String english = button(robot, "run").getText();
    robot.interact(() -> window.i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
    assertThat(button(robot, "run").getText()).isNotEqualTo(english);
    assertThat(button(robot, "run").getGraphic()).isInstanceOf(FontIcon.class);
    robot.interact(() -> window.i18n().localeProperty().set(Locale.ENGLISH));
  }

  /** The File menu's entries start their texts at one x, as a reader scans them: each has an icon. */
  @Test
  void theFileMenusTextsStartInOneColumn(FxRobot robot) throws Exception {
    robot.clickOn("#menu-file");
    WaitForAsyncUtils.waitForFxEvents();
    List<Double> starts = onFx(() -> javafx.stage.Window.getWindows().stream()
        .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
        .flatMap(w -> w.getScene().getRoot().lookupAll(".menu-item").stream())
        .map(item -> item.lookupAll(".text").stream().filter(t -> t instanceof javafx.scene.text.Text text && !text.getText().isBlank()
            && !(t instanceof FontIcon)).findFirst().orElse(null))
        .filter(java.util.Objects::nonNull)
        .map(text -> Math.round(text.localToScene(text.getLayoutBounds()).getMinX() * 2) / 2.0)
        .toList());
    robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    assertThat(starts).as("where each entry's text starts").hasSizeGreaterThanOrEqualTo(5);
    assertThat(starts.stream().distinct().count()).as("columns of text in %s", starts).isEqualTo(1);
  }

  @Test
  void iconsTakeTheTextsColourInEveryThemeAndGrowWithPresentationMode(FxRobot robot) throws Exception {
    showPool(robot);
    Map<Theme, Paint> stopIconColour = new LinkedHashMap<>();
    for (Theme theme : Theme.values()) {
      robot.interact(() -> window.themeProperty().set(theme));
      WaitForAsyncUtils.waitForFxEvents();
      for (String id : ICONS.keySet()) {
        Labeled button = button(robot, id);
        FontIcon icon = (FontIcon) button.getGraphic();
        assertThat(onFx(icon::getIconColor)).as("%s: %s's icon has its text's colour", theme, id).isEqualTo(onFx(button::getTextFill));
      }
      stopIconColour.put(theme, onFx(((FontIcon) button(robot, "stop").getGraphic())::getIconColor));
    }
    assertThat(stopIconColour.get(Theme.DARK)).isNotEqualTo(stopIconColour.get(Theme.LIGHT));

    FontIcon run = (FontIcon) button(robot, "run").getGraphic();
    double normal = onFx(run::getIconSize);
    double textSize = onFx(() -> button(robot, "run").getFont().getSize());
    assertThat(normal).as("an icon about as large as its text").isBetween(textSize * 0.9, textSize * 1.5);
    robot.interact(() -> window.presentationScaleProperty().set(2.0));
    robot.interact(window::requestFocus);
    Keys.press(robot, window, KeyCode.F9);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat((double) onFx(run::getIconSize)).as("presenting at 200 %").isGreaterThanOrEqualTo(normal * 1.8);
    Keys.press(robot, window, KeyCode.F9);
  }
}
