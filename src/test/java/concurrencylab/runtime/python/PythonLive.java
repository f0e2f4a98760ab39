package concurrencylab.runtime.python;

import concurrencylab.runtime.Await;
import concurrencylab.runtime.RunScope;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A Python run the test watches while it goes on: its events as they arrive, and conditions awaited. */
final class PythonLive implements AutoCloseable {
  final Trace trace = new Trace();
  final RunScope scope = new RunScope(trace, "app");
  final PythonRun run;
  private final List<TraceEvent> events = new ArrayList<>();

  PythonLive(String source, Path dir, PythonRun.Options options) {
    run = PythonRun.startSource(scope, options, source, "script.py", List.of(), dir);
  }

  synchronized List<TraceEvent> events() {
    events.addAll(trace.sync());
    return List.copyOf(events);
  }

  long count(Predicate<TraceEvent> which) {
    return events().stream().filter(which).count();
  }

  Lane lane(String name) {
    return trace.lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no lane " + name));
  }

  void until(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    Await.until(Duration.ofSeconds(60), () -> {
      boolean ended = run.done().isDone();
      events();
      if (condition.getAsBoolean()) {
        return true;
      }
      if (ended) {
        throw new AssertionError("the run ended before " + what + ": " + run.done().join() + "\n" + describe());
      }
      return false;
    }, what);
  }

  String describe() {
    StringBuilder text = new StringBuilder();
    List<TraceEvent> all = events();
    for (TraceEvent e : all.subList(Math.max(0, all.size() - 300), all.size())) {
      text.append(trace.lane(e.lane()).name()).append(' ').append(e.kind()).append(' ').append(e.value()).append(' ').append(e.text()).append('\n');
    }
    return text.toString();
  }

  /** Waits for the end; the run's result. */
  PythonRun.Result end() throws InterruptedException {
    PythonRun.Result result = run.await();
    events();
    return result;
  }

  static Predicate<TraceEvent> on(Lane lane, EventKind kind) {
    return e -> e.lane() == lane.id() && e.kind() == kind;
  }

  @Override
  public void close() throws InterruptedException {
    scope.cancel();
    run.awaitEnd(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
