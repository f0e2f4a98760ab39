package concurrencylab.trace;

/**
 * The kinds of things a lane can report. The meaning of {@link TraceEvent#value()} depends on the
 * kind: the exit status for {@link #END}, the {@link LaneState} ordinal for {@link #STATE}, the
 * task number for task events, the child lane id for {@link #SPAWN}, the new value for {@link
 * #COUNTER}, the value read for {@link #READ}, and the lock's hold count after the change for the
 * lock events ({@link #LOCK_WAIT} has the count the thread already holds). An event that acts on a
 * {@link SyncObject} carries its id ({@link TraceEvent#object()}), and the object's {@link SyncKind}
 * says what the value means for it. New kinds go at the end: the stores keep kinds by ordinal.
 */
public enum EventKind {
  START,
  END,
  PRINT,
  STDERR,
  STATE,
  TASK_BEGIN,
  TASK_END,
  TASK_FAILED,
  SPAWN,
  COUNTER,
  MARKER,
  LOCK_WAIT,
  LOCK_ACQUIRED,
  LOCK_RELEASED,
  READ,
  /** Starts to wait on a condition, an event, a queue or a pipe (not a lock: {@link #LOCK_WAIT}). */
  WAIT,
  NOTIFY,
  /** A waiting thread woke up (notified, the event set, or it gave up). */
  WAKE,
  SET,
  CLEAR,
  PUT,
  GET,
  ARRIVE,
  BARRIER_RELEASE,
  /**
   * The lane's thread is at a line of the script it runs (a Python run traced by line, when
   * slowed): the value is the 1-based line number in the script's own file.
   */
  LINE
}
