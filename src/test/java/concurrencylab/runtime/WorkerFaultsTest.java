package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Children that fail in the ways DESIGN §5 lists: an error exit, a signal, a hang, a task that
 * throws. Each leaves a visible mark on its lane, the pool goes on with the rest, and nothing is
 * left running afterwards.
 */
class WorkerFaultsTest {
  private final Trace trace = new Trace();
  private final RunScope scope = new RunScope(trace, "main");
  private final List<TraceEvent> events = new ArrayList<>();

  @AfterEach
  void nothingLeftRunning() throws InterruptedException {
    scope.cancel();
    assertThat(scope.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }

  private List<TraceEvent> synced() {
    events.addAll(trace.sync());
    return events;
  }

  private List<TraceEvent> lane(WorkerProcess worker) {
    return synced().stream().filter(e -> e.lane() == worker.lane().id()).toList();
  }

  private boolean begun(WorkerProcess worker, long task) {
    return lane(worker).stream().anyMatch(e -> e.kind() == EventKind.TASK_BEGIN && e.value() == task);
  }

  private static TraceEvent last(List<TraceEvent> lane) {
    return lane.get(lane.size() - 1);
  }

  private static List<Long> values(List<TraceEvent> events, EventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).map(TraceEvent::value).toList();
  }

  @Test
  void aPoolWorkerThatExitsWithAnErrorCodeFailsItsTaskAndThePoolRunsTheRest() throws Exception {
    ProcessPool pool = ProcessPool.start(scope, 2);
    pool.applyAsync(TestTasks.ExitWith.class.getName(), List.of("3"));
    for (int i = 1; i <= 5; i++) {
      pool.applyAsync(TestTasks.Echo.class.getName(), List.of("task " + i));
    }
    pool.close();
    pool.join();

    WorkerProcess dead = pool.workers().stream().filter(w -> w.exit().join() == 3).findFirst().orElseThrow();
    List<TraceEvent> lane = lane(dead);
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.TASK_FAILED).singleElement()
        .satisfies(e -> assertThat(e.value()).isZero())
        .satisfies(e -> assertThat(concurrencylab.export.EnglishTexts.render(e.text())).isEqualTo("its worker process died"));
    assertThat(last(lane).kind()).isEqualTo(EventKind.END);
    assertThat(concurrencylab.export.EnglishTexts.render(last(lane).text())).isEqualTo("exit 3");
    assertThat(values(synced(), EventKind.TASK_END)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    assertThat(pool.failedCount()).isEqualTo(1);
  }

  @Test
  void aPoolWorkerKilledBySignalMidTaskFailsItsTaskAndThePoolRunsTheRest() throws Exception {
    ProcessPool pool = ProcessPool.start(scope, 2);
    pool.applyAsync(TestTasks.SleepLong.class.getName(), List.of());
    Await.until(Duration.ofSeconds(60), () -> pool.workers().stream().anyMatch(w -> begun(w, 0)), "task 0 began");
    WorkerProcess sleeper = pool.workers().stream().filter(w -> begun(w, 0)).findFirst().orElseThrow();
    for (int i = 1; i <= 4; i++) {
      pool.applyAsync(TestTasks.Echo.class.getName(), List.of("task " + i));
    }
    pool.close();

    // killed from outside, as by the OOM killer or `kill -9`: not through our own kill()
    ProcessHandle.of(sleeper.pid()).orElseThrow().destroyForcibly();
    pool.join();

    List<TraceEvent> lane = lane(sleeper);
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.TASK_FAILED).singleElement()
        .satisfies(e -> assertThat(concurrencylab.export.EnglishTexts.render(e.text())).isEqualTo("its worker process died"));
    assertThat(concurrencylab.export.EnglishTexts.render(last(lane).text())).isEqualTo("killed by signal 9");
    assertThat(values(synced(), EventKind.TASK_END)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
  }

  /**
   * A task that writes protocol lines of its own past System.out (a stray "end" of a task its worker
   * is not running) must not make the pool count a task as done that is not: join() would return
   * early and the tasks still running or queued would be lost without a mark.
   */
  @Test
  void aForgedEndLineFromATaskDoesNotEndAnotherTaskOfThePool() throws Exception {
    String forged = LineProtocol.end(0, 999) + "\n" + LineProtocol.fail(0, 998, "forged") + "\n";
    ProcessPool pool = ProcessPool.start(scope, 1);
    pool.applyAsync(TestTasks.RawBytes.class.getName(), List.of(java.util.HexFormat.of().formatHex(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    for (int i = 1; i <= 4; i++) {
      pool.applyAsync(TestTasks.Echo.class.getName(), List.of("task " + i));
    }
    pool.close();
    pool.join();

    List<TraceEvent> all = synced();
    assertThat(values(all, EventKind.TASK_BEGIN)).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(all).filteredOn(e -> e.kind() == EventKind.PRINT).extracting(TraceEvent::text)
        .contains("task 1", "task 2", "task 3", "task 4");
    assertThat(pool.failedCount()).isZero();
  }

  /**
   * A run line is code to run, so a worker runs only the app's own tasks. A class it refuses is
   * never initialised (its static initialiser would print on the lane), the refusal is the task's
   * failure with a reason, and the worker goes on.
   */
  @Test
  void aWorkerRunsOnlyTheAppsOwnTaskClassesAndInitialisesNoOther() throws Exception {
    ProcessPool pool = ProcessPool.start(scope, 1);
    pool.applyAsync(foreign.ForeignTask.class.getName(), List.of());
    pool.applyAsync(TestTasks.NotATask.class.getName(), List.of());
    pool.applyAsync("concurrencylab.NoSuchTask", List.of());
    pool.applyAsync(WorkerTask.class.getName(), List.of());
    pool.applyAsync(TestTasks.Echo.class.getName(), List.of("still here"));
    pool.close();
    pool.join();

    List<TraceEvent> lane = lane(pool.workers().get(0));
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.TASK_FAILED).extracting(TraceEvent::text)
        .containsExactly(
            "refused task class foreign.ForeignTask: not in a concurrencylab.* package",
            "refused task class " + TestTasks.NotATask.class.getName() + ": not a WorkerTask",
            "refused task class concurrencylab.NoSuchTask: no such class",
            "refused task class concurrencylab.runtime.WorkerTask: not a WorkerTask");
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.PRINT).extracting(TraceEvent::text).containsExactly("still here");
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.STDERR).isEmpty();
    assertThat(values(lane, EventKind.TASK_END)).containsExactly(4L);
    assertThat(pool.failedCount()).isEqualTo(4);
  }

  @Test
  void aChildThatHangsPastItsTimeoutIsKilledAndSaysSo() throws Exception {
    WorkerProcess worker = scope.spawn("hangs", WorkerProcess.EXIT_AFTER_TASK);
    worker.run(1, TestTasks.SleepLong.class.getName(), List.of());
    Await.until(Duration.ofSeconds(60), () -> begun(worker, 1), "the task began");

    assertThat(worker.join(200, TimeUnit.MILLISECONDS)).as("still hanging").isFalse();
    worker.kill();

    assertThat(worker.join(30, TimeUnit.SECONDS)).isTrue();
    assertThat(concurrencylab.export.EnglishTexts.render(last(lane(worker)).text())).isEqualTo("killed by signal 9");
  }

  @Test
  void tasksThatThrowErrorsAreShownAndTheWorkerGoesOn() throws Exception {
    ProcessPool pool = ProcessPool.start(scope, 1);
    pool.applyAsync(TestTasks.ThrowError.class.getName(), List.of("oom"));
    pool.applyAsync(TestTasks.ThrowError.class.getName(), List.of("stackoverflow"));
    pool.applyAsync(TestTasks.Throw.class.getName(), List.of());
    pool.applyAsync(TestTasks.Echo.class.getName(), List.of("still here"));
    pool.close();
    pool.join();

    WorkerProcess worker = pool.workers().get(0);
    List<TraceEvent> lane = lane(worker);
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.TASK_FAILED).extracting(TraceEvent::text)
        .satisfiesExactly(
            oom -> assertThat(oom).startsWith("OutOfMemoryError"),
            so -> assertThat(so).startsWith("StackOverflowError"),
            thrown -> assertThat(thrown).isEqualTo("IllegalArgumentException: thrown on purpose"));
    assertThat(lane).filteredOn(e -> e.kind() == EventKind.PRINT).extracting(TraceEvent::text).contains("still here");
    assertThat(values(lane, EventKind.TASK_END)).containsExactly(3L);
    assertThat(concurrencylab.export.EnglishTexts.render(last(lane).text())).isEqualTo("exit 0");
    assertThat(pool.failedCount()).isEqualTo(3);
  }

  /**
   * The exit is the last word of a lane: when join() returns, everything the child wrote, on stdout
   * and stderr, is recorded, and the END comes after it. Otherwise a consumer that syncs once more
   * after the run (the UI does) could miss lines that are still on their way.
   */
  @Test
  void whenAChildHasBeenJoinedAllItsStderrIsRecordedBeforeItsEnd() throws Exception {
    int lines = 6_000;
    for (int round = 0; round < 5; round++) {
      WorkerProcess worker = scope.spawn("stderr-" + round, new WorkerProcess.Listener() {});
      worker.run(1, TestTasks.StderrLines.class.getName(), List.of(Integer.toString(lines)));
      assertThat(worker.join()).isZero();

      List<TraceEvent> lane = lane(worker);
      assertThat(lane).filteredOn(e -> e.kind() == EventKind.STDERR).hasSize(lines);
      assertThat(last(lane).kind()).as("the END is the lane's last event").isEqualTo(EventKind.END);
    }
  }

  @Test
  void aProcessThatAWorkerStartedEndsWithTheWorker() throws Exception {
    Optional<Path> sleep = java.util.stream.Stream.of("/bin/sleep", "/usr/bin/sleep").map(Path::of).filter(Files::isExecutable).findFirst();
    Assumptions.assumeTrue(sleep.isPresent(), "needs a sleep command");
    WorkerProcess worker = scope.spawn("parent-of-one", new WorkerProcess.Listener() {});
    worker.run(1, TestTasks.StartGrandchild.class.getName(), List.of(sleep.get().toString(), "600"));
    Await.until(Duration.ofSeconds(60), () -> lane(worker).stream().anyMatch(e -> e.text().startsWith("grandchild ")), "the grandchild started");
    long grandchildPid = Long.parseLong(lane(worker).stream().filter(e -> e.text().startsWith("grandchild ")).findFirst().orElseThrow().text().substring(11));
    ProcessHandle grandchild = ProcessHandle.of(grandchildPid).orElseThrow();

    // the app going away looks like this to the worker: its stdin closes
    worker.closeInput();

    assertThat(worker.join(30, TimeUnit.SECONDS)).isTrue();
    Await.until(Duration.ofSeconds(10), () -> !grandchild.isAlive(), "the grandchild ended with its worker");
  }

  @Test
  void theGrandchildOfAWorkerDiesWhenTheWorkerIsKilled() throws Exception {
    Optional<Path> sleep = java.util.stream.Stream.of("/bin/sleep", "/usr/bin/sleep").map(Path::of).filter(Files::isExecutable).findFirst();
    Assumptions.assumeTrue(sleep.isPresent(), "needs a sleep command");
    WorkerProcess worker = scope.spawn("parent-of-one", new WorkerProcess.Listener() {});
    worker.run(1, TestTasks.StartGrandchild.class.getName(), List.of(sleep.get().toString(), "600"));
    Await.until(Duration.ofSeconds(60), () -> lane(worker).stream().anyMatch(e -> e.text().startsWith("grandchild ")), "the grandchild started");
    ProcessHandle grandchild = ProcessHandle.current().descendants().filter(p -> p.parent().map(pp -> pp.pid() == worker.pid()).orElse(false)).findFirst().orElseThrow();

    worker.kill();

    assertThat(worker.join(30, TimeUnit.SECONDS)).isTrue();
    Await.until(Duration.ofSeconds(10), () -> !grandchild.isAlive(), "the grandchild ended with its worker");
  }
}
