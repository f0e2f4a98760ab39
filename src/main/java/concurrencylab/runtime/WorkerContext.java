package concurrencylab.runtime;

/** What a {@link WorkerTask} can tell its parent besides printing: when it sleeps. */
public interface WorkerContext {
  /** The OS process id of the worker. */
  long pid();

  /** The id of the process that started the worker, as the worker's OS reports it. */
  long parentPid();

  /** Puts a labelled mark on the worker's lane. */
  void mark(String label);

  /** Sleeps, reporting the sleep so that the timeline shows it. */
  void sleep(long millis) throws InterruptedException;
}
