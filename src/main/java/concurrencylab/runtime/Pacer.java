package concurrencylab.runtime;

import concurrencylab.trace.LaneState;

/**
 * Slow motion: a pause after each step of a lesson's work (a read, a write, an acquire), so that a
 * class can follow it. The pause is real: the thread really waits, so what the timeline shows is
 * what happened, only slower.
 */
public final class Pacer {
  private final long stepMillis;
  private final PauseGate gate;

  public Pacer(long stepMillis) {
    this(stepMillis, new PauseGate());
  }

  public Pacer(long stepMillis, PauseGate gate) {
    this.stepMillis = Math.max(0, stepMillis);
    this.gate = gate;
  }

  public long stepMillis() {
    return stepMillis;
  }

  /**
   * One step of the thread of {@code lane}: pauses here when the run is paused, then waits a step,
   * shown on its lane as sleeping (it had been drawn running through the pause, as if it worked).
   */
  public void step(TracedLane lane) throws InterruptedException {
    gate.pass(lane);
    if (stepMillis > 0) {
      lane.state(LaneState.SLEEPING);
      try {
        Thread.sleep(stepMillis);
      } finally {
        lane.state(LaneState.RUNNING);
      }
    } else if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }
}
