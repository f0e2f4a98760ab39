package concurrencylab.ui.timeline;

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

/**
 * A finished one-second run that gives every layer of the timeline something to draw: a main
 * process that spawns the others, prints (stdout and stderr) and marks a phase; a thread that goes
 * through every state, holds a lock twice over, reads and writes a counter and fails; a thread
 * the lock is handed over to; a pool worker with named, unnamed, failed and sub-pixel tasks under
 * a dense stretch of prints; and the pool's task queue. Times are in milliseconds below.
 */
final class LayeredRun {
  static final long MS = 1_000_000L;
  static final int MAIN = 0;
  static final int STATES = 1;
  static final int TAKER = 2;
  static final int WORKER = 3;
  static final int QUEUE = 4;

  /** When each state of the {@link #STATES} lane begins, in order; the last ends at {@link #STATES_END}. */
  static final LaneState[] STATE_ORDER = {
    LaneState.RUNNING, LaneState.SLEEPING, LaneState.WAITING, LaneState.BLOCKED, LaneState.STARTING, LaneState.PAUSED, LaneState.RUNNING
  };
  static final long[] STATE_BEGINS = {50 * MS, 150 * MS, 250 * MS, 350 * MS, 450 * MS, 550 * MS, 650 * MS};
  static final long STATES_END = 900 * MS;
  static final long PRINT = 100 * MS;
  static final long STDERR = 200 * MS;
  static final long MARKER = 300 * MS;
  static final long MAIN_END = 950 * MS;
  static final long HAND_OVER = 800 * MS;
  static final long TASK_BEGIN = 100 * MS;
  static final long TASK_END = 300 * MS;
  static final long FAILED_TASK_BEGIN = 320 * MS;
  static final long FAILED_TASK_END = 500 * MS;
  static final long QUEUE_DEEP = 100 * MS;
  static final long QUEUE_EMPTY = 400 * MS;
  static final long LOCK_TWICE = 700 * MS;

  private LayeredRun() {}

  /** The run, with {@code extraLanes} more idle workers below (for lanes that scroll). */
  static Trace build(int extraLanes) {
    Trace trace = new Trace();
    Lane main = trace.addLane("main", LaneKind.PROCESS, 100, Lane.NO_PARENT);
    Lane states = trace.addLane("Thread-1", LaneKind.THREAD, 100, main.id());
    Lane taker = trace.addLane("Thread-2", LaneKind.THREAD, 100, main.id());
    Lane worker = trace.addLane("worker-1", LaneKind.PROCESS, 101, main.id());
    Lane queue = trace.addLane("task queue", LaneKind.QUEUE, 100, main.id());
    SyncObject lock = trace.addSyncObject(SyncKind.LOCK, "lock");
    Lane[] idle = new Lane[extraLanes];
    for (int i = 0; i < extraLanes; i++) {
      idle[i] = trace.addLane("idle-" + i, LaneKind.PROCESS, 200 + i, main.id());
    }

    trace.recordAt(main.id(), 0, EventKind.START, 0, "");
    for (Lane child : new Lane[] {states, taker, worker}) {
      trace.recordAt(main.id(), 50 * MS, EventKind.SPAWN, child.id(), child.name());
    }
    for (int i = 0; i < extraLanes; i++) {
      trace.recordAt(main.id(), 60 * MS, EventKind.SPAWN, idle[i].id(), idle[i].name());
      trace.recordAt(idle[i].id(), 60 * MS, EventKind.START, 0, "");
      trace.recordAt(idle[i].id(), (400 + 20 * i) * MS, EventKind.STATE, LaneState.SLEEPING.ordinal(), "");
      trace.recordAt(idle[i].id(), 990 * MS, EventKind.END, 0, AppText.of("end.exit", 0));
    }
    trace.recordAt(main.id(), PRINT, EventKind.PRINT, 0, "hello from main");
    trace.recordAt(main.id(), STDERR, EventKind.STDERR, 0, "a warning");
    trace.recordAt(main.id(), MARKER, EventKind.MARKER, 0, "phase one");

    for (int i = 0; i < STATE_ORDER.length; i++) {
      trace.recordAt(states.id(), STATE_BEGINS[i], i == 0 ? EventKind.START : EventKind.STATE, STATE_ORDER[i].ordinal(), "");
    }
    trace.recordRefAt(states.id(), 660 * MS, EventKind.LOCK_ACQUIRED, 1, "", lock.id());
    trace.recordAt(states.id(), 670 * MS, EventKind.READ, 5, "");
    trace.recordRefAt(states.id(), LOCK_TWICE, EventKind.LOCK_ACQUIRED, 2, "", lock.id());
    trace.recordAt(states.id(), 720 * MS, EventKind.COUNTER, 6, "");
    EventRef released = trace.recordRefAt(states.id(), HAND_OVER, EventKind.LOCK_RELEASED, 0, "", lock.id());
    trace.recordAt(states.id(), STATES_END, EventKind.END, 1, AppText.of("end.exit", 1));

    trace.recordAt(taker.id(), 50 * MS, EventKind.START, 0, "");
    trace.recordRefAt(taker.id(), 600 * MS, EventKind.LOCK_WAIT, 0, "", lock.id());
    trace.recordAt(taker.id(), 600 * MS, EventKind.STATE, LaneState.BLOCKED.ordinal(), "");
    trace.recordAt(taker.id(), HAND_OVER + MS, EventKind.STATE, LaneState.RUNNING.ordinal(), "");
    EventRef acquired = trace.recordRefAt(taker.id(), HAND_OVER + MS, EventKind.LOCK_ACQUIRED, 1, "", lock.id());
    trace.link(released, acquired, LinkKind.HAND_OVER);
    trace.recordRefAt(taker.id(), 850 * MS, EventKind.LOCK_RELEASED, 0, "", lock.id());
    trace.recordAt(taker.id(), 900 * MS, EventKind.END, 0, AppText.of("end.exit", 0));

    trace.recordAt(worker.id(), 50 * MS, EventKind.START, 0, "");
    trace.recordAt(worker.id(), TASK_BEGIN, EventKind.TASK_BEGIN, 1, "prime 17");
    trace.recordAt(worker.id(), TASK_END, EventKind.TASK_END, 1, "");
    trace.recordAt(worker.id(), FAILED_TASK_BEGIN, EventKind.TASK_BEGIN, 2, "");
    trace.recordAt(worker.id(), FAILED_TASK_END, EventKind.TASK_FAILED, 2, "ValueError");
    for (int task = 0; task < 2_000; task++) { // far narrower than a pixel each
      long begin = 600 * MS + task * 50_000L;
      trace.recordAt(worker.id(), begin, EventKind.TASK_BEGIN, 10 + task, "");
      trace.recordAt(worker.id(), begin + 40_000L, EventKind.TASK_END, 10 + task, "");
      trace.recordAt(worker.id(), begin + 45_000L, task % 97 == 0 ? EventKind.STDERR : EventKind.PRINT, 0, "line " + task);
    }
    trace.recordAt(worker.id(), 980 * MS, EventKind.END, 0, AppText.of("end.exit", 0));

    trace.recordAt(queue.id(), 0, EventKind.START, 0, "");
    trace.recordAt(queue.id(), 60 * MS, EventKind.COUNTER, 2, "#1 #2");
    trace.recordAt(queue.id(), QUEUE_DEEP, EventKind.COUNTER, 4, "#1 #2 #3 #4");
    trace.recordAt(queue.id(), QUEUE_EMPTY, EventKind.COUNTER, 0, "");

    trace.recordAt(main.id(), MAIN_END, EventKind.END, 0, AppText.of("end.run.completed"));
    trace.sync();
    trace.finish();
    return trace;
  }
}
