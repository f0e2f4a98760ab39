package concurrencylab.ui.timeline;

import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import concurrencylab.trace.TraceStore;
import concurrencylab.ui.look.Palette;
import concurrencylab.ui.text.I18n;
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

/**
 * The timeline of a run: one lane per process or thread, drawn on a Canvas once per frame by one
 * painter per layer (axis, lane labels, states, lock holds, tasks, ticks, marks and ends, links,
 * the cursor, the placed labels, the tooltip), each of which works per pixel column, so a frame
 * costs what the screen shows rather than how many events were recorded. This class sizes the
 * canvas and the lane scroll bar, calls the painters in order, and turns the mouse and wheel into
 * zooming, panning, scrolling and clicks on events.
 */
public final class TimelineCanvas extends Region {
  public static final double LABEL_WIDTH = 240;
  public static final double AXIS_HEIGHT = 34;
  /** The least lane height that still reads from the back of a room; below it lanes scroll. */
  private static final double MIN_LANE = 28;
  /** The most of the canvas width the lane labels may take, however large the type. */
  private static final double MAX_LABEL_SHARE = 0.18;
  private static final double MAX_LANE = 72;

  private final Canvas canvas = new Canvas();
  private final ScrollBar lanesBar = new ScrollBar();
  private final I18n i18n;
  private final TimelineViewport viewport = new TimelineViewport();
  private final LabelWriter writer = new LabelWriter();
  private final EventLabels eventLabels = new EventLabels();
  private final LaneLabelPainter laneLabels;
  private final StatePainter states = new StatePainter();
  private final LanePixels pixels = new LanePixels();
  private final GroundBelowLanes below = new GroundBelowLanes();
  private final MarkPainter marks;
  private final LineTooltipPainter tooltip;
  private Trace trace;
  private double scale = 1;
  private TimelineType type = TimelineType.at(1);
  /** The width of the lane labels at the current scale. */
  private double labelWidth = LABEL_WIDTH;
  private long cursor = -1;
  private boolean dirty = true;
  private double dragX = Double.NaN;
  private long dragViewStart;
  private double mouseX = -1;
  private double mouseY = -1;
  private java.util.function.BiConsumer<TraceEvent, MouseEvent> onEventClicked;
  private double pixelScale = 1; // canvas pixels per layout pixel; above 1 only in renderImage
  /** True while {@link #renderImage} draws: every lane, none scrolled away, no scroll bar. */
  private boolean exporting;

  public TimelineCanvas(I18n i18n) {
    this.i18n = i18n;
    laneLabels = new LaneLabelPainter(i18n);
    marks = new MarkPainter(i18n);
    tooltip = new LineTooltipPainter(i18n);
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

  /** Stops following the live run and fits the whole run into view. */
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
    type = TimelineType.at(newScale);
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

  /**
   * The width of the lane labels: grows with the type, but never eats the timeline. Whole pixels,
   * so that the timeline's pixel columns are the screen's: a shape between two columns has edges
   * the software renderer must blend, which costs it several times a plain fill.
   */
  private double labelWidthFor(double width) {
    return Math.floor(Math.min(LABEL_WIDTH * scale, Math.max(LABEL_WIDTH, width * MAX_LABEL_SHARE)));
  }

  public double labelWidth() {
    return labelWidth;
  }

  private int laneCount() {
    return trace == null ? 0 : trace.lanes().size();
  }

  /** Where the lanes are drawn now. */
  private LaneLayout laneLayout() {
    return new LaneLayout(AXIS_HEIGHT, laneHeight(canvas.getHeight() / pixelScale, laneCount(), scale), laneScroll());
  }

  /** The lane under {@code y}, or -1 above the lanes. */
  private int laneAt(double y) {
    LaneLayout layout = laneLayout();
    return TimelineHitTest.laneAt(y, AXIS_HEIGHT, layout.laneHeight(), layout.scroll());
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
    LaneLayout layout = laneLayout();
    return trace.lanes().stream()
        .filter(l -> layout.top(l.id()) >= AXIS_HEIGHT - 0.5 && layout.top(l.id()) + layout.laneHeight() <= height + 0.5)
        .toList();
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
      below.forget(); // a canvas that changed its size may have lost what it showed
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

  /**
   * Draws the whole timeline now: the painters one layer after another, bottom to top. The axis and
   * the label column are drawn on the canvas; everything in the lanes' area goes into the frame's
   * {@link LanePixels} and on the canvas in one go, then the label texts that have no picture yet
   * and the tooltip over it. Each pixel of the canvas is painted about once.
   */
  public void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setTransform(pixelScale, 0, 0, pixelScale, 0, 0);
    double width = canvas.getWidth() / pixelScale;
    double height = canvas.getHeight() / pixelScale;
    labelWidth = labelWidthFor(width);
    if (type.outOfTheme()) { // the theme changed since the type was made
      type = TimelineType.at(scale);
    }
    writer.useCache(pixelScale == 1);
    if (trace == null || width <= labelWidth + 10) {
      below.forget();
      g.setFill(Palette.background());
      g.fillRect(0, 0, width, height);
      g.setFill(Palette.mutedText());
      g.setFont(type.large());
      g.setTextBaseline(VPos.CENTER);
      g.fillText(i18n.get("timeline.empty"), 20, height / 2);
      return;
    }
    long end = liveEnd();
    viewport.follow(end);
    // an export is drawn wider than the screen: the columns are those of the width drawn to
    viewport.setColumns(labelWidth, width);
    FrameSpan span = new FrameSpan(viewport, end, Math.min(viewport.end(), end));
    List<Lane> lanes = trace.lanes();
    TraceStore store = trace.store();
    LaneLayout layout = laneLayout();
    // the lanes' rows right of the labels are the picture's; the axis, the label column and the
    // ground below the last lane are the canvas's
    pixels.begin(labelWidth, AXIS_HEIGHT, width - labelWidth, Math.min(height, layout.top(lanes.size())) - AXIS_HEIGHT, pixelScale,
        Palette.background());
    double lanesBottom = Math.max(AXIS_HEIGHT, Math.min(height, pixels.bottom()));
    g.setFill(Palette.background());
    g.fillRect(0, 0, width, AXIS_HEIGHT);
    g.fillRect(0, AXIS_HEIGHT, labelWidth, lanesBottom - AXIS_HEIGHT);
    groundLanes(lanes.size(), layout, width, height);
    int gridFrom = pixels.shapes();
    double[] grid = AxisPainter.paint(g, pixels, viewport, width, height, AXIS_HEIGHT, type.small(), writer::fill);
    int gridTo = pixels.shapes();
    if (pixelScale != 1) {
      below.forget();
    }
    below.paint(g, 0, lanesBottom, width, height, Palette.background(), Palette.grid(), grid);
    eventLabels.clear();
    int shown = 0;
    for (Lane lane : lanes) {
      double top = layout.top(lane.id());
      if (top > height) {
        break;
      }
      shown++;
      if (top + layout.laneHeight() >= AXIS_HEIGHT) {
        fillLane(span, lane, store.track(lane.id()), top, layout.laneHeight());
      }
    }
    for (Lane lane : lanes.subList(0, shown)) {
      double top = layout.top(lane.id());
      if (top + layout.laneHeight() >= AXIS_HEIGHT) {
        markLane(span, lane, store.track(lane.id()), top, layout.laneHeight());
      }
    }
    // lanes scrolled up pass under the axis, which stays on top
    pixels.clipRows(AXIS_HEIGHT, height);
    int overFrom = pixels.shapes();
    for (Lane lane : lanes) {
      LinkPainter.paintSpawns(pixels, span, trace, lane, layout, height, scale);
    }
    LinkPainter.paintLinks(pixels, span, store.links(), lanes.size(), layout, scale);
    if (!trace.isFinished() || cursor >= 0) {
      CursorPainter.paint(pixels, span, cursor >= 0, AXIS_HEIGHT, Math.min(height, layout.top(lanes.size())));
    }
    int overTo = pixels.shapes();
    eventLabels.paintInto(pixels, lanes.size(), type, writer);
    pixels.drawTo(g);
    g.save();
    g.beginPath();
    g.rect(0, AXIS_HEIGHT, width, height - AXIS_HEIGHT);
    g.clip();
    // what reaches over the edge of the label column: the grid under its lanes, spawns over them
    pixels.drawSpill(g, gridFrom, gridTo, 0, AXIS_HEIGHT, labelWidth, lanesBottom);
    for (Lane lane : lanes.subList(0, shown)) {
      double top = layout.top(lane.id());
      if (top + layout.laneHeight() >= AXIS_HEIGHT) {
        labelLane(g, lane, top, layout.laneHeight());
      }
    }
    pixels.drawSpill(g, overFrom, overTo, 0, AXIS_HEIGHT, labelWidth, height);
    eventLabels.paintTexts(g, type, writer);
    g.restore();
    if (mouseX >= labelWidth && mouseY >= AXIS_HEIGHT) {
      int laneId = laneAt(mouseY);
      if (laneId >= 0 && laneId < lanes.size()) {
        if (tooltip.paint(g, span, lanes.get(laneId), store.track(laneId), mouseX, mouseY, type) > lanesBottom) {
          below.forget(); // drawn over the ground below the lanes: that is to be drawn again
        }
      }
    }
    if (pixelScale == 1) {
      double outputScale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
      writer.afterFrame(outputScale, !trace.isFinished() || cursor >= 0); // busy: live or replaying
    }
  }

  /**
   * The ground of the lanes' rows, each row painted once: the even lanes' rows (and any below the
   * last lane) here, before the grid lines go over them, on whole pixels so that a neighbouring
   * odd lane's stripe, filled with its lane after the grid, blends over them as it would over a
   * ground under the whole area.
   */
  private void groundLanes(int laneCount, LaneLayout layout, double width, double height) {
    double bottom = pixels.bottom();
    double covered = AXIS_HEIGHT;
    for (int lane = 0; lane < laneCount; lane++) {
      double top = layout.top(lane);
      double end = top + layout.laneHeight();
      if (end <= AXIS_HEIGHT) {
        continue;
      }
      if (top >= bottom) {
        break;
      }
      if (lane % 2 == 0) {
        double from = Math.max(covered, Math.floor(top));
        double to = Math.min(bottom, Math.ceil(end));
        if (to > from) {
          pixels.fill(Palette.background(), labelWidth, from, width - labelWidth, to - from);
          covered = to;
        }
      } else {
        covered = Math.max(covered, Math.floor(end));
      }
    }
    if (bottom > covered) {
      pixels.fill(Palette.background(), labelWidth, covered, width - labelWidth, bottom - covered);
    }
    pixels.groundGiven();
  }

  private static Color groundOf(Lane lane) {
    return lane.id() % 2 == 1 ? Palette.stripe() : Palette.background();
  }

  /**
   * One lane's solid layers, into the frame's picture and clipped to the lane's row: its stripe,
   * its states, lock holds and tasks (a queue: its depth instead), and its printed lines.
   */
  private void fillLane(FrameSpan span, Lane lane, LaneTrack track, double top, double h) {
    Color ground = groundOf(lane);
    pixels.clipRows(top, top + h);
    if (lane.id() % 2 == 1) {
      pixels.fill(ground, labelWidth, top, span.width() - labelWidth, h);
    }
    LaneRow row = new LaneRow(lane.id(), top + 4, h - 8, ground);
    if (lane.kind() == LaneKind.QUEUE) {
      QueuePainter.paint(pixels, span, track, row, type, eventLabels);
    } else {
      states.paint(pixels, span, track, row, Palette.of(lane));
      LockPainter.paint(pixels, span, track, row);
      TaskPainter.paint(pixels, span, track, row, type, eventLabels);
    }
    TickPainter.paint(pixels, span, track, row);
  }

  /** One lane's marks and how it ended, into the frame's picture and clipped to the lane's row. */
  private void markLane(FrameSpan span, Lane lane, LaneTrack track, double top, double h) {
    pixels.clipRows(top, top + h);
    LaneRow row = new LaneRow(lane.id(), top + 4, h - 8, groundOf(lane));
    marks.paintMarks(pixels, span, track, row, lane.kind() == LaneKind.THREAD, type, eventLabels);
    marks.paintEnd(pixels, span, track, row, type, eventLabels);
  }

  /** One lane's stripe and label in the label column. */
  private void labelLane(GraphicsContext g, Lane lane, double top, double h) {
    if (lane.id() % 2 == 1) {
      g.setFill(groundOf(lane));
      g.fillRect(0, top, labelWidth, h);
    }
    laneLabels.paint(g, lane, top, h, Palette.of(lane), labelWidth, type, writer);
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

  /** For tests: the lanes' area drawn by the canvas itself, shape after shape (what the picture must look like), or as the picture. */
  void lanesAsCanvasFills(boolean fills) {
    pixels.drawAsCanvasFills(fills);
    markDirty();
  }

  /** For tests: how many of the last frame's labels were copied into its picture from pictures of their own. */
  int labelsInPicture() {
    return eventLabels.inPicture();
  }

  /** The labels placed in the last frame, for tests: where each went and what it says. */
  List<LabelPlacement.Placed<EventLabels.Label>> placedLabels() {
    return eventLabels.placed();
  }

  /** Where what lane {@code laneId} did at {@code time} is drawn: the middle of its row, in this region's coordinates. */
  public javafx.geometry.Point2D pointOf(int laneId, long time) {
    LaneLayout layout = laneLayout();
    viewport.setColumns(labelWidth, canvas.getWidth());
    return canvas.localToParent(viewport.x(time), layout.top(laneId) + layout.laneHeight() / 2);
  }

  /** The time at {@code x} on the canvas as it is on screen. */
  private long timeAt(double x) {
    viewport.setColumns(labelWidth, canvas.getWidth());
    return viewport.time(x);
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
    zoomAround(timeAt(Math.max(labelWidth, e.getX())), factor);
  }

  /** Zooms by {@code factor} (below 1 zooms in) keeping {@code anchor} where it is. */
  public void zoomAround(long anchor, double factor) {
    viewport.zoomAround(anchor, factor);
    markDirty();
  }
}
