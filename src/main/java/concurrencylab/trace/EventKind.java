package concurrencylab.trace;

/**
 * The kinds of things a lane can report. The meaning of {@link TraceEvent#value()} depends on the
 * kind: the exit status for {@link #END}, the {@link LaneState} ordinal for {@link #STATE}, the
 * task number for task events, the child lane id for {@link #SPAWN}, the new value for {@link
 * #COUNTER}.
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
  MARKER
}
