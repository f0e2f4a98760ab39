package concurrencylab.runtime.python;

import concurrencylab.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reads, every few milliseconds while a Python run lives, how much CPU time the main thread of
 * the script's first process has used, into the run's trace: the script's event loop runs there,
 * and a verdict can then tell the loop's own work from time it was not running. Linux only (the
 * kernel's {@code /proc/<pid>/task/<tid>/schedstat}); elsewhere nothing is read and the verdicts
 * say so.
 */
final class MainThreadCpuSampler {
  private static final long PERIOD_MILLIS = 5;
  private final Trace trace;
  private final LongSupplier mainPid;
  private volatile boolean stopped;

  MainThreadCpuSampler(Trace trace, LongSupplier mainPid) {
    this.trace = trace;
    this.mainPid = mainPid;
  }

  /** Starts reading on a daemon thread of its own, until {@link #stop()}. */
  void start(String name) {
    if (!Files.isDirectory(Path.of("/proc/self/task"))) {
      return;
    }
    Thread reader = new Thread(this::readUntilStopped, name);
    reader.setDaemon(true);
    reader.start();
  }

  void stop() {
    stopped = true;
  }

  private void readUntilStopped() {
    while (!stopped) {
      long pid = mainPid.getAsLong();
      if (pid > 0) {
        long cpu = onCpuNanos(pid, pid);
        if (cpu >= 0) {
          trace.mainThreadCpu(pid).add(trace.now(), cpu);
        }
      }
      try {
        TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The on-CPU nanoseconds of thread {@code tid} of process {@code pid}; -1 when it cannot be read (gone, not Linux). */
  static long onCpuNanos(long pid, long tid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "schedstat"));
      int space = stat.indexOf(' ');
      return Long.parseLong(space < 0 ? stat.strip() : stat.substring(0, space));
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
