package concurrencylab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The recording of one run: its lanes and everything they reported, on one monotonic time base.
 *
 * <p>Producers (worker threads, process readers) call {@code record}: a lock-free append that never
 * waits for the consumer and never drops an event. The consumer (the UI, once per frame; a test or
 * an export after the run) calls {@link #sync()}, which moves what arrived into the time-indexed
 * {@link TraceStore}. The store is read only by the thread that syncs.
 */
public final class Trace {
  private final long originNanos = System.nanoTime();
  private final List<Lane> lanes = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<TraceEvent> arrived = new ConcurrentLinkedQueue<>();
  private final LongAdder recorded = new LongAdder();
  private final TraceStore store = new TraceStore();
  private final RunInfo runInfo;
  private volatile boolean finished;

  /** A trace of no lesson's run (tests, the bench). */
  public Trace() {
    this(RunInfo.NONE);
  }

  public Trace(RunInfo runInfo) {
    this.runInfo = runInfo;
  }

  /** How this run was made: lesson, parameters, language, version, start time. */
  public RunInfo runInfo() {
    return runInfo;
  }

  /** Nanoseconds since the run started; the time base of every event. */
  public long now() {
    return System.nanoTime() - originNanos;
  }

  /** The {@link System#nanoTime()} value of time 0, handed to children that share the clock. */
  public long originNanos() {
    return originNanos;
  }

  public synchronized Lane addLane(String name, LaneKind kind, long pid, int parentId) {
    int colorIndex = (int) lanes.stream().filter(l -> l.kind() != LaneKind.QUEUE).count();
    Lane lane = new Lane(lanes.size(), name, kind, pid, parentId, colorIndex);
    lanes.add(lane);
    return lane;
  }

  public List<Lane> lanes() {
    return List.copyOf(lanes);
  }

  public Lane lane(int id) {
    return lanes.get(id);
  }

  public void record(Lane lane, EventKind kind, long value, String text) {
    recordAt(lane.id(), now(), kind, value, text);
  }

  public void record(Lane lane, EventKind kind, String text) {
    record(lane, kind, 0, text);
  }

  public void state(Lane lane, LaneState state) {
    record(lane, EventKind.STATE, state.ordinal(), "");
  }

  /** Records an event stamped elsewhere (a child process), already placed on this run's time base. */
  public void recordAt(int laneId, long time, EventKind kind, long value, String text) {
    arrived.add(new TraceEvent(laneId, time, kind, value, text));
    recorded.increment();
  }

  /** How many events producers have handed in so far, synced or not. */
  public long recordedCount() {
    return recorded.sum();
  }

  /**
   * Moves every event that arrived since the last call into the store and returns them in arrival
   * order (the UI appends them to the log).
   */
  public synchronized List<TraceEvent> sync() {
    List<TraceEvent> batch = new ArrayList<>();
    TraceEvent event;
    while ((event = arrived.poll()) != null) {
      batch.add(store.add(event));
    }
    return batch;
  }

  public TraceStore store() {
    return store;
  }

  /** Marks the run as over: no producer of this run is left. */
  public void finish() {
    finished = true;
  }

  public boolean isFinished() {
    return finished;
  }
}
