package concurrencylab.ui.timeline;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.ui.look.Palette;

/**
 * One tick per printed line at the bottom of its lane, a taller one in the failure colour for
 * stderr. Ticks of the same kind in neighbouring pixel columns are drawn as one band, so a dense
 * stretch costs one fill instead of one per column.
 */
final class TickPainter {
  private TickPainter() {}

  static void paint(Fills g, FrameSpan span, LaneTrack track, LaneRow row) {
    LaneTrack.IndexList lines = track.lines();
    int k = lines.firstAtOrAfter(span.start());
    double bandStart = Double.NaN;
    double bandEnd = Double.NaN;
    boolean bandStderr = false;
    while (k < lines.size()) {
      long t = lines.timeOf(k);
      if (t > span.limit()) {
        break;
      }
      double x = Math.floor(span.x(t)); // the tick's left column
      boolean stderr = lines.kindOf(k) == EventKind.STDERR;
      if (!Double.isNaN(bandStart) && (stderr != bandStderr || x > bandEnd + 2)) {
        fillTicks(g, bandStart, bandEnd, bandStderr, row);
        bandStart = Double.NaN;
      }
      if (Double.isNaN(bandStart)) {
        bandStart = x;
        bandStderr = stderr;
      }
      bandEnd = x;
      k = Math.max(k + 1, lines.firstAtOrAfter(span.time(x + 2)));
    }
    if (!Double.isNaN(bandStart)) {
      fillTicks(g, bandStart, bandEnd, bandStderr, row);
    }
  }

  /**
   * The ticks from column {@code x0} to {@code x1}, each two whole pixels wide: crisp, and a fill on
   * whole pixels is cheaper than one the rasterizer has to blend at its edges.
   */
  private static void fillTicks(Fills g, double x0, double x1, boolean stderr, LaneRow row) {
    double top = row.top();
    double h = row.height();
    double bottom = Math.round(top + h) + 1;
    double tickTop = Math.round(top + h - (stderr ? h * 0.75 : h * 0.4)) - 1;
    g.fill(stderr ? Palette.failure() : Palette.text(), x0, tickTop, x1 - x0 + 2, bottom - tickTop);
  }
}
