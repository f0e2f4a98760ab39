package concurrencylab.ui.timeline;

/**
 * Which part of a run the timeline shows, and where: the span of time in view, whether it follows
 * the live end, how far the lanes are scrolled, and the mapping between time and x. No JavaFX, so
 * zooming, panning and fitting are tested as plain arithmetic.
 */
public final class TimelineViewport {
  /** The narrowest span in view: 1 ms. */
  public static final long MIN_SPAN = 1_000_000;
  /** A long live run shows its last 30 s. */
  public static final long FOLLOW_SPAN = 30_000_000_000L;
  /** Room right of the run's end, for the end labels. */
  static final double END_ROOM = 1.12;

  private long start;
  private long end = 1_000_000_000L;
  private boolean following = true;
  private double left;
  private double width = 1;
  private double laneScroll;
  private double laneOverflow;

  /** A new run: from its start, following its live end, lanes at the top. */
  public void reset() {
    start = 0;
    end = 1_000_000_000L;
    following = true;
    laneScroll = 0;
  }

  /** Where the time axis begins (right of the lane labels) and how wide the canvas is, in pixels. */
  public void setColumns(double axisLeft, double canvasWidth) {
    left = axisLeft;
    width = canvasWidth;
  }

  public double axisLeft() {
    return left;
  }

  /** The canvas width the columns were set for. */
  public double width() {
    return width;
  }

  public long start() {
    return start;
  }

  public long end() {
    return end;
  }

  public boolean isFollowing() {
    return following;
  }

  public void setFollowing(boolean follow) {
    following = follow;
  }

  /** Shows the given span, at least {@link #MIN_SPAN}, never before the run's start. */
  public void setView(long from, long to) {
    start = Math.max(0, from);
    end = Math.max(start + MIN_SPAN, to);
  }

  /** The whole run, ending at {@code runEnd}, with room for the end labels. */
  public void fit(long runEnd) {
    setView(0, Math.max(MIN_SPAN, (long) (runEnd * END_ROOM)));
  }

  /** While following, keeps the live end {@code liveEnd} in view (the last 30 s of a long run). */
  public void follow(long liveEnd) {
    if (following) {
      end = Math.max(1_000_000_000L, (long) (liveEnd * END_ROOM));
      start = Math.max(0, end - FOLLOW_SPAN);
    }
  }

  /** Zooms by {@code factor} (below 1 zooms in), keeping {@code anchor} where it is. */
  public void zoomAround(long anchor, double factor) {
    setView(anchor - (long) ((anchor - start) * factor), anchor + (long) ((end - anchor) * factor));
  }

  /** Moves the view so that what was at {@code fromStart} moves {@code dx} pixels right. */
  public void panFrom(long fromStart, double dx) {
    long span = end - start;
    long from = Math.max(0, fromStart + (long) (-dx * span / (width - left))); // the span stays, stopped at the start
    setView(from, from + span);
  }

  public double x(long time) {
    return left + (time - start) * (width - left) / (double) (end - start);
  }

  public long time(double x) {
    return start + (long) ((x - left) * (end - start) / (width - left));
  }

  /** How many pixels of lanes do not fit; the lane scroll stays within 0 and this. */
  public void setLaneOverflow(double overflow) {
    laneOverflow = Math.max(0, overflow);
    laneScroll = Math.max(0, Math.min(laneOverflow, laneScroll));
  }

  public double laneOverflow() {
    return laneOverflow;
  }

  public double laneScroll() {
    return laneScroll;
  }

  /** Scrolls the lanes to {@code offset} pixels, within what overflows. */
  public void setLaneScroll(double offset) {
    laneScroll = Math.max(0, Math.min(laneOverflow, offset));
  }
}
