package concurrencylab.ui.app;

import concurrencylab.ui.timeline.TimelineCanvas;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.look.Theme;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.tab.LogConsole;
import concurrencylab.ui.tab.RunExports;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.thread.ThreadLesson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Themes, presentation mode, the shortcut overlay and replay, as a lecturer uses them. */
@ExtendWith(ApplicationExtension.class)
class LectureFeaturesTest {
  private LabWindow window;
  private Path settingsFolder;
  private Settings settings;
  @TempDir Path temporary;

  @Start
  void start(Stage stage) throws Exception {
    settingsFolder = Files.createDirectories(temporary.resolve("settings"));
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll(), settings = new Settings(settingsFolder));
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

  @Test
  void aThemeSwitchSwapsTheStylesheetRepaintsTheCanvasAndIsRemembered(FxRobot robot) throws Exception {
    for (Theme theme : Theme.values()) {
      robot.interact(() -> window.themeProperty().set(theme));

      List<String> sheets = onFx(() -> List.copyOf(window.getStylesheets()));
      assertThat(sheets).contains(theme.stylesheet());
      assertThat(sheets).filteredOn(s -> java.util.Arrays.stream(Theme.values()).anyMatch(t -> t.stylesheet().equals(s))).hasSize(1);
      assertThat(onFx(javafx.application.Application::getUserAgentStylesheet)).as("the base theme").isEqualTo(theme.userAgentStylesheet());
      javafx.scene.paint.Color corner = onFx(() -> {
        LessonTab tab = window.selected();
        tab.timeline().paint();
        return tab.timeline().snapshot(null, null).getPixelReader().getColor(2, 2);
      });
      assertThat(corner).isEqualTo(Palette.background());
      settings.flush().get(10, TimeUnit.SECONDS);
      assertThat(new Settings(settingsFolder).theme()).isEqualTo(theme);
    }
    assertThat(Palette.background()).isNotEqualTo(javafx.scene.paint.Color.WHITE);
  }

  @Test
  void presentationModeScalesTheTypeHidesTheMenuAndIsRemembered(FxRobot robot) throws Exception {
    robot.interact(() -> window.presentationScaleProperty().set(2.0));
    robot.interact(window::requestFocus);
    Keys.press(robot, window, KeyCode.F9);

    assertThat(onFx(window::getStyle)).contains("-fx-font-size: 32px");
    assertThat(onFx(() -> window.getTop().isVisible())).isFalse();
    settings.flush().get(10, TimeUnit.SECONDS);
    Settings remembered = new Settings(settingsFolder);
    assertThat(remembered.presenting()).isTrue();
    assertThat(remembered.presentationScale()).isEqualTo(2.0);

    Keys.press(robot, window, KeyCode.F9);
    assertThat(onFx(window::getStyle)).contains("-fx-font-size: 16px");
  }

  @Test
  void theQuestionMarkKeyShowsTheShortcutsAndEscHidesThem(FxRobot robot) throws Exception {
    robot.interact(window::requestFocus);
    Keys.press(robot, window, KeyCode.SLASH);
    assertThat(onFx(window::shortcutsShown)).isTrue();
    Keys.press(robot, window, KeyCode.ESCAPE);
    assertThat(onFx(window::shortcutsShown)).isFalse();
    Keys.press(robot, window, KeyCode.F1);
    assertThat(onFx(window::shortcutsShown)).isTrue();
  }

  @Test
  void aRecordedRunIsExportedAndItsCommandLineCopied(FxRobot robot) throws Exception {
    LessonTab tab = window.lessonTabs().stream().filter(t -> t.lesson().id().equals("fork")).findFirst().orElseThrow();
    robot.interact(() -> {
      window.select(tab);
      tab.run();
    });
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tab.lastResult() != null);
    Path folder = Files.createDirectories(temporary.resolve("export"));

    for (RunExports.Format format : RunExports.Format.values()) {
      Path file = folder.resolve(format.name() + "." + format.extension);
      assertThat(onFx(() -> window.export(format, file))).as(format.name()).isTrue();
      assertThat(file).isNotEmptyFile();
    }
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("CHROME_TRACE.json").toFile());
    assertThat(json.toString()).contains("\"child\"").contains("I am the child process");
    assertThat(Files.readAllLines(folder.resolve("CSV.csv")).get(0)).isEqualTo(concurrencylab.export.CsvWriter.HEADER);
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(folder.resolve("TIMELINE_PNG.png").toFile());
    assertThat(png.getWidth()).isEqualTo((int) Math.round(onFx(() -> tab.timeline().getWidth()) * 2));

    String command = onFx(window::copyCommandLine);
    assertThat(command).startsWith("java -jar ").contains(" record fork ");
    assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).isEqualTo(command);
  }

  @Test
  void clickingAPrintedLineShowsItsDetails(FxRobot robot) throws Exception {
    LessonTab tab = window.lessonTabs().stream().filter(t -> t.lesson().id().equals("fork")).findFirst().orElseThrow();
    robot.interact(() -> {
      window.select(tab);
      tab.run();
    });
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tab.lastResult() != null);

    String details = onFx(() -> {
      TimelineCanvas timeline = tab.timeline();
      concurrencylab.trace.LaneTrack child = timeline.trace().store().track(1);
      long printed = child.lines().timeOf(0);
      double x = TimelineCanvas.LABEL_WIDTH + (printed - timeline.viewStart()) * (timeline.getWidth() - TimelineCanvas.LABEL_WIDTH)
          / (double) (timeline.viewEnd() - timeline.viewStart());
      double laneHeight = TimelineCanvas.laneHeight(timeline.getHeight(), timeline.trace().lanes().size(), 1);
      concurrencylab.trace.TraceEvent event = timeline.eventNear(x, TimelineCanvas.AXIS_HEIGHT + laneHeight * 1.5);
      return tab.describe(timeline.trace().lane(event.lane()), event);
    });

    assertThat(details).startsWith("child (PID ").contains("print").contains("I am the child process");
  }

  @Test
  void keysZoomFitAndReplayTheTimeline(FxRobot robot) throws Exception {
    LessonTab tab = window.lessonTabs().stream().filter(t -> t.lesson().id().equals("fork")).findFirst().orElseThrow();
    robot.interact(() -> window.select(tab));
    Keys.press(robot, window, KeyCode.SPACE);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tab.lastResult() != null);
    long fitted = onFx(() -> tab.timeline().viewEnd() - tab.timeline().viewStart());

    Keys.press(robot, window, KeyCode.PLUS);
    assertThat(onFx(() -> tab.timeline().viewEnd() - tab.timeline().viewStart())).isBetween(fitted / 2 - 2, fitted / 2 + 2);
    Keys.press(robot, window, KeyCode.MINUS);
    Keys.press(robot, window, KeyCode.MINUS);
    assertThat(onFx(() -> tab.timeline().viewEnd() - tab.timeline().viewStart())).isGreaterThan(fitted);
    Keys.press(robot, window, KeyCode.DIGIT0);
    assertThat(onFx(() -> tab.timeline().viewEnd() - tab.timeline().viewStart())).isEqualTo(fitted);
    @SuppressWarnings("unchecked")
    javafx.scene.control.ChoiceBox<Double> speed = robot.from(tab.getContent()).lookup("#replay-speed").queryAs(javafx.scene.control.ChoiceBox.class);
    robot.interact(() -> speed.setValue(0.1)); // a tenth of real time: the replay lasts long enough to watch
    assertThat(onFx(() -> tab.replayingProperty().get())).as("replaying before R").isFalse();
    Keys.press(robot, window, KeyCode.R);
    assertThat(onFx(() -> tab.replayingProperty().get())).as("replaying after R").isTrue();
    long end = onFx(() -> tab.timeline().trace().store().endTime());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> tab.timeline().cursor() > 0 && tab.timeline().cursor() < end));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !tab.replayingProperty().get() && tab.timeline().cursor() == -1));
  }

  @Test
  void replayShowsTheSameLogAtTheCursorAsTheLiveRunHad(FxRobot robot) throws Exception {
    LessonTab tab = window.lessonTabs().stream().filter(t -> t.lesson().id().equals("thread")).findFirst().orElseThrow();
    ThreadLesson lesson = (ThreadLesson) tab.lesson();
    robot.interact(() -> {
      window.select(tab);
      lesson.work().threads().set(3);
      lesson.work().urls().set(3);
      lesson.work().maxSleepMillis().set(100);
      tab.run();
    });
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !tab.runningProperty().get());
    List<LogConsole.Line> live = onFx(() -> tab.log().lines());
    long middle = live.get(live.size() / 2).time();

    robot.interact(() -> tab.timeline().setCursor(-1));
    javafx.scene.control.Slider scrubber = robot.from(tab.getContent()).lookup("#scrubber").queryAs(javafx.scene.control.Slider.class);
    robot.interact(() -> scrubber.setValue(middle / 1e6));

    List<LogConsole.Line> atCursor = onFx(() -> tab.log().lines());
    java.util.Map<Integer, List<Integer>> javaMarks = onFx(() -> tab.code().java().markers());
    java.util.Map<Integer, List<Integer>> pythonMarks = onFx(() -> tab.code().python().markers());
    assertThat(javaMarks).as("a line marked for each lane that is somewhere at the cursor").isNotEmpty();
    assertThat(pythonMarks).isNotEmpty();
    assertThat(javaMarks.values().stream().mapToInt(List::size).sum()).isBetween(1, 4);
    assertThat(atCursor).isNotEmpty().isEqualTo(live.stream().filter(l -> l.time() <= (long) (middle / 1e6 * 1e6)).toList());
    assertThat(atCursor.size()).isLessThan(live.size());

    @SuppressWarnings("unchecked")
    javafx.scene.control.ChoiceBox<Double> speed = robot.from(tab.getContent()).lookup("#replay-speed").queryAs(javafx.scene.control.ChoiceBox.class);
    robot.interact(() -> {
      speed.setValue(0.1);
      tab.replay();
    });
    assertThat(onFx(() -> tab.replayingProperty().get())).isTrue();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !tab.replayingProperty().get()));
    assertThat(onFx(() -> tab.log().lines())).isEqualTo(live);
  }
}
