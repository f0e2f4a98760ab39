package concurrencylab.ui.tab;

import concurrencylab.ui.timeline.TimelineCanvas;
import concurrencylab.ui.lessonview.LessonStage;
import concurrencylab.ui.lessonview.LessonViews;
import concurrencylab.ui.look.Icons;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.text.TraceTexts;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.RunSnapshot;
import concurrencylab.trace.RunInfo;
import concurrencylab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The frame every lesson shares: its explanation, controls, Run / Stop, the legend, the timeline,
 * the replay bar, the log and the code. The tab owns at most one run at a time; what the run
 * recorded is drained once per frame by {@link #onFrame()}, and the window keeps the last run's
 * state until the next Run. Every run is recorded, so it can be scrubbed and replayed: the
 * timeline, the log and the lesson's stage then follow the replay cursor.
 */
public final class LessonTab extends Tab {
  static final double[] REPLAY_SPEEDS = {0.1, 0.25, 0.5, 1, 2, 4};

  private final Lesson lesson;
  private final I18n i18n;
  private final LessonViews views;
  // the parts below the tab's header are made when first needed (first shown, or asked for): the
  // first frame shows one tab, and making seven timelines, consoles and code views would delay it
  private TimelineCanvas timeline;
  private LogConsole log;
  private LegendBar legend;
  private double scale = 1;
  /** The lesson's two-language code panel; null in a workspace's tab, whose code side is its own. */
  private CodePanel code;
  private CodeSide codeSide;
  private final TabWorkspace workspace;
  private BorderPane content;
  private final SplitPane center = new SplitPane();
  private final SplitPane bottom = new SplitPane();
  private final VBox top = new VBox();
  /** The timeline and, at large type beside the code, the lesson's view to its right. */
  private final HBox timelineRow = new HBox();
  private final javafx.beans.property.BooleanProperty runsPython = new javafx.beans.property.SimpleBooleanProperty();
  /** Why Python cannot be chosen, as a bundle key; empty when it can. */
  private final javafx.beans.property.StringProperty pythonProblem = new javafx.beans.property.SimpleStringProperty("runtime.looking");
  private concurrencylab.runtime.python.PythonRun.Options python;
  private final Label explanation = new Label();
  private final javafx.beans.property.ObjectProperty<LayoutFocus> focus = new javafx.beans.property.SimpleObjectProperty<>(LayoutFocus.BOTH);
  private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty();
  private final javafx.beans.property.BooleanProperty explanationOpen = new javafx.beans.property.SimpleBooleanProperty();
  private final Label status = new Label();
  private final Button run = new Button();
  private final Button stop = new Button();
  private final Button replay = new Button();
  private final javafx.scene.control.ToggleButton pause = new javafx.scene.control.ToggleButton();
  private final Button step = new Button();
  private final Slider scrubber = new Slider(0, 1, 1);
  private final ChoiceBox<Double> speed = new ChoiceBox<>();
  private final VBox controls = new VBox(14);
  /** The lesson's controls, which scroll at large type, above Run and the run's result, which stay in view. */
  private final VBox sidePanel = new VBox();
  private final ScrollPane sideScroll = new ScrollPane();
  private final LessonTabModel model;
  private final ReadOnlyBooleanProperty running;
  private static final double STAGE_SHARE = 0.5;
  /** From this presentation scale on, Pause, Step and Stop show their icons alone. */
  private static final double ICON_BUTTONS_SCALE = 1.75;
  private static final javafx.css.PseudoClass ICON_ONLY = javafx.css.PseudoClass.getPseudoClass("icon-only");
  /**
   * From this presentation scale on, Both focus is crowded: the lesson's view stands beside the
   * timeline, not above it, and the code shows one language at a time.
   */
  static final double LARGE_TYPE_SCALE = 1.4;
  /** The share of the timeline's width the lesson's view takes beside it. */
  private static final double STAGE_BESIDE_SHARE = 0.36;
  private static final double LEGEND_MAX_SCALE = 1.5;
  /** The axis and three lanes of the least readable height, at scale 1. */
  private static final double TIMELINE_MIN_HEIGHT = TimelineCanvas.AXIS_HEIGHT + 3 * 28;
  private LessonStage stage;
  private ScaledToFit stageBox;
  private final List<TraceEvent> recorded = new ArrayList<>();
  private int stageApplied;
  private boolean scrubbing;

  public LessonTab(Lesson lesson, I18n i18n) {
    this(lesson, i18n, LessonViews.standard());
  }

  public LessonTab(Lesson lesson, I18n i18n, LessonViews views) {
    this(lesson, i18n, views, null);
  }

  /** A tab of {@code workspace}'s: its controls and code side, and Run runs what it makes (in Python). */
  public LessonTab(Lesson lesson, I18n i18n, TabWorkspace workspace) {
    this(lesson, i18n, LessonViews.standard(), workspace);
  }

  private LessonTab(Lesson lesson, I18n i18n, LessonViews views, TabWorkspace workspace) {
    this.lesson = lesson;
    this.workspace = workspace;
    this.i18n = i18n;
    this.views = views;
    this.model = new LessonTabModel(lesson);
    this.running = model.runningProperty();
    for (LessonParameter parameter : lesson.parameters()) {
      // the script shows what Run runs now, as its caption says: the controls' values, also after a
      // run (it had kept the recorded run's values until the next Run)
      parameter.observables().forEach(o -> o.addListener(changed -> {
        if (codeSide != null) {
          codeSide.showControls(controlsNow());
        }
      }));
    }
    setId("tab-" + lesson.id());
    textProperty().bind(i18n.text(lesson.titleKey()));
    setClosable(false);
    // a tab's content is made and joins the scene only when first shown
    selectedProperty().addListener((obs, was, now) -> {
      if (now && getContent() == null) {
        setContent(built());
      }
    });
    status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> i18n.get(model.statusProperty().get().key(), model.statusProperty().get().args().toArray()),
        model.statusProperty(), i18n.localeProperty()));
    model.cursorProperty().addListener((obs, old, now) -> moveCursor(now.longValue()));
    model.speedProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> speed.getValue() == null ? 1.0 : speed.getValue(), speed.valueProperty()));
  }

  /** The tab's content, made on the first call. */
  private BorderPane built() {
    if (content == null) {
      timeline = new TimelineCanvas(i18n);
      log = new LogConsole(i18n);
      legend = new LegendBar(i18n);
      code = workspace == null ? new CodePanel(lesson, i18n, RunSnapshot.of(lesson, i18n.localeProperty().get().toLanguageTag())) : null;
      codeSide = workspace == null ? code : workspace.code();
      if (code != null) {
        code.setRunsPython(runsPython.get());
        runsPython.addListener((obs, was, now) -> code.setRunsPython(now));
      }
      stage = views.create(lesson, i18n);
      stageBox = stage == null ? null : new ScaledToFit(stage.node());
      content = layout();
      timeline.setOnEventClicked(this::showDetails);
      if (scale != 1) {
        setScale(scale);
      }
    }
    return content;
  }

  /** The explanation of what Run runs: the lesson's Java, or its Python. */
  private String explanationKey(boolean python) {
    return python ? lesson.pythonExplanationKey() : lesson.explanationKey();
  }

  private BorderPane layout() {
    Label title = new Label();
    title.textProperty().bind(i18n.text(lesson.titleKey()));
    title.getStyleClass().add("lesson-title");
    explanation.textProperty().bind(i18n.text(explanationKey(runsPython.get())));
    runsPython.addListener((obs, was, now) -> explanation.textProperty().bind(i18n.text(explanationKey(now))));
    explanation.setWrapText(true);
    explanation.getStyleClass().add("lesson-explanation");
    explanation.setId("explanation");
    // presenting, the explanation folds to one line; a click opens it again
    explanation.wrapTextProperty().bind(presenting.not().or(explanationOpen));
    explanation.setOnMouseClicked(e -> explanationOpen.set(!explanationOpen.get()));
    presenting.addListener(o -> explanationOpen.set(false));
    HBox titleRow = new HBox(16, title, new javafx.scene.layout.Region(), focusToggle());
    HBox.setHgrow(titleRow.getChildren().get(1), Priority.ALWAYS);
    titleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    VBox header = new VBox(6, titleRow, explanation);
    header.getStyleClass().add("lesson-header");

    run.setId("run");
    run.textProperty().bind(i18n.text("button.run"));
    run.getStyleClass().addAll("run-button", "accent"); // AtlantaFX's accent button
    Icons.put(run, Icons.RUN);
    run.setOnAction(e -> run());
    run.disableProperty().bind(running);
    stop.setId("stop");
    stop.textProperty().bind(i18n.text("button.stop"));
    Icons.put(stop, Icons.STOP);
    stop.setOnAction(e -> stop());
    stop.disableProperty().bind(running.not());
    pause.setId("pause");
    pause.textProperty().bind(i18n.text("button.pause"));
    Icons.put(pause, Icons.PAUSE);
    // a Python run can always pause: its tracer holds every thread at its next hook
    javafx.beans.binding.BooleanBinding cannotPauseRun = runsPython.not().and(new javafx.beans.property.SimpleBooleanProperty(!lesson.canPause()));
    pause.disableProperty().bind(running.not().or(cannotPauseRun));
    pause.setOnAction(e -> setPaused(pause.isSelected()));
    Label cannotPause = new Label();
    cannotPause.setId("cannot-pause");
    cannotPause.textProperty().bind(i18n.text("pause.unavailable"));
    cannotPause.setWrapText(true);
    cannotPause.getStyleClass().add("pause-note");
    cannotPause.visibleProperty().bind(running.and(cannotPauseRun));
    cannotPause.managedProperty().bind(cannotPause.visibleProperty());
    Node stepHolder = stepButton(cannotPauseRun);
    // at large type the buttons go onto two rows rather than be cut
    javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(10, 10, run, pause, stepHolder, stop);
    for (javafx.scene.control.Control button : List.of(run, pause, step, stop)) {
      button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    Node runtimeChoice = workspace == null ? runtimeChoice() : new javafx.scene.layout.Region();
    status.setId("status");
    status.setWrapText(true);
    status.getStyleClass().add("run-status");

    for (LessonParameter parameter : lesson.parameters()) {
      Node control = ParameterControls.create(lesson, parameter, i18n);
      controls.getChildren().add(control);
      if (parameter.pythonOnly()) { // a Java run ignores it: shown, disabled, and why
        control.disableProperty().bind(runsPython.not());
        Label why = new Label();
        why.setId("python-only-" + parameter.key());
        why.textProperty().bind(i18n.text("param.pythonOnly"));
        why.setWrapText(true);
        why.getStyleClass().add("pause-note");
        why.visibleProperty().bind(runsPython.not());
        // its room is kept in Python too: choosing a language must not move Run under the pointer
        controls.getChildren().add(why);
      }
    }
    if (workspace != null) {
      controls.getChildren().add(workspace.controls());
    }
    controls.disableProperty().bind(running);
    VBox side = new VBox(18, controls, runtimeChoice);
    side.getStyleClass().add("lesson-controls");
    sideScroll.setContent(side);
    sideScroll.setFitToWidth(true);
    sideScroll.setMinHeight(0);
    // at large type the controls scroll, but Run and what the run showed stay in view below them
    // (Run had to be scrolled to at 200 %, its verdict out of sight); with the room, the controls
    // are as tall as laid out at their width (their captions wrap), no taller
    VBox.setVgrow(sideScroll, Priority.ALWAYS);
    sideScroll.maxHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> side.getHeight() > 0 ? side.getHeight() + sideScroll.snappedTopInset() + sideScroll.snappedBottomInset() : javafx.scene.layout.Region.USE_PREF_SIZE,
        side.heightProperty()));
    // a long verdict at large type scrolls in at most 40 % of the column, never pushing the controls out
    ScrollPane statusScroll = new ScrollPane(status) {
      // a wrapping label asks for one line's height until it knows its width: as tall as the verdict
      // at the width the box has (listeners on its text and font saw a stale width after a language
      // switch, and a needless scroll bar stayed); a pixel more, as a content half a pixel taller
      // than its view shows a scroll bar
      @Override
      protected double computePrefHeight(double width) {
        double inner = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
        return Math.ceil(status.prefHeight(inner)) + 1 + snappedTopInset() + snappedBottomInset();
      }
    };
    statusScroll.setFitToWidth(true);
    statusScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    statusScroll.getStyleClass().addAll("edge-to-edge", "run-status-scroll");
    statusScroll.maxHeightProperty().bind(sidePanel.heightProperty().multiply(0.4));
    statusScroll.visibleProperty().bind(status.textProperty().isNotEmpty());
    statusScroll.managedProperty().bind(statusScroll.visibleProperty());
    VBox runPanel = new VBox(12, buttons, cannotPause, statusScroll);
    runPanel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the controls above give way first
    runPanel.getStyleClass().add("run-panel");
    sidePanel.getChildren().setAll(sideScroll, runPanel);
    sidePanel.setId("side");
    sidePanel.setPrefWidth(380);
    sidePanel.setMinWidth(320);

    log.setId("log");
    timeline.setId("timeline");
    bottom.getItems().setAll(codeSide.node(), log);
    bottom.setOrientation(Orientation.HORIZONTAL);
    HBox.setHgrow(timeline, Priority.ALWAYS);
    timelineRow.getChildren().setAll(timeline);
    VBox.setVgrow(timelineRow, Priority.ALWAYS);
    top.getChildren().setAll(legend, timelineRow, replayBar());
    log.setMinWidth(0);
    // either side may be made small by the focus: it is clipped, not kept at its content's height
    for (javafx.scene.layout.Region half : List.of(top, bottom)) {
      half.setMinHeight(0);
      javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
      clip.widthProperty().bind(half.widthProperty());
      clip.heightProperty().bind(half.heightProperty());
      half.setClip(clip);
    }
    center.getItems().setAll(top, bottom);
    center.setOrientation(Orientation.VERTICAL);
    focus.addListener(o -> applyFocus());
    presenting.addListener(o -> applyFocus());
    presenting.addListener(o -> labelRunButtons());
    labelRunButtons();
    applyFocus();

    BorderPane pane = new BorderPane(center);
    pane.setTop(header);
    pane.setLeft(sidePanel);
    pane.getStyleClass().add("lesson-tab");
    return pane;
  }

  /**
   * Step (also the S key): live only while the run is paused. Its tooltip says what one step is in
   * the run's language, or why it cannot step now; it sits on a holder, as a disabled button shows
   * none of its own.
   */
  private Node stepButton(javafx.beans.binding.BooleanBinding cannotPauseRun) {
    step.setId("step");
    step.textProperty().bind(i18n.text("button.step"));
    Icons.put(step, Icons.STEP);
    step.setOnAction(e -> step());
    step.disableProperty().bind(model.pausedProperty().not());
    javafx.scene.control.Tooltip what = new javafx.scene.control.Tooltip();
    what.setId("step-tooltip");
    what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
      LessonRun live = model.runProperty().get();
      if (model.pausedProperty().get() && live != null) {
        return i18n.get(live.stepKey());
      }
      return i18n.get(cannotPauseRun.get() ? "step.cannotPause" : "step.notPaused");
    }, model.pausedProperty(), model.runProperty(), cannotPauseRun, i18n.localeProperty()));
    what.setWrapText(true);
    what.setMaxWidth(520);
    javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(step);
    holder.setId("step-holder");
    javafx.scene.control.Tooltip.install(holder, what);
    return holder;
  }

  /**
   * Java | Python: what runs when Run is pressed — the lesson's Java, or its Python script, traced
   * (the one the Python panel shows). Python can be chosen once an interpreter was found.
   */
  private VBox runtimeChoice() {
    javafx.scene.control.ToggleButton java = new javafx.scene.control.ToggleButton("Java");
    javafx.scene.control.ToggleButton python = new javafx.scene.control.ToggleButton("Python");
    java.setId("runtime-java");
    python.setId("runtime-python");
    // the segmented button keeps its own toggle group: follow the buttons, and keep one chosen
    java.setOnAction(e -> choosePython(java, python, false));
    python.setOnAction(e -> choosePython(java, python, true));
    java.setSelected(true);
    python.disableProperty().bind(pythonProblem.isNotEmpty());
    javafx.beans.binding.StringBinding problem = javafx.beans.binding.Bindings.createStringBinding(
        () -> pythonProblem.get().isEmpty() ? "" : i18n.get(pythonProblem.get()), pythonProblem, i18n.localeProperty());
    javafx.scene.control.Label caption = new javafx.scene.control.Label();
    caption.textProperty().bind(i18n.text("runtime.caption"));
    caption.getStyleClass().add("runtime-caption");
    javafx.scene.control.Label note = new javafx.scene.control.Label();
    note.setId("runtime-note");
    note.textProperty().bind(problem);
    note.setWrapText(true);
    note.getStyleClass().add("pause-note");
    note.visibleProperty().bind(pythonProblem.isNotEmpty());
    note.managedProperty().bind(note.visibleProperty());
    org.controlsfx.control.SegmentedButton buttons = new org.controlsfx.control.SegmentedButton(java, python);
    VBox box = new VBox(6, caption, buttons, note);
    box.disableProperty().bind(running);
    return box;
  }

  private void choosePython(javafx.scene.control.ToggleButton java, javafx.scene.control.ToggleButton python, boolean chosen) {
    runsPython.set(chosen);
    java.setSelected(!chosen);
    python.setSelected(chosen);
  }

  /** What the window found out about Python: the interpreter to run lessons with, or none. */
  public void setPython(concurrencylab.runtime.python.PythonRun.Options found) {
    python = found;
    if (found == null) {
      pythonProblem.set("runtime.none");
    } else if (concurrencylab.lesson.PythonLesson.headlessProblem(lesson).isPresent()) {
      pythonProblem.set("runtime.notThisLesson");
    } else {
      pythonProblem.set("");
    }
  }

  /** Timeline | Code | Both: what the tab makes big (also the F key). */
  private Node focusToggle() {
    List<javafx.scene.control.ToggleButton> buttons = new ArrayList<>();
    javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
    for (LayoutFocus option : List.of(LayoutFocus.TIMELINE, LayoutFocus.CODE, LayoutFocus.BOTH)) {
      javafx.scene.control.ToggleButton button = new javafx.scene.control.ToggleButton();
      button.setId("focus-" + option.name());
      button.textProperty().bind(i18n.text("focus." + option.name()));
      Icons.put(button, switch (option) {
        case TIMELINE -> Icons.FOCUS_TIMELINE;
        case CODE -> Icons.FOCUS_CODE;
        case BOTH -> Icons.FOCUS_BOTH;
      });
      button.setToggleGroup(group);
      button.setSelected(option == focus.get());
      button.setFocusTraversable(false);
      button.setOnAction(e -> {
        focus.set(option);
        button.setSelected(true);
      });
      buttons.add(button);
    }
    focus.addListener((obs, old, now) -> buttons.forEach(b -> b.setSelected(b.getId().equals("focus-" + now.name()))));
    org.controlsfx.control.SegmentedButton toggle = new org.controlsfx.control.SegmentedButton();
    toggle.getButtons().setAll(buttons);
    toggle.setId("focus-toggle");
    return toggle;
  }

  /** What the tab makes big; the window shares one choice between its tabs. */
  public javafx.beans.property.ObjectProperty<LayoutFocus> focusProperty() {
    return focus;
  }

  /**
   * Timeline focus: the timeline alone below the title (its lanes show what the lesson's view
   * shows; at large type the view stands beside it), so it keeps at least half the height at
   * every size. Code focus: the code takes most
   * of the height and the width of the controls, below a strip of the timeline. Both: the two
   * share the height, with the lesson's own view.
   */
  private void applyFocus() {
    LayoutFocus now = focus.get();
    boolean timelineOnly = now == LayoutFocus.TIMELINE;
    sidePanel.setVisible(now != LayoutFocus.CODE);
    sidePanel.setManaged(now != LayoutFocus.CODE);
    explanation.setVisible(!timelineOnly);
    explanation.setManaged(!timelineOnly);
    if (stage != null) {
      // with both, and beside the timeline at large type; in code focus it would be cut
      placeStage(now == LayoutFocus.BOTH || besideTimeline() && stage.fitsColumn());
    }
    List<Node> halves = timelineOnly ? List.of(top) : List.of(top, bottom);
    // the code gets the whole width in code focus: the console is on the timeline's lanes too
    List<Node> below = now == LayoutFocus.CODE ? List.of(codeSide.node()) : List.of(codeSide.node(), log);
    if (!center.getItems().equals(halves)) {
      center.getItems().setAll(halves);
    }
    if (!bottom.getItems().equals(below)) {
      bottom.getItems().setAll(below);
      // the skin places a new divider in its next layout from the pixels it had before (the
      // console came back squeezed to one pixel of code): let it do so now, then set ours
      bottom.applyCss();
      bottom.layout();
    }
    codeSide.setCompact(bothAtLargeType());
    // at large type with the lesson's view beside it, the timeline gives the code more of the height
    double split = now == LayoutFocus.CODE ? 0.22 : bothAtLargeType() ? 0.56 : presenting.get() ? 0.62 : 0.55;
    placeDividers(split);
    // a split pane whose items just changed places its dividers again in its next layout: after it, ours
    javafx.application.Platform.runLater(() -> placeDividers(split));
  }

  /**
   * Above the timeline, the lesson's view takes at most half of the timeline's half and is drawn
   * smaller past that; at large type that is most of the time, so there it stands in a column to
   * the right of the timeline, as tall as the timeline's row: drawn as large as the type asks in
   * Timeline focus, where the row has the height, and smaller in Both.
   */
  private void placeStage(boolean shown) {
    top.getChildren().remove(stageBox);
    timelineRow.getChildren().remove(stageBox);
    stageBox.maxHeightProperty().unbind();
    stageBox.minHeightProperty().unbind();
    stageBox.setMinHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    stageBox.prefWidthProperty().unbind();
    stageBox.setMaxHeight(Double.MAX_VALUE);
    stageBox.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    timeline.prefWidthProperty().unbind();
    timeline.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    boolean inColumn = shown && besideTimeline() && stage.fitsColumn();
    stage.setInColumn(inColumn);
    if (!shown) {
      return;
    }
    if (inColumn) {
      // the two share the row's width as said: a canvas's own width would push the view out of it
      stageBox.prefWidthProperty().bind(timelineRow.widthProperty().multiply(STAGE_BESIDE_SHARE));
      timeline.prefWidthProperty().bind(timelineRow.widthProperty().multiply(1 - STAGE_BESIDE_SHARE));
      stageBox.setMinWidth(0);
      timelineRow.getChildren().add(stageBox);
    } else {
      stageBox.maxHeightProperty().bind(top.heightProperty().multiply(STAGE_SHARE));
      // short of room (Chinese type is taller), the view keeps what the legend, the replay bar and
      // the timeline's least height (axis and three lanes) leave: the timeline had kept its extra
      // and the progress stage was squeezed to nothing
      stageBox.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
        double others = 0;
        for (Node child : top.getChildren()) {
          if (child != stageBox && child instanceof javafx.scene.layout.Region region) {
            others += child == timelineRow ? region.minHeight(-1) : region.getHeight();
          }
        }
        double room = top.getHeight() - top.snappedTopInset() - top.snappedBottomInset() - others;
        double wanted = stageBox.prefHeight(stageBox.getWidth());
        return Math.max(0, Math.min(wanted, room));
      }, top.heightProperty(), stageBox.widthProperty(), legend.heightProperty()));
      top.getChildren().add(0, stageBox);
    }
  }

  /**
   * At large type Pause, Step and Stop show their icons alone (their names in tooltips), so that
   * the four buttons take two rows beside the controls and not four.
   */
  private void labelRunButtons() {
    boolean iconsOnly = presenting.get() && scale >= ICON_BUTTONS_SCALE;
    for (javafx.scene.control.ButtonBase button : List.of(pause, step, stop)) {
      button.setContentDisplay(iconsOnly ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.LEFT);
      button.pseudoClassStateChanged(ICON_ONLY, iconsOnly);
      if (button != step) { // Step's tooltip says what one step is, at every size
        if (iconsOnly && button.getTooltip() == null) {
          javafx.scene.control.Tooltip name = new javafx.scene.control.Tooltip();
          name.textProperty().bind(button.textProperty());
          button.setTooltip(name);
        } else if (!iconsOnly) {
          button.setTooltip(null);
        }
      }
    }
  }

  private boolean bothAtLargeType() {
    return focus.get() == LayoutFocus.BOTH && presenting.get() && scale >= LARGE_TYPE_SCALE;
  }

  /**
   * The lesson's view stands in a column beside the timeline in Timeline focus at every size (at
   * 100 % it had been left out there, so the lock stage and the progress meter were nowhere), in
   * Both at large type, and in Both at every size when it is a picture ({@link
   * LessonStage#besideAtEverySize}).
   */
  private boolean besideTimeline() {
    return focus.get() == LayoutFocus.TIMELINE
        || focus.get() == LayoutFocus.BOTH && (presenting.get() && scale >= LARGE_TYPE_SCALE || stage != null && stage.besideAtEverySize());
  }

  private void placeDividers(double split) {
    if (center.getItems().size() == 2) {
      center.setDividerPositions(split);
    }
    if (bottom.getItems().size() == 2) {
      bottom.setDividerPositions(0.64);
    }
  }

  private Node replayBar() {
    replay.setId("replay");
    replay.textProperty().bind(i18n.text("button.replay"));
    Icons.put(replay, Icons.REPLAY);
    replay.setOnAction(e -> replay());
    speed.setId("replay-speed");
    for (double s : REPLAY_SPEEDS) {
      speed.getItems().add(s);
    }
    speed.setValue(1.0);
    speed.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(Double value) {
        return value == null ? "" : (value < 1 ? value.toString() : Integer.toString(value.intValue())) + "×";
      }

      @Override
      public Double fromString(String text) {
        return Double.valueOf(text.replace("×", ""));
      }
    });
    scrubber.setId("scrubber");
    scrubber.valueProperty().addListener((obs, old, now) -> {
      if (scrubbing) {
        return;
      }
      model.scrubTo((long) (now.doubleValue() * 1e6));
    });
    HBox.setHgrow(scrubber, Priority.ALWAYS);
    Label caption = new Label();
    caption.textProperty().bind(i18n.text("replay.caption"));
    HBox bar = new HBox(caption, replay, speed, scrubber);
    bar.getStyleClass().add("replay-bar");
    bar.disableProperty().bind(running.or(model.resultProperty().isNull()));
    return bar;
  }

  public Lesson lesson() {
    return lesson;
  }

  public TimelineCanvas timeline() {
    built();
    return timeline;
  }

  public LogConsole log() {
    built();
    return log;
  }

  public LessonStage stage() {
    built();
    return stage;
  }

  public LessonRun currentRun() {
    return model.runProperty().get();
  }

  /**
   * How the shown run was made: the recorded run's parameters, language and time once there is a
   * run; before any, the controls as they are now.
   */
  public RunInfo shownRun() {
    LessonRun current = model.runProperty().get();
    return current != null ? current.trace().runInfo() : controlsNow();
  }

  /** A run as the controls would make it now, in the language shown. */
  private RunInfo controlsNow() {
    return RunSnapshot.of(lesson, i18n.localeProperty().get().toLanguageTag());
  }

  public LessonRun.Result lastResult() {
    return model.resultProperty().get();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running;
  }

  public ReadOnlyBooleanProperty replayingProperty() {
    return model.replayingProperty();
  }

  /** The tab's run, replay and cursor state. */
  public LessonTabModel model() {
    return model;
  }

  /** Starts a fresh run with the current parameters; the previous run's picture is replaced. */
  public void run() {
    if (running.get()) {
      return;
    }
    Lesson toRun;
    if (workspace != null) {
      toRun = python == null ? null : workspace.toRun(python);
      if (toRun == null) {
        return;
      }
    } else {
      toRun = runsPython.get() && python != null ? concurrencylab.lesson.PythonLesson.of(lesson, python) : lesson;
    }
    built();
    log.clear();
    recorded.clear();
    timeline.setCursor(-1);
    pause.setSelected(false);
    LessonRun current = model.start(i18n.localeProperty().get().toLanguageTag(), toRun);
    timeline.show(current.trace());
    codeSide.showRun(current.trace().runInfo());
    if (stage != null) {
      stage.show(current.trace());
    }
  }

  /** Ends every process and thread of the running lesson; never blocks. */
  public void stop() {
    model.stop(false);
  }

  /** The lecturer left the tab while it ran: stop, and say that this is why when they come back. */
  public void stopBecauseLeft() {
    model.stop(true);
  }

  /** Holds or releases the live run's threads at their next step, when the lesson allows it. */
  public void setPaused(boolean paused) {
    model.setPaused(paused);
    pause.setSelected(model.pausedProperty().get());
  }

  public boolean isPaused() {
    return model.pausedProperty().get();
  }

  /** While paused: each thread held now takes one step and is held again (see {@link LessonRun#step()}). */
  public boolean step() {
    return model.step();
  }

  /** Plays the recorded run again from the start at the chosen speed. */
  public void replay() {
    model.replay(System.nanoTime());
  }

  public void zoom(double factor) {
    if (!running.get()) {
      built();
      timeline.zoomAround((timeline.viewStart() + timeline.viewEnd()) / 2, factor);
    }
  }

  /** The tab's content, also before it was first shown. */
  public BorderPane contentNode() {
    return built();
  }

  /** The lesson's two-language code panel; null in a workspace's tab (see {@link #codeSide()}). */
  public CodePanel code() {
    built();
    return code;
  }

  /**
   * How large the lesson's own view is drawn, against its size at 100 % (2: twice as large); 0
   * when the tab has none or does not show it now.
   */
  public double lessonViewSize() {
    if (stageBox == null || stageBox.getParent() == null || !stageBox.isVisible()) {
      return 0;
    }
    return stageBox.factor() * scale;
  }

  public CodeSide codeSide() {
    built();
    return codeSide;
  }

  public void setPresenting(boolean on) {
    presenting.set(on);
  }

  public void setScale(double scale) {
    this.scale = scale;
    if (content == null) {
      return; // applied when the content is made
    }
    // the controls grow with the type, but never take much more than a quarter of the width
    sidePanel.prefWidthProperty().bind(javafx.beans.binding.Bindings.min(380 * scale, content.widthProperty().multiply(0.24).add(60)));
    applyFocus();
    labelRunButtons();
    codeSide.setScale(scale);
    log.setScale(scale);
    timeline.setScale(scale);
    timeline.setMinHeight(TIMELINE_MIN_HEIGHT * scale);
    // the legend is looked up now and then: it grows less than the rest, so it leaves the lanes room
    legend.setScale(Math.min(scale, LEGEND_MAX_SCALE));
    if (stage != null) {
      stage.setScale(scale);
    }
  }

  public void repaint() {
    if (content == null) {
      return;
    }
    timeline.markDirty();
    log.refresh(); // its lane chips take the palette's colours when a cell is filled
    codeSide.repaint();
    legend.paint();
    if (stage != null) {
      stage.repaint();
    }
  }

  /** Drains what the run recorded since the last frame and redraws what changed. */
  public void onFrame() {
    LessonRun current = model.runProperty().get();
    if (content == null && current == null) {
      return; // never shown, never run: nothing to draw
    }
    built();
    List<TraceEvent> batch = current == null ? List.of() : current.trace().sync();
    if (!batch.isEmpty()) {
      recorded.addAll(batch);
      log.append(current.trace(), batch);
      timeline.markDirty();
    }
    if (stage != null && isSelected() && !model.replayingProperty().get() && timeline.cursor() < 0) {
      stage.onFrame(batch);
    }
    if (model.frame(System.nanoTime())) {
      finishRun(current);
    }
    if (timeline.paintIfDirty() && current != null) {
      long cursor = timeline.cursor();
      codeSide.follow(current.trace(), cursor >= 0 ? cursor : Long.MAX_VALUE);
    }
  }

  private void finishRun(LessonRun current) {
    List<TraceEvent> rest = current.trace().sync();
    recorded.addAll(rest);
    log.append(current.trace(), rest);
    recorded.sort(Comparator.comparingLong(TraceEvent::time));
    model.drained(current);
    pause.setSelected(false);
    timeline.runEnded();
    if (stage != null) {
      stage.onFrame(rest);
      stage.runEnded(model.resultProperty().get());
    }
    scrubbing = true;
    scrubber.setMax(Math.max(1, current.trace().store().endTime() / 1e6));
    scrubber.setValue(scrubber.getMax());
    scrubbing = false;
  }

  /** Shows the recorded run up to {@code time}; -1 shows all of it again. */
  private void moveCursor(long time) {
    LessonRun current = model.runProperty().get();
    if (current == null || running.get() || model.resultProperty().get() == null) {
      return;
    }
    built();
    long previous = timeline.cursor();
    timeline.setCursor(time);
    scrubbing = true;
    scrubber.setValue(time < 0 ? scrubber.getMax() : time / 1e6);
    scrubbing = false;
    if (time < 0) {
      log.showAll();
    } else {
      log.showUntil(time);
    }
    if (stage != null) {
      long limit = time < 0 ? Long.MAX_VALUE : time;
      if (previous < 0 || time >= 0 && time < previous) {
        stage.show(current.trace());
        stageApplied = 0;
      }
      int from = stageApplied;
      while (stageApplied < recorded.size() && recorded.get(stageApplied).time() <= limit) {
        stageApplied++;
      }
      stage.onFrame(recorded.subList(from, stageApplied));
    }
  }

  /** The popover with the details of a clicked event: lane, PID or thread, time, kind and text. */
  private void showDetails(TraceEvent event, javafx.scene.input.MouseEvent click) {
    concurrencylab.trace.Lane lane = timeline.trace().lane(event.lane());
    Label details = new Label(describe(lane, event));
    details.setId("event-details");
    details.setWrapText(true);
    details.setMaxWidth(560);
    details.setStyle("-fx-padding: 12;");
    org.controlsfx.control.PopOver popOver = new org.controlsfx.control.PopOver(details);
    popOver.setDetachable(false);
    popOver.show(timeline, click.getScreenX(), click.getScreenY());
  }

  public String describe(concurrencylab.trace.Lane lane, TraceEvent event) {
    String where = lane.kind() == concurrencylab.trace.LaneKind.THREAD
        ? i18n.get("timeline.thread", Long.toString(lane.pid()))
        : i18n.get("timeline.pid", Long.toString(lane.pid()));
    String what = switch (event.kind()) {
      case STATE -> event.state().name().toLowerCase(java.util.Locale.ROOT);
      case TASK_BEGIN, TASK_END, TASK_FAILED -> "#" + event.value();
      case READ, COUNTER, LOCK_WAIT, LOCK_ACQUIRED, LOCK_RELEASED, END -> Long.toString(event.value());
      default -> "";
    };
    return i18n.get("details.event", TraceTexts.text(lane.name(), i18n), where,
        String.format(java.util.Locale.ROOT, "%.3f", event.time() / 1e6),
        event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), what, TraceTexts.text(event.text(), i18n));
  }

}
