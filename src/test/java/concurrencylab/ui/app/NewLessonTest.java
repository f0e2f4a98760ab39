package concurrencylab.ui.app;

import concurrencylab.ui.lessonview.LessonStage;
import concurrencylab.ui.lessonview.LessonViews;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.tab.LogConsole;
import concurrencylab.ui.tab.RunExports;
import concurrencylab.ui.text.I18n;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.countdown.CountdownLesson;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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

/**
 * A lesson is one folder and one registry line: a lesson that exists only in the tests, with a view
 * of its own registered by its id, runs through the real tab, its texts follow the language, its
 * code panels show its own source and script, and it exports.
 */
@ExtendWith(ApplicationExtension.class)
class NewLessonTest {
  /** The test lesson's own view: how many numbers the counter printed, from the run's events. */
  static final class CountdownView implements LessonStage {
    private final Label seen = new Label();
    private final javafx.collections.ObservableList<TraceEvent> events = javafx.collections.FXCollections.observableArrayList();

    CountdownView(CountdownLesson lesson, I18n i18n) {
      seen.setId("countdown-seen");
      seen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
          () -> i18n.get("lesson.countdown.view", CountdownLesson.numbersPrinted(events)), i18n.localeProperty(), events));
    }

    @Override
    public Node node() {
      return seen;
    }

    @Override
    public void show(Trace trace) {
      events.clear();
    }

    @Override
    public void onFrame(List<TraceEvent> batch) {
      if (!batch.isEmpty()) {
        events.addAll(batch);
      }
    }
  }

  private LabWindow window;
  private I18n i18n;
  @TempDir Path temporary;

  @Start
  void start(Stage stage) throws Exception {
    List<Lesson> lessons = new ArrayList<>(LessonRegistry.createAll());
    lessons.add(new CountdownLesson());
    i18n = new I18n(Locale.ENGLISH);
    window = new LabWindow(i18n, lessons, new Settings(Files.createDirectories(temporary.resolve("settings"))),
        LessonViews.standard().with("countdown", CountdownLesson.class, CountdownView::new));
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

  @Test
  void aLessonOnlyTheTestsKnowRunsThroughTheRealTabWithItsOwnViewTextsAndCode(FxRobot robot) throws Exception {
    robot.clickOn("#tab-countdown");
    LessonTab tab = onFx(window::selected);
    assertThat(tab.getText()).isEqualTo("Countdown");
    assertThat(robot.from(tab.getContent()).lookup(".param-caption").queryAllAs(Label.class))
        .extracting(Label::getText).containsExactly("Count down from");
    assertThat(onFx(() -> String.join("\n", tab.code().java().lines()))).contains("// CountdownLesson.java", "counter.print(Integer.toString(n));");
    assertThat(onFx(() -> String.join("\n", tab.code().python().lines()))).contains("FROM = 3\n", "for n in range(FROM, 0, -1):");

    robot.clickOn("#run");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> tab.lastResult() != null));
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
    Label seen = robot.lookup("#countdown-seen").queryAs(Label.class);
    assertThat(onFx(seen::getText)).isEqualTo("numbers seen: 3");
    Label status = robot.from(tab.getContent()).lookup("#status").queryAs(Label.class);
    assertThat(onFx(status::getText)).isEqualTo("Counted down from 3.");

    robot.clickOn("#menu-language");
    robot.clickOn("#language-zh-CN");
    assertThat(onFx(tab::getText)).isEqualTo("倒数");
    assertThat(onFx(seen::getText)).isEqualTo("已看到的数字：3");
    assertThat(onFx(status::getText)).isEqualTo("从 3 倒数完毕。");
    assertThat(onFx(() -> tab.log().lines().stream().map(LogConsole.Line::text).toList())).contains("⚑ 发射");

    Path csv = temporary.resolve("countdown.csv");
    robot.interact(() -> {
      try {
        RunExports.write(tab, window, RunExports.Format.CSV, csv);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(Files.readString(csv)).contains(",counter,", "lift-off");
  }
}
