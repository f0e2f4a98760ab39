package concurrencylab.runtime;

import java.util.List;

/**
 * Code that a worker process runs for the app: the Java counterpart of the function a Python
 * program hands to {@code Process(target=…)} or {@code Pool.apply_async}. Implementations need a
 * public no-argument constructor; the worker finds them by class name. What they print with
 * {@code System.out} lands on their worker's lane.
 */
public interface WorkerTask {
  void run(List<String> args, WorkerContext context) throws Exception;
}
