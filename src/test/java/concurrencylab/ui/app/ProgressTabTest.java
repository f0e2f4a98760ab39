package concurrencylab.ui.app;

import concurrencylab.ui.tab.LessonTab;
import concurrencylab.ui.tab.LogConsole;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.text.TraceTexts;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.lesson.LessonRegistry;
import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.progress.ProgressLesson;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.geometry.Bounds;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
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
 * The Progress bar tab as a lecturer runs it: every verdict it prints is the frame timing it
 * measured, the UI thread's lane shows what that thread measurably did, and the jobs' bars, Cancel
 * buttons and mode buttons stay readable at any presentation size and in either language.
 */
@ExtendWith(ApplicationExtension.class)
class ProgressTabTest {
  private static final Pattern FIRST_MILLIS = Pattern.compile("(\\d[\\d,]*) ms");

  @TempDir Path settingsFolder;
  private LabWindow window;
  private LessonTab tab;
  private ProgressLesson lesson;

  @Start
  void start(Stage stage) {
    // settings of their own: the presentation sizes tried here must not reach other tests
    window = new LabWindow(new I18n(Locale.ENGLISH), LessonRegistry.createAll(), new Settings(settingsFolder));
    stage.setScene(new Scene(window, 1600, 900));
    stage.show();
  }

  @AfterEach
  void stopEverything(FxRobot robot) throws Exception {
    robot.interact(window::dispose);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> window.lessonTabs().stream().noneMatch(t -> {
      t.onFrame();
      return t.runningProperty().get();
    })));
  }

  private void openTab(FxRobot robot) {
    tab = window.lessonTabs().stream().filter(t -> t.lesson().id().equals("progress")).findFirst().orElseThrow();
    lesson = (ProgressLesson) tab.lesson();
    robot.interact(() -> window.select(tab));
  }

  private <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
    return robot.from(tab.getContent()).lookup("#" + id).queryAs(type);
  }

  private void click(FxRobot robot, String id) {
    Node target = node(robot, id, Node.class);
    robot.interact(() -> scrollIntoView(target));
    robot.clickOn(target);
  }

  /** Scrolls the side panel to {@code target} first, as a person would before clicking it. */
  private static void scrollIntoView(Node target) {
    for (Node n = target.getParent(); n != null; n = n.getParent()) {
      if (n instanceof ScrollPane scroll && scroll.getContent() != null) {
        Bounds content = scroll.getContent().getLayoutBounds();
        Bounds viewport = scroll.getViewportBounds();
        Bounds at = scroll.getContent().sceneToLocal(target.localToScene(target.getLayoutBounds()));
        double room = content.getHeight() - viewport.getHeight();
        if (room > 0) {
          scroll.setVvalue(Math.max(0, Math.min(1, (at.getMinY() - viewport.getHeight() / 3) / room)));
        }
        scroll.layout();
      }
    }
  }

  private void setSlider(FxRobot robot, String key, int value) {
    Slider slider = node(robot, "slider-" + key, Slider.class);
    robot.interact(() -> slider.setValue(value));
  }

  /** Opens the tab and sets its jobs to run in the background: how many, their steps, each step's time. */
  private void openInTheBackground(FxRobot robot, int jobs, int steps, int stepMillis) {
    openTab(robot);
    click(robot, "choice-where-BACKGROUND");
    setSlider(robot, "jobs", jobs);
    setSlider(robot, "steps", steps);
    setSlider(robot, "jobStepMillis", stepMillis);
  }

  private void runToTheEnd(FxRobot robot) throws Exception {
    click(robot, "run");
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> !tab.runningProperty().get()));
    assertThat(tab.lastResult().status()).isEqualTo(LessonRun.Status.COMPLETED);
  }

  private String shown(FxRobot robot, String id) throws Exception {
    Labeled labeled = node(robot, id, Labeled.class);
    return onFx(labeled::getText);
  }

  private static long firstMillis(String text) {
    Matcher m = FIRST_MILLIS.matcher(text);
    assertThat(m.find()).as("a number of milliseconds in: %s", text).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  private List<TraceEvent> lane(String name) throws Exception {
    return onFx(() -> {
      Trace trace = tab.timeline().trace();
      Lane lane = trace.lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
      LaneTrack track = trace.store().track(lane.id());
      List<TraceEvent> events = new ArrayList<>();
      for (int i = 0; i < track.size(); i++) {
        events.add(track.event(lane.id(), i));
      }
      return events;
    });
  }

  /** How long the lane spent in {@code state}, in nanoseconds, and in how many spans. */
  private static long[] timeIn(List<TraceEvent> events, LaneState state) {
    long total = 0;
    long spans = 0;
    long since = -1;
    for (TraceEvent e : events) {
      boolean change = e.kind() == EventKind.STATE || e.kind() == EventKind.START || e.kind() == EventKind.END;
      if (!change) {
        continue;
      }
      if (since >= 0) {
        total += e.time() - since;
        since = -1;
      }
      // a thread runs from its start until it says otherwise
      if (e.kind() == EventKind.STATE ? e.state() == state : e.kind() == EventKind.START && state == LaneState.RUNNING) {
        since = e.time();
        spans++;
      }
    }
    return new long[] {total, spans};
  }

  @Test
  void beforeAnyRunTheMeterShowsNothingAndEachRunStartsItAfresh(FxRobot robot) throws Exception {
    openTab(robot);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(shown(robot, "longest-frame")).isEqualTo("Longest frame: nothing measured yet (press Run)");

    click(robot, "choice-where-UI_THREAD");
    setSlider(robot, "steps", 3);
    setSlider(robot, "jobStepMillis", 100);
    runToTheEnd(robot);
    long frozen = firstMillis(shown(robot, "longest-frame"));
    assertThat(frozen).isGreaterThanOrEqualTo(300);

    click(robot, "choice-where-BACKGROUND");
    setSlider(robot, "steps", 2);
    setSlider(robot, "jobStepMillis", 10);
    runToTheEnd(robot);
    // the freeze of the last run is not carried into this one
    long fresh = firstMillis(shown(robot, "longest-frame"));
    assertThat(fresh).isLessThan(frozen);
  }

  private boolean shownOnStage(FxRobot robot, String id) throws Exception {
    Node node = node(robot, id, Node.class);
    return onFx(() -> {
      for (Node n = node; n != tab.getContent(); n = n.getParent()) {
        if (!n.isVisible()) {
          return false;
        }
      }
      return node.getLayoutBounds().getHeight() > 0;
    });
  }

  @Test
  void theUiThreadsBarAndTheBackgroundJobsShowOnlyWhereTheJobRunsOrRanInTheRunShown(FxRobot robot) throws Exception {
    openTab(robot);
    click(robot, "choice-where-BACKGROUND");
    assertThat(shownOnStage(robot, "ui-thread-progress")).as("no UI-thread bar for background jobs").isFalse();
    assertThat(shownOnStage(robot, "background-jobs")).isTrue();

    click(robot, "choice-where-UI_THREAD");
    assertThat(shownOnStage(robot, "ui-thread-progress")).isTrue();
    assertThat(shownOnStage(robot, "background-jobs")).as("no jobs box for a job on the UI thread").isFalse();
    setSlider(robot, "steps", 2);
    setSlider(robot, "jobStepMillis", 10);
    runToTheEnd(robot);

    click(robot, "choice-where-BACKGROUND");
    assertThat(shownOnStage(robot, "ui-thread-progress")).as("the run shown ran on the UI thread: its bar stays").isTrue();
    assertThat(onFx(() -> node(robot, "ui-thread-progress", javafx.scene.control.ProgressBar.class).getProgress())).isEqualTo(1.0);
    assertThat(shownOnStage(robot, "background-jobs")).as("chosen now").isTrue();
    runToTheEnd(robot);
    assertThat(shownOnStage(robot, "ui-thread-progress")).isFalse();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shownOnStage(robot, "job-bar-job-1")); // laid out at the next pulse
  }

  @Test
  void onTheUiThreadTheVerdictIsTheMeasuredFreezeInTheChosenLanguage(FxRobot robot) throws Exception {
    openTab(robot);
    click(robot, "choice-where-UI_THREAD");
    click(robot, "choice-work-COMPUTE");
    setSlider(robot, "steps", 12);
    setSlider(robot, "jobStepMillis", 100);

    runToTheEnd(robot);

    String status = shown(robot, "status");
    long meter = firstMillis(shown(robot, "longest-frame"));
    assertThat(status).startsWith("The window froze for ").contains("(measured", "limit 100 ms");
    assertThat(firstMillis(status)).as("the verdict's freeze is the meter's longest frame").isEqualTo(meter);
    assertThat(meter).as("12 steps of 100 ms kept the UI thread busy").isGreaterThanOrEqualTo(1200);
    assertThat(status).as("thousands grouped as in English").matches("The window froze for \\d,\\d{3} ms.*");

    // the meter draws the whole run, each frame as wide as it lasted: the freeze of 1.2 s or more in
    // a run of a few seconds is a wide bar in the colour of frames over the limit (it had been one
    // sliver among 240 frames, a 240th of the width)
    javafx.scene.canvas.Canvas meterCanvas = node(robot, "frame-meter", javafx.scene.canvas.Canvas.class);
    double redShare = onFx(() -> {
      javafx.scene.image.WritableImage picture = meterCanvas.snapshot(null, null);
      int width = (int) picture.getWidth();
      int y = (int) picture.getHeight() - 2;
      int red = 0;
      for (int x = 0; x < width; x++) {
        javafx.scene.paint.Color c = picture.getPixelReader().getColor(x, y);
        javafx.scene.paint.Color failure = concurrencylab.ui.look.Palette.failure();
        if (Math.abs(c.getRed() - failure.getRed()) + Math.abs(c.getGreen() - failure.getGreen()) + Math.abs(c.getBlue() - failure.getBlue()) < 0.1) {
          red++;
        }
      }
      return (double) red / width;
    });
    assertThat(redShare).as("the freeze's share of the meter's width").isGreaterThan(0.1);

    // the FX lane shows the job as the UI thread really ran it: busy for at least its 12 steps
    long[] running = timeIn(lane(ProgressLesson.FX_LANE), LaneState.RUNNING);
    assertThat(running[0] / 1_000_000).isGreaterThanOrEqualTo(1200);

    robot.interact(() -> window.i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
    assertThat(shown(robot, "status")).startsWith("窗口冻结了 ").contains("毫秒");
    assertThat(shown(robot, "longest-frame")).startsWith("自按下运行以来最长的一帧");
    assertThat(firstMillisZh(shown(robot, "status"))).isEqualTo(meter);

    // back in English the verdict fits its box at 100 %: no scroll bar beside it (one stayed)
    robot.interact(() -> window.i18n().localeProperty().set(Locale.ENGLISH));
    WaitForAsyncUtils.waitForFxEvents();
    Node verdict = node(robot, "status", Node.class);
    boolean barShown = onFx(() -> {
      Node up = verdict.getParent();
      while (!(up instanceof ScrollPane)) {
        up = up.getParent();
      }
      return up.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar.isVisible()
          && ((javafx.scene.control.ScrollBar) bar).getOrientation() == javafx.geometry.Orientation.VERTICAL);
    });
    assertThat(barShown).as("a scroll bar beside a verdict that fits").isFalse();
  }

  private static long firstMillisZh(String text) {
    Matcher m = Pattern.compile("(\\d[\\d,]*) 毫秒").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  @Test
  void inTheBackgroundTheVerdictComparesTheMeasuredLongestFrameWithTheLimit(FxRobot robot) throws Exception {
    openTab(robot);
    click(robot, "choice-where-BACKGROUND");
    click(robot, "choice-work-COMPUTE");
    setSlider(robot, "jobs", 2);
    setSlider(robot, "steps", 6);
    setSlider(robot, "jobStepMillis", 50);

    runToTheEnd(robot);

    String status = shown(robot, "status");
    long longest = firstMillis(shown(robot, "longest-frame"));
    assertThat(status).startsWith("Longest frame " + longest + " ms (limit 100 ms): ");
    if (longest <= ProgressLesson.FRAME_LIMIT_MILLIS) {
      assertThat(status).endsWith("the window stayed responsive while 2 background jobs ran.");
    } else {
      int cores = Runtime.getRuntime().availableProcessors();
      assertThat(status).endsWith("the 2 background jobs and the window shared " + (cores == 1 ? "one CPU core." : cores + " CPU cores."));
    }
  }

  @Test
  void theUiThreadLaneIsBusyWhenItsFramesAreAndWaitsOtherwise(FxRobot robot) throws Exception {
    openTab(robot);
    click(robot, "choice-where-BACKGROUND");
    click(robot, "choice-work-WAIT");
    setSlider(robot, "jobs", 1);
    setSlider(robot, "steps", 10);
    setSlider(robot, "jobStepMillis", 100);
    // a window that is slow to draw: every frame of the run costs the UI thread 20 ms more
    AtomicInteger heavyFrames = new AtomicInteger();
    AnimationTimer heavy = new AnimationTimer() {
      @Override
      public void handle(long now) {
        if (tab.runningProperty().get() && !lesson.backgroundJobs().isEmpty()) {
          long until = System.nanoTime() + 20_000_000;
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
          heavyFrames.incrementAndGet();
        }
      }
    };
    click(robot, "run");
    // started after the run's own frame watch, so it runs inside the frames the run measures
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !lesson.backgroundJobs().isEmpty()));
    robot.interact(heavy::start);
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> !tab.runningProperty().get()));
    robot.interact(heavy::stop);

    List<TraceEvent> fx = lane(ProgressLesson.FX_LANE);
    long[] running = timeIn(fx, LaneState.RUNNING);
    assertThat(heavyFrames.get()).isPositive();
    assertThat(running[1]).as("busy spans on the FX lane").isGreaterThanOrEqualTo(heavyFrames.get() / 2);
    assertThat(running[0]).as("time the FX lane shows busy, ns").isGreaterThanOrEqualTo(heavyFrames.get() * 20_000_000L / 2);
    assertThat(timeIn(fx, LaneState.WAITING)[0]).as("and idle in between").isPositive();
  }

  @Test
  void theJavaJobWaitsOrComputesAsChosen(FxRobot robot) throws Exception {
    openInTheBackground(robot, 1, 4, 50);

    assertThat(onFx(() -> node(robot, "choice-work-WAIT", ToggleButton.class).isSelected())).as("waiting is the default").isTrue();
    runToTheEnd(robot);
    List<TraceEvent> waited = lane("job-1");
    assertThat(timeIn(waited, LaneState.SLEEPING)[0] / 1_000_000).isGreaterThanOrEqualTo(4 * 50);

    click(robot, "choice-work-COMPUTE");
    runToTheEnd(robot);
    List<TraceEvent> computed = lane("job-1");
    assertThat(timeIn(computed, LaneState.SLEEPING)[1]).isZero();
    assertThat(timeIn(computed, LaneState.RUNNING)[0] / 1_000_000).isGreaterThanOrEqualTo(4 * 50);
  }

  @Test
  void aJobCancelledWithItsButtonEndsCancelled(FxRobot robot) throws Exception {
    openInTheBackground(robot, 2, 50, 100);

    click(robot, "run");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> robot.from(tab.getContent()).lookup("#cancel-job-1").tryQuery().isPresent()
        && robot.from(tab.getContent()).lookup("#cancel-job-2").tryQuery().isPresent()));
    click(robot, "cancel-job-1");
    click(robot, "cancel-job-2");
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> !tab.runningProperty().get()));

    for (String job : List.of("job-1", "job-2")) {
      List<TraceEvent> events = lane(job);
      TraceEvent end = events.get(events.size() - 1);
      assertThat(end.kind()).isEqualTo(EventKind.END);
      Lane laneOf = onFx(() -> tab.timeline().trace().lane(end.lane()));
      assertThat(onFx(() -> TraceTexts.text(end.text(), window.i18n()))).isEqualTo("cancelled");
      robot.interact(() -> window.i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
      assertThat(onFx(() -> TraceTexts.text(end.text(), window.i18n()))).isEqualTo("已取消");
      robot.interact(() -> window.i18n().localeProperty().set(Locale.ENGLISH));
    }
    assertThat(onFx(() -> tab.log().lines().stream().map(LogConsole.Line::text).toList())).anyMatch(t -> t.contains("cancelled"));
    assertThat(shown(robot, "job-step-job-1")).matches("cancelled after \\d+ of 50 steps");
    assertThat(onFx(() -> node(robot, "cancel-job-1", Button.class).isDisabled())).isTrue();
  }

  /**
   * From 150 % on, Timeline focus puts the stage in a column beside the lanes: there the meter
   * narrows to the column and each job's bar keeps the column's width, instead of the whole stage
   * being drawn smaller than at 100 % (it was 77 %, captions and bars slivers).
   */
  @Test
  void besideTheLanesAtLargeTypeTheStageIsLargerThanAt100AndItsBarsAreWhole(FxRobot robot) throws Exception {
    openInTheBackground(robot, 2, 3, 10);
    runToTheEnd(robot);

    for (double scale : new double[] {1.5, 2.5}) {
      robot.interact(() -> {
        window.presentationScaleProperty().set(scale);
        window.presentingProperty().set(true);
      });
      robot.clickOn(robot.lookup("#focus-TIMELINE").queryAs(Node.class));
      WaitForAsyncUtils.waitForFxEvents();
      String where = scale + "× in Timeline focus";
      assertThat(onFx(tab::lessonViewSize)).as("the stage's size against 100 %% at %s", where).isGreaterThanOrEqualTo(1.0);
      for (String job : List.of("job-1", "job-2")) {
        double bar = onFx(() -> node(robot, "job-bar-" + job, ProgressBar.class).getWidth());
        double step = onFx(() -> node(robot, "job-step-" + job, Labeled.class).getWidth());
        assertThat(bar).as("%s's bar beside its step at %s", job, where).isGreaterThanOrEqualTo(step);
        assertWhole(node(robot, "job-step-" + job, Labeled.class), where);
      }
      Labeled meterCaption = onFx(() -> robot.from(tab.getContent())
          .lookup((Labeled l) -> l.getText() != null && l.getText().startsWith("Time between frames")).queryAs(Labeled.class));
      assertWhole(meterCaption, where);
    }
  }

  @Test
  void theJobsRowsShowHowEachJobEndedUntilTheNextRun(FxRobot robot) throws Exception {
    openInTheBackground(robot, 2, 3, 10);

    runToTheEnd(robot);

    for (String job : List.of("job-1", "job-2")) {
      assertThat(shown(robot, "job-step-" + job)).isEqualTo("done: 3 of 3 steps");
      assertThat(onFx(() -> node(robot, "job-bar-" + job, ProgressBar.class).getProgress())).isEqualTo(1.0);
      assertThat(onFx(() -> node(robot, "cancel-" + job, Button.class).isDisabled())).isTrue();
    }
    robot.interact(() -> window.i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
    assertThat(shown(robot, "job-step-job-1")).isEqualTo("已完成：3 步，共 3 步");
    robot.interact(() -> window.i18n().localeProperty().set(Locale.ENGLISH));

    setSlider(robot, "jobs", 1);
    setSlider(robot, "steps", 1);
    runToTheEnd(robot);
    assertThat(onFx(() -> robot.from(tab.getContent()).lookup(".job-row").queryAll().size())).as("the rows of this run only").isEqualTo(1);
    assertThat(shown(robot, "job-step-job-1")).isEqualTo("done: 1 of 1 step");
  }

  @Test
  void barsCancelButtonsAndModeButtonsStayReadableAtEveryScaleInBothLanguages(FxRobot robot) throws Exception {
    openInTheBackground(robot, 2, 50, 200);
    click(robot, "run");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> robot.from(tab.getContent()).lookup("#job-bar-job-2").tryQuery().isPresent()));

    for (double scale : new double[] {1.0, 1.5, 2.5}) {
      for (Locale locale : I18n.LANGUAGES) {
        robot.interact(() -> {
          window.i18n().localeProperty().set(locale);
          window.presentationScaleProperty().set(scale);
          window.presentingProperty().set(scale > 1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String where = scale + "× in " + locale;
        for (String job : List.of("job-1", "job-2")) {
          ProgressBar bar = node(robot, "job-bar-" + job, ProgressBar.class);
          assertThat(onFx(bar::getHeight)).as("bar of %s at %s", job, where).isGreaterThanOrEqualTo(12 * scale);
          Button cancel = node(robot, "cancel-" + job, Button.class);
          assertThat(onFx(() -> cancel.getFont().getSize())).as("Cancel type at %s", where).isGreaterThanOrEqualTo(14 * scale);
          assertWhole(cancel, where);
        }
        for (String mode : List.of("choice-where-UI_THREAD", "choice-where-BACKGROUND", "choice-work-WAIT", "choice-work-COMPUTE")) {
          assertWhole(node(robot, mode, ToggleButton.class), where);
        }
      }
    }
    robot.interact(tab::stop);
  }

  /** What a button draws is its whole text: nothing cut to "…". */
  private static void assertWhole(Labeled labeled, String where) throws Exception {
    String drawn = onFx(() -> {
      StringBuilder text = new StringBuilder();
      labeled.lookupAll(".text").forEach(n -> {
        if (n instanceof Text t) {
          text.append(t.getText());
        }
      });
      return text.toString();
    });
    String full = onFx(labeled::getText);
    assertThat(drawn.replace("\n", " ").replaceAll("\\s+", " ").trim())
        .as("%s at %s", labeled.getId(), where).isEqualTo(full.replaceAll("\\s+", " ").trim());
  }
}
