package concurrencylab.ui;

import concurrencylab.lesson.progress.ProgressLesson;
import concurrencylab.trace.Trace;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.TaskProgressView;

/**
 * The progress tab's stage: a live meter of frame intervals (a frozen UI thread shows as a tall
 * bar once it thaws), the progress bar of the job on the UI thread, and the list of background
 * jobs with their own progress and a cancel button each.
 */
final class ProgressView implements LessonStage {
  private static final int SAMPLES = 240;
  private static final double FRAME_MS = 1000.0 / 60;

  private final Canvas meter = new Canvas(640, 110);
  private final Label longestLabel = new Label();
  private final ProgressBar uiBar = new ProgressBar(0);
  private final TaskProgressView<Task<Void>> jobsView = new TaskProgressView<>();
  private final VBox root;
  private final I18n i18n;
  private final double[] intervals = new double[SAMPLES];
  private int next;
  private long lastPulse;
  private double longest;

  ProgressView(ProgressLesson lesson, I18n i18n) {
    this.i18n = i18n;
    uiBar.setId("ui-thread-progress");
    uiBar.setPrefWidth(400);
    uiBar.progressProperty().bind(lesson.uiThreadProgress());
    jobsView.setId("jobs");
    jobsView.setPrefHeight(180);
    lesson.backgroundJobs().addListener((ListChangeListener<Task<Void>>) change -> {
      while (change.next()) {
        jobsView.getTasks().addAll(change.getAddedSubList());
      }
    });
    Label meterTitle = new Label();
    meterTitle.textProperty().bind(i18n.text("progress.meter"));
    Label uiTitle = new Label();
    uiTitle.textProperty().bind(i18n.text("progress.uiBar"));
    longestLabel.setId("longest-frame");
    VBox left = new VBox(6, meterTitle, meter, longestLabel, uiTitle, uiBar);
    HBox.setHgrow(jobsView, Priority.ALWAYS);
    HBox row = new HBox(20, left, jobsView);
    root = new VBox(row);
    root.setPadding(new Insets(8, 12, 8, 12));
    root.getStyleClass().add("lesson-stage");
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        pulse(now);
      }
    }.start();
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void show(Trace trace) {
    longest = 0;
  }

  /** The longest interval between two frames since the last run started, in milliseconds. */
  double longestFrameMillis() {
    return longest;
  }

  private void pulse(long now) {
    if (lastPulse != 0) {
      double millis = (now - lastPulse) / 1e6;
      intervals[next] = millis;
      next = (next + 1) % SAMPLES;
      longest = Math.max(longest, millis);
    }
    lastPulse = now;
    longestLabel.setText(i18n.get("progress.longest", Math.round(longest)));
    paintMeter();
  }

  private void paintMeter() {
    GraphicsContext g = meter.getGraphicsContext2D();
    double w = meter.getWidth();
    double h = meter.getHeight();
    g.setFill(Palette.stripe());
    g.fillRect(0, 0, w, h);
    double top = 100;
    for (double v : intervals) {
      top = Math.max(top, v);
    }
    double barW = w / SAMPLES;
    for (int i = 0; i < SAMPLES; i++) {
      double v = intervals[(next + i) % SAMPLES];
      double barH = Math.max(1, v / top * (h - 4));
      g.setFill(v > 3 * FRAME_MS ? Palette.failure() : Palette.lane(0));
      g.fillRect(i * barW, h - barH, Math.max(1, barW - 0.5), barH);
    }
    double y = h - FRAME_MS / top * (h - 4);
    g.setStroke(Palette.text());
    g.setLineDashes(4, 4);
    g.strokeLine(0, y, w, y);
    g.setLineDashes(null);
  }
}
