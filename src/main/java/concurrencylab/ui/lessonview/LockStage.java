package concurrencylab.ui.lessonview;

import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The lock tab's stage: the shared counter as a big number, the lock with its owner inside and its
 * hold count, and the threads waiting in front of it in the order the (fair) lock will serve them.
 * It is built only from the run's events, one batch per frame; thread chips glide towards where the
 * events put them, so the animation trails the real threads and never runs ahead of them.
 */
public final class LockStage implements LessonStage {
  private static final double HEIGHT = 200;
  private static final double CHIP_W = 120;
  private static final double CHIP_H = 36;
  /** A gliding chip covers about two thirds of its way in this time, nineteen twentieths in three times it. */
  private static final double GLIDE_NANOS = 70e6;
  private static final double FRAME_NANOS = 1e9 / 60;

  /** What the stage knows of one thread. */
  private static final class ThreadChip {
    final Lane lane;
    int holdCount;
    boolean waiting;
    long waitingSince;
    boolean ended;
    double x = Double.NaN;
    double y;
    /** On its way to its place: drawn over the chips at rest. */
    boolean moving;

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
  /** A Python run: the counter is what its script printed, its Lock keeps no order. */
  private boolean python;
  /** Whether the Python script printed its counter after joining every thread. */
  private boolean printedLast;
  private double scale = 1;
  private boolean inColumn;
  private double laidOutWidth;
  private long lastGlide;
  /** How often the stage was painted, for tests: an unchanged stage is not painted again. */
  private int paints;
  /** Whether a chip was on its way at the last glide, so that the time since it is the time it moved. */
  private boolean wasGliding;
  private final javafx.animation.AnimationTimer settling = new javafx.animation.AnimationTimer() {
    @Override
    public void handle(long now) {
      if (fedThisPulse) { // the run's frame moved the chips already
        fedThisPulse = false;
        return;
      }
      glide();
      paint();
    }
  };
  private boolean fedThisPulse;
  /** As tall as the stage's layout is at the width it is offered, so that a column can grow or shrink it to fit. */
  private final Pane canvasPane = new Pane() {
    @Override
    public javafx.geometry.Orientation getContentBias() {
      return javafx.geometry.Orientation.HORIZONTAL; // its height is asked at the width it would get
    }

    @Override
    protected double computePrefHeight(double width) {
      return Math.ceil(new Layout(width < 0 ? canvas.getWidth() : width).height() + 12 * scale);
    }
  };
  private double laidOutHeight;

  LockStage(LockLesson lesson, I18n i18n) {
    this.lesson = lesson;
    this.i18n = i18n;
    canvasPane.getChildren().add(canvas);
    canvas.widthProperty().bind(canvasPane.widthProperty());
    canvas.heightProperty().bind(canvasPane.heightProperty());
    canvasPane.setMinHeight(HEIGHT);
    Label ask = new Label();
    ask.textProperty().bind(i18n.text("lock.predict"));
    prediction.setId("prediction");
    prediction.setPrefColumnCount(6);
    prediction.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,7}") ? c : null));
    verdict.setId("verdict");
    verdict.getStyleClass().add("lock-verdict");
    // narrow beside the timeline the question, the field and the verdict take rows of their own
    FlowPane predict = new FlowPane(10, 6, ask, prediction, verdict);
    predict.setPadding(new Insets(6, 12, 6, 12));
    predict.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    ask.setMinWidth(Region.USE_PREF_SIZE);
    verdict.setWrapText(true);
    verdict.maxWidthProperty().bind(predict.widthProperty().subtract(24));
    root.setCenter(canvasPane);
    root.setBottom(predict);
    root.getStyleClass().add("lesson-stage");
    // a new width moves the places (after a run too, when no frame moves the chips): to them at once
    canvas.widthProperty().addListener(o -> {
      glide();
      paint();
    });
    i18n.localeProperty().addListener(o -> paint());
    // before a run the stage keeps the room the controls ask for
    javafx.beans.InvalidationListener planned = o -> {
      canvasPane.requestLayout();
      paint();
    };
    lesson.threads().value().addListener(planned);
    lesson.mode().value().addListener(planned);
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
    python = concurrencylab.lesson.RunSnapshot.ranPython(newTrace.runInfo());
    printedLast = false;
    verdict.setText("");
  }

  @Override
  public void onFrame(List<TraceEvent> batch) {
    if (trace == null || batch.isEmpty()) {
      // nothing new: a chip on its way moves on the stage's own pulses; painting an unchanged
      // stage at every frame kept the renderer busy in an idle window (a quarter of a core)
      return;
    }
    for (TraceEvent event : batch) {
      apply(event);
    }
    fedThisPulse = true;
    glide();
    paint();
  }

  private void apply(TraceEvent event) {
    Lane lane = trace.lane(event.lane());
    if (python && event.kind() == EventKind.PRINT) {
      LockLesson.printedCounter(event.text()).ifPresent(printed -> {
        counter = printed.value();
        printedLast |= printed.last();
      });
    }
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

  /**
   * Moves each chip a part of the way to where the events put it: slow enough for a class to follow,
   * and in time, not in frames, so that a chip arrives as soon on a machine that draws fewer frames.
   */
  private void glide() {
    long now = System.nanoTime();
    // a chip setting off after a rest moves one frame's part, not a part of the rest
    double elapsed = wasGliding ? Math.min(now - lastGlide, GLIDE_NANOS) : FRAME_NANOS;
    lastGlide = now;
    double part = 1 - Math.exp(-elapsed / GLIDE_NANOS);
    Layout layout = layout();
    boolean resized = canvas.getWidth() != laidOutWidth; // the places moved, not the threads: no glide
    laidOutWidth = canvas.getWidth();
    boolean moving = false;
    for (ThreadChip chip : chips.values()) {
      double[] target = layout.targetOf(chip);
      chip.moving = !(Double.isNaN(chip.x) || resized || Math.abs(target[0] - chip.x) + Math.abs(target[1] - chip.y) < 0.5);
      if (chip.moving) {
        chip.x += (target[0] - chip.x) * part;
        chip.y += (target[1] - chip.y) * part;
        moving = true;
      } else {
        chip.x = target[0];
        chip.y = target[1];
      }
    }
    // frames stop coming when the run ends: a chip on its way finishes the way on the stage's own pulses
    wasGliding = moving;
    if (moving) {
      settling.start();
    } else {
      settling.stop();
    }
  }

  /**
   * Where everything stands, in the stage's scale. Wide: the counter on the left; the lock in the
   * middle with its owner inside; the queue to the lock's left in numbered places, first served
   * nearest, in as many rows as it needs, under its caption; the other threads to the lock's
   * right, those still running first, then the finished ones. Narrow (in a column beside the
   * timeline, or too narrow for that): the same from top to bottom — the counter, the lock (beside
   * the counter when there is the width), the queue under them (first served first), the others.
   */
  private final class Layout {
    final double chipW = CHIP_W * scale;
    final double chipH = CHIP_H * scale;
    final double gap = 10 * scale;
    final double top = 12 * scale;
    final double left = 20 * scale;
    final double counterRight = 250 * scale;
    final double counterBottom = 160 * scale;
    final double lockBodyW = chipW + 40 * scale;
    final double lockHeight = 140 * scale;
    final double width;
    final boolean narrow;
    final double lockX;
    final double lockY;
    final double queueTop;
    final int queuePerRow;
    final double othersLeft;
    final int othersPerRow;
    final double othersTop;
    /**
     * The places kept for the line and for the other threads: as many as the run (before any run,
     * the controls) can put there at once, so that the stage keeps its size while the threads move
     * (it grew and shrank, and its drawing with it, each time a thread stepped out of the line).
     */
    final int queueRoom;
    final int othersRoom;
    final List<ThreadChip> queue = new ArrayList<>();
    final List<ThreadChip> others = new ArrayList<>();

    Layout(double width) {
      this.width = width;
      narrow = inColumn || width < counterRight + chipW + 3 * gap + lockBodyW + 3 * gap + chipW;
      // a column wide enough for the counter and the lock side by side keeps them in one row: the
      // stage is then about half as tall, and drawn larger in the same room
      boolean lockBesideCounter = narrow && width >= counterRight + lockBodyW + 2 * gap;
      lockX = !narrow ? Math.max(counterRight + chipW + 3 * gap, width * 0.52) : lockBesideCounter ? counterRight + gap : left;
      lockY = narrow && !lockBesideCounter ? counterBottom + 22 * scale : top + 22 * scale;
      queueTop = narrow ? lockY + lockHeight + 26 * scale : lockY + 30 * scale;
      int perNarrowRow = Math.max(1, (int) ((width - left) / (chipW + gap)));
      queuePerRow = narrow ? perNarrowRow : Math.max(1, (int) ((lockX - counterRight - 2 * gap) / (chipW + gap)));
      othersLeft = narrow ? left : lockX + lockBodyW + 3 * gap;
      othersPerRow = narrow ? perNarrowRow : Math.max(1, (int) ((width - othersLeft) / (chipW + gap)));
      for (ThreadChip chip : chips.values()) {
        if (chip.waiting) {
          queue.add(chip);
        } else if (chip.holdCount == 0) {
          others.add(chip);
        }
      }
      queue.sort(Comparator.comparingLong(c -> c.waitingSince));
      int planned = trace != null ? trace.runInfo().intValue(lesson.threads().key(), lesson.threads().get()) : lesson.threads().get();
      boolean locking = trace != null ? usesLock : lesson.mode().get() != LockLesson.Mode.NO_LOCK;
      queueRoom = Math.max(queue.size(), locking ? planned - 1 : 0);
      othersRoom = Math.max(others.size(), planned);
      others.sort(Comparator.comparing((ThreadChip c) -> c.ended));
      othersTop = narrow ? queueTop + rows(queueRoom, queuePerRow) * (chipH + gap) + 26 * scale : lockY;
    }

    private static int rows(int chips, int perRow) {
      return (chips + perRow - 1) / perRow;
    }

    double[] targetOf(ThreadChip chip) {
      if (chip.holdCount > 0) {
        return new double[] {lockX + 20 * scale, lockY + 58 * scale};
      }
      int place = queue.indexOf(chip);
      if (place >= 0) {
        int row = place / queuePerRow;
        int column = place % queuePerRow;
        double x = narrow ? left + column * (chipW + gap) : lockX - gap - (column + 1) * (chipW + gap);
        return new double[] {x, queueTop + row * (chipH + gap)};
      }
      int index = others.indexOf(chip);
      return new double[] {othersLeft + (index % othersPerRow) * (chipW + gap), othersTop + (index / othersPerRow) * (chipH + gap)};
    }

    double height() {
      double lockBottom = lockY + lockHeight;
      double queueBottom = queueTop + rows(queueRoom, queuePerRow) * (chipH + gap);
      double othersBottom = othersTop + rows(othersRoom, othersPerRow) * (chipH + gap);
      return Math.max(Math.max(Math.max(queueBottom, othersBottom), lockBottom), (HEIGHT - 20) * scale);
    }
  }

  private Layout layout() {
    return new Layout(canvas.getWidth());
  }

  private void paint() {
    paints++;
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.setFill(Palette.background());
    g.fillRect(0, 0, w, h);
    Layout layout = layout();
    if (layout.height() != laidOutHeight) { // a thread joined the queue or left it: the stage's height follows
      laidOutHeight = layout.height();
      canvasPane.requestLayout();
    }
    drawCounter(g);
    drawLock(g, layout.lockX, layout.lockY, layout.lockBodyW);
    g.setFill(Palette.mutedText());
    g.setFont(Font.font("System", Palette.textWeight(), 15 * scale));
    g.setTextBaseline(VPos.BOTTOM);
    if (!layout.queue.isEmpty()) {
      g.setTextAlign(layout.narrow ? TextAlignment.LEFT : TextAlignment.RIGHT);
      if (layout.narrow) { // a caption wider than the column is drawn narrower, never cut
        CanvasText.fill(g, i18n.get(queueCaption()), layout.left, layout.queueTop - 4 * scale, w - layout.left - layout.gap);
      } else {
        g.fillText(i18n.get(queueCaption()), layout.lockX - layout.gap, layout.queueTop - 4 * scale);
      }
    }
    if (!layout.others.isEmpty()) {
      g.setTextAlign(TextAlignment.LEFT);
      CanvasText.fill(g, i18n.get("lock.others"), layout.othersLeft, layout.othersTop - 4 * scale, w - layout.othersLeft - layout.gap);
    }
    for (boolean moving : new boolean[] {false, true}) {
      for (ThreadChip chip : chips.values()) {
        if (!Double.isNaN(chip.x) && chip.moving == moving) {
          drawChip(g, chip, layout.queue.indexOf(chip));
        }
      }
    }
  }

  private void drawCounter(GraphicsContext g) {
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.setFill(Palette.mutedText());
    g.setFont(Font.font("System", Palette.textWeight(), 16 * scale));
    CanvasText.fill(g, counterCaption(), 20 * scale, 10 * scale, 230 * scale);
    g.setFill(Palette.text());
    g.setFont(Font.font("System", FontWeight.BOLD, 76 * scale));
    g.fillText(Integer.toString(counter), 20 * scale, 30 * scale);
    g.setFont(Font.font("System", Palette.textWeight(), 16 * scale));
    g.setFill(Palette.mutedText());
    g.fillText(i18n.get("lock.expected", expected()), 20 * scale, 122 * scale);
    if (lostKnown() && lost() > 0) {
      g.setFill(Palette.failure());
      g.setFont(Font.font("System", FontWeight.BOLD, 18 * scale));
    }
    CanvasText.fill(g, lostText(), 20 * scale, 146 * scale, 230 * scale);
  }

  private int expected() {
    return trace == null ? lesson.expected() : lesson.expected(trace.runInfo());
  }

  /** Java counts every write it saw; a Python script's counter is a plain variable, known once it prints it. */
  private boolean lostKnown() {
    return !python || printedLast;
  }

  private long lost() {
    return Math.max(0, python ? expected() - counter : writes - counter);
  }

  String counterCaption() {
    return i18n.get(python ? "lock.counter.python" : "lock.counter");
  }

  String lostText() {
    return lostKnown() ? i18n.get("lock.lost", lost()) : i18n.get("lock.lost.python");
  }

  private void drawLock(GraphicsContext g, double x, double y, double bodyW) {
    double shackle = 34 * scale;
    g.setLineWidth(6 * scale);
    g.setStroke(usesLock ? Palette.text() : Palette.grid());
    g.strokeArc(x + bodyW / 2 - shackle, y - 4 * scale, 2 * shackle, 70 * scale, 0, 180, javafx.scene.shape.ArcType.OPEN);
    g.strokeLine(x + bodyW / 2 - shackle, y + 31 * scale, x + bodyW / 2 - shackle, y + 44 * scale);
    g.strokeLine(x + bodyW / 2 + shackle, y + 31 * scale, x + bodyW / 2 + shackle, y + 44 * scale);
    g.setFill(usesLock ? Palette.stripe() : Palette.background());
    g.fillRoundRect(x, y + 40 * scale, bodyW, 72 * scale, 12 * scale, 12 * scale);
    g.setLineWidth(3 * scale);
    g.strokeRoundRect(x, y + 40 * scale, bodyW, 72 * scale, 12 * scale, 12 * scale);
    g.setFill(Palette.mutedText());
    g.setFont(Font.font("System", Palette.textWeight(), 14 * scale));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    g.fillText(usesLock ? i18n.get("lock.lock") : i18n.get("lock.none"), x + bodyW / 2, y + 118 * scale);
  }

  /**
   * A thread: solid in its lane's colour with its name in the background colour while it takes
   * part, its place in the queue before the name; once finished, an outline in its colour with
   * its name in the text colour, so it stays readable.
   */
  private void drawChip(GraphicsContext g, ThreadChip chip, int place) {
    double w = CHIP_W * scale;
    double h = CHIP_H * scale;
    double arc = 10 * scale;
    javafx.scene.paint.Color color = Palette.lane(chip.lane.colorIndex());
    if (chip.ended) {
      g.setFill(Palette.background());
      g.fillRoundRect(chip.x, chip.y, w, h, arc, arc);
      g.setStroke(color);
      g.setLineWidth(2 * scale);
      g.strokeRoundRect(chip.x, chip.y, w, h, arc, arc);
      g.setFill(Palette.text());
    } else {
      g.setFill(color);
      g.fillRoundRect(chip.x, chip.y, w, h, arc, arc);
      g.setFill(Palette.onLane(chip.lane.colorIndex()));
    }
    g.setFont(Font.font("System", FontWeight.BOLD, 16 * scale));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    String label = (place >= 0 ? (place + 1) + ". " : "") + chip.lane.name() + (chip.holdCount > 1 ? "  ×" + chip.holdCount : "");
    CanvasText.fill(g, label, chip.x + w / 2, chip.y + h / 2, w - 8 * scale);
  }

  @Override
  public void setScale(double newScale) {
    scale = newScale;
    canvasPane.setMinHeight(HEIGHT * scale);
    chips.values().forEach(c -> c.x = Double.NaN); // placed anew at the new size
    glide();
    paint();
  }

  @Override
  public boolean fitsColumn() {
    return true;
  }

  @Override
  public boolean besideAtEverySize() {
    return true;
  }

  @Override
  public void setInColumn(boolean now) {
    inColumn = now;
    chips.values().forEach(c -> c.x = Double.NaN);
    glide();
    paint();
  }


  /** Java's lock is fair, so the first in line gets it next; Python's Lock promises no order. */
  private String queueCaption() {
    return python ? "lock.queue.python" : "lock.queue";
  }

  @Override
  public void repaint() {
    paint();
  }

  /** Where the waiting threads' places and the queue's caption are now (for tests): they must never overlap. */
  List<javafx.geometry.Rectangle2D> queueBoxes() {
    Layout layout = layout();
    List<javafx.geometry.Rectangle2D> boxes = new ArrayList<>();
    javafx.scene.text.Text caption = new javafx.scene.text.Text(i18n.get(queueCaption()));
    caption.setFont(Font.font("System", Palette.textWeight(), 15 * scale));
    double captionW = caption.getLayoutBounds().getWidth();
    double captionH = caption.getLayoutBounds().getHeight();
    double top = layout.queueTop - 4 * scale - captionH;
    if (layout.narrow) { // drawn narrower when wider than the column
      boxes.add(new javafx.geometry.Rectangle2D(layout.left, top, Math.min(captionW, width() - layout.left - layout.gap), captionH));
    } else {
      boxes.add(new javafx.geometry.Rectangle2D(layout.lockX - layout.gap - captionW, top, captionW, captionH));
    }
    for (ThreadChip chip : layout.queue) {
      double[] at = layout.targetOf(chip);
      boxes.add(new javafx.geometry.Rectangle2D(at[0], at[1], layout.chipW, layout.chipH));
    }
    return boxes;
  }

  int paints() {
    return paints;
  }

  double width() {
    return canvas.getWidth();
  }

  public int counterShown() {
    return counter;
  }
}
