package concurrencylab.trace;

/**
 * One thing that happened on a lane, at a time in nanoseconds since the run's start.
 *
 * @param value see {@link EventKind} for what it means per kind
 * @param text the printed line, a marker's label, a failure's message; empty when there is none
 */
public record TraceEvent(int lane, long time, EventKind kind, long value, String text) {
  public TraceEvent {
    if (text == null) {
      text = "";
    }
  }

  public LaneState state() {
    return LaneState.values()[(int) value];
  }
}
