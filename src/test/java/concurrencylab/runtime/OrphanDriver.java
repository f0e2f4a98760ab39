package concurrencylab.runtime;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Trace;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The run part of the app, as a process of its own for {@link OrphanTest} to kill: a pool of 8
 * worker processes, then "pids P1 … P8" on stdout, then it waits to be killed.
 *
 * <p>Arguments: the moment to report at ({@code busy}: every worker is in the middle of a task;
 * {@code starting}: right after the spawn, while the workers' JVMs still start), and what to do
 * then ({@code wait} to be killed, or {@code exit}: leave with {@link System#exit} while the run
 * goes on, as the JVM does when the last window closes).
 */
public final class OrphanDriver {
  static final int WORKERS = 8;

  private OrphanDriver() {}

  public static void main(String[] args) throws Exception {
    String moment = args[0];
    String then = args[1];
    Trace trace = new Trace();
    RunScope scope = new RunScope(trace, "main");
    ProcessPool pool = ProcessPool.start(scope, WORKERS);
    if (moment.equals("busy")) {
      for (int i = 0; i < 2 * WORKERS; i++) {
        pool.applyAsync(TestTasks.SleepLong.class.getName(), List.of());
      }
      long begun = 0;
      while (begun < WORKERS) {
        begun += trace.sync().stream().filter(e -> e.kind() == EventKind.TASK_BEGIN).count();
        Thread.sleep(5);
      }
    }
    System.out.println("pids " + pool.workers().stream().map(w -> Long.toString(w.pid())).collect(Collectors.joining(" ")));
    System.out.flush();
    if (then.equals("exit")) {
      System.exit(0);
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
