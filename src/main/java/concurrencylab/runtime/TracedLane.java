package concurrencylab.runtime;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.Trace;

/**
 * A lane that the code running in this JVM writes to directly: the run's main lane and each traced
 * thread. Its {@code print} is the lesson's {@code print()}; its {@code sleep} shows as a sleeping
 * segment.
 */
public final class TracedLane {
  private final Trace trace;
  private final Lane lane;
  private final PauseGate gate;
  private final ThreadEnds ends;
  private volatile LaneState current = LaneState.RUNNING;
  private volatile String endText = "ended";

  public TracedLane(Trace trace, Lane lane) {
    this(trace, lane, new PauseGate());
  }

  public TracedLane(Trace trace, Lane lane, PauseGate gate) {
    this(trace, lane, gate, new ThreadEnds());
  }

  TracedLane(Trace trace, Lane lane, PauseGate gate, ThreadEnds ends) {
    this.trace = trace;
    this.lane = lane;
    this.gate = gate;
    this.ends = ends;
  }

  /** Waits here while the run is paused. */
  public void pausePoint() throws InterruptedException {
    gate.pass(this);
  }

  public Lane lane() {
    return lane;
  }

  public Trace trace() {
    return trace;
  }

  /**
   * How the thread's end reads when it ends by itself, e.g. "cancelled" for a job whose Cancel
   * button was pressed; "ended" unless said otherwise. A Stop or an exception still says so.
   */
  public void endsAs(String text) {
    endText = text;
  }

  public String endText() {
    return endText;
  }

  public void print(String text) {
    trace.record(lane, EventKind.PRINT, text);
  }

  public void mark(String label) {
    trace.record(lane, EventKind.MARKER, label);
  }

  public void state(LaneState state) {
    current = state;
    trace.state(lane, state);
  }

  /** The state this lane was last put in (running until told otherwise). */
  public LaneState currentState() {
    return current;
  }

  public void sleep(long millis) throws InterruptedException {
    gate.pass(this);
    state(LaneState.SLEEPING);
    try {
      Thread.sleep(millis);
    } finally {
      state(LaneState.RUNNING);
    }
  }

  /** Waits for something (a join, a queue), showing the lane as waiting meanwhile. */
  public <T> T waitFor(Waiting<T> waiting) throws InterruptedException {
    state(LaneState.WAITING);
    try {
      return waiting.await();
    } finally {
      state(LaneState.RUNNING);
    }
  }

  /**
   * Waits for each thread to end ({@code Thread.join()}), showing the lane as waiting; the end of
   * a thread its run started is linked to the moment this lane runs again.
   */
  public void joinAll(java.util.List<Thread> threads) throws InterruptedException {
    for (Thread thread : threads) {
      state(LaneState.WAITING);
      EventRef end = null;
      try {
        thread.join();
        end = ends.endOf(thread);
      } finally {
        resumeAfter(end == null ? java.util.List.of() : java.util.List.of(end));
      }
    }
  }

  /**
   * Waits for a child process to end, as Python's {@code p.join()} does, showing the lane as
   * waiting; the child's end is linked to the moment this lane runs again, so the timeline shows
   * which process the join waited for. Returns the child's exit status.
   */
  public int join(WorkerProcess child) throws InterruptedException {
    int[] status = new int[1];
    awaitEnds(() -> status[0] = child.join(), java.util.List.of(child));
    return status[0];
  }

  /**
   * Waits for {@code waiting}, showing the lane as waiting; then the end of each process in {@code
   * processes} is linked to the moment this lane runs again (for a pool's join: every worker's).
   */
  void awaitEnds(Waiting<?> waiting, java.util.List<WorkerProcess> processes) throws InterruptedException {
    state(LaneState.WAITING);
    boolean returned = false;
    try {
      waiting.await();
      returned = true;
    } finally {
      java.util.List<EventRef> ended = new java.util.ArrayList<>();
      if (returned) {
        for (WorkerProcess process : processes) {
          if (process.endEvent() != null) {
            ended.add(process.endEvent());
          }
        }
      }
      resumeAfter(ended);
    }
  }

  /** The lane runs again: recorded as an event that each of {@code ends} is linked to. */
  private void resumeAfter(java.util.List<EventRef> ends) {
    current = LaneState.RUNNING;
    EventRef resumed = trace.recordRef(lane, EventKind.STATE, LaneState.RUNNING.ordinal(), "");
    for (EventRef end : ends) {
      trace.link(end, resumed, LinkKind.JOIN);
    }
  }

  /** A blocking call whose wait the lane should show. */
  @FunctionalInterface
  public interface Waiting<T> {
    T await() throws InterruptedException;
  }
}
