package concurrencylab.ui.timeline;

import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
import concurrencylab.ui.text.TraceTexts;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.LinkTable;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import concurrencylab.trace.TraceStore;
import concurrencylab.ui.timeline.LabelPlacement.Priority;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The timeline of a run: one lane per process or thread, drawn on a Canvas per pixel column, so a
 * frame costs what the screen shows rather than how many events were recorded. Each category of
 * event is found by binary search in the lane's time-sorted track, and a column that holds many
 * events is drawn once.
 *
 * <p>Shapes carry the meaning as well as colours: running is a full bar, sleeping a faint half bar,
 * waiting a thin line, blocked a hatched bar; a printed line is a tick, stderr a taller one.
 */
public final class TimelineCanvas extends Region {
  public static final double LABEL_WIDTH = 240;
  /** The width of the lane labels at the current scale. */
  private double labelWidth = LABEL_WIDTH;
  public static final double AXIS_HEIGHT = 34;
  /** The least lane height that still reads from the back of a room; below it lanes scroll. */
  private static final double MIN_LANE = 28;
  /** The most of the canvas width the lane labels may take, however large the type. */
  private static final double MAX_LABEL_SHARE = 0.18;
  private static final double MAX_LANE = 72;
  private double scale = 1;
  private long cursor = -1;
  private long drawLimit;
  private static final int MAX_STATE_CHANGES_PER_COLUMN = 8;
  /** Pixels between the arrows of links; links that end closer than this to the last are not drawn. */
  static final double LINK_GAP = 4;
  private static final LaneState[] DRAWN_STATES = {
    LaneState.RUNNING, LaneState.SLEEPING, LaneState.WAITING, LaneState.BLOCKED, LaneState.STARTING, LaneState.PAUSED
  };

  private final Canvas canvas = new Canvas();
  private final I18n i18n;
  private Trace trace;
  private final TimelineViewport viewport = new TimelineViewport();
  private boolean dirty = true;
  private double dragX = Double.NaN;
  private long dragViewStart;
  private double mouseX = -1;
  private double mouseY = -1;
  private Font labelFont = Font.font("System", FontWeight.BOLD, 16);
  private Font smallFont = Font.font("System", 14);
  private LaneState[] columnStates = new LaneState[0];
  /** Where each pixel column begins in time, for the view and layout it was worked out for. */
  private record ColumnGrid(double width, double labelWidth, long start, long end, long[] times) {}

  private ColumnGrid columnGrid;
  /** The colour under the lane being drawn, which translucent-looking shapes are mixed with. */
  private Color laneGround = Color.WHITE;
  private java.util.function.BiConsumer<TraceEvent, MouseEvent> onEventClicked;
  private double pixelScale = 1; // canvas pixels per layout pixel; above 1 only in renderImage
  private final LabelCache labels = new LabelCache();
  private final ScrollBar lanesBar = new ScrollBar();
  /** A label waiting for its place: its text, its type (large or small), ink, and what it sits on. */
  record Label(String text, boolean large, Color ink, Color ground, double padX, double padY) {}

  private final LabelPlacement<Label> placement = new LabelPlacement<>();
  /** The lane being drawn, whose labels are offered to the placement. */
  private int laneBeingDrawn;
  /** True while {@link #renderImage} draws: every lane, none scrolled away, no scroll bar. */
  private boolean exporting;

  public TimelineCanvas(I18n i18n) {
    this.i18n = i18n;
    getStyleClass().add("timeline");
    lanesBar.setOrientation(Orientation.VERTICAL);
    lanesBar.setId("timeline-lanes-scroll");
    lanesBar.setVisible(false);
    lanesBar.valueProperty().addListener((obs, old, now) -> {
      viewport.setLaneScroll(now.doubleValue());
      markDirty();
    });
    getChildren().addAll(canvas, lanesBar);
    setMinSize(300, 120);
    canvas.addEventHandler(ScrollEvent.SCROLL, this::wheel);
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> startDrag(e));
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, -1));
    canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.isStillSincePress() && e.getClickCount() == 1 && onEventClicked != null) {
        TraceEvent event = eventNear(e.getX(), e.getY());
        if (event != null) {
          onEventClicked.accept(event, e);
        }
      }
    });
    i18n.localeProperty().addListener((obs, old, now) -> markDirty());
  }

  /** Called with the event under a click and the click itself (for placing a popover). */
  public void setOnEventClicked(java.util.function.BiConsumer<TraceEvent, MouseEvent> handler) {
    onEventClicked = handler;
  }

  /**
   * The event drawn nearest to a point, within a few pixels, or null: a printed line, a mark, a
   * task, a lock event or a state change of the lane under the point.
   */
  public TraceEvent eventNear(double x, double y) {
    if (trace == null) {
      return null;
    }
    viewport.setColumns(labelWidth, canvas.getWidth());
    return TimelineHitTest.eventNear(trace, viewport, laneAt(y), x, cursor);
  }

  /** Shows a new run; the view follows it until it ends. */
  public void show(Trace newTrace) {
    trace = newTrace;
    viewport.reset();
    lanesBar.setValue(0);
    markDirty();
  }

  public Trace trace() {
    return trace;
  }

  public void markDirty() {
    dirty = true;
  }

  /** Stops viewport.isFollowing() the live run and fits the whole run into view. */
  public void runEnded() {
    viewport.setFollowing(false);
    fit();
  }

  public void fit() {
    if (trace != null) {
      viewport.fit(cursor >= 0 ? trace.store().endTime() : liveEnd());
    }
    markDirty();
  }

  public boolean isFollowing() {
    return viewport.isFollowing();
  }

  public long viewStart() {
    return viewport.start();
  }

  public long viewEnd() {
    return viewport.end();
  }

  /** Shows the given span of the run; used by zooming, panning and the benchmarks. */
  public void setView(long start, long end) {
    viewport.setView(start, end);
    markDirty();
  }

  /** Sets how big lanes and type are, for a room that is far away. */
  public void setScale(double newScale) {
    scale = newScale;
    labelWidth = labelWidthFor(canvas.getWidth() / pixelScale);
    labelFont = Font.font("System", FontWeight.BOLD, 16 * scale);
    smallFont = Font.font("System", 14 * scale);
    markDirty();
  }

  /** Shows the run only up to {@code time} (replay and scrubbing); -1 shows all of it. */
  public void setCursor(long time) {
    cursor = time;
    markDirty();
  }

  public long cursor() {
    return cursor;
  }

  /** The width of the lane labels: grows with the type, but never eats the timeline. */
  private double labelWidthFor(double width) {
    return Math.min(LABEL_WIDTH * scale, Math.max(LABEL_WIDTH, width * MAX_LABEL_SHARE));
  }

  public double labelWidth() {
    return labelWidth;
  }

  private int laneCount() {
    return trace == null ? 0 : trace.lanes().size();
  }

  /** Where the lane {@code laneId} begins, lanes scrolled under the axis included. */
  private double laneTop(double laneId, double laneHeight) {
    return AXIS_HEIGHT + laneId * laneHeight - laneScroll();
  }

  /** The lane under {@code y}, or -1 above the lanes. */
  private int laneAt(double y) {
    return TimelineHitTest.laneAt(y, AXIS_HEIGHT, laneHeight(canvas.getHeight() / pixelScale, laneCount(), scale), laneScroll());
  }

  /** How many pixels of lanes do not fit below the axis at the least lane height. */
  private double laneOverflow(double height) {
    int count = laneCount();
    return Math.max(0, count * laneHeight(height, count, scale) - (height - AXIS_HEIGHT - 4));
  }

  /** The lanes that the view shows whole, in order: which ones a lecturer can read now. */
  public List<Lane> visibleLanes() {
    if (trace == null) {
      return List.of();
    }
    double height = canvas.getHeight() / pixelScale;
    double h = laneHeight(height, laneCount(), scale);
    return trace.lanes().stream().filter(l -> laneTop(l.id(), h) >= AXIS_HEIGHT - 0.5 && laneTop(l.id(), h) + h <= height + 0.5).toList();
  }

  /** Scrolls the lanes by {@code pixels} (positive: down the list), if they do not all fit. */
  public void scrollLanes(double pixels) {
    lanesBar.setValue(Math.max(0, Math.min(lanesBar.getMax(), viewport.laneScroll() + pixels)));
  }

  /** How far the lanes are scrolled up under the axis; an export shows them all from the first. */
  private double laneScroll() {
    return exporting ? 0 : viewport.laneScroll();
  }

  @Override
  protected void layoutChildren() {
    fitCanvas();
  }

  /**
   * Sizes the canvas and the lane scroll bar for the lanes there are now: lanes are added while a
   * run goes on, with no layout pass, so every frame checks. An export gets every lane.
   */
  private void fitCanvas() {
    double fullWidth = getWidth();
    double fullHeight = getHeight();
    double overflow = exporting ? 0 : laneOverflow(fullHeight);
    boolean scrolls = overflow > 0.5;
    double barWidth = scrolls ? Math.max(12, lanesBar.prefWidth(-1)) : 0;
    if (lanesBar.isVisible() != scrolls) {
      lanesBar.setVisible(scrolls);
    }
    if (scrolls) {
      double viewHeight = fullHeight - AXIS_HEIGHT;
      lanesBar.resizeRelocate(fullWidth - barWidth, AXIS_HEIGHT, barWidth, viewHeight);
      lanesBar.setMax(overflow);
      lanesBar.setVisibleAmount(overflow * viewHeight / Math.max(1, overflow + viewHeight));
      lanesBar.setUnitIncrement(laneHeight(fullHeight, laneCount(), scale));
      lanesBar.setBlockIncrement(viewHeight * 0.8);
    }
    if (!exporting) {
      viewport.setLaneOverflow(overflow);
      if (viewport.laneScroll() != lanesBar.getValue()) {
        lanesBar.setValue(viewport.laneScroll());
      }
    }
    double height = fullHeight;
    if (exporting) {
      int count = laneCount();
      height = Math.max(fullHeight, AXIS_HEIGHT + 4 + count * laneHeight(fullHeight, count, scale));
    }
    double width = (fullWidth - barWidth) * pixelScale;
    height *= pixelScale;
    if (canvas.getWidth() != width || canvas.getHeight() != height) {
      canvas.setWidth(width);
      canvas.setHeight(height);
      markDirty();
    }
  }

  /** Draws a frame when something changed since the last one; called once per frame. */
  public boolean paintIfDirty() {
    boolean live = trace != null && !trace.isFinished();
    if (!dirty && !live) {
      return false;
    }
    dirty = false;
    fitCanvas();
    paint();
    return true;
  }

  private long liveEnd() {
    if (trace == null) {
      return 0;
    }
    if (cursor >= 0) {
      return cursor;
    }
    return trace.isFinished() ? trace.store().endTime() : Math.max(trace.now(), trace.store().endTime());
  }

  /** Draws the whole timeline now. */
  public void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setTransform(pixelScale, 0, 0, pixelScale, 0, 0);
    double width = canvas.getWidth() / pixelScale;
    double height = canvas.getHeight() / pixelScale;
    g.setFill(Palette.background());
    g.fillRect(0, 0, width, height);
    labelWidth = labelWidthFor(width);
    if (trace == null || width <= labelWidth + 10) {
      g.setFill(Palette.mutedText());
      g.setFont(labelFont);
      g.setTextBaseline(VPos.CENTER);
      g.fillText(i18n.get("timeline.empty"), 20, height / 2);
      return;
    }
    long end = liveEnd();
    viewport.follow(end);
    drawLimit = Math.min(viewport.end(), end);
    List<Lane> lanes = trace.lanes();
    TraceStore store = trace.store();
    double laneHeight = laneHeight(height, lanes.size(), scale);
    drawAxis(g, width);
    placement.clear();
    // lanes scrolled up pass under the axis, which stays on top
    g.save();
    g.beginPath();
    g.rect(0, AXIS_HEIGHT, width, height - AXIS_HEIGHT);
    g.clip();
    for (Lane lane : lanes) {
      double top = laneTop(lane.id(), laneHeight);
      if (top > height) {
        break;
      }
      if (top + laneHeight >= AXIS_HEIGHT) {
        drawLane(g, lane, store.track(lane.id()), top, laneHeight, width, end);
      }
    }
    for (Lane lane : lanes) {
      drawSpawnLinks(g, lane, store.track(lane.id()), laneHeight);
    }
    drawLinks(g, store.links(), lanes.size(), laneHeight, width);
    if (!trace.isFinished() || cursor >= 0) {
      double x = x(end, width);
      g.setFill(cursor >= 0 ? Palette.lane(0) : Palette.text());
      SolidShapes.verticalLine(g, x, AXIS_HEIGHT, Math.min(height, laneTop(lanes.size(), laneHeight)), 2);
    }
    drawLabels(g, placement.place(lanes.size()));
    g.restore();
    drawHover(g, lanes, store, laneHeight, width);
    if (pixelScale == 1) {
      double outputScale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
      labels.renderWaiting(outputScale, !trace.isFinished() || cursor >= 0); // busy: live or replaying
    }
  }

  /** A label, from the label cache when drawn for the screen; exported images draw text directly. */
  private void text(GraphicsContext g, String text, double x, double y) {
    if (pixelScale == 1) {
      labels.fill(g, text, x, y);
    } else {
      g.fillText(text, x, y);
    }
  }

  /** A label squeezed into {@code maxWidth} if it does not fit; one that fits is an ordinary label. */
  private void text(GraphicsContext g, String text, double x, double y, double maxWidth) {
    if (CanvasText.width(text, g.getFont()) <= maxWidth) {
      text(g, text, x, y);
    } else {
      g.fillText(text, x, y, maxWidth);
    }
  }

  /**
   * Draws the timeline as it is now into an image {@code pixelScale} times its size each way (2 for
   * slides): drawn at that resolution, not enlarged, so lines and type stay sharp. The hover
   * tooltip is left out. Call on the FX thread.
   */
  public WritableImage renderImage(double pixelScale) {
    double hoverX = mouseX;
    this.pixelScale = pixelScale;
    mouseX = -1;
    exporting = true;
    try {
      layoutChildren(); // the canvas gets the pixels; a snapshot lays out again, to the same size
      paint();
      return canvas.snapshot(null, null);
    } finally {
      this.pixelScale = 1;
      exporting = false;
      mouseX = hoverX;
      layoutChildren();
      markDirty();
    }
  }

  public static double laneHeight(double height, int laneCount, double scale) {
    double fit = (height - AXIS_HEIGHT - 4) / Math.max(1, laneCount);
    return Math.max(MIN_LANE * scale, Math.min(MAX_LANE * scale, fit));
  }

  /** Where what lane {@code laneId} did at {@code time} is drawn: the middle of its row, in this region's coordinates. */
  public javafx.geometry.Point2D pointOf(int laneId, long time) {
    double height = laneHeight(canvas.getHeight() / pixelScale, laneCount(), scale);
    return canvas.localToParent(x(time, canvas.getWidth()), laneTop(laneId, height) + height / 2);
  }

  private double x(long time, double width) {
    // an export is drawn wider than the screen: the columns are those of the width drawn to
    viewport.setColumns(labelWidth, width);
    return viewport.x(time);
  }

  private long time(double x, double width) {
    viewport.setColumns(labelWidth, width);
    return viewport.time(x);
  }

  private void drawAxis(GraphicsContext g, double width) {
    viewport.setColumns(labelWidth, width);
    AxisPainter.paint(g, viewport, width, canvas.getHeight() / pixelScale, AXIS_HEIGHT, smallFont, this::text);
  }

  private void drawLane(GraphicsContext g, Lane lane, LaneTrack track, double top, double h, double width, long end) {
    laneGround = lane.id() % 2 == 1 ? Palette.stripe() : Palette.background();
    if (lane.id() % 2 == 1) {
      g.setFill(laneGround);
      g.fillRect(0, top, width, h);
    }
    Color color = Palette.of(lane);
    laneBeingDrawn = lane.id();
    drawLabel(g, lane, top, h, color);
    g.save();
    g.beginPath();
    g.rect(labelWidth, top, width - labelWidth, h);
    g.clip();
    double inner = h - 8;
    if (lane.kind() == LaneKind.QUEUE) {
      drawQueue(g, track, top + 4, inner, width, end);
    } else {
      drawStates(g, track, top + 4, inner, width, end, color);
      drawLocks(g, track, top + 4, inner, width, end);
      drawTasks(g, track, top + 4, inner, width);
    }
    drawLines(g, track, top + 4, inner, width);
    drawMarks(g, track, top + 4, inner, width, lane.kind() == LaneKind.THREAD);
    drawEnd(g, lane, track, top + 4, inner, width);
    g.restore();
  }

  private void drawLabel(GraphicsContext g, Lane lane, double top, double h, Color color) {
    g.setFill(color);
    g.fillRect(0, top + 2, 10, h - 4);
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(Palette.text());
    g.setTextBaseline(VPos.CENTER);
    boolean twoLines = h >= (labelFont.getSize() + smallFont.getSize()) * 1.3;
    g.setFont(labelFont);
    text(g, lane.name(), 18, twoLines ? top + h * 0.33 : top + h / 2, labelWidth - 24);
    String detail =
        switch (lane.kind()) {
          case PROCESS -> i18n.get("timeline.pid", Long.toString(lane.pid()));
          case THREAD -> i18n.get("timeline.thread", Long.toString(lane.pid()));
          case QUEUE -> i18n.get("timeline.queue");
        };
    g.setFont(smallFont);
    g.setFill(Palette.mutedText());
    if (twoLines) {
      text(g, detail, 18, top + h * 0.72, labelWidth - 24);
    }
  }

  private void drawStates(GraphicsContext g, LaneTrack track, double top, double h, double width, long end, Color color) {
    LaneTrack.IndexList states = track.states();
    if (states.size() == 0) {
      return;
    }
    int columns = (int) Math.ceil(width - labelWidth);
    if (columnStates.length < columns) {
      columnStates = new LaneState[columns];
    }
    long[] columnTimes = columnTimes(columns, width);
    int k = states.firstAtOrAfter(columnTimes[0]);
    for (int c = 0; c < columns; c++) {
      long from = columnTimes[c];
      long to = columnTimes[c + 1];
      if (from > end) {
        columnStates[c] = null;
        continue;
      }
      // the state in force when the column begins, then the most active one that occurs in it
      LaneState best = k > 0 ? track.stateAfter(k - 1) : null;
      for (int seen = 0; k < states.size() && states.timeOf(k) < to; k++, seen++) {
        if (seen == MAX_STATE_CHANGES_PER_COLUMN) {
          k = states.firstAtOrAfter(to);
          break;
        }
        LaneState s = track.stateAfter(k);
        if (best == null || s.ordinal() < best.ordinal()) {
          best = s;
        }
      }
      columnStates[c] = best;
    }
    // one pass per state, so the fill colour changes a few times per lane, not once per run
    for (LaneState state : DRAWN_STATES) {
      boolean coloured = false;
      int c = 0;
      while (c < columns) {
        int run = c + 1;
        while (run < columns && columnStates[run] == columnStates[c]) {
          run++;
        }
        if (columnStates[c] == state) {
          if (!coloured) {
            g.setFill(stateFill(state, color, laneGround));
            coloured = true;
          }
          fillStateShape(g, state, labelWidth + c, run - c, top, h, color);
        }
        c = run;
      }
    }
  }

  private long[] columnTimes(int columns, double width) {
    ColumnGrid grid = columnGrid;
    if (grid == null || grid.times().length != columns + 1 || grid.width() != width || grid.labelWidth() != labelWidth
        || grid.start() != viewport.start() || grid.end() != viewport.end()) {
      long[] times = new long[columns + 1];
      for (int c = 0; c <= columns; c++) {
        times[c] = time(labelWidth + c, width);
      }
      grid = new ColumnGrid(width, labelWidth, viewport.start(), viewport.end(), times);
      columnGrid = grid;
    }
    return grid.times();
  }

  /**
   * One stretch of a state, as the timeline and the legend draw it. The faint shapes are solid
   * colours mixed with {@code ground}, the colour beneath them.
   */
  public static void fillState(GraphicsContext g, LaneState state, double x, double w, double top, double h, Color color, Color ground) {
    g.setFill(stateFill(state, color, ground));
    fillStateShape(g, state, x, w, top, h, color);
  }

  private static Color stateFill(LaneState state, Color color, Color ground) {
    return switch (state) {
      case RUNNING -> color;
      case WAITING -> Palette.over(color, 0.8, ground);
      default -> Palette.over(color, Palette.stateOpacity(state), ground);
    };
  }

  /** The shape of a state in the fill already set: full, lower half, a line, hatched. */
  private static void fillStateShape(GraphicsContext g, LaneState state, double x, double w, double top, double h, Color color) {
    switch (state) {
      case RUNNING -> g.fillRect(x, top, w, h);
      case SLEEPING -> g.fillRect(x, top + h / 2, w, h / 2);
      case WAITING -> g.fillRect(x, top + h / 2 - 1.5, w, 3);
      case BLOCKED -> {
        g.fillRect(x, top, w, h);
        g.setStroke(color);
        g.setLineWidth(1.5);
        for (double hx = x - h; hx < x + w; hx += 8) {
          g.strokeLine(Math.max(hx, x), top + h - (Math.max(hx, x) - hx), Math.min(hx + h, x + w), top + h - (Math.min(hx + h, x + w) - hx));
        }
      }
      case STARTING -> { // booting: an empty box, edges in the lane's colour
        g.fillRect(x, top, w, h);
        g.setFill(color);
        g.fillRect(x, top, w, 2);
        g.fillRect(x, top + h - 2, w, 2);
      }
      case PAUSED -> { // held: a faint bar with upright bars, like a pause sign
        g.fillRect(x, top, w, h);
        g.setFill(color);
        for (double px = Math.ceil(x / 6) * 6; px < x + w; px += 6) {
          g.fillRect(px, top + h * 0.2, Math.min(2, x + w - px), h * 0.6);
        }
      }
      case ENDED -> {}
    }
  }

  /**
   * Task frames, merged where they are too small to tell apart, then failed tasks on top, each one
   * drawn however many tasks share its pixel: a failure is never hidden by zooming out.
   */
  private void drawTasks(GraphicsContext g, LaneTrack track, double top, double h, double width) {
    LaneTrack.IndexList tasks = track.tasks();
    int k = Math.max(0, tasks.lastAtOrBefore(viewport.start()));
    TaskOutlines frames = new TaskOutlines(g, top + 1, h - 2, 2);
    while (k < tasks.size()) {
      int index = tasks.get(k);
      if (track.kind(index) != EventKind.TASK_BEGIN) {
        k++;
        continue;
      }
      long begin = tasks.timeOf(k);
      if (begin > drawLimit) {
        break;
      }
      boolean closed = k + 1 < tasks.size() && tasks.timeOf(k + 1) <= drawLimit;
      double x0 = Math.max(labelWidth - 2, x(begin, width));
      double x1 = x(closed ? tasks.timeOf(k + 1) : liveEnd(), width);
      if (!closed || track.kind(tasks.get(k + 1)) != EventKind.TASK_FAILED) {
        frames.add(x0, Math.max(x0 + 1, x1));
        if (x1 - x0 >= 30) {
          drawTaskChip(g, false, x0, x1, top, h, taskName(track, index));
        }
      }
      k = Math.max(k + 2, tasks.firstAtOrAfter(time(x1 + 1, width)) - 1);
    }
    frames.flush();
    LaneTrack.IndexList failures = track.failures();
    for (int f = failures.firstAtOrAfter(viewport.start()); f < failures.size() && failures.timeOf(f) <= drawLimit; f++) {
      int begin = track.taskBegin(failures.get(f));
      double x0 = Math.max(labelWidth - 2, x(track.time(begin), width));
      double x1 = x(failures.timeOf(f), width);
      g.setFill(Palette.failure());
      SolidShapes.frame(g, x0, top + 1, Math.max(1, x1 - x0), h - 2, 3);
      if (x1 - x0 >= 30) {
        drawTaskChip(g, true, x0, x1, top, h, "✗ " + taskName(track, begin));
      }
      f = Math.max(f, failures.firstAtOrAfter(time(x1 + 1, width)) - 1);
    }
  }

  private static String taskName(LaneTrack track, int begin) {
    return track.text(begin).isEmpty() ? "#" + track.value(begin) : track.text(begin);
  }

  /**
   * The task's name on a chip in the middle of its frame, cut short to fit, in smaller type when
   * the lane is low; at the top of the lane, else at its bottom, else none: never over its edges.
   */
  private void drawTaskChip(GraphicsContext g, boolean failed, double x0, double x1, double top, double h, String name) {
    boolean large = labelFont.getSize() + 6 <= h;
    Font font = large ? labelFont : smallFont;
    double chipHeight = font.getSize() + 6;
    if (chipHeight > h + 0.01) {
      return;
    }
    double right = Math.min(x1, canvas.getWidth() / pixelScale - 2);
    double left = Math.max(x0, labelWidth);
    String label = CanvasText.fitting(name, font, right - left - 18);
    if (label.isEmpty()) {
      return;
    }
    double chipWidth = CanvasText.width(label, font) + 12;
    double cx = left + (right - left - chipWidth) / 2;
    double y = Math.min(top + 3, top + h - chipHeight);
    placement.offer(failed ? Priority.FAILURE : Priority.TASK, laneBeingDrawn, chipWidth, chipHeight, left, right, top, top + h,
        new Label(label, large, failed ? Palette.failure() : Palette.text(), laneGround, 6, 2), cx, y, cx, top + h - chipHeight);
  }

  /** Draws the labels that won a place this frame, each on its own ground. */
  private void drawLabels(GraphicsContext g, List<LabelPlacement.Placed<Label>> placed) {
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    for (LabelPlacement.Placed<Label> box : placed) {
      Label label = box.label();
      if (label.ground() != null) {
        g.setFill(label.ground());
        SolidShapes.chip(g, box.x(), box.y(), box.width(), box.height());
      }
      g.setFont(label.large() ? labelFont : smallFont);
      g.setFill(label.ink());
      text(g, label.text(), box.x() + label.padX(), box.y() + label.padY());
    }
  }

  /** The labels placed in the last frame, for tests: where each went and what it says. */
  List<LabelPlacement.Placed<Label>> placedLabels() {
    return List.copyOf(placement.placed());
  }

  /** How many labels the last frame had no room for. */
  int foldedLabels() {
    return placement.folded();
  }

  /**
   * Offers a small label beside {@code x} in the lane's rows: to its right, else (near the right
   * edge, or taken) to its left, trying the given rows in turn.
   */
  private void offerBeside(Priority priority, String text, Color ink, Color ground, double x, double top, double h, double... rowYs) {
    double w = CanvasText.width(text, smallFont) + 8;
    double boxHeight = smallFont.getSize() + 4;
    double[] places = new double[rowYs.length * 4];
    for (int i = 0; i < rowYs.length; i++) {
      double y = Math.min(rowYs[i], top + h - boxHeight);
      places[4 * i] = x + 3;
      places[4 * i + 1] = y;
      places[4 * i + 2] = x - 3 - w;
      places[4 * i + 3] = y;
    }
    placement.offer(priority, laneBeingDrawn, w, boxHeight, labelWidth, canvas.getWidth() / pixelScale - 2, top, top + h,
        new Label(text, false, ink, ground, 4, 2), places);
  }

  /** A dark bar along the top while the thread holds a lock, one bar per level of hold count. */
  private void drawLocks(GraphicsContext g, LaneTrack track, double top, double h, double width, long end) {
    LaneTrack.IndexList locks = track.locks();
    int k = Math.max(0, locks.lastAtOrBefore(viewport.start()));
    g.setFill(Palette.text());
    while (k < locks.size() && locks.timeOf(k) <= drawLimit) {
      int index = locks.get(k);
      EventKind kind = track.kind(index);
      long held = kind == EventKind.LOCK_WAIT ? 0 : track.value(index);
      long until = Math.min(end, k + 1 < locks.size() ? locks.timeOf(k + 1) : end);
      double x0 = Math.max(labelWidth, x(locks.timeOf(k), width));
      double x1 = x(until, width);
      for (int level = 0; level < held; level++) {
        g.fillRect(x0, top + level * 7, Math.max(1, x1 - x0), 5);
      }
      k = Math.max(k + 1, locks.firstAtOrAfter(time(x0 + 1, width)) - 1);
    }
  }

  private void drawQueue(GraphicsContext g, LaneTrack track, double top, double h, double width, long end) {
    LaneTrack.IndexList marks = track.marks();
    long maxDepth = 1;
    for (int k = 0; k < marks.size(); k++) {
      maxDepth = Math.max(maxDepth, track.value(marks.get(k)));
    }
    int k = Math.max(0, marks.lastAtOrBefore(viewport.start()));
    g.setFont(smallFont);
    g.setTextBaseline(VPos.CENTER);
    double lastLabelEnd = -1;
    while (k < marks.size() && marks.timeOf(k) <= drawLimit) {
      int index = marks.get(k);
      long depth = track.value(index);
      long until = Math.min(end, k + 1 < marks.size() ? marks.timeOf(k + 1) : end);
      double x0 = Math.max(labelWidth, x(marks.timeOf(k), width));
      double x1 = x(until, width);
      double barHeight = h * depth / maxDepth;
      g.setFill(Palette.over(Palette.mutedText(), 0.35, laneGround));
      g.fillRect(x0, top + h - barHeight, Math.max(1, x1 - x0), barHeight);
      String waiting = track.text(index);
      if (!waiting.isEmpty() && x0 > lastLabelEnd) {
        // whole, never squeezed: a label with no room is left for the next depth that has some
        double w = CanvasText.width(waiting, smallFont) + 8;
        double boxHeight = smallFont.getSize() + 4;
        placement.offer(Priority.TASK, laneBeingDrawn, w, boxHeight, labelWidth, width - 2, top, top + h,
            new Label(waiting, false, Palette.text(), null, 4, 2), x0 + 2, top + (h - boxHeight) / 2);
        lastLabelEnd = x0 + 2 + w;
      }
      k = Math.max(k + 1, marks.firstAtOrAfter(time(x0 + 1, width)));
    }
  }

  /**
   * One tick per printed line; ticks of the same kind in neighbouring pixel columns are drawn as one
   * band, so a dense stretch costs one fill instead of one per column.
   */
  private void drawLines(GraphicsContext g, LaneTrack track, double top, double h, double width) {
    LaneTrack.IndexList lines = track.lines();
    int k = lines.firstAtOrAfter(viewport.start());
    double bandStart = Double.NaN;
    double bandEnd = Double.NaN;
    boolean bandStderr = false;
    while (k < lines.size()) {
      long t = lines.timeOf(k);
      if (t > drawLimit) {
        break;
      }
      double x = Math.floor(x(t, width)); // the tick's left column
      boolean stderr = track.kind(lines.get(k)) == EventKind.STDERR;
      if (!Double.isNaN(bandStart) && (stderr != bandStderr || x > bandEnd + 2)) {
        fillTicks(g, bandStart, bandEnd, bandStderr, top, h);
        bandStart = Double.NaN;
      }
      if (Double.isNaN(bandStart)) {
        bandStart = x;
        bandStderr = stderr;
      }
      bandEnd = x;
      k = Math.max(k + 1, lines.firstAtOrAfter(time(x + 2, width)));
    }
    if (!Double.isNaN(bandStart)) {
      fillTicks(g, bandStart, bandEnd, bandStderr, top, h);
    }
  }

  /**
   * The ticks from column {@code x0} to {@code x1}, each two whole pixels wide: crisp, and a fill on
   * whole pixels is cheaper than one the rasterizer has to blend at its edges.
   */
  private static void fillTicks(GraphicsContext g, double x0, double x1, boolean stderr, double top, double h) {
    g.setFill(stderr ? Palette.failure() : Palette.text());
    double bottom = Math.round(top + h) + 1;
    double tickTop = Math.round(top + h - (stderr ? h * 0.75 : h * 0.4)) - 1;
    g.fillRect(x0, tickTop, x1 - x0 + 2, bottom - tickTop);
  }

  private void drawMarks(GraphicsContext g, LaneTrack track, double top, double h, double width, boolean showValues) {
    LaneTrack.IndexList marks = track.marks();
    int k = marks.firstAtOrAfter(viewport.start());
    double rowStep = smallFont.getSize() + 5;
    int rows = Math.max(1, (int) (h / rowStep));
    double[] rowYs = new double[rows];
    for (int r = 0; r < rows; r++) {
      rowYs[r] = top + r * rowStep;
    }
    double valuesEnd = Double.NEGATIVE_INFINITY;
    double pixel = Double.NaN;
    int inPixel = 0;
    while (k < marks.size() && marks.timeOf(k) <= drawLimit) {
      int index = marks.get(k);
      double x = x(marks.timeOf(k), width);
      inPixel = Math.floor(x) == pixel ? inPixel + 1 : 0;
      pixel = Math.floor(x);
      EventKind kind = track.kind(index);
      if (showValues && (kind == EventKind.READ || kind == EventKind.COUNTER)) {
        String label = (kind == EventKind.READ ? "r" : "w") + track.value(index);
        double w = CanvasText.width(label, smallFont) + 6;
        if (x - w / 2 > valuesEnd) { // values share one row: one that would touch the last offered has no chance
          double boxHeight = smallFont.getSize() + 4;
          placement.offer(Priority.VALUE, laneBeingDrawn, w, boxHeight, labelWidth, width - 2, top, top + h,
              new Label(label, false, label.startsWith("w") ? Palette.text() : Palette.mutedText(), laneGround, 3, 1),
              x - w / 2, top + h - boxHeight);
          valuesEnd = x + w / 2;
        }
      } else if (kind == EventKind.MARKER) {
        g.setStroke(Palette.text());
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        g.strokeLine(x, top, x, top + h);
        g.setLineDashes(null);
        offerBeside(Priority.PHASE, "⚑ " + TraceTexts.text(track.text(index), i18n), Palette.text(), laneGround, x, top, h, rowYs);
      }
      // a pixel holds no more labels than the lane has rows: past that, skip to the next pixel
      k = inPixel < rows ? k + 1 : Math.max(k + 1, marks.firstAtOrAfter(time(x + 1, width)));
    }
  }

  private void drawEnd(GraphicsContext g, Lane lane, LaneTrack track, double top, double h, double width) {
    LaneTrack.IndexList states = track.states();
    if (states.size() == 0) {
      return;
    }
    int index = states.get(states.size() - 1);
    if (track.kind(index) != EventKind.END) {
      return;
    }
    long time = track.time(index);
    if (time < viewport.start() || time > drawLimit) {
      return;
    }
    double x = x(time, width);
    boolean failed = track.value(index) != 0;
    g.setFill(failed ? Palette.failure() : Palette.text());
    g.fillRect(x - 1.5, top, 3, h);
    String label = (failed ? "✗ " : "■ ") + TraceTexts.text(track.text(index), i18n);
    double boxHeight = smallFont.getSize() + 4;
    double rowStep = smallFont.getSize() + 5;
    // in the lowest row the lane has, beside its tick (left of it near the right edge), leaving
    // the upper rows to the marks, which are labelled from the top down
    double[] rowYs = new double[Math.max(1, (int) (h / rowStep))];
    for (int r = 0; r < rowYs.length; r++) {
      rowYs[r] = Math.max(top, top + h - boxHeight - r * rowStep);
    }
    offerBeside(failed ? Priority.FAILURE : Priority.END, label, failed ? Palette.failure() : Palette.text(), laneGround, x, top, h, rowYs);
  }

  /**
   * The parent's line drops to each child's lane and turns into it, with an arrowhead, where the
   * child begins; a dot marks the branching point, once per pixel. Only the arrowhead is a shape
   * the rasterizer has to trace: the lines are plain fills, so a fan of many children stays cheap.
   */
  private void drawSpawnLinks(GraphicsContext g, Lane parent, LaneTrack track, double laneHeight) {
    LaneTrack.IndexList marks = track.marks();
    double width = canvas.getWidth() / pixelScale;
    double reach = 14 * scale;
    double lastDot = Double.NaN;
    for (int k = marks.firstAtOrAfter(viewport.start()); k < marks.size() && marks.timeOf(k) <= drawLimit; k++) {
      int index = marks.get(k);
      if (track.kind(index) != EventKind.SPAWN) {
        continue;
      }
      int child = (int) track.value(index);
      double x = x(marks.timeOf(k), width);
      double y0 = laneTop(parent.id(), laneHeight) + laneHeight / 2;
      double y1 = laneTop(child, laneHeight) + laneHeight / 2;
      g.setFill(Palette.lane(trace.lane(child).colorIndex()).darker());
      SolidShapes.verticalLine(g, x, y0, y1, 2);
      g.fillRect(x, y1 - 1, reach - 7, 2);
      g.fillPolygon(new double[] {x + reach, x + reach - 8, x + reach - 8}, new double[] {y1, y1 - 5, y1 + 5}, 3);
      if (Math.round(x) != Math.round(lastDot)) {
        g.fillOval(x - 4, y0 - 4, 8, 8);
        lastDot = x;
      }
    }
  }

  /**
   * Every link but the spawns (drawn from the spawn marks above) as an arrow from the lane and time
   * it starts at to the lane and time it leads to: along the first lane, then across to the inner
   * edge of the other. Only links that have completed by the cursor are drawn, so a replay shows
   * each hand-over as it happens; and only one per {@link #LINK_GAP} pixels, in plain fills.
   */
  private void drawLinks(GraphicsContext g, LinkTable links, int laneCount, double laneHeight, double width) {
    int k = links.firstToAtOrAfter(viewport.start());
    if (k >= links.size() || links.toTime(k) > drawLimit) {
      return;
    }
    g.setFill(Palette.link());
    double bottom = laneTop(laneCount, laneHeight);
    while (k < links.size() && links.toTime(k) <= drawLimit) {
      int from = links.fromLane(k);
      int to = links.toLane(k);
      if (links.kind(k) == LinkKind.SPAWN || from == to || from >= laneCount || to >= laneCount) {
        k++;
        continue;
      }
      double x1 = Math.round(x(links.toTime(k), width));
      double x0 = Math.max(labelWidth, Math.round(x(links.fromTime(k), width)));
      double y0 = laneTop(from, laneHeight) + laneHeight / 2;
      double y1 = to > from ? laneTop(to, laneHeight) + 3 : laneTop(to + 1, laneHeight) - 3;
      if (Math.min(y0, y1) < bottom && Math.max(y0, y1) >= AXIS_HEIGHT) {
      fillLinkArrow(g, x0, y0, x1, y1, scale);
      }
      k = Math.max(k + 1, links.firstToAtOrAfter(time(x1 + LINK_GAP, width)));
    }
  }

  /**
   * An arrow from (x0, y0) along to x1, then up or down to y1, where its head points: a line of two
   * fills and a head of three, stepped, so the rasterizer never traces a path. The legend draws it
   * too.
   */
  public static void fillLinkArrow(GraphicsContext g, double x0, double y0, double x1, double y1, double scale) {
    double line = Math.max(2, Math.round(2 * scale));
    double head = Math.round(8 * scale);
    double half = Math.round(5 * scale);
    double direction = Math.signum(y1 - y0);
    if (x1 - x0 >= 1) {
      g.fillRect(x0, y0 - line / 2, x1 - x0, line);
    }
    double shaftEnd = y1 - direction * head;
    g.fillRect(x1 - line / 2, Math.min(y0, shaftEnd) - line / 2, line, Math.abs(shaftEnd - y0) + line);
    double step = head / 3;
    for (int i = 0; i < 3; i++) {
      double w = Math.max(line, Math.round(half * 2 * (3 - i) / 3));
      double top = direction > 0 ? shaftEnd + i * step : shaftEnd - (i + 1) * step;
      g.fillRect(x1 - w / 2, top, w, step);
    }
  }

  private void drawHover(GraphicsContext g, List<Lane> lanes, TraceStore store, double laneHeight, double width) {
    if (mouseX < labelWidth || mouseY < AXIS_HEIGHT) {
      return;
    }
    int laneId = laneAt(mouseY);
    if (laneId < 0 || laneId >= lanes.size()) {
      return;
    }
    LaneTrack track = store.track(laneId);
    viewport.setColumns(labelWidth, width);
    int index = TimelineHitTest.lineNear(track, viewport, mouseX);
    if (index < 0) {
      return;
    }
    String text = lanes.get(laneId).name() + " @ " + AxisPainter.formatTime(track.time(index), 1_000_000L) + ":  " + TraceTexts.text(track.text(index), i18n);
    g.setFont(smallFont);
    double boxWidth = Math.min(width - 20, CanvasText.width(text, smallFont) + 20);
    double bx = Math.min(mouseX + 12, width - boxWidth - 8);
    double by = Math.max(4, mouseY - smallFont.getSize() * 2.4);
    g.setFill(Palette.tooltipBackground());
    g.fillRoundRect(bx, by, boxWidth, smallFont.getSize() + 14, 8, 8);
    g.setFill(Palette.tooltipText());
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    CanvasText.fill(g, text, bx + 10, by + 6, boxWidth - 20);
  }

  private void hover(MouseEvent e) {
    hover(e.getX(), e.getY());
  }

  private void hover(double x, double y) {
    mouseX = x;
    mouseY = y;
    markDirty();
  }

  private void startDrag(MouseEvent e) {
    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !viewport.isFollowing()) {
      fit();
      return;
    }
    dragX = e.getX();
    dragViewStart = viewport.start();
  }

  private void drag(MouseEvent e) {
    if (viewport.isFollowing() || Double.isNaN(dragX)) {
      return;
    }
    viewport.setColumns(labelWidth, canvas.getWidth());
    viewport.panFrom(dragViewStart, e.getX() - dragX);
    markDirty();
  }

  /**
   * The wheel scrolls the lanes when they do not all fit (a lecturer's first need with 16
   * children); with Ctrl (or the platform's shortcut key), or when every lane fits, it zooms.
   */
  private void wheel(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    boolean zoomKey = e.isControlDown() || e.isShortcutDown();
    if (!zoomKey && lanesBar.isVisible()) {
      double dy = e.getDeltaY();
      // a notch of a mouse wheel is about 40 px; a tiny delta (a robot's notch) still moves a lane
      scrollLanes(Math.abs(dy) < 10 ? -Math.signum(dy) * laneHeight(canvas.getHeight() / pixelScale, laneCount(), scale) : -dy);
      e.consume();
      return;
    }
    zoom(e);
    e.consume();
  }

  private void zoom(ScrollEvent e) {
    if (viewport.isFollowing() || e.getDeltaY() == 0) {
      return;
    }
    double factor = Math.pow(1.25, -e.getDeltaY() / 40);
    zoomAround(time(Math.max(labelWidth, e.getX()), canvas.getWidth()), factor);
  }

  /** Zooms by {@code factor} (below 1 zooms in) keeping {@code anchor} where it is. */
  public void zoomAround(long anchor, double factor) {
    viewport.zoomAround(anchor, factor);
    markDirty();
  }
}
