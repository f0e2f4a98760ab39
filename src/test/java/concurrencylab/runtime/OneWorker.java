package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real worker process in a run of its own, kept for a whole test container by the tests that
 * send it case after case: the fuzzers and the no-shell test.
 */
final class OneWorker {
  private final Trace trace = new Trace();
  private final RunScope scope = new RunScope(trace, "main");
  private final WorkerProcess worker;

  private OneWorker(String name) {
    worker = scope.spawn(name, new WorkerProcess.Listener() {});
  }

  static OneWorker spawn(String name) {
    return new OneWorker(name);
  }

  /** Spawns the worker and waits until it has reported ready. */
  static OneWorker ready(String name) throws InterruptedException {
    OneWorker one = new OneWorker(name);
    Await.ready(one.trace, one.worker);
    return one;
  }

  WorkerProcess worker() {
    return worker;
  }

  /** Forgets what was recorded so far, before a new case. */
  void discardRecorded() {
    trace.sync();
  }

  /** What the worker's lane recorded since the last call (or discard). */
  List<TraceEvent> laneRecorded() {
    return trace.sync().stream().filter(e -> e.lane() == worker.lane().id()).toList();
  }

  /** Ends the run; fails if anything of it is still running 30 s later. */
  void end() throws InterruptedException {
    scope.cancel();
    assertThat(scope.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }
}
