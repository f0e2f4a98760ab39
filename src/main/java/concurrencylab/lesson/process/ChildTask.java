package concurrencylab.lesson.process;

import concurrencylab.runtime.WorkerContext;
import concurrencylab.runtime.WorkerTask;
import java.util.List;

/** What each child process of the Process lesson runs: the target function of the example. */
public final class ChildTask implements WorkerTask {
  @Override
  public void run(List<String> args, WorkerContext context) throws InterruptedException {
    // snippet:run:start
    String name = args.get(0);
    long sleepMillis = Long.parseLong(args.get(1));
    long pid = context.pid();
    System.out.println("child process " + name + " (" + pid + ") running...");
    context.sleep(sleepMillis);
    System.out.println("child process " + name + " (" + pid + ") ends");
    // snippet:run:end
  }
}
