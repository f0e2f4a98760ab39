package concurrencylab.runtime;

import concurrencylab.trace.LaneState;

/**
 * Pause for a live run: the work of a run passes the gate at each step (a paced step, a sleep), and
 * while the gate is closed it waits there. Work that never passes it, such as a child process in
 * the middle of its own sleep, cannot be paused; lessons say so.
 */
public final class PauseGate {
  private boolean paused;
  private int waiting;
  /** Work that waits elsewhere than at this gate (a Python run's processes), told of each change. */
  private final java.util.List<java.util.function.Consumer<Boolean>> followers = new java.util.concurrent.CopyOnWriteArrayList<>();

  public void pause() {
    synchronized (this) {
      paused = true;
    }
    followers.forEach(f -> f.accept(true));
  }

  public void resume() {
    synchronized (this) {
      paused = false;
      notifyAll();
    }
    followers.forEach(f -> f.accept(false));
  }

  /**
   * {@code follower} hears of every pause and resume from now on (and is told the state now); it
   * must not block. Returns what stops it following.
   */
  public Runnable follow(java.util.function.Consumer<Boolean> follower) {
    followers.add(follower);
    follower.accept(isPaused());
    return () -> followers.remove(follower);
  }

  public synchronized boolean isPaused() {
    return paused;
  }

  /**
   * Returns at once unless paused; then waits for {@link #resume()}, the lane shown as paused
   * meanwhile and back in its former state afterwards.
   */
  public void pass(TracedLane lane) throws InterruptedException {
    synchronized (this) {
      if (!paused) {
        return;
      }
    }
    LaneState before = lane.currentState();
    lane.state(LaneState.PAUSED);
    try {
      synchronized (this) {
        waiting++;
        try {
          while (paused) {
            wait();
          }
        } finally {
          waiting--;
        }
      }
    } finally {
      lane.state(before);
    }
  }

  /** How many threads wait at the gate now. */
  public synchronized int waiting() {
    return waiting;
  }
}
