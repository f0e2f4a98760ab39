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
 *
 * <p>A run's synchronisation objects are registered like its lanes ({@link #addSyncObject}); an
 * event that acts on one names it ({@link #recordSync}). An event that may take part in a link is
 * recorded with a {@code …Ref} call, which hands back an {@link EventRef}; {@link #link} then joins
 * two of them, and the sync stores the link by both ends' lane and index ({@link TraceStore#links()}).
 */
public final class Trace {
  private final long originNanos = System.nanoTime();
  private final List<Lane> lanes = new CopyOnWriteArrayList<>();
  private final List<SyncObject> syncObjects = new CopyOnWriteArrayList<>();
  /** {@link TraceEvent}s, and {@link EventRef}s for the events that may be linked. */
  private final ConcurrentLinkedQueue<Object> arrived = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<PendingLink> linksArrived = new ConcurrentLinkedQueue<>();
  /**
   * Links taken in by the sync under way. An EventRef exists only once its event was handed in, so
   * every link's ends are placed by the end of the sync that takes the link in; one that is not
   * (a bug elsewhere) would wait here for a later sync rather than be stored half known.
   */
  private final List<PendingLink> unresolved = new ArrayList<>();
  private final LongAdder recorded = new LongAdder();
  private final TraceStore store = new TraceStore();
  private final RunInfo runInfo;
  private volatile boolean finished;
  /** Readings of the CPU time of processes' main threads, by PID, where a run takes them. */
  private final java.util.Map<Long, CpuSamples> mainThreadCpu = new java.util.concurrent.ConcurrentHashMap<>();

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

  /** The readings of the CPU time of process {@code pid}'s main thread, made on first use. */
  public CpuSamples mainThreadCpu(long pid) {
    return mainThreadCpu.computeIfAbsent(pid, p -> new CpuSamples());
  }

  /** The readings of process {@code pid}'s main thread, if the run took any. */
  public java.util.Optional<CpuSamples> mainThreadCpuIfRead(long pid) {
    return java.util.Optional.ofNullable(mainThreadCpu.get(pid));
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

  /** Registers a lock, queue, counter… of the run; its id is its index in {@link #syncObjects()}. */
  public synchronized SyncObject addSyncObject(SyncKind kind, String name) {
    SyncObject object = new SyncObject(syncObjects.size(), kind, name);
    syncObjects.add(object);
    return object;
  }

  public List<SyncObject> syncObjects() {
    return List.copyOf(syncObjects);
  }

  public SyncObject syncObject(int id) {
    return syncObjects.get(id);
  }

  /** Records what a lane did to a synchronisation object, now; the handle links it to others. */
  public EventRef recordSync(Lane lane, SyncObject object, EventKind kind, long value) {
    return recordRefAt(lane.id(), now(), kind, value, "", object.id());
  }

  /** Records an event, now, that may be linked to another. */
  public EventRef recordRef(Lane lane, EventKind kind, long value, String text) {
    return recordRefAt(lane.id(), now(), kind, value, text, TraceEvent.NO_OBJECT);
  }

  /** Records an event stamped elsewhere that may be linked to another. */
  public EventRef recordRefAt(int laneId, long time, EventKind kind, long value, String text, int objectId) {
    EventRef ref = new EventRef(this, new TraceEvent(laneId, time, kind, value, text, objectId));
    arrived.add(ref);
    recorded.increment();
    return ref;
  }

  /**
   * Records that event {@code from} let event {@code to} happen. Both must have been recorded on
   * this trace, in any order, before this call; either may be synced already or not.
   */
  public void link(EventRef from, EventRef to, LinkKind kind) {
    if (from.owner != this || to.owner != this) {
      throw new IllegalArgumentException("a link joins two events of the same trace");
    }
    linksArrived.add(new PendingLink(from, to, kind));
  }

  private record PendingLink(EventRef from, EventRef to, LinkKind kind) {}

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
    // links first: their ends were handed in before them, so the drain below places every one
    PendingLink link;
    while ((link = linksArrived.poll()) != null) {
      unresolved.add(link);
    }
    List<TraceEvent> batch = new ArrayList<>();
    Object item;
    while ((item = arrived.poll()) != null) {
      batch.add(item instanceof EventRef ref ? store.add(ref) : store.add((TraceEvent) item));
    }
    if (!unresolved.isEmpty()) {
      resolveLinks();
    }
    return batch;
  }

  private void resolveLinks() {
    LinkTable links = store.links();
    unresolved.removeIf(link -> {
      if (!link.from().isPlaced() || !link.to().isPlaced()) {
        return false;
      }
      EventRef from = link.from();
      EventRef to = link.to();
      links.add(from.lane(), from.index(), store.track(from.lane()).time(from.index()),
          to.lane(), to.index(), store.track(to.lane()).time(to.index()), link.kind());
      return true;
    });
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
