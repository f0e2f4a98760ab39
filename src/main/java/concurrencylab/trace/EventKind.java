package concurrencylab.trace;

/**
 * The kinds of things a lane can report. The meaning of {@link TraceEvent#value()} depends on the
 * kind: the exit status for {@link #END}, the {@link LaneState} ordinal for {@link #STATE}, the
 * task number for task events, the child lane id for {@link #SPAWN}, the new value for {@link
 * #COUNTER}, the value read for {@link #READ}, and the lock's hold count after the change for the
 * lock events ({@link #LOCK_WAIT} has the count the thread already holds).
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
  READ
}
