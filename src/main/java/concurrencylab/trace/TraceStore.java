package concurrencylab.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The synced events of a run, kept per lane in time order in compact arrays so that the timeline
 * can find what falls into a pixel column by binary search instead of walking every event.
 */
public final class TraceStore {
  private final List<LaneTrack> tracks = new ArrayList<>();
  private final LinkTable links = new LinkTable();
  private long endTime;
  private long size;

  /** Places the event of a handle and tells the handle where it went. */
  TraceEvent add(EventRef ref) {
    TraceEvent placed = add(ref.event);
    ref.placedAt(tracks.get(placed.lane()).size() - 1);
    return placed;
  }

  TraceEvent add(TraceEvent event) {
    while (tracks.size() <= event.lane()) {
      tracks.add(new LaneTrack());
    }
    TraceEvent placed = tracks.get(event.lane()).add(event);
    endTime = Math.max(endTime, placed.time());
    size++;
    return placed;
  }

  /** The track of a lane; empty when the lane has reported nothing yet. */
  public LaneTrack track(int laneId) {
    return laneId < tracks.size() ? tracks.get(laneId) : LaneTrack.EMPTY;
  }

  /** Every link between two synced events, sorted by the time of the event each leads to. */
  public LinkTable links() {
    return links;
  }

  public int laneCount() {
    return tracks.size();
  }

  /** Time of the latest event synced so far. */
  public long endTime() {
    return endTime;
  }

  public long size() {
    return size;
  }
}
