package concurrencylab.runtime;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.EventRef;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LinkKind;
import concurrencylab.trace.SyncKind;
import concurrencylab.trace.SyncObject;
import concurrencylab.trace.Trace;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A real {@link ReentrantLock} whose waits, acquisitions and releases land on the lanes of the
 * threads that do them, naming the lock's {@link SyncObject}. It is fair, so threads get it in the
 * order they started to wait, which is the order the lock stage shows; and a thread that had to
 * wait got it from the release just before its acquisition, which the trace links as a hand-over.
 */
public final class TracedLock {
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Pacer pacer;
  private final SyncObject object;
  /**
   * The last release that left the lock free. Written by the holder before it unlocks, so whoever
   * acquires next sees it: with a fair lock, that thread is the one this release let in.
   */
  private volatile EventRef lastFreed;

  public TracedLock(Trace trace, String name, Pacer pacer) {
    this.pacer = pacer;
    this.object = trace.addSyncObject(SyncKind.LOCK, name);
  }

  /** Acquires the lock for the thread of {@code lane}, showing it blocked while it waits. */
  public void lock(TracedLane lane) throws InterruptedException {
    Trace trace = lane.trace();
    int held = lock.getHoldCount();
    boolean waited = false;
    // tryLock with a timeout, unlike tryLock(), respects the fairness queue
    if (!lock.tryLock(0, TimeUnit.NANOSECONDS)) {
      trace.recordSync(lane.lane(), object, EventKind.LOCK_WAIT, held);
      lane.state(LaneState.BLOCKED);
      try {
        lock.lockInterruptibly();
        waited = true;
      } finally {
        lane.state(LaneState.RUNNING);
      }
    }
    EventRef acquired = trace.recordSync(lane.lane(), object, EventKind.LOCK_ACQUIRED, lock.getHoldCount());
    EventRef freed = lastFreed;
    if (waited && freed != null) {
      trace.link(freed, acquired, LinkKind.HAND_OVER);
    }
    pacer.step(lane);
  }

  public void unlock(TracedLane lane) throws InterruptedException {
    int after = lock.getHoldCount() - 1;
    EventRef released = lane.trace().recordSync(lane.lane(), object, EventKind.LOCK_RELEASED, after);
    if (after == 0) {
      lastFreed = released;
    }
    lock.unlock();
    pacer.step(lane);
  }

  public int holdCount() {
    return lock.getHoldCount();
  }

  /** The lock as the trace knows it. */
  public SyncObject object() {
    return object;
  }
}
