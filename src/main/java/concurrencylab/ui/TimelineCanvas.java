package concurrencylab.ui;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceStore;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
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
  static final double LABEL_WIDTH = 240;
  static final double AXIS_HEIGHT = 34;
  private static final double MIN_LANE = 26;
  private static final double MAX_LANE = 72;
  private static final long MIN_SPAN = 1_000_000; // 1 ms
  private static final long FOLLOW_SPAN = 30_000_000_000L; // follow the last 30 s of a long run
  private static final int MAX_STATE_CHANGES_PER_COLUMN = 8;

  private final Canvas canvas = new Canvas();
  private final I18n i18n;
  private Trace trace;
  private boolean following = true;
  private boolean dirty = true;
  private long viewStart;
  private long viewEnd = 1_000_000_000L;
  private double dragX = Double.NaN;
  private long dragViewStart;
  private double mouseX = -1;
  private double mouseY = -1;
  private Font labelFont = Font.font("System", FontWeight.BOLD, 16);
  private Font smallFont = Font.font("System", 14);
  private LaneState[] columnStates = new LaneState[0];

  public TimelineCanvas(I18n i18n) {
    this.i18n = i18n;
    getStyleClass().add("timeline");
    getChildren().add(canvas);
    setMinSize(300, 120);
    canvas.addEventHandler(ScrollEvent.SCROLL, this::zoom);
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> startDrag(e));
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, -1));
    i18n.localeProperty().addListener((obs, old, now) -> markDirty());
  }

  /** Shows a new run; the view follows it until it ends. */
  public void show(Trace newTrace) {
    trace = newTrace;
    following = true;
    viewStart = 0;
    viewEnd = 1_000_000_000L;
    markDirty();
  }

  public Trace trace() {
    return trace;
  }

  public void markDirty() {
    dirty = true;
  }

  /** Stops following the live run and fits the whole run into view. */
  public void runEnded() {
    following = false;
    fit();
  }

  public void fit() {
    if (trace != null) {
      viewStart = 0;
      viewEnd = Math.max(MIN_SPAN, (long) (liveEnd() * 1.12)); // room for the exit labels
    }
    markDirty();
  }

  public boolean isFollowing() {
    return following;
  }

  public long viewStart() {
    return viewStart;
  }

  public long viewEnd() {
    return viewEnd;
  }

  /** Shows the given span of the run; used by zooming, panning and the benchmarks. */
  public void setView(long start, long end) {
    viewStart = Math.max(0, start);
    viewEnd = Math.max(viewStart + MIN_SPAN, end);
    markDirty();
  }

  /** Sets how big lanes and type are, for a room that is far away. */
  public void setScale(double scale) {
    labelFont = Font.font("System", FontWeight.BOLD, 16 * scale);
    smallFont = Font.font("System", 14 * scale);
    markDirty();
  }

  @Override
  protected void layoutChildren() {
    if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
      canvas.setWidth(getWidth());
      canvas.setHeight(getHeight());
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
    paint();
    return true;
  }

  private long liveEnd() {
    if (trace == null) {
      return 0;
    }
    return trace.isFinished() ? trace.store().endTime() : Math.max(trace.now(), trace.store().endTime());
  }

  /** Draws the whole timeline now. */
  public void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double width = canvas.getWidth();
    double height = canvas.getHeight();
    g.setFill(Palette.BACKGROUND);
    g.fillRect(0, 0, width, height);
    if (trace == null || width <= LABEL_WIDTH + 10) {
      g.setFill(Palette.MUTED_TEXT);
      g.setFont(labelFont);
      g.setTextBaseline(VPos.CENTER);
      g.fillText(i18n.get("timeline.empty"), 20, height / 2);
      return;
    }
    long end = liveEnd();
    if (following) {
      viewEnd = Math.max(1_000_000_000L, (long) (end * 1.12));
      viewStart = Math.max(0, viewEnd - FOLLOW_SPAN);
    }
    List<Lane> lanes = trace.lanes();
    TraceStore store = trace.store();
    double laneHeight = laneHeight(height, lanes.size());
    drawAxis(g, width);
    for (Lane lane : lanes) {
      double top = AXIS_HEIGHT + lane.id() * laneHeight;
      if (top > height) {
        break;
      }
      drawLane(g, lane, store.track(lane.id()), top, laneHeight, width, end);
    }
    for (Lane lane : lanes) {
      drawSpawnLinks(g, lane, store.track(lane.id()), laneHeight);
    }
    if (!trace.isFinished()) {
      double x = x(end, width);
      g.setFill(Palette.TEXT);
      fillVerticalLine(g, x, AXIS_HEIGHT, Math.min(height, AXIS_HEIGHT + lanes.size() * laneHeight), 2);
    }
    drawHover(g, lanes, store, laneHeight, width);
  }

  static double laneHeight(double height, int laneCount) {
    double fit = (height - AXIS_HEIGHT - 4) / Math.max(1, laneCount);
    return Math.max(MIN_LANE, Math.min(MAX_LANE, fit));
  }

  private double x(long time, double width) {
    return LABEL_WIDTH + (time - viewStart) * (width - LABEL_WIDTH) / (double) (viewEnd - viewStart);
  }

  private long time(double x, double width) {
    return viewStart + (long) ((x - LABEL_WIDTH) * (viewEnd - viewStart) / (width - LABEL_WIDTH));
  }

  private void drawAxis(GraphicsContext g, double width) {
    long span = viewEnd - viewStart;
    long step = niceStep(span / Math.max(1, (long) ((width - LABEL_WIDTH) / 140)));
    g.setFont(smallFont);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    for (long t = (viewStart / step) * step; t <= viewEnd; t += step) {
      double x = x(t, width);
      if (x < LABEL_WIDTH) {
        continue;
      }
      g.setFill(Palette.GRID);
      fillVerticalLine(g, x, AXIS_HEIGHT - 6, canvas.getHeight(), 1);
      g.setFill(Palette.MUTED_TEXT);
      g.fillText(formatTime(t, step), x + 4, AXIS_HEIGHT / 2);
    }
    g.setFill(Palette.GRID);
    g.fillRect(LABEL_WIDTH - 0.5, AXIS_HEIGHT - 0.5, width - LABEL_WIDTH + 1, 1);
  }

  static long niceStep(long rough) {
    long step = 1_000; // 1 µs
    long[] multipliers = {1, 2, 5};
    while (true) {
      for (long m : multipliers) {
        if (step * m >= rough) {
          return step * m;
        }
      }
      step *= 10;
    }
  }

  static String formatTime(long nanos, long step) {
    if (step >= 100_000_000L) {
      return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
    if (step >= 1_000_000L) {
      return String.format(Locale.ROOT, "%d ms", nanos / 1_000_000L);
    }
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }

  private void drawLane(GraphicsContext g, Lane lane, LaneTrack track, double top, double h, double width, long end) {
    if (lane.id() % 2 == 1) {
      g.setFill(Palette.STRIPE);
      g.fillRect(0, top, width, h);
    }
    Color color = lane.kind() == LaneKind.QUEUE ? Palette.MUTED_TEXT : Palette.lane(lane.colorIndex());
    drawLabel(g, lane, top, h, color);
    g.save();
    g.beginPath();
    g.rect(LABEL_WIDTH, top, width - LABEL_WIDTH, h);
    g.clip();
    double inner = h - 8;
    if (lane.kind() == LaneKind.QUEUE) {
      drawQueue(g, track, top + 4, inner, width, end);
    } else {
      drawStates(g, track, top + 4, inner, width, end, color);
      drawTasks(g, track, top + 4, inner, width, color);
    }
    drawLines(g, track, top + 4, inner, width);
    drawMarks(g, track, top + 4, inner, width);
    drawEnd(g, track, top + 4, inner, width);
    g.restore();
  }

  private void drawLabel(GraphicsContext g, Lane lane, double top, double h, Color color) {
    g.setFill(color);
    g.fillRect(0, top + 2, 10, h - 4);
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(Palette.TEXT);
    g.setTextBaseline(VPos.CENTER);
    boolean twoLines = h >= 44;
    g.setFont(labelFont);
    g.fillText(lane.name(), 18, twoLines ? top + h * 0.33 : top + h / 2, LABEL_WIDTH - 24);
    String detail =
        switch (lane.kind()) {
          case PROCESS -> i18n.get("timeline.pid", Long.toString(lane.pid()));
          case THREAD -> i18n.get("timeline.thread", Long.toString(lane.pid()));
          case QUEUE -> i18n.get("timeline.queue");
        };
    g.setFont(smallFont);
    g.setFill(Palette.MUTED_TEXT);
    if (twoLines) {
      g.fillText(detail, 18, top + h * 0.72, LABEL_WIDTH - 24);
    }
  }

  private void drawStates(GraphicsContext g, LaneTrack track, double top, double h, double width, long end, Color color) {
    LaneTrack.IndexList states = track.states();
    if (states.size() == 0) {
      return;
    }
    int columns = (int) Math.ceil(width - LABEL_WIDTH);
    if (columnStates.length < columns) {
      columnStates = new LaneState[columns];
    }
    for (int c = 0; c < columns; c++) {
      long from = time(LABEL_WIDTH + c, width);
      long to = time(LABEL_WIDTH + c + 1, width);
      columnStates[c] = from > end ? null : busiestState(track, from, to);
    }
    int c = 0;
    while (c < columns) {
      LaneState state = columnStates[c];
      int run = c + 1;
      while (run < columns && columnStates[run] == state) {
        run++;
      }
      if (state != null && state != LaneState.ENDED) {
        fillState(g, state, LABEL_WIDTH + c, run - c, top, h, color);
      }
      c = run;
    }
  }

  /** The state shown for a pixel column: the most active one that occurs in it. */
  private static LaneState busiestState(LaneTrack track, long from, long to) {
    LaneTrack.IndexList states = track.states();
    LaneState best = track.stateAt(from);
    int k = states.firstAtOrAfter(from);
    for (int seen = 0; k < states.size() && states.timeOf(k) < to && seen < MAX_STATE_CHANGES_PER_COLUMN; k++, seen++) {
      LaneState s = track.stateAt(states.timeOf(k));
      if (best == null || (s != null && s.ordinal() < best.ordinal())) {
        best = s;
      }
    }
    return best;
  }

  private static void fillState(GraphicsContext g, LaneState state, double x, double w, double top, double h, Color color) {
    switch (state) {
      case RUNNING -> {
        g.setFill(color);
        g.fillRect(x, top, w, h);
      }
      case SLEEPING -> {
        g.setFill(color.deriveColor(0, 1, 1, Palette.stateOpacity(state)));
        g.fillRect(x, top + h / 2, w, h / 2);
      }
      case WAITING -> {
        g.setFill(color.deriveColor(0, 1, 1, 0.8));
        g.fillRect(x, top + h / 2 - 1.5, w, 3);
      }
      case BLOCKED -> {
        g.setFill(color.deriveColor(0, 1, 1, Palette.stateOpacity(state)));
        g.fillRect(x, top, w, h);
        g.setStroke(color);
        g.setLineWidth(1.5);
        for (double hx = x - h; hx < x + w; hx += 8) {
          g.strokeLine(Math.max(hx, x), top + h - (Math.max(hx, x) - hx), Math.min(hx + h, x + w), top + h - (Math.min(hx + h, x + w) - hx));
        }
      }
      case ENDED -> {}
    }
  }

  private void drawTasks(GraphicsContext g, LaneTrack track, double top, double h, double width, Color color) {
    LaneTrack.IndexList tasks = track.tasks();
    int k = Math.max(0, tasks.lastAtOrBefore(viewStart));
    g.setFont(smallFont);
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    while (k < tasks.size()) {
      int index = tasks.get(k);
      if (track.kind(index) != EventKind.TASK_BEGIN) {
        k++;
        continue;
      }
      long begin = tasks.timeOf(k);
      if (begin > viewEnd) {
        break;
      }
      boolean closed = k + 1 < tasks.size();
      long finish = closed ? tasks.timeOf(k + 1) : liveEnd();
      boolean failed = closed && track.kind(tasks.get(k + 1)) == EventKind.TASK_FAILED;
      double x0 = Math.max(LABEL_WIDTH - 2, x(begin, width));
      double x1 = x(finish, width);
      g.setFill(failed ? Palette.FAILURE : Palette.TEXT);
      fillFrame(g, x0, top + 1, Math.max(1, x1 - x0), h - 2, failed ? 3 : 2);
      String name = track.text(index).isEmpty() ? "#" + track.value(index) : track.text(index);
      String label = failed ? "✗ " + name : name;
      double textWidth = labelFont.getSize() * 0.6 * label.length() + 12;
      double chipWidth = Math.min(x1 - x0 - 6, textWidth);
      if (chipWidth >= Math.min(textWidth, 48)) {
        double cx = x0 + (x1 - x0 - chipWidth) / 2;
        g.setFill(Palette.BACKGROUND.deriveColor(0, 1, 1, 0.9));
        g.fillRoundRect(cx, top + 3, chipWidth, labelFont.getSize() + 6, 6, 6);
        g.setFill(failed ? Palette.FAILURE : Palette.TEXT);
        g.setFont(labelFont);
        g.fillText(label, cx + 6, top + 5, chipWidth - 10);
      }
      k = Math.max(k + 2, tasks.firstAtOrAfter(time(x1 + 1, width)) - 1);
    }
  }

  /**
   * What {@code strokeLine(x, y0, x, y1)} draws with square caps (the canvas default), as a fill:
   * the same pixels, but a fill is far cheaper to draw than a stroke.
   */
  private static void fillVerticalLine(GraphicsContext g, double x, double y0, double y1, double lineWidth) {
    double half = lineWidth / 2;
    g.fillRect(x - half, Math.min(y0, y1) - half, lineWidth, Math.abs(y1 - y0) + lineWidth);
  }

  /**
   * What {@code strokeRect(x, y, w, h)} draws with a {@code lineWidth} wide line, as up to four
   * fills: the same pixels, but a fill is far cheaper to draw than a stroke.
   */
  private static void fillFrame(GraphicsContext g, double x, double y, double w, double h, double lineWidth) {
    double half = lineWidth / 2;
    if (w <= lineWidth || h <= lineWidth) {
      g.fillRect(x - half, y - half, w + lineWidth, h + lineWidth);
      return;
    }
    g.fillRect(x - half, y - half, w + lineWidth, lineWidth);
    g.fillRect(x - half, y + h - half, w + lineWidth, lineWidth);
    g.fillRect(x - half, y + half, lineWidth, h - lineWidth);
    g.fillRect(x + w - half, y + half, lineWidth, h - lineWidth);
  }

  private void drawQueue(GraphicsContext g, LaneTrack track, double top, double h, double width, long end) {
    LaneTrack.IndexList marks = track.marks();
    long maxDepth = 1;
    for (int k = 0; k < marks.size(); k++) {
      maxDepth = Math.max(maxDepth, track.value(marks.get(k)));
    }
    int k = Math.max(0, marks.lastAtOrBefore(viewStart));
    g.setFont(smallFont);
    g.setTextBaseline(VPos.CENTER);
    double lastLabelEnd = -1;
    while (k < marks.size() && marks.timeOf(k) <= viewEnd) {
      int index = marks.get(k);
      long depth = track.value(index);
      long until = k + 1 < marks.size() ? marks.timeOf(k + 1) : end;
      double x0 = Math.max(LABEL_WIDTH, x(marks.timeOf(k), width));
      double x1 = x(until, width);
      double barHeight = h * depth / maxDepth;
      g.setFill(Palette.MUTED_TEXT.deriveColor(0, 1, 1, 0.35));
      g.fillRect(x0, top + h - barHeight, Math.max(1, x1 - x0), barHeight);
      String waiting = track.text(index);
      if (!waiting.isEmpty() && x0 > lastLabelEnd && x1 - x0 > 40) {
        g.setFill(Palette.TEXT);
        g.fillText(waiting, x0 + 4, top + h / 2, x1 - x0 - 6);
        lastLabelEnd = x1;
      }
      k = Math.max(k + 1, marks.firstAtOrAfter(time(x0 + 1, width)));
    }
  }

  private void drawLines(GraphicsContext g, LaneTrack track, double top, double h, double width) {
    LaneTrack.IndexList lines = track.lines();
    int k = lines.firstAtOrAfter(viewStart);
    while (k < lines.size()) {
      long t = lines.timeOf(k);
      if (t > viewEnd) {
        break;
      }
      double x = Math.floor(x(t, width)) + 0.5;
      boolean stderr = track.kind(lines.get(k)) == EventKind.STDERR;
      g.setFill(stderr ? Palette.FAILURE : Palette.TEXT);
      double tick = stderr ? h * 0.75 : h * 0.4;
      fillVerticalLine(g, x, top + h - tick, top + h, 2);
      k = Math.max(k + 1, lines.firstAtOrAfter(time(x + 1.5, width)));
    }
  }

  private void drawMarks(GraphicsContext g, LaneTrack track, double top, double h, double width) {
    LaneTrack.IndexList marks = track.marks();
    int k = marks.firstAtOrAfter(viewStart);
    g.setFont(smallFont);
    g.setTextBaseline(VPos.TOP);
    double[] rowEnds = new double[Math.max(1, (int) (h / (smallFont.getSize() + 5)))];
    java.util.Arrays.fill(rowEnds, -1);
    while (k < marks.size() && marks.timeOf(k) <= viewEnd) {
      int index = marks.get(k);
      double x = x(marks.timeOf(k), width);
      boolean labelled = false;
      if (track.kind(index) == EventKind.MARKER) {
        g.setStroke(Palette.TEXT);
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        g.strokeLine(x, top, x, top + h);
        g.setLineDashes(null);
        labelled = drawMarkLabel(g, "⚑ " + track.text(index), x, top, rowEnds);
      }
      // several marks in one pixel each get a row of their own; past that, skip to the next pixel
      k = labelled ? k + 1 : Math.max(k + 1, marks.firstAtOrAfter(time(x + 1, width)));
    }
  }

  private boolean drawMarkLabel(GraphicsContext g, String label, double x, double top, double[] rowEnds) {
    int row = 0;
    while (row < rowEnds.length && rowEnds[row] >= x) {
      row++;
    }
    if (row == rowEnds.length) {
      return false;
    }
    double labelWidth = smallFont.getSize() * 0.6 * label.length() + 8;
    double y = top + row * (smallFont.getSize() + 5);
    g.setFill(Palette.BACKGROUND.deriveColor(0, 1, 1, 0.85));
    g.fillRect(x + 2, y, labelWidth, smallFont.getSize() + 4);
    g.setFill(Palette.TEXT);
    g.fillText(label, x + 5, y + 1);
    rowEnds[row] = x + labelWidth;
    return true;
  }

  private void drawEnd(GraphicsContext g, LaneTrack track, double top, double h, double width) {
    LaneTrack.IndexList states = track.states();
    if (states.size() == 0) {
      return;
    }
    int index = states.get(states.size() - 1);
    if (track.kind(index) != EventKind.END) {
      return;
    }
    long time = track.time(index);
    if (time < viewStart || time > viewEnd) {
      return;
    }
    double x = x(time, width);
    boolean failed = track.value(index) != 0;
    g.setFill(failed ? Palette.FAILURE : Palette.TEXT);
    g.fillRect(x - 1.5, top, 3, h);
    g.setFont(smallFont);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText((failed ? "✗ " : "■ ") + track.text(index), x + 5, top + h / 2);
  }

  private void drawSpawnLinks(GraphicsContext g, Lane parent, LaneTrack track, double laneHeight) {
    LaneTrack.IndexList marks = track.marks();
    double width = canvas.getWidth();
    for (int k = marks.firstAtOrAfter(viewStart); k < marks.size() && marks.timeOf(k) <= viewEnd; k++) {
      int index = marks.get(k);
      if (track.kind(index) != EventKind.SPAWN) {
        continue;
      }
      int child = (int) track.value(index);
      double x = x(marks.timeOf(k), width);
      double y0 = AXIS_HEIGHT + parent.id() * laneHeight + laneHeight / 2;
      double y1 = AXIS_HEIGHT + child * laneHeight + 4;
      Color color = Palette.lane(trace.lane(child).colorIndex());
      g.setFill(color.darker());
      fillVerticalLine(g, x, y0, y1, 2);
      g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {y1 - 8, y1 - 8, y1}, 3);
      g.fillOval(x - 4, y0 - 4, 8, 8);
    }
  }

  private void drawHover(GraphicsContext g, List<Lane> lanes, TraceStore store, double laneHeight, double width) {
    if (mouseX < LABEL_WIDTH || mouseY < AXIS_HEIGHT) {
      return;
    }
    int laneId = (int) ((mouseY - AXIS_HEIGHT) / laneHeight);
    if (laneId >= lanes.size()) {
      return;
    }
    LaneTrack track = store.track(laneId);
    LaneTrack.IndexList lines = track.lines();
    int k = lines.firstAtOrAfter(time(mouseX - 6, width));
    if (k >= lines.size() || lines.timeOf(k) > time(mouseX + 6, width)) {
      return;
    }
    int index = lines.get(k);
    String text = lanes.get(laneId).name() + " @ " + formatTime(track.time(index), 1_000_000L) + ":  " + track.text(index);
    g.setFont(smallFont);
    double boxWidth = Math.min(width - 20, smallFont.getSize() * 0.58 * text.length() + 20);
    double bx = Math.min(mouseX + 12, width - boxWidth - 8);
    double by = Math.max(4, mouseY - smallFont.getSize() * 2.4);
    g.setFill(Palette.TOOLTIP_BACKGROUND);
    g.fillRoundRect(bx, by, boxWidth, smallFont.getSize() + 14, 8, 8);
    g.setFill(Palette.TOOLTIP_TEXT);
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(text, bx + 10, by + 6, boxWidth - 20);
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
    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !following) {
      fit();
      return;
    }
    dragX = e.getX();
    dragViewStart = viewStart;
  }

  private void drag(MouseEvent e) {
    if (following || Double.isNaN(dragX)) {
      return;
    }
    long span = viewEnd - viewStart;
    long shift = (long) ((dragX - e.getX()) * span / (canvas.getWidth() - LABEL_WIDTH));
    setView(dragViewStart + shift, dragViewStart + shift + span);
  }

  private void zoom(ScrollEvent e) {
    if (following || e.getDeltaY() == 0) {
      return;
    }
    double factor = Math.pow(1.25, -e.getDeltaY() / 40);
    zoomAround(time(Math.max(LABEL_WIDTH, e.getX()), canvas.getWidth()), factor);
  }

  /** Zooms by {@code factor} (below 1 zooms in) keeping {@code anchor} where it is. */
  public void zoomAround(long anchor, double factor) {
    long start = anchor - (long) ((anchor - viewStart) * factor);
    long end = anchor + (long) ((viewEnd - anchor) * factor);
    setView(start, end);
  }
}
