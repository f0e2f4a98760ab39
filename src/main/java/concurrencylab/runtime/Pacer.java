package concurrencylab.runtime;

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

  /** One step of the thread of {@code lane}: pauses here when the run is paused, then waits a step. */
  public void step(TracedLane lane) throws InterruptedException {
    gate.pass(lane);
    if (stepMillis > 0) {
      Thread.sleep(stepMillis);
    } else if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }
}
