package concurrencylab.trace;

import java.util.Arrays;

/**
 * The CPU time one thread had used, read now and then while it ran: pairs of (trace time, its
 * on-CPU nanoseconds) in time order. Between two readings the thread is taken to have run evenly,
 * so the CPU time it used between two trace times is read off the line through the readings
 * around them.
 */
public final class CpuSamples {
  private long[] times = new long[256];
  private long[] cpu = new long[256];
  private int size;

  /** A reading at trace time {@code time}: the thread had used {@code cpuNanos} so far. */
  public synchronized void add(long time, long cpuNanos) {
    if (size > 0 && time <= times[size - 1]) {
      return; // readings come in time order; one at the same time adds nothing
    }
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      cpu = Arrays.copyOf(cpu, size * 2);
    }
    times[size] = time;
    cpu[size] = cpuNanos;
    size++;
  }

  public synchronized int size() {
    return size;
  }

  /**
   * The CPU time the thread used from trace time {@code from} to {@code to}; -1 when the readings
   * do not reach from before the one to after the other.
   */
  public synchronized long between(long from, long to) {
    if (size < 2 || from < times[0] || to > times[size - 1] || to < from) {
      return -1;
    }
    return Math.max(0, at(to) - at(from));
  }

  private long at(long time) {
    int i = Arrays.binarySearch(times, 0, size, time);
    if (i >= 0) {
      return cpu[i];
    }
    int after = -i - 1; // 1 .. size-1: time lies between two readings
    long t0 = times[after - 1];
    long t1 = times[after];
    return cpu[after - 1] + Math.round((cpu[after] - cpu[after - 1]) * (double) (time - t0) / (t1 - t0));
  }
}
