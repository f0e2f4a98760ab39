package concurrencylab.runtime;

/** Thrown into a lesson's code when its run was stopped while it was about to start more work. */
public final class CancelledRunException extends RuntimeException {
  public CancelledRunException() {
    super("the run was stopped");
  }
}
