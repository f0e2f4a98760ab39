package concurrencylab.runtime;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.SyncObject;
import concurrencylab.trace.Trace;

/**
 * A shared counter whose read and write are separate steps, as {@code counter += 1} is in Python
 * and {@code counter++} in Java: two threads that read before either writes lose an update. Each
 * read and write is recorded on the lane of the thread that does it, naming the counter's {@link
 * SyncObject}.
 */
public final class TracedCounter {
  private volatile int value;
  private final Pacer pacer;
  private final SyncObject object;

  public TracedCounter(Trace trace, String name, Pacer pacer) {
    this.pacer = pacer;
    this.object = trace.addSyncObject(SyncKind.COUNTER, name);
  }

  public int read(TracedLane lane) throws InterruptedException {
    int seen = value;
    lane.trace().recordSync(lane.lane(), object, EventKind.READ, seen);
    pacer.step(lane);
    return seen;
  }

  public void write(TracedLane lane, int newValue) throws InterruptedException {
    // the store and its record as one step, so the trace's last write is the value that stayed:
    // updates are still lost between a read and its write, which is what the lesson shows
    synchronized (this) {
      value = newValue;
      lane.trace().recordSync(lane.lane(), object, EventKind.COUNTER, newValue);
    }
    pacer.step(lane);
  }

  public int value() {
    return value;
  }

  /** The counter as the trace knows it. */
  public SyncObject object() {
    return object;
  }
}
