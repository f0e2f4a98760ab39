package concurrencylab.trace;

/**
 * One thing that happened on a lane, at a time in nanoseconds since the run's start.
 *
 * @param value see {@link EventKind} for what it means per kind
 * @param text the printed line, a marker's label, a failure's message; empty when there is none
 * @param object the id of the {@link SyncObject} the event acts on, or {@link #NO_OBJECT}
 */
public record TraceEvent(int lane, long time, EventKind kind, long value, String text, int object) {
  public static final int NO_OBJECT = -1;

  public TraceEvent {
    if (text == null) {
      text = "";
    }
  }

  /** An event that acts on no synchronisation object. */
  public TraceEvent(int lane, long time, EventKind kind, long value, String text) {
    this(lane, time, kind, value, text, NO_OBJECT);
  }

  public LaneState state() {
    return LaneState.values()[(int) value];
  }
}
