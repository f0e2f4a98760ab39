package concurrencylab.trace;

/** What a lane stands for: an OS process, a thread inside one, or a queue that the run keeps. */
public enum LaneKind {
  PROCESS,
  THREAD,
  QUEUE
}
