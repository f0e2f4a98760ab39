package concurrencylab.lesson.fork;

import concurrencylab.trace.AppText;
import concurrencylab.runtime.WorkerContext;
import concurrencylab.runtime.WorkerTask;
import java.util.List;

/** The child of the fork lesson: it asks its own OS who its parent is. */
public final class ForkChildTask implements WorkerTask {
  @Override
  public void run(List<String> args, WorkerContext context) {
    // snippet:run:start
    context.mark(AppText.of("mark.childBranch"));
    // the child asks its own OS for its parent's PID  ## zh: 子进程自己向操作系统查询父进程的 PID
    System.out.println("I am the child process (" + context.pid()
        + ") and my parent process is (" + context.parentPid() + ").");
    // snippet:run:end
  }
}
