package concurrencylab.runtime;

import concurrencylab.trace.AppText;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A real pool of worker processes fed from one queue, with the semantics of Python's
 * {@code multiprocessing.Pool}: {@link #applyAsync} queues a task and returns at once, any free
 * worker takes the next one, {@link #close} forbids new tasks, and {@link #join} waits for all of
 * them and for the workers to exit. A task that throws is reported on its worker's lane and the
 * pool goes on; a worker that dies fails its task instead of hanging the pool.
 */
public final class ProcessPool {
  /** Why a task has no result when the run was stopped: it never started, or Stop ended its worker. */
  public static final String STOPPED_BEFORE_RUN = AppText.of("task.notRun");
  public static final String STOPPED_WHILE_RUNNING = AppText.of("task.stopped");

  private final Dispatcher dispatcher;

  private ProcessPool(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /**
   * Starts a pool of {@code processes} worker processes in the run's scope. The workers' reader
   * threads are handed only the fully built dispatcher, never a pool half-built.
   */
  public static ProcessPool start(RunScope scope, int processes) {
    return new ProcessPool(Dispatcher.started(scope, processes));
  }

  public List<WorkerProcess> workers() {
    return dispatcher.workers();
  }

  /** Queues a task and returns its number at once, as Python's {@code apply_async} does. */
  public long applyAsync(String taskClass, List<String> args) {
    return dispatcher.applyAsync(taskClass, args);
  }

  /** No more tasks will be submitted; queued ones still run. */
  public void close() {
    dispatcher.close();
  }

  /**
   * Waits until every submitted task has ended, then lets the workers exit and waits for them.
   * Like Python, it must follow {@link #close()}.
   */
  public void join() throws InterruptedException {
    dispatcher.join();
  }

  /** Tasks that raised an exception or lost their worker. */
  public int failedCount() {
    return dispatcher.failedCount();
  }

  /**
   * The pool's state and the listener of its workers, which call it on their reader threads as
   * soon as they start: so it is complete before the first worker is spawned.
   */
  private static final class Dispatcher implements WorkerProcess.Listener {
    private record Pending(long number, String taskClass, List<String> args) {}

    private final RunScope scope;
    private final Trace trace;
    private final Lane queueLane;
    private final List<WorkerProcess> workers = new CopyOnWriteArrayList<>();
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Deque<WorkerProcess> idle = new ArrayDeque<>();
    private final Map<WorkerProcess, Pending> running = new HashMap<>();
    private long nextTask;
    private int outstanding;
    private int failed;
    private boolean closed;

    private Dispatcher(RunScope scope) {
      this.scope = scope;
      this.trace = scope.trace();
      this.queueLane =
          trace.addLane("task queue", LaneKind.QUEUE, scope.main().lane().pid(), scope.main().lane().id());
    }

    static Dispatcher started(RunScope scope, int processes) {
      if (processes < 1) {
        throw new IllegalArgumentException("a pool needs at least one process, not " + processes);
      }
      Dispatcher dispatcher = new Dispatcher(scope);
      for (int i = 1; i <= processes; i++) {
        dispatcher.workers.add(scope.spawn("PoolWorker-" + i, dispatcher));
      }
      return dispatcher;
    }

    List<WorkerProcess> workers() {
      return List.copyOf(workers);
    }

    synchronized long applyAsync(String taskClass, List<String> args) {
      if (closed) {
        throw new IllegalStateException("Pool not running");
      }
      Pending task = new Pending(nextTask++, taskClass, List.copyOf(args));
      queue.addLast(task);
      outstanding++;
      dispatch();
      return task.number();
    }

    synchronized void close() {
      closed = true;
    }

    void join() throws InterruptedException {
      synchronized (this) {
        if (!closed) {
          throw new IllegalStateException("close() the pool before join()");
        }
        while (outstanding > 0 && !scope.isCancelled()) {
          wait(100);
        }
      }
      if (!scope.isCancelled()) {
        // Stopped, the scope kills the workers: closing their input here too would race with that
        // and let some of them end with "exit 0", as if they had finished their work.
        workers.forEach(WorkerProcess::closeInput);
      }
      for (WorkerProcess worker : workers) {
        worker.join();
      }
    }

    synchronized int failedCount() {
      return failed;
    }

    @Override
    public synchronized void ready(WorkerProcess worker) {
      idle.addLast(worker);
      dispatch();
    }

    @Override
    public synchronized void taskEnded(WorkerProcess worker, long task, boolean taskFailed) {
      Pending current = running.get(worker);
      if (current == null || current.number() != task) {
        // a stray protocol line the task wrote itself: it stays on the lane, but ends nothing
        return;
      }
      running.remove(worker);
      if (taskFailed) {
        failed++;
      }
      finishOne();
      idle.addLast(worker);
      dispatch();
    }

    @Override
    public synchronized void exited(WorkerProcess worker, int status) {
      idle.remove(worker);
      Pending lost = running.remove(worker);
      if (lost != null) {
        trace.record(worker.lane(), EventKind.TASK_FAILED, lost.number(), scope.isCancelled() ? STOPPED_WHILE_RUNNING : AppText.of("task.workerDied"));
        failed++;
        finishOne();
      }
      boolean anyAlive = workers.stream().anyMatch(WorkerProcess::isAlive);
      if (!anyAlive && !queue.isEmpty()) {
        for (Pending orphan : queue) {
          trace.record(queueLane, EventKind.TASK_FAILED, orphan.number(), scope.isCancelled() ? STOPPED_BEFORE_RUN : AppText.of("task.noWorker"));
          failed++;
          finishOne();
        }
        queue.clear();
        recordQueue();
      }
    }

    private void finishOne() {
      outstanding--;
      notifyAll();
    }

    private void dispatch() {
      while (!queue.isEmpty() && !idle.isEmpty()) {
        WorkerProcess worker = idle.pollFirst();
        Pending task = queue.pollFirst();
        running.put(worker, task);
        if (!worker.run(task.number(), "task " + task.number(), task.taskClass(), task.args())) {
          running.remove(worker);
          queue.addFirst(task);
        }
      }
      recordQueue();
    }

    private void recordQueue() {
      String waiting =
          queue.stream().limit(24).map(p -> "#" + p.number()).collect(Collectors.joining(" "));
      if (queue.size() > 24) {
        waiting += " …";
      }
      trace.record(queueLane, EventKind.COUNTER, queue.size(), waiting);
    }
  }
}
