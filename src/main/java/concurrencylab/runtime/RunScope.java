package concurrencylab.runtime;

import concurrencylab.trace.AppText;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.Trace;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Everything one run started: its worker processes and its threads. {@link #cancel()} ends them
 * all at once (Stop, a tab switch, closing the window); {@link #awaitTermination} waits until none
 * is left. A lesson starts processes and threads only through its scope, so nothing escapes it.
 */
public final class RunScope {
  private final Trace trace;
  private final TracedLane main;
  private final List<WorkerProcess> workers = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final List<Thread> watchers = new CopyOnWriteArrayList<>();
  private final List<Part> parts = new CopyOnWriteArrayList<>();
  private final PauseGate gate = new PauseGate();
  private final ThreadEnds ends = new ThreadEnds();
  private volatile boolean cancelled;

  public RunScope(Trace trace, String mainName) {
    this.trace = trace;
    Lane lane = trace.addLane(mainName, LaneKind.PROCESS, ProcessHandle.current().pid(), Lane.NO_PARENT);
    this.main = new TracedLane(trace, lane, gate, ends);
    trace.record(lane, EventKind.START, "pid " + lane.pid());
  }

  public Trace trace() {
    return trace;
  }

  /** The lane of the run's own code: the app's process, as the "parent" of the lesson. */
  public TracedLane main() {
    return main;
  }

  public WorkerProcess spawn(String name, WorkerProcess.Listener listener) {
    if (cancelled) {
      throw new CancelledRunException();
    }
    WorkerProcess worker = WorkerProcess.start(trace, name, main.lane(), listener);
    workers.add(worker);
    if (cancelled) {
      worker.kill(); // started while Stop was pressed: nobody will ask it
    }
    return worker;
  }

  /**
   * Starts a Java thread with its own lane, running {@code body}: the counterpart of Python's
   * {@code Thread(target=…)}. An uncaught exception is recorded on the lane as Java would print it.
   */
  public Thread startThread(String name, ThreadBody body) {
    TracedLane lane = newThreadLane(name);
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run(lane);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    return start(thread, lane);
  }

  /** A lane for a thread that the lesson creates itself, e.g. a subclass of {@link Thread}. */
  public TracedLane newThreadLane(String name) {
    if (cancelled) {
      throw new CancelledRunException();
    }
    Lane lane = trace.addLane(name, LaneKind.THREAD, ProcessHandle.current().pid(), main.lane().id());
    return new TracedLane(trace, lane, gate, ends);
  }

  /**
   * Starts a thread on its lane and keeps it in the scope. A small watcher joins it and records its
   * end, so the end is on the timeline however the thread's own code is written.
   */
  public Thread start(Thread thread, TracedLane lane) {
    if (cancelled) {
      // Stopped between newThreadLane and here: the lane exists, so say on it that its thread
      // never ran, rather than leave a blank row on the timeline.
      trace.record(lane.lane(), EventKind.END, 0, AppText.of("end.thread.stopped"));
      throw new CancelledRunException();
    }
    java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger();
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) -> {
      status.set(1);
      trace.record(lane.lane(), EventKind.STDERR, "Exception in thread \"" + t.getName() + "\" " + e);
    });
    Thread watcher =
        new Thread(
            () -> {
              boolean joined = false;
              while (!joined) {
                try {
                  thread.join();
                  joined = true;
                } catch (InterruptedException e) {
                  // the watcher outlives its thread by design; keep waiting for it
                }
              }
              String how = status.get() != 0 ? "raised" : cancelled ? "stopped" : lane.endText();
              ends.ended(thread, trace.recordRef(lane.lane(), EventKind.END, status.get(), AppText.of("end.thread." + how)));
            },
            "watch-" + thread.getName());
    watcher.setDaemon(true);
    threads.add(thread);
    watchers.add(watcher);
    ends.expect(thread);
    EventRef spawn = trace.recordRef(main.lane(), EventKind.SPAWN, lane.lane().id(), thread.getName());
    EventRef start = trace.recordRef(lane.lane(), EventKind.START, 0, "thread " + thread.getName());
    trace.link(spawn, start, LinkKind.SPAWN);
    thread.start();
    watcher.start();
    return thread;
  }

  /**
   * Work of the run that is neither a worker nor a thread of this JVM (a Python run and its
   * process tree): ended by {@link #cancel()}, waited for by {@link #awaitTermination}.
   */
  public interface Part {
    /** Ends the part and everything it started; never blocks. */
    void cancel();

    /** Waits until the part has ended and all it produced is recorded. */
    boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException;
  }

  /**
   * Keeps {@code part} in the scope. A part added while Stop is pressed is cancelled at once and
   * the caller hears of it as a {@link CancelledRunException}.
   */
  public void add(Part part) {
    parts.add(part);
    if (cancelled) {
      part.cancel();
      throw new CancelledRunException();
    }
  }

  /** The work of a traced thread, written against its lane. */
  @FunctionalInterface
  public interface ThreadBody {
    void run(TracedLane lane) throws InterruptedException;
  }

  /** The gate that pauses this run's traced threads and paced steps. */
  public PauseGate pauseGate() {
    return gate;
  }

  /** A pacer for slow motion that also stops while the run is paused. */
  public Pacer pacer(long stepMillis) {
    return new Pacer(stepMillis, gate);
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Ends every process and thread of the run; never blocks. Worker processes are asked first (their
   * stdin closes and they end by themselves); any still alive after {@link #KILL_AFTER} is killed.
   */
  public void cancel() {
    boolean first = !cancelled;
    cancelled = true;
    gate.resume();
    workers.forEach(WorkerProcess::askToEnd);
    parts.forEach(Part::cancel);
    threads.forEach(Thread::interrupt);
    if (first && !workers.isEmpty()) {
      Thread killer = new Thread(this::killWhoDidNotEnd, "stop-" + main.lane().name());
      killer.setDaemon(true);
      killer.start();
    }
  }

  /** How long a worker asked to end may take before it is killed. */
  public static final java.time.Duration KILL_AFTER = java.time.Duration.ofMillis(500);

  private void killWhoDidNotEnd() {
    long deadline = System.nanoTime() + KILL_AFTER.toNanos();
    for (WorkerProcess worker : workers) {
      try {
        if (!worker.join(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          worker.kill();
        }
      } catch (InterruptedException e) {
        worker.kill();
      }
    }
  }

  /** Waits until every process has exited and every thread has ended. */
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (WorkerProcess worker : workers) {
      if (!worker.join(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    for (Part part : parts) {
      if (!part.awaitEnd(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    for (Thread watcher : watchers) {
      TimeUnit.NANOSECONDS.timedJoin(watcher, Math.max(1, deadline - System.nanoTime()));
      if (watcher.isAlive()) {
        return false;
      }
    }
    return true;
  }

  public List<WorkerProcess> workers() {
    return List.copyOf(workers);
  }
}
