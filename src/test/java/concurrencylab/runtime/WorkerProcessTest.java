package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerProcessTest {
  private final Trace trace = new Trace();
  private final RunScope scope = new RunScope(trace, "main");
  private final List<TraceEvent> events = new ArrayList<>();

  @AfterEach
  void endEverything() throws InterruptedException {
    scope.cancel();
    assertThat(scope.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }

  private List<TraceEvent> eventsOf(WorkerProcess worker) {
    events.addAll(trace.sync());
    return events.stream().filter(e -> e.lane() == worker.lane().id()).toList();
  }

  private boolean has(WorkerProcess worker, EventKind kind) {
    return eventsOf(worker).stream().anyMatch(e -> e.kind() == kind);
  }

  @Test
  void aWorkerIsARealChildProcessThatReportsOnItsOwnLane() throws Exception {
    WorkerProcess worker = scope.spawn("w", WorkerProcess.EXIT_AFTER_TASK);
    worker.run(1, TestTasks.Echo.class.getName(), List.of("hello", "second line"));

    assertThat(worker.join()).isZero();
    assertThat(worker.pid()).isNotEqualTo(ProcessHandle.current().pid());
    List<TraceEvent> lane = eventsOf(worker);
    assertThat(lane).extracting(TraceEvent::kind).startsWith(EventKind.START).endsWith(EventKind.END);
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.PRINT).extracting(TraceEvent::text).containsExactly("hello", "second line");
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.TASK_END).extracting(TraceEvent::value).containsExactly(1L);
    LaneTrack track = trace.store().track(worker.lane().id());
    long spawn = track.time(0);
    for (int i = 1; i < track.size(); i++) {
      assertThat(track.time(i)).as("no event before the spawn, all in order").isGreaterThanOrEqualTo(Math.max(spawn, track.time(i - 1)));
    }
  }

  @Test
  void argumentsWithShellCharactersArriveLiterally() throws Exception {
    List<String> tricky = List.of("$(touch /tmp/pwned)", "; echo hi && exit 1 | cat", "'quoted' \"double\"", "*");
    WorkerProcess worker = scope.spawn("w", WorkerProcess.EXIT_AFTER_TASK);
    worker.run(1, TestTasks.Echo.class.getName(), tricky);
    worker.join();

    assertThat(eventsOf(worker)).filteredOn(e -> e.kind() == EventKind.PRINT).extracting(TraceEvent::text).containsExactlyElementsOf(tricky);
  }

  @Test
  void aWorkerExitsWithinASecondWhenItsStdinCloses() throws Exception {
    WorkerProcess worker = scope.spawn("w", new WorkerProcess.Listener() {});
    worker.run(1, TestTasks.SleepLong.class.getName(), List.of());
    Await.until(Duration.ofSeconds(30), () -> has(worker, EventKind.TASK_BEGIN), "the task began");

    worker.closeInput();

    assertThat(worker.join(1, TimeUnit.SECONDS)).as("exited within a second of EOF").isTrue();
  }

  @Test
  void anExitStatusShowsOnTheLane() throws Exception {
    WorkerProcess worker = scope.spawn("w", new WorkerProcess.Listener() {});
    worker.run(1, TestTasks.ExitWith.class.getName(), List.of("3"));

    assertThat(worker.join()).isEqualTo(3);
    TraceEvent end = eventsOf(worker).stream().filter(e -> e.kind() == EventKind.END).findFirst().orElseThrow();
    assertThat(end.value()).isEqualTo(3);
    assertThat(concurrencylab.export.EnglishTexts.render(end.text())).isEqualTo("exit 3");
  }

  @Test
  void aKilledWorkerShowsTheSignalOnItsLane() throws Exception {
    WorkerProcess worker = scope.spawn("w", new WorkerProcess.Listener() {});
    worker.run(1, TestTasks.SleepLong.class.getName(), List.of());
    Await.until(Duration.ofSeconds(30), () -> has(worker, EventKind.TASK_BEGIN), "the task began");

    worker.kill();

    worker.join();
    TraceEvent end = eventsOf(worker).stream().filter(e -> e.kind() == EventKind.END).findFirst().orElseThrow();
    assertThat(concurrencylab.export.EnglishTexts.render(end.text())).isEqualTo("killed by signal 9");
  }

  @Test
  void garbageOutputIsRecordedAsTextAndTheWorkerGoesOn() throws Exception {
    WorkerProcess worker = scope.spawn("w", WorkerProcess.EXIT_AFTER_TASK);
    worker.run(1, TestTasks.Garbage.class.getName(), List.of());
    assertThat(worker.join()).isZero();

    List<TraceEvent> lane = eventsOf(worker);
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.PRINT).extracting(TraceEvent::text)
        .contains("bad\uFFFD\uFFFD\u0000", "still talking")
        .anyMatch(t -> t.startsWith("yyyy") && t.endsWith(LineReader.CUT_MARKER));
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.STDERR).extracting(TraceEvent::text).contains("a line on stderr");
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.TASK_END).hasSize(1);
  }

  @Test
  void aTaskThatThrowsIsReportedAndThePoolRunsTheRest() throws Exception {
    ProcessPool pool = ProcessPool.start(scope, 2);
    for (int i = 0; i < 6; i++) {
      pool.applyAsync(i == 2 ? TestTasks.Throw.class.getName() : TestTasks.Echo.class.getName(), List.of("task " + i));
    }
    pool.close();
    pool.join();

    events.addAll(trace.sync());
    assertThat(pool.failedCount()).isEqualTo(1);
    assertThat(events).filteredOn(e -> e.kind() == EventKind.TASK_FAILED).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("IllegalArgumentException: thrown on purpose"));
    assertThat(events).filteredOn(e -> e.kind() == EventKind.TASK_END).extracting(TraceEvent::value).containsExactlyInAnyOrder(0L, 1L, 3L, 4L, 5L);
    assertThat(pool.workers()).allSatisfy(w -> assertThat(w.isAlive()).isFalse());
  }
}
