package concurrencylab.lesson.progress;

import concurrencylab.trace.AppText;
import concurrencylab.runtime.TracedLane;
import concurrencylab.runtime.UiThread;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.Trace;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the UI thread did during one run, as measured on it: the gaps between the frames it drew,
 * and the spans it was busy (with a frame, or with the lesson's own work), recorded on its lane.
 *
 * <p>A frame's busy span is known only once the thread is past it, so it is recorded afterwards
 * with the times it was measured at. That keeps the lane in time order because everything that
 * records on the lane runs on the UI thread, one after the other; work that prints there first
 * puts the span it interrupted on the lane.
 */
final class UiThreadRecorder implements UiThread.FrameListener {
  private final Trace trace;
  private final TracedLane lane;
  private final FrameMeter meter;
  private final long thresholdNanos;
  /** Guards what the run's own thread reads or waits for, and the lane's end. */
  private final Object lock = new Object();

  // UI thread only
  private long busySince = -1;
  private LaneState showing;
  private long lastFrame = -1;

  private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
  private final boolean cpuMeasured = threads.isCurrentThreadCpuTimeSupported();
  /** The UI thread's CPU time at its last frame, -1 when not measured. */
  private long lastFrameCpu = -1;
  /**
   * JavaFX's renderer thread, which draws the window's picture while the UI thread waits for it at
   * the next frame; -1 when not found or its CPU time not measured.
   */
  private long rendererId = -1;
  private long lastFrameRendererCpu = -1;

  // guarded by lock
  private long longestGap;
  /** The CPU time the UI thread and the renderer used during the longest gap. */
  private ProgressLesson.GapCpu longestGapCpu = ProgressLesson.GapCpu.UNMEASURED;
  private int gaps;
  private long latestFrame = Long.MIN_VALUE;
  private boolean ended;

  UiThreadRecorder(TracedLane lane, FrameMeter meter, long thresholdNanos) {
    this.trace = lane.trace();
    this.lane = lane;
    this.meter = meter;
    this.thresholdNanos = thresholdNanos;
  }

  @Override
  public void watching(long nanos) {
    rendererId = rendererThreadId(threads);
    meter.runStarted();
  }

  /** The renderer thread's id, -1 when there is none or its CPU time is not measured here. */
  static long rendererThreadId(java.lang.management.ThreadMXBean threads) {
    if (!threads.isThreadCpuTimeSupported()) {
      return -1;
    }
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] all = new Thread[root.activeCount() + 16];
    int count = root.enumerate(all, true);
    for (int i = 0; i < count; i++) {
      if (all[i].getName().startsWith("QuantumRenderer")) {
        return all[i].getId();
      }
    }
    return -1;
  }

  @Override
  public void frameStarted(long nanos) {
    long cpu = cpuMeasured ? threads.getCurrentThreadCpuTime() : -1;
    long rendererCpu = rendererId >= 0 ? threads.getThreadCpuTime(rendererId) : -1;
    if (lastFrame >= 0) {
      long gap = nanos - lastFrame;
      synchronized (lock) {
        if (gap > longestGap) {
          longestGap = gap;
          longestGapCpu = new ProgressLesson.GapCpu(cpu >= 0 && lastFrameCpu >= 0 ? cpu - lastFrameCpu : -1,
              rendererCpu >= 0 && lastFrameRendererCpu >= 0 ? rendererCpu - lastFrameRendererCpu : -1);
        }
        gaps++;
      }
      meter.frame(gap);
    }
    lastFrame = nanos;
    lastFrameCpu = cpu;
    lastFrameRendererCpu = rendererCpu;
    synchronized (lock) {
      latestFrame = nanos;
      lock.notifyAll();
    }
    if (showing == null && busySince < 0) {
      busySince = nanos;
    }
  }

  @Override
  public void frameEnded(long nanos) {
    idle(nanos);
  }

  /** The lesson's work on the UI thread is in {@code state} from now on. */
  void working(LaneState state) {
    long now = System.nanoTime();
    if (showing == null) {
      record(busySince >= 0 ? busySince : now, LaneState.RUNNING);
      showing = LaneState.RUNNING;
      busySince = -1;
    }
    if (state != showing) {
      record(now, state);
      showing = state;
    }
  }

  /** The UI thread is free again at {@code nanos}. */
  void idle(long nanos) {
    if (showing != null) {
      record(nanos, LaneState.WAITING);
      showing = null;
    } else if (busySince >= 0 && nanos - busySince >= thresholdNanos) {
      record(busySince, LaneState.RUNNING);
      record(nanos, LaneState.WAITING);
    }
    busySince = -1;
  }

  private void record(long nanos, LaneState state) {
    synchronized (lock) {
      if (!ended) {
        trace.recordAt(lane.lane().id(), nanos - trace.originNanos(), EventKind.STATE, state.ordinal(), "");
      }
    }
  }

  /**
   * Waits until the UI thread starts a frame after {@code nanos}, at most {@code timeoutMillis};
   * returns whether it did.
   */
  boolean awaitFrameAfter(long nanos, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (lock) {
      while (latestFrame <= nanos) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /**
   * Stops watching and ends the lane, on the UI thread so that nothing measured lands after the
   * end. A Stop does not cut this short: the lane must end before the run does.
   */
  void finish(UiThread ui, UiThread.FrameWatch watch, long timeoutMillis) {
    CountDownLatch done = new CountDownLatch(1);
    ui.run(() -> {
      watch.stop();
      idle(System.nanoTime());
      end();
      done.countDown();
    });
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (done.getCount() > 0) {
      try {
        if (!done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    // does nothing when the UI thread ended the lane; when it did not answer in time, the lane
    // ends here and what it measures later stays off it
    end();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void end() {
    synchronized (lock) {
      if (!ended) {
        trace.record(lane.lane(), EventKind.END, 0, AppText.of("end.thread.ended"));
        ended = true;
      }
    }
  }

  long longestGapNanos() {
    synchronized (lock) {
      return longestGap;
    }
  }

  /** How much of the longest gap the UI thread spent running and the renderer drawing (their CPU time). */
  ProgressLesson.GapCpu longestGapCpu() {
    synchronized (lock) {
      return longestGapCpu;
    }
  }

  int gaps() {
    synchronized (lock) {
      return gaps;
    }
  }
}
