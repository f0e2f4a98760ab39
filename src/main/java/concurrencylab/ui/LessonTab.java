package concurrencylab.ui;

import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonRun;
import concurrencylab.trace.TraceEvent;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The frame every lesson shares: its explanation, controls, Run / Stop, the timeline, the log and
 * the code. The tab owns at most one run at a time; what the run recorded is drained once per frame
 * by {@link #onFrame()}, and the window keeps the last run's state until the next Run.
 */
public final class LessonTab extends Tab {
  private final Lesson lesson;
  private final I18n i18n;
  private final TimelineCanvas timeline;
  private final LogConsole log;
  private final Label status = new Label();
  private final Button run = new Button();
  private final Button stop = new Button();
  private final VBox controls = new VBox(14);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final LessonStage stage;
  private LessonRun current;
  private LessonRun.Result lastResult;

  public LessonTab(Lesson lesson, I18n i18n) {
    this.lesson = lesson;
    this.i18n = i18n;
    this.timeline = new TimelineCanvas(i18n);
    this.log = new LogConsole(i18n);
    this.stage = LessonStages.create(lesson, i18n);
    setId("tab-" + lesson.id());
    textProperty().bind(i18n.text(lesson.titleKey()));
    setClosable(false);
    setContent(layout());
    setStatus("status.ready");
    i18n.localeProperty().addListener((obs, old, now) -> refreshStatus());
  }

  private BorderPane layout() {
    Label title = new Label();
    title.textProperty().bind(i18n.text(lesson.titleKey()));
    title.getStyleClass().add("lesson-title");
    Label explanation = new Label();
    explanation.textProperty().bind(i18n.text(lesson.explanationKey()));
    explanation.setWrapText(true);
    explanation.getStyleClass().add("lesson-explanation");
    VBox header = new VBox(6, title, explanation);
    header.getStyleClass().add("lesson-header");

    run.setId("run");
    run.textProperty().bind(i18n.text("button.run"));
    run.getStyleClass().add("run-button");
    run.setDefaultButton(false);
    run.setOnAction(e -> run());
    run.disableProperty().bind(running);
    stop.setId("stop");
    stop.textProperty().bind(i18n.text("button.stop"));
    stop.setOnAction(e -> stop());
    stop.disableProperty().bind(running.not());
    HBox buttons = new HBox(10, run, stop);
    status.setId("status");
    status.setWrapText(true);
    status.getStyleClass().add("run-status");

    for (LessonParameter parameter : lesson.parameters()) {
      controls.getChildren().add(ParameterControls.create(parameter, i18n));
    }
    controls.disableProperty().bind(running);
    VBox side = new VBox(18, controls, buttons, status);
    side.getStyleClass().add("lesson-controls");
    ScrollPane sideScroll = new ScrollPane(side);
    sideScroll.setFitToWidth(true);
    sideScroll.setPrefWidth(380);
    sideScroll.setMinWidth(320);

    log.setId("log");
    timeline.setId("timeline");
    SplitPane bottom = new SplitPane(new CodePanel(lesson, i18n), log);
    bottom.setOrientation(Orientation.HORIZONTAL);
    bottom.setDividerPositions(0.64);
    Node top = timeline;
    if (stage != null) {
      VBox.setVgrow(timeline, Priority.ALWAYS);
      top = new VBox(stage.node(), timeline);
    }
    SplitPane center = new SplitPane(top, bottom);
    center.setOrientation(Orientation.VERTICAL);
    center.setDividerPositions(0.56);

    BorderPane pane = new BorderPane(center);
    pane.setTop(header);
    pane.setLeft(sideScroll);
    pane.getStyleClass().add("lesson-tab");
    return pane;
  }

  public Lesson lesson() {
    return lesson;
  }

  public TimelineCanvas timeline() {
    return timeline;
  }

  public LogConsole log() {
    return log;
  }

  LessonStage stage() {
    return stage;
  }

  public LessonRun currentRun() {
    return current;
  }

  public LessonRun.Result lastResult() {
    return lastResult;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Starts a fresh run with the current parameters; the previous run's picture is replaced. */
  public void run() {
    if (running.get()) {
      return;
    }
    log.clear();
    lastResult = null;
    current = LessonRun.start(lesson);
    timeline.show(current.trace());
    if (stage != null) {
      stage.show(current.trace());
    }
    running.set(true);
    setStatus("status.running");
    LessonRun started = current;
    started.done().thenRun(() -> Platform.runLater(timeline::markDirty));
  }

  /** Ends every process and thread of the running lesson; never blocks. */
  public void stop() {
    if (current != null && running.get()) {
      current.stop();
      setStatus("status.stopping");
    }
  }

  /** Drains what the run recorded since the last frame and redraws what changed. */
  public void onFrame() {
    List<TraceEvent> batch = current == null ? List.of() : current.trace().sync();
    if (!batch.isEmpty()) {
      log.append(current.trace(), batch);
      timeline.markDirty();
    }
    if (stage != null && isSelected()) {
      stage.onFrame(batch);
    }
    if (running.get() && current.done().isDone() && current.trace().isFinished()) {
      List<TraceEvent> rest = current.trace().sync();
      log.append(current.trace(), rest);
      lastResult = current.done().join();
      running.set(false);
      timeline.runEnded();
      if (stage != null) {
        stage.onFrame(rest);
        stage.runEnded(lastResult);
      }
      refreshStatus();
    }
    timeline.paintIfDirty();
  }

  private void refreshStatus() {
    if (running.get()) {
      setStatus("status.running");
    } else if (lastResult == null) {
      setStatus(current == null ? "status.ready" : "status.stopping");
    } else {
      switch (lastResult.status()) {
        case COMPLETED -> status.setText(i18n.get(lastResult.outcome().messageKey(), lastResult.outcome().args().toArray()));
        case STOPPED -> setStatus("status.stopped");
        case FAILED -> status.setText(i18n.get("status.failed", lastResult.failure()));
      }
    }
  }

  private void setStatus(String key) {
    status.setText(i18n.get(key));
  }
}
