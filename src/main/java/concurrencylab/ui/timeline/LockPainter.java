package concurrencylab.ui.timeline;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.ui.look.Palette;

/** A dark bar along the top of a lane while its thread holds a lock, one bar per level of hold count. */
final class LockPainter {
  private LockPainter() {}

  static void paint(Fills g, FrameSpan span, LaneTrack track, LaneRow row) {
    LaneTrack.IndexList locks = track.locks();
    int k = Math.max(0, locks.lastAtOrBefore(span.start()));
    while (k < locks.size() && locks.timeOf(k) <= span.limit()) {
      int index = locks.get(k);
      EventKind kind = locks.kindOf(k);
      long held = kind == EventKind.LOCK_WAIT ? 0 : track.value(index);
      long until = Math.min(span.end(), k + 1 < locks.size() ? locks.timeOf(k + 1) : span.end());
      double x0 = Math.max(span.left(), span.x(locks.timeOf(k)));
      double x1 = span.x(until);
      for (int level = 0; level < held; level++) {
        g.fill(Palette.text(), x0, row.top() + level * 7, Math.max(1, x1 - x0), 5);
      }
      k = Math.max(k + 1, locks.firstAtOrAfter(span.time(x0 + 1)) - 1);
    }
  }
}
