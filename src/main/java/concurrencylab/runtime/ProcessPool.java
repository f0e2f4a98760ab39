package concurrencylab.runtime;

import concurrencylab.trace.AppText;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.SyncObject;
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
 *
 * <p>The queue is a {@link SyncKind#QUEUE} object of the trace, named {@value #QUEUE_NAME}: each
 * task's put is recorded on the lane of the run's main (the pool's owner, which submits), its get
 * on the lane of the worker that takes it, both with the number of tasks waiting after the change,
 * and a link joins each put to the get that took that task. The queue's own lane shows the
 * waiting tasks as a count.
 */
public final class ProcessPool {
  /** Why a task has no result when the run was stopped: it never started, or Stop ended its worker. */
  public static final String STOPPED_BEFORE_RUN = AppText.of("task.notRun");
  public static final String STOPPED_WHILE_RUNNING = AppText.of("task.stopped");

  /** The name of the pool's task queue, its lane and its synchronisation object alike: an app text, said in the language shown. */
  public static final String QUEUE_NAME = AppText.of("lane.taskQueue");

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

  /**
   * {@link #join()} for the lane that waits in it: the lane shows the wait, and every worker's end
   * is linked to the moment it runs again.
   */
  public void join(TracedLane joiner) throws InterruptedException {
    joiner.awaitEnds(() -> {
      dispatcher.join();
      return null;
    }, dispatcher.workers());
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
    /** A task waiting in the queue, with the put that queued it. */
    private record Pending(long number, String taskClass, List<String> args, EventRef put) {
      Pending putAgain(EventRef again) {
        return new Pending(number, taskClass, args, again);
      }
    }

    private final RunScope scope;
    private final Trace trace;
    private final Lane queueLane;
    private final SyncObject queueObject;
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
          trace.addLane(QUEUE_NAME, LaneKind.QUEUE, scope.main().lane().pid(), scope.main().lane().id());
      this.queueObject = trace.addSyncObject(SyncKind.QUEUE, QUEUE_NAME);
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
      long number = nextTask++;
      EventRef put = trace.recordSync(scope.main().lane(), queueObject, EventKind.PUT, queue.size() + 1);
      queue.addLast(new Pending(number, taskClass, List.copyOf(args), put));
      outstanding++;
      dispatch();
      return number;
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
        // recorded before the task is sent, so that it comes before the worker's own begin
        EventRef get = trace.recordSync(worker.lane(), queueObject, EventKind.GET, queue.size());
        trace.link(task.put(), get, LinkKind.ITEM);
        running.put(worker, task);
        if (!worker.run(task.number(), "task " + task.number(), task.taskClass(), task.args())) {
          // the worker is gone: the task goes back to the front for another one
          running.remove(worker);
          queue.addFirst(task.putAgain(trace.recordSync(worker.lane(), queueObject, EventKind.PUT, queue.size() + 1)));
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
      trace.recordRefAt(queueLane.id(), trace.now(), EventKind.COUNTER, queue.size(), waiting, queueObject.id());
    }
  }
}
