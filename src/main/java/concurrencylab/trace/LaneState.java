package concurrencylab.trace;

/** What a process or thread was doing between two state changes. */
public enum LaneState {
  RUNNING,
  SLEEPING,
  BLOCKED,
  WAITING,
  /** A worker JVM booting: started, not yet running any lesson code. */
  STARTING,
  /** Held at the run's pause gate by the lecturer's Pause. */
  PAUSED,
  ENDED
}
