package concurrencylab.trace;

import java.util.ArrayList;
import java.util.List;

/** A lane's recorded events as a list, and where in it the lane entered a state: for tests that count steps. */
public final class LaneEvents {
  private LaneEvents() {}

  public static List<TraceEvent> of(Trace trace, Lane lane) {
    LaneTrack track = trace.store().track(lane.id());
    List<TraceEvent> on = new ArrayList<>();
    for (int i = 0; i < track.size(); i++) {
      on.add(track.event(lane.id(), i));
    }
    return on;
  }

  /** The indexes of the STATE events that put the lane in {@code state}. */
  public static List<Integer> entered(List<TraceEvent> on, LaneState state) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < on.size(); i++) {
      if (on.get(i).kind() == EventKind.STATE && on.get(i).state() == state) {
        at.add(i);
      }
    }
    return at;
  }
}
