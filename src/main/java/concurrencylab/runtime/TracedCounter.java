package concurrencylab.runtime;

import concurrencylab.trace.EventKind;

/**
 * A shared counter whose read and write are separate steps, as {@code counter += 1} is in Python
 * and {@code counter++} in Java: two threads that read before either writes lose an update. Each
 * read and write is recorded on the lane of the thread that does it.
 */
public final class TracedCounter {
  private volatile int value;
  private final Pacer pacer;

  public TracedCounter(Pacer pacer) {
    this.pacer = pacer;
  }

  public int read(TracedLane lane) throws InterruptedException {
    int seen = value;
    lane.trace().record(lane.lane(), EventKind.READ, seen, "");
    pacer.step(lane);
    return seen;
  }

  public void write(TracedLane lane, int newValue) throws InterruptedException {
    value = newValue;
    lane.trace().record(lane.lane(), EventKind.COUNTER, newValue, "");
    pacer.step(lane);
  }

  public int value() {
    return value;
  }
}
