package foreign;

import concurrencylab.runtime.WorkerContext;
import concurrencylab.runtime.WorkerTask;
import java.util.List;

/** A worker task from outside the app's packages: a worker must refuse to run it. */
public final class ForeignTask implements WorkerTask {
  @Override
  public void run(List<String> args, WorkerContext context) {
    System.out.println("foreign code ran");
  }
}
