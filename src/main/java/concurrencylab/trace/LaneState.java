package concurrencylab.trace;

/** What a process or thread was doing between two state changes. */
public enum LaneState {
  RUNNING,
  SLEEPING,
  BLOCKED,
  WAITING,
  ENDED
}
