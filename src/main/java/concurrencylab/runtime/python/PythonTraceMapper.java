package concurrencylab.runtime.python;

import concurrencylab.runtime.LineReader;
import concurrencylab.runtime.WorkerProcess;
import concurrencylab.trace.AppText;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.SyncObject;
import concurrencylab.trace.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place where the Python tracer's records become trace events: a lane per process (kind
 * PROCESS, its real PID, its parent's lane from its PPID) and per thread, lines, states, locks,
 * pool tasks, spawns and ends. Called on one reader thread only.
 *
 * <p>Python stamps records with CLOCK_MONOTONIC, Java's {@link System#nanoTime()} on Linux; as for
 * worker JVMs a stamp is trusted only between its lane's previous event (a child's first: its
 * spawn on the parent lane) and the moment it arrived, so an effect never shows before its cause.
 */
final class PythonTraceMapper {
  /** What the run learns about itself as records arrive. */
  interface Listener {
    /** The run's process limit was reached; the run should stop. */
    default void limitReached(String message) {}
  }

  /** A Python process of the run and its threads' lanes. */
  private static final class Proc {
    final Lane lane;
    final Map<Long, Lane> threads = new HashMap<>();
    final long mainTid;
    volatile boolean ended;
    long linesSeen;

    Proc(Lane lane, long mainTid) {
      this.lane = lane;
      this.mainTid = mainTid;
    }
  }

  private final Trace trace;
  private final Lane starter;
  private final long floor;
  private final Listener listener;
  private final Map<Long, Proc> processes = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Integer, Long> lastTime = new HashMap<>();
  private final Map<Integer, Boolean> endedThreads = new HashMap<>();
  private final Map<String, Pending> pieces = new HashMap<>();
  private final Map<Integer, LaneState> states = new HashMap<>();
  private final Map<Integer, LaneState> beforePause = new HashMap<>();
  private final AtomicInteger held = new AtomicInteger();
  private final Map<String, Sync> syncs = new HashMap<>();

  /**
   * A lock or queue of the script. Records of several processes share one pipe, so a release may
   * arrive after the acquisition it allowed (and a get before its put): both sides wait here, by
   * their own clock, for the other.
   */
  private static final class Sync {
    static final int KEEP = 256;
    final SyncObject object;
    /** Releases that left the lock free, not yet taken: (monotonic time, event). */
    final Deque<Stamped> freed = new ArrayDeque<>();
    /** Acquisitions after a wait whose release has not arrived yet. */
    final Deque<Stamped> unmatched = new ArrayDeque<>();
    /** Items put and not yet seen taken, and gets whose put has not arrived, by tag. */
    final Map<String, EventRef> puts = bounded();
    final Map<String, EventRef> gets = bounded();
    final Map<Integer, Boolean> waiting = new HashMap<>();

    Sync(SyncObject object) {
      this.object = object;
    }

    private static Map<String, EventRef> bounded() {
      return new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EventRef> eldest) {
          return size() > 100_000;
        }
      };
    }
  }

  private record Stamped(long time, EventRef event) {}

  /** A line that arrives in pieces, per lane, stream and channel (traced or raw). */
  private record Pending(int laneId, EventKind kind, StringBuilder text) {}
  private volatile long mainPid = -1;
  private long records;
  private long lines;
  private String done = "";
  private int doneStatus = -1;
  private boolean limitReached;

  PythonTraceMapper(Trace trace, Lane starter, Listener listener) {
    this.trace = trace;
    this.starter = starter;
    this.floor = trace.now();
    this.listener = listener;
  }

  long records() {
    return records;
  }

  /** Lines printed by the script (stdout, stderr and raw output) that were recorded. */
  long lines() {
    return lines;
  }

  boolean limitReached() {
    return limitReached;
  }

  /** How the first process ended ("exit 0", "killed by signal 9"), once the supervisor said so. */
  String done() {
    return done;
  }

  int doneStatus() {
    return doneStatus;
  }

  /** PIDs of processes of the run that have not been seen to end. */
  List<Long> livePids() {
    List<Long> live = new ArrayList<>();
    processes.forEach((pid, proc) -> {
      if (!proc.ended) {
        live.add(pid);
      }
    });
    return live;
  }

  /** Threads held by a pause now. Read from any thread. */
  int heldThreads() {
    return held.get();
  }

  void accept(TracerRecord r) {
    records++;
    switch (r.kind()) {
      case 'B' -> mainPid = r.pid();
      case 'P' -> processStart(r);
      case 'Y' -> forked(r);
      case 'T' -> threadStart(r);
      case 'U' -> threadEnd(r);
      case 'O' -> output(r, laneOf(r), EventKind.PRINT, r.a(0) != 0);
      case 'E' -> output(r, laneOf(r), EventKind.STDERR, r.a(0) != 0);
      case 'R' -> output(r, rawLane(r), r.a(1) == 2 ? EventKind.STDERR : EventKind.PRINT, r.b(0) != 0);
      case 'S' -> state(r, LaneState.SLEEPING);
      case 's', 'j' -> state(r, LaneState.RUNNING);
      case 'J' -> state(r, LaneState.WAITING);
      case 'L' -> lock(r);
      case 'q' -> queue(r);
      case 'H' -> paused(r, true);
      case 'h' -> paused(r, false);
      case 'N' -> line(r);
      case 'K' -> task(r, EventKind.TASK_BEGIN, LaneState.RUNNING);
      case 'k' -> task(r, EventKind.TASK_END, LaneState.WAITING);
      case 'F' -> task(r, EventKind.TASK_FAILED, LaneState.WAITING);
      case 'X' -> processExit(r);
      case 'Z' -> lineCount(processes.get(r.pid()), r.a(-1));
      case 'W' -> reaped(r);
      case 'M' -> limit(r);
      case 'D' -> runDone(r);
      case 'Q' -> trace.record(starter, EventKind.STDERR, r.text());
      default -> records--;
    }
  }

  /** A line that is not a record came on the record channel; it is shown, never obeyed. */
  void notARecord(String line) {
    trace.record(starter, EventKind.STDERR, "[not a tracer record] " + line);
  }

  private long place(Lane lane, long monotonic) {
    long arrival = trace.now();
    long lower = lastTime.getOrDefault(lane.id(), floor);
    long placed = Math.min(Math.max(monotonic - trace.originNanos(), lower), Math.max(arrival, lower));
    lastTime.put(lane.id(), placed);
    return placed;
  }

  private void processStart(TracerRecord r) {
    if (processes.containsKey(r.pid())) {
      return;
    }
    long ppid = r.a(-1);
    Proc parent = processes.get(ppid);
    Lane parentLane = parent == null ? starter : threadLane(parent, r.b(0));
    started(r.pid(), r.tid(), r.text(), ppid, parent, parentLane, r.c(), r.time());
  }

  /**
   * The script's own {@code os.fork()} returned the child's PID in the parent: the parent's branch
   * is marked with it, at the fork. The child's lane starts there too, whichever of the two
   * processes' records came first (each writes its own).
   */
  private void forked(TracerRecord r) {
    Proc parent = proc(r);
    Lane parentLane = laneOf(r);
    long child = r.a(-1);
    if (child <= 0) {
      records--;
      return;
    }
    if (!processes.containsKey(child)) {
      // a forked child's only thread is the one that forked; on Linux its id is the child's PID
      started(child, child, FORKED_CHILD_NAME, r.pid(), parent, parentLane, FORKED_BY_SCRIPT, r.time());
    }
    trace.recordAt(parentLane.id(), place(parentLane, r.time()), EventKind.MARKER, 0, AppText.of("mark.parentBranch", Long.toString(child)) /* a PID, not a number to group */);
  }

  /** The start method the tracer names for a script's own {@code os.fork()}, and its child's default name. */
  static final String FORKED_BY_SCRIPT = "os.fork";
  static final String FORKED_CHILD_NAME = "child";

  private void started(long pid, long tid, String name, long ppid, Proc parent, Lane parentLane, String method, long time) {
    Lane lane = trace.addLane(name.isEmpty() ? "pid " + pid : name, LaneKind.PROCESS, pid, parentLane.id());
    processes.put(pid, new Proc(lane, tid));
    String started = "pid " + pid + ", ppid " + ppid + " (" + method + ")";
    if (parent != null && parent.ended) {
      // the child said it started after its parent's end was recorded (each writes its own
      // records): the parent's lane is closed, so the child's own lane says who started it
      long at = place(lane, time);
      trace.recordAt(lane.id(), at, EventKind.START, 0, started + ", announced after its parent ended");
      setState(lane, at, LaneState.RUNNING);
      return;
    }
    long at = place(parentLane, time);
    lastTime.put(lane.id(), at);
    trace.recordAt(parentLane.id(), at, EventKind.SPAWN, lane.id(), lane.name());
    trace.recordAt(lane.id(), at, EventKind.START, 0, started);
    if (method.equals(FORKED_BY_SCRIPT)) {
      trace.recordAt(lane.id(), at, EventKind.MARKER, 0, AppText.of("mark.childBranch"));
    }
    setState(lane, at, LaneState.RUNNING);
  }

  /** The lane of a thread of {@code proc}, or the process's own lane for its main thread. */
  private static Lane threadLane(Proc proc, long tid) {
    return proc.threads.getOrDefault(tid, proc.lane);
  }

  private Proc proc(TracerRecord r) {
    Proc proc = processes.get(r.pid());
    if (proc == null) {
      // a record before its process announced itself: the process gets a lane all the same
      Lane lane = trace.addLane("pid " + r.pid(), LaneKind.PROCESS, r.pid(), starter.id());
      proc = new Proc(lane, r.tid());
      processes.put(r.pid(), proc);
      trace.recordAt(lane.id(), place(lane, r.time()), EventKind.START, 0, "pid " + r.pid());
    }
    return proc;
  }

  private Lane laneOf(TracerRecord r) {
    return threadLane(proc(r), r.tid());
  }

  private Lane rawLane(TracerRecord r) {
    Proc proc = processes.get(r.pid());
    return proc == null ? starter : proc.lane;
  }

  private void threadStart(TracerRecord r) {
    Proc proc = proc(r);
    Lane parent = threadLane(proc, r.a(0));
    Lane lane = trace.addLane(r.text(), LaneKind.THREAD, r.pid(), proc.lane.id());
    proc.threads.put(r.tid(), lane);
    long at = place(parent, r.time());
    lastTime.put(lane.id(), at);
    trace.recordAt(parent.id(), at, EventKind.SPAWN, lane.id(), lane.name());
    trace.recordAt(lane.id(), at, EventKind.START, 0, "thread " + r.text() + ", native id " + r.tid());
    setState(lane, at, LaneState.RUNNING);
  }

  private void threadEnd(TracerRecord r) {
    Proc proc = proc(r);
    Lane lane = proc.threads.get(r.tid());
    if (lane == null || endedThreads.containsKey(lane.id())) {
      return;
    }
    endedThreads.put(lane.id(), true);
    letGo(lane);
    boolean raised = r.a(0) != 0;
    trace.recordAt(lane.id(), place(lane, r.time()), EventKind.END, raised ? 1 : 0, AppText.of(raised ? "end.thread.raised" : "end.thread.ended"));
  }

  private void output(TracerRecord r, Lane lane, EventKind kind, boolean more) {
    String key = lane.id() + ":" + kind + ":" + r.kind();
    Pending pending = pieces.get(key);
    StringBuilder started = pending == null ? null : pending.text();
    if (more || started != null) {
      if (started == null) {
        started = new StringBuilder();
        pieces.put(key, new Pending(lane.id(), kind, started));
      }
      if (started.length() < LineReader.MAX_LINE_BYTES) {
        started.append(r.text());
      }
      if (more) {
        return;
      }
      pieces.remove(key);
    }
    String text = started == null ? r.text() : cut(started);
    lines++;
    Proc proc = processes.get(r.pid());
    if (proc != null && r.kind() != 'R') {
      proc.linesSeen++;
    }
    trace.recordAt(lane.id(), place(lane, r.time()), kind, 0, text);
  }

  private static String cut(StringBuilder line) {
    if (line.length() <= LineReader.MAX_LINE_BYTES) {
      return line.toString();
    }
    return line.substring(0, LineReader.MAX_LINE_BYTES) + LineReader.CUT_MARKER;
  }

  private void state(TracerRecord r, LaneState state) {
    Lane lane = laneOf(r);
    setState(lane, place(lane, r.time()), state);
  }

  private void setState(Lane lane, long at, LaneState state) {
    states.put(lane.id(), state);
    trace.recordAt(lane.id(), at, EventKind.STATE, state.ordinal(), "");
  }

  /** A thread stopped at the pause (or went on): PAUSED, then the state it was in. */
  private void paused(TracerRecord r, boolean holding) {
    Lane lane = laneOf(r);
    long at = place(lane, r.time());
    if (holding) {
      if (!beforePause.containsKey(lane.id())) {
        beforePause.put(lane.id(), states.getOrDefault(lane.id(), LaneState.RUNNING));
        held.incrementAndGet();
        trace.recordAt(lane.id(), at, EventKind.STATE, LaneState.PAUSED.ordinal(), "");
      }
    } else {
      LaneState before = beforePause.remove(lane.id());
      if (before != null) {
        held.decrementAndGet();
        setState(lane, at, before);
      }
    }
  }

  /** A lane that ended is held by no pause. */
  private void letGo(Lane lane) {
    if (beforePause.remove(lane.id()) != null) {
      held.decrementAndGet();
    }
  }

  private void line(TracerRecord r) {
    Lane lane = laneOf(r);
    long number = r.a(-1);
    if (number > 0) {
      trace.recordAt(lane.id(), place(lane, r.time()), EventKind.LINE, number, "");
    }
  }

  private Sync sync(String id, SyncKind kind, String label) {
    return syncs.computeIfAbsent(kind + ":" + id, k -> new Sync(trace.addSyncObject(kind, label.isEmpty() ? id : label)));
  }

  private void lock(TracerRecord r) {
    Lane lane = laneOf(r);
    long at = place(lane, r.time());
    long count = r.c(0);
    String label = r.text();
    Sync sync = sync(r.b(), SyncKind.LOCK, label);
    int object = sync.object.id();
    switch (r.a()) {
      case "w" -> {
        sync.waiting.put(lane.id(), true);
        trace.recordRefAt(lane.id(), at, EventKind.LOCK_WAIT, count, label, object);
        setState(lane, at, LaneState.BLOCKED);
      }
      case "a" -> {
        EventRef acquired = trace.recordRefAt(lane.id(), at, EventKind.LOCK_ACQUIRED, count, label, object);
        boolean waited = sync.waiting.remove(lane.id()) != null;
        acquired(sync, new Stamped(r.time(), acquired), waited);
        setState(lane, at, LaneState.RUNNING);
      }
      case "r" -> {
        EventRef released = trace.recordRefAt(lane.id(), at, EventKind.LOCK_RELEASED, count, label, object);
        if (count == 0) {
          freed(sync, new Stamped(r.time(), released));
        }
      }
      case "x" -> {
        sync.waiting.remove(lane.id());
        trace.recordAt(lane.id(), at, EventKind.MARKER, 0, AppText.of("mark.gaveUpOn", label));
        setState(lane, at, LaneState.RUNNING);
      }
      default -> records--;
    }
  }

  /**
   * A thread got the lock: after a wait, from the latest release before it (arrived already, or
   * to come); without one, the releases before it were no hand-over to anyone waiting.
   */
  private void acquired(Sync sync, Stamped acquired, boolean waited) {
    Stamped from = null;
    for (Iterator<Stamped> it = sync.freed.iterator(); it.hasNext(); ) {
      Stamped release = it.next();
      if (release.time() <= acquired.time()) {
        from = release;
        it.remove();
      }
    }
    if (!waited) {
      return;
    }
    if (from != null) {
      trace.link(from.event(), acquired.event(), LinkKind.HAND_OVER);
    } else {
      keep(sync.unmatched, acquired);
    }
  }

  /** A release left the lock free: it let in the first waiter that got it after it, if that arrived first. */
  private void freed(Sync sync, Stamped release) {
    Stamped first = null;
    for (Stamped acquired : sync.unmatched) {
      if (acquired.time() >= release.time() && (first == null || acquired.time() < first.time())) {
        first = acquired;
      }
    }
    if (first != null) {
      sync.unmatched.remove(first);
      trace.link(release.event(), first.event(), LinkKind.HAND_OVER);
    } else {
      keep(sync.freed, release);
    }
  }

  private static void keep(Deque<Stamped> deque, Stamped stamped) {
    deque.addLast(stamped);
    if (deque.size() > Sync.KEEP) {
      deque.removeFirst();
    }
  }

  /** A queue of the script: a wait, a put or a get (with its item's tag), or a wait given up. */
  private void queue(TracerRecord r) {
    Lane lane = laneOf(r);
    long at = place(lane, r.time());
    long size = Math.max(0, r.c(0));
    Sync sync = sync(r.b(), SyncKind.QUEUE, r.text());
    int object = sync.object.id();
    String what = r.a();
    if (what.equals("w")) {
      sync.waiting.put(lane.id(), true);
      trace.recordRefAt(lane.id(), at, EventKind.WAIT, size, "", object);
      setState(lane, at, LaneState.WAITING);
      return;
    }
    if (what.equals("x")) {
      sync.waiting.remove(lane.id());
      trace.recordRefAt(lane.id(), at, EventKind.WAKE, size, AppText.of("mark.gaveUp"), object);
      setState(lane, at, LaneState.RUNNING);
      return;
    }
    if (what.length() < 2 || what.charAt(1) != ':' || (what.charAt(0) != 'p' && what.charAt(0) != 'g')) {
      records--;
      return;
    }
    boolean put = what.charAt(0) == 'p';
    String tag = what.substring(2);
    EventRef event = trace.recordRefAt(lane.id(), at, put ? EventKind.PUT : EventKind.GET, size, "", object);
    if (!tag.equals("?")) {
      EventRef other = (put ? sync.gets : sync.puts).remove(tag);
      if (other != null) {
        trace.link(put ? event : other, put ? other : event, LinkKind.ITEM);
      } else {
        (put ? sync.puts : sync.gets).put(tag, event);
      }
    }
    if (sync.waiting.remove(lane.id()) != null) {
      setState(lane, at, LaneState.RUNNING);
    }
  }

  private void task(TracerRecord r, EventKind kind, LaneState after) {
    Lane lane = laneOf(r);
    long at = place(lane, r.time());
    if (kind == EventKind.TASK_BEGIN) {
      setState(lane, at, after);
    }
    trace.recordAt(lane.id(), at, kind, r.a(-1), r.text());
    if (kind != EventKind.TASK_BEGIN) {
      setState(lane, at, after);
    }
  }

  private void processExit(TracerRecord r) {
    Proc proc = proc(r);
    lineCount(proc, r.b(-1));
    end(proc, place(proc.lane, r.time()), (int) r.a(0), WorkerProcess.describeExit((int) r.a(0)));
  }

  /** The process said how many lines it wrote: any that did not arrive are said to be missing. */
  private void lineCount(Proc proc, long said) {
    if (proc != null && said > proc.linesSeen) {
      trace.record(proc.lane, EventKind.STDERR, "[" + (said - proc.linesSeen) + " of " + said + " lines of this process did not arrive]");
    }
  }

  private void reaped(TracerRecord r) {
    Proc proc = processes.get(r.a(-1));
    if (proc == null || proc.ended) {
      return;
    }
    int number = (int) r.c(0);
    boolean signal = r.b().equals("signal");
    Lane reaper = processes.containsKey(r.pid()) ? laneOf(r) : proc.lane;
    long at = Math.max(place(reaper, r.time()), lastTime.getOrDefault(proc.lane.id(), floor));
    int status = signal ? 128 + number : number;
    String text = WorkerProcess.describeExit(status);
    boolean othersOpen = processes.values().stream().anyMatch(other -> other != proc && !other.ended);
    if (r.a(-1) == mainPid && othersOpen) {
      // the script's end closes the run: said after its children's, whose records may still come
      mainEnd = new DeferredEnd(proc, at, status, text);
      return;
    }
    end(proc, at, status, text);
  }

  /** The script's own end, held until every other process of the run has said how it ended. */
  private record DeferredEnd(Proc proc, long at, int status, String text) {}

  private DeferredEnd mainEnd;

  private void endMainIfLast() {
    if (mainEnd != null && processes.values().stream().allMatch(other -> other == mainEnd.proc() || other.ended)) {
      DeferredEnd held = mainEnd;
      mainEnd = null;
      long latest = processes.values().stream().filter(other -> other != held.proc())
          .mapToLong(other -> lastTime.getOrDefault(other.lane.id(), floor)).max().orElse(held.at());
      end(held.proc(), Math.max(held.at(), latest), held.status(), held.text());
    }
  }

  private void end(Proc proc, long at, int status, String text) {
    if (proc.ended) {
      return;
    }
    proc.ended = true;
    letGo(proc.lane);
    for (Lane thread : proc.threads.values()) {
      letGo(thread);
      if (endedThreads.put(thread.id(), true) == null) {
        trace.recordAt(thread.id(), Math.max(at, lastTime.getOrDefault(thread.id(), floor)), EventKind.END, 0, AppText.of("end.thread.processEnded"));
      }
    }
    lastTime.put(proc.lane.id(), at);
    trace.recordAt(proc.lane.id(), at, EventKind.END, status, text);
    endMainIfLast();
  }

  private void limit(TracerRecord r) {
    Lane lane = laneOf(r);
    long at = place(lane, r.time());
    if (!limitReached) {
      limitReached = true;
      trace.recordAt(lane.id(), at, EventKind.MARKER, 0, AppText.of("mark.processLimit"));
      trace.recordAt(lane.id(), at, EventKind.STDERR, 0, r.text());
      listener.limitReached(r.text());
    }
  }

  private void runDone(TracerRecord r) {
    int number = (int) r.b(0);
    switch (r.a()) {
      case "exit" -> {
        doneStatus = number;
        done = "exit " + number;
      }
      case "signal" -> {
        doneStatus = 128 + number;
        done = "killed by signal " + number;
      }
      default -> {
        doneStatus = -1;
        done = "stopped";
      }
    }
  }

  /**
   * After the last record: every lane still open ends, saying why its end was not seen (Stop
   * killed it, or it left no word).
   */
  void finish(boolean stopped) {
    long at = trace.now();
    for (Pending rest : pieces.values()) {
      lines++;
      trace.recordAt(rest.laneId(), Math.max(at, lastTime.getOrDefault(rest.laneId(), floor)), rest.kind(), 0, cut(rest.text()));
    }
    pieces.clear();
    for (Proc proc : processes.values()) {
      if (!proc.ended && (mainEnd == null || proc != mainEnd.proc())) {
        end(proc, Math.max(at, lastTime.getOrDefault(proc.lane.id(), floor)), stopped ? 137 : -1, stopped ? "killed by Stop" : "ended (its status was not seen)");
      }
    }
    endMainIfLast();
  }

  long mainPid() {
    return mainPid;
  }
}
