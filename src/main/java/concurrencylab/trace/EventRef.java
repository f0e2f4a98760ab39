package concurrencylab.trace;

/**
 * A handle on one recorded event, for linking it to another ({@link Trace#link}). Producers get it
 * from the {@code record…Ref} and {@code recordSync} calls before the event has a place: where the
 * event lands (its lane and index there) is known only once the consumer {@link Trace#sync() syncs}
 * it, and is read back through {@link #lane()} and {@link #index()} from the syncing thread.
 */
public final class EventRef {
  final Trace owner;
  final TraceEvent event;
  private int index = -1;

  EventRef(Trace owner, TraceEvent event) {
    this.owner = owner;
    this.event = event;
  }

  void placedAt(int placedIndex) {
    index = placedIndex;
  }

  boolean isPlaced() {
    return index >= 0;
  }

  public int lane() {
    return event.lane();
  }

  /** The event's index on its lane's track; -1 until synced. Read it from the syncing thread. */
  public int index() {
    return index;
  }
}
