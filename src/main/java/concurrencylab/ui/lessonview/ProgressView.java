package concurrencylab.ui.lessonview;

import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.text.TraceTexts;
import concurrencylab.lesson.progress.FrameMeter;
import concurrencylab.lesson.progress.LoopTurns;
import concurrencylab.lesson.progress.ProgressLesson;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The progress tab's stage: the meter of the frames the lesson measured during the run (a frozen
 * UI thread shows as a tall bar once it thaws), the progress bar of the job on the UI thread, and
 * the background jobs, each with its bar, its step and a Cancel button. The meter is empty until
 * the first Run and starts again at each. A Python run is read from its events ({@link LoopTurns}):
 * the meter shows the time between the turns of the script's event loop, the bars what the loop
 * drew; its jobs have no Cancel (only Stop reaches into the script).
 */
public final class ProgressView implements LessonStage, FrameMeter {
  private static final double FRAME_MS = 1000.0 / 60;
  private static final double METER_WIDTH = 640;
  private static final double METER_HEIGHT = 110;
  /** Thick enough to read from the back of a room; grows with the presentation scale. */
  static final double BAR_HEIGHT = 14;

  private final ProgressLesson lesson;
  private final I18n i18n;
  private final Canvas meter = new Canvas(METER_WIDTH, METER_HEIGHT);
  /** The meter's place: as wide as the meter wants, narrower in a column beside the timeline. */
  private final Pane meterPane = new Pane(meter);
  private final Label longestLabel = new Label();
  private final ProgressBar uiBar = new ProgressBar(0);
  private final VBox jobRows = new VBox(8);
  private final ScrollPane jobsScroll = new ScrollPane(jobRows);
  /** The Java jobs' rows: of the jobs running, and of those of the last run that have ended. */
  private final Map<Task<Void>, JobRow> rows = new HashMap<>();
  /** The run whose jobs the rows show: a replay of it keeps them, a new run clears them. */
  private Trace shownRun;
  private final VBox root;
  private final VBox left;
  private final VBox right;
  /** Frame gaps of the current (or last) run in milliseconds, oldest first. */
  private double[] intervals = new double[1024];
  private int filled;
  /** Their sum: the time the meter's width stands for. */
  private double measuredMillis;
  /** The longest of them: what the meter's height stands for (unrounded, unlike {@link #longest}). */
  private double longestMillis;
  /** The longest frame of the run in whole milliseconds; -1 before the first run. */
  private final LongProperty longest = new SimpleLongProperty(-1);
  private double scale = 1;
  private final Label meterTitle = new Label();
  private final Label uiTitle = new Label();
  private final Label jobsTitle = new Label();
  /** The Python run being shown, or null for a Java run. */
  private LoopTurns turns;
  /** A Python job's row: its thread's name, the bar the loop drew, its step. */
  private record PythonRow(HBox node, Label title, ProgressBar bar, Label step) {}
  /** A Java job's row: its bar, its step, and its Cancel button, which ends with the job. */
  private record JobRow(HBox node, Label title, ProgressBar bar, Label step, Button cancel, int steps) {}
  /** Whether the stage stands in a column beside the timeline: each job's row is then two lines. */
  private boolean inColumn;
  /** Where the shown run ran its job; null before the first run. */
  private final javafx.beans.property.ObjectProperty<ProgressLesson.Where> shownWhere = new javafx.beans.property.SimpleObjectProperty<>();
  /** The Python jobs' rows by lane id: in the order the threads started, whichever is drawn first. */
  private final java.util.TreeMap<Integer, PythonRow> pythonRows = new java.util.TreeMap<>();

  ProgressView(ProgressLesson lesson, I18n i18n) {
    this.lesson = lesson;
    this.i18n = i18n;
    uiBar.setId("ui-thread-progress");
    meter.setId("frame-meter");
    uiBar.progressProperty().bind(lesson.uiThreadProgress());
    lesson.backgroundJobs().addListener((ListChangeListener<Task<Void>>) change -> {
      while (change.next()) {
        change.getRemoved().forEach(this::jobEnded);
        change.getAddedSubList().forEach(this::addRow);
      }
    });
    lesson.showFramesOn(this);
    bindTitles(false);
    longestLabel.setId("longest-frame");
    // bound anew when the figure changes (only when a frame is the longest so far), so that the
    // text is always i18n's binding and follows a language switch
    longest.addListener((obs, old, now) -> bindLongest());
    bindLongest();
    // the meter follows its place's width: in a column beside the timeline it is narrower, not
    // the whole view drawn smaller (at 250 % the captions came out smaller than at 100 %)
    meter.widthProperty().bind(meterPane.widthProperty());
    meter.widthProperty().addListener(o -> paintMeter());
    for (Label caption : List.of(meterTitle, longestLabel, uiTitle, jobsTitle)) {
      caption.setWrapText(true);
    }
    left = new VBox(6, meterTitle, meterPane, longestLabel, uiTitle, uiBar);
    // the UI thread's bar and the background jobs each show only where the job runs now or ran in
    // the run shown: an empty bar beside a background run told the class nothing
    showOnlyFor(ProgressLesson.Where.UI_THREAD, uiTitle, uiBar);
    left.setMinWidth(Region.USE_PREF_SIZE);
    jobRows.setId("jobs");
    jobRows.setFillWidth(true);
    jobsScroll.setFitToWidth(true);
    jobsScroll.getStyleClass().add("job-list");
    right = new VBox(6, jobsTitle, jobsScroll);
    HBox.setHgrow(right, Priority.ALWAYS);
    right.setId("background-jobs");
    showOnlyFor(ProgressLesson.Where.BACKGROUND, right);
    root = new VBox(new HBox(20, left, right));
    root.setPadding(new Insets(8, 12, 8, 12));
    root.getStyleClass().add("lesson-stage");
    setScale(1);
  }

  private void showOnlyFor(ProgressLesson.Where where, Node... nodes) {
    var shown = Bindings.createBooleanBinding(() -> lesson.where().get() == where || shownWhere.get() == where,
        lesson.where().value(), shownWhere);
    for (Node node : nodes) {
      node.visibleProperty().bind(shown);
      node.managedProperty().bind(shown);
    }
  }

  private void bindLongest() {
    longestLabel.textProperty().bind(longest.get() < 0
        ? i18n.text("progress.longest.none")
        : i18n.text(turns == null ? "progress.longest" : "progress.longest.python", longest.get(), ProgressLesson.FRAME_LIMIT_MILLIS));
  }

  /** The captions say what is measured: the window's frames in Java, the script's loop in Python. */
  private void bindTitles(boolean python) {
    String suffix = python ? ".python" : "";
    meterTitle.textProperty().bind(i18n.text("progress.meter" + suffix));
    uiTitle.textProperty().bind(i18n.text("progress.uiBar" + suffix));
    jobsTitle.textProperty().bind(i18n.text("progress.jobs" + suffix));
  }

  @Override
  public void show(Trace trace) {
    boolean python = LoopTurns.applies(trace);
    turns = python ? new LoopTurns(trace) : null;
    bindTitles(python);
    shownWhere.set(trace.runInfo().value(lesson.where().key()).map(ProgressLesson.Where::valueOf).orElse(lesson.where().get()));
    pythonRows.values().forEach(row -> jobRows.getChildren().remove(row.node()));
    pythonRows.clear();
    if (trace != shownRun) {
      shownRun = trace;
      clearEndedJobs();
    }
    if (python) {
      uiBar.progressProperty().unbind();
      uiBar.setProgress(0);
      runStarted();
    } else if (!uiBar.progressProperty().isBound()) {
      uiBar.progressProperty().bind(lesson.uiThreadProgress());
    }
    bindLongest();
  }

  @Override
  public void onFrame(List<TraceEvent> batch) {
    if (turns == null || batch.isEmpty()) {
      return;
    }
    LoopTurns.Batch read = turns.add(batch);
    for (long gap : read.gapsNanos()) {
      frame(gap);
    }
    int steps = Math.max(1, turns.trace().runInfo().intValue("steps", lesson.steps().get()));
    read.drawnByLane().forEach((lane, drawn) -> {
      double done = Math.min(1, (double) drawn / steps);
      if (lane == turns.loopLane()) {
        uiBar.setProgress(done);
      } else {
        PythonRow row = pythonRows.computeIfAbsent(lane, this::pythonRow);
        row.bar().setProgress(done);
        row.step().textProperty().bind(i18n.text("progress.job.step", drawn, steps));
      }
    });
  }

  /** A Python job's row, shown among the others in lane order; no Cancel. */
  private PythonRow pythonRow(int lane) {
    String name = TraceTexts.text(turns.trace().lane(lane).name(), i18n);
    Label title = new Label(name);
    title.setMinWidth(Region.USE_PREF_SIZE);
    ProgressBar bar = new ProgressBar(0);
    bar.setId("job-bar-" + name);
    bar.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(bar, Priority.ALWAYS);
    sizeBar(bar);
    Label step = new Label();
    step.setId("job-step-" + name);
    step.setMinWidth(Region.USE_PREF_SIZE);
    HBox row = new HBox(10);
    arrange(row, title, bar, step, null);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add("job-row");
    Integer before = pythonRows.higherKey(lane);
    jobRows.getChildren().add(before == null ? jobRows.getChildren().size() : jobRows.getChildren().indexOf(pythonRows.get(before).node()), row);
    return new PythonRow(row, title, bar, step);
  }

  /**
   * A job's row: its name, bar, step and Cancel (a Python job has none) in one line; in a column
   * beside the timeline the step and Cancel go under the bar, which keeps the width of the column
   * instead of a sliver beside the texts.
   */
  private void arrange(HBox row, Label title, ProgressBar bar, Label step, Button cancel) {
    if (inColumn) {
      HBox below = cancel == null ? new HBox(10, step) : new HBox(10, step, cancel);
      below.setAlignment(Pos.CENTER_LEFT);
      VBox barAndStep = new VBox(4, bar, below);
      HBox.setHgrow(barAndStep, Priority.ALWAYS);
      row.getChildren().setAll(title, barAndStep);
    } else if (cancel == null) {
      row.getChildren().setAll(title, bar, step);
    } else {
      row.getChildren().setAll(title, bar, step, cancel);
    }
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void setScale(double scale) {
    this.scale = scale;
    meterPane.setPrefWidth(METER_WIDTH * scale);
    meterPane.setMaxWidth(METER_WIDTH * scale);
    meterPane.setMinHeight(METER_HEIGHT * scale);
    meterPane.setPrefHeight(METER_HEIGHT * scale);
    meter.setHeight(METER_HEIGHT * scale);
    uiBar.setPrefWidth(400 * scale);
    sizeBar(uiBar);
    rows.values().forEach(row -> sizeBar(row.bar()));
    pythonRows.values().forEach(row -> sizeBar(row.bar()));
    jobsScroll.setPrefViewportHeight(150 * scale);
    paintMeter();
  }

  @Override
  public void repaint() {
    paintMeter();
  }

  @Override
  public boolean fitsColumn() {
    return true;
  }

  /** In a column the frame meter stands above the background jobs, not beside them. */
  @Override
  public void setInColumn(boolean inColumn) {
    this.inColumn = inColumn;
    rows.values().forEach(row -> arrange(row.node(), row.title(), row.bar(), row.step(), row.cancel()));
    pythonRows.values().forEach(row -> arrange(row.node(), row.title(), row.bar(), row.step(), null));
    root.getChildren().setAll(inColumn ? new VBox(20, left, right) : new HBox(20, left, right));
    left.setMinWidth(inColumn ? 0 : Region.USE_PREF_SIZE);
    meterPane.setMinWidth(inColumn ? 0 : Region.USE_PREF_SIZE);
  }

  private void sizeBar(ProgressBar bar) {
    bar.setMinHeight(BAR_HEIGHT * scale);
    bar.setPrefHeight(BAR_HEIGHT * scale);
  }

  private void addRow(Task<Void> task) {
    Label title = new Label(task.getTitle()); // the thread's name, as on its lane
    title.setMinWidth(Region.USE_PREF_SIZE);
    ProgressBar bar = new ProgressBar(0);
    bar.setId("job-bar-" + task.getTitle());
    bar.progressProperty().bind(Bindings.max(0, task.progressProperty()));
    bar.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(bar, Priority.ALWAYS);
    sizeBar(bar);
    int steps = lesson.steps().get();
    Label step = new Label();
    step.setId("job-step-" + task.getTitle());
    step.setMinWidth(Region.USE_PREF_SIZE);
    step.textProperty().bind(i18n.text("progress.job.step", 0, steps));
    task.workDoneProperty().addListener((obs, old, now) -> {
      if (lesson.backgroundJobs().contains(task)) { // once it has ended, the row says how
        step.textProperty().bind(i18n.text("progress.job.step", Math.max(0, Math.round(now.doubleValue())), steps));
      }
    });
    Button cancel = new Button();
    cancel.setId("cancel-" + task.getTitle());
    cancel.textProperty().bind(i18n.text("progress.job.cancel"));
    cancel.setMinWidth(Region.USE_PREF_SIZE);
    cancel.setOnAction(e -> task.cancel());
    HBox row = new HBox(10);
    arrange(row, title, bar, step, cancel);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add("job-row");
    rows.put(task, new JobRow(row, title, bar, step, cancel, steps));
    jobRows.getChildren().add(row);
  }

  /**
   * A job's thread has ended: its row stays until the next run, its bar where the job left it and
   * its step saying how it ended, so that the class sees the result after the run.
   */
  private void jobEnded(Task<Void> task) {
    JobRow row = rows.get(task);
    if (row == null) {
      return;
    }
    row.cancel().setDisable(true);
    long done = Math.max(0, Math.round(task.getWorkDone()));
    String outcome = task.isCancelled() ? "progress.job.cancelled" : done < row.steps() ? "progress.job.stopped" : "progress.job.done";
    row.step().textProperty().bind(i18n.text(outcome, done, row.steps()));
  }

  private void clearEndedJobs() {
    rows.entrySet().removeIf(entry -> {
      boolean ended = !lesson.backgroundJobs().contains(entry.getKey());
      if (ended) {
        jobRows.getChildren().remove(entry.getValue().node());
      }
      return ended;
    });
  }

  @Override
  public void runStarted() {
    filled = 0;
    measuredMillis = 0;
    longestMillis = 0;
    longest.set(0);
    paintMeter();
  }

  @Override
  public void frame(long gapNanos) {
    double millis = gapNanos / 1e6;
    if (filled == intervals.length) {
      intervals = Arrays.copyOf(intervals, filled * 2);
    }
    intervals[filled++] = millis;
    measuredMillis += millis;
    longestMillis = Math.max(longestMillis, millis);
    longest.set(Math.max(longest.get(), Math.round(millis)));
    paintMeter();
  }

  /** The longest frame the meter shows, in milliseconds; -1 before the first run. */
  public long longestFrameMillis() {
    return longest.get();
  }

  private void paintMeter() {
    GraphicsContext g = meter.getGraphicsContext2D();
    double w = meter.getWidth();
    double h = meter.getHeight();
    g.setFill(Palette.stripe());
    g.fillRect(0, 0, w, h);
    double top = Math.max(ProgressLesson.FRAME_LIMIT_MILLIS * 1.2, longestMillis);
    // the whole run from left to right, each frame as wide as it lasted: a freeze of a second in a
    // run of four is a quarter of the meter (it had been one sliver among 240 frames). A column
    // shows the longest frame that touches it, so the drawing costs the meter's width.
    int columns = Math.max(0, (int) Math.ceil(w));
    double[] longestIn = new double[columns];
    double perMilli = measuredMillis > 0 ? w / measuredMillis : 0;
    double at = 0;
    for (int k = 0; k < filled; k++) {
      double v = intervals[k];
      int first = (int) Math.floor(at);
      at += v * perMilli;
      int last = Math.min(columns - 1, Math.max(first, (int) Math.ceil(at) - 1));
      for (int c = Math.max(0, first); c <= last; c++) {
        longestIn[c] = Math.max(longestIn[c], v);
      }
    }
    for (int c = 0; c < columns; c++) {
      int run = c;
      while (run + 1 < columns && longestIn[run + 1] == longestIn[c]) {
        run++;
      }
      if (longestIn[c] > 0) {
        double barH = Math.max(1, longestIn[c] / top * (h - 4));
        g.setFill(longestIn[c] > ProgressLesson.FRAME_LIMIT_MILLIS ? Palette.failure() : Palette.lane(0));
        g.fillRect(c, h - barH, run - c + 1, barH);
      }
      c = run;
    }
    double y = h - FRAME_MS / top * (h - 4);
    g.setStroke(Palette.text());
    g.setLineDashes(4, 4);
    g.strokeLine(0, y, w, y);
    g.setLineDashes(null);
  }
}
