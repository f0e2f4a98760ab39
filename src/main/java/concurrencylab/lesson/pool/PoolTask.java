package concurrencylab.lesson.pool;

import concurrencylab.runtime.WorkerContext;
import concurrencylab.runtime.WorkerTask;
import java.util.List;

/** One task of the Pool lesson, run inside whichever worker process is free. */
public final class PoolTask implements WorkerTask {
  @Override
  public void run(List<String> args, WorkerContext context) throws InterruptedException {
    // snippet:run:start
    String name = args.get(0);
    long sleepMillis = Long.parseLong(args.get(1));
    boolean fails = Boolean.parseBoolean(args.get(2));
    System.out.println("task " + name + " (pid=" + context.pid() + ") is running...");
    context.sleep(sleepMillis);
    if (fails) {
      throw new IllegalStateException("task " + name + " raised on purpose");
    }
    System.out.println("task " + name + " end.");
    // snippet:run:end
  }
}
