package concurrencylab.runtime;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A real {@link ReentrantLock} whose waits, acquisitions and releases land on the lanes of the
 * threads that do them. It is fair, so threads get it in the order they started to wait, which is
 * the order the lock stage shows.
 */
public final class TracedLock {
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Pacer pacer;

  public TracedLock(Pacer pacer) {
    this.pacer = pacer;
  }

  /** Acquires the lock for the thread of {@code lane}, showing it blocked while it waits. */
  public void lock(TracedLane lane) throws InterruptedException {
    int held = lock.getHoldCount();
    // tryLock with a timeout, unlike tryLock(), respects the fairness queue
    if (!lock.tryLock(0, TimeUnit.NANOSECONDS)) {
      lane.trace().record(lane.lane(), EventKind.LOCK_WAIT, held, "");
      lane.state(LaneState.BLOCKED);
      try {
        lock.lockInterruptibly();
      } finally {
        lane.state(LaneState.RUNNING);
      }
    }
    lane.trace().record(lane.lane(), EventKind.LOCK_ACQUIRED, lock.getHoldCount(), "");
    pacer.step(lane);
  }

  public void unlock(TracedLane lane) throws InterruptedException {
    int after = lock.getHoldCount() - 1;
    lane.trace().record(lane.lane(), EventKind.LOCK_RELEASED, after, "");
    lock.unlock();
    pacer.step(lane);
  }

  public int holdCount() {
    return lock.getHoldCount();
  }
}
