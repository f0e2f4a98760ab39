package concurrencylab.runtime;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
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
  private volatile boolean cancelled;

  public RunScope(Trace trace, String mainName) {
    this.trace = trace;
    Lane lane = trace.addLane(mainName, LaneKind.PROCESS, ProcessHandle.current().pid(), Lane.NO_PARENT);
    this.main = new TracedLane(trace, lane);
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
      worker.kill();
    }
    return worker;
  }

  /**
   * Starts a Java thread with its own lane. The body's uncaught exception is recorded on that lane
   * as Java would print it, and the lane ends either way.
   */
  public Thread startThread(String name, ThreadBody body) {
    if (cancelled) {
      throw new CancelledRunException();
    }
    Lane lane =
        trace.addLane(name, LaneKind.THREAD, ProcessHandle.current().pid(), main.lane().id());
    TracedLane traced = new TracedLane(trace, lane);
    Thread thread =
        new Thread(
            () -> {
              int status = 0;
              try {
                body.run(traced);
              } catch (InterruptedException e) {
                status = 130;
              } catch (RuntimeException | Error e) {
                status = 1;
                trace.record(lane, EventKind.STDERR, "Exception in thread \"" + name + "\" " + e);
              } finally {
                trace.record(lane, EventKind.END, status, status == 130 ? "interrupted" : "ended");
              }
            },
            name);
    thread.setDaemon(true);
    threads.add(thread);
    trace.record(main.lane(), EventKind.SPAWN, lane.id(), name);
    trace.record(lane, EventKind.START, "thread " + name);
    thread.start();
    return thread;
  }

  /** The work of a traced thread, written against its lane. */
  @FunctionalInterface
  public interface ThreadBody {
    void run(TracedLane lane) throws InterruptedException;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Ends every process and thread of the run now; never blocks. */
  public void cancel() {
    cancelled = true;
    workers.forEach(WorkerProcess::kill);
    threads.forEach(Thread::interrupt);
  }

  /** Waits until every process has exited and every thread has ended. */
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (WorkerProcess worker : workers) {
      if (!worker.join(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    for (Thread thread : threads) {
      TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
      if (thread.isAlive()) {
        return false;
      }
    }
    return true;
  }

  public List<WorkerProcess> workers() {
    return List.copyOf(workers);
  }
}
