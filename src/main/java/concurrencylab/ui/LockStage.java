package concurrencylab.ui;

import concurrencylab.lesson.LessonRun;
import concurrencylab.lesson.lock.LockLesson;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The lock tab's stage: the shared counter as a big number, the lock with its owner inside and its
 * hold count, and the threads waiting in front of it in the order the (fair) lock will serve them.
 * It is built only from the run's events, one batch per frame; thread chips glide towards where the
 * events put them, so the animation trails the real threads and never runs ahead of them.
 */
final class LockStage implements LessonStage {
  private static final double HEIGHT = 200;
  private static final double CHIP_W = 120;
  private static final double CHIP_H = 36;

  /** What the stage knows of one thread. */
  private static final class ThreadChip {
    final Lane lane;
    int holdCount;
    boolean waiting;
    long waitingSince;
    boolean ended;
    double x = Double.NaN;
    double y;

    ThreadChip(Lane lane) {
      this.lane = lane;
    }
  }

  private final LockLesson lesson;
  private final I18n i18n;
  private final Canvas canvas = new Canvas();
  private final BorderPane root = new BorderPane();
  private final TextField prediction = new TextField();
  private final Label verdict = new Label();
  private final Map<Integer, ThreadChip> chips = new LinkedHashMap<>();
  private Trace trace;
  private int counter;
  private long writes;
  private boolean usesLock;

  LockStage(LockLesson lesson, I18n i18n) {
    this.lesson = lesson;
    this.i18n = i18n;
    Pane canvasPane = new Pane(canvas);
    canvas.widthProperty().bind(canvasPane.widthProperty());
    canvas.heightProperty().bind(canvasPane.heightProperty());
    canvasPane.setMinHeight(HEIGHT);
    canvasPane.setPrefHeight(HEIGHT);
    Label ask = new Label();
    ask.textProperty().bind(i18n.text("lock.predict"));
    prediction.setId("prediction");
    prediction.setPrefColumnCount(6);
    prediction.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,7}") ? c : null));
    verdict.setId("verdict");
    verdict.getStyleClass().add("lock-verdict");
    HBox predict = new HBox(10, ask, prediction, verdict);
    predict.setPadding(new Insets(6, 12, 6, 12));
    predict.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    root.setCenter(canvasPane);
    root.setBottom(predict);
    root.getStyleClass().add("lesson-stage");
    canvas.widthProperty().addListener(o -> paint());
    i18n.localeProperty().addListener(o -> paint());
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void show(Trace newTrace) {
    trace = newTrace;
    chips.clear();
    counter = 0;
    writes = 0;
    usesLock = lesson.mode(newTrace.runInfo()) != LockLesson.Mode.NO_LOCK;
    verdict.setText("");
  }

  @Override
  public void onFrame(List<TraceEvent> batch) {
    if (trace == null) {
      paint();
      return;
    }
    for (TraceEvent event : batch) {
      apply(event);
    }
    glide();
    paint();
  }

  private void apply(TraceEvent event) {
    Lane lane = trace.lane(event.lane());
    if (lane.kind() != LaneKind.THREAD) {
      return;
    }
    ThreadChip chip = chips.computeIfAbsent(lane.id(), id -> new ThreadChip(lane));
    switch (event.kind()) {
      case LOCK_WAIT -> {
        chip.waiting = true;
        chip.waitingSince = event.time();
      }
      case LOCK_ACQUIRED, LOCK_RELEASED -> {
        chip.waiting = false;
        chip.holdCount = (int) event.value();
      }
      case COUNTER -> {
        counter = (int) event.value();
        writes++;
      }
      case END -> chip.ended = true;
      default -> {}
    }
  }

  @Override
  public void runEnded(LessonRun.Result result) {
    String guess = prediction.getText();
    if (result.status() == LessonRun.Status.COMPLETED && !guess.isEmpty()) {
      verdict.setText(i18n.get("lock.verdict", guess, counter));
    }
  }

  /** Moves each chip a part of the way to where the events put it. */
  private void glide() {
    Layout layout = layout();
    for (ThreadChip chip : chips.values()) {
      double[] target = layout.targetOf(chip);
      if (Double.isNaN(chip.x)) {
        chip.x = target[0];
        chip.y = target[1];
      } else {
        chip.x += (target[0] - chip.x) * 0.35;
        chip.y += (target[1] - chip.y) * 0.35;
      }
    }
  }

  /** Where each chip belongs: in the lock, in the queue (first in line nearest the lock), or free. */
  private final class Layout {
    final double lockX = canvas.getWidth() * 0.55;
    final double lockY = 40;
    final List<ThreadChip> queue = new ArrayList<>();
    final List<ThreadChip> free = new ArrayList<>();

    Layout() {
      for (ThreadChip chip : chips.values()) {
        if (chip.waiting) {
          queue.add(chip);
        } else if (chip.holdCount == 0) {
          free.add(chip);
        }
      }
      queue.sort(Comparator.comparingLong(c -> c.waitingSince));
    }

    double[] targetOf(ThreadChip chip) {
      if (chip.holdCount > 0) {
        return new double[] {lockX + 20, lockY + 58};
      }
      int inQueue = queue.indexOf(chip);
      if (inQueue >= 0) {
        return new double[] {lockX - 30 - (inQueue + 1) * (CHIP_W + 10), lockY + 58};
      }
      int index = free.indexOf(chip);
      return new double[] {lockX + 200 + (index % 4) * (CHIP_W + 10), 20 + (index / 4) * (CHIP_H + 10)};
    }
  }

  private Layout layout() {
    return new Layout();
  }

  private void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.setFill(Palette.background());
    g.fillRect(0, 0, w, h);
    drawCounter(g);
    Layout layout = layout();
    drawLock(g, layout.lockX, layout.lockY);
    if (!layout.queue.isEmpty()) {
      g.setFill(Palette.mutedText());
      g.setFont(Font.font("System", 14));
      g.setTextAlign(TextAlignment.RIGHT);
      g.fillText(i18n.get("lock.queue"), layout.lockX - 30, layout.lockY + 40);
    }
    for (ThreadChip chip : chips.values()) {
      if (!Double.isNaN(chip.x)) {
        drawChip(g, chip);
      }
    }
  }

  private void drawCounter(GraphicsContext g) {
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.setFill(Palette.mutedText());
    g.setFont(Font.font("System", 16));
    g.fillText(i18n.get("lock.counter"), 20, 10);
    g.setFill(Palette.text());
    g.setFont(Font.font("System", FontWeight.BOLD, 76));
    g.fillText(Integer.toString(counter), 20, 30);
    g.setFont(Font.font("System", 16));
    g.setFill(Palette.mutedText());
    long lost = writes - counter;
    g.fillText(i18n.get("lock.expected", trace == null ? lesson.expected() : lesson.expected(trace.runInfo())), 20, 122);
    if (lost > 0) {
      g.setFill(Palette.failure());
      g.setFont(Font.font("System", FontWeight.BOLD, 18));
    }
    g.fillText(i18n.get("lock.lost", Math.max(0, lost)), 20, 146);
  }

  private void drawLock(GraphicsContext g, double x, double y) {
    double bodyW = CHIP_W + 40;
    g.setLineWidth(6);
    g.setStroke(usesLock ? Palette.text() : Palette.grid());
    g.strokeArc(x + bodyW / 2 - 34, y - 4, 68, 70, 0, 180, javafx.scene.shape.ArcType.OPEN);
    g.strokeLine(x + bodyW / 2 - 34, y + 31, x + bodyW / 2 - 34, y + 44);
    g.strokeLine(x + bodyW / 2 + 34, y + 31, x + bodyW / 2 + 34, y + 44);
    g.setFill(usesLock ? Palette.stripe() : Palette.background());
    g.fillRoundRect(x, y + 40, bodyW, 72, 12, 12);
    g.setLineWidth(3);
    g.strokeRoundRect(x, y + 40, bodyW, 72, 12, 12);
    g.setFill(Palette.mutedText());
    g.setFont(Font.font("System", 14));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    g.fillText(usesLock ? i18n.get("lock.lock") : i18n.get("lock.none"), x + bodyW / 2, y + 118);
  }

  private void drawChip(GraphicsContext g, ThreadChip chip) {
    g.setFill(Palette.lane(chip.lane.colorIndex()).deriveColor(0, 1, 1, chip.ended ? 0.35 : 1));
    g.fillRoundRect(chip.x, chip.y, CHIP_W, CHIP_H, 10, 10);
    g.setFill(Palette.background());
    g.setFont(Font.font("System", FontWeight.BOLD, 16));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    String label = chip.lane.name() + (chip.holdCount > 1 ? "  ×" + chip.holdCount : "");
    CanvasText.fill(g, label, chip.x + CHIP_W / 2, chip.y + CHIP_H / 2, CHIP_W - 8);
  }

  int counterShown() {
    return counter;
  }
}
