package concurrencylab.ui.timeline;

import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.List;

/**
 * What lies under a point of the timeline: the lane at a height, the event drawn nearest to an x.
 * Searches the lane's time-sorted tracks, so it costs the same at a thousand events as at a million.
 */
public final class TimelineHitTest {
  /** How near, in pixels, an event must be drawn to count as under the pointer. */
  public static final double TOLERANCE = 6;
  /** Events looked at per track: a dense stretch has more in a few pixels than anyone can tell apart. */
  private static final int MAX_SEEN = 64;

  private TimelineHitTest() {}

  /** The lane drawn at {@code y}, lanes beginning at {@code lanesTop} and scrolled by {@code scroll}; -1 above them. */
  public static int laneAt(double y, double lanesTop, double laneHeight, double scroll) {
    return y < lanesTop ? -1 : (int) ((y - lanesTop + scroll) / laneHeight);
  }

  /**
   * The event of lane {@code laneId} drawn nearest to {@code x}, within {@link #TOLERANCE}, or
   * null: a printed line, a mark, a task, a lock event or a signal, else a state change; when
   * {@code cursor} is not -1 (a replay), only one that has happened by then.
   */
  public static TraceEvent eventNear(Trace trace, TimelineViewport view, int laneId, double x, long cursor) {
    if (laneId < 0 || laneId >= trace.lanes().size() || x < view.axisLeft()) {
      return null;
    }
    LaneTrack track = trace.store().track(laneId);
    long at = view.time(x);
    long tolerance = view.time(x + TOLERANCE) - at;
    int best = nearest(List.of(track.lines(), track.marks(), track.tasks(), track.locks(), track.signals()), at, tolerance, cursor);
    if (best < 0) {
      // a state changes where a line was printed or a lock taken: the thing drawn there comes first
      best = nearest(List.of(track.states()), at, tolerance, cursor);
    }
    return best < 0 ? null : track.event(laneId, best);
  }

  private static int nearest(List<LaneTrack.IndexList> lists, long at, long tolerance, long cursor) {
    int best = -1;
    long bestDistance = Long.MAX_VALUE;
    for (LaneTrack.IndexList list : lists) {
      int k = list.firstAtOrAfter(at - tolerance);
      for (int seen = 0; k < list.size() && list.timeOf(k) <= at + tolerance && seen < MAX_SEEN; k++, seen++) {
        long distance = Math.abs(list.timeOf(k) - at);
        if (distance < bestDistance && (cursor < 0 || list.timeOf(k) <= cursor)) {
          bestDistance = distance;
          best = list.get(k);
        }
      }
    }
    return best;
  }

  /** The index of the printed line of {@code track} within {@link #TOLERANCE} of {@code x}, or -1 (the hover tooltip). */
  public static int lineNear(LaneTrack track, TimelineViewport view, double x) {
    LaneTrack.IndexList lines = track.lines();
    int k = lines.firstAtOrAfter(view.time(x - TOLERANCE));
    return k < lines.size() && lines.timeOf(k) <= view.time(x + TOLERANCE) ? lines.get(k) : -1;
  }
}
