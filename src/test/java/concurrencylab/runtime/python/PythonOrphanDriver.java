package concurrencylab.runtime.python;

import concurrencylab.runtime.RunScope;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The app's Python run as a process of its own for {@link PythonOrphanTest} to kill: a script with
 * fork grandchildren busy in loops and a Pool whose workers spin, then "pids P1 … Pn" on stdout
 * (every Python process of the run, the supervisor included), then it waits to be killed.
 * Arguments: the interpreter, and the folder to write the script in (the test removes it).
 */
public final class PythonOrphanDriver {
  private PythonOrphanDriver() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    Path script = Files.writeString(dir.resolve("tree.py"), PythonTrees.FORKS_AND_A_BUSY_POOL);
    Trace trace = new Trace();
    RunScope scope = new RunScope(trace, "app");
    PythonRun run = PythonRun.startFile(scope, new PythonRun.Options(Path.of(args[0]), 64), script, List.of(), dir);
    List<TraceEvent> events = new ArrayList<>();
    while (events.stream().filter(e -> e.kind() == EventKind.TASK_BEGIN).count() < 3
        || events.stream().filter(e -> e.kind() == EventKind.PRINT && e.text().startsWith("grandchild")).count() < 2) {
      events.addAll(trace.sync());
      Thread.sleep(5);
    }
    List<Long> pids = new ArrayList<>(trace.lanes().stream().filter(l -> l.id() != 0).map(Lane::pid).distinct().toList());
    pids.add(run.supervisorPid());
    System.out.println("pids " + pids.stream().map(String::valueOf).collect(Collectors.joining(" ")));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
