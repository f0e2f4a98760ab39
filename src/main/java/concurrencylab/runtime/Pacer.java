package concurrencylab.runtime;

/**
 * Slow motion: a pause after each step of a lesson's work (a read, a write, an acquire), so that a
 * class can follow it. The pause is real: the thread really waits, so what the timeline shows is
 * what happened, only slower.
 */
public final class Pacer {
  private final long stepMillis;

  public Pacer(long stepMillis) {
    this.stepMillis = Math.max(0, stepMillis);
  }

  public long stepMillis() {
    return stepMillis;
  }

  public void step() throws InterruptedException {
    if (stepMillis > 0) {
      Thread.sleep(stepMillis);
    } else if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }
}
