package concurrencylab.runtime.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.runtime.RunScope;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Python scripts traced, for the tests; skips them with a printed reason when there is no Python. */
final class PythonRuns {
  private static PythonFinder.Result found;

  private PythonRuns() {}

  static synchronized PythonRun.Options options() {
    if (found == null) {
      found = PythonFinder.find();
      if (found instanceof PythonFinder.NotFound none) {
        System.out.println("Python tests skipped: " + none.reason());
      }
    }
    assumeTrue(found instanceof PythonFinder.Found, () -> "no Python >= 3.8: " + ((PythonFinder.NotFound) found).reason());
    return new PythonRun.Options(((PythonFinder.Found) found).executable(), PythonRun.DEFAULT_MAX_PROCESSES);
  }

  /** A finished run: its trace, synced, and its result. */
  record Ran(Trace trace, List<TraceEvent> events, PythonRun.Result result) {
    List<Lane> lanes(LaneKind kind) {
      return trace.lanes().stream().filter(l -> l.kind() == kind && l.id() != 0).toList();
    }

    Lane lane(String name) {
      return trace.lanes().stream().filter(l -> l.name().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no lane " + name + " in " + trace.lanes()));
    }

    List<TraceEvent> on(Lane lane, EventKind kind) {
      return events.stream().filter(e -> e.lane() == lane.id() && e.kind() == kind).toList();
    }

    List<TraceEvent> all(EventKind kind) {
      return events.stream().filter(e -> e.kind() == kind).toList();
    }

    List<String> printed(Lane lane) {
      return on(lane, EventKind.PRINT).stream().map(TraceEvent::text).toList();
    }

    String describe() {
      StringBuilder text = new StringBuilder(result + "\n");
      for (TraceEvent e : events.subList(0, Math.min(events.size(), 400))) {
        text.append(trace.lane(e.lane()).name()).append(' ').append(e.kind()).append(' ').append(e.value()).append(' ').append(e.text()).append('\n');
      }
      return text.toString();
    }
  }

  static Ran run(String source, Path dir) throws Exception {
    return run(source, dir, options());
  }

  static Ran run(String source, Path dir, PythonRun.Options options) throws Exception {
    Trace trace = new Trace();
    RunScope scope = new RunScope(trace, "app");
    PythonRun run = PythonRun.startSource(scope, options, source, "script.py", List.of(), dir);
    List<TraceEvent> events = new ArrayList<>();
    while (!run.awaitEnd(20, TimeUnit.MILLISECONDS)) {
      events.addAll(trace.sync());
      if (events.size() > 5_000_000) {
        scope.cancel();
      }
    }
    events.addAll(trace.sync());
    return new Ran(trace, events, run.await());
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
