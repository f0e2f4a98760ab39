package concurrencylab.runtime;

import concurrencylab.trace.LaneState;

/**
 * Pause for a live run: the work of a run passes the gate at each step (a paced step, a sleep), and
 * while the gate is closed it waits there. Work that never passes it, such as a child process in
 * the middle of its own sleep, cannot be paused; lessons say so. While paused, {@link #step()} lets
 * every thread waiting at the gate go on to its next pass, where it waits again.
 */
public final class PauseGate {
  private boolean paused;
  private int waiting;
  /** How many steps were taken; a waiting thread goes on when it changes. */
  private long steps;
  /** Work that waits elsewhere than at this gate (a Python run's processes), told of each change. */
  private final java.util.List<java.util.function.Consumer<Boolean>> followers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.List<Runnable> stepFollowers = new java.util.concurrent.CopyOnWriteArrayList<>();

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

  /**
   * {@code follower} hears of every pause and resume, and {@code stepped} of every step, from now
   * on; neither may block. Returns what stops them following.
   */
  public Runnable follow(java.util.function.Consumer<Boolean> follower, Runnable stepped) {
    stepFollowers.add(stepped);
    Runnable unfollow = follow(follower);
    return () -> {
      unfollow.run();
      stepFollowers.remove(stepped);
    };
  }

  /**
   * One step while paused: every thread waiting at the gate now goes on and waits again at its
   * next pass; a thread that arrives later waits. Returns false, doing nothing, when not paused.
   */
  public boolean step() {
    synchronized (this) {
      if (!paused) {
        return false;
      }
      steps++;
      notifyAll();
    }
    stepFollowers.forEach(Runnable::run);
    return true;
  }

  public synchronized boolean isPaused() {
    return paused;
  }

  /**
   * Returns at once unless paused; then waits for {@link #resume()} or the next {@link #step()},
   * the lane shown as paused meanwhile and back in its former state afterwards.
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
        long arrived = steps;
        try {
          while (paused && steps == arrived) {
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
