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

  public void step() throws InterruptedException {
    gate.pass();
    if (stepMillis > 0) {
      Thread.sleep(stepMillis);
    } else if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }
}
