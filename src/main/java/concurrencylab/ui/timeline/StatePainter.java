package concurrencylab.ui.timeline;

import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.ui.look.Palette;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A lane's states, one per pixel column: the state in force where the column begins, or the most
 * active one that occurs in it (running over sleeping over waiting…), so a blip of running is never
 * lost by zooming out. Neighbouring columns of the same state are one shape.
 *
 * <p>Shapes carry the meaning as well as colours: running is a full bar, sleeping a faint half
 * bar, waiting a thin line, blocked a hatched bar, starting an empty box, paused a barred one.
 */
public final class StatePainter {
  private static final int MAX_STATE_CHANGES_PER_COLUMN = 8;
  private static final LaneState[] DRAWN_STATES = {
    LaneState.RUNNING, LaneState.SLEEPING, LaneState.WAITING, LaneState.BLOCKED, LaneState.STARTING, LaneState.PAUSED
  };

  /** Where each pixel column begins in time, for the view it was worked out for. */
  private record ColumnGrid(double width, double left, long start, long end, long[] times) {}

  private ColumnGrid columnGrid;
  private LaneState[] columnStates = new LaneState[0];
  /** Where each stretch of one state begins, in columns, and after the last where the columns end. */
  private int[] runStarts = new int[0];

  StatePainter() {}

  void paint(Fills g, FrameSpan span, LaneTrack track, LaneRow row, Color color) {
    LaneTrack.IndexList states = track.states();
    if (states.size() == 0) {
      return;
    }
    double left = span.left();
    int columns = (int) Math.ceil(span.width() - left);
    if (columnStates.length < columns) {
      columnStates = new LaneState[columns];
    }
    long[] columnTimes = columnTimes(span, columns);
    int k = states.firstAtOrAfter(columnTimes[0]);
    for (int c = 0; c < columns; c++) {
      long from = columnTimes[c];
      long to = columnTimes[c + 1];
      if (from > span.end()) {
        columnStates[c] = null;
        continue;
      }
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
    // neighbouring columns of one state are one stretch
    if (runStarts.length < columns + 1) {
      runStarts = new int[columns + 1];
    }
    int runs = 0;
    for (int c = 0; c < columns; runs++) {
      runStarts[runs] = c;
      int run = c + 1;
      while (run < columns && columnStates[run] == columnStates[c]) {
        run++;
      }
      c = run;
    }
    runStarts[runs] = columns;
    // the stretches of one state drawn before those of the next
    for (LaneState state : DRAWN_STATES) {
      Color fill = null;
      for (int r = 0; r < runs; r++) {
        int c = runStarts[r];
        if (columnStates[c] == state) {
          if (fill == null) {
            fill = fillOf(state, color, row.ground());
          }
          fillShape(g, state, fill, left + c, runStarts[r + 1] - c, row.top(), row.height(), color);
        }
      }
    }
  }

  private long[] columnTimes(FrameSpan span, int columns) {
    ColumnGrid grid = columnGrid;
    double width = span.width();
    double left = span.left();
    if (grid == null || grid.times().length != columns + 1 || grid.width() != width || grid.left() != left
        || grid.start() != span.view().start() || grid.end() != span.view().end()) {
      long[] times = new long[columns + 1];
      for (int c = 0; c <= columns; c++) {
        times[c] = span.time(left + c);
      }
      grid = new ColumnGrid(width, left, span.view().start(), span.view().end(), times);
      columnGrid = grid;
    }
    return grid.times();
  }

  /**
   * One stretch of a state, as the timeline and the legend draw it. The faint shapes are solid
   * colours mixed with {@code ground}, the colour beneath them.
   */
  public static void fill(GraphicsContext g, LaneState state, double x, double w, double top, double h, Color color, Color ground) {
    fillShape(Fills.of(g), state, fillOf(state, color, ground), x, w, top, h, color);
  }

  private static Color fillOf(LaneState state, Color color, Color ground) {
    return switch (state) {
      case RUNNING -> color;
      case WAITING -> Palette.over(color, 0.8, ground);
      default -> Palette.over(color, Palette.stateOpacity(state), ground);
    };
  }

  /** The shape of a state in its fill: full, lower half, a line, hatched; edges and bars in the lane's colour. */
  private static void fillShape(Fills g, LaneState state, Color fill, double x, double w, double top, double h, Color color) {
    switch (state) {
      case RUNNING -> g.fill(fill, x, top, w, h);
      case SLEEPING -> g.fill(fill, x, top + h / 2, w, h / 2);
      case WAITING -> g.fill(fill, x, top + h / 2 - 1.5, w, 3);
      case BLOCKED -> {
        g.fill(fill, x, top, w, h);
        for (double hx = x - h; hx < x + w; hx += 8) {
          g.line(color, Math.max(hx, x), top + h - (Math.max(hx, x) - hx), Math.min(hx + h, x + w), top + h - (Math.min(hx + h, x + w) - hx), 1.5);
        }
      }
      case STARTING -> { // booting: an empty box, edges in the lane's colour
        g.fill(fill, x, top, w, h);
        g.fill(color, x, top, w, 2);
        g.fill(color, x, top + h - 2, w, 2);
      }
      case PAUSED -> { // held: a faint bar with upright bars, like a pause sign
        g.fill(fill, x, top, w, h);
        for (double px = Math.ceil(x / 6) * 6; px < x + w; px += 6) {
          g.fill(color, px, top + h * 0.2, Math.min(2, x + w - px), h * 0.6);
        }
      }
      case ENDED -> {}
    }
  }
}
